//! Laws of rental pricing and utilization yield (`gpuecon::models::pricing`,
//! `gpuecon::models::utilization`), on generated inputs (proptest), and the published
//! figures they must reproduce.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use gpuecon::models::pricing::{
    CapacityBook, Dedicated, OnDemand, PublishedOffer, PublishedPrices, Reserved, Spot,
    TargetIrrInputs, TargetMarginInputs, TokenPriceInputs, break_even_price, capacity_book,
    published_discounts, target_irr_price, target_margin_price, token_price,
};
use gpuecon::models::utilization::{
    BuyerCostInputs, Utilization, YieldInputs, buyer_cost, cost_per_utilized_hour,
    utilization_yield,
};
use gpuecon::models::{
    CapitalInputs, CapitalMethod, FacilityInputs, OperationsInputs, OwnerCostInputs, PowerInputs,
    UsageInputs, Validate,
};
use gpuecon::{Decimal, ErrorCode, finance};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// An exact fraction `numerator / denominator` as a decimal (28 digits).
fn fraction(numerator: i64, denominator: i64) -> Decimal {
    Decimal::from(numerator) / Decimal::from(denominator)
}

/// A book of up to 3 reserved and 2 dedicated blocks on 0-1000 GPUs, with or without spot;
/// GPU counts in tenths, prices in cents, fractions in thousandths, 1-8760 hours.
fn books() -> impl Strategy<Value = CapacityBook> {
    let block = (0i64..=2000, 0i64..=1000, 0i64..=1000, 1u32..=36);
    (
        0i64..=10_000,
        1i64..=8760,
        (0i64..=1000, 0i64..=1000),
        prop::collection::vec(block, 0..=3),
        prop::option::of((0i64..=1000, 0i64..=1000, 0i64..=1000)),
        prop::collection::vec((0i64..=2000, 0i64..=1000), 0..=2),
    )
        .prop_map(|(gpus, hours, od, reserved, spot, dedicated)| {
            // Scale the blocks down so that they fit in the fleet.
            let committed: i64 = reserved.iter().map(|r| r.0).sum::<i64>()
                + dedicated.iter().map(|b| b.0).sum::<i64>();
            let fit = |g: i64| {
                if committed > gpus {
                    g * gpus / committed
                } else {
                    g
                }
            };
            CapacityBook {
                gpus: dec(gpus, 1),
                hours: dec(hours, 0),
                on_demand: OnDemand {
                    price_usd_per_gpu_hour: dec(od.0, 2),
                    utilization: dec(od.1, 3),
                },
                reserved: reserved
                    .iter()
                    .map(|r| Reserved {
                        gpus: dec(fit(r.0), 1),
                        on_demand_price_usd_per_gpu_hour: dec(r.1, 2),
                        discount: dec(r.2, 3),
                        term_months: r.3,
                    })
                    .collect(),
                spot: spot.map(|s| Spot {
                    discount: dec(s.0, 3),
                    share_of_idle_sold: dec(s.1, 3),
                    preemption_rate: dec(s.2, 3),
                }),
                dedicated: dedicated
                    .iter()
                    .map(|b| Dedicated {
                        gpus: dec(fit(b.0), 1),
                        price_usd_per_gpu_hour: dec(b.1, 2),
                    })
                    .collect(),
            }
        })
}

