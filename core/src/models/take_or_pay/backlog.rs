//! [`backlog`]: the contracted minimum payments still to come, and their present value.

use serde::{Deserialize, Serialize};

use super::contract::Contract;
use super::schedule::schedule;
use crate::Decimal;
use crate::finance;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// What [`backlog`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BacklogInputs {
    /// The contract.
    pub contract: Contract,
    /// The backlog counts the months after this one (0: the whole contract).
    pub as_of_month: u32,
    /// The annual rate the payments are discounted at (0.10 for 10 %; greater than −1).
    pub annual_discount_rate: Decimal,
}

/// The result of [`backlog`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backlog {
    /// The minimum payments of the months after `as_of_month` (ramped, escalated), with
    /// the termination fee when the termination month is among them.
    pub remaining_minimum_usd: Decimal,
    /// Their present value at `as_of_month`, each month's payment at its end.
    pub present_value_usd: Decimal,
    /// Months served after `as_of_month`.
    pub months_remaining: u32,
}

impl Validate for BacklogInputs {
    /// Every problem with the contract and the rate, in field order.
    ///
    /// ```
    /// use gpuecon::models::take_or_pay::BacklogInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: BacklogInputs = serde_json::from_str(r#"{
    ///   "contract": { "gpus": 100, "start_month": 1, "term_months": 12,
    ///     "price_usd_per_gpu_hour": 2,
    ///     "commitment": { "unit": "gpu_hours", "quantity_per_month": 60000 } },
    ///   "as_of_month": 0, "annual_discount_rate": -1
    /// }"#).unwrap();
    /// assert_eq!(inputs.validate()[0].field(), "annual_discount_rate");
    /// ```
    fn check(&self, c: &mut Checker) {
        c.nested("contract", &self.contract);
        if self.annual_discount_rate <= Decimal::NEGATIVE_ONE {
            c.problem("annual_discount_rate", "must be greater than -1");
        }
    }
}

/// The contracted backlog of a contract at `as_of_month`: what lenders size debt on.
///
/// ```text
/// remaining = Σ payment_m                 for the months m after as_of_month, where
/// payment_m = minimum_m × min(price_m, shortfall price_m) (+ the termination fee in its month)
/// PV        = Σ payment_m / (1 + i)^(m − as_of_month),   i = (1 + annual_discount_rate)^(1/12) − 1
/// ```
///
/// The monthly rate `i` is a twelfth root, irrational: [`finance::monthly_rate`] computes
/// it in `f64` and converts it to [`Decimal`] once; the discounting is then Excel's
/// [`finance::npv`] in exact Decimal arithmetic over the monthly payments (0 for the months
/// before the start). Make-up credits outstanding depend on usage and are not deducted.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input by its path
/// (`contract.term_months`, `annual_discount_rate`); [`ModelError::Finance`] on overflow.
///
/// # Example
/// 12 months of 60,000 GPU-hours at $2.00: $120,000 a month, $1,440,000 in all; at 0 % the
/// present value is the same.
/// ```
/// use gpuecon::models::take_or_pay::{backlog, BacklogInputs};
/// use gpuecon::Decimal;
/// let inputs: BacklogInputs = serde_json::from_str(r#"{
///   "contract": { "gpus": 100, "start_month": 1, "term_months": 12,
///     "price_usd_per_gpu_hour": "2.00",
///     "commitment": { "unit": "gpu_hours", "quantity_per_month": 60000 } },
///   "as_of_month": 0, "annual_discount_rate": 0
/// }"#).unwrap();
/// let value = backlog(&inputs)?;
/// assert_eq!(value.remaining_minimum_usd, Decimal::from(1_440_000));
/// assert_eq!(value.present_value_usd, Decimal::from(1_440_000));
/// assert_eq!(value.months_remaining, 12);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn backlog(inputs: &BacklogInputs) -> Result<Backlog, ModelError> {
    inputs.ensure_valid()?;
    let contract = &inputs.contract;
    let as_of = inputs.as_of_month;
    let last = contract.last_month();
    if as_of >= last {
        return Ok(Backlog {
            remaining_minimum_usd: Decimal::ZERO,
            present_value_usd: Decimal::ZERO,
            months_remaining: 0,
        });
    }
    // One payment a month from as_of + 1 to the last month: 0 before the start.
    let before_start = contract.start_month.saturating_sub(as_of.saturating_add(1));
    let mut payments = vec![Decimal::ZERO; usize::try_from(before_start).unwrap_or_default()];
    let mut months_remaining = 0;
    for terms in schedule(contract)?.iter().flat_map(|p| &p.months) {
        if terms.month > as_of {
            payments.push(payment(contract, terms.month, terms.minimum_payment_usd)?);
            months_remaining += 1;
        }
    }
    let remaining = payments.iter().try_fold(Decimal::ZERO, |sum, x| {
        units::add(sum, *x, "contract.price_usd_per_gpu_hour")
    })?;
    let monthly = finance::monthly_rate(inputs.annual_discount_rate, "annual_discount_rate")?;
    let present_value = finance::npv(monthly, &payments).map_err(|e| {
        let field = match e.field() {
            "rate" => "annual_discount_rate",
            _ => "contract.price_usd_per_gpu_hour",
        };
        ModelError::finance(field, e)
    })?;
    Ok(Backlog {
        remaining_minimum_usd: remaining,
        present_value_usd: present_value,
        months_remaining,
    })
}

/// The minimum payment of `month`, with the termination fee in the termination month.
fn payment(
    contract: &Contract,
    month: u32,
    minimum_payment: Decimal,
) -> Result<Decimal, ModelError> {
    match &contract.termination {
        Some(t) if t.month == month => Ok(units::add(
            minimum_payment,
            t.fee_usd,
            "contract.termination.fee_usd",
        )?),
        _ => Ok(minimum_payment),
    }
}
