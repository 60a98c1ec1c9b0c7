//! Project metrics from the monthly cash flows: NPV, IRR, MIRR and payback.
//!
//! `flows[0]` is the cash flow at the start date (the capex, negative) and `flows[i]` the
//! net cash flow of month `i`, at its end. The monthly discount rate is the annual rate's
//! twelfth-root equivalent ([`finance::monthly_rate`]); the IRR is solved monthly
//! ([`finance::irr`], in `f64` as Excel does) and annualized exactly,
//! `(1 + monthly)^12 − 1` ([`finance::annual_rate`]).
//!
//! ```text
//! payback    the first month p ≥ 0 with cumulative(t) ≥ 0 for every t ≥ p (0: never
//!            below 0; None: below 0 in the last month): the month after which the
//!            project stays paid back, not the first month it touches 0
//! irr_all    every monthly root of NPV(r) = 0 in (−99 %, +1,000 %) a month, annualized
//!            ([`finance::irr_all`]), when the flows change sign more than once; the IRR
//!            alone when they change sign once (Descartes: exactly one root); empty when
//!            never. One entry: the IRR is unique
//! MIRR       when the flows change sign more than once: Excel's MIRR at the monthly
//!            equivalents of the finance and reinvestment rates, annualized
//! ```

use serde::{Deserialize, Serialize};

use crate::models::ModelError;
use crate::{Decimal, finance, units};

/// NPV, IRR, MIRR and payback of a project's monthly cash flows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectMetrics {
    /// Net present value at the scenario's annual discount rate, at the start date.
    pub npv_usd: Decimal,
    /// The annualized internal rate of return; `None` when the flows have no IRR (they
    /// never change sign, or the solver finds no root).
    pub irr_annual: Option<Decimal>,
    /// Every annualized IRR of the flows, lowest first: one entry when the IRR is unique,
    /// several when the flows change sign more than once and have several (the IRR
    /// alone then means little: read `mirr_annual`), none when they have none.
    pub irr_all_annual: Vec<Decimal>,
    /// The annualized modified IRR at the stated finance and reinvestment rates, given
    /// when the flows change sign more than once (`None` otherwise, or without a root).
    pub mirr_annual: Option<Decimal>,
    /// The first month after which the cumulative cash flow (capex included) stays at
    /// least 0; 0 when it never falls below 0; `None` when it is below 0 at the end of
    /// the horizon.
    pub payback_month: Option<u32>,
}

/// The annual rates at which a MIRR finances the negative flows and reinvests the
/// positive ones (each greater than −1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MirrRates {
    /// The rate the negative flows are financed at, a year.
    pub finance_annual_rate: Decimal,
    /// The rate the positive flows are reinvested at, a year.
    pub reinvestment_annual_rate: Decimal,
}

/// The metrics of `flows` discounted at `annual_discount_rate`; a MIRR, where the flows
/// change sign more than once, finances and reinvests at that same rate.
///
/// # Errors
/// [`ModelError::Finance`] on `annual_discount_rate` when it is −1 or below, or when a
/// sum overflows.
pub fn project_metrics(
    flows: &[Decimal],
    annual_discount_rate: Decimal,
) -> Result<ProjectMetrics, ModelError> {
    project_metrics_at(
        flows,
        annual_discount_rate,
        MirrRates {
            finance_annual_rate: annual_discount_rate,
            reinvestment_annual_rate: annual_discount_rate,
        },
    )
}

/// The metrics of `flows` discounted at `annual_discount_rate`, a MIRR at `mirr`'s rates.
///
/// # Errors
/// [`ModelError::Finance`] on `annual_discount_rate` or on the MIRR's rates when one is
/// −1 or below, or when a sum overflows.
pub fn project_metrics_at(
    flows: &[Decimal],
    annual_discount_rate: Decimal,
    mirr: MirrRates,
) -> Result<ProjectMetrics, ModelError> {
    const FIELD: &str = "annual_discount_rate";
    let monthly = finance::monthly_rate(annual_discount_rate, FIELD)?;
    let npv_usd = finance::npv_at_t0(monthly, flows).map_err(|e| ModelError::finance(FIELD, e))?;
    let annualized = |m: Decimal| finance::annual_rate(m, "irr").ok();
    let irr_annual = finance::irr(flows, None).ok().and_then(annualized);
    let several = sign_changes(flows) > 1;
    let irr_all_annual = if several {
        finance::irr_all(flows, None, None)
            .unwrap_or_default()
            .into_iter()
            .filter_map(annualized)
            .collect()
    } else {
        irr_annual.into_iter().collect()
    };
    let mirr_annual = if several {
        let finance_rate = finance::monthly_rate(mirr.finance_annual_rate, "mirr_finance_rate")?;
        let reinvest =
            finance::monthly_rate(mirr.reinvestment_annual_rate, "mirr_reinvestment_rate")?;
        finance::mirr(flows, finance_rate, reinvest)
            .ok()
            .and_then(annualized)
    } else {
        None
    };
    Ok(ProjectMetrics {
        npv_usd,
        irr_annual,
        irr_all_annual,
        mirr_annual,
        payback_month: payback(flows)?,
    })
}

