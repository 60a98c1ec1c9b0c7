//! [`refresh_decision`]: keep the fleet, or sell it at its residual value and fill the
//! same power envelope with the new generation (docs/domain.md section 5), by NPV.
//!
//! ```text
//! GPUs that fit      n = ⌊envelope kW ÷ kW per GPU⌋          (for each kind)
//! monthly rate       i = (1 + annual_discount_rate)^(1/12) − 1
//! PV(x₁ … x_H)       = Σ xₘ / (1 + i)^m                         (Excel's NPV, month-end flows)
//! NPV keep           = PV(n_cur × margin_cur × curve_cur(m)) + PV(residual at H) × n_cur
//! NPV replace        = n_cur × sale value now − n_new × capex
//!                      + PV(n_new × margin_new × curve_new(m)) + PV(residual at H) × n_new
//! decision           replace when NPV replace − NPV keep > 0, else keep
//! ```
//!
//! The sale and the purchase happen now (month 0, not discounted); margins at the end of
//! each month; residual values at the end of month `H`. The twelfth root in `i` is
//! irrational: [`finance::monthly_rate`] computes it in `f64` and converts it once; the
//! discounting is [`finance::npv`], exact [`Decimal`] arithmetic. A tie keeps the fleet
//! (replacing has costs this comparison leaves out).

use serde::{Deserialize, Serialize};

use super::Curve;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::{Decimal, finance, units};

/// The fleet in service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrentFleet {
    /// All-in IT kW per GPU (greater than 0; 1.275 for an H100 in a 10.2 kW DGX of 8).
    pub kw_per_gpu: Decimal,
    /// Net cash margin per GPU a month (revenue less cash costs; may be negative).
    pub net_margin_usd_per_gpu_month: Decimal,
    /// The margin's path, a multiplier from month 0 (default constant).
    #[serde(default)]
    pub margin_curve: Curve,
    /// What a GPU sells for now: its residual value (at least 0).
    pub sale_value_usd_per_gpu: Decimal,
    /// What a GPU is worth at the horizon (at least 0).
    pub residual_at_horizon_usd_per_gpu: Decimal,
}

/// The new generation that would replace it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewFleet {
    /// All-in capex per GPU, paid now (at least 0).
    pub capex_usd_per_gpu: Decimal,
    /// All-in IT kW per GPU (greater than 0; 1.7875 for a B200 in a 14.3 kW DGX of 8).
    pub kw_per_gpu: Decimal,
    /// Net cash margin per GPU a month (may be negative).
    pub net_margin_usd_per_gpu_month: Decimal,
    /// The margin's path, a multiplier from month 0 (default constant).
    #[serde(default)]
    pub margin_curve: Curve,
    /// What a GPU is worth at the horizon (at least 0).
    pub residual_at_horizon_usd_per_gpu: Decimal,
}

/// What [`refresh_decision`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefreshInputs {
    /// The critical IT power available, in kW (greater than 0).
    pub power_envelope_kw: Decimal,
    /// The fleet in service.
    pub current: CurrentFleet,
    /// The new generation.
    pub new_generation: NewFleet,
    /// Months compared, 1 to [`MAX_MONTHS`](super::MAX_MONTHS).
    pub horizon_months: u32,
    /// The annual discount rate (0.10 for 10 %; greater than −1).
    pub annual_discount_rate: Decimal,
}

/// Keeping the fleet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepCase {
    /// GPUs in the envelope.
    pub gpus: Decimal,
    /// Present value of their margins.
    pub pv_margins_usd: Decimal,
    /// Present value of their residual value at the horizon.
    pub pv_residual_usd: Decimal,
    /// `pv_margins + pv_residual`.
    pub npv_usd: Decimal,
}

/// Selling the fleet and buying the new generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceCase {
    /// New GPUs in the envelope.
    pub gpus: Decimal,
    /// The current fleet's sale, now.
    pub sale_proceeds_usd: Decimal,
    /// The new GPUs' capex, now.
    pub capex_usd: Decimal,
    /// Present value of the new GPUs' margins.
    pub pv_margins_usd: Decimal,
    /// Present value of their residual value at the horizon.
    pub pv_residual_usd: Decimal,
    /// `sale − capex + pv_margins + pv_residual`.
    pub npv_usd: Decimal,
}

