//! [`Curve`]: one path for residual values and rental prices, as a multiplier of a base
//! value (the capex, or a price), 1 at month 0.
//!
//! ```text
//! constant           c(m) = 1
//! exponential        c(m) = a^(m/12)                          a = annual_factor
//! generational_step  c(m) = a^(m/12) × Π { fₖ : monthₖ ≤ m }  (a = 1 when not given)
//! points             c(m) = linear between the points (mᵢ, vᵢ), flat before the first
//!                           and after the last: (vᵢ(mᵢ₊₁ − m) + vᵢ₊₁(m − mᵢ)) / (mᵢ₊₁ − mᵢ)
//! ```
//!
//! - **Exponential decline**: price-performance improving 0.14 orders of magnitude a year
//!   makes a GPU worth `10^−0.14 = 0.7244…` of its value a year later
//!   ([`Curve::from_orders_of_magnitude_per_year`]). `a^(m/12)` is a fractional power,
//!   irrational: it is computed in `f64` and converted to [`Decimal`] once.
//! - **Generational steps**: the value drops by `fₖ` in the month a new generation ships
//!   (H100 → B200), on top of an optional underlying decline.
//! - **Points** are values, not multipliers of a previous point: with a base of 1 they are
//!   absolute market prices (`[{ month: 0, value: 8 }, { month: 24, value: 2.35 }]`). The
//!   value at month 0 is then the first point's value, not 1. The weighted form above
//!   never leaves `[min(vᵢ, vᵢ₊₁), max(vᵢ, vᵢ₊₁)]`, rounding included.

use serde::{Deserialize, Serialize};

use super::MAX_MONTHS;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// A path of multipliers, 1 at month 0 (except [`Curve::Points`], which gives values). Its
/// JSON form is tagged by `kind`: `{ "kind": "exponential", "annual_factor": 0.7244 }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Curve {
    /// 1 in every month (the default).
    #[default]
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    Constant,
    /// `annual_factor^(month/12)`: a constant rate of decline (a factor below 1) or growth.
    Exponential {
        /// The multiplier a year later (greater than 0; 0.7244 for 0.14 orders of
        /// magnitude a year).
        annual_factor: Decimal,
    },
    /// Steps down when new generations ship, on an optional underlying decline.
    GenerationalStep {
        /// The underlying decline, as in [`Curve::Exponential`] (greater than 0; default
        /// none).
        #[serde(default)]
        annual_factor: Option<Decimal>,
        /// The steps, in increasing months.
        steps: Vec<CurveStep>,
    },
    /// A market curve given as points, linear between them and flat outside them.
    Points {
        /// At least one point, in increasing months, values at least 0.
        points: Vec<CurvePoint>,
    },
}

/// A new generation's ship month and the factor the value is multiplied by from then on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurveStep {
    /// The first month with the lower value (at least 1).
    pub month: u32,
    /// The multiplier from that month on (greater than 0; 0.6 for a 40 % drop).
    pub factor: Decimal,
}

/// A point of a [`Curve::Points`] curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurvePoint {
    /// The month (0 is the start).
    pub month: u32,
    /// The value then (at least 0).
    pub value: Decimal,
}

/// What [`curve_series`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurveSeriesInputs {
    /// The curve.
    pub curve: Curve,
    /// Months to evaluate (1 to [`MAX_MONTHS`]).
    pub months: u32,
}

/// The result of [`curve_series`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurveSeries {
    /// The curve's value in months 1 to `months` (index 0 is month 1).
    pub values: Vec<Decimal>,
}

impl Validate for Curve {
    /// Every problem with the curve, in field order.
    ///
    /// ```
    /// use gpuecon::models::depreciation::Curve;
    /// use gpuecon::models::Validate;
    /// let curve: Curve = serde_json::from_str(r#"{ "kind": "points", "points": [
    ///   { "month": 12, "value": 2 }, { "month": 6, "value": -1 } ] }"#).unwrap();
    /// let fields: Vec<_> = curve.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["points[1].month", "points[1].value"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        match self {
            Self::Constant => {}
            Self::Exponential { annual_factor } => c.positive("annual_factor", *annual_factor),
            Self::GenerationalStep {
                annual_factor,
                steps,
            } => {
                if let Some(factor) = annual_factor {
                    c.positive("annual_factor", *factor);
                }
                let mut previous = 0;
                for (i, step) in steps.iter().enumerate() {
                    c.within(&format!("steps[{i}]"), |c| {
                        if step.month <= previous {
                            let reason = if i == 0 {
                                "must be at least 1"
                            } else {
                                "must be after the previous step's month"
                            };
                            c.problem("month", reason);
                        }
                        c.positive("factor", step.factor);
                    });
                    previous = step.month;
                }
            }
            Self::Points { points } => {
                if points.is_empty() {
                    c.problem("points", "must hold at least one point");
                }
                for (i, point) in points.iter().enumerate() {
                    c.within(&format!("points[{i}]"), |c| {
                        let before = i.checked_sub(1).and_then(|j| points.get(j));
                        if before.is_some_and(|b| point.month <= b.month) {
                            c.problem("month", "must be after the previous point's month");
                        }
                        c.at_least("value", point.value, Decimal::ZERO);
                    });
                }
            }
        }
    }
}