/// How many times the flows change sign, zeros skipped.
fn sign_changes(flows: &[Decimal]) -> usize {
    let signs: Vec<bool> = flows
        .iter()
        .filter(|f| !f.is_zero())
        .map(Decimal::is_sign_negative)
        .collect();
    signs.windows(2).filter(|w| w.first() != w.last()).count()
}

/// The first month after which the cumulative flow stays at least 0 (see the module docs).
fn payback(flows: &[Decimal]) -> Result<Option<u32>, ModelError> {
    let mut cumulative = Decimal::ZERO;
    let mut last_negative = None;
    for (month, flow) in (0_u32..).zip(flows) {
        cumulative = units::add(cumulative, *flow, "cash_flow")?;
        if cumulative < Decimal::ZERO {
            last_negative = Some(month);
        }
    }
    let last = u32::try_from(flows.len())
        .unwrap_or(u32::MAX)
        .saturating_sub(1);
    Ok(match last_negative {
        None => Some(0),
        Some(month) if month >= last => None,
        Some(month) => Some(month + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn payback_irr_and_npv_by_hand() {
        // −1,000 then 12 months of 100: cumulative −900, −800, ... reaches 0 in month 10.
        let mut flows = vec![d(-1000)];
        flows.extend(std::iter::repeat_n(d(100), 12));
        let m = project_metrics(&flows, Decimal::ZERO).unwrap();
        assert_eq!(m.payback_month, Some(10));
        assert_eq!(m.irr_all_annual, Vec::from_iter(m.irr_annual));
        // At 0 % the NPV is the plain sum: −1,000 + 1,200 = 200.
        assert_eq!(m.npv_usd, d(200));
        // Excel: =RATE(12, 100, -1000) = 2.9228 % a month; (1.0292285...)^12 − 1 = 41.30 %.
        let irr = m.irr_annual.unwrap();
        assert!(
            (irr - Decimal::new(4130, 4)).abs() < Decimal::new(1, 3),
            "{irr}"
        );
    }

    #[test]
    fn no_sign_change_has_no_irr_and_no_payback() {
        let m = project_metrics(&[d(-1), d(-1)], Decimal::new(1, 1)).unwrap();
        assert_eq!((m.irr_annual, m.payback_month), (None, None));
        assert!(m.irr_all_annual.is_empty() && m.mirr_annual.is_none());
    }

    #[test]
    fn one_sign_change_has_a_unique_irr_and_no_mirr() {
        let m = project_metrics(&[d(-1000), d(600), d(600)], Decimal::ZERO).unwrap();
        assert_eq!(m.irr_all_annual, Vec::from_iter(m.irr_annual));
        assert_eq!(m.mirr_annual, None);
    }

    #[test]
    fn payback_is_when_the_cumulative_flow_stays_above_zero() {
        // A prepayment at the close (+500) before capex in month 1 (−1,000), then 300 a
        // month: cumulative 500, −500, −200, 100. It is ≥ 0 at the close but stays ≥ 0
        // only from month 3.
        let m = project_metrics(&[d(500), d(-1000), d(300), d(300)], Decimal::ZERO).unwrap();
        assert_eq!(m.payback_month, Some(3));
        // Back below 0 in the last month: −1,000, +1,200, −300 → −1,000, 200, −100.
        let m = project_metrics(&[d(-1000), d(1200), d(-300)], Decimal::ZERO).unwrap();
        assert_eq!(m.payback_month, None);
        // Never below 0: paid back at the close.
        let m = project_metrics(&[d(100), d(0), d(5)], Decimal::ZERO).unwrap();
        assert_eq!(m.payback_month, Some(0));
    }

    #[test]
    fn two_sign_changes_give_every_irr_and_a_mirr() {
        // −100, +230, −132 a month: NPV −100 + 230x − 132x² = 0 at x = (230 ± 10)/264,
        // monthly IRRs of 10 % and 20 % (finance::irr_all's example), annualized
        // 1.1^12 − 1 = 213.84 % and 1.2^12 − 1 = 791.61 %.
        let flows = [d(-100), d(230), d(-132)];
        let m = project_metrics(&flows, Decimal::ZERO).unwrap();
        let roots: Vec<Decimal> = m.irr_all_annual.iter().map(|r| r.round_dp(4)).collect();
        assert_eq!(roots, [Decimal::new(21384, 4), Decimal::new(79161, 4)]);
        // MIRR at 0 %: PV of the negatives −100 − 132 = −232, FV of the positives 230:
        // (230 / 232)^(1/2) − 1 = −0.4320 % a month, (230/232)^6 − 1 = −5.0622 % a year.
        let mirr = m.mirr_annual.unwrap();
        assert!(
            (mirr - Decimal::new(-50622, 6)).abs() < Decimal::new(1, 6),
            "{mirr}"
        );
    }
}
