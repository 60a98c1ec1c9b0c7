//! [`cascade`]: a GPU's working life in stages, from training (the highest price) to
//! inference to cheaper work (batch, academic, rendering), each with its own price,
//! utilization and length (docs/domain.md section 5).
//!
//! Stage `s` runs for `monthsₛ` months after the stages before it. In its `k`-th month
//! (`k = 1 … monthsₛ`, timeline month `m = months before s + k`):
//!
//! ```text
//! price     pₘ = price_usd_per_gpu_hourₛ × price_curveₛ(k)   (the curve restarts with each stage)
//! revenue   rₘ = pₘ × utilizationₛ × 730                      (USD per GPU that month)
//! ```
//!
//! So a stage's quoted price is its price at the stage's start, and its curve (1 at stage
//! month 0) moves it from there; with the default constant curve the price is flat.

use serde::{Deserialize, Serialize};

use super::{Curve, MAX_MONTHS};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, HOURS_PER_MONTH};

/// One stage of the cascade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CascadeStage {
    /// A name for people (`"training"`).
    #[serde(default)]
    pub name: String,
    /// The price of a sold GPU-hour in USD at the stage's start (at least 0).
    pub price_usd_per_gpu_hour: Decimal,
    /// Billed utilization, hours sold ÷ hours available, in [0, 1].
    pub utilization: Decimal,
    /// Months in the stage (greater than 0).
    pub months: u32,
    /// The price's path within the stage, a multiplier from stage month 0 (default
    /// constant).
    #[serde(default)]
    pub price_curve: Curve,
}

/// What [`cascade`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CascadeInputs {
    /// The stages in order (at least one; at most [`MAX_MONTHS`] months in all).
    pub stages: Vec<CascadeStage>,
}

/// One month of a [`CascadeSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeMonth {
    /// The month on the timeline (1 is the first month).
    pub month: u32,
    /// The stage's index in the inputs (0 is the first).
    pub stage: u32,
    /// The stage's name.
    pub stage_name: String,
    /// The price that month.
    pub price_usd_per_gpu_hour: Decimal,
    /// The stage's utilization.
    pub utilization: Decimal,
    /// `price × utilization × 730`.
    pub revenue_usd_per_gpu: Decimal,
}

/// The sums of one stage of a [`CascadeSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeStageTotal {
    /// The stage's index in the inputs.
    pub stage: u32,
    /// The stage's name.
    pub name: String,
    /// Its first month on the timeline.
    pub first_month: u32,
    /// Its last month on the timeline.
    pub last_month: u32,
    /// GPU-hours sold per GPU: `utilization × 730 × months`.
    pub billed_gpu_hours_per_gpu: Decimal,
    /// Revenue per GPU over the stage.
    pub revenue_usd_per_gpu: Decimal,
}

/// The result of [`cascade`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeSchedule {
    /// One row per month, from month 1 to the end of the last stage.
    pub months: Vec<CascadeMonth>,
    /// One row per stage, in order.
    pub stages: Vec<CascadeStageTotal>,
    /// Revenue per GPU over the whole cascade.
    pub revenue_usd_per_gpu: Decimal,
}

impl Validate for CascadeStage {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.fraction("utilization", self.utilization);
        c.nonzero("months", self.months);
        c.nested("price_curve", &self.price_curve);
    }
}

impl Validate for CascadeInputs {
    /// Every problem with the stages, in order.
    ///
    /// ```
    /// use gpuecon::models::depreciation::CascadeInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: CascadeInputs = serde_json::from_str(r#"{ "stages": [
    ///   { "name": "training", "price_usd_per_gpu_hour": 2.5, "utilization": 0.8, "months": 24 },
    ///   { "name": "inference", "price_usd_per_gpu_hour": 1.6, "utilization": 1.7, "months": 0 }
    /// ] }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["stages[1].utilization", "stages[1].months"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        if self.stages.is_empty() {
            c.problem("stages", "must hold at least one stage");
        }
        let total: u64 = self.stages.iter().map(|s| u64::from(s.months)).sum();
        if total > u64::from(MAX_MONTHS) {
            c.problem("stages", "must total at most 1200 months");
        }
        c.each("stages", &self.stages);
    }
}

