//! [`emission_schedule`]: a token emitted every hour (an *epoch*) on a disinflationary
//! schedule up to a supply cap, as io.net's IO token (docs/domain.md section 12).
//!
//! io.net's documented rule: 500M tokens at launch, 300M more emitted hourly until the
//! supply reaches its cap of 800M. The emission of epoch `T` is the initial supply times
//! that epoch's inflation rate, which starts at 8 % a year spread over 8,760 hours and falls
//! by a fixed disinflation rate every epoch:
//!
//! ```text
//! rate₁      = r / 8760                                   r = initial_annual_inflation_rate
//! rate_T     = rate_{T−1} × (1 − d)                       d = disinflation_rate_per_epoch
//! scheduled  e_T = S₀ × rate_T = e_{T−1} × (1 − d),  e₁ = S₀ × r / 8760
//! emitted    x_T = min(e_T, cap − S₀ − Σ_{t<T} x_t)       (0 once the cap is reached)
//! supply     S_T = S₀ + Σ_{t≤T} x_t                       never above the cap
//! ```
//!
//! The published table follows: `e₁ = 500,000,000 × 0.08 / 8760 = 4,566.2100…`,
//! `e₂ = e₁ × (1 − 0.0000138869523959793) = 4,566.1466…`, `e₃ = 4,566.0832…`, shown as
//! 4,566.21, 4,566.15 and 4,566.08, with total supplies 500,004,566.21, 500,009,132.36
//! and 500,013,698.44. The disinflation rate is the one that reaches the cap in epoch
//! 175,319 (about 20 years), as published: `Σ e_T` over 175,318 epochs falls short of
//! 300M by about 400 tokens, and epoch 175,319 emits the remainder.
//!
//! - **Exactness**: the recursion runs on the emission (`e_T = e_{T−1} × (1 − d)`, which
//!   keeps all 28 digits of [`Decimal`] on an amount of thousands) rather than on the
//!   rate (whose leading zeros would cost five digits); each epoch's emission is kept to
//!   [`KEPT_DECIMAL_PLACES`](super::KEPT_DECIMAL_PLACES) places before it is added, so the
//!   supply is an exact sum and never passes the cap. The reported rate is `e_T / S₀`.
//! - **Periods**: epochs are reported in rows of `epochs_per_period` (1 for the hourly
//!   table, 730 for months, 8,760 for years) from `first_epoch`, for `periods` rows. Every
//!   epoch from the first is computed, at most [`MAX_EPOCHS`].

use serde::{Deserialize, Serialize};

use super::kept;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, HOURS_PER_YEAR, MAX_MONTHS};

/// The last epoch a schedule computes: 100 years of hours (1,200 months of 730 hours).
pub const MAX_EPOCHS: u32 = 876_000;

/// What [`emission_schedule`] needs. An epoch is an hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmissionScheduleInputs {
    /// Tokens at launch, before any emission (greater than 0; io.net: 500,000,000).
    pub initial_supply_tokens: Decimal,
    /// The supply cap (greater than the initial supply; io.net: 800,000,000).
    pub max_supply_tokens: Decimal,
    /// The first year's inflation as a share of the initial supply (at least 0; io.net:
    /// 0.08). The first epoch's rate is this over 8,760 hours.
    pub initial_annual_inflation_rate: Decimal,
    /// The fall of the rate every epoch, a fraction in [0, 1] (io.net:
    /// 0.0000138869523959793).
    pub disinflation_rate_per_epoch: Decimal,
    /// The first epoch reported (at least 1; default 1). Earlier epochs are computed, not
    /// reported.
    #[serde(default = "first_epoch")]
    pub first_epoch: u32,
    /// Epochs in each reported row (greater than 0): 1 hourly, 730 monthly, 8,760 yearly.
    pub epochs_per_period: u32,
    /// Rows reported, 1 to [`MAX_MONTHS`]; the last epoch,
    /// `first_epoch − 1 + epochs_per_period × periods`, is at most [`MAX_EPOCHS`].
    pub periods: u32,
}

