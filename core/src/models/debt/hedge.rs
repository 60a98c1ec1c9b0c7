//! Interest-rate hedges of a floating loan: a swap (pay fixed, receive SOFR) and a cap
//! (receive SOFR above a strike, for a premium paid at the close).
//!
//! ```text
//! notional_m        = share × B_m          (share_of_balance; B_m the balance after the draw)
//!                     or the amount stated for month m (amounts; 0 after the last)
//! swap settlement_m = swap notional_m × (fixed rate − SOFR_m) × days ÷ basis   (paid when > 0)
//! cap payout_m      = cap notional_m × max(SOFR_m − strike, 0) × days ÷ basis  (received)
//! hedge_m           = swap settlement_m − cap payout_m          (part of the month's debt service)
//! ```
//!
//! `SOFR_m` is SOFR as quoted (before the loan's floor: a swap or cap settles on the index,
//! not on the loan's floored rate); both legs accrue on the loan's own day count, so a swap
//! on the whole balance turns the loan into a fixed-rate one: interest + settlement =
//! `B × (fixed rate + spread) × days ÷ basis` while SOFR is above the floor.

use serde::{Deserialize, Serialize};

use super::accrual::Period;
use super::keep;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::{Decimal, units};

/// The notional a hedge settles on, tagged by `kind`:
/// `{ "kind": "share_of_balance", "share": 0.75 }` or
/// `{ "kind": "amounts", "usd": [5000000, 5000000] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Notional {
    /// A share of the loan's balance after each month's draw, in [0, 1] (a hedge that
    /// amortizes with the loan).
    ShareOfBalance {
        /// The share hedged.
        share: Decimal,
    },
    /// USD a month from month 1 (entry `i` is month `i + 1`, each at least 0); months
    /// after the last settle on nothing.
    Amounts {
        /// The notional of each month.
        usd: Vec<Decimal>,
    },
}

impl Validate for Notional {
    fn check(&self, c: &mut Checker) {
        match self {
            Self::ShareOfBalance { share } => c.fraction("share", *share),
            Self::Amounts { usd } => {
                for (i, value) in usd.iter().enumerate() {
                    c.at_least(&format!("usd[{i}]"), *value, Decimal::ZERO);
                }
            }
        }
    }
}

impl Notional {
    /// The notional of `month` (from 1) on a balance of `owed`, kept.
    fn in_month(&self, month: u32, owed: Decimal) -> Result<Decimal, ModelError> {
        Ok(match self {
            Self::ShareOfBalance { share } => keep(units::mul(*share, owed, "share")?),
            Self::Amounts { usd } => usize::try_from(month.saturating_sub(1))
                .ok()
                .and_then(|i| usd.get(i))
                .copied()
                .unwrap_or_default(),
        })
    }

    /// The share of the balance, or 0 for stated amounts.
    fn share(&self) -> Decimal {
        match self {
            Self::ShareOfBalance { share } => *share,
            Self::Amounts { .. } => Decimal::ZERO,
        }
    }

    /// The stated amount of `month`, or 0 for a share of the balance.
    fn amount(&self, month: u32) -> Decimal {
        match self {
            Self::ShareOfBalance { .. } => Decimal::ZERO,
            Self::Amounts { .. } => self.in_month(month, Decimal::ZERO).unwrap_or_default(),
        }
    }
}

/// An interest-rate swap: the borrower pays a fixed rate and receives SOFR on the notional
/// (net settlement each month, part of debt service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swap {
    /// The fixed rate paid, an annual rate (greater than −1).
    pub fixed_annual_rate: Decimal,
    /// What it settles on.
    pub notional: Notional,
}

/// An interest-rate cap: the borrower receives `max(SOFR − strike, 0)` on the notional each
/// month, for a premium paid at the close (a use of funds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// The strike, an annual rate (greater than −1).
    pub strike_annual_rate: Decimal,
    /// What it pays on.
    pub notional: Notional,
    /// The premium paid at the close, USD (at least 0).
    pub premium_usd: Decimal,
}

impl Validate for Swap {
    fn check(&self, c: &mut Checker) {
        if self.fixed_annual_rate <= Decimal::NEGATIVE_ONE {
            c.problem("fixed_annual_rate", "must be greater than -1 (-100 %)");
        }
        c.nested("notional", &self.notional);
    }
}

