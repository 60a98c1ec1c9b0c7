//! The box: a scenario financed with debt secured by its GPUs and its contracts, in one
//! special purpose vehicle (docs/domain.md sections 8 and 8a).
//!
//! # Sizing and the schedule
//!
//! ```text
//! CFADS_m         = revenue_m − operating costs_m − taxes_m − maintenance capex_m
//!                   − working-capital change_m
//!                   (operating costs: the scenario's cash costs + the customers'
//!                   prepayments applied that month, received at the close; taxes from
//!                   `taxes::taxes_usd`, maintenance and working capital 0 for now)
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
//! equity          = capex − debt − prepayments                      (sources = uses)
//! ```
//!
//! With draws later than the close, a dollar drawn at the end of month k is repaid from the
//! same service as `DF_k = Π_{j ≤ k} 1 ÷ (1 + a_j × days_j ÷ basis)` dollars drawn at the
//! close (the loan's own rate `a_j` on its day count, and its hedges:
//! [`debt::discount_factors`]): the commitment whose draws the sculpted service repays is
//! the close's capacity ÷ `Σ_k share_k × DF_k`.
//!
//! The loan accrues on the scenario's calendar: month m runs from `start` plus m − 1
//! months to `start` plus m months, ACT/360 by default for a floating rate (SOFR's own
//! basis), 30/360 for a fixed one (`day_count`). A swap's net settlement and a cap's
//! payouts are debt service ([`models::debt`](crate::models::debt)); the cap's premium is
//! paid by the equity at the close (equity = capex − debt − prepayments + premium).
//!
//! # The waterfall, each month
//!
//! The loan is scheduled once ([`models::debt`](crate::models::debt)); the waterfall then
//! pays it from the month's cash, in this order:
//!
//! ```text
//! cash            = max(CFADS, 0)        (a negative CFADS is put in by the equity:
//!                                         sponsor support, outside the waterfall)
//! owed            = balance + the month's draw
//! interest        = the schedule's interest when owed is the scheduled balance, otherwise
//!                   owed × (scheduled interest ÷ scheduled owed)  (prepaid loans: the
//!                   schedule's rate and day count on the actual balance)
//! due             = commitment fees + interest due + principal due
//!                   interest due = min(interest, the schedule's interest paid), the rest
//!                   capitalized; principal due = min(the schedule's principal, owed +
//!                   capitalized), all of it at maturity
//! hedges          the schedule's swap settlement − cap payout: a net payment is due with
//!                   the interest (pari passu), a net receipt adds to the cash; none under
//!                   acceleration (the hedges are terminated, their value not modelled)
//! 1 senior fees, 2 hedges and interest, 3 scheduled principal: paid from cash; when
//!                   cash < due, the DSRA is drawn, then the trapped cash; still short: a payment default
//!                   (unpaid interest capitalized, unpaid principal left in the balance)
//! 4 DSRA          target_m = the schedule's debt service of months m+1..m+N (0 once the
//!                   balance is 0); below it: topped up from the cash left; above it: the
//!                   excess released into the cash left (all of it at maturity)
//! 5 lock-up test  trailing DSCR = Σ CFADS ÷ Σ debt service due over months m−w+1..m
//!                   (w = 1, 3 or 12; no test without debt service); locked when below
//!                   min_dscr
//! 6 cash sweep    swept = share × cash left (always, or only when locked), at most the
//!                   balance: it prepays principal (the schedule's later principal is then
//!                   paid from a smaller balance: the loan matures earlier)
//! 7 lock-up       locked: the cash left is trapped; after after_months consecutive locked
//!                   months, share × the trapped cash is swept to the lender each month;
//!                   the trapped cash is released to the equity once the test has passed
//!                   release_after_months months running
//! 8 distribution  the cash left
//! ```
//!
//! The upfront fee is paid by the equity as a use of funds (reported in month 1, as the
//! loan's schedule charges it); capex paid on delivery and the draws that fund it pass
//! to and from the equity outside the waterfall; the reserve funded at the close is put
//! in by the equity at the close.
//!
//! # Events of default and remedies
//!
//! - **Payment default**: in a month where CFADS + the DSRA + the trapped cash fall short of
//!   the fees and debt service due. All of it goes to the lender that month.
//! - **Covenant default**: a covenant breached beyond its cure period, tested at the end of
//!   the month ([`models::collateral`](crate::models::collateral)) on the waterfall's
//!   balance and DSCR (CFADS ÷ debt service due), after that month's distribution.
//! - **Acceleration**, from the month after the default: the DSRA and the trapped cash,
//!   then every dollar of CFADS, pay the commitment fees, the interest and the balance;
//!   nothing is distributed until the lender is repaid.
//! - **Foreclosure** (with `foreclose_after_months = k`): at the end of month default + k
//!   the GPUs are sold at their economic value × (1 − `liquidation_haircut`); the lender
//!   takes up to the balance, the rest goes to the equity; what is still owed is written
//!   off, and the box has no months after it. Without foreclosure the horizon's sale (when
//!   `sell_at_horizon`) and any reserves repay the lender first, and what is owed at the
//!   horizon is written off.
//! - exposure at default = the balance at the end of the month of default; recovery = the
//!   lender's receipts after it; loss given default = written off ÷ exposure.
//!
//! # Cash flows
//!
//! ```text
//! lender_0   = − the draw at the close
//! equity_0   = the close's cash flow (prepayments − capex then) + the draw at the close
//!              − the DSRA funded at the close
//! lender_m   = upfront fee + fees + interest + principal + sweeps + sale to the lender
//!              − the draw at the end of month m
//! equity_m   = distribution + the draw at the end of month m − capex_m − upfront fee
//!              − sponsor support + what is left of a sale
//! ```
//!
//! Every dollar is accounted for: lender_m + equity_m + hedges_m + Δ DSRA_m + Δ trapped_m =
//! CFADS_m − capex_m + the sale_m, month by month (a law test checks it without hedges). With every new
//! section off and no default the equity's flows are today's: cash flow − debt service −
//! fees + the draw.

