//! The box: a scenario financed with debt secured by its GPUs and its contracts, in one
//! special purpose vehicle (docs/domain.md section 8).
//!
//! ```text
//! CFADS_m         = the scenario's gross margin in month m (revenue − cash operating costs)
//!                   − the customers' prepayments applied that month (received at the close)
//! advance limit   = advance_rate × fleet capex                     (the collateral at origination)
//! DSCR limit      = sculpted:  PV at the loan rate of CFADS_m ÷ target  (models::debt::sculpted_debt_capacity)
//!                              ÷ Σ_k share_k × DF_k  (draws later than the close: below)
//!                   otherwise: min over m of (CFADS_m ÷ target) ÷ (debt service_m per dollar lent)
//!                   (level, straight and bullet service are proportional to the amount lent)
//! debt            = min(advance limit, DSCR limit); a sculpted loan below its DSCR limit is
//!                   sculpted to target × limit ÷ debt, so that it keeps the profile and
//!                   matures at the tenor
//! draws           = debt × the delivery shares: share_k at the close (k = 0) or the end of
//!                   month k (the loan's month k + 1), the last draw taking the rounding;
//!                   all at the close without a delivery schedule
//! capitalized     = the interest of months 1 to capitalize_until_month (construction)
//! DSCR_m          = CFADS_m ÷ debt service_m                        (none without service)
//! LTV_m           = balance_m ÷ economic value_m                    (models::collateral)
//! equity flow_0   = the close's cash flow (prepayments − capex then) + the draw at the close
//! equity flow_m   = cash flow_m − debt service_m − fees_m + the draw at the end of month m
//!                   (the last month of the horizon also repays any balance left from the sale)
//! equity          = capex − debt − prepayments                      (sources = uses)
//! ```
//!
//! With draws later than the close, a dollar drawn at the end of month k is repaid from the
//! same service as `DF_k = Π_{j ≤ k} 1 ÷ (1 + a_j ÷ 12)` dollars drawn at the close (the
//! loan's own 30/360 rate `a_j`): the commitment whose draws the sculpted service repays
//! is the close's capacity ÷ `Σ_k share_k × DF_k`.
//!
//! The project's own cash flows do not change with the financing: project flow = equity
//! flow + the lender's flow (−draws, then debt service and fees), month by month.
//! Covenants (maximum LTV, minimum DSCR, a cure period) are tested each month by
//! [`models::collateral`](crate::models::collateral).

use serde::{Deserialize, Serialize};

use super::report::financing::{FinancingMonth, FinancingReport, FinancingSummary, SizedBy};
use super::report::{MonthReport, Summary};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::models::collateral::{
    self, CollateralInputs, CollateralValue, Covenants, DscrCovenant, Liquidation,
};
use crate::models::debt::{
    self, Amortization, DebtCapacityInputs, DrawSchedule, Fees, Interest, LoanInputs,
};
use crate::models::metrics::project_metrics;
use crate::{Decimal, units};

/// How the loan is repaid (the sculpted profile follows the scenario's own CFADS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repayment {
    /// Debt service = CFADS ÷ target DSCR each month (the default, as project lenders do).
    #[default]
    Sculpted,
    /// An annuity.
    LevelPayment,
    /// Equal principal each month.
    Straight,
    /// Interest only, the principal at maturity.
    Bullet,
}

/// The debt of a box and its covenants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// The most the lender advances against the GPUs, as a share of the fleet capex, in
    /// [0, 1] (on-chain GPU lenders quote about 0.75).
    pub advance_rate: Decimal,
    /// The DSCR the debt is sized to keep (greater than 0; lenders ask 1.25-1.35).
    pub target_dscr: Decimal,
    /// Months from the close to maturity, 1 to the scenario's horizon.
    pub tenor_months: u32,
    /// The interest of months 1 to this one is capitalized (construction, while the GPUs
    /// are delivered): nothing is paid, and sculpted service starts the month after.
    /// Default 0; below `tenor_months`; for a sculpted loan drawn on `fleet.deliveries`, at
    /// least the month of the last delivery (service sculpted on CFADS before the last draw
    /// would repay draws not yet made).
    #[serde(default)]
    pub capitalize_until_month: u32,
    /// Fixed, or SOFR + a spread set by the contract counterparty's credit tier.
    pub interest: Interest,
    /// Sculpted (default), level payment, straight or bullet.
    #[serde(default)]
    pub repayment: Repayment,
    /// Upfront and commitment fees (default none).
    #[serde(default)]
    pub fees: Fees,
    /// The highest loan-to-value allowed, greater than 0 (default 1).
    #[serde(default = "one")]
    pub max_ltv: Decimal,
    /// The lowest DSCR allowed each month (default: none tested).
    #[serde(default)]
    pub min_dscr: Option<Decimal>,
    /// Consecutive months in breach before a breach is a default (default 0).
    #[serde(default)]
    pub cure_months: u32,
    /// The discount of a forced sale of the GPUs, in [0, 1] (default 0).
    #[serde(default)]
    pub liquidation_haircut: Decimal,
}

