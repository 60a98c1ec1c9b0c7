//! [`burn_mint`]: a burn-and-mint equilibrium, as Render's (RNP-001; docs/domain.md
//! section 12). Jobs are priced in USD; the client burns tokens worth the job at the
//! token's market price, after a fee kept by the network's operator (5 % on Render); the
//! network mints a fixed emission each period, independently of the burn, to node
//! operators and its other stakeholders.
//!
//! For period `i`, with jobs `Jᵢ` in USD, token price `Pᵢ`, fee `f` and emission `M`:
//!
//! ```text
//! fee            Fᵢ = Jᵢ × f
//! burned (USD)   Bᵢ = Jᵢ − Fᵢ                    = Jᵢ × (1 − f)
//! burned tokens  bᵢ = Bᵢ / Pᵢ
//! net change     Δᵢ = M − bᵢ                     (> 0 inflation, < 0 deflation)
//! supply         Sᵢ = Sᵢ₋₁ + Δᵢ                  (S₀ the initial supply)
//! equilibrium    Pᵢ* = Bᵢ / M                    (bᵢ = M exactly when Pᵢ = Pᵢ*)
//! node operators rewardsᵢ = node operators' tokens × Pᵢ  (in USD)
//! ```
//!
//! Above the equilibrium price a job burns fewer tokens than are minted and the supply
//! grows; below it the supply shrinks (RNP-001's "10,000 burned against 10,000 minted").
//! Render's year-1 emissions were 9,126,804 tokens, 760,567 a month, of which 190,142 a
//! month went to node operators.
//!
//! Burned tokens are kept to [`KEPT_DECIMAL_PLACES`](super::KEPT_DECIMAL_PLACES), so the
//! supply is the exact sum of its changes; the equilibrium price is not rounded. A period
//! that would burn more tokens than the supply holds is an error: its clients could not
//! buy them.

use serde::{Deserialize, Serialize};

use super::{check_periods, kept};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// One period's demand and price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BurnMintPeriod {
    /// Jobs paid for in the period, in USD (at least 0).
    pub jobs_usd: Decimal,
    /// The token's market price in USD at which they burn (greater than 0).
    pub token_price_usd: Decimal,
}

/// What [`burn_mint`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BurnMintInputs {
    /// The supply before the first period (at least 0).
    pub initial_supply_tokens: Decimal,
    /// Tokens minted each period, whatever is burned (at least 0; Render's year 1:
    /// 760,567 a month).
    pub minted_tokens_per_period: Decimal,
    /// The node operators' part of the emission (between 0 and the emission; default 0;
    /// Render's year 1: 190,142 a month).
    #[serde(default)]
    pub node_operator_tokens_per_period: Decimal,
    /// The share of each job kept as a fee and not burned, in [0, 1] (Render: 0.05).
    pub fee_rate: Decimal,
    /// The periods, 1 to [`MAX_MONTHS`](crate::units::MAX_MONTHS) of them.
    pub periods: Vec<BurnMintPeriod>,
}

/// One period of a [`BurnMint`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurnMintResult {
    /// The period, from 1.
    pub period: u32,
    /// Jobs paid for, in USD.
    pub jobs_usd: Decimal,
    /// `jobs × fee_rate`.
    pub fee_usd: Decimal,
    /// `jobs − fee`: the USD value burned.
    pub burned_usd: Decimal,
    /// `burned_usd / token_price_usd`.
    pub burned_tokens: Decimal,
    /// The emission.
    pub minted_tokens: Decimal,
    /// `minted − burned`: positive when the supply grows.
    pub net_supply_change_tokens: Decimal,
    /// The supply at the end of the period.
    pub supply_tokens: Decimal,
    /// The price at which the burn equals the emission, `burned_usd / minted`; `None` when
    /// nothing is minted.
    pub equilibrium_token_price_usd: Option<Decimal>,
    /// The node operators' tokens at the period's price, in USD.
    pub node_operator_rewards_usd: Decimal,
}

/// The result of [`burn_mint`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurnMint {
    /// Every period.
    pub periods: Vec<BurnMintResult>,
    /// Fees over all periods, in USD.
    pub fee_usd: Decimal,
    /// Tokens burned over all periods.
    pub burned_tokens: Decimal,
    /// Tokens minted over all periods.
    pub minted_tokens: Decimal,
    /// `minted − burned` over all periods: the last supply less the initial supply.
    pub net_supply_change_tokens: Decimal,
    /// The supply at the end of the last period.
    pub supply_tokens: Decimal,
}

impl Validate for BurnMintPeriod {
    fn check(&self, c: &mut Checker) {
        c.at_least("jobs_usd", self.jobs_usd, Decimal::ZERO);
        c.positive("token_price_usd", self.token_price_usd);
    }
}

