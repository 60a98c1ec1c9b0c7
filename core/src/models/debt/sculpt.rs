//! Sculpting: debt service = CFADS ÷ target DSCR, and [`sculpted_debt_capacity`], the
//! largest loan that service repays by maturity.

use serde::{Deserialize, Serialize};

use super::accrual::{DayCount, MonthTerms, month_terms};
use super::hedge::{Cap, Hedges, Swap};
use super::rate::Interest;
use super::{check_conventions, check_term, keep};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;
use crate::{Date, Decimal, FinanceError};

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
    /// The loan's rate, fixed or floating (interest = balance × annual rate × days ÷ basis).
    pub interest: Interest,
    /// Months from the close to maturity, 1 to [`MAX_MONTHS`](super::MAX_MONTHS).
    pub tenor_months: u32,
    /// Months of capitalized interest (no debt service) before amortization; default 0,
    /// below `tenor_months`.
    #[serde(default)]
    pub capitalize_until_month: u32,
    /// The close's date, as [`LoanInputs::start_date`](super::LoanInputs::start_date).
    #[serde(default)]
    pub start_date: Option<Date>,
    /// The day count, as [`LoanInputs::day_count`](super::LoanInputs::day_count).
    #[serde(default)]
    pub day_count: Option<DayCount>,
    /// A swap, as [`LoanInputs::swap`](super::LoanInputs::swap): its settlements are paid
    /// from the target service.
    #[serde(default)]
    pub swap: Option<Swap>,
    /// A cap, as [`LoanInputs::cap`](super::LoanInputs::cap): its payouts add to the
    /// service.
    #[serde(default)]
    pub cap: Option<Cap>,
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
        check_conventions(
            c,
            &self.interest,
            self.day_count,
            self.start_date,
            self.swap.as_ref(),
            self.cap.as_ref(),
        );
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
/// maturity: the present value of that service, net of the hedges' stated notionals, at
/// the loan's own rate of each month,
///
/// ```text
/// V_T = 0,   V_(m−1) = (V_m + S_m − F_m) / (1 + (a_m + g_m) × days_m ÷ basis)
/// S_m = 0 while interest is capitalized (m ≤ K), else max(CFADS_m, 0) ÷ target DSCR
/// ```
///
/// with `a_m` the annual rate of month `m` and `days_m ÷ basis` its day count (as
/// [`debt_schedule`](super::debt_schedule): 1/12 under 30/360), `g_m` the hedges' cost per
/// dollar of balance (swap share × (fixed − SOFR) − cap share × max(SOFR − strike, 0)) and
/// `F_m` the settlements of stated notionals (their amounts × the same rates × days ÷
/// basis). The capacity is inversely proportional to the target without stated notionals:
/// sculpting a smaller loan `L` over the whole tenor takes the target `capacity at 1 ÷ L`.
/// Each division rounds to 28 significant digits; the capacity is kept to 12 places.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`cfads_usd` shorter than the tenor,
/// `target_dscr` ≤ 0, `interest.annual_rate` ≤ −1, `tenor_months` 0 or above 1200,
/// `capitalize_until_month` not before the maturity, `start_date` missing for an actual
/// day count, `swap` or `cap` on a fixed rate), or on `interest` when a month's growth
/// factor is not positive; [`ModelError::Finance`] on overflow.
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
    let terms = inputs.terms()?;
    let mut services = Vec::with_capacity(terms.len());
    for (month, cfads) in (1..=inputs.tenor_months).zip(&inputs.cfads_usd) {
        services.push(if month <= inputs.capitalize_until_month {
            Decimal::ZERO
        } else {
            target_service(*cfads, inputs.target_dscr)?
        });
    }
    let hedges = inputs.hedges();
    let mut value = Decimal::ZERO;
    let months: Vec<_> = (1..=inputs.tenor_months)
        .zip(&services)
        .zip(&terms)
        .collect();
    for ((month, service), term) in months.into_iter().rev() {
        let (growth, basis, fixed) = month_growth(hedges, month, term)?;
        // V_(m−1) = (V_m + S_m − F_m) × basis ÷ growth, growth > 0.
        let owed = units::sub(units::add(value, *service, "cfads_usd")?, fixed, "swap")?;
        value = units::div(units::mul(owed, basis, "cfads_usd")?, growth, "interest")?;
    }
    Ok(DebtCapacity {
        debt_capacity_usd: keep(value),
        target_debt_service_usd: services,
    })
}

/// What a dollar of a loan drawn at the close and owed at the end of month `m` is worth at
/// the close, `DF_m = Π_(j ≤ m) 1 / (1 + (a_j + g_j) × days_j ÷ basis)`, for months 1 to
/// `tenor_months`: the discounting of [`sculpted_debt_capacity`] (its CFADS and target are
/// not used). A dollar drawn at the end of month `k` is repaid by the same service as
/// `DF_k` dollars drawn at the close.
///
/// # Errors
/// As [`sculpted_debt_capacity`].
///
/// # Example
/// At 12 % fixed (30/360: 1 % a month), `DF_2 = 1 ÷ 1.01²`:
/// ```
/// use gpuecon::models::debt::{discount_factors, DebtCapacityInputs};
/// use gpuecon::Decimal;
/// let inputs: DebtCapacityInputs = serde_json::from_str(r#"{
///   "cfads_usd": [0, 0], "target_dscr": "1",
///   "interest": { "kind": "fixed", "annual_rate": "0.12" }, "tenor_months": 2
/// }"#).unwrap();
/// let factors = discount_factors(&inputs)?;
/// assert_eq!((factors[1] * Decimal::new(10201, 4)).round_dp(20), Decimal::ONE);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn discount_factors(inputs: &DebtCapacityInputs) -> Result<Vec<Decimal>, ModelError> {
    inputs.ensure_valid()?;
    let hedges = inputs.hedges();
    let mut factor = Decimal::ONE;
    let mut factors = Vec::with_capacity(inputs.cfads_usd.len());
    for (month, term) in (1..=inputs.tenor_months).zip(&inputs.terms()?) {
        let (growth, basis, _) = month_growth(hedges, month, term)?;
        factor = units::div(units::mul(factor, basis, "interest")?, growth, "interest")?;
        factors.push(factor);
    }
    Ok(factors)
}

impl DebtCapacityInputs {
    /// The terms of each month to maturity.
    fn terms(&self) -> Result<Vec<MonthTerms>, ModelError> {
        month_terms(
            &self.interest,
            self.day_count,
            self.start_date,
            self.tenor_months,
        )
    }

    /// The hedges.
    fn hedges(&self) -> Hedges<'_> {
        Hedges {
            swap: self.swap.as_ref(),
            cap: self.cap.as_ref(),
        }
    }
}

/// A month's growth `(basis + (a + g) × days, basis)` (a fraction `1 + (a + g) × days ÷
/// basis` in lowest terms) and the stated notionals' cost `F`.
fn month_growth(
    hedges: Hedges<'_>,
    month: u32,
    term: &MonthTerms,
) -> Result<(Decimal, Decimal, Decimal), ModelError> {
    let hedge = hedges.rate(month, term.sofr)?;
    let rate = units::add(term.annual_rate, hedge.per_dollar_annual, "swap")?;
    let (growth, basis) = term.period.growth(rate)?;
    if growth <= Decimal::ZERO {
        return Err(ModelError::domain(
            "interest",
            "takes a month's balance growth to 0 or below (rate and hedges under -100 %)",
        ));
    }
    let fixed = term
        .period
        .of(Decimal::ONE, hedge.fixed_annual_usd, "swap.notional")?;
    Ok((growth, basis, fixed))
}
