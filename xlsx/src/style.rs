//! Number formats and cell styles, as financial modellers use them: inputs in blue on a
//! pale yellow fill, formulas in black, figures computed by gpuecon and written as values
//! in grey italics on a grey fill.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// What a number is: sets its format and how close a recalculation must come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// USD, to the cent.
    Money,
    /// USD per GPU-hour (4 decimals shown).
    Price,
    /// A share or a rate, shown as a percentage.
    Percent,
    /// A multiple (DSCR), shown as `1.30x`.
    Multiple,
    /// GPU-hours or MWh.
    Hours,
    /// A count (GPUs, months).
    Count,
    /// A plain factor (a curve's multiplier, a discount factor).
    Factor,
    /// A date (an Excel serial number).
    Date,
    /// A flag: 1 shows `yes`, 0 `no`.
    Flag,
}

impl Kind {
    /// The largest difference allowed between a recalculated cell and gpuecon's figure:
    /// half a cent for money (so that both round to the same cent), 1e-9 for ratios and
    /// factors, 1e-6 for hours and counts (products of decimal inputs in `f64`).
    pub(crate) const fn tolerance(self) -> f64 {
        match self {
            Self::Money => 0.005,
            Self::Hours | Self::Count | Self::Date | Self::Flag => 1e-6,
            Self::Price | Self::Percent | Self::Multiple | Self::Factor => 1e-9,
        }
    }

    /// The Excel number format.
    const fn number_format(self) -> &'static str {
        match self {
            Self::Money => "#,##0.00;[Red]-#,##0.00",
            Self::Price => "#,##0.0000",
            Self::Percent => "0.00%",
            Self::Multiple => "0.000\"x\"",
            Self::Hours => "#,##0.00",
            Self::Count => "#,##0.####",
            Self::Factor => "0.000000",
            Self::Date => "yyyy-mm-dd",
            Self::Flag => "\"yes\";\"yes\";\"no\"",
        }
    }
}

const KINDS: [Kind; 9] = [
    Kind::Money,
    Kind::Price,
    Kind::Percent,
    Kind::Multiple,
    Kind::Hours,
    Kind::Count,
    Kind::Factor,
    Kind::Date,
    Kind::Flag,
];

/// The fill of figures written as values.
const GREY: Color = Color::RGB(0x00E7_E6E6);

/// The workbook's formats, made once.
pub(crate) struct Styles {
    formulas: Vec<Format>,
    values: Vec<Format>,
    inputs: Vec<Format>,
    /// Column headers.
    pub(crate) header: Format,
    /// A sheet's title.
    pub(crate) title: Format,
    /// Notes and units.
    pub(crate) note: Format,
}

/// Where `kind` sits in [`KINDS`].
fn index(kind: Kind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

impl Styles {
    pub(crate) fn new() -> Self {
        let make = |style: fn(Format) -> Format| {
            KINDS
                .iter()
                .map(|k| style(Format::new().set_num_format(k.number_format())))
                .collect()
        };
        Self {
            formulas: make(|f| f),
            values: make(|f| {
                f.set_background_color(GREY)
                    .set_italic()
                    .set_font_color(Color::RGB(0x0059_5959))
            }),
            inputs: make(|f| {
                f.set_background_color(Color::RGB(0x00FF_F2CC))
                    .set_font_color(Color::Blue)
            }),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_border_bottom(FormatBorder::Thin),
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new().set_italic().set_font_color(Color::Gray),
        }
    }

    /// A formula's format.
    pub(crate) fn formula(&self, kind: Kind) -> &Format {
        self.formulas.get(index(kind)).unwrap_or(&self.header)
    }

    /// The format of a figure written as a value.
    pub(crate) fn value(&self, kind: Kind) -> &Format {
        self.values.get(index(kind)).unwrap_or(&self.header)
    }

    /// An input's format.
    pub(crate) fn input(&self, kind: Kind) -> &Format {
        self.inputs.get(index(kind)).unwrap_or(&self.header)
    }
}
