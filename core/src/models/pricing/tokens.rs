//! Token prices and training-run costs (formulas in the [`pricing`](super) module docs).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// Seconds in an hour.
const SECONDS_PER_HOUR: Decimal = Decimal::from_parts(3_600, 0, 0, false, 0);
/// Tokens in a million.
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Everything [`token_price`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenPriceInputs {
    /// The price of a GPU-hour in USD (at least 0).
    pub usd_per_gpu_hour: Decimal,
    /// Tokens generated per second by one GPU while it serves (greater than 0).
    pub tokens_per_second: Decimal,
    /// Share of the paid hours spent serving, in (0, 1].
    pub utilization: Decimal,
}

/// The price of a million tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenPrice {
    /// Tokens one paid GPU-hour yields: `tokens_per_second × 3600 × utilization`.
    pub tokens_per_gpu_hour: Decimal,
    /// `usd_per_gpu_hour × 1e6 ÷ tokens_per_gpu_hour`.
    pub usd_per_million_tokens: Decimal,
}

/// Everything [`training_run_cost`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingRunInputs {
    /// FLOPs the run needs (at least 0; about 6 × parameters × tokens for a transformer).
    pub total_flops: Decimal,
    /// Peak FLOP/s of one GPU at the run's precision (greater than 0; an H100 SXM: 989e12
    /// dense BF16).
    pub peak_flops_per_second: Decimal,
    /// Model FLOPs utilization, achieved ÷ peak FLOP/s, in (0, 1] (a median of 37.5 %
    /// across published training runs).
    pub mfu: Decimal,
    /// The price of a GPU-hour in USD (at least 0).
    pub usd_per_gpu_hour: Decimal,
}

/// What a training run costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRunCost {
    /// `total_flops ÷ (peak_flops_per_second × mfu) ÷ 3600`.
    pub gpu_hours: Decimal,
    /// `gpu_hours × usd_per_gpu_hour`.
    pub cost_usd: Decimal,
}

/// `(0, 1]`: a fraction that is not 0.
fn positive_fraction(c: &mut Checker, field: &str, value: Decimal) {
    if value <= Decimal::ZERO || value > Decimal::ONE {
        c.problem(field, "must be greater than 0 and at most 1");
    }
}

impl Validate for TokenPriceInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least("usd_per_gpu_hour", self.usd_per_gpu_hour, Decimal::ZERO);
        c.positive("tokens_per_second", self.tokens_per_second);
        positive_fraction(c, "utilization", self.utilization);
    }
}

impl Validate for TrainingRunInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least("total_flops", self.total_flops, Decimal::ZERO);
        c.positive("peak_flops_per_second", self.peak_flops_per_second);
        positive_fraction(c, "mfu", self.mfu);
        c.at_least("usd_per_gpu_hour", self.usd_per_gpu_hour, Decimal::ZERO);
    }
}

/// The price of a million tokens from the price of a GPU-hour.
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] on
/// `tokens_per_second` when it is not greater than 0, `utilization` outside (0, 1],
/// `usd_per_gpu_hour` when negative); [`ModelError::Finance`] on overflow.
///
/// # Example
/// The published example: an H100 at $2.00 an hour serving 85 tokens/s all the time costs
/// `2 / (85 × 3600) × 1e6 = 1000/153 = $6.5359...` per million tokens.
///
/// ```
/// use gpuecon::models::pricing::{token_price, TokenPriceInputs};
/// use gpuecon::Decimal;
/// let inputs = TokenPriceInputs {
///     usd_per_gpu_hour: Decimal::TWO,
///     tokens_per_second: Decimal::from(85),
///     utilization: Decimal::ONE,
/// };
/// let price = token_price(&inputs)?;
/// assert_eq!(price.tokens_per_gpu_hour, Decimal::from(306_000));
/// assert_eq!(price.usd_per_million_tokens.round_dp(2), Decimal::new(654, 2));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn token_price(inputs: &TokenPriceInputs) -> Result<TokenPrice, ModelError> {
    inputs.ensure_valid()?;
    let per_hour = units::mul(
        inputs.tokens_per_second,
        SECONDS_PER_HOUR,
        "tokens_per_second",
    )?;
    let tokens = units::mul(per_hour, inputs.utilization, "utilization")?;
    let per_million = units::mul(inputs.usd_per_gpu_hour, MILLION, "usd_per_gpu_hour")?;
    Ok(TokenPrice {
        tokens_per_gpu_hour: tokens,
        usd_per_million_tokens: units::div(per_million, tokens, "tokens_per_second")?,
    })
}