impl Curve {
    /// An exponential decline of `orders` orders of magnitude a year:
    /// `annual_factor = 10^−orders`, computed in `f64` and converted once.
    ///
    /// # Errors
    /// [`ModelError`] on `orders_of_magnitude_per_year` when `10^−orders` is not a positive
    /// [`Decimal`] (beyond about ±28 orders).
    ///
    /// # Example
    /// The domain's 0.14 orders of magnitude a year: × 0.7244 a year.
    /// ```
    /// use gpuecon::models::depreciation::Curve;
    /// use gpuecon::Decimal;
    /// let curve = Curve::from_orders_of_magnitude_per_year(Decimal::new(14, 2))?;
    /// assert_eq!(curve.value_at(12)?.round_dp(6), Decimal::new(724_436, 6));
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn from_orders_of_magnitude_per_year(orders: Decimal) -> Result<Self, ModelError> {
        const FIELD: &str = "orders_of_magnitude_per_year";
        let factor = libm::pow(10_f64, -units::to_f64_lossy(orders));
        let annual_factor = units::decimal_from_f64(factor, FIELD)?;
        if annual_factor <= Decimal::ZERO {
            return Err(ModelError::domain(
                FIELD,
                "gives an annual factor too small for a decimal",
            ));
        }
        Ok(Self::Exponential { annual_factor })
    }

    /// The curve's value at `month` (0 is the start).
    ///
    /// # Errors
    /// The first problem [`Validate::validate`] finds, named relative to the curve
    /// (`points[1].month`); [`ModelError::Finance`] when a power or product does not fit a
    /// [`Decimal`].
    ///
    /// # Example
    /// An H100's value falling to 0.6 of itself when the B200 ships in month 18:
    /// ```
    /// use gpuecon::models::depreciation::{Curve, CurveStep};
    /// use gpuecon::Decimal;
    /// let curve = Curve::GenerationalStep {
    ///     annual_factor: None,
    ///     steps: vec![CurveStep { month: 18, factor: Decimal::new(6, 1) }],
    /// };
    /// assert_eq!(curve.value_at(17)?, Decimal::ONE);
    /// assert_eq!(curve.value_at(18)?, Decimal::new(6, 1));
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn value_at(&self, month: u32) -> Result<Decimal, ModelError> {
        self.ensure_valid()?;
        self.value(month)
    }

    /// The curve's values in months 1 to `months` (index 0 is month 1).
    ///
    /// # Errors
    /// As [`Curve::value_at`]; a domain error on `months` above [`MAX_MONTHS`].
    ///
    /// # Example
    /// ```
    /// use gpuecon::models::depreciation::{Curve, CurvePoint};
    /// use gpuecon::Decimal;
    /// let prices = Curve::Points { points: vec![
    ///     CurvePoint { month: 0, value: Decimal::from(8) },
    ///     CurvePoint { month: 4, value: Decimal::from(4) },
    /// ] };
    /// // 8 → 4 over four months: 7, 6, 5, 4, then flat.
    /// assert_eq!(prices.series(5)?, [7, 6, 5, 4, 4].map(Decimal::from));
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn series(&self, months: u32) -> Result<Vec<Decimal>, ModelError> {
        if months > MAX_MONTHS {
            return Err(ModelError::domain("months", "must be at most 1200 months"));
        }
        self.ensure_valid()?;
        (1..=months).map(|m| self.value(m)).collect()
    }

    /// The value at `month` of a curve already checked; errors named relative to it.
    pub(super) fn value(&self, month: u32) -> Result<Decimal, ModelError> {
        match self {
            Self::Constant => Ok(Decimal::ONE),
            Self::Exponential { annual_factor } => decline(*annual_factor, month),
            Self::GenerationalStep {
                annual_factor,
                steps,
            } => {
                let mut value = match annual_factor {
                    Some(factor) => decline(*factor, month)?,
                    None => Decimal::ONE,
                };
                for (i, step) in steps.iter().take_while(|s| s.month <= month).enumerate() {
                    value = units::mul(value, step.factor, "factor")
                        .map_err(|e| ModelError::finance(&format!("steps[{i}].factor"), e))?;
                }
                Ok(value)
            }
            Self::Points { points } => interpolate(points, month),
        }
    }

