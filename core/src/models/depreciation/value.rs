//! [`value_schedule`]: book value against economic value, month by month. Economic value
//! is not book value (docs/domain.md section 5): a six-year straight line carries a GPU
//! far above what the market pays for it once a new generation ships.
//!
//! ```text
//! book value       Bₘ = the book schedule's value at the end of month m   (book_schedule)
//! economic value   Eₘ = cost × residual(m)
//! gap              Gₘ = Bₘ − Eₘ          (positive: the books carry it above its market value)
//! ```

use serde::{Deserialize, Serialize};

use super::{BookScheduleInputs, Curve, book_schedule};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// What [`value_schedule`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueScheduleInputs {
    /// The book schedule (its cost is the residual curve's base, its months the horizon).
    pub book: BookScheduleInputs,
    /// Economic value as a multiplier of the cost, 1 at month 0.
    pub residual: Curve,
}

/// One month of a [`ValueSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueMonth {
    /// The month.
    pub month: u32,
    /// Book value at the end of the month.
    pub book_value_usd: Decimal,
    /// `cost × residual(month)`.
    pub economic_value_usd: Decimal,
    /// `book − economic`.
    pub gap_usd: Decimal,
}

/// The result of [`value_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueSchedule {
    /// One row per month, from month 1.
    pub months: Vec<ValueMonth>,
}

impl Validate for ValueScheduleInputs {
    fn check(&self, c: &mut Checker) {
        c.nested("book", &self.book);
        c.nested("residual", &self.residual);
    }
}

/// Book value and economic value side by side (formulas in the [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`book.life_years`,
/// `residual.annual_factor`); [`ModelError::Finance`] on overflow.
///
/// # Example
/// $50,000 over 6 years straight line to $5,000, against a value falling to 0.724 of
/// itself each year: after a year the books say $42,500, the market $36,200.
/// ```
/// use gpuecon::models::depreciation::{value_schedule, ValueScheduleInputs};
/// use gpuecon::Decimal;
/// let inputs: ValueScheduleInputs = serde_json::from_str(r#"{
///   "book": { "cost_usd": 50000, "salvage_usd": 5000, "life_years": 6,
///             "method": { "kind": "straight_line" }, "months": 72 },
///   "residual": { "kind": "exponential", "annual_factor": "0.724" }
/// }"#).unwrap();
/// let year = &value_schedule(&inputs)?.months[11];
/// assert_eq!(year.book_value_usd, Decimal::from(42_500));
/// assert_eq!(year.economic_value_usd, Decimal::from(36_200));
/// assert_eq!(year.gap_usd, Decimal::from(6_300));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn value_schedule(inputs: &ValueScheduleInputs) -> Result<ValueSchedule, ModelError> {
    inputs.ensure_valid()?;
    let cost = inputs.book.cost_usd;
    let months = book_schedule(&inputs.book)
        .map_err(|e| e.within("book"))?
        .months
        .into_iter()
        .map(|row| {
            let residual = inputs.residual.value_within("residual", row.month)?;
            let economic = units::mul(cost, residual, "residual")?;
            Ok(ValueMonth {
                month: row.month,
                book_value_usd: row.book_value_usd,
                economic_value_usd: economic,
                gap_usd: units::sub(row.book_value_usd, economic, "residual")?,
            })
        })
        .collect::<Result<_, ModelError>>()?;
    Ok(ValueSchedule { months })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::models::depreciation::{BookMethod, CurveStep};

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn generational_step_by_hand() {
        // $40,000, no salvage, 4 years straight line ($833.33… a month); the market value
        // halves when the next generation ships in month 18.
        let inputs = ValueScheduleInputs {
            book: BookScheduleInputs {
                cost_usd: d("40000"),
                salvage_usd: Decimal::ZERO,
                life_years: d("4"),
                method: BookMethod::StraightLine,
                months: 24,
            },
            residual: Curve::GenerationalStep {
                annual_factor: None,
                steps: vec![CurveStep {
                    month: 18,
                    factor: d("0.5"),
                }],
            },
        };
        let months = value_schedule(&inputs).unwrap().months;
        // month 17: book 40,000 − 17 × 10,000/12 = 25,833.33…; market 40,000; gap < 0
        assert_eq!(months[16].economic_value_usd, d("40000"));
        assert!(months[16].gap_usd < Decimal::ZERO);
        // month 18: book 40,000 − 15,000 = 25,000; market 20,000; gap 5,000
        assert_eq!(months[17].book_value_usd, d("25000"));
        assert_eq!(months[17].economic_value_usd, d("20000"));
        assert_eq!(months[17].gap_usd, d("5000"));
    }

    #[test]
    fn errors_are_named_within_the_inputs() {
        let inputs = ValueScheduleInputs {
            book: BookScheduleInputs {
                cost_usd: d("40000"),
                salvage_usd: Decimal::ZERO,
                life_years: Decimal::ZERO,
                method: BookMethod::StraightLine,
                months: 24,
            },
            residual: Curve::Exponential {
                annual_factor: d("-1"),
            },
        };
        let fields: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(fields, ["book.life_years", "residual.annual_factor"]);
        assert_eq!(
            value_schedule(&inputs).unwrap_err().field(),
            "book.life_years"
        );
    }
}
