//! [`api_comparison`]: an inference API's bill for a request mix, with whole-request price
//! tiers, against serving the same tokens on one's own GPUs (docs/domain.md section 10).
//! The formulas are in [`api_comparison`]'s documentation.

use serde::{Deserialize, Serialize};

use super::tokens::{TokenPriceInputs, token_price};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, HOURS_PER_MONTH};

/// Tokens in a million.
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Seconds in an hour.
const SECONDS_PER_HOUR: Decimal = Decimal::from_parts(3_600, 0, 0, false, 0);

/// One request shape and how often it comes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestClass {
    /// A name for people (default "").
    #[serde(default)]
    pub name: String,
    /// Prompt tokens per request, cached ones included (at least 0).
    pub prompt_tokens: Decimal,
    /// The prompt's tokens read from the cache, between 0 and `prompt_tokens` (default 0).
    #[serde(default)]
    pub cached_tokens: Decimal,
    /// Output tokens per request (at least 0).
    pub output_tokens: Decimal,
    /// Requests a month (at least 0).
    pub requests_per_month: Decimal,
}

/// An API's prices in USD per million tokens (each at least 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRates {
    /// Uncached prompt tokens.
    pub input_usd_per_million_tokens: Decimal,
    /// Prompt tokens read from the cache.
    pub cached_input_usd_per_million_tokens: Decimal,
    /// Output tokens.
    pub output_usd_per_million_tokens: Decimal,
}

/// The rates a whole request is billed at once its prompt passes a threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PremiumTier {
    /// A request whose prompt (cached tokens included) has more tokens than this is billed
    /// at the premium rates (at least 0; 200,000 or 272,000 at today's providers).
    pub threshold_prompt_tokens: Decimal,
    /// The premium rates, each at least the base rate.
    pub rates: TokenRates,
}

/// An API's price list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiPriceList {
    /// The rates up to the threshold (or for every request without a premium tier).
    pub base: TokenRates,
    /// The long-prompt tier (default none).
    #[serde(default)]
    pub premium: Option<PremiumTier>,
}

/// Serving the tokens on one's own (or rented) GPUs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfHosted {
    /// The price of a GPU-hour in USD (at least 0).
    pub usd_per_gpu_hour: Decimal,
    /// Tokens per second one GPU serves for this mix, prompt and output together (greater
    /// than 0).
    pub tokens_per_second: Decimal,
    /// GPUs reserved (paid for) every hour of the month (greater than 0).
    pub reserved_gpus: Decimal,
}

/// What [`api_comparison`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiComparisonInputs {
    /// The request mix (at least one class, with at least one token a month in all).
    pub requests: Vec<RequestClass>,
    /// The API's prices.
    pub api: ApiPriceList,
    /// The self-hosted alternative.
    pub self_hosted: SelfHosted,
}

/// Which of an API's tiers a request is billed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiTier {
    /// The base rates.
    Base,
    /// The premium rates, for the whole request.
    Premium,
}

/// One request class on the API's bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestClassCost {
    /// The class's name.
    pub name: String,
    /// The tier its requests are billed at.
    pub tier: ApiTier,
    /// What one request costs.
    pub usd_per_request: Decimal,
    /// `(prompt + output) × requests_per_month`.
    pub tokens_per_month: Decimal,
    /// `usd_per_request × requests_per_month`.
    pub usd_per_month: Decimal,
}

/// One way of paying for self-hosted GPUs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfHostedCost {
    /// GPU-hours paid a month.
    pub gpu_hours_per_month: Decimal,
    /// What they cost.
    pub usd_per_month: Decimal,
    /// The cost of a million of the mix's tokens.
    pub usd_per_million_tokens: Decimal,
}

/// The result of [`api_comparison`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiComparison {
    /// Each request class, in the input's order.
    pub classes: Vec<RequestClassCost>,
    /// Requests a month in all.
    pub requests_per_month: Decimal,
    /// Tokens a month in all (prompt, cached included, and output).
    pub tokens_per_month: Decimal,
    /// The API's bill a month.
    pub api_usd_per_month: Decimal,
    /// The API's bill per million tokens of the mix.
    pub api_usd_per_million_tokens: Decimal,
    /// Self-hosted, paying only the hours used.
    pub usage_based: SelfHostedCost,
    /// Self-hosted, paying every hour of the reserved GPUs.
    pub reservation_based: SelfHostedCost,
    /// The share of the reserved GPUs' hours the mix keeps busy.
    pub reserved_utilization: Decimal,
    /// Tokens the reserved GPUs can serve a month.
    pub reserved_capacity_tokens_per_month: Decimal,
    /// The monthly tokens of the same mix at which the API costs as much as the
    /// reservation; `None` when the API charges nothing.
    pub break_even_tokens_per_month: Option<Decimal>,
    /// The same volume in requests a month.
    pub break_even_requests_per_month: Option<Decimal>,
}