impl Validate for BurnMintInputs {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("initial_supply_tokens", self.initial_supply_tokens, zero);
        c.at_least(
            "minted_tokens_per_period",
            self.minted_tokens_per_period,
            zero,
        );
        c.between(
            "node_operator_tokens_per_period",
            self.node_operator_tokens_per_period,
            zero,
            self.minted_tokens_per_period.max(zero),
            "must be between 0 and minted_tokens_per_period",
        );
        c.fraction("fee_rate", self.fee_rate);
        check_periods(c, "periods", self.periods.len());
        c.each("periods", &self.periods);
    }
}

/// The burn, the mint and the supply period by period, with each period's equilibrium
/// price (formulas in the [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field, for example `periods[2].token_price_usd` at 0 or `fee_rate` above 1); a domain
/// error on `periods[i].jobs_usd` when a period would burn more tokens than the supply
/// holds; [`ModelError::Finance`] on overflow.
///
/// # Example
/// Render's year-1 emission, 760,567 tokens a month, against $1M of jobs at $5 a token:
/// $950,000 is burned (after the 5 % fee), 190,000 tokens, so the supply grows by 570,567;
/// the equilibrium price is 950,000 / 760,567 = $1.2491.
/// ```
/// use gpuecon::models::networks::{burn_mint, BurnMintInputs, BurnMintPeriod};
/// use gpuecon::Decimal;
/// let inputs = BurnMintInputs {
///     initial_supply_tokens: Decimal::from(530_000_000),
///     minted_tokens_per_period: Decimal::from(760_567),
///     node_operator_tokens_per_period: Decimal::from(190_142),
///     fee_rate: Decimal::new(5, 2),
///     periods: vec![BurnMintPeriod { jobs_usd: Decimal::from(1_000_000), token_price_usd: Decimal::from(5) }],
/// };
/// let month = &burn_mint(&inputs)?.periods[0];
/// assert_eq!(month.burned_tokens, Decimal::from(190_000));
/// assert_eq!(month.net_supply_change_tokens, Decimal::from(570_567));
/// assert_eq!(month.equilibrium_token_price_usd.map(|p| p.round_dp(4)), Some(Decimal::new(12_491, 4)));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn burn_mint(inputs: &BurnMintInputs) -> Result<BurnMint, ModelError> {
    inputs.ensure_valid()?;
    let minted = inputs.minted_tokens_per_period;
    let mut supply = inputs.initial_supply_tokens;
    let (mut fees, mut burned_total, mut minted_total) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut periods = Vec::with_capacity(inputs.periods.len());
    for (period, p) in (1_u32..).zip(&inputs.periods) {
        let fee = units::mul(p.jobs_usd, inputs.fee_rate, "fee_rate")?;
        let burned_usd = units::sub(p.jobs_usd, fee, "fee_rate")?;
        let burned = kept(units::div(
            burned_usd,
            p.token_price_usd,
            "token_price_usd",
        )?);
        let change = units::sub(minted, burned, "minted_tokens_per_period")?;
        supply = units::add(supply, change, "minted_tokens_per_period")?;
        if supply < Decimal::ZERO {
            return Err(ModelError::domain(
                &format!("periods[{}].jobs_usd", period - 1),
                "burns more tokens than the supply holds",
            ));
        }
        let equilibrium = if minted.is_zero() {
            None
        } else {
            Some(units::div(burned_usd, minted, "minted_tokens_per_period")?)
        };
        let rewards = units::mul(
            inputs.node_operator_tokens_per_period,
            p.token_price_usd,
            "node_operator_tokens_per_period",
        )?;
        fees = units::add(fees, fee, "fee_rate")?;
        burned_total = units::add(burned_total, burned, "periods")?;
        minted_total = units::add(minted_total, minted, "minted_tokens_per_period")?;
        periods.push(BurnMintResult {
            period,
            jobs_usd: p.jobs_usd,
            fee_usd: fee,
            burned_usd,
            burned_tokens: burned,
            minted_tokens: minted,
            net_supply_change_tokens: change,
            supply_tokens: supply,
            equilibrium_token_price_usd: equilibrium,
            node_operator_rewards_usd: kept(rewards),
        });
    }
    Ok(BurnMint {
        periods,
        fee_usd: fees,
        burned_tokens: burned_total,
        minted_tokens: minted_total,
        net_supply_change_tokens: units::sub(minted_total, burned_total, "periods")?,
        supply_tokens: supply,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn render(periods: Vec<BurnMintPeriod>) -> BurnMintInputs {
        BurnMintInputs {
            initial_supply_tokens: d("530000000"),
            minted_tokens_per_period: d("760567"),
            node_operator_tokens_per_period: d("190142"),
            fee_rate: d("0.05"),
            periods,
        }
    }

    fn period(jobs: &str, price: &str) -> BurnMintPeriod {
        BurnMintPeriod {
            jobs_usd: d(jobs),
            token_price_usd: d(price),
        }
    }

    #[test]
    fn render_months_by_hand() {
        let result = burn_mint(&render(vec![
            period("1000000", "5"),
            period("3000000", "2"),
        ]))
        .unwrap();
        let [first, second] = &result.periods[..] else {
            panic!("two periods");
        };
        // Month 1: fee 1,000,000 × 0.05 = 50,000; burned $950,000 / $5 = 190,000 tokens;
        // change 760,567 − 190,000 = +570,567; supply 530,570,567.
        assert_eq!(first.fee_usd, d("50000"));
        assert_eq!(first.burned_usd, d("950000"));
        assert_eq!(first.burned_tokens, d("190000"));
        assert_eq!(first.net_supply_change_tokens, d("570567"));
        assert_eq!(first.supply_tokens, d("530570567"));
        // Node operators: 190,142 × $5 = $950,710.
        assert_eq!(first.node_operator_rewards_usd, d("950710"));
        // Month 2: burned $2,850,000 / $2 = 1,425,000 tokens; change 760,567 − 1,425,000 =
        // −664,433; supply 530,570,567 − 664,433 = 529,906,134. Equilibrium:
        // 2,850,000 / 760,567 = 3.747204388... (a price above which the supply would grow).
        assert_eq!(second.net_supply_change_tokens, d("-664433"));
        assert_eq!(second.supply_tokens, d("529906134"));
        assert_eq!(
            second.equilibrium_token_price_usd.unwrap().round_dp(9),
            d("3.747204388")
        );
        // Totals: fees 50,000 + 150,000; burned 1,615,000; minted 1,521,134; net −93,866.
        assert_eq!(result.fee_usd, d("200000"));
        assert_eq!(result.burned_tokens, d("1615000"));
        assert_eq!(result.minted_tokens, d("1521134"));
        assert_eq!(result.net_supply_change_tokens, d("-93866"));
        assert_eq!(result.supply_tokens, d("529906134"));
    }

    #[test]
    fn at_the_equilibrium_price_burn_equals_mint() {
        // $760,567 burned after the fee (jobs 760,567 / 0.95 = 800,596.8421...) at $1 a token
        // burns exactly the emission. With jobs of $2,000,000: P* = 1,900,000 / 760,567.
        let first = burn_mint(&render(vec![period("2000000", "1")])).unwrap();
        let price = first.periods[0].equilibrium_token_price_usd.unwrap();
        let at_equilibrium = burn_mint(&render(vec![BurnMintPeriod {
            jobs_usd: d("2000000"),
            token_price_usd: price,
        }]))
        .unwrap();
        let change = at_equilibrium.periods[0].net_supply_change_tokens;
        assert!(change.abs() <= d("1e-18"), "{change}");
    }

    #[test]
    fn no_emission_has_no_equilibrium() {
        let mut inputs = render(vec![period("100", "4")]);
        inputs.minted_tokens_per_period = Decimal::ZERO;
        inputs.node_operator_tokens_per_period = Decimal::ZERO;
        let result = burn_mint(&inputs).unwrap();
        // 100 × 0.95 / 4 = 23.75 burned, nothing minted.
        assert_eq!(result.periods[0].equilibrium_token_price_usd, None);
        assert_eq!(result.net_supply_change_tokens, d("-23.75"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut inputs = render(vec![period("-1", "0")]);
        inputs.fee_rate = d("1.5");
        inputs.node_operator_tokens_per_period = d("800000");
        let fields: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            fields,
            [
                "node_operator_tokens_per_period",
                "fee_rate",
                "periods[0].jobs_usd",
                "periods[0].token_price_usd"
            ]
        );
        assert_eq!(burn_mint(&render(vec![])).unwrap_err().field(), "periods");
        // Burning 2,000,000 × 0.95 / 0.001 = 1.9e9 tokens from a supply of 530M.
        let err =
            burn_mint(&render(vec![period("1", "1"), period("2000000", "0.001")])).unwrap_err();
        assert_eq!(err.field(), "periods[1].jobs_usd");
    }

    #[test]
    fn overflow_is_an_error() {
        let err = burn_mint(&render(vec![period(
            "79228162514264337593543950335",
            "0.5",
        )]))
        .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "token_price_usd")
        );
    }
}
