//! The make-up credit ledger: shortfall GPU-hours paid become credits, used first in, first
//! out against usage above a later period's minimum, and expired after their window.

use std::collections::VecDeque;

use super::contract::MakeUp;
use crate::Decimal;
use crate::FinanceError;
use crate::units;

/// The field named when a credit total overflows.
const FIELD: &str = "contract.make_up";

/// Credits earned at the end of one true-up period.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tranche {
    /// The period whose shortfall earned them.
    earned_in_period: u32,
    /// GPU-hours not yet used.
    gpu_hours: Decimal,
}

/// The credits of one contract, oldest first. Without make-up rights nothing is earned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ledger {
    /// The make-up window in periods; `None`: no make-up rights.
    window_periods: Option<u32>,
    tranches: VecDeque<Tranche>,
}

impl Ledger {
    /// An empty ledger for a contract with these make-up rights.
    pub(super) fn new(make_up: Option<&MakeUp>) -> Self {
        Self {
            window_periods: make_up.map(|m| m.window_periods),
            tranches: VecDeque::new(),
        }
    }

    /// GPU-hours of credit left.
    pub(super) fn balance(&self) -> Result<Decimal, FinanceError> {
        self.tranches
            .iter()
            .try_fold(Decimal::ZERO, |sum, t| units::add(sum, t.gpu_hours, FIELD))
    }

    /// Uses up to `wanted` GPU-hours of credit, oldest first; returns the hours used.
    pub(super) fn use_up_to(&mut self, wanted: Decimal) -> Result<Decimal, FinanceError> {
        let mut used = Decimal::ZERO;
        while let Some(oldest) = self.tranches.front_mut() {
            let still_wanted = units::sub(wanted, used, FIELD)?;
            if still_wanted <= Decimal::ZERO {
                break;
            }
            let take = oldest.gpu_hours.min(still_wanted);
            oldest.gpu_hours = units::sub(oldest.gpu_hours, take, FIELD)?;
            used = units::add(used, take, FIELD)?;
            if oldest.gpu_hours.is_zero() {
                self.tranches.pop_front();
            }
        }
        Ok(used)
    }

    /// Records the shortfall of `period` as credit, with make-up rights; returns the hours
    /// earned (0 without make-up rights).
    pub(super) fn earn(&mut self, period: u32, shortfall_gpu_hours: Decimal) -> Decimal {
        if self.window_periods.is_none() || shortfall_gpu_hours <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        self.tranches.push_back(Tranche {
            earned_in_period: period,
            gpu_hours: shortfall_gpu_hours,
        });
        shortfall_gpu_hours
    }

    /// At the end of `period`: removes the credits whose window ends with it (or all of
    /// them when the contract ends with it); returns the hours expired.
    pub(super) fn expire(
        &mut self,
        period: u32,
        contract_ends: bool,
    ) -> Result<Decimal, FinanceError> {
        let window = self.window_periods.unwrap_or(0);
        let mut expired = Decimal::ZERO;
        while let Some(oldest) = self.tranches.front() {
            let window_over =
                u64::from(oldest.earned_in_period) + u64::from(window) <= u64::from(period);
            if !(contract_ends || window_over) {
                break;
            }
            expired = units::add(expired, oldest.gpu_hours, FIELD)?;
            self.tranches.pop_front();
        }
        Ok(expired)
    }
}
