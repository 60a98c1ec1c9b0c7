//! How much the box borrows and on what schedule: the advance-rate and DSCR limits, and
//! the loan drawn on the deliveries (formulas in the [module docs](super)).

use super::super::report::MonthReport;
use super::{Financing, Repayment};
use crate::models::ModelError;
use crate::models::debt::{
    self, Amortization, DebtCapacityInputs, DebtSchedule, DrawSchedule, Fees, LoanInputs,
};
use crate::{Date, Decimal, units};

/// The loan of `debt` drawn on the delivery `shares` (at the close when there is one),
/// repaid as `f` says (sculpted to `sculpt_dscr`), closing on `start`.
pub(super) fn loan(
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

/// The sculpting of `f`'s loan on `cfads` (the sizing's CFADS, month 1 first) to its
/// target DSCR, closing on `start`: its rate, day count and hedges, the inputs of
/// [`debt::sculpted_debt_capacity`] and [`debt::discount_factors`] for the box's DSCR
/// limit.
#[must_use]
pub fn sculpting_inputs(f: &Financing, start: Date, cfads: &[Decimal]) -> DebtCapacityInputs {
    DebtCapacityInputs {
        cfads_usd: cfads.to_vec(),
        target_dscr: f.target_dscr,
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
pub(super) fn dscr_limit(
    f: &Financing,
    start: Date,
    cfads: &[Decimal],
    capex: Decimal,
    shares: &[Decimal],
) -> Result<Decimal, ModelError> {
    if f.repayment == Repayment::Sculpted {
        let sculpting = sculpting_inputs(f, start, cfads);
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
    let probe = probe_amount(capex);
    let schedule = probe_schedule(f, start, cfads, capex, shares)?;
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

/// The CFADS a lender sizes on: `CFADS − merchant_haircut × merchant revenue`, where
/// merchant revenue is what is sold outside contracts (reserved, on demand, spot, less
/// their share of the curtailment, and demand response); contracts and hosting fees are
/// contracted. Reserved capacity counts as merchant: short terms, no take-or-pay.
pub(super) fn sizing_cfads(
    m: &MonthReport,
    cfads: Decimal,
    haircut: Decimal,
) -> Result<Decimal, ModelError> {
    if haircut.is_zero() {
        return Ok(cfads);
    }
    let r = &m.revenue;
    let field = "financing.merchant_haircut";
    let market = units::add(
        units::add(r.reserved_usd, r.on_demand_usd, field)?,
        r.spot_usd,
        field,
    )?;
    let sold = units::add(market, r.contracts_usd, field)?;
    let market_cut = if sold.is_zero() {
        Decimal::ZERO
    } else {
        units::div(units::mul(r.curtailed_usd, market, field)?, sold, field)?
    };
    let merchant = units::add(
        units::sub(market, market_cut, field)?,
        r.demand_response_usd,
        field,
    )?;
    Ok(units::sub(
        cfads,
        units::amount(units::mul(haircut, merchant, field)?),
        field,
    )?)
}

/// The loan's rate of each of the horizon's `months` for its days, `a_m × days_m ÷ basis`
/// (its day count on the scenario's calendar from `start`; the annual rate of the last
/// month held past the tenor): what the coverage ratios discount at, as the loan accrues.
pub(super) fn monthly_rates(
    f: &Financing,
    start: Date,
    months: usize,
) -> Result<Vec<Decimal>, ModelError> {
    let n = u32::try_from(months).unwrap_or(u32::MAX);
    let annual = f.interest.annual_rates(n)?;
    let fractions = debt::year_fractions(&f.interest, f.day_count, Some(start), n)?;
    annual
        .iter()
        .zip(&fractions)
        .map(|(a, (days, basis))| {
            let year = units::mul(*a, *days, "interest")?;
            Ok(units::div(year, *basis, "interest")?)
        })
        .collect()
}

/// What the probe loan lends: the capex, or 1 without capex.
fn probe_amount(capex: Decimal) -> Decimal {
    if capex > Decimal::ZERO {
        capex
    } else {
        Decimal::ONE
    }
}

/// The probe loan that sizes a level, straight or bullet loan: `capex` (1 without capex)
/// lent on the delivery `shares` as `f` repays it, closing on `start`, without fees. Its
/// service per dollar lent in month m is `debt service_m ÷ lent`, and the DSCR limit is
/// `min over m of (max(CFADS_m, 0) ÷ target) ÷ (service per dollar)_m` (see the [module
/// docs](super)).
///
/// # Errors
/// As [`debt::debt_schedule`], on the financing's fields.
pub fn probe_schedule(
    f: &Financing,
    start: Date,
    cfads: &[Decimal],
    capex: Decimal,
    shares: &[Decimal],
) -> Result<DebtSchedule, ModelError> {
    let probe = probe_amount(capex);
    debt::debt_schedule(&LoanInputs {
        fees: Fees::default(),
        ..loan(f, start, cfads, probe, f.target_dscr, shares)?
    })
}
