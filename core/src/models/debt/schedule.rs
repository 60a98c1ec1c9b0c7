//! [`debt_schedule`]: a loan month by month, its totals, maturity and all-in cost (the IRR
//! of the lender's flows, annualized).

use std::iter;

use serde::{Deserialize, Serialize};

use super::accrual::month_terms;
use super::amortize::Amortizer;
use super::hedge::Hedges;
use super::keep;
use super::terms::LoanInputs;
use crate::models::ModelError;
use crate::models::check::Validate;
use crate::units;
use crate::{Decimal, finance};

/// One month of a loan. Amounts in USD, kept to
/// [`DEBT_DECIMAL_PLACES`](super::DEBT_DECIMAL_PLACES): `closing = opening + draw +
/// capitalized interest − principal` exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtMonth {
    /// The month (1 is the first after the close).
    pub month: u32,
    /// The annual interest rate: the fixed rate, or `max(SOFR, floor) + spread`.
    pub annual_rate: Decimal,
    /// The days the month's interest accrues for: 30 under 30/360, else the calendar's
    /// (over a year of 360 days, or 365 under ACT/365F).
    pub days: u32,
    /// The balance at the start of the month, before its draw.
    pub opening_balance_usd: Decimal,
    /// Drawn at the start of the month.
    pub draw_usd: Decimal,
    /// The commitment still undrawn after the draw, while the loan is available (0 after).
    pub undrawn_usd: Decimal,
    /// `(opening + draw) × annual_rate × days ÷ basis`: the month's interest, paid or
    /// capitalized.
    pub interest_usd: Decimal,
    /// Interest added to the balance (construction; a sculpted service below the interest).
    pub capitalized_interest_usd: Decimal,
    /// Interest paid at the end of the month.
    pub interest_paid_usd: Decimal,
    /// Principal repaid at the end of the month.
    pub principal_usd: Decimal,
    /// The swap's net settlement: paid by the borrower when positive, received when
    /// negative (0 without a swap).
    pub swap_settlement_usd: Decimal,
    /// The cap's payout, received by the borrower (0 without a cap).
    pub cap_payout_usd: Decimal,
    /// `interest paid + principal + swap settlement − cap payout`, without fees (as DSCR
    /// covenants count it: hedge payments are debt service).
    pub debt_service_usd: Decimal,
    /// The upfront fee, paid at the close (in month 1 only).
    pub upfront_fee_usd: Decimal,
    /// The cap's premium, paid at the close (in month 1 only).
    pub cap_premium_usd: Decimal,
    /// `undrawn × commitment fee rate × days ÷ basis`, paid at the end of the month.
    pub commitment_fee_usd: Decimal,
    /// The balance at the end of the month.
    pub closing_balance_usd: Decimal,
}

/// Sums over the life of the loan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DebtTotals {
    /// Everything drawn.
    pub drawn_usd: Decimal,
    /// Interest accrued, paid or capitalized.
    pub interest_usd: Decimal,
    /// Interest capitalized.
    pub capitalized_interest_usd: Decimal,
    /// Interest paid.
    pub interest_paid_usd: Decimal,
    /// Principal repaid: exactly `drawn + capitalized interest`.
    pub principal_usd: Decimal,
    /// Swap settlements, net (paid less received).
    pub swap_settlement_usd: Decimal,
    /// Cap payouts received.
    pub cap_payout_usd: Decimal,
    /// Interest paid + principal + swap settlements − cap payouts.
    pub debt_service_usd: Decimal,
    /// The upfront fee.
    pub upfront_fee_usd: Decimal,
    /// The cap's premium.
    pub cap_premium_usd: Decimal,
    /// Commitment fees.
    pub commitment_fee_usd: Decimal,
    /// Upfront + commitment fees.
    pub fees_usd: Decimal,
}

/// The result of [`debt_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtSchedule {
    /// Months 1 to `tenor_months`.
    pub months: Vec<DebtMonth>,
    /// Sums over the months.
    pub totals: DebtTotals,
    /// The month the loan is repaid: the last month owing a balance, `tenor_months` except
    /// for a sculpted loan below its capacity, which is repaid early.
    pub maturity_month: u32,
    /// The IRR of the lender's monthly flows (see the [module docs](super)); `None` when
    /// they have none.
    pub all_in_monthly_rate: Option<Decimal>,
    /// The effective annual all-in cost, `(1 + all_in_monthly_rate)^12 − 1`.
    pub all_in_annual_rate: Option<Decimal>,
}