const fn one() -> Decimal {
    Decimal::ONE
}

impl Validate for Financing {
    fn check(&self, c: &mut Checker) {
        c.fraction("advance_rate", self.advance_rate);
        c.positive("target_dscr", self.target_dscr);
        c.nonzero("tenor_months", self.tenor_months);
        if self.tenor_months > 0 && self.capitalize_until_month >= self.tenor_months {
            c.problem(
                "capitalize_until_month",
                "must be before tenor_months (at least one month of amortization)",
            );
        }
        c.nested("interest", &self.interest);
        c.nested("fees", &self.fees);
        c.positive("max_ltv", self.max_ltv);
        if let Some(min) = self.min_dscr {
            c.positive("min_dscr", min);
        }
        c.fraction("liquidation_haircut", self.liquidation_haircut);
    }
}

/// Sizes, schedules and tests the debt of a box whose unfinanced months and summary are
/// `months` and `summary`; `shares` is the fleet's delivery schedule (`[1]`: all at the
/// close).
pub(super) fn finance(
    f: &Financing,
    months: &[MonthReport],
    summary: &Summary,
    shares: &[Decimal],
    annual_discount_rate: Decimal,
) -> Result<FinancingReport, ModelError> {
    let at = |e: ModelError| e.within("financing");
    let capex = summary.capex_usd;
    let tenor = usize::try_from(f.tenor_months).unwrap_or(usize::MAX);
    let cfads: Vec<Decimal> = months
        .iter()
        .map(|m| units::sub(m.gross_margin_usd, m.prepayment_applied_usd, "financing"))
        .collect::<Result<_, _>>()?;
    let advance_limit = units::mul(f.advance_rate, capex, "financing.advance_rate")?;
    let dscr_limit = dscr_limit(f, &cfads, capex, shares).map_err(at)?;
    let (debt, sized_by) = if advance_limit <= dscr_limit {
        (advance_limit, SizedBy::AdvanceRate)
    } else {
        (dscr_limit, SizedBy::TargetDscr)
    };
    // A sculpted loan smaller than the DSCR limit keeps the profile and matures at the
    // tenor: its service is CFADS ÷ (target × limit ÷ debt), a DSCR above the target.
    let sculpt_dscr = if debt > Decimal::ZERO && debt < dscr_limit {
        units::div(
            units::mul(f.target_dscr, dscr_limit, "financing.target_dscr")?,
            debt,
            "financing.advance_rate",
        )?
    } else {
        f.target_dscr
    };
    let schedule = if debt > Decimal::ZERO {
        Some(debt::debt_schedule(&loan(f, &cfads, debt, sculpt_dscr, shares)?).map_err(at)?)
    } else {
        None
    };
    let loan_months = schedule
        .as_ref()
        .map(|s| s.months.as_slice())
        .unwrap_or_default();
    let balances: Vec<Decimal> = (0..months.len())
        .map(|i| {
            loan_months
                .get(i)
                .map(|m| m.closing_balance_usd)
                .unwrap_or_default()
        })
        .collect();
    // The loan's month i + 1 draw falls at the end of the scenario's month i (row i).
    let draw_in_row = |row: usize| loan_months.get(row).map(|m| m.draw_usd).unwrap_or_default();
    let service: Vec<Service> = (0..months.len())
        .map(|i| {
            loan_months.get(i).map_or(Ok(Service::default()), |m| {
                Ok(Service {
                    interest: m.interest_paid_usd,
                    capitalized: m.capitalized_interest_usd,
                    principal: m.principal_usd,
                    total: m.debt_service_usd,
                    fees: units::add(m.upfront_fee_usd, m.commitment_fee_usd, "financing.fees")?,
                })
            })
        })
        .collect::<Result<_, ModelError>>()?;
    let dscr: Vec<Option<Decimal>> = cfads
        .iter()
        .zip(&service)
        .map(|(cf, s)| {
            (!s.total.is_zero())
                .then(|| units::div(*cf, s.total, "financing"))
                .transpose()
        })
        .collect::<Result<_, _>>()?;
    let covenants = collateral::collateral_schedule(&CollateralInputs {
        collateral: CollateralValue::Series {
            origination_value_usd: capex,
            value_usd: months.iter().map(|m| m.economic_value_usd).collect(),
        },
        advance_rate: f.advance_rate,
        balance_usd: balances.clone(),
        covenants: Covenants {
            max_ltv: f.max_ltv,
            dscr: f.min_dscr.map(|minimum_dscr| DscrCovenant {
                minimum_dscr,
                dscr_by_month: dscr.clone(),
            }),
            concentration: None,
            cure_months: f.cure_months,
        },
        liquidation: Liquidation {
            haircut: f.liquidation_haircut,
            costs_usd: Decimal::ZERO,
        },
    })
    .map_err(at)?;

    let equity_usd = units::sub(
        units::sub(capex, debt, "financing")?,
        summary.prepayment_usd,
        "contracts",
    )?;
    let mut equity_flows = vec![units::add(
        summary.close_cash_flow_usd,
        draw_in_row(0),
        "financing",
    )?];
    let mut rows = Vec::with_capacity(months.len());
    let last = months.len().saturating_sub(1);
    for (i, m) in months.iter().enumerate() {
        let s = service.get(i).copied().unwrap_or_default();
        let balance = balances.get(i).copied().unwrap_or_default();
        let draw = draw_in_row(i + 1);
        let mut equity = units::sub(m.cash_flow_usd, s.total, "financing")?;
        equity = units::sub(equity, s.fees, "financing.fees")?;
        equity = units::add(equity, draw, "financing")?;
        if i == last && tenor > months.len() {
            // The horizon ends before maturity: the sale repays what is left.
            equity = units::sub(equity, balance, "financing.tenor_months")?;
        }
        equity_flows.push(equity);
        let test = covenants.months.get(i);
        rows.push(FinancingMonth {
            month: m.month,
            cfads_usd: cfads.get(i).copied().unwrap_or_default(),
            draw_usd: draw,
            capitalized_interest_usd: s.capitalized,
            interest_usd: s.interest,
            principal_usd: s.principal,
            debt_service_usd: s.total,
            fees_usd: s.fees,
            balance_usd: balance,
            dscr: dscr.get(i).copied().flatten(),
            ltv: test.and_then(|t| t.ltv),
            in_breach: test.is_some_and(|t| t.in_breach),
            in_default: test.is_some_and(|t| t.in_default),
            equity_cash_flow_usd: equity,
        });
    }
    let minimum_dscr = dscr.iter().flatten().copied().min();
    Ok(FinancingReport {
        summary: FinancingSummary {
            debt_usd: debt,
            sized_by,
            advance_limit_usd: advance_limit,
            dscr_limit_usd: dscr_limit,
            equity_usd,
            equity: project_metrics(&equity_flows, annual_discount_rate)?,
            minimum_dscr,
            peak_ltv: covenants.summary.peak_ltv,
            months_in_breach: covenants.summary.months_in_breach,
            first_default_month: covenants.summary.first_default_month,
        },
        months: rows,
    })
}

