//! [`economic_end_of_life`]: when a GPU stops paying for its power (docs/domain.md
//! section 5). Book life is an accounting choice; economic life ends when the revenue an
//! hour can earn falls below the cash cost of the power and space it uses, or below what a
//! newer GPU would earn in the same kilowatts.
//!
//! Per available GPU-hour, in month `m`:
//!
//! ```text
//! revenue        rₘ = price × price_curve(m) × utilization
//! cash cost      c  = power + facility + operations          (capital is sunk: not counted)
//! net margin     nₘ = rₘ − c
//! newer, same kW eₘ = newer margin × margin_curve(m) ÷ newer kW × this GPU's kW
//! end of life    the first m with nₘ < 0 (below_cash_cost), or nₘ < eₘ (below_newer_gpu)
//! ```
//!
//! When both tests fail in the same month the reason is `below_cash_cost`. Both are
//! strict: a GPU that exactly covers its cost is kept.

use serde::{Deserialize, Serialize};

use super::Curve;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// The cash cost of keeping a GPU running, per available GPU-hour (each at least 0;
/// default 0). Capital is sunk and not part of it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RunningCost {
    /// Electricity, PUE included.
    pub power_usd_per_gpu_hour: Decimal,
    /// The GPU's share of the facility (colocation on contracted kW).
    pub facility_usd_per_gpu_hour: Decimal,
    /// Staff, support, software and insurance.
    pub operations_usd_per_gpu_hour: Decimal,
}

/// A newer GPU competing for the same power.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewerGpu {
    /// Its net cash margin per available GPU-hour (revenue less its own cash cost).
    pub net_margin_usd_per_gpu_hour: Decimal,
    /// Its all-in IT kW per GPU (greater than 0; 1.79 for a B200 in a 14.3 kW DGX of 8).
    pub kw_per_gpu: Decimal,
    /// The margin's path, a multiplier from month 0 (default constant).
    #[serde(default)]
    pub margin_curve: Curve,
}

/// What [`economic_end_of_life`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndOfLifeInputs {
    /// The price of a sold GPU-hour in USD at the start (at least 0).
    pub price_usd_per_gpu_hour: Decimal,
    /// The price's path, a multiplier from month 0 (default constant).
    #[serde(default)]
    pub price_curve: Curve,
    /// Billed utilization, in [0, 1].
    pub utilization: Decimal,
    /// The cash cost of keeping it running.
    pub running_cost: RunningCost,
    /// This GPU's all-in IT kW (at least 0; greater than 0 with `newer`).
    #[serde(default)]
    pub kw_per_gpu: Decimal,
    /// A newer GPU that would use the same power (default none).
    #[serde(default)]
    pub newer: Option<NewerGpu>,
    /// Months examined, 1 to [`MAX_MONTHS`](super::MAX_MONTHS).
    pub horizon_months: u32,
}

/// Which test ended the GPU's economic life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndOfLifeReason {
    /// Its revenue an hour fell below its cash cost an hour.
    BelowCashCost,
    /// Its net margin fell below a newer GPU's in the same kilowatts.
    BelowNewerGpu,
}

/// One month of an [`EndOfLife`] analysis, per available GPU-hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndOfLifeMonth {
    /// The month.
    pub month: u32,
    /// `price × curve × utilization`.
    pub revenue_usd_per_gpu_hour: Decimal,
    /// Power + facility + operations.
    pub cash_cost_usd_per_gpu_hour: Decimal,
    /// Revenue − cash cost.
    pub net_margin_usd_per_gpu_hour: Decimal,
    /// What a newer GPU would earn net in this GPU's kilowatts (`null` without `newer`).
    pub newer_margin_usd_per_gpu_hour: Option<Decimal>,
}

/// The result of [`economic_end_of_life`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndOfLife {
    /// The first month keeping the GPU fails a test (`None`: never within the horizon).
    pub month: Option<u32>,
    /// The test that failed.
    pub reason: Option<EndOfLifeReason>,
    /// Every month of the horizon.
    pub months: Vec<EndOfLifeMonth>,
}

impl Validate for RunningCost {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("power_usd_per_gpu_hour", self.power_usd_per_gpu_hour, zero);
        c.at_least(
            "facility_usd_per_gpu_hour",
            self.facility_usd_per_gpu_hour,
            zero,
        );
        c.at_least(
            "operations_usd_per_gpu_hour",
            self.operations_usd_per_gpu_hour,
            zero,
        );
    }
}

impl Validate for NewerGpu {
    fn check(&self, c: &mut Checker) {
        c.positive("kw_per_gpu", self.kw_per_gpu);
        c.nested("margin_curve", &self.margin_curve);
    }
}

