//! A portfolio of boxes rolled up into a company view: revenue, EBITDA, interest and debt
//! service added month by month, interest coverage, and the first month in which debt
//! service exceeds the cash flow available for it ("borrowing to pay interest", seed 001).
//!
//! ```text
//! EBITDA_m            = Σ boxes' gross margin_m        (revenue − cash operating costs)
//! interest_m, balance_m = Σ boxes' financing (0 for a box without debt)
//! service_m           = Σ boxes' debt service due: paid + the shortfall of a payment
//!                       default (its unpaid commitment fees included)
//! capitalized_m       = Σ boxes' interest capitalized: borrowed to pay interest
//! interest coverage_m = EBITDA_m ÷ interest_m          (none without interest)
//! uncovered_m         = service_m − max(EBITDA_m, 0)   when positive: debt service the
//!                       month's cash flow does not cover, to be borrowed or raised
//! ```
//!
//! Every box runs on the same timeline: the same start date and horizon (one timeline, so
//! series add by index).
//!
//! **Concentration** ([`models::concentration`](crate::models::concentration)): the
//! revenue over the horizon by customer, across the boxes: each contract's revenue
//! (before curtailment) under its `customer` (else its contract's `name`, else
//! `boxes[b].contracts[i]`), contracts of one customer added up; every other item of revenue (reserved, on demand, spot, hosting
//! net of SLA credits, demand response) under one counterparty, `other revenue`, many
//! buyers counted as one (so the HHI is an upper bound). The portfolio's `counterparties`
//! add roles (investor, supplier, lender: the circular relationships of seed 001) to
//! those names, or new counterparties, and revenue from outside the boxes.

use serde::{Deserialize, Serialize};

use super::{Report, Scenario, ScenarioError, evaluate};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::models::concentration::{
    self, Concentration, ConcentrationInputs, Counterparty, customer_concentration,
};
use crate::{Date, Decimal, units};

/// The counterparty of the revenue that no contract names.
pub const OTHER_REVENUE: &str = "other revenue";

/// Boxes on one timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// A title for people (optional).
    #[serde(default)]
    pub title: String,
    /// The boxes (at least one), each a scenario with or without financing, all with the
    /// same start date and horizon.
    pub boxes: Vec<Scenario>,
    /// Roles of the customers the contracts name, and other counterparties (investors,
    /// suppliers, lenders), with revenue from outside the boxes (each name not empty and
    /// unique; revenue at least 0). Default none.
    #[serde(default)]
    pub counterparties: Vec<Counterparty>,
    /// The share of the largest customer's revenue recovered if it defaults, in [0, 1]
    /// (default 0).
    #[serde(default)]
    pub default_recovery_rate: Decimal,
}

impl Validate for Portfolio {
    fn check(&self, c: &mut Checker) {
        if self.boxes.is_empty() {
            c.problem("boxes", "must hold at least one scenario");
        }
        c.each("boxes", &self.boxes);
        if let Some(first) = self.boxes.first() {
            for (i, b) in self.boxes.iter().enumerate().skip(1) {
                if b.start != first.start {
                    c.problem(&format!("boxes[{i}].start"), "must equal boxes[0].start");
                }
                if b.horizon_months != first.horizon_months {
                    c.problem(
                        &format!("boxes[{i}].horizon_months"),
                        "must equal boxes[0].horizon_months",
                    );
                }
            }
        }
        concentration::check_counterparties(c, &self.counterparties);
        c.fraction("default_recovery_rate", self.default_recovery_rate);
    }
}

/// One month of the company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyMonth {
    /// 1 for the first month after the start.
    pub month: u32,
    /// The end of the month's period.
    pub date: Date,
    /// All boxes' revenue.
    pub revenue_usd: Decimal,
    /// All boxes' gross margin (revenue − cash operating costs).
    pub ebitda_usd: Decimal,
    /// Interest paid.
    pub interest_usd: Decimal,
    /// Interest capitalized: added to the loans, borrowed to pay interest.
    pub capitalized_interest_usd: Decimal,
    /// Interest paid + principal.
    pub debt_service_usd: Decimal,
    /// Debt outstanding at the end of the month.
    pub debt_balance_usd: Decimal,
    /// EBITDA ÷ interest; `None` without interest.
    pub interest_coverage: Option<Decimal>,
    /// Debt service not covered by EBITDA, `max(0, service − max(EBITDA, 0))`: what the
    /// month must borrow or raise to pay its lenders.
    pub uncovered_debt_service_usd: Decimal,
}

