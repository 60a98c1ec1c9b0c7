//! Checks across sections of a [`Scenario`]: what each section accepts alone but the
//! scenario cannot hold together. Each is an error with its path, all of them reported
//! at once by [`Scenario::check_all`]:
//!
//! ```text
//! whole GPUs        fleet.gpus, contracts[i].contract.gpus, market.reserved[i].gpus and
//!                   each delivered tranche (fleet.gpus × cumulative share) are whole numbers
//! one block         a contract's or a reservation's GPUs ≤ fleet.gpus
//! every month       Σ GPUs reserved and under contract ≤ GPUs in service
//! commitment        a contract's minimum GPU-hours in every month of its term
//!                   ≤ its GPUs × 730 (it cannot take or pay for hours its GPUs do not have)
//! lease             lease.contracted_kw ≥ fleet.gpus × power.it_kw_per_gpu (the lease is
//!                   the only facility: it must hold the fleet's critical IT load)
//! ```

use super::Scenario;
use crate::Decimal;
use crate::models::check::Checker;
use crate::models::take_or_pay;
use crate::units::{self, HOURS_PER_MONTH, MAX_MONTHS};

impl Scenario {
    /// Records every cross-section problem (paths from the scenario's root).
    pub(super) fn check_consistency(&self, c: &mut Checker) {
        self.check_whole_gpus(c);
        self.check_blocks(c);
        self.check_capacity(c);
        self.check_commitments(c);
        self.check_lease_capacity(c);
    }

    fn check_whole_gpus(&self, c: &mut Checker) {
        c.whole("fleet.gpus", self.fleet.gpus);
        let mut delivered = Some(Decimal::ZERO);
        for (i, share) in self.fleet.deliveries.iter().enumerate() {
            delivered = delivered.and_then(|d| d.checked_add(*share));
            let gpus = delivered.and_then(|d| d.checked_mul(self.fleet.gpus));
            if gpus.is_some_and(|g| !g.fract().is_zero()) {
                c.problem(
                    &format!("fleet.deliveries[{i}]"),
                    "must deliver a whole number of GPUs (fleet.gpus × the shares so far)",
                );
            }
        }
        for (i, line) in self.contracts.iter().enumerate() {
            c.whole(&format!("contracts[{i}].contract.gpus"), line.contract.gpus);
        }
        for (i, r) in self.market.reserved.iter().enumerate() {
            c.whole(&format!("market.reserved[{i}].gpus"), r.gpus);
        }
    }

    /// No contract or reservation holds more GPUs than the fleet has.
    fn check_blocks(&self, c: &mut Checker) {
        let reason = "must not exceed fleet.gpus";
        for (i, line) in self.contracts.iter().enumerate() {
            if line.contract.gpus > self.fleet.gpus {
                c.problem(&format!("contracts[{i}].contract.gpus"), reason);
            }
        }
        for (i, r) in self.market.reserved.iter().enumerate() {
            if r.gpus > self.fleet.gpus {
                c.problem(&format!("market.reserved[{i}].gpus"), reason);
            }
        }
    }

    /// Reserved and contracted GPUs never exceed the GPUs in service in any month.
    fn check_capacity(&self, c: &mut Checker) {
        let mut delivered = Decimal::ZERO;
        let mut shares = self.fleet.deliveries.iter();
        for month in 1..=self.horizon_months.min(MAX_MONTHS) {
            let in_service = if self.fleet.deliveries.is_empty() {
                self.fleet.gpus
            } else {
                delivered = delivered.saturating_add(shares.next().copied().unwrap_or_default());
                self.fleet.gpus.saturating_mul(delivered)
            };
            if self.committed_gpus(month) > in_service {
                c.problem(
                    "fleet.gpus",
                    "is less than the GPUs reserved and under contract in some month",
                );
                return;
            }
        }
    }

    /// Each contract's minimum fits in its own GPUs' hours, in every month of its term.
    fn check_commitments(&self, c: &mut Checker) {
        for (i, line) in self.contracts.iter().enumerate() {
            let contract = &line.contract;
            // An invalid contract has its own problems recorded; its terms are not computed.
            if !crate::models::Validate::validate(contract).is_empty() {
                continue;
            }
            let Ok(hours) = units::mul(contract.gpus, HOURS_PER_MONTH, "gpus") else {
                continue;
            };
            let Ok(periods) = take_or_pay::terms(contract) else {
                continue;
            };
            let over = periods
                .iter()
                .flat_map(|p| &p.months)
                .any(|m| m.minimum_gpu_hours > hours);
            if over {
                c.problem(
                    &format!("contracts[{i}].contract.commitment.quantity_per_month"),
                    "is more GPU-hours in some month than the contract's GPUs have (gpus × 730)",
                );
            }
        }
    }

    /// A lease holds the fleet's critical IT load.
    fn check_lease_capacity(&self, c: &mut Checker) {
        let Some(lease) = &self.lease else { return };
        let load = self.fleet.gpus.checked_mul(self.power.it_kw_per_gpu);
        if load.is_some_and(|kw| lease.contracted_kw < kw) {
            c.problem(
                "lease.contracted_kw",
                "is below the fleet's critical IT load (fleet.gpus × power.it_kw_per_gpu)",
            );
        }
    }

    /// GPUs reserved or under contract in `month` (saturating: validation reports overflow).
    pub(super) fn committed_gpus(&self, month: u32) -> Decimal {
        let reserved = self
            .market
            .reserved
            .iter()
            .filter(|r| r.is_active(month))
            .map(|r| r.gpus);
        let contracted = self
            .contracts
            .iter()
            .filter(|l| l.contract.is_active(month))
            .map(|l| l.contract.gpus);
        reserved
            .chain(contracted)
            .fold(Decimal::ZERO, |sum, gpus| sum.saturating_add(gpus))
    }
}
