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
//!                   `taxes::taxes_usd`: models::tax with a `taxes` section, else 0)
//! maintenance_m   = GPUs in service_m × annual_failure_rate ÷ 12 failed; the spares
//!                   pool bought at the close is used first, the rest bought at
//!                   replacement_usd_per_gpu (kept to 12 places)
//! working capital = receivable_m − receivable_(m−1) − (payable_m − payable_(m−1)),
//!                   receivable_m = revenue_m × receivable_days ÷ 30, payable_m = costs_m
//!                   × payable_days ÷ 30 (30-day months, the loan's 30/360); both 0 at
//!                   the horizon's last month (collected and paid by the end)
//! sizing CFADS_m  = CFADS_m − merchant_haircut × merchant revenue_m (reserved, on demand
//!                   and spot less their share of the curtailment, and demand response;
//!                   contracts and hosting fees are contracted)
//! advance limit   = advance_rate × fleet capex                     (the collateral at origination)
//! DSCR limit      = on sizing CFADS: sculpted: PV at the loan rate of CFADS_m ÷ target  (models::debt::sculpted_debt_capacity)
//!                              ÷ Σ_k share_k × DF_k  (draws later than the close: below)
//!                   otherwise: min over m of (CFADS_m ÷ target) ÷ (debt service_m per dollar lent)
//!                   (level, straight and bullet service are proportional to the amount lent)
//! LLCR limit      = PV at the loan rate (1 ÷ (1 + a_j × days_j ÷ basis) a month, the
//!                   loan's day count) of sizing CFADS over months 1..tenor ÷ min_llcr
//!                   (with min_llcr)
//! debt            = min(advance limit, DSCR limit, LLCR limit); a sculpted loan below its DSCR limit is
//!                   sculpted to target × limit ÷ debt, so that it keeps the profile and
//!                   matures at the tenor
//! draws           = debt × the delivery shares: share_k at the close (k = 0) or the end of
//!                   month k (the loan's month k + 1), the last draw taking the rounding;
//!                   all at the close without a delivery schedule
//! capitalized     = the interest of months 1 to capitalize_until_month (construction)
//! equity          = capex − debt − prepayments
//! implied DSCR    = target × DSCR limit ÷ advance limit (what the advance rate alone
//!                   needs: the capacity is inversely proportional to the target)
//! LLCR_m, PLCR_m  = PV at the loan rate of CFADS of months m+1..tenor (..horizon) ÷ the
//!                   balance at the end of month m
//! backlog coverage = PV of the contracted backlog ÷ debt
//! collateral_m    = economic value_m × (resellable_share + (1 − resellable_share) ×
//!                   other_recovery); LTV_m = balance_m ÷ (collateral_m × (1 −
//!                   liquidation_haircut)); a foreclosure sells at collateral × (1 − haircut)
//! sources = uses  uses = capex + upfront fee + initial DSRA + construction interest +
//!                   spares + cap premium; sources = debt + the construction interest
//!                   the loan carries + prepayments + equity (the rest)
//! ```
//!
//! A tenor longer than the last contract or hosting agreement is an error unless
//! `allow_merchant_tail`.
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
//! paid by the equity at the close (a use of funds).
//!
//! With a `taxes` section the debt is sized on CFADS after the *unlevered* tax (no
//! interest deducted: the debt does not depend on itself), and the waterfall pays the
//! *levered* tax of the scheduled loan (its accrued interest and hedges deducted), at most
//! the unlevered one (module `taxes`).
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
//! 1 senior fees, 2 interest, 3 scheduled principal: paid from cash; when cash < due, the
//!                   DSRA is drawn, then the trapped cash; still short: a payment default
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
//! - exposure at default = the balance owed at the end of the month of default, before any
//!   write-off: after the month's waterfall, before the month's sale of the GPUs and its
//!   settlement (the reserves repaid at a foreclosure or the horizon) — so a default in the
//!   horizon's last month, or foreclosed the month it happens, has an exposure and a loss
//!   given default; recovery = what the month's sale and settlement repaid plus the
//!   lender's receipts after the month; loss given default = written off ÷ exposure.
//!
//! # Cash flows
//!
//! ```text
//! lender_0   = − the draw at the close
//! equity_0   = the close's cash flow (prepayments − capex then) + the draw at the close
//!              − the DSRA funded at the close − the spares bought
//! lender_m   = upfront fee + fees + interest + principal + sweeps + sale to the lender
//!              − the draw at the end of month m
//! equity_m   = distribution + the draw at the end of month m − capex_m − upfront fee
//!              − sponsor support + what is left of a sale
//! ```
//!
//! Every dollar is accounted for: lender_m + equity_m + Δ DSRA_m + Δ trapped_m =
//! CFADS_m − capex_m + the sale_m, month by month (a law test checks it). With every new
//! section off and no default the equity's flows are today's: cash flow − debt service −
//! fees + the draw.

