//! Writing one sheet: formulas that carry gpuecon's own value as their cached result,
//! inputs, values computed by gpuecon, labels; and the record of every formula cell with
//! the figure it must recalculate to.

use gpuecon::Decimal;
use gpuecon::units::to_f64_lossy;
use rust_xlsxwriter::{Format, Formula, Worksheet};

use crate::XlsxError;
use crate::style::{Kind, Styles};

/// A formula cell and gpuecon's figure for it, for a check by a spreadsheet engine.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaCell {
    /// The sheet's name.
    pub sheet: &'static str,
    /// The cell, A1 style (`"C5"`).
    pub cell: String,
    /// gpuecon's figure; `None` where gpuecon has none (a DSCR without debt service), which
    /// the formula shows as [`NONE`].
    pub expected: Option<f64>,
    /// How close a recalculation must come: a cent for money, 1e-9 for ratios, 1e-6 for
    /// hours and energy.
    pub tolerance: f64,
}

/// A named input cell.
#[derive(Debug, Clone, PartialEq)]
pub struct InputCell {
    /// The defined name (`"market_on_demand_usd_per_gpu_hour"`).
    pub name: String,
    /// The scenario field it holds (`"market.on_demand_usd_per_gpu_hour"`).
    pub field: String,
    /// The sheet's name.
    pub sheet: &'static str,
    /// The cell, A1 style.
    pub cell: String,
    /// Its value.
    pub value: f64,
}

/// What a formula shows where gpuecon has no figure (no IRR, no DSCR without service).
pub const NONE: &str = "n/a";

/// `Decimal` to `f64` (the nearest).
pub(crate) fn f(value: Decimal) -> f64 {
    to_f64_lossy(value)
}

/// The A1 name of a cell (`row` and `col` from 0).
pub(crate) fn a1(row: u32, col: u16) -> String {
    format!("{}{}", column(col), row + 1)
}

/// The absolute A1 name of a cell (`$C$5`).
pub(crate) fn abs(row: u32, col: u16) -> String {
    format!("${}${}", column(col), row + 1)
}

/// A column's letters (0 is A).
pub(crate) fn column(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One sheet being written.
pub(crate) struct Sheet<'s> {
    pub(crate) ws: Worksheet,
    pub(crate) name: &'static str,
    pub(crate) styles: &'s Styles,
    pub(crate) formulas: Vec<FormulaCell>,
}

impl<'s> Sheet<'s> {
    /// An empty sheet called `name`.
    pub(crate) fn new(name: &'static str, styles: &'s Styles) -> Result<Self, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Self {
            ws,
            name,
            styles,
            formulas: Vec::new(),
        })
    }

    /// A formula whose cached result is gpuecon's `value` (`None`: [`NONE`]).
    pub(crate) fn formula(
        &mut self,
        row: u32,
        col: u16,
        formula: &str,
        value: Option<f64>,
        kind: Kind,
    ) -> Result<(), XlsxError> {
        let result = value.map_or_else(|| NONE.to_owned(), |v| v.to_string());
        let cell = Formula::new(formula).set_result(result);
        self.ws
            .write_formula_with_format(row, col, cell, self.styles.formula(kind))?;
        self.formulas.push(FormulaCell {
            sheet: self.name,
            cell: a1(row, col),
            expected: value,
            tolerance: kind.tolerance(),
        });
        Ok(())
    }

    /// A formula checked against a gpuecon `Decimal`.
    pub(crate) fn formula_d(
        &mut self,
        row: u32,
        col: u16,
        formula: &str,
        value: Decimal,
        kind: Kind,
    ) -> Result<(), XlsxError> {
        self.formula(row, col, formula, Some(f(value)), kind)
    }

    /// A figure computed by gpuecon that the sheet does not recompute (styled and noted as
    /// a value).
    pub(crate) fn value(
        &mut self,
        row: u32,
        col: u16,
        value: f64,
        kind: Kind,
    ) -> Result<(), XlsxError> {
        self.ws
            .write_number_with_format(row, col, value, self.styles.value(kind))?;
        Ok(())
    }

    /// An input the analyst may change (a series entry, or a named input).
    pub(crate) fn input(
        &mut self,
        row: u32,
        col: u16,
        value: f64,
        kind: Kind,
    ) -> Result<(), XlsxError> {
        self.ws
            .write_number_with_format(row, col, value, self.styles.input(kind))?;
        Ok(())
    }

    /// Text in a format.
    pub(crate) fn text(
        &mut self,
        row: u32,
        col: u16,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, col, text, format)?;
        Ok(())
    }

    /// Plain text.
    pub(crate) fn plain(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        self.ws.write_string(row, col, text)?;
        Ok(())
    }
}
