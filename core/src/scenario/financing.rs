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
//! same service as `DF_k = Π_{j ≤ k} 1 ÷ (1 + a_j × days_j ÷ basis)` dollars drawn at the
//! close (the loan's own rate `a_j` on its day count, from the scenario's calendar, and its
//! hedges: [`debt::discount_factors`]): the commitment whose draws the sculpted service
//! repays is the close's capacity ÷ `Σ_k share_k × DF_k`.
//!
//! The loan accrues on the scenario's calendar: month m runs from `start` plus m − 1
//! months to `start` plus m months, ACT/360 by default for a floating rate, 30/360 for a
//! fixed one (`day_count`). A swap's net settlement and a cap's payouts are debt service;
//! the cap's premium is paid by the equity at the close (equity = capex − debt −
//! prepayments + premium).
//!
//! The project's own cash flows do not change with the financing: project flow = equity
//! flow + the lender's flow (−draws, then debt service and fees), month by month.
//! Covenants (maximum LTV, minimum DSCR, a cure period) are tested each month by
//! [`models::collateral`](crate::models::collateral).

use serde::{Deserialize, Serialize};

use super::report::{MonthReport, Summary};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::models::collateral::{
    self, CollateralInputs, CollateralValue, Covenants, DscrCovenant, Liquidation,
};
use crate::models::debt::{
    self, Amortization, Cap, DayCount, DebtCapacityInputs, DrawSchedule, Fees, Interest,
    LoanInputs, Swap,
};
use crate::models::metrics::{ProjectMetrics, project_metrics};
use crate::{Date, Decimal, units};

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
    /// How interest counts the scenario's calendar days (default: ACT/360 for a floating
    /// rate, as SOFR loan documents say; 30/360 for a fixed one).
    #[serde(default)]
    pub day_count: Option<DayCount>,
    /// A swap of the floating rate for a fixed one (default none): its net settlement is
    /// debt service.
    #[serde(default)]
    pub swap: Option<Swap>,
    /// A cap on SOFR (default none): its premium is paid by the equity at the close, its
    /// payouts reduce debt service.
    #[serde(default)]
    pub cap: Option<Cap>,
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
        debt::check_hedges(c, &self.interest, self.swap.as_ref(), self.cap.as_ref());
    }
}

/// Which limit set the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizedBy {
    /// The advance rate on the collateral.
    AdvanceRate,
    /// The target DSCR on the cash flows.
    TargetDscr,
}

/// One month of the box's financing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingMonth {
    /// 1 for the first month after the start.
    pub month: u32,
    /// Cash flow available for debt service: the month's gross margin less the
    /// prepayments applied.
    pub cfads_usd: Decimal,
    /// Drawn at the end of the month (the start of the next) for the GPUs delivered then.
    pub draw_usd: Decimal,
    /// Interest added to the balance (construction, or a sculpted service below it).
    pub capitalized_interest_usd: Decimal,
    /// Interest paid.
    pub interest_usd: Decimal,
    /// Principal repaid.
    pub principal_usd: Decimal,
    /// The hedges' net cost: swap settlement − cap payout (0 without hedges).
    pub hedges_usd: Decimal,
    /// Interest paid + principal + hedges.
    pub debt_service_usd: Decimal,
    /// Upfront and commitment fees.
    pub fees_usd: Decimal,
    /// The loan balance at the end of the month.
    pub balance_usd: Decimal,
    /// CFADS ÷ debt service; `None` without debt service.
    pub dscr: Option<Decimal>,
    /// Balance ÷ the GPUs' economic value; `None` when they are worth nothing.
    pub ltv: Option<Decimal>,
    /// Whether a covenant is breached this month.
    pub in_breach: bool,
    /// Whether the breach has outlasted the cure period.
    pub in_default: bool,
    /// What the equity holders receive (negative: put in).
    pub equity_cash_flow_usd: Decimal,
}

/// The financing summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingSummary {
    /// The debt: the loan's commitment, all of it drawn (at the close, or with the
    /// deliveries).
    pub debt_usd: Decimal,
    /// Which limit set it.
    pub sized_by: SizedBy,
    /// The advance-rate limit.
    pub advance_limit_usd: Decimal,
    /// The DSCR limit.
    pub dscr_limit_usd: Decimal,
    /// The equity put in: capex − debt − prepayments (at the close, or with the
    /// deliveries).
    pub equity_usd: Decimal,
    /// NPV, IRR and payback of the equity cash flows.
    pub equity: ProjectMetrics,
    /// The lowest monthly DSCR; `None` without debt service.
    pub minimum_dscr: Option<Decimal>,
    /// The highest monthly LTV.
    pub peak_ltv: Option<Decimal>,
    /// Months with a covenant breached.
    pub months_in_breach: u32,
    /// The first month in default (a breach past its cure period), if any.
    pub first_default_month: Option<u32>,
}