/// The company's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySummary {
    /// Revenue over the horizon.
    pub revenue_usd: Decimal,
    /// EBITDA over the horizon.
    pub ebitda_usd: Decimal,
    /// Interest paid over the horizon.
    pub interest_usd: Decimal,
    /// Interest capitalized over the horizon (borrowed to pay interest).
    pub capitalized_interest_usd: Decimal,
    /// Debt drawn by all boxes.
    pub debt_usd: Decimal,
    /// The lowest monthly interest coverage.
    pub minimum_interest_coverage: Option<Decimal>,
    /// The first month with debt service its EBITDA does not cover; `None` if none.
    pub first_uncovered_debt_service_month: Option<u32>,
    /// The first month whose interest alone exceeds its EBITDA (coverage below 1).
    pub first_interest_gap_month: Option<u32>,
}

/// The company view and each box's own report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Fields are added as the model grows: not a breaking change (built only by the crate).
#[non_exhaustive]
pub struct PortfolioReport {
    /// One entry per month.
    pub months: Vec<CompanyMonth>,
    /// Totals and the months that matter.
    pub summary: CompanySummary,
    /// Revenue over the horizon by customer: HHI, top-1 and top-3 shares, revenue at risk,
    /// circular relationships; `None` without revenue.
    pub concentration: Option<Concentration>,
    /// Each box's report, in order.
    pub boxes: Vec<Report>,
}

/// Evaluates every box and rolls them up.
///
/// # Errors
/// [`ScenarioError::Invalid`] with every problem (paths from the portfolio's root:
/// `boxes[1].power.pue`); [`ScenarioError::Model`] on an overflow.
///
/// # Example
/// ```
/// use gpuecon::{presets, scenario::portfolio::{evaluate_portfolio, Portfolio}};
/// let boxes = ["coreweave-box-ig", "coreweave-box-sub-ig"]
///     .map(|id| presets::get(id).unwrap().unwrap().scenario.unwrap())
///     .to_vec();
/// let company = evaluate_portfolio(&Portfolio {
///     title: String::new(),
///     boxes,
///     counterparties: Vec::new(),
///     default_recovery_rate: gpuecon::Decimal::ZERO,
/// })?;
/// let first = &company.months[0];
/// assert_eq!(first.ebitda_usd, company.boxes[0].months[0].gross_margin_usd * gpuecon::Decimal::TWO);
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn evaluate_portfolio(portfolio: &Portfolio) -> Result<PortfolioReport, ScenarioError> {
    let problems = portfolio.validate();
    if !problems.is_empty() {
        return Err(ScenarioError::Invalid { problems });
    }
    let boxes = portfolio
        .boxes
        .iter()
        .map(evaluate)
        .collect::<Result<Vec<_>, _>>()?;
    let months = roll_up(&boxes)?;
    let summary = summarize(&boxes, &months)?;
    let concentration = concentration(portfolio, &boxes)?;
    Ok(PortfolioReport {
        months,
        summary,
        concentration,
        boxes,
    })
}

