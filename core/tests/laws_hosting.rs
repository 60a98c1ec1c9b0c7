//! Laws of hosting agreements (`gpuecon::models::hosting`), on generated agreements
//! (proptest):
//!
//! - the SLA credit never exceeds the month's fee, the share-of-fee cap, or (summed over a
//!   contract year) the annual cap; nor the credit before the cap;
//! - the minimum applies before the credits: the fee is `max(base, minimum)` and the net
//!   fee `fee − credit`, so it is never below `minimum − credit`, nor below 0;
//! - with tiers whose credit shares rise as the thresholds fall, a lower uptime never
//!   earns a smaller credit share;
//! - the totals are the sums of the months;
//! - bad inputs give a typed error naming the field; arbitrary inputs never panic.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::Validate;
use gpuecon::models::hosting::{
    CreditCap, HostCost, HostingFee, HostingInputs, HostingSchedule, SlaTier, hosting_fees,
};
use gpuecon::{Decimal, ErrorCode};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// 0-4 tiers with thresholds falling from 1 and credit shares rising to at most 1.
fn tiers() -> impl Strategy<Value = Vec<SlaTier>> {
    prop::collection::vec((1i64..=500, 0i64..=400), 0..=4)
        .prop_map(|steps| {
            let (mut below, mut share) = (10_000i64, 0i64);
            steps
                .into_iter()
                .map(|(down, up)| {
                    below = (below - down).max(0);
                    share = (share + up).min(1_000);
                    SlaTier {
                        below_uptime: dec(below, 4),
                        credit_share: dec(share, 3),
                    }
                })
                .collect::<Vec<_>>()
        })
        .prop_filter("thresholds strictly falling", |t| {
            t.windows(2)
                .all(|w| matches!(w, [a, b] if b.below_uptime < a.below_uptime))
        })
}

fn agreement() -> impl Strategy<Value = HostingInputs> {
    (1u32..=40).prop_flat_map(|months| {
        let len = usize::try_from(months).unwrap();
        (
            prop_oneof![
                (0i64..=5_000, 0i64..=30_000).prop_map(|(kw, price)| HostingFee::FixedPerKw {
                    contracted_kw: dec(kw, 0),
                    usd_per_kw_month: dec(price, 2),
                }),
                (
                    0i64..=100,
                    prop::collection::vec(0i64..=500_000_000, 0..=len)
                )
                    .prop_map(|(share, revenue)| HostingFee::RevenueShare {
                        share: dec(share, 2),
                        model_revenue_usd: revenue.into_iter().map(|r| dec(r, 2)).collect(),
                    }),
            ],
            0i64..=1_000_000,
            prop::collection::vec(9_000i64..=10_000, 0..=len),
            tiers(),
            (
                prop::option::of(0i64..=100),
                prop::option::of(0i64..=2_000_000),
            ),
            prop::option::of((0i64..=50_000, 0i64..=5_000_000)),
        )
            .prop_map(
                move |(fee, minimum, uptime, sla_tiers, (share_cap, annual_cap), cost)| {
                    HostingInputs {
                        months,
                        // A per-kW cost only where the fee has contracted kW.
                        host_cost: cost.map(|(per_kw, per_month)| HostCost {
                            usd_per_kw_month: match fee {
                                HostingFee::FixedPerKw { .. } => dec(per_kw, 2),
                                HostingFee::RevenueShare { .. } => Decimal::ZERO,
                            },
                            usd_per_month: dec(per_month, 0),
                        }),
                        fee,
                        minimum_fee_usd_per_month: dec(minimum, 0),
                        uptime_by_month: uptime.into_iter().map(|u| dec(u, 4)).collect(),
                        sla_tiers,
                        credit_cap: CreditCap {
                            share_of_monthly_fee: share_cap.map(|s| dec(s, 2)),
                            usd_per_contract_year: annual_cap.map(|a| dec(a, 0)),
                        },
                    }
                },
            )
    })
}