mod cash;
mod coverage;
mod sizing;
mod taxes;
mod terms;
mod waterfall;

use serde::{Deserialize, Serialize};

pub use cash::{Maintenance, WorkingCapital};
pub use sizing::{probe_schedule, sculpting_inputs};
pub use terms::{CashSweep, Dsra, DsraFunding, LockUp, SweepWhen, TrappedSweep};

use super::report::financing::{
    DefaultKind, FinancingMonth, FinancingReport, FinancingSummary, SizedBy, SourcesAndUses,
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
use cash::CashLines;
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
    /// The share of merchant (uncontracted) cash flow the lender leaves out when sizing
    /// the debt, in [0, 1]: default 1, the debt sized on contracted cash flow only, as
    /// lenders do (docs/domain.md section 8a); 0 sizes on all of it.
    #[serde(default = "one")]
    pub merchant_haircut: Decimal,
    /// The lowest loan life coverage ratio at the close, greater than 0: the debt is at
    /// most the PV of sizing CFADS over the loan's life ÷ this (default: no LLCR limit).
    #[serde(default)]
    pub min_llcr: Option<Decimal>,
    /// Allow a tenor longer than the contracts that pay it (a merchant tail; default
    /// false: an error).
    #[serde(default)]
    pub allow_merchant_tail: bool,
    /// Failed GPUs replaced from CFADS (maintenance capex; default none).
    #[serde(default)]
    pub maintenance: Option<Maintenance>,
    /// Receivable and payable days: the change in working capital comes out of CFADS
    /// (default none: cash as billed).
    #[serde(default)]
    pub working_capital: Option<WorkingCapital>,
    /// The share of the capex that resells (the GPUs and servers, on the residual curve),
    /// in [0, 1] (default 1; Epoch AI puts the cluster interconnect at 19 % of hardware
    /// cost, docs/domain.md 8a).
    #[serde(default = "one")]
    pub resellable_share: Decimal,
    /// What the rest (network, installation, integration) recovers, as a share of its
    /// value on the same curve, in [0, 1] (default 0).
    #[serde(default)]
    pub other_recovery: Decimal,
    /// How interest counts the scenario's calendar days (default: ACT/360 for a floating
    /// rate, as SOFR loan documents say; 30/360 for a fixed one).
    #[serde(default)]
    pub day_count: Option<DayCount>,
    /// A swap of the floating rate for a fixed one (default none): its net settlement is
    /// debt service, paid with the interest.
    #[serde(default)]
    pub swap: Option<Swap>,
    /// A cap on SOFR (default none): its premium is paid by the equity at the close (a use
    /// of funds), its payouts add to the month's cash.
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
        c.fraction("merchant_haircut", self.merchant_haircut);
        if let Some(m) = &self.maintenance {
            c.nested("maintenance", m);
        }
        if let Some(w) = &self.working_capital {
            c.nested("working_capital", w);
        }
        c.fraction("resellable_share", self.resellable_share);
        c.fraction("other_recovery", self.other_recovery);
        if let Some(min) = self.min_llcr {
            c.positive("min_llcr", min);
        }
        debt::check_hedges(c, &self.interest, self.swap.as_ref(), self.cap.as_ref());
        if let Some(taxes) = &self.taxes {
            c.nested("taxes", taxes);
        }
    }
}