/// A month of the loan as the box reports it.
#[derive(Clone, Copy, Default)]
struct Service {
    interest: Decimal,
    capitalized: Decimal,
    principal: Decimal,
    total: Decimal,
    fees: Decimal,
}

/// The loan of `debt` drawn on the delivery `shares` (at the close when there is one),
/// repaid as `f` says (sculpted to `sculpt_dscr`).
fn loan(
    f: &Financing,
    cfads: &[Decimal],
    debt: Decimal,
    sculpt_dscr: Decimal,
    shares: &[Decimal],
) -> Result<LoanInputs, ModelError> {
    Ok(LoanInputs {
        commitment_usd: debt,
        tenor_months: f.tenor_months,
        capitalize_until_month: f.capitalize_until_month,
        draws: draws(debt, shares)?,
        availability_months: None,
        interest: f.interest.clone(),
        amortization: match f.repayment {
            Repayment::Sculpted => Amortization::Sculpted {
                cfads_usd: cfads.to_vec(),
                target_dscr: sculpt_dscr,
            },
            Repayment::LevelPayment => Amortization::LevelPayment,
            Repayment::Straight => Amortization::Straight,
            Repayment::Bullet => Amortization::Bullet,
        },
        fees: f.fees.clone(),
    })
}

/// `debt` drawn on the delivery `shares`, each draw kept to 12 places and the last taking
/// the rounding (so that the draws add up to the debt exactly); all at the close for a
/// single share.
fn draws(debt: Decimal, shares: &[Decimal]) -> Result<DrawSchedule, ModelError> {
    if shares.len() <= 1 {
        return Ok(DrawSchedule::AtClose);
    }
    let mut usd = Vec::with_capacity(shares.len());
    let mut left = debt;
    let last = shares.len() - 1;
    for (k, share) in shares.iter().enumerate() {
        let draw = if k == last {
            left
        } else {
            units::amount(units::mul(debt, *share, "fleet.deliveries")?)
        };
        left = units::sub(left, draw, "fleet.deliveries")?;
        usd.push(draw);
    }
    Ok(DrawSchedule::Amounts { usd })
}