/// The default first epoch.
const fn first_epoch() -> u32 {
    1
}

/// One row of an [`EmissionSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmissionPeriod {
    /// The row, from 1.
    pub period: u32,
    /// Its first epoch.
    pub first_epoch: u32,
    /// Its last epoch.
    pub last_epoch: u32,
    /// Tokens emitted in its epochs.
    pub emitted_tokens: Decimal,
    /// Tokens emitted in its last epoch (0 once the cap is reached).
    pub last_epoch_emitted_tokens: Decimal,
    /// The scheduled rate of its last epoch, `e_T / S₀` (a share of the initial supply).
    pub last_epoch_inflation_rate: Decimal,
    /// The supply at the end of its last epoch.
    pub total_supply_tokens: Decimal,
}

/// The result of [`emission_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmissionSchedule {
    /// The rows.
    pub periods: Vec<EmissionPeriod>,
    /// Tokens emitted in the reported rows (their sum).
    pub emitted_tokens: Decimal,
    /// The supply at the end of the last reported epoch.
    pub total_supply_tokens: Decimal,
    /// The epoch whose emission brings the supply to the cap, when it is at most the last
    /// reported epoch; `None` otherwise.
    pub cap_reached_epoch: Option<u32>,
}

impl EmissionScheduleInputs {
    /// io.net's published schedule (docs.io.net, "Token Emission Schedule"): 500M IO at
    /// launch, a cap of 800M, 8 % in the first year, a disinflation rate of
    /// 0.0000138869523959793 an hour; reported from epoch 1 in `periods` rows of
    /// `epochs_per_period` hours.
    ///
    /// # Example
    /// The published first three hours: 4,566.21, 4,566.15 and 4,566.08 IO.
    /// ```
    /// use gpuecon::models::networks::{emission_schedule, EmissionScheduleInputs};
    /// use gpuecon::Decimal;
    /// let schedule = emission_schedule(&EmissionScheduleInputs::io_net(1, 3))?;
    /// let hourly: Vec<Decimal> = schedule.periods.iter()
    ///     .map(|p| p.emitted_tokens.round_dp(2)).collect();
    /// assert_eq!(hourly, [Decimal::new(456_621, 2), Decimal::new(456_615, 2), Decimal::new(456_608, 2)]);
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    #[must_use]
    pub fn io_net(epochs_per_period: u32, periods: u32) -> Self {
        Self {
            initial_supply_tokens: Decimal::from(500_000_000),
            max_supply_tokens: Decimal::from(800_000_000),
            initial_annual_inflation_rate: Decimal::new(8, 2),
            disinflation_rate_per_epoch: Decimal::new(138_869_523_959_793, 19),
            first_epoch: 1,
            epochs_per_period,
            periods,
        }
    }

    /// The last epoch computed, when it is at most [`MAX_EPOCHS`].
    fn last_epoch(&self) -> Option<u32> {
        let span = u64::from(self.epochs_per_period) * u64::from(self.periods);
        let last = u64::from(self.first_epoch.max(1)) - 1 + span;
        u32::try_from(last).ok().filter(|l| *l <= MAX_EPOCHS)
    }
}