/// What the waterfall of a box runs on: each month's CFADS lines, capex, sale and
/// collateral, and the loan as sized and scheduled (at the close, once).
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    lines: Vec<CashLines>,
    collateral: Vec<Decimal>,
    box_months: Vec<BoxMonth>,
    schedule: Option<debt::DebtSchedule>,
    sizing: Sizing,
    taxes: Option<crate::models::tax::TaxSchedule>,
}

/// One month of a [`Plan`]: what the waterfall reads of the box.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlanMonth {
    /// Cash flow available for debt service.
    pub cfads: Decimal,
    /// Capex paid at the end of the month.
    pub capex: Decimal,
    /// The fleet's sale (0 in other months).
    pub sale: Decimal,
    /// The collateral's value before the liquidation haircut (what resells).
    pub collateral: Decimal,
}

impl Plan {
    /// Each month's CFADS, capex, sale and collateral value.
    pub(crate) fn months(&self) -> Vec<PlanMonth> {
        self.box_months
            .iter()
            .map(|m| PlanMonth {
                cfads: m.cfads,
                capex: m.capex,
                sale: m.sale,
                collateral: m.collateral_value,
            })
            .collect()
    }

    /// Replaces month index `i`'s CFADS, sale and collateral value (a Monte Carlo path's).
    pub(crate) fn set_month(&mut self, i: usize, month: PlanMonth) {
        if let (Some(b), Some(l), Some(c)) = (
            self.box_months.get_mut(i),
            self.lines.get_mut(i),
            self.collateral.get_mut(i),
        ) {
            b.cfads = month.cfads;
            b.sale = month.sale;
            b.collateral_value = month.collateral;
            l.cfads = month.cfads;
            *c = month.collateral;
        }
    }

    /// The loan's schedule (empty without debt).
    pub(crate) fn loan(&self) -> &[debt::DebtMonth] {
        self.schedule
            .as_ref()
            .map(|s| s.months.as_slice())
            .unwrap_or_default()
    }

    /// The loan's schedule, to move its interest with a path's SOFR.
    pub(crate) fn loan_mut(&mut self) -> &mut [debt::DebtMonth] {
        self.schedule
            .as_mut()
            .map(|s| s.months.as_mut_slice())
            .unwrap_or_default()
    }
}