/// `Σ_k share_k × DF_k`: what a dollar of commitment drawn on the delivery `shares` is
/// worth at the close, discounted at the loan's own monthly rate (1 for a single share).
fn draw_weight(f: &Financing, shares: &[Decimal]) -> Result<Decimal, ModelError> {
    if shares.len() <= 1 {
        return Ok(Decimal::ONE);
    }
    let rates = f.interest.annual_rates(f.tenor_months)?;
    let mut factor = Decimal::ONE;
    let mut weight = Decimal::ZERO;
    for (k, share) in shares.iter().enumerate() {
        if k > 0 {
            // DF_k = DF_(k−1) × 12 ÷ (12 + a_k); 12 + a_k > 11 since a_k > −1.
            let rate = rates.get(k - 1).copied().unwrap_or_default();
            let growth = units::add(units::MONTHS_PER_YEAR, rate, "interest")?;
            factor = units::div(
                units::mul(factor, units::MONTHS_PER_YEAR, "interest")?,
                growth,
                "interest",
            )?;
        }
        weight = units::add(weight, units::mul(*share, factor, "interest")?, "interest")?;
    }
    Ok(weight)
}

/// The most debt whose service stays within CFADS ÷ target DSCR every month.
fn dscr_limit(
    f: &Financing,
    cfads: &[Decimal],
    capex: Decimal,
    shares: &[Decimal],
) -> Result<Decimal, ModelError> {
    if f.repayment == Repayment::Sculpted {
        let at_close = debt::sculpted_debt_capacity(&DebtCapacityInputs {
            cfads_usd: cfads.to_vec(),
            target_dscr: f.target_dscr,
            interest: f.interest.clone(),
            tenor_months: f.tenor_months,
            capitalize_until_month: f.capitalize_until_month,
        })?
        .debt_capacity_usd;
        let weight = draw_weight(f, shares)?;
        if weight == Decimal::ONE {
            return Ok(at_close);
        }
        return Ok(units::amount(units::div(
            at_close,
            weight,
            "fleet.deliveries",
        )?));
    }
    // Level, straight and bullet service are proportional to the amount lent: schedule a
    // probe loan and scale it to the tightest month.
    let probe = if capex > Decimal::ZERO {
        capex
    } else {
        Decimal::ONE
    };
    let schedule = debt::debt_schedule(&LoanInputs {
        fees: Fees::default(),
        ..loan(f, cfads, probe, f.target_dscr, shares)?
    })?;
    let mut limit: Option<Decimal> = None;
    for (m, cf) in schedule.months.iter().zip(cfads) {
        if m.debt_service_usd.is_zero() {
            continue;
        }
        let allowed = units::div(
            (*cf).max(Decimal::ZERO),
            f.target_dscr,
            "financing.target_dscr",
        )?;
        let per_dollar = units::div(m.debt_service_usd, probe, "financing")?;
        let here = units::div(allowed, per_dollar, "financing")?;
        limit = Some(limit.map_or(here, |l| l.min(here)));
    }
    Ok(limit.unwrap_or_default())
}
