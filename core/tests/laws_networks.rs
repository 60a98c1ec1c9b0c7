//! Laws of the decentralized compute networks (`gpuecon::models::networks`) and of the
//! inference API comparison (`gpuecon::models::pricing::api_comparison`), on generated
//! inputs (proptest), and the published figures they must reproduce.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use gpuecon::Decimal;
use gpuecon::models::depreciation::Curve;
use gpuecon::models::networks::{
    BurnMintInputs, BurnMintPeriod, EmissionScheduleInputs, Lease, OperatorInputs, TakeRateInputs,
    TokenPricePath, TokenPriceScenario, burn_mint, emission_schedule, operator_roi,
    take_rate_settlement,
};
use gpuecon::models::pricing::{
    ApiComparisonInputs, ApiPriceList, ApiTier, PremiumTier, RequestClass, SelfHosted, TokenRates,
    api_comparison,
};
use gpuecon::models::{PowerInputs, Validate};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// Schedules of up to 2,500 epochs: supplies up to 1e9 with room up to 1e9 above them,
/// a first-year rate of 0-100 %, a disinflation of 0-1 % an epoch (or any fraction).
fn schedules() -> impl Strategy<Value = EmissionScheduleInputs> {
    (
        (1i64..=1_000_000_000, 1i64..=1_000_000_000),
        (0i64..=10_000, prop_oneof![0i64..=10_000, 0i64..=1_000_000]),
        (1u32..=50, 1u32..=25, 1u32..=50),
    )
        .prop_map(
            |((supply, room), (rate, disinflation), (per, periods, first))| {
                EmissionScheduleInputs {
                    initial_supply_tokens: dec(supply, 0),
                    max_supply_tokens: dec(supply + room, 0),
                    initial_annual_inflation_rate: dec(rate, 4),
                    disinflation_rate_per_epoch: dec(disinflation, 6),
                    first_epoch: first,
                    epochs_per_period: per,
                    periods,
                }
            },
        )
}

/// 1-12 periods of up to $10M of jobs at $0.01-$100 a token, fees 0-20 %, emissions up
/// to 2M tokens a period.
fn burn_mints() -> impl Strategy<Value = BurnMintInputs> {
    (
        0i64..=2_000_000,
        0i64..=2000,
        prop::collection::vec((0i64..=1_000_000_000, 1i64..=10_000), 1..=12),
    )
        .prop_map(|(minted, fee, periods)| BurnMintInputs {
            initial_supply_tokens: dec(1_000_000_000, 0),
            minted_tokens_per_period: dec(minted, 0),
            node_operator_tokens_per_period: dec(minted / 4, 0),
            fee_rate: dec(fee, 4),
            periods: periods
                .iter()
                .map(|(jobs, price)| BurnMintPeriod {
                    jobs_usd: dec(*jobs, 2),
                    token_price_usd: dec(*price, 2),
                })
                .collect(),
        })
}

/// 1-6 leases: prices up to $100 an hour to 28 places (any fraction of a cent), up to a
/// million GPU-hours, take rates to 1e-6 (amounts below ten billion: every digit kept).
fn leases() -> impl Strategy<Value = TakeRateInputs> {
    prop::collection::vec(
        (
            (0i64..=1_000_000_000_000, 10u32..=28),
            0i64..=1_000_000_000,
            0i64..=1_000_000,
        ),
        1..=6,
    )
    .prop_map(|leases| TakeRateInputs {
        leases: leases
            .iter()
            .map(|((m, s), hours, take)| Lease {
                usd_per_gpu_hour: dec(*m, *s),
                gpu_hours: dec(*hours, 3),
                take_rate: dec(*take, 6),
            })
            .collect(),
    })
}

/// Rates from base ones of at least a cent and premium ones at least as high.
fn price_lists() -> impl Strategy<Value = ApiPriceList> {
    (
        (1i64..=10_000, 1i64..=10_000, 0i64..=10_000),
        (0i64..=10_000, 0i64..=10_000, 0i64..=10_000),
        0i64..=1_000_000,
    )
        .prop_map(|(base, extra, threshold)| {
            let rates = |input: i64, cached: i64, output: i64| TokenRates {
                input_usd_per_million_tokens: dec(input, 2),
                cached_input_usd_per_million_tokens: dec(cached, 2),
                output_usd_per_million_tokens: dec(output, 2),
            };
            ApiPriceList {
                base: rates(base.0, base.1, base.2),
                premium: Some(PremiumTier {
                    threshold_prompt_tokens: dec(threshold, 0),
                    rates: rates(base.0 + extra.0, base.1 + extra.1, base.2 + extra.2),
                }),
            }
        })
}