/// Realistic owner cost inputs (as in laws_owner_cost.rs): capex $0-100k, whole life 1-10
/// years, rate 0-20 %, power, facility, operations, SG&A 0-30 %, utilization in (0, 1].
fn costs() -> impl Strategy<Value = OwnerCostInputs> {
    (
        (1000i64..=100_000, 0i64..=50, 1i64..=10, 0i64..=2000),
        (0i64..=3000, 0i64..=30, 100i64..=200, 0i64..=300),
        (0i64..=3000, 0i64..=300),
        (0i64..=100, 0i64..=20, 0i64..=30),
        1i64..=1000,
    )
        .prop_map(|(c, w, f, o, u)| OwnerCostInputs {
            capital: CapitalInputs {
                capex_usd_per_gpu: dec(c.0, 0),
                salvage_usd_per_gpu: dec(c.0 * c.1 / 100, 0),
                life_years: dec(c.2, 0),
                annual_rate: dec(c.3, 4),
                method: CapitalMethod::CapitalRecovery,
            },
            power: PowerInputs {
                it_kw_per_gpu: dec(w.0, 3),
                idle_fraction: dec(w.1, 2),
                pue: dec(w.2, 2),
                usd_per_kwh: dec(w.3, 3),
            },
            facility: FacilityInputs {
                contracted_kw_per_gpu: dec(f.0, 3),
                usd_per_kw_month: dec(f.1, 0),
            },
            operations: OperationsInputs {
                staff_usd_per_gpu_hour: dec(o.0, 3),
                support_usd_per_gpu_hour: Decimal::ZERO,
                software_usd_per_gpu_hour: Decimal::ZERO,
                insurance_rate_per_year: dec(o.1, 3),
                sga_share_of_revenue: dec(o.2, 2),
            },
            usage: UsageInputs {
                utilization: dec(u, 3),
                price_usd_per_gpu_hour: Decimal::ZERO,
            },
        })
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
fn aws_p4d_prices_give_the_public_discounts() {
    // AWS p4d, 2023, per instance-hour: on demand $32.773, spot $13.655, 1-year reserved
    // $20.175, 3-year $12.499. Exactly:
    //   spot   1 − 13.655/32.773 = 19.118/32.773 = 19118/32773 = 0.58334604705092606...
    //   1-year 1 − 20.175/32.773 = 12.598/32.773 = 12598/32773 = 0.38440179415982668...
    //   3-year 1 − 12.499/32.773 = 20.274/32.773 = 20274/32773 = 0.61861898514020687...
    let offer = |name: &str, price: &str| PublishedOffer {
        name: name.to_owned(),
        usd_per_hour: d(price),
    };
    let prices = PublishedPrices {
        on_demand_usd_per_hour: d("32.773"),
        offers: vec![
            offer("spot", "13.655"),
            offer("reserved_1_year", "20.175"),
            offer("reserved_3_year", "12.499"),
        ],
    };
    let discounts = published_discounts(&prices).unwrap();
    let tolerance = dec(1, 26);
    for (got, (num, den)) in
        discounts
            .iter()
            .zip([(19_118, 32_773), (12_598, 32_773), (20_274, 32_773)])
    {
        let exact = fraction(num, den);
        assert!(
            (got.discount - exact).abs() <= tolerance,
            "{}: {}",
            got.name,
            got.discount
        );
    }
    assert_eq!(discounts[0].discount.round_dp(5), d("0.58335"));
    assert_eq!(discounts[1].discount.round_dp(5), d("0.38440"));
    assert_eq!(discounts[2].discount.round_dp(5), d("0.61862"));
    // The public ranges: 1-year 25-41 %, 3-year 49-64 %.
    assert!(d("0.25") <= discounts[1].discount && discounts[1].discount <= d("0.41"));
    assert!(d("0.49") <= discounts[2].discount && discounts[2].discount <= d("0.64"));
}

#[test]
fn the_published_token_price() {
    // H100 at $2.00 an hour, 85 tokens/s, utilization 1: 2 / (85 × 3600) × 1e6
    // = 2,000,000 / 306,000 = 1000/153 = 6.5359477124183006535947712418... → $6.54.
    let price = token_price(&TokenPriceInputs {
        usd_per_gpu_hour: d("2.00"),
        tokens_per_second: d("85"),
        utilization: Decimal::ONE,
    })
    .unwrap();
    assert!((price.usd_per_million_tokens - fraction(1000, 153)).abs() <= dec(1, 26));
    assert_eq!(price.usd_per_million_tokens.round_dp(2), d("6.54"));
    let zero = TokenPriceInputs {
        tokens_per_second: Decimal::ZERO,
        ..TokenPriceInputs {
            usd_per_gpu_hour: d("2"),
            tokens_per_second: d("85"),
            utilization: Decimal::ONE,
        }
    };
    let err = token_price(&zero).unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Domain, "tokens_per_second")
    );
}