proptest! {
    /// The host's margin: net fee = host cost + margin each month and in total, the totals
    /// the months' sums, the share the margin over the net fee (to a Decimal's digits);
    /// every margin field none without a cost.
    #[test]
    fn margin_and_cost_make_up_the_net_fee(inputs in agreement()) {
        let s = run(&inputs);
        let near = |share: Decimal, margin: Decimal, net: Decimal| {
            (share * net - margin).abs() <= net.abs() * Decimal::new(1, 24)
        };
        let Some(_) = inputs.host_cost else {
            prop_assert!(s.months.iter().all(|m| m.host_cost_usd.is_none() && m.margin_usd.is_none() && m.margin_share.is_none()));
            prop_assert_eq!((s.totals.host_cost_usd, s.totals.margin_usd, s.totals.margin_share), (None, None, None));
            return Ok(());
        };
        let (mut cost, mut margin) = (Decimal::ZERO, Decimal::ZERO);
        for m in &s.months {
            let (c, g) = (m.host_cost_usd.unwrap(), m.margin_usd.unwrap());
            prop_assert_eq!(c + g, m.net_fee_usd);
            match m.margin_share {
                Some(share) => prop_assert!(near(share, g, m.net_fee_usd) && share <= Decimal::ONE),
                None => prop_assert_eq!(m.net_fee_usd, Decimal::ZERO),
            }
            cost += c;
            margin += g;
        }
        prop_assert_eq!(s.totals.host_cost_usd, Some(cost));
        prop_assert_eq!(s.totals.margin_usd, Some(margin));
        match s.totals.margin_share {
            Some(share) => prop_assert!(near(share, margin, s.totals.net_fee_usd)),
            None => prop_assert_eq!(s.totals.net_fee_usd, Decimal::ZERO),
        }
    }
}

fn run(inputs: &HostingInputs) -> HostingSchedule {
    assert_eq!(inputs.validate(), Vec::new());
    hosting_fees(inputs).unwrap()
}

/// Any decimal at all, for the "never panics" law.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
    ]
}