mod sizing;
mod taxes;
mod terms;
mod waterfall;

use serde::{Deserialize, Serialize};

pub use sizing::{probe_schedule, sculpting_inputs};
pub use terms::{CashSweep, Dsra, DsraFunding, LockUp, SweepWhen, TrappedSweep};

use super::report::financing::{
    DefaultKind, FinancingMonth, FinancingReport, FinancingSummary, SizedBy,
};
use super::report::{MonthReport, Summary};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::models::collateral::{
    self, CollateralInputs, CollateralSchedule, CollateralValue, Covenants, DscrCovenant,
    Liquidation,
};
use crate::models::debt::{self, Cap, DayCount, Fees, Interest, Swap};
use crate::models::metrics::project_metrics;
use crate::models::tax::Taxes;
use crate::{Date, Decimal, units};
use waterfall::{BoxMonth, Inputs, Outcome};

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
    /// A debt service reserve account (default none).
    #[serde(default)]
    pub dsra: Option<Dsra>,
    /// A distribution block on a trailing DSCR (default none).
    #[serde(default)]
    pub lock_up: Option<LockUp>,
    /// A cash sweep to the lender (default none).
    #[serde(default)]
    pub cash_sweep: Option<CashSweep>,
    /// After an event of default the loan is accelerated (always); with this, the lender
    /// also sells the GPUs this many months after the month of default, at least 1
    /// (default: no foreclosure; the lender takes the cash until the horizon).
    #[serde(default)]
    pub foreclose_after_months: Option<u32>,
    /// How interest counts the scenario's calendar days (default: ACT/360 for a floating
    /// rate, as SOFR loan documents say; 30/360 for a fixed one).
    #[serde(default)]
    pub day_count: Option<DayCount>,
    /// A swap of the floating rate for a fixed one (default none): its net settlement is
    /// debt service, paid with the interest.
    #[serde(default)]
    pub swap: Option<Swap>,
    /// A cap on SOFR (default none): its premium is paid by the equity at the close, its
    /// payouts add to the month's cash.
    #[serde(default)]
    pub cap: Option<Cap>,
    /// Income and property taxes, paid from CFADS (default none: no taxes).
    #[serde(default)]
    pub taxes: Option<Taxes>,
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
        if let Some(dsra) = &self.dsra {
            c.nested("dsra", dsra);
        }
        if let Some(lock_up) = &self.lock_up {
            c.nested("lock_up", lock_up);
        }
        if let Some(sweep) = &self.cash_sweep {
            c.nested("cash_sweep", sweep);
        }
        if self.foreclose_after_months == Some(0) {
            c.problem("foreclose_after_months", "must be at least 1");
        }
        debt::check_hedges(c, &self.interest, self.swap.as_ref(), self.cap.as_ref());
        if let Some(taxes) = &self.taxes {
            c.nested("taxes", taxes);
        }
    }
}