/// Sizes and schedules the debt of a box whose unfinanced months and summary are
/// `months` and `summary`; `shares` is the fleet's delivery schedule (`[1]`: all at the
/// close), `start` the close's date (the loan's calendar). [`settle`] runs it.
pub(crate) fn plan(
    f: &Financing,
    start: Date,
    months: &[MonthReport],
    summary: &Summary,
    shares: &[Decimal],
) -> Result<Plan, ModelError> {
    let at = |e: ModelError| e.within("financing");
    let capex = summary.capex_usd;
    let lines_with = |taxes: &[Decimal]| {
        cash::cash_lines(
            months,
            taxes,
            f.maintenance.as_ref(),
            f.working_capital.as_ref(),
        )
    };
    // Sized on CFADS after the unlevered tax; the waterfall pays the levered tax.
    let (unlevered, _) = taxes::taxes_usd(f.taxes.as_ref(), months, summary, &[])?;
    let sizing_cfads = months
        .iter()
        .zip(lines_with(&unlevered)?)
        .map(|(m, l)| sizing::sizing_cfads(m, l.cfads, f.merchant_haircut))
        .collect::<Result<Vec<_>, _>>()?;
    let rates = sizing::monthly_rates(f, start, months.len()).map_err(at)?;
    let advance_limit = units::mul(f.advance_rate, capex, "financing.advance_rate")?;
    let dscr_limit = sizing::dscr_limit(f, start, &sizing_cfads, capex, shares).map_err(at)?;
    let llcr_limit = f
        .min_llcr
        .map(|min| {
            let tenor = usize::try_from(f.tenor_months).unwrap_or(usize::MAX);
            let pv = coverage::present_values(
                sizing_cfads.get(..tenor).unwrap_or(&sizing_cfads),
                &rates,
            )?;
            let at_close = pv.first().copied().unwrap_or_default().max(Decimal::ZERO);
            Ok::<_, ModelError>(units::amount(units::div(
                at_close,
                min,
                "financing.min_llcr",
            )?))
        })
        .transpose()?;
    let (mut debt, mut sized_by) = if advance_limit <= dscr_limit {
        (advance_limit, SizedBy::AdvanceRate)
    } else {
        (dscr_limit, SizedBy::TargetDscr)
    };
    if let Some(limit) = llcr_limit.filter(|l| *l < debt) {
        (debt, sized_by) = (limit, SizedBy::Llcr);
    }
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
    let lines = lines_with(&levered)?;
    let cfads: Vec<Decimal> = lines.iter().map(|l| l.cfads).collect();
    // What resells: the GPU share on the residual curve, the rest at its recovery.
    let recoverable = units::add(
        f.resellable_share,
        units::mul(
            units::sub(
                Decimal::ONE,
                f.resellable_share,
                "financing.resellable_share",
            )?,
            f.other_recovery,
            "financing.other_recovery",
        )?,
        "financing.resellable_share",
    )?;
    let collateral: Vec<Decimal> = months
        .iter()
        .map(|m| {
            if recoverable == Decimal::ONE {
                Ok(m.economic_value_usd)
            } else {
                units::mul(
                    m.economic_value_usd,
                    recoverable,
                    "financing.resellable_share",
                )
            }
        })
        .collect::<Result<_, _>>()?;
    let box_months: Vec<BoxMonth> = months
        .iter()
        .zip(&cfads)
        .zip(&collateral)
        .map(|((m, cf), value)| BoxMonth {
            cfads: *cf,
            capex: m.capex_usd,
            sale: m.sale_usd,
            collateral_value: *value,
        })
        .collect();
    let sizing = Sizing {
        debt,
        sized_by,
        advance_limit,
        dscr_limit,
        llcr_limit,
        target_dscr: f.target_dscr,
        sizing_cfads,
        rates,
        tenor: usize::try_from(f.tenor_months).unwrap_or(usize::MAX),
        construction: usize::try_from(f.capitalize_until_month).unwrap_or(usize::MAX),
        spares: f.maintenance.as_ref().map_or(Ok(Decimal::ZERO), |m| {
            units::mul(
                m.spares_gpus,
                m.replacement_usd_per_gpu,
                "financing.maintenance",
            )
            .map(units::amount)
        })?,
    };
    Ok(Plan {
        lines,
        collateral,
        box_months,
        schedule,
        sizing,
        taxes: tax_schedule,
    })
}

/// Runs the waterfall of a [`Plan`] and reports.
pub(crate) fn settle(
    f: &Financing,
    summary: &Summary,
    plan: &Plan,
    annual_discount_rate: Decimal,
) -> Result<FinancingReport, ModelError> {
    let at = |e: ModelError| e.within("financing");
    let capex = summary.capex_usd;
    let (collateral, lines, sizing) = (&plan.collateral, &plan.lines, &plan.sizing);
    let cfads: Vec<Decimal> = lines.iter().map(|l| l.cfads).collect();
    let mut inputs = Inputs {
        months: &plan.box_months,
        loan: plan.loan(),
        tenor: usize::try_from(f.tenor_months).unwrap_or(usize::MAX),
        dsra: f.dsra.as_ref(),
        lock_up: f.lock_up.as_ref(),
        sweep: f.cash_sweep.as_ref(),
        foreclose_after: f.foreclose_after_months,
        haircut: f.liquidation_haircut,
        covenant_default: None,
    };
    // A first run finds the covenant default on the balances as they stand until then;
    // a second runs acceleration from the month after it, unless a payment default came
    // first (the two runs agree until the earlier default).
    let mut outcome = waterfall::run(&inputs)?;
    let mut tests = covenants(f, collateral, capex, &cfads, &outcome).map_err(at)?;
    if let Some(month) = tests.summary.first_default_month {
        let row = usize::try_from(month.saturating_sub(1)).unwrap_or(usize::MAX);
        if outcome.default.is_none_or(|(paid_row, _)| row < paid_row) {
            inputs.covenant_default = Some(row);
            outcome = waterfall::run(&inputs)?;
            tests = covenants(f, collateral, capex, &cfads, &outcome).map_err(at)?;
        }
    }
    let mut financing = report(
        summary,
        lines,
        &outcome,
        &tests,
        sizing,
        annual_discount_rate,
    )?;
    financing.taxes.clone_from(&plan.taxes);
    Ok(financing)
}