    /// [`Curve::value`] with errors named under `path` (`stages[2].price_curve`).
    pub(super) fn value_within(&self, path: &str, month: u32) -> Result<Decimal, ModelError> {
        self.value(month).map_err(|e| e.within(path))
    }
}

/// `factor^(month/12)`: a fractional power, in `f64`, converted once.
fn decline(factor: Decimal, month: u32) -> Result<Decimal, ModelError> {
    if month == 0 {
        return Ok(Decimal::ONE);
    }
    let value = libm::pow(units::to_f64_lossy(factor), f64::from(month) / 12.0);
    Ok(units::decimal_from_f64(value, "annual_factor")?)
}

/// Linear interpolation between the points around `month`, flat outside them.
fn interpolate(points: &[CurvePoint], month: u32) -> Result<Decimal, ModelError> {
    // The last point at or before `month`, and the first after it.
    let left = points.iter().rev().find(|p| p.month <= month);
    let right = points.iter().find(|p| p.month > month);
    let (left, right) = match (left, right) {
        (Some(left), Some(right)) if left.month < month => (left, right),
        (Some(at), _) | (None, Some(at)) => return Ok(at.value),
        (None, None) => return Err(ModelError::domain("points", "must hold at least one point")),
    };
    // (v_l (m_r − m) + v_r (m − m_l)) / (m_r − m_l): a weighted mean, never outside [v_l, v_r].
    let gap = Decimal::from(right.month - left.month);
    let (to_right, from_left) = (
        Decimal::from(right.month - month),
        Decimal::from(month - left.month),
    );
    let weighted = units::add(
        units::mul(left.value, to_right, "points")?,
        units::mul(right.value, from_left, "points")?,
        "points",
    )?;
    Ok(units::div(weighted, gap, "points")?)
}

/// The values of a curve over a horizon, for charts and checks.
///
/// # Errors
/// The first problem with the inputs, by its path (`curve.annual_factor`, `months`);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// The domain's exponential decline, × 0.724 a year: after 6 months √0.724 = 0.85088…
/// ```
/// use gpuecon::models::depreciation::{curve_series, Curve, CurveSeriesInputs};
/// use gpuecon::Decimal;
/// let inputs = CurveSeriesInputs {
///     curve: Curve::Exponential { annual_factor: Decimal::new(724, 3) },
///     months: 12,
/// };
/// let series = curve_series(&inputs)?;
/// assert_eq!(series.values[5].round_dp(5), Decimal::new(85_088, 5));
/// assert_eq!(series.values[11], Decimal::new(724, 3));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn curve_series(inputs: &CurveSeriesInputs) -> Result<CurveSeries, ModelError> {
    inputs.ensure_valid()?;
    let values = (1..=inputs.months)
        .map(|m| inputs.curve.value_within("curve", m))
        .collect::<Result<_, _>>()?;
    Ok(CurveSeries { values })
}

