//! Project metrics from the monthly cash flows: NPV, IRR and payback.
//!
//! `flows[0]` is the cash flow at the start date (the capex, negative) and `flows[i]` the
//! net cash flow of month `i`, at its end. The monthly discount rate is the annual rate's
//! twelfth-root equivalent ([`finance::monthly_rate`]); the IRR is solved monthly
//! ([`finance::irr`], in `f64` as Excel does) and annualized exactly,
//! `(1 + monthly)^12 − 1` ([`finance::annual_rate`]).

use serde::{Deserialize, Serialize};

use crate::models::ModelError;
use crate::{Decimal, finance, units};

/// NPV, IRR and payback of a project's monthly cash flows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectMetrics {
    /// Net present value at the scenario's annual discount rate, at the start date.
    pub npv_usd: Decimal,
    /// The annualized internal rate of return; `None` when the flows have no IRR (they
    /// never change sign, or the solver finds no root).
    pub irr_annual: Option<Decimal>,
    /// The first month whose cumulative cash flow (capex included) is at least 0; `None`
    /// when the project does not pay back within the horizon.
    pub payback_month: Option<u32>,
}

/// The metrics of `flows` discounted at `annual_discount_rate`.
///
/// # Errors
/// [`ModelError::Finance`] on `annual_discount_rate` when it is −1 or below, or when a
/// sum overflows.
pub fn project_metrics(
    flows: &[Decimal],
    annual_discount_rate: Decimal,
) -> Result<ProjectMetrics, ModelError> {
    const FIELD: &str = "annual_discount_rate";
    let monthly = finance::monthly_rate(annual_discount_rate, FIELD)?;
    let npv_usd = finance::npv_at_t0(monthly, flows).map_err(|e| ModelError::finance(FIELD, e))?;
    let irr_annual = finance::irr(flows, None)
        .ok()
        .and_then(|m| finance::annual_rate(m, "irr").ok());
    let mut cumulative = Decimal::ZERO;
    let mut payback_month = None;
    for (month, flow) in (0_u32..).zip(flows) {
        cumulative = units::add(cumulative, *flow, "cash_flow")?;
        if month > 0 && cumulative >= Decimal::ZERO {
            payback_month = Some(month);
            break;
        }
    }
    Ok(ProjectMetrics {
        npv_usd,
        irr_annual,
        payback_month,
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
    }
}