/// A request mix of 1-4 classes.
fn mixes() -> impl Strategy<Value = Vec<RequestClass>> {
    prop::collection::vec(
        (
            1i64..=1_000_000,
            0i64..=100,
            0i64..=100_000,
            1i64..=1_000_000,
        ),
        1..=4,
    )
    .prop_map(|classes| {
        classes
            .iter()
            .map(|(prompt, cached_pct, output, requests)| RequestClass {
                name: String::new(),
                prompt_tokens: dec(*prompt, 0),
                cached_tokens: dec(prompt * cached_pct / 100, 0),
                output_tokens: dec(*output, 0),
                requests_per_month: dec(*requests, 0),
            })
            .collect()
    })
}

/// A node over 1-60 months with constant or exponential prices and rewards.
fn operators() -> impl Strategy<Value = OperatorInputs> {
    (
        (1u32..=60, 0i64..=100_000, 0i64..=100, 1i64..=8, 0i64..=1000),
        (
            0i64..=5000,
            0i64..=5000,
            0i64..=10_000,
            0i64..=100_000,
            0i64..=100,
        ),
        (
            0i64..=2000,
            1i64..=400,
            prop_oneof![Just(None), (1i64..=200).prop_map(Some)],
        ),
    )
        .prop_map(
            |(
                (months, hardware, salvage_pct, gpus, utilization),
                (rental, other, rewards, stake, slashed),
                (rate, price_factor, reward_factor),
            )| OperatorInputs {
                months,
                hardware_usd: dec(hardware, 0),
                salvage_usd: dec(hardware * salvage_pct / 100, 0),
                gpus: dec(gpus, 0),
                utilization: dec(utilization, 3),
                power: PowerInputs {
                    it_kw_per_gpu: d("0.7"),
                    idle_fraction: d("0.1"),
                    pue: d("1.3"),
                    usd_per_kwh: d("0.12"),
                },
                other_usd_per_month: dec(other, 0),
                rental_income_usd_per_month: dec(rental, 0),
                reward_tokens_per_month: dec(rewards, 0),
                reward_curve: reward_factor.map_or(Curve::Constant, |f| Curve::Exponential {
                    annual_factor: dec(f, 2),
                }),
                stake_tokens: dec(stake, 0),
                slashed_share: dec(slashed, 2),
                annual_discount_rate: dec(rate, 4),
                scenarios: vec![TokenPriceScenario {
                    name: "path".to_owned(),
                    price: TokenPricePath::Curve {
                        start_usd_per_token: Decimal::ONE,
                        curve: Curve::Exponential {
                            annual_factor: dec(price_factor, 2),
                        },
                    },
                }],
            },
        )
}

/// Any decimal at all, for the "never panics" law.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
    ]
}