impl Validate for CurveSeriesInputs {
    fn check(&self, c: &mut Checker) {
        c.nested("curve", &self.curve);
        c.months("months", self.months);
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn close(got: Decimal, expected: &str, tolerance: &str) {
        let diff = (got - d(expected)).abs();
        assert!(diff <= d(tolerance), "got {got}, expected {expected}");
    }

    #[test]
    fn exponential_by_hand() {
        let curve = Curve::Exponential {
            annual_factor: d("0.724"),
        };
        // Month 0: a^0 = 1. Month 12: a^1 = 0.724 (an exact f64 power of 1).
        assert_eq!(curve.value_at(0).unwrap(), Decimal::ONE);
        assert_eq!(curve.value_at(12).unwrap(), d("0.724"));
        // Month 6: √0.724 = 0.850881895447... (0.850881895447² = 0.72399999...)
        close(curve.value_at(6).unwrap(), "0.8508818954473", "1e-12");
        // Month 24: 0.724² = 0.524176.
        close(curve.value_at(24).unwrap(), "0.524176", "1e-15");
    }

    #[test]
    fn orders_of_magnitude_give_the_annual_factor() {
        // 10^−0.14 = 0.72443596007499006355... (Python: Decimal(10) ** Decimal("-0.14") at 40
        // digits); f64's pow is within an ulp (1.1e-16) of it.
        let curve = Curve::from_orders_of_magnitude_per_year(d("0.14")).unwrap();
        let Curve::Exponential { annual_factor } = curve else {
            panic!("not exponential: {curve:?}");
        };
        close(annual_factor, "0.72443596007499006355", "2e-16");
        // One order of magnitude a year: × 0.1.
        assert_eq!(
            Curve::from_orders_of_magnitude_per_year(Decimal::ONE).unwrap(),
            Curve::Exponential {
                annual_factor: d("0.1")
            }
        );
        assert_eq!(
            Curve::from_orders_of_magnitude_per_year(d("400"))
                .unwrap_err()
                .field(),
            "orders_of_magnitude_per_year"
        );
    }

    #[test]
    fn generational_steps_multiply() {
        // H100 from 1, × 0.9 a year underneath, × 0.6 at month 12 (B200), × 0.7 at month 30.
        let curve = Curve::GenerationalStep {
            annual_factor: Some(d("0.9")),
            steps: vec![
                CurveStep {
                    month: 12,
                    factor: d("0.6"),
                },
                CurveStep {
                    month: 30,
                    factor: d("0.7"),
                },
            ],
        };
        // month 12: 0.9 × 0.6 = 0.54
        close(curve.value_at(12).unwrap(), "0.54", "1e-15");
        // month 36: 0.9^3 × 0.6 × 0.7 = 0.729 × 0.42 = 0.30618
        close(curve.value_at(36).unwrap(), "0.30618", "1e-15");
    }

    #[test]
    fn points_interpolate_and_stay_flat_outside() {
        // H100 one-year contract prices: $1.70 (month 6), $2.35 (month 11).
        let curve = Curve::Points {
            points: vec![
                CurvePoint {
                    month: 6,
                    value: d("1.70"),
                },
                CurvePoint {
                    month: 11,
                    value: d("2.35"),
                },
            ],
        };
        assert_eq!(curve.value_at(0).unwrap(), d("1.70"));
        // month 8: (1.70 × 3 + 2.35 × 2) / 5 = (5.10 + 4.70) / 5 = 1.96
        assert_eq!(curve.value_at(8).unwrap(), d("1.96"));
        assert_eq!(curve.value_at(11).unwrap(), d("2.35"));
        assert_eq!(curve.value_at(100).unwrap(), d("2.35"));
    }

    #[test]
    fn bad_curves_name_the_field() {
        let field = |curve: Curve| curve.value_at(1).unwrap_err().field().to_owned();
        assert_eq!(
            field(Curve::Exponential {
                annual_factor: Decimal::ZERO
            }),
            "annual_factor"
        );
        assert_eq!(field(Curve::Points { points: vec![] }), "points");
        assert_eq!(
            field(Curve::GenerationalStep {
                annual_factor: None,
                steps: vec![CurveStep {
                    month: 0,
                    factor: Decimal::ONE
                }],
            }),
            "steps[0].month"
        );
        assert_eq!(
            field(Curve::GenerationalStep {
                annual_factor: Some(d("-0.5")),
                steps: vec![],
            }),
            "annual_factor"
        );
        let inputs = CurveSeriesInputs {
            curve: Curve::Exponential {
                annual_factor: d("-1"),
            },
            months: 0,
        };
        let fields: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(fields, ["curve.annual_factor", "months"]);
        assert_eq!(
            Curve::Constant.series(MAX_MONTHS + 1).unwrap_err().field(),
            "months"
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let curve = Curve::Exponential {
            annual_factor: d("1000000"),
        };
        // 10^6 a year for 100 years: 10^600, no Decimal.
        assert_eq!(curve.value_at(1200).unwrap_err().field(), "annual_factor");
        let inputs = CurveSeriesInputs {
            curve,
            months: 1200,
        };
        assert_eq!(
            curve_series(&inputs).unwrap_err().field(),
            "curve.annual_factor"
        );
    }

    #[test]
    fn json_form_is_tagged() {
        let curve: Curve =
            serde_json::from_str(r#"{ "kind": "exponential", "annual_factor": 0.724 }"#).unwrap();
        assert_eq!(
            curve,
            Curve::Exponential {
                annual_factor: d("0.724")
            }
        );
        let constant: Curve = serde_json::from_str(r#"{ "kind": "constant" }"#).unwrap();
        assert_eq!(constant, Curve::Constant);
        assert!(
            serde_json::from_str::<Curve>(r#"{ "kind": "exponential", "annual_factr": 0.7 }"#)
                .is_err()
        );
    }
}