/// `a + b`, kept (the sum of kept amounts is exact; keeping drops trailing zeros).
fn sum(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, ModelError> {
    Ok(keep(units::add(a, b, field)?))
}

/// Adds `month` to the running totals.
fn add_to(totals: &mut DebtTotals, month: &DebtMonth) -> Result<(), ModelError> {
    let t = totals;
    let m = month;
    t.drawn_usd = sum(t.drawn_usd, m.draw_usd, "draws")?;
    t.interest_usd = sum(t.interest_usd, m.interest_usd, "interest")?;
    t.capitalized_interest_usd = sum(
        t.capitalized_interest_usd,
        m.capitalized_interest_usd,
        "interest",
    )?;
    t.interest_paid_usd = sum(t.interest_paid_usd, m.interest_paid_usd, "interest")?;
    t.principal_usd = sum(t.principal_usd, m.principal_usd, "draws")?;
    t.swap_settlement_usd = sum(t.swap_settlement_usd, m.swap_settlement_usd, "swap")?;
    t.cap_payout_usd = sum(t.cap_payout_usd, m.cap_payout_usd, "cap")?;
    t.debt_service_usd = sum(t.debt_service_usd, m.debt_service_usd, "interest")?;
    t.upfront_fee_usd = sum(t.upfront_fee_usd, m.upfront_fee_usd, "fees")?;
    t.cap_premium_usd = sum(t.cap_premium_usd, m.cap_premium_usd, "cap")?;
    t.commitment_fee_usd = sum(t.commitment_fee_usd, m.commitment_fee_usd, "fees")?;
    t.fees_usd = sum(t.upfront_fee_usd, t.commitment_fee_usd, "fees")?;
    Ok(())
}

/// A loan month by month (formulas in the [module docs](super)): draws, interest paid or
/// capitalized, principal, fees, balances, totals, the maturity month and the lender's
/// all-in cost. A pure function of its inputs.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input by its path (`commitment_usd` ≤ 0,
/// `tenor_months` 0 or above 1200, `draws.usd[2]` negative, after the availability period
/// or above the commitment, `interest.annual_rate` ≤ −1, `amortization.target_dscr` ≤ 0,
/// `amortization.cfads_usd` shorter than the tenor, `fees.…`), or on
/// `amortization.target_dscr` when a sculpted loan is above its capacity (CFADS ÷ target
/// DSCR does not repay it by maturity); [`ModelError::Finance`] on overflow.
///
/// # Example
/// $1,000,000 at 12 % (1 % a month) over 36 months, level payments: Excel's
/// `PMT(1%, 36, -1000000)` = $33,214.31, of which $10,000 is interest in month 1.
/// ```
/// use gpuecon::models::debt::{debt_schedule, LoanInputs};
/// use gpuecon::Decimal;
/// let loan: LoanInputs = serde_json::from_str(r#"{
///   "commitment_usd": 1000000, "tenor_months": 36,
///   "interest": { "kind": "fixed", "annual_rate": "0.12" },
///   "amortization": { "kind": "level_payment" }
/// }"#).unwrap();
/// let schedule = debt_schedule(&loan)?;
/// let first = &schedule.months[0];
/// assert_eq!(first.debt_service_usd.round_dp(2), Decimal::new(3_321_431, 2));
/// assert_eq!(first.interest_paid_usd, Decimal::from(10_000));
/// assert_eq!(schedule.months[35].closing_balance_usd, Decimal::ZERO);
/// assert_eq!(schedule.totals.principal_usd, Decimal::from(1_000_000));
/// // The lender earns 1 % a month: (1.01)^12 − 1 = 12.68 % a year, effective.
/// assert_eq!(schedule.all_in_annual_rate.map(|r| r.round_dp(6)), Some(Decimal::new(126_825, 6)));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn debt_schedule(inputs: &LoanInputs) -> Result<DebtSchedule, ModelError> {
    inputs.ensure_valid()?;
    let tenor = inputs.tenor_months;
    let terms = month_terms(&inputs.interest, inputs.day_count, inputs.start_date, tenor)?;
    let draws = inputs
        .draws
        .amounts(inputs.commitment_usd, tenor)
        .map_err(|e| e.within("draws"))?;
    let availability = inputs.availability();
    let upfront_fee = keep(units::mul(
        inputs.commitment_usd,
        inputs.fees.upfront_fee_share_of_commitment,
        "fees.upfront_fee_share_of_commitment",
    )?);
    let hedges = Hedges {
        swap: inputs.swap.as_ref(),
        cap: inputs.cap.as_ref(),
    };
    let cap_premium = inputs
        .cap
        .as_ref()
        .map_or(Decimal::ZERO, |c| keep(c.premium_usd));
    let mut amortizer = Amortizer::new(inputs);
    let mut months = Vec::with_capacity(draws.len());
    let mut totals = DebtTotals::default();
    let (mut balance, mut drawn) = (Decimal::ZERO, Decimal::ZERO);
    let mut maturity_month = tenor;
    for ((month, term), draw) in (1..=tenor).zip(terms).zip(draws) {
        let opening = balance;
        drawn = units::add(drawn, draw, "draws")?;
        let owed = sum(opening, draw, "draws")?;
        let interest = term.period.accrue(owed, term.annual_rate, "interest")?;
        let hedge = hedges.month(month, owed, term.sofr, term.period)?;
        let net_hedge = hedge.net()?;
        let split = amortizer.month(month, owed, interest, net_hedge, term.annual_rate, draw)?;
        let (capitalized, principal) = (keep(split.capitalized), keep(split.principal));
        balance = keep(units::sub(
            units::add(owed, capitalized, "interest")?,
            principal,
            "amortization",
        )?);
        if !owed.is_zero() {
            maturity_month = month;
        }
        let undrawn = if month <= availability {
            keep(units::sub(inputs.commitment_usd, drawn, "commitment_usd")?.max(Decimal::ZERO))
        } else {
            Decimal::ZERO
        };
        let at_close = |amount: Decimal| if month == 1 { amount } else { Decimal::ZERO };
        let row = DebtMonth {
            month,
            annual_rate: term.annual_rate,
            days: term.period.days,
            opening_balance_usd: opening,
            draw_usd: draw,
            undrawn_usd: undrawn,
            interest_usd: interest,
            capitalized_interest_usd: capitalized,
            interest_paid_usd: split.interest_paid,
            principal_usd: principal,
            swap_settlement_usd: hedge.swap,
            cap_payout_usd: hedge.cap,
            debt_service_usd: sum(
                sum(split.interest_paid, principal, "interest")?,
                net_hedge,
                "swap",
            )?,
            upfront_fee_usd: at_close(upfront_fee),
            cap_premium_usd: at_close(cap_premium),
            commitment_fee_usd: term.period.accrue(
                undrawn,
                inputs.fees.commitment_fee_annual_rate,
                "fees.commitment_fee_annual_rate",
            )?,
            closing_balance_usd: balance,
        };
        add_to(&mut totals, &row)?;
        months.push(row);
    }
    let (all_in_monthly_rate, all_in_annual_rate) = all_in_rates(&months)?;
    Ok(DebtSchedule {
        months,
        totals,
        maturity_month,
        all_in_monthly_rate,
        all_in_annual_rate,
    })
}

