//! The lender's recovery if the borrower defaults in a month: the collateral sold at a
//! haircut, less the costs of selling it, up to the balance owed.

use serde::{Deserialize, Serialize};

use super::Liquidation;
use crate::units;
use crate::{Decimal, FinanceError};

/// What the lender recovers if the borrower defaults in a month and the GPUs are sold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// `max(0, value × (1 − haircut) − costs)`.
    pub liquidation_value_usd: Decimal,
    /// `min(balance, liquidation value)`.
    pub recovery_usd: Decimal,
    /// `recovery ÷ balance`; `null` when nothing is owed.
    pub recovery_rate: Option<Decimal>,
    /// `balance − recovery`.
    pub loss_usd: Decimal,
}

impl Liquidation {
    /// The recovery on `balance_usd` owed against collateral worth `value_usd`.
    pub(super) fn recover(
        &self,
        value_usd: Decimal,
        balance_usd: Decimal,
    ) -> Result<Recovery, FinanceError> {
        let kept = units::sub(Decimal::ONE, self.haircut, "liquidation.haircut")?;
        let sold = units::mul(value_usd, kept, "liquidation.haircut")?;
        let net = units::sub(sold, self.costs_usd, "liquidation.costs_usd")?;
        let liquidation_value_usd = net.max(Decimal::ZERO);
        let recovery_usd = balance_usd.min(liquidation_value_usd);
        let recovery_rate = if balance_usd.is_zero() {
            None
        } else {
            Some(units::div(recovery_usd, balance_usd, "balance_usd")?)
        };
        Ok(Recovery {
            liquidation_value_usd,
            recovery_usd,
            recovery_rate,
            loss_usd: units::sub(balance_usd, recovery_usd, "balance_usd")?,
        })
    }
}