impl Validate for RequestClass {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("prompt_tokens", self.prompt_tokens, zero);
        c.between(
            "cached_tokens",
            self.cached_tokens,
            zero,
            self.prompt_tokens.max(zero),
            "must be between 0 and prompt_tokens",
        );
        c.at_least("output_tokens", self.output_tokens, zero);
        c.at_least("requests_per_month", self.requests_per_month, zero);
    }
}

impl Validate for TokenRates {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least(
            "input_usd_per_million_tokens",
            self.input_usd_per_million_tokens,
            zero,
        );
        c.at_least(
            "cached_input_usd_per_million_tokens",
            self.cached_input_usd_per_million_tokens,
            zero,
        );
        c.at_least(
            "output_usd_per_million_tokens",
            self.output_usd_per_million_tokens,
            zero,
        );
    }
}

impl Validate for ApiPriceList {
    fn check(&self, c: &mut Checker) {
        c.nested("base", &self.base);
        if let Some(premium) = &self.premium {
            c.within("premium", |c| {
                c.at_least(
                    "threshold_prompt_tokens",
                    premium.threshold_prompt_tokens,
                    Decimal::ZERO,
                );
                let (base, rates) = (&self.base, &premium.rates);
                c.within("rates", |c| {
                    for (field, premium_rate, base_rate) in [
                        (
                            "input_usd_per_million_tokens",
                            rates.input_usd_per_million_tokens,
                            base.input_usd_per_million_tokens,
                        ),
                        (
                            "cached_input_usd_per_million_tokens",
                            rates.cached_input_usd_per_million_tokens,
                            base.cached_input_usd_per_million_tokens,
                        ),
                        (
                            "output_usd_per_million_tokens",
                            rates.output_usd_per_million_tokens,
                            base.output_usd_per_million_tokens,
                        ),
                    ] {
                        if premium_rate < base_rate {
                            c.problem(field, "must be at least the base rate");
                        }
                    }
                });
            });
        }
    }
}

impl Validate for SelfHosted {
    fn check(&self, c: &mut Checker) {
        c.at_least("usd_per_gpu_hour", self.usd_per_gpu_hour, Decimal::ZERO);
        c.positive("tokens_per_second", self.tokens_per_second);
        c.positive("reserved_gpus", self.reserved_gpus);
    }
}

impl Validate for ApiComparisonInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::pricing::ApiComparisonInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: ApiComparisonInputs = serde_json::from_str(r#"{
    ///   "requests": [{ "prompt_tokens": 1000, "cached_tokens": 2000, "output_tokens": 100, "requests_per_month": 1 }],
    ///   "api": { "base": { "input_usd_per_million_tokens": 1.25, "cached_input_usd_per_million_tokens": 0.125, "output_usd_per_million_tokens": 10 },
    ///            "premium": { "threshold_prompt_tokens": 272000, "rates": {
    ///              "input_usd_per_million_tokens": 1, "cached_input_usd_per_million_tokens": 0.25, "output_usd_per_million_tokens": 15 } } },
    ///   "self_hosted": { "usd_per_gpu_hour": 2, "tokens_per_second": 0, "reserved_gpus": 1 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, [
    ///     "requests[0].cached_tokens",
    ///     "api.premium.rates.input_usd_per_million_tokens",
    ///     "self_hosted.tokens_per_second",
    /// ]);
    /// ```
    fn check(&self, c: &mut Checker) {
        if self.requests.is_empty() {
            c.problem("requests", "must hold at least one request class");
        }
        c.each("requests", &self.requests);
        c.nested("api", &self.api);
        c.nested("self_hosted", &self.self_hosted);
    }
}

impl ApiPriceList {
    /// The tier a request with `prompt_tokens` (cached included) is billed at, and its
    /// rates.
    #[must_use]
    pub fn tier(&self, prompt_tokens: Decimal) -> (ApiTier, &TokenRates) {
        match &self.premium {
            Some(premium) if prompt_tokens > premium.threshold_prompt_tokens => {
                (ApiTier::Premium, &premium.rates)
            }
            _ => (ApiTier::Base, &self.base),
        }
    }
}