/// Whether an event of default changes the waterfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Remedies {
    /// Acceleration and foreclosure, as the financing states (what [`evaluate`](super::evaluate) does).
    Applied,
    /// The loan paid as scheduled whatever happens; a shortfall put in by the equity.
    Waived,
}

/// Sizes, schedules and runs the debt of a box whose unfinanced months and summary are
/// `months` and `summary` through the waterfall; `shares` is the fleet's delivery
/// schedule (`[1]`: all at the close), `start` the close's date (the loan's calendar).
pub(super) fn finance(
    f: &Financing,
    start: Date,
    months: &[MonthReport],
    summary: &Summary,
    shares: &[Decimal],
    annual_discount_rate: Decimal,
    remedies: Remedies,
) -> Result<FinancingReport, ModelError> {
    let at = |e: ModelError| e.within("financing");
    let capex = summary.capex_usd;
    // Sized on CFADS after the unlevered tax; the waterfall pays the levered tax.
    let (unlevered, _) = taxes::taxes_usd(f.taxes.as_ref(), months, summary, &[])?;
    let sizing_cfads: Vec<Decimal> = CashLines::all(months, &unlevered)?
        .iter()
        .map(|l| l.cfads)
        .collect();
    let advance_limit = units::mul(f.advance_rate, capex, "financing.advance_rate")?;
    let dscr_limit = sizing::dscr_limit(f, start, &sizing_cfads, capex, shares).map_err(at)?;
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
        Some(
            debt::debt_schedule(&sizing::loan(
                f,
                start,
                &sizing_cfads,
                debt,
                sculpt_dscr,
                shares,
            )?)
            .map_err(at)?,
        )
    } else {
        None
    };
    let loan = schedule
        .as_ref()
        .map(|s| s.months.as_slice())
        .unwrap_or_default();
    let (levered, tax_schedule) = taxes::taxes_usd(f.taxes.as_ref(), months, summary, loan)?;
    let lines = CashLines::all(months, &levered)?;
    let cfads: Vec<Decimal> = lines.iter().map(|l| l.cfads).collect();
    let box_months: Vec<BoxMonth> = months
        .iter()
        .zip(&cfads)
        .map(|(m, cf)| BoxMonth {
            cfads: *cf,
            capex: m.capex_usd,
            sale: m.sale_usd,
            collateral_value: m.economic_value_usd,
        })
        .collect();
    let mut inputs = Inputs {
        months: &box_months,
        loan,
        tenor: usize::try_from(f.tenor_months).unwrap_or(usize::MAX),
        dsra: f.dsra.as_ref(),
        lock_up: f.lock_up.as_ref(),
        sweep: f.cash_sweep.as_ref(),
        foreclose_after: f.foreclose_after_months,
        haircut: f.liquidation_haircut,
        covenant_default: None,
        remedies,
    };
    // A first run finds the covenant default on the balances as they stand until then;
    // a second runs acceleration from the month after it, unless a payment default came
    // first (the two runs agree until the earlier default).
    let mut outcome = waterfall::run(&inputs)?;
    let mut tests = covenants(f, months, capex, &cfads, &outcome).map_err(at)?;
    if let Some(month) = tests.summary.first_default_month {
        let row = usize::try_from(month.saturating_sub(1)).unwrap_or(usize::MAX);
        if remedies == Remedies::Applied
            && outcome.default.is_none_or(|(paid_row, _)| row < paid_row)
        {
            inputs.covenant_default = Some(row);
            outcome = waterfall::run(&inputs)?;
            tests = covenants(f, months, capex, &cfads, &outcome).map_err(at)?;
        }
    }
    let mut financing = report(
        summary,
        &lines,
        &outcome,
        &tests,
        (debt, sized_by, advance_limit, dscr_limit),
        annual_discount_rate,
    )?;
    financing.taxes = tax_schedule;
    Ok(financing)
}

/// The lines of a month's CFADS.
struct CashLines {
    revenue: Decimal,
    operating_costs: Decimal,
    taxes: Decimal,
    cfads: Decimal,
}