/// Sources and uses: uses = capex + upfront fee + initial DSRA + construction interest +
/// spares + cap premium; sources = debt + the construction interest the loan carries +
/// prepayments + equity, the equity the rest.
fn sources_and_uses(
    summary: &Summary,
    rows: &[FinancingMonth],
    outcome: &Outcome,
    sizing: &Sizing,
) -> Result<SourcesAndUses, ModelError> {
    let f = "financing";
    let upfront = rows.first().map(|m| m.upfront_fee_usd).unwrap_or_default();
    let capitalized = rows
        .iter()
        .take(sizing.construction)
        .try_fold(Decimal::ZERO, |t, m| {
            units::add(t, m.capitalized_interest_usd, f)
        })?;
    let uses = [
        upfront,
        outcome.initial_dsra,
        capitalized,
        sizing.spares,
        outcome.cap_premium,
    ]
    .into_iter()
    .try_fold(summary.capex_usd, |t, x| units::add(t, x, f))?;
    let equity = units::sub(
        units::sub(units::sub(uses, sizing.debt, f)?, capitalized, f)?,
        summary.prepayment_usd,
        f,
    )?;
    Ok(SourcesAndUses {
        capex_usd: summary.capex_usd,
        upfront_fee_usd: upfront,
        initial_dsra_usd: outcome.initial_dsra,
        capitalized_interest_usd: capitalized,
        spares_usd: sizing.spares,
        cap_premium_usd: outcome.cap_premium,
        uses_usd: uses,
        debt_usd: sizing.debt,
        capitalized_debt_usd: capitalized,
        prepayments_usd: summary.prepayment_usd,
        equity_usd: equity,
        sources_usd: [sizing.debt, capitalized, summary.prepayment_usd, equity]
            .into_iter()
            .try_fold(Decimal::ZERO, |t, x| units::add(t, x, f))?,
    })
}

