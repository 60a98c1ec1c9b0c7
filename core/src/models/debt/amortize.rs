//! One month of amortization: how the month's interest is split between paid and
//! capitalized, and how much principal the method repays.

use super::keep;
use super::sculpt::{SCULPT_TOLERANCE_USD, target_service};
use super::terms::{Amortization, LoanInputs};
use crate::Decimal;
use crate::finance;
use crate::models::ModelError;
use crate::units::{self, MONTHS_PER_YEAR};

/// A month's interest and principal.
pub(super) struct Split {
    /// Interest added to the balance.
    pub(super) capitalized: Decimal,
    /// Interest paid at the end of the month.
    pub(super) interest_paid: Decimal,
    /// Principal repaid at the end of the month.
    pub(super) principal: Decimal,
}

/// The amortization of one loan, month after month: it remembers the installment (the
/// level payment, or the straight principal) and the rate it was set at.
pub(super) struct Amortizer<'a> {
    method: &'a Amortization,
    tenor_months: u32,
    capitalize_until_month: u32,
    installment: Decimal,
    /// The annual rate when the installment was set; `None` before the first time.
    set_at_rate: Option<Decimal>,
}

impl<'a> Amortizer<'a> {
    /// The amortization of `loan`, before its first month.
    pub(super) const fn new(loan: &'a LoanInputs) -> Self {
        Self {
            method: &loan.amortization,
            tenor_months: loan.tenor_months,
            capitalize_until_month: loan.capitalize_until_month,
            installment: Decimal::ZERO,
            set_at_rate: None,
        }
    }

    /// Month `month` of a checked loan: `owed` is the balance after the month's draw,
    /// `interest` the month's interest on it at `annual_rate`, `hedge` the hedges' net
    /// cost (paid in full: a sculpted service pays it first).
    pub(super) fn month(
        &mut self,
        month: u32,
        owed: Decimal,
        interest: Decimal,
        hedge: Decimal,
        annual_rate: Decimal,
        draw: Decimal,
    ) -> Result<Split, ModelError> {
        if month <= self.capitalize_until_month {
            return Ok(Split {
                capitalized: interest,
                interest_paid: Decimal::ZERO,
                principal: Decimal::ZERO,
            });
        }
        let paid = |principal| Split {
            capitalized: Decimal::ZERO,
            interest_paid: interest,
            principal,
        };
        if month >= self.tenor_months {
            self.check_last_payment(month, owed, units::add(interest, hedge, "swap")?)?;
            return Ok(paid(owed));
        }
        let remaining = Decimal::from(self.tenor_months - month + 1);
        // The installment is set in the first month of amortization and reset by a draw
        // (and, for a level payment, by a new rate).
        let reset = draw > Decimal::ZERO || self.set_at_rate.is_none();
        Ok(match self.method {
            Amortization::Bullet => paid(Decimal::ZERO),
            Amortization::Straight => {
                if reset {
                    self.installment = keep(units::div(owed, remaining, "tenor_months")?);
                    self.set_at_rate = Some(annual_rate);
                }
                paid(self.installment.min(owed))
            }
            Amortization::LevelPayment => {
                if reset || self.set_at_rate != Some(annual_rate) {
                    let rate = units::div(annual_rate, MONTHS_PER_YEAR, "interest")?;
                    let payment = finance::pmt(rate, remaining, -owed, None, None)
                        .map_err(|e| ModelError::finance("amortization", e))?;
                    self.installment = keep(payment);
                    self.set_at_rate = Some(annual_rate);
                }
                let principal = units::sub(self.installment, interest, "amortization")?;
                paid(principal.max(Decimal::ZERO).min(owed))
            }
            Amortization::Sculpted {
                cfads_usd,
                target_dscr,
            } => {
                let target = self.sculpted_service(cfads_usd, *target_dscr, month)?;
                // The hedges are paid first; the rest of the target serves the loan.
                let service = units::sub(target, hedge, "amortization.cfads_usd")?;
                if service < interest {
                    // The service does not cover the interest: the rest is capitalized.
                    let paid = service.max(Decimal::ZERO);
                    Split {
                        capitalized: units::sub(interest, paid, "amortization.cfads_usd")?,
                        interest_paid: paid,
                        principal: Decimal::ZERO,
                    }
                } else {
                    let principal = units::sub(service, interest, "amortization.cfads_usd")?;
                    // A payment within the sculpting tolerance (a cent) of the balance repays
                    // it: otherwise the 12-place rounding can leave dust owed to maturity.
                    let dust = units::sub(owed, principal, "amortization.cfads_usd")?;
                    paid(if dust <= SCULPT_TOLERANCE_USD {
                        owed
                    } else {
                        principal
                    })
                }
            }
        })
    }

    /// `max(CFADS, 0) ÷ target DSCR` in `month`.
    fn sculpted_service(
        &self,
        cfads_usd: &[Decimal],
        target_dscr: Decimal,
        month: u32,
    ) -> Result<Decimal, ModelError> {
        let index = usize::try_from(month.saturating_sub(1)).unwrap_or(usize::MAX);
        let cfads = cfads_usd.get(index).copied().ok_or_else(|| {
            ModelError::domain(
                "amortization.cfads_usd",
                "must hold a value for each month to maturity (tenor_months values)",
            )
        })?;
        target_service(cfads, target_dscr)
            .map_err(|e| ModelError::finance("amortization.target_dscr", e))
    }

    /// A sculpted loan's last payment (interest and hedges + the whole balance) may exceed the target
    /// service by at most [`SCULPT_TOLERANCE_USD`]; more means the loan is above its
    /// capacity.
    fn check_last_payment(
        &self,
        month: u32,
        owed: Decimal,
        interest: Decimal,
    ) -> Result<(), ModelError> {
        let Amortization::Sculpted {
            cfads_usd,
            target_dscr,
        } = self.method
        else {
            return Ok(());
        };
        let service = self.sculpted_service(cfads_usd, *target_dscr, month)?;
        let due = units::add(owed, interest, "amortization")?;
        if units::sub(due, service, "amortization")? > SCULPT_TOLERANCE_USD {
            return Err(ModelError::domain(
                "amortization.target_dscr",
                "leaves the loan unpaid at maturity: CFADS / target DSCR repays less than the loan (see sculpted_debt_capacity)",
            ));
        }
        Ok(())
    }
}