impl CashLines {
    /// The lines of every month, with the taxes paid in each.
    fn all(months: &[MonthReport], taxes: &[Decimal]) -> Result<Vec<Self>, ModelError> {
        months
            .iter()
            .zip(taxes)
            .map(|(m, tax)| Self::new(m, *tax))
            .collect()
    }

    fn new(m: &MonthReport, taxes: Decimal) -> Result<Self, ModelError> {
        let operating_costs = units::add(m.costs.total_usd, m.prepayment_applied_usd, "contracts")?;
        let cfads = units::sub(
            units::sub(m.revenue.total_usd, operating_costs, "financing")?,
            taxes,
            "financing",
        )?;
        Ok(Self {
            revenue: m.revenue.total_usd,
            operating_costs,
            taxes,
            cfads,
        })
    }
}

/// The covenants tested on the waterfall's balances and DSCRs (CFADS ÷ debt service due).
fn covenants(
    f: &Financing,
    months: &[MonthReport],
    capex: Decimal,
    cfads: &[Decimal],
    outcome: &Outcome,
) -> Result<CollateralSchedule, ModelError> {
    collateral::collateral_schedule(&CollateralInputs {
        collateral: CollateralValue::Series {
            origination_value_usd: capex,
            value_usd: months.iter().map(|m| m.economic_value_usd).collect(),
        },
        advance_rate: f.advance_rate,
        balance_usd: outcome.steps.iter().map(|s| s.balance).collect(),
        covenants: Covenants {
            max_ltv: f.max_ltv,
            dscr: f.min_dscr.map(|minimum_dscr| DscrCovenant {
                minimum_dscr,
                dscr_by_month: dscr(cfads, outcome),
            }),
            concentration: None,
            cure_months: f.cure_months,
        },
        liquidation: Liquidation {
            haircut: f.liquidation_haircut,
            costs_usd: Decimal::ZERO,
        },
    })
}

/// CFADS ÷ debt service due each month; `None` without debt service (or past a
/// foreclosure).
fn dscr(cfads: &[Decimal], outcome: &Outcome) -> Vec<Option<Decimal>> {
    outcome
        .steps
        .iter()
        .zip(cfads)
        .map(|(s, cf)| {
            if s.service_due.is_zero() {
                None
            } else {
                units::div(*cf, s.service_due, "financing").ok()
            }
        })
        .collect()
}

/// The sizing figures: debt, which limit set it, the advance and DSCR limits.
type Sizing = (Decimal, SizedBy, Decimal, Decimal);

