//! [`LoanInputs`]: the terms of a loan (commitment, draws, tenor, interest, amortization,
//! fees), and their validation.

use serde::{Deserialize, Serialize};

use super::accrual::DayCount;
use super::draws::DrawSchedule;
use super::hedge::{Cap, Swap};
use super::rate::Interest;
use super::sculpt::check_sculpting;
use super::{MAX_MONTHS, check_conventions, check_term};
use crate::models::check::{Checker, Validate};
use crate::{Date, Decimal};

/// How the loan is repaid after the capitalization period, tagged by `kind`:
/// `{ "kind": "level_payment" }`, or
/// `{ "kind": "sculpted", "cfads_usd": [...], "target_dscr": 1.3 }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Amortization {
    /// An annuity: the same debt service each month (Excel's `PMT`), reset when a draw or a
    /// new rate changes it.
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    LevelPayment,
    /// Equal principal each month (straight amortization); interest falls with the balance.
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    Straight,
    /// Interest only; all the principal at maturity.
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    Bullet,
    /// Debt service = CFADS ÷ target DSCR each month. The month that repays the loan pays
    /// the whole balance when the target would leave at most a cent
    /// ([`SCULPT_TOLERANCE_USD`](super::SCULPT_TOLERANCE_USD)) owed, so its service may
    /// exceed the target by up to a cent instead of carrying dust to maturity.
    Sculpted {
        /// Cash flow available for debt service, USD a month from month 1 (entry `i` is month
        /// `i + 1`), at least `tenor_months` values; a month at or below 0 services nothing.
        cfads_usd: Vec<Decimal>,
        /// The debt service coverage ratio to keep (greater than 0; lenders ask 1.25-1.35).
        target_dscr: Decimal,
    },
}

/// Fees paid to the lender. Both default to 0.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fees {
    /// Paid at the close, as a share of the commitment, in [0, 1] (0.02 for 2 %).
    pub upfront_fee_share_of_commitment: Decimal,
    /// A year, on the undrawn commitment, each month of the availability period (at least
    /// 0; 0.005 for 0.50 %): `undrawn × rate / 12` at the end of the month.
    pub commitment_fee_annual_rate: Decimal,
}

/// Everything [`debt_schedule`](super::debt_schedule) needs: a pure description of the loan,
/// which another model can build from its series (CFADS for sculpting, a delivery
/// schedule for the draws).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoanInputs {
    /// The lender's commitment in USD (greater than 0): the most that may be drawn.
    pub commitment_usd: Decimal,
    /// Months from the close to the final maturity, 1 to [`MAX_MONTHS`]: month
    /// `tenor_months` is the last, when the balance is repaid.
    pub tenor_months: u32,
    /// The interest of months 1 to this one is capitalized (added to the balance, nothing
    /// paid): construction, while the GPUs are delivered. Amortization starts the month
    /// after. Default 0 (none); below `tenor_months`.
    #[serde(default)]
    pub capitalize_until_month: u32,
    /// When the commitment is drawn (default: all of it at the close).
    #[serde(default)]
    pub draws: DrawSchedule,
    /// The months from the close in which the loan may be drawn (1 to `tenor_months`); the
    /// commitment fee runs on the undrawn amount until its end, after which the undrawn
    /// commitment is cancelled. Default: to the month of the last draw.
    #[serde(default)]
    pub availability_months: Option<u32>,
    /// Fixed or floating.
    pub interest: Interest,
    /// Level payment, straight, bullet or sculpted.
    pub amortization: Amortization,
    /// Upfront and commitment fees (default none).
    #[serde(default)]
    pub fees: Fees,
    /// The close's date: month `m` runs from it plus `m − 1` months to it plus `m` months.
    /// Default none: every month is 30/360 (the actual day counts need it).
    #[serde(default)]
    pub start_date: Option<Date>,
    /// How interest, commitment fees and hedges count days (default: ACT/360 for a
    /// floating rate, 30/360 for a fixed one; 30/360 without a `start_date`).
    #[serde(default)]
    pub day_count: Option<DayCount>,
    /// A swap of the floating rate for a fixed one (default none; floating loans only).
    #[serde(default)]
    pub swap: Option<Swap>,
    /// A cap on SOFR (default none; floating loans only).
    #[serde(default)]
    pub cap: Option<Cap>,
}

impl LoanInputs {
    /// The availability period: as given, else to the month of the last draw (at least 1).
    pub(super) fn availability(&self) -> u32 {
        self.availability_months
            .unwrap_or_else(|| self.draws.last_month().max(1))
    }
}

impl Validate for LoanInputs {
    /// Every problem with the loan, in field order.
    ///
    /// ```
    /// use gpuecon::models::debt::LoanInputs;
    /// use gpuecon::models::Validate;
    /// let loan: LoanInputs = serde_json::from_str(r#"{
    ///   "commitment_usd": 1000000, "tenor_months": 12, "capitalize_until_month": 12,
    ///   "draws": { "kind": "amounts", "usd": [600000, 600000] },
    ///   "interest": { "kind": "fixed", "annual_rate": 0.12 },
    ///   "amortization": { "kind": "sculpted", "cfads_usd": [], "target_dscr": 0 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = loan.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, [
    ///     "capitalize_until_month", "draws.usd[1]", "amortization.cfads_usd", "amortization.target_dscr",
    /// ]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.positive("commitment_usd", self.commitment_usd);
        check_term(c, self.tenor_months, self.capitalize_until_month);
        let availability = self.availability();
        c.within("draws", |c| {
            self.draws
                .check_against(c, self.commitment_usd, self.tenor_months, availability);
        });
        if let Some(months) = self.availability_months
            && (months == 0 || months > self.tenor_months.min(MAX_MONTHS))
        {
            c.problem("availability_months", "must be between 1 and tenor_months");
        }
        c.nested("interest", &self.interest);
        if let Amortization::Sculpted {
            cfads_usd,
            target_dscr,
        } = &self.amortization
        {
            c.within("amortization", |c| {
                check_sculpting(c, cfads_usd, *target_dscr, self.tenor_months);
            });
        }
        c.nested("fees", &self.fees);
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

impl Validate for Fees {
    fn check(&self, c: &mut Checker) {
        c.fraction(
            "upfront_fee_share_of_commitment",
            self.upfront_fee_share_of_commitment,
        );
        c.at_least(
            "commitment_fee_annual_rate",
            self.commitment_fee_annual_rate,
            Decimal::ZERO,
        );
    }
}