impl Validate for Cap {
    fn check(&self, c: &mut Checker) {
        if self.strike_annual_rate <= Decimal::NEGATIVE_ONE {
            c.problem("strike_annual_rate", "must be greater than -1 (-100 %)");
        }
        c.nested("notional", &self.notional);
        c.at_least("premium_usd", self.premium_usd, Decimal::ZERO);
    }
}

/// A month's hedge flows, USD, kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct HedgeMonth {
    /// The swap's net settlement, paid by the borrower when positive.
    pub(super) swap: Decimal,
    /// The cap's payout, received by the borrower (at least 0).
    pub(super) cap: Decimal,
}

impl HedgeMonth {
    /// `swap − cap`: what the hedges cost the borrower this month.
    pub(super) fn net(self) -> Result<Decimal, ModelError> {
        Ok(units::sub(self.swap, self.cap, "swap")?)
    }
}

/// The hedges of a loan.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hedges<'a> {
    /// The swap, if any.
    pub(super) swap: Option<&'a Swap>,
    /// The cap, if any.
    pub(super) cap: Option<&'a Cap>,
}

/// A month's hedge cost split into what grows with the balance and what does not:
/// `hedge = fixed + per_dollar × balance` (before keeping).
pub(super) struct HedgeRate {
    /// The cost per dollar of balance as an annual rate (swap share × (fixed − SOFR) − cap
    /// share × max(SOFR − strike, 0)).
    pub(super) per_dollar_annual: Decimal,
    /// The cost of the stated notionals as an annual amount, USD.
    pub(super) fixed_annual_usd: Decimal,
}

impl Hedges<'_> {
    /// The flows of `month` (from 1) on a balance of `owed`, with SOFR quoted at `sofr`
    /// (`None` for a fixed-rate loan: no hedge settles), over `period`.
    pub(super) fn month(
        self,
        month: u32,
        owed: Decimal,
        sofr: Option<Decimal>,
        period: Period,
    ) -> Result<HedgeMonth, ModelError> {
        let Some(sofr) = sofr else {
            return Ok(HedgeMonth::default());
        };
        let mut flows = HedgeMonth::default();
        if let Some(swap) = self.swap {
            let notional = swap.notional.in_month(month, owed)?;
            let spread = units::sub(swap.fixed_annual_rate, sofr, "swap.fixed_annual_rate")?;
            flows.swap = period.accrue(notional, spread, "swap.notional")?;
        }
        if let Some(cap) = self.cap {
            let notional = cap.notional.in_month(month, owed)?;
            let above = units::sub(sofr, cap.strike_annual_rate, "cap.strike_annual_rate")?;
            flows.cap = period.accrue(notional, above.max(Decimal::ZERO), "cap.notional")?;
        }
        Ok(flows)
    }

    /// The hedge cost of `month` as a rate on the balance plus a fixed amount (the
    /// discounting of sculpted capacity and draws), with SOFR quoted at `sofr`.
    pub(super) fn rate(self, month: u32, sofr: Option<Decimal>) -> Result<HedgeRate, ModelError> {
        let mut rate = HedgeRate {
            per_dollar_annual: Decimal::ZERO,
            fixed_annual_usd: Decimal::ZERO,
        };
        let Some(sofr) = sofr else {
            return Ok(rate);
        };
        if let Some(swap) = self.swap {
            let spread = units::sub(swap.fixed_annual_rate, sofr, "swap.fixed_annual_rate")?;
            rate.per_dollar_annual = units::mul(swap.notional.share(), spread, "swap")?;
            rate.fixed_annual_usd = units::mul(swap.notional.amount(month), spread, "swap")?;
        }
        if let Some(cap) = self.cap {
            let above = units::sub(sofr, cap.strike_annual_rate, "cap.strike_annual_rate")?
                .max(Decimal::ZERO);
            let share = units::mul(cap.notional.share(), above, "cap")?;
            let fixed = units::mul(cap.notional.amount(month), above, "cap")?;
            rate.per_dollar_annual = units::sub(rate.per_dollar_annual, share, "cap")?;
            rate.fixed_annual_usd = units::sub(rate.fixed_annual_usd, fixed, "cap")?;
        }
        Ok(rate)
    }
}