/// The report from the waterfall's outcome and the covenant tests.
fn report(
    summary: &Summary,
    lines: &[CashLines],
    outcome: &Outcome,
    tests: &CollateralSchedule,
    (debt, sized_by, advance_limit, dscr_limit): Sizing,
    annual_discount_rate: Decimal,
) -> Result<FinancingReport, ModelError> {
    let cfads: Vec<Decimal> = lines.iter().map(|l| l.cfads).collect();
    let dscrs = dscr(&cfads, outcome);
    let first_draw = -outcome.lender_close;
    let mut equity_flows = Vec::with_capacity(lines.len() + 1);
    equity_flows.push(units::sub(
        units::sub(
            units::add(summary.close_cash_flow_usd, first_draw, "financing")?,
            outcome.initial_dsra,
            "financing.dsra",
        )?,
        outcome.cap_premium,
        "financing.cap.premium_usd",
    )?);
    let mut lender_flows = vec![outcome.lender_close];
    let mut rows = Vec::with_capacity(lines.len());
    for (i, (l, s)) in lines.iter().zip(&outcome.steps).enumerate() {
        equity_flows.push(s.equity);
        lender_flows.push(s.lender);
        let test = tests.months.get(i);
        let live = !s.foreclosed || outcome.foreclosure == Some(i);
        let keep = |x: Decimal| if live { x } else { Decimal::ZERO };
        rows.push(FinancingMonth {
            month: u32::try_from(i + 1).unwrap_or(u32::MAX),
            revenue_usd: keep(l.revenue),
            operating_costs_usd: keep(l.operating_costs),
            taxes_usd: keep(l.taxes),
            maintenance_capex_usd: Decimal::ZERO,
            working_capital_change_usd: Decimal::ZERO,
            cfads_usd: keep(l.cfads),
            equity_support_usd: s.support,
            draw_usd: s.draw,
            fees_usd: units::add(s.fees, s.upfront, "financing.fees")?,
            upfront_fee_usd: s.upfront,
            capitalized_interest_usd: s.capitalized,
            interest_usd: s.interest,
            principal_usd: s.principal,
            hedges_usd: s.hedges,
            debt_service_usd: units::add(
                units::add(s.interest, s.principal, "financing")?,
                s.hedges,
                "financing",
            )?,
            shortfall_usd: s.shortfall,
            dsra_draw_usd: s.dsra_draw,
            dsra_top_up_usd: s.dsra_top_up,
            dsra_release_usd: s.dsra_release,
            dsra_balance_usd: s.dsra_balance,
            trailing_dscr: s.trailing_dscr,
            locked_up: s.locked_up,
            sweep_usd: s.sweep,
            trapped_usd: s.trapped,
            trapped_release_usd: s.trapped_release,
            trapped_swept_usd: s.trapped_swept,
            trapped_balance_usd: s.trapped_balance,
            distribution_usd: s.distribution,
            sale_to_lender_usd: s.sale_to_lender,
            written_off_usd: s.written_off,
            balance_usd: s.balance,
            dscr: dscrs.get(i).copied().flatten(),
            ltv: test.and_then(|t| t.ltv),
            in_breach: test.is_some_and(|t| t.in_breach),
            in_default: s.in_default,
            foreclosed: s.foreclosed,
            lender_cash_flow_usd: s.lender,
            equity_cash_flow_usd: s.equity,
        });
    }
    let sum = |pick: fn(&FinancingMonth) -> Decimal| {
        rows.iter()
            .try_fold(Decimal::ZERO, |t, m| units::add(t, pick(m), "financing"))
    };
    // The waterfall's default; with remedies waived, the covenant tests' alone.
    let default = outcome.default.or_else(|| {
        tests
            .summary
            .first_default_month
            .and_then(|m| usize::try_from(m.saturating_sub(1)).ok())
            .map(|row| (row, DefaultKind::Covenant))
    });
    let default_row = default.map(|(row, _)| row);
    let exposure = default_row.map(|row| {
        outcome
            .steps
            .get(row)
            .map(|s| s.balance)
            .unwrap_or_default()
    });
    let recovery = default_row
        .map(|row| {
            outcome
                .steps
                .iter()
                .skip(row + 1)
                .try_fold(Decimal::ZERO, |t, s| {
                    [s.fees, s.interest, s.principal, s.sale_to_lender]
                        .into_iter()
                        .try_fold(t, |t, x| units::add(t, x, "financing"))
                })
        })
        .transpose()?;
    let written_off = sum(|m| m.written_off_usd)?;
    let loss_given_default = exposure
        .filter(|e| !e.is_zero())
        .map(|e| units::div(written_off, e, "financing"))
        .transpose()?;
    Ok(FinancingReport {
        summary: FinancingSummary {
            debt_usd: debt,
            sized_by,
            advance_limit_usd: advance_limit,
            dscr_limit_usd: dscr_limit,
            equity_usd: units::add(
                units::sub(
                    units::sub(summary.capex_usd, debt, "financing")?,
                    summary.prepayment_usd,
                    "contracts",
                )?,
                outcome.cap_premium,
                "financing.cap.premium_usd",
            )?,
            initial_dsra_usd: outcome.initial_dsra,
            equity: project_metrics(&equity_flows, annual_discount_rate)?,
            lender: project_metrics(&lender_flows, annual_discount_rate)?,
            distributions_usd: sum(|m| m.distribution_usd)?,
            minimum_dscr: dscrs.iter().flatten().copied().min(),
            peak_ltv: tests.summary.peak_ltv,
            months_in_breach: tests.summary.months_in_breach,
            dsra_draws_usd: sum(|m| m.dsra_draw_usd)?,
            months_in_lock_up: u32::try_from(rows.iter().filter(|m| m.locked_up).count())
                .unwrap_or(u32::MAX),
            first_default_month: default_row.map(|row| u32::try_from(row + 1).unwrap_or(u32::MAX)),
            default_kind: default.map(|(_, kind)| kind),
            foreclosure_month: outcome
                .foreclosure
                .map(|row| u32::try_from(row + 1).unwrap_or(u32::MAX)),
            exposure_at_default_usd: exposure,
            recovery_usd: recovery,
            loss_given_default,
        },
        months: rows,
        taxes: None,
    })
}