#[test]
fn io_net_published_table() {
    // docs.io.net, "Token Emission Schedule": hourly emissions 4,566.21, 4,566.15, 4,566.08,
    // 4,566.02, 4,565.96, 4,565.89 and total supplies 500,004,566.21 ... 500,027,396.31.
    // e₁ = 500,000,000 × 8 % / 8760; e_T = e_{T−1} × (1 − 0.0000138869523959793).
    let schedule = emission_schedule(&EmissionScheduleInputs::io_net(1, 6)).unwrap();
    let emitted: Vec<Decimal> = schedule
        .periods
        .iter()
        .map(|p| p.emitted_tokens.round_dp(2))
        .collect();
    assert_eq!(
        emitted,
        [
            "4566.21", "4566.15", "4566.08", "4566.02", "4565.96", "4565.89"
        ]
        .map(d)
    );
    let supply: Vec<Decimal> = schedule
        .periods
        .iter()
        .map(|p| p.total_supply_tokens.round_dp(2))
        .collect();
    assert_eq!(
        supply,
        [
            "500004566.21",
            "500009132.36",
            "500013698.44",
            "500018264.46",
            "500022830.42",
            "500027396.31"
        ]
        .map(d)
    );
    // "This equates to 175,319 periods (or epochs)": the cap of 800M is reached in epoch
    // 175,319, a little over 20 years of hours (175,200).
    let whole = emission_schedule(&EmissionScheduleInputs::io_net(8760, 21)).unwrap();
    assert_eq!(whole.cap_reached_epoch, Some(175_319));
    assert_eq!(whole.total_supply_tokens, d("800000000"));
    // "Decreases by 1.02 % monthly (~12 % per year)", "~12.165 % each year": 8760 × d =
    // 0.1216497... is the continuous annual rate; a 730-hour month's emission falls by
    // 1 − (1 − d)^730 = 1.0086 %, a year's by 1 − (1 − d)^8760 = 1 − 0.885458 = 11.45 %.
    let continuous = Decimal::from(8760) * d("0.0000138869523959793");
    assert_eq!(continuous.round_dp(5), d("0.12165"));
    let monthly = emission_schedule(&EmissionScheduleInputs::io_net(730, 2)).unwrap();
    let fall = Decimal::ONE
        - monthly.periods[1].last_epoch_emitted_tokens
            / monthly.periods[0].last_epoch_emitted_tokens;
    assert_eq!(fall.round_dp(6), d("0.010086"));
    let yearly = emission_schedule(&EmissionScheduleInputs::io_net(8760, 2)).unwrap();
    let ratio = yearly.periods[1].emitted_tokens / yearly.periods[0].emitted_tokens;
    assert_eq!(ratio.round_dp(6), d("0.885458"));
}

#[test]
fn render_and_akash_figures() {
    // Render: year-1 emissions 9,126,804 = 12 × 760,567 a month; the 5 % fee.
    let inputs = BurnMintInputs {
        initial_supply_tokens: d("530000000"),
        minted_tokens_per_period: d("760567"),
        node_operator_tokens_per_period: d("190142"),
        fee_rate: d("0.05"),
        periods: (0..12)
            .map(|_| BurnMintPeriod {
                jobs_usd: d("1000000"),
                token_price_usd: d("4"),
            })
            .collect(),
    };
    let year = burn_mint(&inputs).unwrap();
    assert_eq!(year.minted_tokens, d("9126804"));
    // $12M of jobs at $4: 12 × 950,000 / 4 = 2,850,000 burned; the supply grows 6,276,804.
    assert_eq!(year.burned_tokens, d("2850000"));
    assert_eq!(year.net_supply_change_tokens, d("6276804"));
    // Akash, USDC settlements: a 20 % take.
    let settled = take_rate_settlement(&TakeRateInputs {
        leases: vec![Lease {
            usd_per_gpu_hour: d("1.10"),
            gpu_hours: d("730"),
            take_rate: d("0.20"),
        }],
    })
    .unwrap();
    // 1.10 × 730 = 803; 20 % = 160.6; provider 642.4.
    assert_eq!(settled.network_take_usd, d("160.6"));
    assert_eq!(settled.provider_receives_usd, d("642.4"));
}

#[test]
fn published_long_context_thresholds() {
    // 272k tokens (a provider's threshold): 272,000 is base, 272,001 premium, cached
    // tokens counted.
    let api = ApiPriceList {
        base: TokenRates {
            input_usd_per_million_tokens: d("1.25"),
            cached_input_usd_per_million_tokens: d("0.125"),
            output_usd_per_million_tokens: d("10"),
        },
        premium: Some(PremiumTier {
            threshold_prompt_tokens: d("272000"),
            rates: TokenRates {
                input_usd_per_million_tokens: d("2.5"),
                cached_input_usd_per_million_tokens: d("0.25"),
                output_usd_per_million_tokens: d("15"),
            },
        }),
    };
    assert_eq!(api.tier(d("272000")).0, ApiTier::Base);
    assert_eq!(api.tier(d("272001")).0, ApiTier::Premium);
}