impl Validate for EndOfLifeInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::depreciation::EndOfLifeInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: EndOfLifeInputs = serde_json::from_str(r#"{
    ///   "price_usd_per_gpu_hour": 2, "utilization": 0.7,
    ///   "running_cost": { "power_usd_per_gpu_hour": -0.1 },
    ///   "newer": { "net_margin_usd_per_gpu_hour": 1.5, "kw_per_gpu": 1.79 },
    ///   "horizon_months": 60
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["running_cost.power_usd_per_gpu_hour", "kw_per_gpu"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.nested("price_curve", &self.price_curve);
        c.fraction("utilization", self.utilization);
        c.nested("running_cost", &self.running_cost);
        if self.newer.is_some() {
            c.positive("kw_per_gpu", self.kw_per_gpu);
        } else {
            c.at_least("kw_per_gpu", self.kw_per_gpu, Decimal::ZERO);
        }
        if let Some(newer) = &self.newer {
            c.nested("newer", newer);
        }
        c.months("horizon_months", self.horizon_months);
    }
}

impl RunningCost {
    /// Power + facility + operations, per available GPU-hour.
    ///
    /// # Errors
    /// [`ModelError::Finance`] on `running_cost` when the sum overflows.
    ///
    /// ```
    /// use gpuecon::models::depreciation::RunningCost;
    /// use gpuecon::Decimal;
    /// let cost = RunningCost {
    ///     power_usd_per_gpu_hour: Decimal::new(11, 2),
    ///     facility_usd_per_gpu_hour: Decimal::new(26, 2),
    ///     operations_usd_per_gpu_hour: Decimal::new(13, 2),
    /// };
    /// assert_eq!(cost.usd_per_gpu_hour()?, Decimal::new(5, 1));
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn usd_per_gpu_hour(&self) -> Result<Decimal, ModelError> {
        let sum = units::add(
            self.power_usd_per_gpu_hour,
            self.facility_usd_per_gpu_hour,
            "running_cost",
        )?;
        Ok(units::add(
            sum,
            self.operations_usd_per_gpu_hour,
            "running_cost",
        )?)
    }
}

/// What the newer GPU earns net in `kw` in `month`.
fn newer_margin(newer: &NewerGpu, kw: Decimal, month: u32) -> Result<Decimal, ModelError> {
    let curve = newer
        .margin_curve
        .value_within("newer.margin_curve", month)?;
    let margin = units::mul(
        newer.net_margin_usd_per_gpu_hour,
        curve,
        "newer.net_margin_usd_per_gpu_hour",
    )?;
    let per_kw = units::div(margin, newer.kw_per_gpu, "newer.kw_per_gpu")?;
    Ok(units::mul(per_kw, kw, "kw_per_gpu")?)
}