impl Validate for EmissionScheduleInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::networks::EmissionScheduleInputs;
    /// use gpuecon::models::Validate;
    /// let mut inputs = EmissionScheduleInputs::io_net(1, 3);
    /// inputs.disinflation_rate_per_epoch = gpuecon::Decimal::TWO;
    /// inputs.periods = 0;
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["disinflation_rate_per_epoch", "periods"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.positive("initial_supply_tokens", self.initial_supply_tokens);
        if self.max_supply_tokens <= self.initial_supply_tokens {
            c.problem(
                "max_supply_tokens",
                "must be greater than initial_supply_tokens",
            );
        }
        c.at_least(
            "initial_annual_inflation_rate",
            self.initial_annual_inflation_rate,
            Decimal::ZERO,
        );
        c.fraction(
            "disinflation_rate_per_epoch",
            self.disinflation_rate_per_epoch,
        );
        if self.first_epoch == 0 {
            c.problem("first_epoch", "must be at least 1");
        }
        c.nonzero("epochs_per_period", self.epochs_per_period);
        if self.periods == 0 || self.periods > MAX_MONTHS {
            c.problem("periods", "must be between 1 and 1200");
        } else if self.last_epoch().is_none() {
            c.problem(
                "periods",
                "reaches past epoch 876,000 (first_epoch − 1 + epochs_per_period × periods)",
            );
        }
    }
}