/// The box's financing: its months and summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingReport {
    /// One entry per month of the horizon.
    pub months: Vec<FinancingMonth>,
    /// Totals and metrics.
    pub summary: FinancingSummary,
}

/// Sizes, schedules and tests the debt of a box whose unfinanced months and summary are
/// `months` and `summary`; `shares` is the fleet's delivery schedule (`[1]`: all at the
/// close), `start` the close's date (the loan's calendar).
pub(super) fn finance(
    f: &Financing,
    start: Date,
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
    let dscr_limit = dscr_limit(f, start, &cfads, capex, shares).map_err(at)?;
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
        Some(debt::debt_schedule(&loan(f, start, &cfads, debt, sculpt_dscr, shares)?).map_err(at)?)
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
                    hedges: units::sub(m.swap_settlement_usd, m.cap_payout_usd, "financing")?,
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

    // The cap's premium is paid by the equity at the close.
    let premium = schedule
        .as_ref()
        .map_or(Decimal::ZERO, |s| s.totals.cap_premium_usd);
    let equity_usd = units::add(
        units::sub(
            units::sub(capex, debt, "financing")?,
            summary.prepayment_usd,
            "contracts",
        )?,
        premium,
        "financing.cap.premium_usd",
    )?;
    let mut equity_flows = vec![units::sub(
        units::add(summary.close_cash_flow_usd, draw_in_row(0), "financing")?,
        premium,
        "financing.cap.premium_usd",
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
            hedges_usd: s.hedges,
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
    hedges: Decimal,
    capitalized: Decimal,
    principal: Decimal,
    total: Decimal,
    fees: Decimal,
}

/// The loan of `debt` drawn on the delivery `shares` (at the close when there is one),
/// repaid as `f` says (sculpted to `sculpt_dscr`).
fn loan(
    f: &Financing,
    start: Date,
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
        start_date: Some(start),
        day_count: f.day_count,
        swap: f.swap.clone(),
        cap: f.cap.clone(),
    })
}

/// The sculpting of `f`'s loan on `cfads` to `target_dscr`, closing on `start`.
fn capacity_inputs(
    f: &Financing,
    start: Date,
    cfads: &[Decimal],
    target_dscr: Decimal,
) -> DebtCapacityInputs {
    DebtCapacityInputs {
        cfads_usd: cfads.to_vec(),
        target_dscr,
        interest: f.interest.clone(),
        tenor_months: f.tenor_months,
        capitalize_until_month: f.capitalize_until_month,
        start_date: Some(start),
        day_count: f.day_count,
        swap: f.swap.clone(),
        cap: f.cap.clone(),
    }
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
/// worth at the close, discounted at the loan's own rate of each month
/// ([`debt::discount_factors`]: its day count and hedges); 1 for a single share.
fn draw_weight(sculpting: &DebtCapacityInputs, shares: &[Decimal]) -> Result<Decimal, ModelError> {
    if shares.len() <= 1 {
        return Ok(Decimal::ONE);
    }
    let factors = debt::discount_factors(sculpting)?;
    let mut weight = Decimal::ZERO;
    for (k, share) in shares.iter().enumerate() {
        let factor = match k.checked_sub(1) {
            None => Decimal::ONE,
            Some(month) => factors.get(month).copied().unwrap_or_default(),
        };
        weight = units::add(weight, units::mul(*share, factor, "interest")?, "interest")?;
    }
    Ok(weight)
}

/// The most debt whose service stays within CFADS ÷ target DSCR every month.
fn dscr_limit(
    f: &Financing,
    start: Date,
    cfads: &[Decimal],
    capex: Decimal,
    shares: &[Decimal],
) -> Result<Decimal, ModelError> {
    if f.repayment == Repayment::Sculpted {
        let sculpting = capacity_inputs(f, start, cfads, f.target_dscr);
        let at_close = debt::sculpted_debt_capacity(&sculpting)?.debt_capacity_usd;
        let weight = draw_weight(&sculpting, shares)?;
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
        ..loan(f, start, cfads, probe, f.target_dscr, shares)?
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