/// One request's cost at its tier; errors named relative to the class.
fn request_cost(
    api: &ApiPriceList,
    class: &RequestClass,
) -> Result<(ApiTier, Decimal), ModelError> {
    let (tier, rates) = api.tier(class.prompt_tokens);
    let uncached = units::sub(class.prompt_tokens, class.cached_tokens, "cached_tokens")?;
    let mut micro = units::mul(
        uncached,
        rates.input_usd_per_million_tokens,
        "prompt_tokens",
    )?;
    let cached = units::mul(
        class.cached_tokens,
        rates.cached_input_usd_per_million_tokens,
        "cached_tokens",
    )?;
    micro = units::add(micro, cached, "cached_tokens")?;
    let output = units::mul(
        class.output_tokens,
        rates.output_usd_per_million_tokens,
        "output_tokens",
    )?;
    micro = units::add(micro, output, "output_tokens")?;
    Ok((tier, units::div(micro, MILLION, "prompt_tokens")?))
}

/// The API's bill for a request mix, its tiers applied to whole requests, against
/// self-hosting on the same tokens, paid by use and by reservation, and the break-even
/// monthly volume.
///
/// Providers bill the *whole* request at a premium rate once its prompt passes a threshold
/// (200k tokens at some, 272k at another), cached tokens counted in the prompt. For a
/// request of `P` prompt tokens of which `C` are cached, and `O` output tokens:
///
/// ```text
/// tier              premium when P > threshold (the premium tier exists), else base
/// usd_per_request   ((P − C) × input + C × cached_input + O × output) / 1e6
///                   at the tier's rates (USD per million tokens)
/// api_usd_per_month Σ usd_per_request × requests_per_month
/// tokens_per_month  T = Σ (P + O) × requests_per_month
/// api per million   api_usd_per_month / T × 1e6
/// ```
///
/// Self-hosted, on GPUs at `usd_per_gpu_hour` serving `tokens_per_second` each (a rate
/// blended over the mix, prompt and output tokens together), through
/// [`token_price`](super::token_price):
///
/// ```text
/// usage-based       only the hours used are paid:  per million = token_price(u = 1)
///                   usd_per_month = per million × T / 1e6
/// reservation-based every hour of the reserved GPUs is paid, used or not:
///                   gpu_hours = reserved_gpus × 730;  usd_per_month = gpu_hours × usd_per_gpu_hour
///                   capacity = gpu_hours × tokens_per_second × 3600
///                   utilization u = T / capacity (at most 1);  per million = token_price(u)
/// break-even        the volume of the same mix at which the API bill equals the
///                   reservation's: k = reserved usd_per_month / api_usd_per_month,
///                   tokens k × T, requests k × Σ requests_per_month
/// ```
///
/// A comparison with an API's price must count every paid hour (the reservation), not only
/// the hours used: usage-based cost is what a per-second serverless GPU would charge, and
/// understates an owned or reserved GPU's. Above the break-even volume (and within the
/// capacity) the reservation is cheaper than the API. Each request class is one request
/// shape, billed at its own tier: a mix of prompt lengths is several classes, not one
/// average (an average below the threshold hides the requests above it).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field: `requests[1].cached_tokens` above the prompt, a premium rate below the base
/// rate, `self_hosted.reserved_gpus` at 0); a domain error on `requests` when the mix has
/// no token a month, and on `self_hosted.reserved_gpus` when the reserved GPUs cannot serve
/// the mix's tokens; [`ModelError::Finance`] on overflow.
///
/// # Example
/// 10,000 requests a month of 250,000 prompt tokens (50,000 cached) and 2,000 output
/// tokens, at $1.25 / $0.125 / $10 per million up to 200k and $2.50 / $0.25 / $15 above:
/// every request is premium, `(200,000 × 2.50 + 50,000 × 0.25 + 2,000 × 15) / 1e6 = $0.5425`,
/// $5,425 a month for 2.52 billion tokens ($2.1528 per million). Eight H100s reserved at $2
/// an hour ($11,680 a month) serving 1,000 tokens/s each could serve 21 billion: the
/// reservation costs as much as the API at 11,680 / 5,425 × 2.52e9 = 5.4256 billion tokens.
/// ```
/// use gpuecon::models::pricing::{api_comparison, ApiComparisonInputs, ApiTier};
/// use gpuecon::Decimal;
/// let inputs: ApiComparisonInputs = serde_json::from_str(r#"{
///   "requests": [{ "prompt_tokens": 250000, "cached_tokens": 50000, "output_tokens": 2000, "requests_per_month": 10000 }],
///   "api": {
///     "base": { "input_usd_per_million_tokens": 1.25, "cached_input_usd_per_million_tokens": 0.125, "output_usd_per_million_tokens": 10 },
///     "premium": { "threshold_prompt_tokens": 200000, "rates": {
///       "input_usd_per_million_tokens": 2.5, "cached_input_usd_per_million_tokens": 0.25, "output_usd_per_million_tokens": 15 } }
///   },
///   "self_hosted": { "usd_per_gpu_hour": 2, "tokens_per_second": 1000, "reserved_gpus": 8 }
/// }"#).unwrap();
/// let result = api_comparison(&inputs)?;
/// assert_eq!(result.classes[0].tier, ApiTier::Premium);
/// assert_eq!(result.api_usd_per_month, Decimal::from(5425));
/// assert_eq!(result.reservation_based.usd_per_month, Decimal::from(11_680));
/// assert_eq!(result.break_even_tokens_per_month.map(|t| t.round_dp(0)), Some(Decimal::from(5_425_548_387_i64)));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn api_comparison(inputs: &ApiComparisonInputs) -> Result<ApiComparison, ModelError> {
    inputs.ensure_valid()?;
    let mut classes = Vec::with_capacity(inputs.requests.len());
    let (mut requests, mut tokens, mut api_usd) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (i, class) in inputs.requests.iter().enumerate() {
        let path = format!("requests[{i}]");
        let (tier, per_request) = request_cost(&inputs.api, class).map_err(|e| e.within(&path))?;
        let per_month = units::mul(per_request, class.requests_per_month, "requests_per_month")
            .map_err(|e| ModelError::from(e).within(&path))?;
        let shape = units::add(class.prompt_tokens, class.output_tokens, "output_tokens")
            .map_err(|e| ModelError::from(e).within(&path))?;
        let class_tokens = units::mul(shape, class.requests_per_month, "requests_per_month")
            .map_err(|e| ModelError::from(e).within(&path))?;
        requests = units::add(requests, class.requests_per_month, "requests")?;
        tokens = units::add(tokens, class_tokens, "requests")?;
        api_usd = units::add(api_usd, per_month, "requests")?;
        classes.push(RequestClassCost {
            name: class.name.clone(),
            tier,
            usd_per_request: per_request,
            tokens_per_month: class_tokens,
            usd_per_month: per_month,
        });
    }
    if tokens.is_zero() {
        return Err(ModelError::domain(
            "requests",
            "must add up to at least one token a month",
        ));
    }
    let per_million = |usd: Decimal| -> Result<Decimal, ModelError> {
        let micro = units::mul(usd, MILLION, "requests")?;
        Ok(units::div(micro, tokens, "requests")?)
    };
    let api_usd_per_million_tokens = per_million(api_usd)?;

    let hosted = &inputs.self_hosted;
    let priced = |utilization: Decimal| {
        token_price(&TokenPriceInputs {
            usd_per_gpu_hour: hosted.usd_per_gpu_hour,
            tokens_per_second: hosted.tokens_per_second,
            utilization,
        })
        .map_err(|e| e.within("self_hosted"))
    };
    let by_use = priced(Decimal::ONE)?;
    let usage_based = SelfHostedCost {
        gpu_hours_per_month: units::div(
            tokens,
            by_use.tokens_per_gpu_hour,
            "self_hosted.tokens_per_second",
        )?,
        usd_per_month: units::div(
            units::mul(by_use.usd_per_million_tokens, tokens, "requests")?,
            MILLION,
            "requests",
        )?,
        usd_per_million_tokens: by_use.usd_per_million_tokens,
    };

    let reserved_hours = units::mul(
        hosted.reserved_gpus,
        HOURS_PER_MONTH,
        "self_hosted.reserved_gpus",
    )?;
    let reserved_usd = units::mul(
        reserved_hours,
        hosted.usd_per_gpu_hour,
        "self_hosted.usd_per_gpu_hour",
    )?;
    let per_gpu_hour = units::mul(
        hosted.tokens_per_second,
        SECONDS_PER_HOUR,
        "self_hosted.tokens_per_second",
    )?;
    let capacity = units::mul(reserved_hours, per_gpu_hour, "self_hosted.reserved_gpus")?;
    let utilization = units::div(tokens, capacity, "self_hosted.reserved_gpus")?;
    if utilization > Decimal::ONE {
        return Err(ModelError::domain(
            "self_hosted.reserved_gpus",
            "cannot serve the request mix's tokens a month",
        ));
    }
    let by_reservation = priced(utilization)?;
    let reservation_based = SelfHostedCost {
        gpu_hours_per_month: reserved_hours,
        usd_per_month: reserved_usd,
        usd_per_million_tokens: by_reservation.usd_per_million_tokens,
    };

    let scale = if api_usd.is_zero() {
        None
    } else {
        Some(units::div(reserved_usd, api_usd, "requests")?)
    };
    let scaled = |volume: Decimal| -> Result<Option<Decimal>, ModelError> {
        scale
            .map(|k| units::mul(k, volume, "requests").map_err(ModelError::from))
            .transpose()
    };
    Ok(ApiComparison {
        classes,
        requests_per_month: requests,
        tokens_per_month: tokens,
        api_usd_per_month: api_usd,
        api_usd_per_million_tokens,
        usage_based,
        reservation_based,
        reserved_utilization: utilization,
        reserved_capacity_tokens_per_month: capacity,
        break_even_tokens_per_month: scaled(tokens)?,
        break_even_requests_per_month: scaled(requests)?,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn rates(input: &str, cached: &str, output: &str) -> TokenRates {
        TokenRates {
            input_usd_per_million_tokens: d(input),
            cached_input_usd_per_million_tokens: d(cached),
            output_usd_per_million_tokens: d(output),
        }
    }

    fn class(prompt: &str, cached: &str, output: &str, requests: &str) -> RequestClass {
        RequestClass {
            name: String::new(),
            prompt_tokens: d(prompt),
            cached_tokens: d(cached),
            output_tokens: d(output),
            requests_per_month: d(requests),
        }
    }

    /// A long-context price list: $1.25 / $0.125 / $10 per million up to 200k prompt tokens,
    /// $2.50 / $0.25 / $15 above; two H100s reserved at $2 an hour serving 1,000 tokens/s.
    fn inputs(requests: Vec<RequestClass>) -> ApiComparisonInputs {
        ApiComparisonInputs {
            requests,
            api: ApiPriceList {
                base: rates("1.25", "0.125", "10"),
                premium: Some(PremiumTier {
                    threshold_prompt_tokens: d("200000"),
                    rates: rates("2.5", "0.25", "15"),
                }),
            },
            self_hosted: SelfHosted {
                usd_per_gpu_hour: d("2"),
                tokens_per_second: d("1000"),
                reserved_gpus: d("2"),
            },
        }
    }

    #[test]
    fn a_mix_by_hand() {
        let result = api_comparison(&inputs(vec![
            class("10000", "4000", "500", "100000"),
            class("200001", "0", "1000", "1000"),
        ]))
        .unwrap();
        // Short: (6,000 × 1.25 + 4,000 × 0.125 + 500 × 10) / 1e6 = (7,500 + 500 + 5,000) / 1e6
        //   = $0.013 a request; × 100,000 = $1,300; tokens 10,500 × 100,000 = 1.05e9.
        assert_eq!(result.classes[0].tier, ApiTier::Base);
        assert_eq!(result.classes[0].usd_per_request, d("0.013"));
        assert_eq!(result.classes[0].usd_per_month, d("1300"));
        // Long: one token over 200k, so the whole request is premium:
        //   (200,001 × 2.5 + 1,000 × 15) / 1e6 = (500,002.5 + 15,000) / 1e6 = $0.5150025;
        //   × 1,000 = $515.0025; tokens 201,001 × 1,000 = 201,001,000.
        assert_eq!(result.classes[1].tier, ApiTier::Premium);
        assert_eq!(result.classes[1].usd_per_request, d("0.5150025"));
        // Totals: $1,815.0025 for 1,251,001,000 tokens:
        //   1,815.0025 / 1,251.001 = $1.450840167194... per million.
        assert_eq!(result.api_usd_per_month, d("1815.0025"));
        assert_eq!(result.tokens_per_month, d("1251001000"));
        assert_eq!(result.requests_per_month, d("101000"));
        assert_eq!(
            result.api_usd_per_million_tokens.round_dp(12),
            d("1.450840167194")
        );
        // Usage-based: 1,000 tokens/s = 3.6M tokens a GPU-hour; $2 / 3.6 = $0.5555... per
        // million; 1,251,001,000 / 3,600,000 = 347.5002777... GPU-hours = $695.0005555...
        assert_eq!(
            result.usage_based.usd_per_million_tokens.round_dp(12),
            d("0.555555555556")
        );
        assert_eq!(
            result.usage_based.gpu_hours_per_month.round_dp(9),
            d("347.500277778")
        );
        assert_eq!(
            result.usage_based.usd_per_month.round_dp(9),
            d("695.000555556")
        );
        // Reserved: 2 × 730 = 1,460 GPU-hours × $2 = $2,920; capacity 1,460 × 3.6M = 5.256e9;
        // utilization 1,251,001,000 / 5,256,000,000 = 0.238013888...; per million
        // 2,920 / 1,251.001 = $2.334130828...
        assert_eq!(result.reservation_based.usd_per_month, d("2920"));
        assert_eq!(result.reserved_capacity_tokens_per_month, d("5256000000"));
        assert_eq!(
            result.reserved_utilization.round_dp(12),
            d("0.238013888889")
        );
        assert_eq!(
            result.reservation_based.usd_per_million_tokens.round_dp(9),
            d("2.334130828")
        );
        // Break-even: k = 2,920 / 1,815.0025 = 1.608813211...; tokens k × 1,251,001,000
        // = 2,012,626,935.776...; requests k × 101,000 = 162,490.134...
        assert_eq!(
            result.break_even_tokens_per_month.unwrap().round_dp(0),
            d("2012626936")
        );
        assert_eq!(
            result.break_even_requests_per_month.unwrap().round_dp(2),
            d("162490.13")
        );
    }

    #[test]
    fn the_threshold_counts_cached_tokens_and_is_strict() {
        let api = inputs(vec![]).api;
        // Exactly 200,000 is base; 200,001 with 150,000 cached is premium.
        assert_eq!(api.tier(d("200000")).0, ApiTier::Base);
        let over = request_cost(&api, &class("200001", "150000", "0", "1")).unwrap();
        // (50,001 × 2.5 + 150,000 × 0.25) / 1e6 = (125,002.5 + 37,500) / 1e6 = 0.1625025
        assert_eq!(over, (ApiTier::Premium, d("0.1625025")));
        let under = request_cost(&api, &class("200000", "150000", "0", "1")).unwrap();
        // (50,000 × 1.25 + 150,000 × 0.125) / 1e6 = (62,500 + 18,750) / 1e6 = 0.08125
        assert_eq!(under, (ApiTier::Base, d("0.08125")));
        // Without a premium tier every request is base.
        let flat = ApiPriceList {
            premium: None,
            ..api
        };
        assert_eq!(flat.tier(d("1000000")).0, ApiTier::Base);
    }

    #[test]
    fn free_api_has_no_break_even() {
        let mut inputs = inputs(vec![class("100", "0", "100", "10")]);
        inputs.api.base = rates("0", "0", "0");
        inputs.api.premium = None;
        let result = api_comparison(&inputs).unwrap();
        assert_eq!(result.break_even_tokens_per_month, None);
        assert_eq!(result.break_even_requests_per_month, None);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        assert_eq!(
            api_comparison(&inputs(vec![])).unwrap_err().field(),
            "requests"
        );
        assert_eq!(
            api_comparison(&inputs(vec![class("0", "0", "0", "5")]))
                .unwrap_err()
                .field(),
            "requests"
        );
        // 2 GPUs serve 5.256e9 tokens a month; 6e9 is too many.
        let err = api_comparison(&inputs(vec![class("1000", "0", "0", "6000000")])).unwrap_err();
        assert_eq!(err.field(), "self_hosted.reserved_gpus");
        let mut bad = inputs(vec![class("10", "11", "-1", "1")]);
        bad.api.premium = Some(PremiumTier {
            threshold_prompt_tokens: d("-1"),
            rates: rates("2.5", "0.1", "15"),
        });
        bad.self_hosted.reserved_gpus = Decimal::ZERO;
        let fields: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            fields,
            [
                "requests[0].cached_tokens",
                "requests[0].output_tokens",
                "api.premium.threshold_prompt_tokens",
                "api.premium.rates.cached_input_usd_per_million_tokens",
                "self_hosted.reserved_gpus"
            ]
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let err = api_comparison(&inputs(vec![class(
            "1000",
            "0",
            "0",
            "79228162514264337593543950335",
        )]))
        .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "requests[0].requests_per_month")
        );
    }
}
