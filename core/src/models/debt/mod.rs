//! Debt schedules (docs/domain.md section 8): a monthly term loan drawn as GPUs are
//! delivered, with interest capitalized during construction, then amortized level,
//! straight, bullet or sculpted to a target DSCR; fixed or floating (SOFR + a spread set by
//! the credit of the contract's counterparty); upfront and commitment fees; and the
//! lender's all-in cost.
//!
//! - [`debt_schedule`]: the loan month by month, its totals, maturity and all-in cost;
//! - [`sculpted_debt_capacity`]: the largest loan that CFADS ÷ target DSCR can repay;
//! - [`Interest`] and [`CreditTier`]: the rate each month.
//!
//! # Timeline and formulas
//!
//! Month 1 is the first month after the close; month `T = tenor_months` is the maturity.
//! Draws fall at the *start* of their month, debt service and commitment fees at its
//! *end*, the upfront fee at the close (the start of month 1). With `B` the balance after
//! the month's draw, `a` the month's annual rate and `K = capitalize_until_month`:
//!
//! ```text
//! B             = opening balance + draw
//! interest      = B × a × days ÷ basis              (day count: see below; 30/360 is a/12)
//! hedges        = swap settlement − cap payout      (module hedge: floating loans)
//! months ≤ K    capitalized = interest, nothing paid  (construction)
//! months > K    interest paid = interest, principal:
//!   level_payment   PMT(a/12, T − m + 1, −B) − interest      (set at the first month of
//!                   amortization, reset in a month with a draw or a new rate)
//!   straight        B / (T − m + 1)                          (set and reset as above)
//!   bullet          0
//!   sculpted        min(S − hedges − interest, B),  S = max(CFADS, 0) ÷ target DSCR
//!                   (the hedges are paid first; what is left below the interest is
//!                   paid, the rest of the interest capitalized; B when that leaves at
//!                   most SCULPT_TOLERANCE_USD owed, so no dust is carried to maturity)
//!   month T         principal = B: the balance reaches zero at maturity, exactly
//!                   (sculpted: an error if interest + B exceeds S by more than
//!                   SCULPT_TOLERANCE_USD, a cent: the loan is above its capacity)
//! closing       = B + capitalized − principal
//! debt service  = interest paid + principal + hedges    (fees are reported apart)
//! upfront fee   = commitment × upfront share              (at close, in month 1)
//! cap premium   = as stated                               (at close, in month 1)
//! commitment fee = undrawn × annual fee rate × days ÷ basis (months of the availability period)
//! ```
//!
//! - **Day counts** (module accrual): month `m` runs from the close's `start_date` plus
//!   `m − 1` months to it plus `m` months. ACT/360 (actual days ÷ 360, the default for a
//!   floating rate, as SOFR and its loan documents accrue), 30/360 (every month 30 days,
//!   `a / 12`, the default for a fixed rate and Excel's `PMT(rate/12, …)`), or ACT/365F.
//!   Without a `start_date` every month is 30/360. None of them is the effective
//!   `(1 + a)^(1/12) − 1` of [`finance::monthly_rate`](crate::finance::monthly_rate), which
//!   discounting uses: 12 % a year is 1 % a month under 30/360, an effective 12.68 % a year.
//!   A level payment is `PMT(a/12, …)` as quoted; under an actual day count its principal
//!   is the payment less the month's actual interest, the last month taking the rest.
//! - **Hedges** (module hedge): a swap (pay fixed, receive SOFR) and a cap (receive SOFR
//!   above the strike) on a share of the balance or stated notionals, settled on SOFR as
//!   quoted (before the floor) with the loan's day count. Their net is debt service (DSCR
//!   counts it, sculpting pays it from the target service, the capacity discounts at the
//!   rate plus the hedges' cost per dollar); the lender's all-in cost leaves them out.
//! - **Floating rates**: `a = max(SOFR, floor) + spread`, SOFR a plain series of annual rates, one a
//!   month from month 1, the last value held for later months (one value is a flat SOFR).
//!   A series is simpler than a curve and any curve becomes one:
//!   [`Curve::series`](crate::models::depreciation::Curve::series) × a base SOFR. The
//!   spread is the [`CreditTier`]'s (CoreWeave's second delayed draw term loan: 6.00 %
//!   for named investment-grade customers, 6.50 % for other investment grade, 13.00 % for
//!   sub-investment grade), or an explicit `spread_annual_rate`.
//! - **Sculpting**: each month's debt service is CFADS ÷ target DSCR exactly (kept to
//!   [`DEBT_DECIMAL_PLACES`]), so DSCR = target in every month while the loan is repaid. A
//!   loan below its [`sculpted_debt_capacity`] is repaid early (its last payment is
//!   smaller, DSCR above target); one above it is an error. To sculpt a smaller loan `L`
//!   over the whole tenor instead, use the target `capacity at DSCR 1 ÷ L` (the capacity
//!   is inversely proportional to the target).
//! - **Exactness**: every amount (draw, interest, principal, fee, installment) is checked
//!   [`Decimal`] arithmetic kept to [`DEBT_DECIMAL_PLACES`] (12), so balances and totals
//!   add up exactly: `closing = opening + draw + capitalized − principal`, the balance is
//!   exactly 0 at maturity, and the principal repaid is exactly the amount drawn plus the
//!   interest capitalized. The all-in cost is the one `f64` quantity (an IRR).
//! - **All-in cost**: the IRR of the lender's monthly flows, `t = 0` at the close: at
//!   `t = 0`, `upfront fee − month 1's draw`; at `t = m`, `debt service + commitment fee of
//!   month m − month m + 1's draw`; annualized by
//!   [`finance::annual_rate`](crate::finance::annual_rate) to an effective annual rate,
//!   `(1 + IRR)^12 − 1`. Without fees it is the loan's own rate: 1 % a month at 12 %.
//! - **Errors**: inputs are checked first ([`Validate`](crate::models::Validate)); the
//!   first problem is returned with its path (`draws.usd[3]`, `amortization.target_dscr`,
//!   `interest.sofr_annual_rates[0]`). Nothing panics.

