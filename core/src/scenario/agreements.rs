//! What a scenario's agreements add month by month: the lease
//! ([`lease_schedule`](crate::models::facility::lease_schedule): rent with its escalator and
//! the triple-net items), the hosting agreement
//! ([`hosting_fees`](crate::models::hosting::hosting_fees): fees and SLA credits) and the
//! customers' prepayments (see [`ContractLine::prepaid_share`](super::ContractLine)):
//!
//! ```text
//! prepayment      P = prepaid_share × the contract's backlog at the start (take_or_pay::backlog)
//! applied_m       = P ÷ n in each of the n months the contract serves (kept to 12 places),
//!                   the last of them P − the others; a part falling after the horizon is
//!                   applied in its last month
//! ```

use super::Scenario;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::facility::lease_schedule;
use crate::models::hosting::hosting_fees;
use crate::models::take_or_pay::{self, BacklogInputs};
use crate::units::{self, amount};

/// The lease's items in one month: rent, taxes, insurance, maintenance.
pub(super) type LeaseItems = [Decimal; 4];

/// The agreements' amounts by month index (0 is month 1); zero where they do not apply.
pub(super) struct Agreements {
    lease: Vec<LeaseItems>,
    /// Hosting fee (minimum top-up included) and SLA credit.
    hosting: Vec<(Decimal, Decimal)>,
    prepayment_applied: Vec<Decimal>,
    /// The prepayments received at the close.
    pub(super) prepayment_usd: Decimal,
}

impl Agreements {
    pub(super) fn new(s: &Scenario) -> Result<Self, ModelError> {
        let months = usize::try_from(s.horizon_months).unwrap_or(usize::MAX);
        let mut lease = vec![LeaseItems::default(); months];
        if let Some(inputs) = &s.lease {
            let schedule = lease_schedule(inputs).map_err(|e| e.within("lease"))?;
            for m in schedule.months {
                let slot = usize::try_from(m.month.saturating_sub(1))
                    .ok()
                    .and_then(|i| lease.get_mut(i));
                if let Some(slot) = slot {
                    *slot = [m.rent_usd, m.taxes_usd, m.insurance_usd, m.maintenance_usd];
                }
            }
        }
        let mut hosting = vec![(Decimal::ZERO, Decimal::ZERO); months];
        if let Some(inputs) = &s.hosting {
            let schedule = hosting_fees(inputs).map_err(|e| e.within("hosting"))?;
            for (slot, m) in hosting.iter_mut().zip(schedule.months) {
                *slot = (m.fee_usd, m.sla_credit_usd);
            }
        }
        let mut prepayment_applied = vec![Decimal::ZERO; months];
        let mut prepayment_usd = Decimal::ZERO;
        for (i, line) in s.contracts.iter().enumerate() {
            if line.prepaid_share.is_zero() {
                continue;
            }
            let path = format!("contracts[{i}]");
            let backlog = take_or_pay::backlog(&BacklogInputs {
                contract: line.contract.clone(),
                as_of_month: 0,
                annual_discount_rate: s.annual_discount_rate,
            })
            .map_err(|e| e.within(&path))?;
            let prepaid = amount(
                units::mul(
                    line.prepaid_share,
                    backlog.remaining_minimum_usd,
                    "prepaid_share",
                )
                .map_err(|e| ModelError::from(e).within(&path))?,
            );
            prepayment_usd = units::add(prepayment_usd, prepaid, "contracts")?;
            apply(
                &mut prepayment_applied,
                line.contract.start_month,
                backlog.months_remaining,
                prepaid,
            )
            .map_err(|e| e.within(&path))?;
        }
        Ok(Self {
            lease,
            hosting,
            prepayment_applied,
            prepayment_usd,
        })
    }

    /// The lease's items in month index `i`.
    pub(super) fn lease(&self, i: usize) -> LeaseItems {
        self.lease.get(i).copied().unwrap_or_default()
    }

    /// The hosting fee and SLA credit in month index `i`.
    pub(super) fn hosting(&self, i: usize) -> (Decimal, Decimal) {
        self.hosting.get(i).copied().unwrap_or_default()
    }

    /// The prepayments applied in month index `i`.
    pub(super) fn prepayment_applied(&self, i: usize) -> Decimal {
        self.prepayment_applied.get(i).copied().unwrap_or_default()
    }
}

/// Adds `prepaid` to `applied` in equal parts over `served` months from `start_month`, the
/// last part taking the rounding; parts after the horizon go to its last month.
fn apply(
    applied: &mut [Decimal],
    start_month: u32,
    served: u32,
    prepaid: Decimal,
) -> Result<(), ModelError> {
    let Some(last_index) = applied.len().checked_sub(1) else {
        return Ok(());
    };
    let part = amount(units::div(
        prepaid,
        Decimal::from(served.max(1)),
        "prepaid_share",
    )?);
    let mut left = prepaid;
    for k in 0..served.max(1) {
        let amount = if k + 1 == served.max(1) { left } else { part };
        left = units::sub(left, amount, "prepaid_share")?;
        let index = usize::try_from(start_month.saturating_add(k).saturating_sub(1))
            .unwrap_or(usize::MAX)
            .min(last_index);
        if let Some(slot) = applied.get_mut(index) {
            *slot = units::add(*slot, amount, "prepaid_share")?;
        }
    }
    Ok(())
}
