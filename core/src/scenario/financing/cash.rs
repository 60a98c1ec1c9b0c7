//! The lines of each month's CFADS: revenue, operating costs, taxes, maintenance capex and
//! the change in working capital (formulas in the [module docs](super)).

use serde::{Deserialize, Serialize};

use super::super::report::MonthReport;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, HOURS_PER_MONTH};

/// Failed GPUs replaced: from a spares pool bought at the close, then bought as they fail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maintenance {
    /// The share of the GPUs in service that fail in a year, in [0, 1] (an assumption to
    /// state: large training clusters report a few percent a year).
    pub annual_failure_rate: Decimal,
    /// What replacing one costs, USD, at least 0.
    pub replacement_usd_per_gpu: Decimal,
    /// Spare GPUs bought at the close at the replacement cost (a use of funds), used
    /// before any is bought (default 0).
    #[serde(default)]
    pub spares_gpus: Decimal,
}

impl Validate for Maintenance {
    fn check(&self, c: &mut Checker) {
        c.fraction("annual_failure_rate", self.annual_failure_rate);
        c.at_least(
            "replacement_usd_per_gpu",
            self.replacement_usd_per_gpu,
            Decimal::ZERO,
        );
        c.at_least("spares_gpus", self.spares_gpus, Decimal::ZERO);
    }
}

/// Billing collected and costs paid some days after the month they fall in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingCapital {
    /// Days of revenue outstanding, 0 to 360 (30 for net-30 billing).
    pub receivable_days: u32,
    /// Days of operating costs outstanding, 0 to 360 (default 0).
    #[serde(default)]
    pub payable_days: u32,
}

impl Validate for WorkingCapital {
    fn check(&self, c: &mut Checker) {
        if self.receivable_days > 360 {
            c.problem("receivable_days", "must be 0 to 360");
        }
        if self.payable_days > 360 {
            c.problem("payable_days", "must be 0 to 360");
        }
    }
}

/// Days in a month for working capital: 30, the loan's 30/360 month.
const DAYS_PER_MONTH: Decimal = Decimal::from_parts(30, 0, 0, false, 0);

/// The lines of a month's CFADS.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CashLines {
    pub revenue: Decimal,
    /// Cash operating costs and the prepayments applied.
    pub operating_costs: Decimal,
    pub taxes: Decimal,
    pub maintenance: Decimal,
    pub working_capital: Decimal,
    pub cfads: Decimal,
}

/// Each month's CFADS lines; `taxes` from [`super::taxes::taxes_usd`].
pub(super) fn cash_lines(
    months: &[MonthReport],
    taxes: &[Decimal],
    maintenance: Option<&Maintenance>,
    working_capital: Option<&WorkingCapital>,
) -> Result<Vec<CashLines>, ModelError> {
    let mut spares = maintenance.map_or(Decimal::ZERO, |m| m.spares_gpus);
    let (mut receivable, mut payable) = (Decimal::ZERO, Decimal::ZERO);
    let last = months.len().saturating_sub(1);
    months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let operating_costs =
                units::add(m.costs.total_usd, m.prepayment_applied_usd, "contracts")?;
            let tax = taxes.get(i).copied().unwrap_or_default();
            let maintenance = match maintenance {
                Some(p) => {
                    let field = "financing.maintenance";
                    let gpus = units::div(m.available_gpu_hours, HOURS_PER_MONTH, field)?;
                    let failed = units::div(
                        units::mul(gpus, p.annual_failure_rate, field)?,
                        units::MONTHS_PER_YEAR,
                        field,
                    )?;
                    let from_spares = failed.min(spares);
                    spares = units::sub(spares, from_spares, field)?;
                    let bought = units::sub(failed, from_spares, field)?;
                    units::amount(units::mul(bought, p.replacement_usd_per_gpu, field)?)
                }
                None => Decimal::ZERO,
            };
            let working_capital = match working_capital {
                Some(w) => {
                    let field = "financing.working_capital";
                    let (now_receivable, now_payable) = if i == last {
                        // Everything is collected and paid by the end of the horizon.
                        (Decimal::ZERO, Decimal::ZERO)
                    } else {
                        (
                            units::amount(units::div(
                                units::mul(m.revenue.total_usd, w.receivable_days.into(), field)?,
                                DAYS_PER_MONTH,
                                field,
                            )?),
                            units::amount(units::div(
                                units::mul(m.costs.total_usd, w.payable_days.into(), field)?,
                                DAYS_PER_MONTH,
                                field,
                            )?),
                        )
                    };
                    let change = units::sub(
                        units::sub(now_receivable, receivable, field)?,
                        units::sub(now_payable, payable, field)?,
                        field,
                    )?;
                    (receivable, payable) = (now_receivable, now_payable);
                    change
                }
                None => Decimal::ZERO,
            };
            let cfads = [operating_costs, tax, maintenance, working_capital]
                .into_iter()
                .try_fold(m.revenue.total_usd, |left, x| {
                    units::sub(left, x, "financing")
                })?;
            Ok(CashLines {
                revenue: m.revenue.total_usd,
                operating_costs,
                taxes: tax,
                maintenance,
                working_capital,
                cfads,
            })
        })
        .collect()
}
