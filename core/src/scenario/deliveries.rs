//! The fleet's delivery schedule (`fleet.deliveries`): when its GPUs are paid for and enter
//! service, and the book and economic value of a fleet delivered in tranches.
//!
//! ```text
//! tranche k      g_k = gpus × deliveries[k]       delivered at the close (k = 0) or the end of month k
//! capex_k        = g_k × capex per GPU            (the last tranche takes the rounding: Σ = gpus × capex)
//! in service_m   = Σ_{k < m} g_k                  GPUs in month m
//! value_m        = Σ_{k < m} g_k × per-GPU value at age m − k    (depreciation, book value,
//!                                                                  capex × residual curve)
//! ```
//!
//! Without a schedule the whole fleet is one tranche at the close: the scenario as before.

use crate::Decimal;
use crate::models::ModelError;
use crate::units::{self, amount};

/// The fleet's tranches, the GPUs in service and the capex paid, by month.
pub(super) struct Deliveries {
    /// (row, GPUs) of each tranche: row 0 is the close, row `k` the end of month `k`.
    tranches: Vec<(usize, Decimal)>,
    /// GPUs in service in month index `i` (0 is month 1).
    in_service: Vec<Decimal>,
    /// Capex paid in row `k` (0 is the close), kept to 12 places.
    capex: Vec<Decimal>,
}

impl Deliveries {
    /// The schedule of `gpus` at `capex_usd_per_gpu` each, for `horizon` months; `shares`
    /// are checked (each in [0, 1], together 1, at most `horizon` of them).
    pub(super) fn new(
        gpus: Decimal,
        capex_usd_per_gpu: Decimal,
        shares: &[Decimal],
        horizon: u32,
    ) -> Result<Self, ModelError> {
        let months = usize::try_from(horizon).unwrap_or(usize::MAX);
        let total = units::mul(gpus, capex_usd_per_gpu, "fleet.capex_usd_per_gpu")?;
        if shares.is_empty() {
            return Ok(Self {
                tranches: vec![(0, gpus)],
                in_service: vec![gpus; months],
                capex: vec![total],
            });
        }
        let mut tranches = Vec::with_capacity(shares.len());
        let mut capex = Vec::with_capacity(shares.len());
        let mut paid = Decimal::ZERO;
        let last = shares.len().saturating_sub(1);
        for (row, share) in shares.iter().enumerate() {
            let tranche = units::mul(gpus, *share, "fleet.deliveries")?;
            let cost = if row == last {
                units::sub(total, paid, "fleet.deliveries")?
            } else {
                amount(units::mul(
                    tranche,
                    capex_usd_per_gpu,
                    "fleet.capex_usd_per_gpu",
                )?)
            };
            paid = units::add(paid, cost, "fleet.capex_usd_per_gpu")?;
            tranches.push((row, tranche));
            capex.push(cost);
        }
        let mut in_service = Vec::with_capacity(months);
        let mut delivered = Decimal::ZERO;
        for i in 0..months {
            if let Some((_, tranche)) = tranches.get(i) {
                delivered = units::add(delivered, *tranche, "fleet.deliveries")?;
            }
            in_service.push(delivered);
        }
        Ok(Self {
            tranches,
            in_service,
            capex,
        })
    }

    /// GPUs in service in month index `i`.
    pub(super) fn in_service(&self, i: usize) -> Decimal {
        self.in_service.get(i).copied().unwrap_or_default()
    }

    /// Capex paid in row `row` (0 is the close).
    pub(super) fn capex(&self, row: usize) -> Decimal {
        self.capex.get(row).copied().unwrap_or_default()
    }

    /// The fraction of the fleet delivered in each row, for the loan's draws.
    pub(super) fn shares(&self, gpus: Decimal) -> Result<Vec<Decimal>, ModelError> {
        self.tranches
            .iter()
            .map(|(_, tranche)| Ok(units::div(*tranche, gpus, "fleet.gpus")?))
            .collect()
    }

    /// The whole fleet's value in month index `i` from a per-GPU value by age (entry `a` is
    /// age `a + 1` months): `Σ` over the tranches in service of `g_k × per_gpu(age)`, each
    /// product kept to 12 places.
    pub(super) fn value(
        &self,
        i: usize,
        per_gpu: impl Fn(usize) -> Result<Decimal, ModelError>,
        field: &'static str,
    ) -> Result<Decimal, ModelError> {
        let mut total = Decimal::ZERO;
        for (row, gpus) in self.tranches.iter().filter(|(row, _)| *row <= i) {
            let value = amount(units::mul(per_gpu(i - row)?, *gpus, field)?);
            total = units::add(total, value, field)?;
        }
        Ok(total)
    }
}