/// A token's emissions epoch by epoch up to its cap, reported in rows (see the
/// [module docs](self) for the rule).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field: `max_supply_tokens` not above the initial supply, `disinflation_rate_per_epoch`
/// outside [0, 1], `periods` beyond epoch [`MAX_EPOCHS`]); [`ModelError::Finance`] when an
/// amount overflows a [`Decimal`].
///
/// # Example
/// io.net by year: the first year emits 37.66M IO (8 % of 500M would be 40M, less the
/// disinflation: `e₁ × (1 − q^8760) / d = 37,662,980.66…` with `q = 1 − d`).
/// ```
/// use gpuecon::models::networks::{emission_schedule, EmissionScheduleInputs};
/// use gpuecon::Decimal;
/// let schedule = emission_schedule(&EmissionScheduleInputs::io_net(8760, 1))?;
/// assert_eq!(schedule.emitted_tokens.round_dp(0), Decimal::from(37_662_981));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn emission_schedule(inputs: &EmissionScheduleInputs) -> Result<EmissionSchedule, ModelError> {
    inputs.ensure_valid()?;
    let Some(last_epoch) = inputs.last_epoch() else {
        return Err(ModelError::domain("periods", "reaches past epoch 876,000"));
    };
    let initial = inputs.initial_supply_tokens;
    let room = units::sub(inputs.max_supply_tokens, initial, "max_supply_tokens")?;
    let decay = units::sub(
        Decimal::ONE,
        inputs.disinflation_rate_per_epoch,
        "disinflation_rate_per_epoch",
    )?;
    let first_year = units::mul(
        initial,
        inputs.initial_annual_inflation_rate,
        "initial_annual_inflation_rate",
    )?;
    let mut scheduled = units::div(first_year, HOURS_PER_YEAR, "initial_annual_inflation_rate")?;

    let mut emitted_since_launch = Decimal::ZERO;
    let mut cap_reached_epoch = None;
    let mut periods = Vec::new();
    let mut row_emitted = Decimal::ZERO;
    let mut reported = Decimal::ZERO;
    for epoch in 1..=last_epoch {
        if epoch > 1 {
            scheduled = units::mul(scheduled, decay, "disinflation_rate_per_epoch")?;
        }
        let left = units::sub(room, emitted_since_launch, "max_supply_tokens")?;
        let emitted = kept(scheduled).min(left);
        emitted_since_launch = units::add(emitted_since_launch, emitted, "max_supply_tokens")?;
        if cap_reached_epoch.is_none() && emitted_since_launch == room {
            cap_reached_epoch = Some(epoch);
        }
        if epoch < inputs.first_epoch {
            continue;
        }
        row_emitted = units::add(row_emitted, emitted, "max_supply_tokens")?;
        reported = units::add(reported, emitted, "max_supply_tokens")?;
        let offset = epoch - inputs.first_epoch + 1;
        if offset % inputs.epochs_per_period == 0 {
            let period = offset / inputs.epochs_per_period;
            periods.push(EmissionPeriod {
                period,
                first_epoch: epoch + 1 - inputs.epochs_per_period,
                last_epoch: epoch,
                emitted_tokens: row_emitted,
                last_epoch_emitted_tokens: emitted,
                last_epoch_inflation_rate: units::div(scheduled, initial, "initial_supply_tokens")?,
                total_supply_tokens: units::add(
                    initial,
                    emitted_since_launch,
                    "max_supply_tokens",
                )?,
            });
            row_emitted = Decimal::ZERO;
        }
    }
    Ok(EmissionSchedule {
        periods,
        emitted_tokens: reported,
        total_supply_tokens: units::add(initial, emitted_since_launch, "max_supply_tokens")?,
        cap_reached_epoch,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn the_published_first_hours() {
        let schedule = emission_schedule(&EmissionScheduleInputs::io_net(1, 6)).unwrap();
        // e₁ = 500,000,000 × 0.08 / 8760 = 40,000,000 / 8760 = 4,566.210045662100456621004566...
        //      (kept to 18 places: 4,566.210045662100456621)
        // e₂ = e₁ × (1 − 0.0000138869523959793) = e₁ − 0.063410741...  = 4,566.146634920567...
        // e₃ = e₂ × (1 − d) = 4,566.083225059614...;  e₄ = 4,566.019816079231...
        // e₅ = 4,565.956407979406...;                e₆ = 4,565.893000760127...
        // Published: 4,566.21, 4,566.15, 4,566.08, 4,566.02, 4,565.96, 4,565.89.
        let hourly: Vec<Decimal> = schedule
            .periods
            .iter()
            .map(|p| p.emitted_tokens.round_dp(2))
            .collect();
        let published = [
            "4566.21", "4566.15", "4566.08", "4566.02", "4565.96", "4565.89",
        ];
        assert_eq!(hourly, published.map(d));
        let first = &schedule.periods[0];
        assert_eq!(first.emitted_tokens, d("4566.210045662100456621"));
        // Supply: 500,000,000 + 4,566.2100456621 = 500,004,566.21;
        // + 4,566.1466349206 = 500,009,132.3566805827 → 500,009,132.36;
        // + 4,566.0832250596 = 500,013,698.4399056423 → 500,013,698.44;
        // then 500,018,264.46, 500,022,830.42, 500,027,396.31 (published).
        let supplies: Vec<Decimal> = schedule
            .periods
            .iter()
            .map(|p| p.total_supply_tokens.round_dp(2))
            .collect();
        let published = [
            "500004566.21",
            "500009132.36",
            "500013698.44",
            "500018264.46",
            "500022830.42",
            "500027396.31",
        ];
        assert_eq!(supplies, published.map(d));
        // Rates, published in percent: 0.0009132420091324200000 % (8 % / 8760) and
        // 0.00091322932698411300 %.
        assert_eq!(
            (first.last_epoch_inflation_rate * Decimal::ONE_HUNDRED).round_dp(22),
            d("0.0009132420091324200913")
        );
        assert_eq!(
            (schedule.periods[1].last_epoch_inflation_rate * Decimal::ONE_HUNDRED).round_dp(20),
            d("0.00091322932698411326")
        );
        assert_eq!(schedule.cap_reached_epoch, None);
    }

    #[test]
    fn the_cap_is_reached_in_epoch_175319() {
        // Σ_{T≤N} e_T = e₁ (1 − q^N) / d reaches 300,000,000 at N = 175,318.9999985 (solved
        // with logarithms): epoch 175,319 emits the last tokens and the supply stops at 800M.
        let schedule = emission_schedule(&EmissionScheduleInputs::io_net(8760, 21)).unwrap();
        assert_eq!(schedule.cap_reached_epoch, Some(175_319));
        assert_eq!(schedule.total_supply_tokens, Decimal::from(800_000_000));
        assert_eq!(schedule.emitted_tokens, Decimal::from(300_000_000));
        // Year 21 (epochs 175,201-183,960) emits the last of it, and then nothing.
        let year_21 = &schedule.periods[20];
        assert_eq!(year_21.last_epoch_emitted_tokens, Decimal::ZERO);
        assert!(year_21.emitted_tokens > Decimal::ZERO);
        // The rows add up to the total.
        let sum: Decimal = schedule.periods.iter().map(|p| p.emitted_tokens).sum();
        assert_eq!(sum, schedule.emitted_tokens);
    }

    #[test]
    fn a_small_schedule_by_hand() {
        // S₀ = 1,000, cap 1,000.5, r = 8.76 (so e₁ = 1000 × 8.76 / 8760 = 1), d = 0.5:
        // scheduled 1, 0.5, 0.25, ...; room 0.5: epoch 1 emits min(1, 0.5) = 0.5 and the cap is
        // reached at once; later epochs emit 0.
        let inputs = EmissionScheduleInputs {
            initial_supply_tokens: d("1000"),
            max_supply_tokens: d("1000.5"),
            initial_annual_inflation_rate: d("8.76"),
            disinflation_rate_per_epoch: d("0.5"),
            first_epoch: 1,
            epochs_per_period: 2,
            periods: 2,
        };
        let schedule = emission_schedule(&inputs).unwrap();
        assert_eq!(schedule.cap_reached_epoch, Some(1));
        assert_eq!(schedule.periods[0].emitted_tokens, d("0.5"));
        assert_eq!(schedule.periods[0].last_epoch_emitted_tokens, Decimal::ZERO);
        // Epoch 2's scheduled rate: 1 × 0.5 / 1000 = 0.0005; epoch 4's: 0.125 / 1000.
        assert_eq!(schedule.periods[0].last_epoch_inflation_rate, d("0.0005"));
        assert_eq!(schedule.periods[1].last_epoch_inflation_rate, d("0.000125"));
        assert_eq!(schedule.total_supply_tokens, d("1000.5"));

        // With room for all of it and rows from epoch 2: e₂ + e₃ = 0.5 + 0.25 = 0.75.
        let inputs = EmissionScheduleInputs {
            max_supply_tokens: d("2000"),
            first_epoch: 2,
            periods: 1,
            ..inputs
        };
        let schedule = emission_schedule(&inputs).unwrap();
        assert_eq!(
            (
                schedule.periods[0].first_epoch,
                schedule.periods[0].last_epoch
            ),
            (2, 3)
        );
        assert_eq!(schedule.emitted_tokens, d("0.75"));
        // The supply counts epoch 1 too: 1000 + 1 + 0.75.
        assert_eq!(schedule.total_supply_tokens, d("1001.75"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut inputs = EmissionScheduleInputs::io_net(1, 1);
        inputs.max_supply_tokens = inputs.initial_supply_tokens;
        assert_eq!(
            emission_schedule(&inputs).unwrap_err().field(),
            "max_supply_tokens"
        );
        let mut inputs = EmissionScheduleInputs::io_net(0, 1);
        inputs.first_epoch = 0;
        let fields: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(fields, ["first_epoch", "epochs_per_period"]);
        // 8760 × 101 epochs is past 876,000.
        let too_long = EmissionScheduleInputs::io_net(8760, 101);
        assert_eq!(emission_schedule(&too_long).unwrap_err().field(), "periods");
        let too_late = EmissionScheduleInputs {
            first_epoch: u32::MAX,
            ..EmissionScheduleInputs::io_net(1, 1)
        };
        assert_eq!(emission_schedule(&too_late).unwrap_err().field(), "periods");
    }

    #[test]
    fn overflow_is_an_error() {
        let inputs = EmissionScheduleInputs {
            initial_supply_tokens: Decimal::MAX / Decimal::TWO,
            max_supply_tokens: Decimal::MAX,
            initial_annual_inflation_rate: Decimal::ONE_HUNDRED,
            disinflation_rate_per_epoch: Decimal::ZERO,
            first_epoch: 1,
            epochs_per_period: 1,
            periods: 1,
        };
        let err = emission_schedule(&inputs).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "initial_annual_inflation_rate");
    }
}