proptest! {
    /// Credits within the fee and the caps; the minimum first, then the credits.
    #[test]
    fn credits_stay_within_the_fee_and_the_caps(inputs in agreement()) {
        let s = run(&inputs);
        let minimum = inputs.minimum_fee_usd_per_month;
        let cap = inputs.credit_cap;
        let mut year = (0u32, Decimal::ZERO);
        for m in &s.months {
            prop_assert!(m.sla_credit_usd >= Decimal::ZERO);
            prop_assert!(m.sla_credit_usd <= m.fee_usd);
            prop_assert!(m.sla_credit_usd <= m.credit_before_cap_usd);
            if let Some(share) = cap.share_of_monthly_fee {
                prop_assert!(m.sla_credit_usd <= share * m.fee_usd);
            }
            let contract_year = (m.month - 1) / 12;
            if contract_year != year.0 {
                year = (contract_year, Decimal::ZERO);
            }
            year.1 += m.sla_credit_usd;
            if let Some(annual) = cap.usd_per_contract_year {
                prop_assert!(year.1 <= annual, "year {} credits {} above {annual}", year.0 + 1, year.1);
            }
            prop_assert_eq!(m.fee_usd, m.base_fee_usd.max(minimum));
            prop_assert_eq!(m.minimum_top_up_usd, m.fee_usd - m.base_fee_usd);
            prop_assert_eq!(m.net_fee_usd, m.fee_usd - m.sla_credit_usd);
            prop_assert!(m.net_fee_usd >= minimum - m.sla_credit_usd);
            prop_assert!(m.net_fee_usd >= Decimal::ZERO);
        }
    }

    /// Totals are the sums of the months; one row per month.
    #[test]
    fn totals_add_up(inputs in agreement()) {
        let s = run(&inputs);
        prop_assert_eq!(s.months.len(), usize::try_from(inputs.months).unwrap());
        let sum = |f: fn(&gpuecon::models::hosting::HostingMonth) -> Decimal| -> Decimal {
            s.months.iter().map(f).sum()
        };
        prop_assert_eq!(s.totals.base_fee_usd, sum(|m| m.base_fee_usd));
        prop_assert_eq!(s.totals.minimum_top_up_usd, sum(|m| m.minimum_top_up_usd));
        prop_assert_eq!(s.totals.fee_usd, sum(|m| m.fee_usd));
        prop_assert_eq!(s.totals.credit_before_cap_usd, sum(|m| m.credit_before_cap_usd));
        prop_assert_eq!(s.totals.sla_credit_usd, sum(|m| m.sla_credit_usd));
        prop_assert_eq!(s.totals.net_fee_usd, sum(|m| m.net_fee_usd));
    }

    /// With credit shares rising as thresholds fall, a lower uptime never earns less.
    #[test]
    fn lower_uptime_never_earns_a_smaller_credit_share(
        inputs in agreement(), a in 9_000i64..=10_000, b in 9_000i64..=10_000,
    ) {
        let mut inputs = inputs;
        inputs.months = 2;
        inputs.fee = HostingFee::FixedPerKw { contracted_kw: Decimal::ONE, usd_per_kw_month: Decimal::ONE };
        inputs.uptime_by_month = vec![dec(a.min(b), 4), dec(a.max(b), 4)];
        let s = run(&inputs);
        prop_assert!(s.months[0].credit_share >= s.months[1].credit_share);
    }

    /// Bad inputs are typed errors naming the field.
    #[test]
    fn bad_inputs_name_the_field(inputs in agreement(), which in 0usize..5, bad in 1i64..=1000) {
        let mut inputs = inputs;
        let field = match which {
            0 => { inputs.months = 0; "months".to_owned() }
            1 => { inputs.minimum_fee_usd_per_month = dec(-bad, 0); "minimum_fee_usd_per_month".to_owned() }
            2 => {
                inputs.uptime_by_month.push(Decimal::ONE + dec(bad, 4));
                inputs.months = inputs.months.max(u32::try_from(inputs.uptime_by_month.len()).unwrap());
                format!("uptime_by_month[{}]", inputs.uptime_by_month.len() - 1)
            }
            3 => {
                inputs.sla_tiers.push(SlaTier { below_uptime: Decimal::ONE, credit_share: Decimal::ONE });
                if inputs.sla_tiers.len() == 1 {
                    inputs.sla_tiers.push(SlaTier { below_uptime: Decimal::ONE, credit_share: Decimal::ONE });
                }
                format!("sla_tiers[{}].below_uptime", inputs.sla_tiers.len() - 1)
            }
            _ => { inputs.credit_cap.share_of_monthly_fee = Some(dec(-bad, 2)); "credit_cap.share_of_monthly_fee".to_owned() }
        };
        prop_assert!(inputs.validate().iter().any(|e| e.field() == field), "{:?}", inputs.validate());
        let err = hosting_fees(&inputs).unwrap_err();
        prop_assert_eq!(err.code(), ErrorCode::Domain);
    }

    /// No input panics: every call returns a value or an error.
    #[test]
    fn no_input_panics(
        a in any_decimal(), b in any_decimal(), c in any_decimal(), months in any::<u32>(),
        series in prop::collection::vec(any_decimal(), 0..6), per_kw in any::<bool>(),
    ) {
        let fee = if per_kw {
            HostingFee::FixedPerKw { contracted_kw: a, usd_per_kw_month: b }
        } else {
            HostingFee::RevenueShare { share: c, model_revenue_usd: series.clone() }
        };
        let inputs = HostingInputs {
            months: months % 1300,
            fee,
            minimum_fee_usd_per_month: c,
            uptime_by_month: series,
            sla_tiers: vec![SlaTier { below_uptime: a, credit_share: b }, SlaTier { below_uptime: c, credit_share: a }],
            credit_cap: CreditCap { share_of_monthly_fee: Some(b), usd_per_contract_year: Some(c) },
            host_cost: Some(HostCost { usd_per_kw_month: b, usd_per_month: a }),
        };
        let _ = hosting_fees(&inputs);
    }
}