/// The choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefreshChoice {
    /// Keep the fleet (also on a tie).
    Keep,
    /// Sell it and buy the new generation.
    Replace,
}

/// The result of [`refresh_decision`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefreshDecision {
    /// The monthly discount rate, `(1 + annual)^(1/12) − 1`.
    pub monthly_discount_rate: Decimal,
    /// Keeping.
    pub keep: KeepCase,
    /// Replacing.
    pub replace: ReplaceCase,
    /// `replace.npv_usd − keep.npv_usd`.
    pub npv_difference_usd: Decimal,
    /// Replace when the difference is positive, else keep.
    pub decision: RefreshChoice,
}

impl Validate for CurrentFleet {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.positive("kw_per_gpu", self.kw_per_gpu);
        c.nested("margin_curve", &self.margin_curve);
        c.at_least("sale_value_usd_per_gpu", self.sale_value_usd_per_gpu, zero);
        c.at_least(
            "residual_at_horizon_usd_per_gpu",
            self.residual_at_horizon_usd_per_gpu,
            zero,
        );
    }
}

impl Validate for NewFleet {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("capex_usd_per_gpu", self.capex_usd_per_gpu, zero);
        c.positive("kw_per_gpu", self.kw_per_gpu);
        c.nested("margin_curve", &self.margin_curve);
        c.at_least(
            "residual_at_horizon_usd_per_gpu",
            self.residual_at_horizon_usd_per_gpu,
            zero,
        );
    }
}

impl Validate for RefreshInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::depreciation::RefreshInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: RefreshInputs = serde_json::from_str(r#"{
    ///   "power_envelope_kw": 0,
    ///   "current": { "kw_per_gpu": 1.275, "net_margin_usd_per_gpu_month": 500,
    ///     "sale_value_usd_per_gpu": 15000, "residual_at_horizon_usd_per_gpu": 5000 },
    ///   "new_generation": { "capex_usd_per_gpu": 60000, "kw_per_gpu": 0,
    ///     "net_margin_usd_per_gpu_month": 1500, "residual_at_horizon_usd_per_gpu": 20000 },
    ///   "horizon_months": 36, "annual_discount_rate": 0.1
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["power_envelope_kw", "new_generation.kw_per_gpu"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.positive("power_envelope_kw", self.power_envelope_kw);
        c.nested("current", &self.current);
        c.nested("new_generation", &self.new_generation);
        c.months("horizon_months", self.horizon_months);
        if self.annual_discount_rate <= Decimal::NEGATIVE_ONE {
            c.problem("annual_discount_rate", "must be greater than -1");
        }
    }
}

/// One kind of GPU in the envelope: its count, the PV of its margins and of its residual.
struct Fleet {
    gpus: Decimal,
    pv_margins: Decimal,
    pv_residual: Decimal,
}