/// The cascade month by month, with each stage's totals (formulas in the
/// [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`stages`,
/// `stages[1].utilization`, `stages[0].price_curve.annual_factor`);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// The B200 cascade's shape: 2 years of training at $2.50 and 80 %, 2 of inference at
/// $1.60 and 70 %, 2 of batch at $0.90 and 60 %.
/// ```
/// use gpuecon::models::depreciation::{cascade, CascadeInputs};
/// use gpuecon::Decimal;
/// let inputs: CascadeInputs = serde_json::from_str(r#"{ "stages": [
///   { "name": "training", "price_usd_per_gpu_hour": "2.50", "utilization": "0.8", "months": 24 },
///   { "name": "inference", "price_usd_per_gpu_hour": "1.60", "utilization": "0.7", "months": 24 },
///   { "name": "batch", "price_usd_per_gpu_hour": "0.90", "utilization": "0.6", "months": 24 }
/// ] }"#).unwrap();
/// let schedule = cascade(&inputs)?;
/// // 2.50 × 0.8 × 730 = $1,460 a month in training; 1.60 × 0.7 × 730 = $817.60 in inference.
/// assert_eq!(schedule.months[0].revenue_usd_per_gpu, Decimal::from(1_460));
/// assert_eq!(schedule.months[24].revenue_usd_per_gpu, Decimal::new(81_760, 2));
/// assert_eq!(schedule.months[24].stage_name, "inference");
/// // 24 × (1,460 + 817.60 + 394.20) = $64,123.20
/// assert_eq!(schedule.revenue_usd_per_gpu, Decimal::new(6_412_320, 2));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn cascade(inputs: &CascadeInputs) -> Result<CascadeSchedule, ModelError> {
    inputs.ensure_valid()?;
    let mut months = Vec::new();
    let mut stages = Vec::with_capacity(inputs.stages.len());
    let mut total = Decimal::ZERO;
    let mut month = 0_u32;
    for (index, stage) in (0_u32..).zip(&inputs.stages) {
        let path = format!("stages[{index}]");
        let field = |name: &str| format!("{path}.{name}");
        let first_month = month + 1;
        let mut revenue = Decimal::ZERO;
        for k in 1..=stage.months {
            month += 1;
            let curve = stage.price_curve.value_within(&field("price_curve"), k)?;
            let price = units::mul(
                stage.price_usd_per_gpu_hour,
                curve,
                "price_usd_per_gpu_hour",
            )
            .map_err(|e| ModelError::finance(&field("price_usd_per_gpu_hour"), e))?;
            let per_gpu = units::mul(price, stage.utilization, "utilization")
                .and_then(|x| units::mul(x, HOURS_PER_MONTH, "utilization"))
                .map_err(|e| ModelError::finance(&field("price_usd_per_gpu_hour"), e))?;
            revenue = units::add(revenue, per_gpu, "revenue")
                .map_err(|e| ModelError::finance(&field("price_usd_per_gpu_hour"), e))?;
            months.push(CascadeMonth {
                month,
                stage: index,
                stage_name: stage.name.clone(),
                price_usd_per_gpu_hour: price,
                utilization: stage.utilization,
                revenue_usd_per_gpu: per_gpu,
            });
        }
        let billed = units::mul(stage.utilization, HOURS_PER_MONTH, "utilization")
            .and_then(|x| units::mul(x, Decimal::from(stage.months), "months"))
            .map_err(|e| ModelError::finance(&field("months"), e))?;
        total = units::add(total, revenue, "stages")?;
        stages.push(CascadeStageTotal {
            stage: index,
            name: stage.name.clone(),
            first_month,
            last_month: month,
            billed_gpu_hours_per_gpu: billed,
            revenue_usd_per_gpu: revenue,
        });
    }
    Ok(CascadeSchedule {
        months,
        stages,
        revenue_usd_per_gpu: total,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn stage(name: &str, price: &str, utilization: &str, months: u32) -> CascadeStage {
        CascadeStage {
            name: name.to_owned(),
            price_usd_per_gpu_hour: d(price),
            utilization: d(utilization),
            months,
            price_curve: Curve::Constant,
        }
    }

    #[test]
    fn b200_cascade_by_hand() {
        let inputs = CascadeInputs {
            stages: vec![
                stage("training", "2.50", "0.8", 24),
                stage("inference", "1.60", "0.7", 24),
                stage("batch", "0.90", "0.6", 24),
            ],
        };
        let schedule = cascade(&inputs).unwrap();
        assert_eq!(schedule.months.len(), 72);
        // batch: 0.90 × 0.6 × 730 = 394.2 a month
        assert_eq!(schedule.months[71].revenue_usd_per_gpu, d("394.2"));
        assert_eq!(schedule.months[71].stage, 2);
        // training: 1,460 × 24 = 35,040; inference 817.6 × 24 = 19,622.4; batch 9,460.8
        let totals: Vec<_> = schedule
            .stages
            .iter()
            .map(|s| s.revenue_usd_per_gpu)
            .collect();
        assert_eq!(totals, [d("35040"), d("19622.4"), d("9460.8")]);
        // inference: months 25-48, 0.7 × 730 × 24 = 12,264 GPU-hours
        assert_eq!(
            (
                schedule.stages[1].first_month,
                schedule.stages[1].last_month
            ),
            (25, 48)
        );
        assert_eq!(schedule.stages[1].billed_gpu_hours_per_gpu, d("12264"));
        assert_eq!(schedule.revenue_usd_per_gpu, d("64123.2"));
    }

    #[test]
    fn the_curve_restarts_with_each_stage() {
        // Inference at $2.00 falling to half over its 2 months: 1.50, then 1.00.
        let mut inference = stage("inference", "2", "1", 2);
        inference.price_curve = Curve::Points {
            points: vec![
                super::super::CurvePoint {
                    month: 0,
                    value: d("1"),
                },
                super::super::CurvePoint {
                    month: 2,
                    value: d("0.5"),
                },
            ],
        };
        let inputs = CascadeInputs {
            stages: vec![stage("training", "3", "1", 1), inference],
        };
        let prices: Vec<_> = cascade(&inputs)
            .unwrap()
            .months
            .iter()
            .map(|m| m.price_usd_per_gpu_hour)
            .collect();
        assert_eq!(prices, [d("3"), d("1.5"), d("1")]);
    }

    #[test]
    fn bad_stages_name_the_field() {
        let field = |inputs: CascadeInputs| cascade(&inputs).unwrap_err().field().to_owned();
        assert_eq!(field(CascadeInputs { stages: vec![] }), "stages");
        assert_eq!(
            field(CascadeInputs {
                stages: vec![stage("a", "-1", "0.5", 1)]
            }),
            "stages[0].price_usd_per_gpu_hour"
        );
        assert_eq!(
            field(CascadeInputs {
                stages: vec![stage("a", "1", "0.5", 1000), stage("b", "1", "0.5", 201)]
            }),
            "stages"
        );
        let mut curved = stage("a", "1", "0.5", 1);
        curved.price_curve = Curve::Exponential {
            annual_factor: d("0"),
        };
        assert_eq!(
            field(CascadeInputs {
                stages: vec![stage("a", "1", "0.5", 1), curved]
            }),
            "stages[1].price_curve.annual_factor"
        );
    }

    #[test]
    fn overflow_names_the_stage() {
        let mut rich = stage("a", "1", "1", 12);
        rich.price_usd_per_gpu_hour = Decimal::MAX;
        let err = cascade(&CascadeInputs { stages: vec![rich] }).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "stages[0].price_usd_per_gpu_hour");
    }
}
