//! Sculpting: debt service = CFADS ÷ target DSCR, and [`sculpted_debt_capacity`], the
//! largest loan that service repays by maturity.

use serde::{Deserialize, Serialize};

use super::rate::Interest;
use super::{check_term, keep};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, MONTHS_PER_YEAR};
use crate::{Decimal, FinanceError};

/// How far the last payment of a sculpted loan may exceed CFADS ÷ target DSCR: one cent.
/// A loan at its [`sculpted_debt_capacity`] (a quotient rounded to 28 digits, amounts kept
/// to 12 places) leaves a residue far below it at maturity; a loan that needs more than a
/// cent above the target service in its last month is above its capacity (an error).
pub const SCULPT_TOLERANCE_USD: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// What [`sculpted_debt_capacity`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DebtCapacityInputs {
    /// Cash flow available for debt service, USD a month from month 1, at least
    /// `tenor_months` values; a month at or below 0 services nothing.
    pub cfads_usd: Vec<Decimal>,
    /// The debt service coverage ratio to keep (greater than 0).
    pub target_dscr: Decimal,
    /// The loan's rate, fixed or floating (interest = balance × annual rate / 12).
    pub interest: Interest,
    /// Months from the close to maturity, 1 to [`MAX_MONTHS`](super::MAX_MONTHS).
    pub tenor_months: u32,
    /// Months of capitalized interest (no debt service) before amortization; default 0,
    /// below `tenor_months`.
    #[serde(default)]
    pub capitalize_until_month: u32,
}

/// The result of [`sculpted_debt_capacity`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtCapacity {
    /// The present value at the loan's rate of the target debt service: the largest amount,
    /// drawn at the close, that sculpting repays by maturity.
    pub debt_capacity_usd: Decimal,
    /// The target debt service in months 1 to `tenor_months`: 0 while interest is
    /// capitalized, then `max(CFADS, 0) ÷ target DSCR`.
    pub target_debt_service_usd: Vec<Decimal>,
}

impl Validate for DebtCapacityInputs {
    fn check(&self, c: &mut Checker) {
        check_sculpting(c, &self.cfads_usd, self.target_dscr, self.tenor_months);
        c.nested("interest", &self.interest);
        check_term(c, self.tenor_months, self.capitalize_until_month);
    }
}

/// Records problems with a sculpting target: CFADS for every month to maturity, and a
/// target DSCR above 0.
pub(super) fn check_sculpting(
    c: &mut Checker,
    cfads_usd: &[Decimal],
    target_dscr: Decimal,
    tenor_months: u32,
) {
    if u32::try_from(cfads_usd.len()).unwrap_or(u32::MAX) < tenor_months {
        c.problem(
            "cfads_usd",
            "must hold a value for each month to maturity (tenor_months values)",
        );
    }
    c.positive("target_dscr", target_dscr);
}

/// The target debt service of a month, `max(cfads, 0) ÷ target_dscr`, kept to
/// [`DEBT_DECIMAL_PLACES`](super::DEBT_DECIMAL_PLACES).
pub(super) fn target_service(
    cfads: Decimal,
    target_dscr: Decimal,
) -> Result<Decimal, FinanceError> {
    Ok(keep(units::div(
        cfads.max(Decimal::ZERO),
        target_dscr,
        "target_dscr",
    )?))
}

/// The largest loan, drawn at the close, that debt service of CFADS ÷ target DSCR repays by
/// maturity: the present value of that service at the loan's own rate,
///
/// ```text
/// V_T = 0,   V_(m−1) = (V_m + S_m) / (1 + a_m / 12),   capacity = V_0
/// S_m = 0 while interest is capitalized (m ≤ K), else max(CFADS_m, 0) ÷ target DSCR
/// ```
///
/// with `a_m` the annual rate of month `m` (30/360, as [`debt_schedule`](super::debt_schedule)).
/// The capacity is inversely proportional to the target: sculpting a smaller loan `L` over
/// the whole tenor takes the target `capacity at 1 ÷ L`. Each division rounds to 28
/// significant digits; the capacity is kept to 12 places.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`cfads_usd` shorter than the tenor,
/// `target_dscr` ≤ 0, `interest.annual_rate` ≤ −1, `tenor_months` 0 or above 1200,
/// `capitalize_until_month` not before the maturity); [`ModelError::Finance`] on overflow.
///
/// # Example
/// CFADS of $130,000 a month for 3 months at DSCR 1.3 services $100,000 a month; at 12 %
/// (1 % a month) that repays 100,000 × (1/1.01 + 1/1.01² + 1/1.01³) = $294,098.52:
/// ```
/// use gpuecon::models::debt::{sculpted_debt_capacity, DebtCapacityInputs};
/// use gpuecon::Decimal;
/// let inputs: DebtCapacityInputs = serde_json::from_str(r#"{
///   "cfads_usd": [130000, 130000, 130000], "target_dscr": "1.3",
///   "interest": { "kind": "fixed", "annual_rate": "0.12" }, "tenor_months": 3
/// }"#).unwrap();
/// let capacity = sculpted_debt_capacity(&inputs)?;
/// assert_eq!(capacity.target_debt_service_usd, [Decimal::from(100_000); 3]);
/// assert_eq!(capacity.debt_capacity_usd.round_dp(2), Decimal::new(29_409_852, 2));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn sculpted_debt_capacity(inputs: &DebtCapacityInputs) -> Result<DebtCapacity, ModelError> {
    inputs.ensure_valid()?;
    let rates = inputs
        .interest
        .annual_rates(inputs.tenor_months)
        .map_err(|e| e.within("interest"))?;
    let mut services = Vec::with_capacity(rates.len());
    for (month, cfads) in (1..=inputs.tenor_months).zip(&inputs.cfads_usd) {
        services.push(if month <= inputs.capitalize_until_month {
            Decimal::ZERO
        } else {
            target_service(*cfads, inputs.target_dscr)?
        });
    }
    let mut value = Decimal::ZERO;
    for (service, rate) in services.iter().zip(&rates).rev() {
        // V_(m−1) = (V_m + S_m) × 12 / (12 + a_m); 12 + a_m > 11 since a_m > −1.
        let owed = units::add(value, *service, "cfads_usd")?;
        let twelfths = units::mul(owed, MONTHS_PER_YEAR, "cfads_usd")?;
        let growth = units::add(MONTHS_PER_YEAR, *rate, "interest")?;
        value = units::div(twelfths, growth, "interest")?;
    }
    Ok(DebtCapacity {
        debt_capacity_usd: keep(value),
        target_debt_service_usd: services,
    })
}