/// `⌊envelope ÷ kW per GPU⌋` GPUs of a kind and their present values.
fn fleet(
    inputs: &RefreshInputs,
    path: &str,
    kw_per_gpu: Decimal,
    margin: Decimal,
    curve: &Curve,
    residual: Decimal,
    rate: Decimal,
) -> Result<Fleet, ModelError> {
    let field = |name: &str| format!("{path}.{name}");
    let gpus = units::div(inputs.power_envelope_kw, kw_per_gpu, "kw_per_gpu")
        .map_err(|e| ModelError::finance(&field("kw_per_gpu"), e))?
        .floor();
    let per_month = units::mul(gpus, margin, "net_margin_usd_per_gpu_month")
        .map_err(|e| ModelError::finance(&field("net_margin_usd_per_gpu_month"), e))?;
    let margins = (1..=inputs.horizon_months)
        .map(|m| {
            let multiplier = curve.value_within(&field("margin_curve"), m)?;
            units::mul(per_month, multiplier, "margin_curve")
                .map_err(|e| ModelError::finance(&field("margin_curve"), e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut at_horizon = vec![Decimal::ZERO; margins.len()];
    if let Some(last) = at_horizon.last_mut() {
        *last = units::mul(gpus, residual, "residual_at_horizon_usd_per_gpu")
            .map_err(|e| ModelError::finance(&field("residual_at_horizon_usd_per_gpu"), e))?;
    }
    let present_value = |flows: &[Decimal], name: &str| {
        finance::npv(rate, flows).map_err(|e| match e.field() {
            "rate" => ModelError::finance("annual_discount_rate", e),
            _ => ModelError::finance(&field(name), e),
        })
    };
    Ok(Fleet {
        gpus,
        pv_margins: present_value(&margins, "net_margin_usd_per_gpu_month")?,
        pv_residual: present_value(&at_horizon, "residual_at_horizon_usd_per_gpu")?,
    })
}

/// Keep versus replace in the same power envelope, by NPV (formulas in the
/// [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`power_envelope_kw`,
/// `new_generation.kw_per_gpu`, `annual_discount_rate`); [`ModelError::Finance`] on
/// overflow.
///
/// # Example
/// 1 MW of H100s (1.275 kW: 784 GPUs) netting $600 a month each, sellable for $12,000
/// now and worth $4,000 in 3 years; or B200s (1.7875 kW: 559 GPUs) at $45,000 netting
/// $2,200 a month, worth $15,000 in 3 years. At 0 % the arithmetic is plain:
/// keep = 784 × (600 × 36 + 4,000) = $20,070,400; replace = 784 × 12,000 − 559 × 45,000
/// + 559 × (2,200 × 36 + 15,000) = $36,910,800.
/// ```
/// use gpuecon::models::depreciation::{refresh_decision, RefreshChoice, RefreshInputs};
/// use gpuecon::Decimal;
/// let inputs: RefreshInputs = serde_json::from_str(r#"{
///   "power_envelope_kw": 1000,
///   "current": { "kw_per_gpu": "1.275", "net_margin_usd_per_gpu_month": 600,
///     "sale_value_usd_per_gpu": 12000, "residual_at_horizon_usd_per_gpu": 4000 },
///   "new_generation": { "capex_usd_per_gpu": 45000, "kw_per_gpu": "1.7875",
///     "net_margin_usd_per_gpu_month": 2200, "residual_at_horizon_usd_per_gpu": 15000 },
///   "horizon_months": 36, "annual_discount_rate": 0
/// }"#).unwrap();
/// let result = refresh_decision(&inputs)?;
/// assert_eq!(result.keep.gpus, Decimal::from(784));
/// assert_eq!(result.replace.gpus, Decimal::from(559));
/// assert_eq!(result.keep.npv_usd, Decimal::from(20_070_400));
/// assert_eq!(result.replace.npv_usd, Decimal::from(36_910_800));
/// assert_eq!(result.decision, RefreshChoice::Replace);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn refresh_decision(inputs: &RefreshInputs) -> Result<RefreshDecision, ModelError> {
    inputs.ensure_valid()?;
    let rate = finance::monthly_rate(inputs.annual_discount_rate, "annual_discount_rate")?;
    let (cur, new) = (&inputs.current, &inputs.new_generation);
    let kept = fleet(
        inputs,
        "current",
        cur.kw_per_gpu,
        cur.net_margin_usd_per_gpu_month,
        &cur.margin_curve,
        cur.residual_at_horizon_usd_per_gpu,
        rate,
    )?;
    let bought = fleet(
        inputs,
        "new_generation",
        new.kw_per_gpu,
        new.net_margin_usd_per_gpu_month,
        &new.margin_curve,
        new.residual_at_horizon_usd_per_gpu,
        rate,
    )?;
    let sale = units::mul(
        kept.gpus,
        cur.sale_value_usd_per_gpu,
        "current.sale_value_usd_per_gpu",
    )?;
    let capex = units::mul(
        bought.gpus,
        new.capex_usd_per_gpu,
        "new_generation.capex_usd_per_gpu",
    )?;
    let keep_npv = units::add(kept.pv_margins, kept.pv_residual, "current")?;
    let replace_npv = [bought.pv_margins, bought.pv_residual]
        .into_iter()
        .try_fold(
            units::sub(sale, capex, "new_generation.capex_usd_per_gpu")?,
            |sum, x| units::add(sum, x, "new_generation"),
        )?;
    let difference = units::sub(replace_npv, keep_npv, "new_generation")?;
    Ok(RefreshDecision {
        monthly_discount_rate: rate,
        keep: KeepCase {
            gpus: kept.gpus,
            pv_margins_usd: kept.pv_margins,
            pv_residual_usd: kept.pv_residual,
            npv_usd: keep_npv,
        },
        replace: ReplaceCase {
            gpus: bought.gpus,
            sale_proceeds_usd: sale,
            capex_usd: capex,
            pv_margins_usd: bought.pv_margins,
            pv_residual_usd: bought.pv_residual,
            npv_usd: replace_npv,
        },
        npv_difference_usd: difference,
        decision: if difference > Decimal::ZERO {
            RefreshChoice::Replace
        } else {
            RefreshChoice::Keep
        },
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn inputs() -> RefreshInputs {
        RefreshInputs {
            power_envelope_kw: d("10"),
            current: CurrentFleet {
                kw_per_gpu: d("1.275"),
                net_margin_usd_per_gpu_month: d("100"),
                margin_curve: Curve::Constant,
                sale_value_usd_per_gpu: d("1000"),
                residual_at_horizon_usd_per_gpu: d("500"),
            },
            new_generation: NewFleet {
                capex_usd_per_gpu: d("3000"),
                kw_per_gpu: d("1.7875"),
                net_margin_usd_per_gpu_month: d("400"),
                margin_curve: Curve::Constant,
                residual_at_horizon_usd_per_gpu: d("1000"),
            },
            horizon_months: 2,
            annual_discount_rate: d("0.21"),
        }
    }

    #[test]
    fn two_months_by_hand() {
        // 10 / 1.275 = 7.84 → 7 H100s; 10 / 1.7875 = 5.59 → 5 B200s.
        // 1.21^(1/12) − 1 = 0.0160119… = i; v = 1/(1 + i).
        let result = refresh_decision(&inputs()).unwrap();
        assert_eq!((result.keep.gpus, result.replace.gpus), (d("7"), d("5")));
        let i = 1.21_f64.powf(1.0 / 12.0) - 1.0;
        let v = 1.0 / (1.0 + i);
        // keep: 700 v + 700 v² + 3,500 v²
        let keep = 700.0 * v + 700.0 * v * v + 3_500.0 * v * v;
        // replace: 7,000 − 15,000 + 2,000 v + 2,000 v² + 5,000 v²
        let replace = 7_000.0 - 15_000.0 + 2_000.0 * v + 2_000.0 * v * v + 5_000.0 * v * v;
        let close = |got: Decimal, expected: f64| {
            assert!(
                (crate::units::to_f64_lossy(got) - expected).abs() < 1e-9,
                "{got} vs {expected}"
            );
        };
        close(result.keep.npv_usd, keep);
        close(result.replace.npv_usd, replace);
        close(result.npv_difference_usd, replace - keep);
        assert_eq!(result.replace.sale_proceeds_usd, d("7000"));
        assert_eq!(result.replace.capex_usd, d("15000"));
        assert_eq!(result.decision, RefreshChoice::Keep);
    }

    #[test]
    fn a_tie_keeps() {
        // Same GPU both ways, sold and bought at the same price: difference 0.
        let mut tie = inputs();
        tie.new_generation = NewFleet {
            capex_usd_per_gpu: d("1000"),
            kw_per_gpu: d("1.275"),
            net_margin_usd_per_gpu_month: d("100"),
            margin_curve: Curve::Constant,
            residual_at_horizon_usd_per_gpu: d("500"),
        };
        let result = refresh_decision(&tie).unwrap();
        assert_eq!(result.npv_difference_usd, Decimal::ZERO);
        assert_eq!(result.decision, RefreshChoice::Keep);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let field =
            |inputs: RefreshInputs| refresh_decision(&inputs).unwrap_err().field().to_owned();
        let mut bad = inputs();
        bad.annual_discount_rate = d("-1");
        assert_eq!(field(bad), "annual_discount_rate");
        let mut bad = inputs();
        bad.current.kw_per_gpu = Decimal::ZERO;
        assert_eq!(field(bad), "current.kw_per_gpu");
        let mut bad = inputs();
        bad.new_generation.margin_curve = Curve::Points { points: vec![] };
        assert_eq!(field(bad), "new_generation.margin_curve.points");
        let mut bad = inputs();
        bad.horizon_months = 0;
        assert_eq!(field(bad), "horizon_months");
    }
}