mod accrual;
mod amortize;
mod draws;
mod hedge;
mod rate;
mod schedule;
mod sculpt;
mod terms;

pub use accrual::{DayCount, year_fractions};
pub use draws::DrawSchedule;
pub use hedge::{Cap, Notional, Swap};
pub use rate::{CreditTier, Interest};
pub use schedule::{DebtMonth, DebtSchedule, DebtTotals, debt_schedule};
pub use sculpt::{
    DebtCapacity, DebtCapacityInputs, SCULPT_TOLERANCE_USD, discount_factors,
    sculpted_debt_capacity,
};
pub use terms::{Amortization, Fees, LoanInputs};

use crate::models::check::Checker;
pub use crate::units::MAX_MONTHS;
use crate::{Date, Decimal, units};

/// Decimal places every amount of a [`DebtSchedule`] is kept to (half-even): the models'
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES), far below a cent, so that
/// balances and totals add up exactly in any order.
pub use crate::units::AMOUNT_DECIMAL_PLACES as DEBT_DECIMAL_PLACES;

/// An amount kept to [`DEBT_DECIMAL_PLACES`].
fn keep(value: Decimal) -> Decimal {
    units::amount(value)
}

/// Records problems with a loan's months: `tenor_months` in 1..=[`MAX_MONTHS`] and
/// `capitalize_until_month` before it (at least one month of amortization).
fn check_term(c: &mut Checker, tenor_months: u32, capitalize_until_month: u32) {
    if tenor_months == 0 {
        c.problem("tenor_months", "must be greater than 0");
    } else if tenor_months > MAX_MONTHS {
        c.problem("tenor_months", "must be at most 1200 months");
    } else if capitalize_until_month >= tenor_months {
        c.problem(
            "capitalize_until_month",
            "must be before tenor_months (at least one month of amortization)",
        );
    }
}

/// Records problems with a loan's conventions: an actual day count without a date, and
/// hedges of a fixed rate.
fn check_conventions(
    c: &mut Checker,
    interest: &Interest,
    day_count: Option<DayCount>,
    start_date: Option<Date>,
    swap: Option<&Swap>,
    cap: Option<&Cap>,
) {
    accrual::check_calendar(c, day_count, start_date);
    check_hedges(c, interest, swap, cap);
}

/// Records problems with a loan's hedges (`swap`, `cap`), and hedges of a fixed rate.
pub(crate) fn check_hedges(
    c: &mut Checker,
    interest: &Interest,
    swap: Option<&Swap>,
    cap: Option<&Cap>,
) {
    let fixed = matches!(interest, Interest::Fixed { .. });
    if let Some(swap) = swap {
        c.nested("swap", swap);
        if fixed {
            c.problem("swap", "hedges a floating rate: the interest is fixed");
        }
    }
    if let Some(cap) = cap {
        c.nested("cap", cap);
        if fixed {
            c.problem("cap", "hedges a floating rate: the interest is fixed");
        }
    }
}

#[cfg(test)]
mod tests;