/// The lender's flows at `t = 0` (the close) to `t = T`: at `t`, what it is paid at the end of
/// month `t` (interest paid + principal + commitment fee: not the hedges, which are the
/// hedge counterparty's) less what it lends at the start of month `t + 1` (the draw), plus
/// the upfront fee at `t = 0`.
fn lender_flows(months: &[DebtMonth]) -> Result<Vec<Decimal>, ModelError> {
    let starts = months
        .iter()
        .map(|m| units::sub(m.upfront_fee_usd, m.draw_usd, "draws"))
        .chain(iter::once(Ok(Decimal::ZERO)));
    let ends = iter::once(Ok(Decimal::ZERO)).chain(months.iter().map(|m| {
        let service = units::add(m.interest_paid_usd, m.principal_usd, "interest")?;
        units::add(service, m.commitment_fee_usd, "fees")
    }));
    starts
        .zip(ends)
        .map(|(start, end)| Ok(units::add(start?, end?, "draws")?))
        .collect()
}

/// The monthly IRR of the lender's flows and the effective annual rate `(1 + IRR)^12 − 1`;
/// `None` for both when the flows have no rate of return (nothing drawn), `None` for the
/// annual rate when it does not fit in a [`Decimal`].
fn all_in_rates(months: &[DebtMonth]) -> Result<(Option<Decimal>, Option<Decimal>), ModelError> {
    let flows = lender_flows(months)?;
    let monthly = finance::irr(&flows, None).ok();
    let annual = monthly.and_then(|rate| finance::annual_rate(rate, "all_in_monthly_rate").ok());
    Ok((monthly, annual))
}