/// The covenants tested on the waterfall's balances and DSCRs (CFADS ÷ debt service due)
/// and the collateral's liquidation value, `collateral × (1 − liquidation_haircut)`.
fn covenants(
    f: &Financing,
    collateral: &[Decimal],
    capex: Decimal,
    cfads: &[Decimal],
    outcome: &Outcome,
) -> Result<CollateralSchedule, ModelError> {
    collateral::collateral_schedule(&CollateralInputs {
        collateral: CollateralValue::Series {
            origination_value_usd: capex,
            value_usd: collateral
                .iter()
                .map(|v| {
                    if f.liquidation_haircut.is_zero() {
                        Ok(*v)
                    } else {
                        units::mul(
                            *v,
                            units::sub(Decimal::ONE, f.liquidation_haircut, "financing")?,
                            "financing.liquidation_haircut",
                        )
                    }
                })
                .collect::<Result<_, _>>()?,
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

/// How the debt was sized, and what the coverage ratios need.
#[derive(Debug, Clone)]
struct Sizing {
    debt: Decimal,
    sized_by: SizedBy,
    advance_limit: Decimal,
    dscr_limit: Decimal,
    llcr_limit: Option<Decimal>,
    target_dscr: Decimal,
    /// CFADS less the merchant haircut, each month.
    sizing_cfads: Vec<Decimal>,
    /// The loan's rate of each month of the horizon for its days, `a_m × days_m ÷ basis`
    /// (the last annual rate held past the tenor).
    rates: Vec<Decimal>,
    tenor: usize,
    /// The months of construction interest (`capitalize_until_month`).
    construction: usize,
    /// The spare GPUs bought at the close.
    spares: Decimal,
}

/// The report from the waterfall's outcome and the covenant tests.
fn report(
    summary: &Summary,
    lines: &[CashLines],
    outcome: &Outcome,
    tests: &CollateralSchedule,
    sizing: &Sizing,
    annual_discount_rate: Decimal,
) -> Result<FinancingReport, ModelError> {
    let cfads: Vec<Decimal> = lines.iter().map(|l| l.cfads).collect();
    let dscrs = dscr(&cfads, outcome);
    let debt = sizing.debt;
    // LLCR and PLCR at the end of each month: PV at the loan's rate of the CFADS still
    // to come (to maturity; to the horizon) ÷ the balance.
    let life =
        coverage::present_values(cfads.get(..sizing.tenor).unwrap_or(&cfads), &sizing.rates)?;
    let project = coverage::present_values(&cfads, &sizing.rates)?;
    let ratio = |pv: Option<&Decimal>, balance: Decimal| {
        if balance.is_zero() {
            return Ok(None);
        }
        pv.map(|v| units::div(*v, balance, "financing"))
            .transpose()
            .map_err(ModelError::from)
    };
    let first_draw = -outcome.lender_close;
    // The equity's flow at the close, the first of the flows its IRR reads.
    let equity_close = units::sub(
        units::sub(
            units::add(summary.close_cash_flow_usd, first_draw, "financing")?,
            outcome.initial_dsra,
            "financing.dsra",
        )?,
        units::add(
            sizing.spares,
            outcome.cap_premium,
            "financing.cap.premium_usd",
        )?,
        "financing.maintenance",
    )?;
    let mut equity_flows = Vec::with_capacity(lines.len() + 1);
    equity_flows.push(equity_close);
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
            maintenance_capex_usd: keep(l.maintenance),
            working_capital_change_usd: keep(l.working_capital),
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
            sizing_cfads_usd: if live {
                sizing.sizing_cfads.get(i).copied().unwrap_or_default()
            } else {
                Decimal::ZERO
            },
            llcr: if live {
                ratio(life.get(i + 1), s.balance)?
            } else {
                None
            },
            plcr: if live {
                ratio(project.get(i + 1), s.balance)?
            } else {
                None
            },
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
    // The waterfall's default (the covenant tests' when the waterfall has none).
    let default = outcome.default.or_else(|| {
        tests
            .summary
            .first_default_month
            .and_then(|m| usize::try_from(m.saturating_sub(1)).ok())
            .map(|row| (row, DefaultKind::Covenant))
    });
    let default_row = default.map(|(row, _)| row);
    let default_step = default_row.and_then(|row| outcome.steps.get(row));
    let exposure = default_row.map(|_| default_step.map(|s| s.exposure).unwrap_or_default());
    let recovery = default_row
        .map(|row| {
            // What the month of default's sale and settlement repaid of the exposure, then
            // the lender's receipts after it.
            let settled = default_step.map_or(Ok(Decimal::ZERO), |s| {
                units::sub(
                    units::sub(s.exposure, s.balance, "financing")?,
                    s.written_off,
                    "financing",
                )
            })?;
            outcome
                .steps
                .iter()
                .skip(row + 1)
                .try_fold(settled, |t, s| {
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
            sized_by: sizing.sized_by,
            advance_limit_usd: sizing.advance_limit,
            dscr_limit_usd: sizing.dscr_limit,
            llcr_limit_usd: sizing.llcr_limit,
            advance_rate_dscr: (!sizing.advance_limit.is_zero())
                .then(|| {
                    units::div(
                        units::mul(sizing.target_dscr, sizing.dscr_limit, "financing")?,
                        sizing.advance_limit,
                        "financing",
                    )
                })
                .transpose()?,
            llcr_at_close: (!debt.is_zero())
                .then(|| units::div(life.first().copied().unwrap_or_default(), debt, "financing"))
                .transpose()?,
            backlog_coverage: (!debt.is_zero())
                .then(|| units::div(summary.contracted_backlog_pv_usd, debt, "financing"))
                .transpose()?,
            equity_usd: units::sub(
                units::sub(summary.capex_usd, debt, "financing")?,
                summary.prepayment_usd,
                "contracts",
            )?,
            initial_dsra_usd: outcome.initial_dsra,
            equity_close_cash_flow_usd: equity_close,
            sources_and_uses: sources_and_uses(summary, &rows, outcome, sizing)?,
            equity: project_metrics(&equity_flows, annual_discount_rate)?,
            lender: project_metrics(&lender_flows, annual_discount_rate)?,
            distributions_usd: sum(|m| m.distribution_usd)?,
            minimum_dscr: dscrs.iter().flatten().copied().min(),
            minimum_llcr: rows.iter().filter_map(|m| m.llcr).min(),
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
