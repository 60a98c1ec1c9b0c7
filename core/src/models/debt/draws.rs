//! [`DrawSchedule`]: when the commitment is drawn (a GPU delivery schedule), and its checks.

use serde::{Deserialize, Serialize};

use super::keep;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::Checker;
use crate::units;

/// When the loan is drawn, tagged by `kind`. Each draw falls at the start of its month, so
/// it earns that month's interest; series start at month 1 (entry `i` is month `i + 1`),
/// and missing months draw nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum DrawSchedule {
    /// The whole commitment in month 1, at the close (the default).
    #[default]
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    AtClose,
    /// Amounts in USD, month by month (each at least 0, in all at most the commitment):
    /// the cost of the GPUs delivered each month.
    Amounts {
        /// USD drawn at the start of each month.
        usd: Vec<Decimal>,
    },
    /// Shares of the commitment, month by month (each at least 0, in all at most 1).
    Shares {
        /// The share of the commitment drawn at the start of each month.
        of_commitment: Vec<Decimal>,
    },
}

impl DrawSchedule {
    /// The series and its field name (`usd`, `of_commitment`); `None` for [`Self::AtClose`].
    fn series(&self) -> Option<(&'static str, &[Decimal])> {
        match self {
            Self::AtClose => None,
            Self::Amounts { usd } => Some(("usd", usd)),
            Self::Shares { of_commitment } => Some(("of_commitment", of_commitment)),
        }
    }

    /// The last month with a draw (1 for [`Self::AtClose`]; 0 when nothing is drawn).
    pub(super) fn last_month(&self) -> u32 {
        match self.series() {
            None => 1,
            Some((_, values)) => values
                .iter()
                .rposition(|v| !v.is_zero())
                .and_then(|i| u32::try_from(i).ok())
                .map_or(0, |i| i.saturating_add(1)),
        }
    }

    /// Records every problem with the draws (paths relative to them): negative draws, a
    /// running total above the commitment (1 for shares), draws after the availability
    /// period or the maturity, and nothing drawn at all.
    pub(super) fn check_against(
        &self,
        c: &mut Checker,
        commitment_usd: Decimal,
        tenor_months: u32,
        availability_months: u32,
    ) {
        let Some((field, values)) = self.series() else {
            return;
        };
        let limit = match self {
            Self::Shares { .. } => Decimal::ONE,
            _ => commitment_usd,
        };
        let mut total = Decimal::ZERO;
        let mut above = false;
        for (i, value) in values.iter().enumerate() {
            let path = format!("{field}[{i}]");
            let month = u32::try_from(i).map_or(u32::MAX, |i| i.saturating_add(1));
            if *value < Decimal::ZERO {
                c.problem(&path, "must be at least 0");
                continue;
            }
            if value.is_zero() {
                continue;
            }
            if month > tenor_months {
                c.problem(&path, "falls after the maturity (tenor_months)");
            } else if month > availability_months {
                c.problem(&path, "falls after the availability period");
            }
            match total.checked_add(*value) {
                Some(sum) => total = sum,
                None => {
                    c.problem(&path, "takes the total drawn beyond the largest decimal");
                    return;
                }
            }
            if total > limit && !above {
                above = true;
                c.problem(&path, "takes the total drawn above the commitment");
            }
        }
        if total.is_zero() {
            c.problem(field, "must draw more than 0 in all");
        }
    }

    /// The USD drawn at the start of months 1 to `months` (kept to
    /// [`DEBT_DECIMAL_PLACES`](super::DEBT_DECIMAL_PLACES)) of checked draws. Errors are
    /// named relative to the draws.
    pub(super) fn amounts(
        &self,
        commitment_usd: Decimal,
        months: u32,
    ) -> Result<Vec<Decimal>, ModelError> {
        let months = usize::try_from(months).unwrap_or(usize::MAX);
        let mut amounts = Vec::with_capacity(months);
        match self {
            Self::AtClose => amounts.push(keep(commitment_usd)),
            Self::Amounts { usd } => amounts.extend(usd.iter().take(months).map(|v| keep(*v))),
            Self::Shares { of_commitment } => {
                for (i, share) in of_commitment.iter().take(months).enumerate() {
                    let amount = units::mul(*share, commitment_usd, "commitment_usd")
                        .map_err(|e| ModelError::finance(&format!("of_commitment[{i}]"), e))?;
                    amounts.push(keep(amount));
                }
            }
        }
        amounts.resize(months, Decimal::ZERO);
        Ok(amounts)
    }
}