/// The first month keeping the GPU earns less than its cash cost, or less than a newer GPU
/// in the same kilowatts (formulas in the [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`utilization`,
/// `newer.kw_per_gpu`, `price_curve.points[1].month`); [`ModelError::Finance`] on
/// overflow.
///
/// # Example
/// An H100 renting at $2.00 an hour, falling 30 % a year, 70 % utilized, costing $0.50 an
/// hour to run: revenue $1.40 an hour at the start, $0.98 after a year; a B200 earning
/// $0.60 net in 1.79 kW would earn 0.60 ÷ 1.79 × 1.275 = $0.4274 in the H100's 1.275 kW.
/// ```
/// use gpuecon::models::depreciation::{economic_end_of_life, EndOfLifeInputs, EndOfLifeReason};
/// let inputs: EndOfLifeInputs = serde_json::from_str(r#"{
///   "price_usd_per_gpu_hour": "2.00",
///   "price_curve": { "kind": "exponential", "annual_factor": "0.7" },
///   "utilization": "0.7",
///   "running_cost": { "power_usd_per_gpu_hour": "0.11", "facility_usd_per_gpu_hour": "0.26",
///                     "operations_usd_per_gpu_hour": "0.13" },
///   "kw_per_gpu": "1.275",
///   "newer": { "net_margin_usd_per_gpu_hour": "0.60", "kw_per_gpu": "1.79" },
///   "horizon_months": 120
/// }"#).unwrap();
/// let end = economic_end_of_life(&inputs)?;
/// // Net margin 1.40 × 0.7^(m/12) − 0.50 falls below 0.4274 when 0.7^(m/12) < 0.6624,
/// // m > 12 × ln 0.6624 / ln 0.7 = 13.86: month 14 (below the cash cost only in month 35).
/// assert_eq!(end.month, Some(14));
/// assert_eq!(end.reason, Some(EndOfLifeReason::BelowNewerGpu));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn economic_end_of_life(inputs: &EndOfLifeInputs) -> Result<EndOfLife, ModelError> {
    inputs.ensure_valid()?;
    let cost = inputs.running_cost.usd_per_gpu_hour()?;
    let mut end = None;
    let mut months = Vec::new();
    for month in 1..=inputs.horizon_months {
        let curve = inputs.price_curve.value_within("price_curve", month)?;
        let price = units::mul(
            inputs.price_usd_per_gpu_hour,
            curve,
            "price_usd_per_gpu_hour",
        )?;
        let revenue = units::mul(price, inputs.utilization, "utilization")?;
        let net = units::sub(revenue, cost, "running_cost")?;
        let newer = inputs
            .newer
            .as_ref()
            .map(|n| newer_margin(n, inputs.kw_per_gpu, month))
            .transpose()?;
        let reason = if net < Decimal::ZERO {
            Some(EndOfLifeReason::BelowCashCost)
        } else if newer.is_some_and(|n| net < n) {
            Some(EndOfLifeReason::BelowNewerGpu)
        } else {
            None
        };
        if end.is_none() {
            end = reason.map(|r| (month, r));
        }
        months.push(EndOfLifeMonth {
            month,
            revenue_usd_per_gpu_hour: revenue,
            cash_cost_usd_per_gpu_hour: cost,
            net_margin_usd_per_gpu_hour: net,
            newer_margin_usd_per_gpu_hour: newer,
        });
    }
    Ok(EndOfLife {
        month: end.map(|(m, _)| m),
        reason: end.map(|(_, r)| r),
        months,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::models::depreciation::CurvePoint;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// Price falling linearly from $2.00 (month 0) to $0.40 (month 16): $0.10 a month.
    fn falling() -> EndOfLifeInputs {
        EndOfLifeInputs {
            price_usd_per_gpu_hour: Decimal::ONE,
            price_curve: Curve::Points {
                points: vec![
                    CurvePoint {
                        month: 0,
                        value: d("2.00"),
                    },
                    CurvePoint {
                        month: 16,
                        value: d("0.40"),
                    },
                ],
            },
            utilization: d("0.5"),
            running_cost: RunningCost {
                power_usd_per_gpu_hour: d("0.2"),
                facility_usd_per_gpu_hour: d("0.1"),
                operations_usd_per_gpu_hour: Decimal::ZERO,
            },
            kw_per_gpu: d("1.275"),
            newer: None,
            horizon_months: 24,
        }
    }

    #[test]
    fn cash_cost_test_by_hand() {
        // Revenue (2.00 − 0.10 m) × 0.5 = 1.00 − 0.05 m; cost 0.30; net 0.70 − 0.05 m:
        // 0 at month 14 (kept: not below), −0.05 at month 15.
        let end = economic_end_of_life(&falling()).unwrap();
        assert_eq!(end.months[13].net_margin_usd_per_gpu_hour, Decimal::ZERO);
        assert_eq!(end.month, Some(15));
        assert_eq!(end.reason, Some(EndOfLifeReason::BelowCashCost));
        assert_eq!(end.months.len(), 24);
    }

    #[test]
    fn newer_gpu_test_by_hand() {
        // A B200 earning $0.358 net in 1.79 kW earns 0.358 / 1.79 × 1.275 = 0.255 in
        // 1.275 kW. Net 0.70 − 0.05 m < 0.255 first at m = 9 (0.25); month 8 nets 0.30.
        let mut inputs = falling();
        inputs.newer = Some(NewerGpu {
            net_margin_usd_per_gpu_hour: d("0.358"),
            kw_per_gpu: d("1.79"),
            margin_curve: Curve::Constant,
        });
        let end = economic_end_of_life(&inputs).unwrap();
        assert_eq!(
            end.months[0].newer_margin_usd_per_gpu_hour,
            Some(d("0.255"))
        );
        assert_eq!(end.month, Some(9));
        assert_eq!(end.reason, Some(EndOfLifeReason::BelowNewerGpu));
    }

    #[test]
    fn never_within_the_horizon() {
        let mut inputs = falling();
        inputs.horizon_months = 14;
        let end = economic_end_of_life(&inputs).unwrap();
        assert_eq!((end.month, end.reason), (None, None));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let field = |inputs: EndOfLifeInputs| {
            economic_end_of_life(&inputs)
                .unwrap_err()
                .field()
                .to_owned()
        };
        let mut bad = falling();
        bad.utilization = d("1.5");
        assert_eq!(field(bad), "utilization");
        let mut bad = falling();
        bad.horizon_months = 0;
        assert_eq!(field(bad), "horizon_months");
        let mut bad = falling();
        bad.newer = Some(NewerGpu {
            net_margin_usd_per_gpu_hour: d("1"),
            kw_per_gpu: Decimal::ZERO,
            margin_curve: Curve::Constant,
        });
        assert_eq!(field(bad), "newer.kw_per_gpu");
        let mut bad = falling();
        bad.running_cost.facility_usd_per_gpu_hour = d("-1");
        assert_eq!(field(bad), "running_cost.facility_usd_per_gpu_hour");
    }
}