proptest! {
    /// Emissions are never negative, the supply never passes the cap nor falls, the rows
    /// add up to the total, and a reached cap is the final supply.
    #[test]
    fn emissions_stay_under_the_cap(inputs in schedules()) {
        let s = emission_schedule(&inputs).unwrap();
        let mut previous = inputs.initial_supply_tokens;
        for p in &s.periods {
            prop_assert!(p.emitted_tokens >= Decimal::ZERO);
            prop_assert!(p.last_epoch_emitted_tokens >= Decimal::ZERO);
            prop_assert!(p.last_epoch_inflation_rate >= Decimal::ZERO);
            prop_assert!(p.total_supply_tokens <= inputs.max_supply_tokens);
            prop_assert!(p.total_supply_tokens >= previous);
            previous = p.total_supply_tokens;
        }
        let sum: Decimal = s.periods.iter().map(|p| p.emitted_tokens).sum();
        prop_assert_eq!(sum, s.emitted_tokens);
        prop_assert_eq!(s.periods.last().unwrap().total_supply_tokens, s.total_supply_tokens);
        if s.cap_reached_epoch.is_some() {
            prop_assert_eq!(s.total_supply_tokens, inputs.max_supply_tokens);
        }
    }

    /// At the equilibrium price the burn equals the emission (to the 18 places burned
    /// tokens are kept to); above it the supply grows, below it it shrinks; the supply is
    /// the initial supply plus the net changes.
    #[test]
    fn burn_and_mint_balance_at_the_equilibrium_price(inputs in burn_mints()) {
        let result = burn_mint(&inputs).unwrap();
        let changes: Decimal = result.periods.iter().map(|p| p.net_supply_change_tokens).sum();
        prop_assert_eq!(inputs.initial_supply_tokens + changes, result.supply_tokens);
        prop_assert_eq!(changes, result.net_supply_change_tokens);
        for p in &result.periods {
            prop_assert_eq!(p.fee_usd + p.burned_usd, p.jobs_usd);
            let Some(price) = p.equilibrium_token_price_usd.filter(|p| *p > Decimal::ZERO) else {
                continue;
            };
            let at = |token_price_usd| BurnMintInputs {
                periods: vec![BurnMintPeriod { jobs_usd: p.jobs_usd, token_price_usd }],
                ..inputs.clone()
            };
            let balanced = burn_mint(&at(price)).unwrap();
            let gap = balanced.periods[0].net_supply_change_tokens.abs();
            prop_assert!(gap <= dec(1, 17), "gap {}", gap);
            let above = burn_mint(&at(price * d("1.01"))).unwrap();
            prop_assert!(above.periods[0].net_supply_change_tokens >= Decimal::ZERO);
            let below = burn_mint(&at(price * d("0.99"))).unwrap();
            prop_assert!(below.periods[0].net_supply_change_tokens <= Decimal::ZERO);
        }
    }

    /// The provider's share and the network's take add up to what the buyer pays, exactly,
    /// lease by lease and in total; the effective take is within the leases' rates.
    #[test]
    fn provider_plus_network_is_what_the_buyer_pays(inputs in leases()) {
        let s = take_rate_settlement(&inputs).unwrap();
        for l in &s.leases {
            prop_assert_eq!(l.provider_receives_usd + l.network_take_usd, l.buyer_pays_usd);
            prop_assert!(l.network_take_usd >= Decimal::ZERO && l.provider_receives_usd >= Decimal::ZERO);
        }
        prop_assert_eq!(s.provider_receives_usd + s.network_take_usd, s.buyer_pays_usd);
        let buyers: Decimal = s.leases.iter().map(|l| l.buyer_pays_usd).sum();
        prop_assert_eq!(buyers, s.buyer_pays_usd);
        // Each take is kept to 18 places: on a dollar or more the rate is within 1e-12.
        if let Some(rate) = s.effective_take_rate.filter(|_| s.buyer_pays_usd >= Decimal::ONE) {
            let lo = inputs.leases.iter().map(|l| l.take_rate).min().unwrap();
            let hi = inputs.leases.iter().map(|l| l.take_rate).max().unwrap();
            prop_assert!(rate >= lo - dec(1, 12) && rate <= hi + dec(1, 12), "rate {}", rate);
        }
    }

    /// A request one token over the threshold costs more than one at it (the whole request
    /// moves to the premium rates), cached tokens counting toward the threshold.
    #[test]
    fn a_request_just_over_the_threshold_costs_more(
        api in price_lists(), cached_pct in 0i64..=100, output in 0i64..=100_000,
    ) {
        let threshold = api.premium.as_ref().unwrap().threshold_prompt_tokens;
        let request = |prompt: Decimal| RequestClass {
            name: String::new(),
            prompt_tokens: prompt,
            cached_tokens: (prompt * dec(cached_pct, 2)).floor(),
            output_tokens: dec(output, 0),
            requests_per_month: Decimal::ONE,
        };
        let cost = |prompt: Decimal| {
            api_comparison(&ApiComparisonInputs {
                requests: vec![request(prompt)],
                api: api.clone(),
                self_hosted: SelfHosted {
                    usd_per_gpu_hour: Decimal::TWO,
                    tokens_per_second: dec(1000, 0),
                    reserved_gpus: Decimal::ONE,
                },
            })
        };
        let over = cost(threshold + Decimal::ONE).unwrap();
        prop_assert_eq!(over.classes[0].tier, ApiTier::Premium);
        if threshold + dec(output, 0) > Decimal::ZERO {
            let under = cost(threshold).unwrap();
            prop_assert_eq!(under.classes[0].tier, ApiTier::Base);
            prop_assert!(over.api_usd_per_month > under.api_usd_per_month);
        }
    }

    /// The API's bill is linear in the volume of the mix; usage-based self-hosting never
    /// costs more per million tokens than the reservation; at the break-even volume the
    /// API costs what the reservation does.
    #[test]
    fn api_bill_scales_and_the_break_even_holds(api in price_lists(), mix in mixes()) {
        let hosted = SelfHosted {
            usd_per_gpu_hour: d("2.5"),
            tokens_per_second: d("5000"),
            reserved_gpus: d("1000"),
        };
        let inputs = ApiComparisonInputs { requests: mix.clone(), api: api.clone(), self_hosted: hosted };
        let Ok(result) = api_comparison(&inputs) else {
            let err = api_comparison(&inputs).unwrap_err();
            prop_assert_eq!(err.field(), "self_hosted.reserved_gpus");
            return Ok(());
        };
        let per_class: Decimal = result.classes.iter().map(|c| c.usd_per_month).sum();
        prop_assert_eq!(per_class, result.api_usd_per_month);
        prop_assert!(result.usage_based.usd_per_million_tokens <= result.reservation_based.usd_per_million_tokens);
        prop_assert!(result.reserved_utilization <= Decimal::ONE);
        let doubled = ApiComparisonInputs {
            requests: mix.iter().map(|c| RequestClass { requests_per_month: c.requests_per_month * Decimal::TWO, ..c.clone() }).collect(),
            ..inputs.clone()
        };
        if let Ok(twice) = api_comparison(&doubled) {
            prop_assert_eq!(twice.api_usd_per_month, result.api_usd_per_month * Decimal::TWO);
            prop_assert!((twice.api_usd_per_million_tokens - result.api_usd_per_million_tokens).abs() <= dec(1, 20));
        }
        if let Some(tokens) = result.break_even_tokens_per_month {
            let bill_at = result.api_usd_per_million_tokens * tokens / dec(1_000_000, 0);
            let gap = (bill_at - result.reservation_based.usd_per_month).abs();
            prop_assert!(gap <= dec(1, 12), "gap {}", gap);
        }
    }

    /// The months add up to the net cash; a higher token price never lowers it; the
    /// break-even price nets zero.
    #[test]
    fn operator_cash_adds_up_and_rises_with_the_price(inputs in operators()) {
        let roi = operator_roi(&inputs).unwrap();
        let s = &roi.scenarios[0];
        let flows: Decimal = s.months.iter().map(|m| m.cash_flow_usd).sum();
        prop_assert_eq!(flows - s.investment_usd, s.net_cash_usd);
        prop_assert_eq!(s.months.last().unwrap().cumulative_cash_flow_usd, s.net_cash_usd);
        let rewards: Decimal = s.months.iter().map(|m| m.reward_tokens).sum();
        prop_assert_eq!(rewards, roi.reward_tokens);
        if let Some(month) = s.payback_month {
            let at = usize::try_from(month).unwrap() - 1;
            prop_assert!(s.months[at].cumulative_cash_flow_usd >= Decimal::ZERO);
        }
        let flat = |price: Decimal| OperatorInputs {
            scenarios: vec![TokenPriceScenario {
                name: String::new(),
                price: TokenPricePath::Curve { start_usd_per_token: price, curve: Curve::Constant },
            }],
            ..inputs.clone()
        };
        let low = operator_roi(&flat(Decimal::ONE)).unwrap().scenarios[0].net_cash_usd;
        let high = operator_roi(&flat(Decimal::TWO)).unwrap().scenarios[0].net_cash_usd;
        if roi.reward_tokens >= inputs.stake_tokens * inputs.slashed_share {
            prop_assert!(high >= low, "{} at $2 < {} at $1", high, low);
        }
        if let Some(price) = roi.break_even_usd_per_token.filter(|p| *p >= Decimal::ZERO) {
            let net = operator_roi(&flat(price)).unwrap().scenarios[0].net_cash_usd;
            prop_assert!(net.abs() <= dec(1, 12), "net {} at {}", net, price);
        }
    }

    /// Any inputs at all give a result or a typed error naming a field; nothing panics.
    #[test]
    fn bad_inputs_never_panic(
        a in any_decimal(), b in any_decimal(), c in any_decimal(), e in any_decimal(),
        n in 0u32..=2000,
    ) {
        let schedule = EmissionScheduleInputs {
            initial_supply_tokens: a, max_supply_tokens: b,
            initial_annual_inflation_rate: c, disinflation_rate_per_epoch: e,
            first_epoch: n, epochs_per_period: n, periods: n.min(3),
        };
        if let Err(err) = emission_schedule(&schedule) { prop_assert!(!err.field().is_empty()); }
        let bm = BurnMintInputs {
            initial_supply_tokens: a, minted_tokens_per_period: b,
            node_operator_tokens_per_period: c, fee_rate: e,
            periods: vec![BurnMintPeriod { jobs_usd: b, token_price_usd: c }],
        };
        if let Err(err) = burn_mint(&bm) { prop_assert!(!err.field().is_empty()); }
        let lease = TakeRateInputs { leases: vec![Lease { usd_per_gpu_hour: a, gpu_hours: b, take_rate: e }] };
        if let Err(err) = take_rate_settlement(&lease) { prop_assert!(!err.field().is_empty()); }
        let api = ApiComparisonInputs {
            requests: vec![RequestClass {
                name: String::new(), prompt_tokens: a, cached_tokens: e,
                output_tokens: b, requests_per_month: c,
            }],
            api: ApiPriceList {
                base: TokenRates {
                    input_usd_per_million_tokens: b,
                    cached_input_usd_per_million_tokens: c,
                    output_usd_per_million_tokens: e,
                },
                premium: Some(PremiumTier {
                    threshold_prompt_tokens: a,
                    rates: TokenRates {
                        input_usd_per_million_tokens: c,
                        cached_input_usd_per_million_tokens: c,
                        output_usd_per_million_tokens: b,
                    },
                }),
            },
            self_hosted: SelfHosted { usd_per_gpu_hour: a, tokens_per_second: b, reserved_gpus: c },
        };
        if let Err(err) = api_comparison(&api) { prop_assert!(!err.field().is_empty()); }
        let operator = OperatorInputs {
            months: n.min(1300),
            hardware_usd: a, salvage_usd: b, gpus: c, utilization: e,
            power: PowerInputs { it_kw_per_gpu: a, idle_fraction: e, pue: b, usd_per_kwh: c },
            other_usd_per_month: b, rental_income_usd_per_month: a,
            reward_tokens_per_month: c, reward_curve: Curve::Exponential { annual_factor: a },
            stake_tokens: b, slashed_share: e, annual_discount_rate: e,
            scenarios: vec![TokenPriceScenario {
                name: String::new(),
                price: TokenPricePath::Series { usd_per_token: vec![a, b, c] },
            }],
        };
        match operator_roi(&operator) {
            Ok(_) => prop_assert!(operator.validate().is_empty()),
            Err(err) => prop_assert!(!err.field().is_empty()),
        }
    }
}