/// The GPU-hours and the cost of a training run.
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] on
/// `peak_flops_per_second` when not greater than 0, `mfu` outside (0, 1], a negative
/// `total_flops` or `usd_per_gpu_hour`); [`ModelError::Finance`] on overflow.
///
/// # Example
/// 1e24 FLOPs on GPUs of 1e15 peak FLOP/s at 50 % MFU: 2e9 GPU-seconds, 555,555.5...
/// GPU-hours; at $2 an hour, $1,111,111.11.
///
/// ```
/// use gpuecon::models::pricing::{training_run_cost, TrainingRunInputs};
/// use gpuecon::Decimal;
/// let inputs: TrainingRunInputs = serde_json::from_str(r#"{
///   "total_flops": "1e24", "peak_flops_per_second": "1e15", "mfu": "0.5", "usd_per_gpu_hour": "2"
/// }"#).unwrap();
/// let run = training_run_cost(&inputs)?;
/// assert_eq!(run.gpu_hours.round_dp(1), Decimal::new(5_555_556, 1));
/// assert_eq!(run.cost_usd.round_dp(2), Decimal::new(111_111_111, 2));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn training_run_cost(inputs: &TrainingRunInputs) -> Result<TrainingRunCost, ModelError> {
    inputs.ensure_valid()?;
    let achieved = units::mul(inputs.peak_flops_per_second, inputs.mfu, "mfu")?;
    let per_hour = units::mul(achieved, SECONDS_PER_HOUR, "peak_flops_per_second")?;
    let gpu_hours = units::div(inputs.total_flops, per_hour, "peak_flops_per_second")?;
    Ok(TrainingRunCost {
        gpu_hours,
        cost_usd: units::mul(gpu_hours, inputs.usd_per_gpu_hour, "usd_per_gpu_hour")?,
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
    fn the_published_h100_example() {
        // 2 / (85 × 3600 × 1) × 1e6 = 2,000,000 / 306,000 = 1000/153 = 6.5359477124183006535...
        let price = token_price(&TokenPriceInputs {
            usd_per_gpu_hour: d("2.00"),
            tokens_per_second: d("85"),
            utilization: Decimal::ONE,
        })
        .unwrap();
        // (correctly rounded to Decimal's 28 places)
        assert_eq!(
            price.usd_per_million_tokens,
            d("6.5359477124183006535947712418")
        );
        // At 50 % of the paid hours, twice as much: 2,000,000 / 153,000 = 13.0718954...
        let half = token_price(&TokenPriceInputs {
            usd_per_gpu_hour: d("2.00"),
            tokens_per_second: d("85"),
            utilization: d("0.5"),
        })
        .unwrap();
        assert_eq!(half.tokens_per_gpu_hour, d("153000"));
        let exact = d("13.0718954248366013071895424836");
        assert!((half.usd_per_million_tokens - exact).abs() <= d("1e-26"));
    }

    #[test]
    fn a_frontier_run() {
        // 1e26 FLOPs at 989e12 × 0.4 = 395.6e12 FLOP/s: 1e26 / 395.6e12 = 252,780,586,450.9...
        // seconds, / 3600 = 70,216,829.569... GPU-hours; × $2 = $140,433,659.14...
        let run = training_run_cost(&TrainingRunInputs {
            total_flops: d("100000000000000000000000000"),
            peak_flops_per_second: d("989000000000000"),
            mfu: d("0.4"),
            usd_per_gpu_hour: d("2"),
        })
        .unwrap();
        // exactly 1e26 / 1,424,160,000,000,000,000 = 1e8 / 1.42416 = 70,216,829.569...
        let expected = d("100000000") / d("1.42416");
        assert_eq!(run.gpu_hours, expected);
        assert_eq!(run.cost_usd.round_dp(2), d("140433659.14"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let zero_tps = TokenPriceInputs {
            usd_per_gpu_hour: d("-1"),
            tokens_per_second: Decimal::ZERO,
            utilization: Decimal::ZERO,
        };
        let all: Vec<_> = zero_tps
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            ["usd_per_gpu_hour", "tokens_per_second", "utilization"]
        );

        let overflow = TrainingRunInputs {
            total_flops: Decimal::MAX,
            peak_flops_per_second: Decimal::MAX,
            mfu: Decimal::ONE,
            usd_per_gpu_hour: Decimal::ONE,
        };
        let err = training_run_cost(&overflow).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "peak_flops_per_second")
        );
    }
}