proptest! {
    /// Revenue and billed hours by product add up to the totals exactly; billed hours never
    /// exceed the available hours; idle = available − billed.
    #[test]
    fn book_products_sum_to_the_totals(book in books()) {
        let r = capacity_book(&book).unwrap();
        prop_assert_eq!(r.on_demand_usd + r.reserved_usd + r.spot_usd + r.dedicated_usd, r.total_usd);
        prop_assert_eq!(
            r.on_demand_gpu_hours + r.reserved_gpu_hours + r.spot_gpu_hours + r.dedicated_gpu_hours,
            r.billed_gpu_hours
        );
        prop_assert!(r.billed_gpu_hours <= r.available_gpu_hours);
        prop_assert_eq!(r.available_gpu_hours - r.billed_gpu_hours, r.idle_gpu_hours);
        prop_assert!(r.idle_gpu_hours >= Decimal::ZERO);
        if let Some(u) = r.billed_utilization {
            prop_assert!(u >= Decimal::ZERO && u <= Decimal::ONE);
        }
    }

    /// Spot is sold only from idle on-demand hours: never more than the on-demand GPUs'
    /// hours left unsold, so never a reserved or dedicated hour, whatever the reserved
    /// blocks' utilization.
    #[test]
    fn spot_never_sells_reserved_hours(book in books()) {
        let r = capacity_book(&book).unwrap();
        let on_demand_available = r.available_gpu_hours - r.reserved_gpu_hours - r.dedicated_gpu_hours;
        prop_assert!(r.spot_gpu_hours <= on_demand_available - r.on_demand_gpu_hours);
        // Reserving more GPUs out of the on-demand pool never raises spot hours.
        let mut more = book.clone();
        let spare = book.gpus
            - book.reserved.iter().map(|b| b.gpus).sum::<Decimal>()
            - book.dedicated.iter().map(|b| b.gpus).sum::<Decimal>();
        more.reserved.push(Reserved {
            gpus: spare,
            on_demand_price_usd_per_gpu_hour: Decimal::ONE,
            discount: Decimal::ZERO,
            term_months: 1,
        });
        let all_reserved = capacity_book(&more).unwrap();
        prop_assert_eq!(all_reserved.spot_gpu_hours, Decimal::ZERO);
        prop_assert_eq!(all_reserved.on_demand_gpu_hours, Decimal::ZERO);
    }

    /// Cost per utilized hour never rises as utilization rises: for a fixed cost per
    /// available hour (exact), and for the break-even price built on `owner_cost` (whose
    /// power grows with utilization; its items are rounded to 18 places, hence the slack).
    #[test]
    fn cost_per_utilized_hour_never_rises(
        cost in 0i64..=1_000_000, lower in 0i64..=1000, step in 0i64..=1000, inputs in costs(),
    ) {
        let higher = (lower + step).min(1000);
        let (low, high) = (dec(lower, 3), dec(higher, 3));
        let per_hour = dec(cost, 4);
        match (cost_per_utilized_hour(per_hour, low).unwrap(), cost_per_utilized_hour(per_hour, high).unwrap()) {
            (Some(a), Some(b)) => prop_assert!(b <= a),
            (None, _) => prop_assert!(low.is_zero()),
            (Some(_), None) => prop_assert!(false, "a higher utilization lost its cost"),
        }
        prop_assume!(lower > 0);
        let (mut a, mut b) = (inputs.clone(), inputs);
        a.usage.utilization = low;
        b.usage.utilization = high;
        let (pa, pb) = (break_even_price(&a).unwrap(), break_even_price(&b).unwrap());
        prop_assert!(pb.price_usd_per_gpu_hour <= pa.price_usd_per_gpu_hour + dec(1, 14));
    }

    /// At the break-even price revenue pays the whole cost, SG&A included; at the margin
    /// price the gross margin (before SG&A) is the target.
    #[test]
    fn break_even_and_margin_prices_hold(inputs in costs(), margin in 0i64..=990) {
        let p = break_even_price(&inputs).unwrap();
        let gap = (p.revenue_usd_per_available_gpu_hour - p.cost.total_usd_per_gpu_hour).abs();
        prop_assert!(gap <= dec(1, 15), "gap {}", gap);

        let m = dec(margin, 3);
        let priced = target_margin_price(&TargetMarginInputs { cost: inputs, target_gross_margin: m }).unwrap();
        let revenue = priced.revenue_usd_per_available_gpu_hour;
        prop_assume!(revenue > dec(1, 6));
        let before_sga = priced.cost.total_usd_per_gpu_hour - priced.cost.sga_usd_per_gpu_hour;
        let achieved = (revenue - before_sga) / revenue;
        prop_assert!((achieved - m).abs() <= dec(1, 12), "margin {}", achieved);
    }

    /// The IRR price's flows have the target IRR (finance::irr) to 1e-9.
    #[test]
    fn the_irr_price_gives_the_target_irr(inputs in costs(), target in 0i64..=400) {
        let r = dec(target, 3);
        let priced = target_irr_price(&TargetIrrInputs { cost: inputs, target_annual_irr: r }).unwrap();
        prop_assume!(priced.price_usd_per_gpu_hour > Decimal::ZERO);
        let irr = finance::irr(&priced.annual_cash_flows_usd, None).unwrap();
        prop_assert!((irr - r).abs() <= dec(1, 9), "irr {} for {}", irr, r);
    }

    /// A yield series: its totals are the sums of its months, billed hours never exceed
    /// the available ones, and a month with nothing billed has no cost per utilized hour.
    #[test]
    fn yield_totals_are_the_sums_of_the_months(
        price in 0i64..=1000, cost in 0i64..=1000, capex in 1i64..=100_000,
        months in prop::collection::vec((0i64..=1000, 0i64..=1000, 0i64..=1000), 1..=24),
    ) {
        let inputs = YieldInputs {
            price_usd_per_gpu_hour: dec(price, 2),
            cost_usd_per_available_gpu_hour: dec(cost, 2),
            capex_usd_per_gpu: dec(capex, 0),
            months: months.iter().map(|m| Utilization {
                billed: dec(m.0, 3), activity: dec(m.1, 3), effective: dec(m.2, 3),
            }).collect(),
        };
        let s = utilization_yield(&inputs).unwrap();
        let sum = |f: fn(&gpuecon::models::utilization::YieldMonth) -> Decimal| -> Decimal {
            s.months.iter().map(f).sum()
        };
        prop_assert_eq!(sum(|m| m.revenue_usd), s.totals.revenue_usd);
        prop_assert_eq!(sum(|m| m.cost_usd), s.totals.cost_usd);
        prop_assert_eq!(sum(|m| m.billed_gpu_hours), s.totals.billed_gpu_hours);
        prop_assert!(s.totals.billed_gpu_hours <= s.totals.available_gpu_hours);
        for m in &s.months {
            prop_assert_eq!(m.margin_usd, m.revenue_usd - m.cost_usd);
            prop_assert_eq!(m.cost_usd_per_utilized_gpu_hour.is_none(), m.billed_gpu_hours.is_zero());
        }
    }

    /// A reserved buyer's cost per used hour is the reserved price ÷ activity: at or above
    /// the on-demand price exactly when activity is at or below the break-even activity.
    #[test]
    fn reserving_pays_above_the_break_even_activity(
        reserved in 1i64..=1000, on_demand in 1i64..=1000, activity in 1i64..=1000,
    ) {
        let cost = buyer_cost(&BuyerCostInputs {
            reserved_usd_per_gpu_hour: dec(reserved, 2),
            on_demand_usd_per_gpu_hour: dec(on_demand, 2),
            activity: dec(activity, 3),
            gpus: Decimal::ONE,
            hours: dec(730, 0),
        }).unwrap();
        let per_used = cost.reserved_usd_per_used_gpu_hour.unwrap();
        let break_even = cost.break_even_activity.unwrap();
        // reserved_cost ≤ on_demand_cost ⇔ reserved ≤ on_demand × activity ⇔ activity ≥ break-even
        prop_assert_eq!(cost.reserved_cost_usd <= cost.on_demand_cost_usd, dec(activity, 3) >= break_even);
        prop_assert_eq!(per_used <= dec(on_demand, 2), cost.reserved_cost_usd <= cost.on_demand_cost_usd);
    }

    /// Bad inputs are typed domain errors naming the field.
    #[test]
    fn bad_inputs_name_the_field(book in books(), which in 0usize..6, bad in 1i64..=1000) {
        let mut book = book;
        let field = match which {
            0 => { book.on_demand.price_usd_per_gpu_hour = dec(-bad, 2); "on_demand.price_usd_per_gpu_hour" }
            1 => { book.on_demand.utilization = Decimal::ONE + dec(bad, 3); "on_demand.utilization" }
            2 => { book.on_demand.utilization = dec(-bad, 3); "on_demand.utilization" }
            3 => { book.hours = dec(-bad, 0); "hours" }
            4 => { book.gpus = dec(-bad, 1); "gpus" }
            _ => {
                book.dedicated.push(Dedicated { gpus: book.gpus + dec(bad, 1), price_usd_per_gpu_hour: Decimal::ONE });
                "gpus"
            }
        };
        let err = capacity_book(&book).unwrap_err();
        prop_assert_eq!(err.code(), ErrorCode::Domain);
        prop_assert_eq!(err.field(), field);
        prop_assert!(book.validate().iter().any(|e| e.field() == field));
    }

    /// Margins of 1 or more, negative margins and IRR targets at or below −1 are errors.
    #[test]
    fn bad_targets_name_the_field(inputs in costs(), over in 0i64..=1000) {
        let m = TargetMarginInputs { cost: inputs.clone(), target_gross_margin: Decimal::ONE + dec(over, 3) };
        prop_assert_eq!(target_margin_price(&m).unwrap_err().field().to_owned(), "target_gross_margin");
        let m = TargetMarginInputs { cost: inputs.clone(), target_gross_margin: dec(-over - 1, 3) };
        prop_assert_eq!(target_margin_price(&m).unwrap_err().field().to_owned(), "target_gross_margin");
        let r = TargetIrrInputs { cost: inputs, target_annual_irr: Decimal::NEGATIVE_ONE - dec(over, 3) };
        prop_assert_eq!(target_irr_price(&r).unwrap_err().field().to_owned(), "target_annual_irr");
    }

    /// No input panics: every call returns a value or an error.
    #[test]
    fn no_input_panics(
        a in any_decimal(), b in any_decimal(), c in any_decimal(), e in any_decimal(),
        f in any_decimal(), g in any_decimal(), term in any::<u32>(),
    ) {
        let book = CapacityBook {
            gpus: a, hours: b,
            on_demand: OnDemand { price_usd_per_gpu_hour: c, utilization: e },
            reserved: vec![Reserved { gpus: f, on_demand_price_usd_per_gpu_hour: g, discount: e, term_months: term }],
            spot: Some(Spot { discount: e, share_of_idle_sold: f, preemption_rate: g }),
            dedicated: vec![Dedicated { gpus: g, price_usd_per_gpu_hour: a }],
        };
        let _ = capacity_book(&book);
        let _ = token_price(&TokenPriceInputs { usd_per_gpu_hour: a, tokens_per_second: b, utilization: e });
        let _ = gpuecon::models::pricing::training_run_cost(&gpuecon::models::pricing::TrainingRunInputs {
            total_flops: a, peak_flops_per_second: b, mfu: e, usd_per_gpu_hour: c,
        });
        let _ = published_discounts(&PublishedPrices {
            on_demand_usd_per_hour: a,
            offers: vec![PublishedOffer { name: String::new(), usd_per_hour: b }],
        });
        let _ = buyer_cost(&BuyerCostInputs {
            reserved_usd_per_gpu_hour: a, on_demand_usd_per_gpu_hour: b, activity: e, gpus: c, hours: f,
        });
        let _ = utilization_yield(&YieldInputs {
            price_usd_per_gpu_hour: a, cost_usd_per_available_gpu_hour: b, capex_usd_per_gpu: c,
            months: vec![Utilization { billed: e, activity: f, effective: g }],
        });
        let cost = OwnerCostInputs {
            capital: CapitalInputs {
                capex_usd_per_gpu: a, salvage_usd_per_gpu: Decimal::ZERO, life_years: b,
                annual_rate: c, method: CapitalMethod::CapitalRecovery,
            },
            power: PowerInputs { it_kw_per_gpu: c, idle_fraction: e, pue: Decimal::ONE, usd_per_kwh: f },
            facility: FacilityInputs { contracted_kw_per_gpu: g, usd_per_kw_month: a },
            operations: OperationsInputs { sga_share_of_revenue: e, ..OperationsInputs::default() },
            usage: UsageInputs { utilization: e, price_usd_per_gpu_hour: g },
        };
        let _ = break_even_price(&cost);
        let _ = target_margin_price(&TargetMarginInputs { cost: cost.clone(), target_gross_margin: f });
        let _ = target_irr_price(&TargetIrrInputs { cost, target_annual_irr: g });
    }
}