/// The revenue over the horizon by customer (see the [module docs](self)), through
/// [`customer_concentration`]; `None` when there is none.
fn concentration(
    portfolio: &Portfolio,
    boxes: &[Report],
) -> Result<Option<Concentration>, ModelError> {
    let mut parties = portfolio.counterparties.clone();
    let mut add = |name: &str, revenue: Decimal| -> Result<(), ModelError> {
        match parties.iter_mut().find(|p| p.name == name) {
            Some(party) => {
                party.revenue_usd = units::add(party.revenue_usd, revenue, "counterparties")?;
            }
            None => parties.push(Counterparty {
                name: name.to_owned(),
                revenue_usd: revenue,
                roles: Vec::new(),
            }),
        }
        Ok(())
    };
    for (b, (scenario, report)) in portfolio.boxes.iter().zip(boxes).enumerate() {
        for (i, (line, revenue)) in scenario
            .contracts
            .iter()
            .zip(&report.summary.contract_revenue_usd)
            .enumerate()
        {
            let name = match (line.customer.as_str(), line.contract.name.as_str()) {
                ("", "") => format!("boxes[{b}].contracts[{i}]"),
                ("", name) | (name, _) => name.to_owned(),
            };
            add(&name, *revenue)?;
        }
        let r = &report.summary.revenue;
        let other = [
            r.reserved_usd,
            r.on_demand_usd,
            r.spot_usd,
            r.hosting_usd,
            r.demand_response_usd,
        ]
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "boxes"))?;
        let other = units::sub(other, r.sla_credits_usd, "boxes")?;
        if other > Decimal::ZERO {
            add(OTHER_REVENUE, other)?;
        }
    }
    let inputs = ConcentrationInputs {
        counterparties: parties,
        default_recovery_rate: portfolio.default_recovery_rate,
    };
    let total = inputs
        .counterparties
        .iter()
        .try_fold(Decimal::ZERO, |sum, p| {
            units::add(sum, p.revenue_usd, "counterparties")
        })?;
    if total <= Decimal::ZERO {
        return Ok(None);
    }
    customer_concentration(&inputs).map(Some)
}

fn roll_up(boxes: &[Report]) -> Result<Vec<CompanyMonth>, ModelError> {
    let Some(first) = boxes.first() else {
        return Ok(Vec::new());
    };
    let mut months = Vec::with_capacity(first.months.len());
    for (i, m) in first.months.iter().enumerate() {
        let (mut revenue, mut ebitda) = (Decimal::ZERO, Decimal::ZERO);
        let (mut interest, mut capitalized, mut service, mut balance) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for b in boxes {
            if let Some(bm) = b.months.get(i) {
                revenue = units::add(revenue, bm.revenue.total_usd, "boxes")?;
                ebitda = units::add(ebitda, bm.gross_margin_usd, "boxes")?;
            }
            if let Some(fm) = b.financing.as_ref().and_then(|f| f.months.get(i)) {
                interest = units::add(interest, fm.interest_usd, "boxes")?;
                capitalized = units::add(capitalized, fm.capitalized_interest_usd, "boxes")?;
                // What was due: paid, or short in a payment default.
                let due = units::add(fm.debt_service_usd, fm.shortfall_usd, "boxes")?;
                service = units::add(service, due, "boxes")?;
                balance = units::add(balance, fm.balance_usd, "boxes")?;
            }
        }
        months.push(CompanyMonth {
            month: m.month,
            date: m.date,
            revenue_usd: revenue,
            ebitda_usd: ebitda,
            interest_usd: interest,
            capitalized_interest_usd: capitalized,
            debt_service_usd: service,
            debt_balance_usd: balance,
            interest_coverage: if interest.is_zero() {
                None
            } else {
                Some(units::div(ebitda, interest, "boxes")?)
            },
            uncovered_debt_service_usd: units::sub(service, ebitda.max(Decimal::ZERO), "boxes")?
                .max(Decimal::ZERO),
        });
    }
    Ok(months)
}

fn summarize(boxes: &[Report], months: &[CompanyMonth]) -> Result<CompanySummary, ModelError> {
    let sum = |pick: fn(&CompanyMonth) -> Decimal| {
        months
            .iter()
            .try_fold(Decimal::ZERO, |t, m| units::add(t, pick(m), "boxes"))
    };
    let debt = boxes
        .iter()
        .filter_map(|b| b.financing.as_ref())
        .try_fold(Decimal::ZERO, |t, f| {
            units::add(t, f.summary.debt_usd, "boxes")
        })?;
    Ok(CompanySummary {
        revenue_usd: sum(|m| m.revenue_usd)?,
        ebitda_usd: sum(|m| m.ebitda_usd)?,
        interest_usd: sum(|m| m.interest_usd)?,
        capitalized_interest_usd: sum(|m| m.capitalized_interest_usd)?,
        debt_usd: debt,
        minimum_interest_coverage: months.iter().filter_map(|m| m.interest_coverage).min(),
        first_uncovered_debt_service_month: months
            .iter()
            .find(|m| m.uncovered_debt_service_usd > Decimal::ZERO)
            .map(|m| m.month),
        first_interest_gap_month: months
            .iter()
            .find(|m| m.interest_usd > Decimal::ZERO && m.interest_usd > m.ebitda_usd)
            .map(|m| m.month),
    })
}
