//! Laws of the power models (`gpuecon::models::power`): PUE, power purchase agreements,
//! the energy bill and curtailment, on generated inputs (proptest).

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::Decimal;
use gpuecon::models::Validate;
use gpuecon::models::power::{
    CurtailedHours, CurtailmentInputs, EnergyCostInputs, EnergySplitInputs, Load, Ppa,
    curtailment_cost, energy_cost, energy_split,
};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// Market prices from −$50 to $500/MWh, in cents.
fn market() -> impl Strategy<Value = Decimal> {
    (-5_000i64..=50_000).prop_map(|p| dec(p, 2))
}

/// Every kind of PPA with realistic terms.
fn ppa() -> impl Strategy<Value = Ppa> {
    (0u8..5, 0i64..=20_000, 0i64..=20_000, 0i64..=500_000).prop_map(|(kind, a, b, v)| {
        let (low, high) = (a.min(b), a.max(b));
        match kind {
            0 => Ppa::Market,
            1 => Ppa::FixedPrice {
                usd_per_mwh: dec(a, 2),
            },
            2 => Ppa::Indexed {
                adder_usd_per_mwh: dec(a, 3),
            },
            3 => Ppa::Virtual {
                strike_usd_per_mwh: dec(a, 2),
                volume_mwh_per_month: dec(v, 1),
            },
            _ => Ppa::Collar {
                floor_usd_per_mwh: dec(low, 2),
                cap_usd_per_mwh: dec(high, 2),
            },
        }
    })
}

/// A fleet of 1-100,000 GPUs at 0.3-2.5 kW, or a metered load.
fn load(months: usize) -> impl Strategy<Value = Load> {
    prop_oneof![
        (1i64..=100_000, 300i64..=2_500, 0i64..=100).prop_map(|(gpus, kw, lf)| Load::Fleet {
            gpus: dec(gpus, 0),
            it_kw_per_gpu: dec(kw, 3),
            load_factor: dec(lf, 2),
        }),
        (
            prop::collection::vec((0i64..=10_000_000).prop_map(|m| dec(m, 3)), months),
            prop::option::of(1i64..=100_000),
        )
            .prop_map(|(it_mwh, gpus)| Load::Metered {
                it_mwh,
                gpus: gpus.map(|g| dec(g, 0)),
            }),
    ]
}

/// Valid energy-cost inputs: 1-36 months, PUE 1.00-2.00.
fn energy_inputs() -> impl Strategy<Value = EnergyCostInputs> {
    prop::collection::vec(market(), 1..=36).prop_flat_map(|prices| {
        let months = prices.len();
        (Just(prices), load(months), 100i64..=200, ppa()).prop_map(
            |(market_usd_per_mwh, load, pue, ppa)| EnergyCostInputs {
                market_usd_per_mwh,
                load,
                pue: dec(pue, 2),
                ppa,
            },
        )
    })
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
    /// With a PUE of 1 the facility buys exactly its IT energy: each month's bill is the
    /// IT MWh at the PPA's price, less the settlement.
    #[test]
    fn energy_cost_with_pue_one_is_it_energy_cost(mut inputs in energy_inputs()) {
        inputs.pue = Decimal::ONE;
        prop_assert_eq!(inputs.validate(), Vec::new());
        let cost = energy_cost(&inputs).unwrap();
        for (m, market) in cost.months.iter().zip(&inputs.market_usd_per_mwh) {
            prop_assert_eq!(m.facility_mwh, m.it_mwh);
            let price = inputs.ppa.price_usd_per_mwh(*market).unwrap();
            let settlement = inputs.ppa.settlement_usd(*market).unwrap();
            prop_assert_eq!(m.energy_bought_usd, m.it_mwh * price);
            prop_assert_eq!(m.net_cost_usd, m.it_mwh * price - settlement);
        }
        prop_assert_eq!(cost.totals.overhead_mwh, Decimal::ZERO);
    }

    /// PUE multiplies IT energy once: the facility energy is IT × PUE, and the overhead
    /// IT × (PUE − 1), month by month and in total.
    #[test]
    fn pue_is_applied_once(inputs in energy_inputs()) {
        let cost = energy_cost(&inputs).unwrap();
        for m in &cost.months {
            prop_assert_eq!(m.facility_mwh, m.it_mwh * inputs.pue);
        }
        let t = &cost.totals;
        prop_assert_eq!(t.overhead_mwh, t.it_mwh * (inputs.pue - Decimal::ONE));
        let split = energy_split(&EnergySplitInputs { it_kwh: t.it_mwh, pue: inputs.pue }).unwrap();
        prop_assert_eq!(split.facility_kwh, t.facility_mwh);
        prop_assert_eq!(split.it_kwh + split.overhead_kwh, split.facility_kwh);
    }

    /// The totals are the exact sums of the months, and each month's net cost is the energy
    /// bought less the settlement.
    #[test]
    fn energy_rows_add_up(inputs in energy_inputs()) {
        let cost = energy_cost(&inputs).unwrap();
        prop_assert_eq!(cost.months.len(), inputs.market_usd_per_mwh.len());
        let sum = |f: fn(&gpuecon::models::power::EnergyCostMonth) -> Decimal| {
            cost.months.iter().map(f).sum::<Decimal>()
        };
        prop_assert_eq!(cost.totals.energy_bought_usd, sum(|m| m.energy_bought_usd));
        prop_assert_eq!(cost.totals.ppa_settlement_usd, sum(|m| m.ppa_settlement_usd));
        prop_assert_eq!(cost.totals.net_cost_usd, sum(|m| m.net_cost_usd));
        prop_assert_eq!(cost.totals.facility_mwh, sum(|m| m.facility_mwh));
        for m in &cost.months {
            prop_assert_eq!(m.net_cost_usd, m.energy_bought_usd - m.ppa_settlement_usd);
        }
    }

    /// A virtual PPA: buying the hedged volume at market and netting the settlement costs
    /// exactly strike × volume, whatever the market price.
    #[test]
    fn virtual_ppa_fixes_the_hedged_volume_at_the_strike(
        market in market(), strike in 0i64..=20_000, volume in 0i64..=500_000,
    ) {
        let (strike, volume) = (dec(strike, 2), dec(volume, 1));
        let vppa = Ppa::Virtual { strike_usd_per_mwh: strike, volume_mwh_per_month: volume };
        let purchase = volume * vppa.price_usd_per_mwh(market).unwrap();
        let settlement = vppa.settlement_usd(market).unwrap();
        prop_assert_eq!(purchase - settlement, strike * volume);
        // received above the strike, paid below it
        prop_assert_eq!(settlement.is_sign_positive() || settlement.is_zero(), market >= strike || volume.is_zero());
        // through the bill: a metered load of exactly the volume at PUE 1
        let inputs = EnergyCostInputs {
            market_usd_per_mwh: vec![market],
            load: Load::Metered { it_mwh: vec![volume], gpus: None },
            pue: Decimal::ONE,
            ppa: vppa,
        };
        prop_assert_eq!(energy_cost(&inputs).unwrap().totals.net_cost_usd, strike * volume);
    }

    /// A collar's price never leaves [floor, cap], and equals the market inside it.
    #[test]
    fn a_collar_stays_within_its_floor_and_cap(market in market(), a in 0i64..=50_000, b in 0i64..=50_000) {
        let (floor, cap) = (dec(a.min(b), 2), dec(a.max(b), 2));
        let collar = Ppa::Collar { floor_usd_per_mwh: floor, cap_usd_per_mwh: cap };
        let price = collar.price_usd_per_mwh(market).unwrap();
        prop_assert!(floor <= price && price <= cap, "{price} outside [{floor}, {cap}]");
        if floor <= market && market <= cap {
            prop_assert_eq!(price, market);
        }
    }

    /// Curtailing pays (the net cost of an hour cut is negative) exactly when the power
    /// price is above the break-even price; the totals are the sums of the months.
    #[test]
    fn curtailing_pays_above_the_break_even_price(
        gpus in 1i64..=100_000, kw in 300i64..=2_500, pue in 100i64..=200,
        margin in 0i64..=500, price in market(), dr in 0i64..=20_000,
        hours in prop::collection::vec(0i64..=7_300, 1..=24),
    ) {
        let inputs = CurtailmentInputs {
            gpus: dec(gpus, 0),
            it_kw_per_gpu: dec(kw, 3),
            pue: dec(pue, 2),
            curtailed: CurtailedHours::Events { hours_per_month: hours.iter().map(|h| dec(*h, 1)).collect() },
            margin_usd_per_gpu_hour: dec(margin, 2),
            power_price_usd_per_mwh: price,
            demand_response_usd_per_mwh: dec(dr, 2),
            capital_usd_per_gpu_hour: None,
        };
        prop_assert_eq!(inputs.validate(), Vec::new());
        let cost = curtailment_cost(&inputs).unwrap();
        // one hour cut: margin × gpus lost, draw × (price + dr) saved
        let per_hour = inputs.margin_usd_per_gpu_hour * inputs.gpus
            - cost.draw_mw * (price + inputs.demand_response_usd_per_mwh);
        prop_assert_eq!(cost.curtailing_pays, per_hour < Decimal::ZERO || (per_hour.is_zero() && price > cost.break_even_usd_per_mwh));
        let mut net = Decimal::ZERO;
        for m in &cost.months {
            prop_assert_eq!(m.net_cost_usd, m.lost_margin_usd - m.power_saved_usd - m.demand_response_usd);
            if m.hours_cut > Decimal::ZERO && !per_hour.is_zero() {
                prop_assert_eq!(m.net_cost_usd < Decimal::ZERO, cost.curtailing_pays);
            }
            net += m.net_cost_usd;
        }
        prop_assert_eq!(cost.totals.net_cost_usd, net);
    }

    /// Any inputs at all give a result or a typed error naming a field; nothing panics.
    #[test]
    fn bad_inputs_never_panic(
        prices in prop::collection::vec(any_decimal(), 0..4),
        it in prop::collection::vec(any_decimal(), 0..4),
        a in any_decimal(), b in any_decimal(), c in any_decimal(), pue in any_decimal(),
        kind in 0u8..5, months in 0u32..1300,
    ) {
        let ppa = match kind {
            0 => Ppa::Market,
            1 => Ppa::FixedPrice { usd_per_mwh: a },
            2 => Ppa::Indexed { adder_usd_per_mwh: a },
            3 => Ppa::Virtual { strike_usd_per_mwh: a, volume_mwh_per_month: b },
            _ => Ppa::Collar { floor_usd_per_mwh: a, cap_usd_per_mwh: b },
        };
        let loads = [
            Load::Fleet { gpus: a, it_kw_per_gpu: b, load_factor: c },
            Load::Metered { it_mwh: it.clone(), gpus: Some(c) },
        ];
        for load in loads {
            let inputs = EnergyCostInputs { market_usd_per_mwh: prices.clone(), load, pue, ppa: ppa.clone() };
            if let Err(e) = energy_cost(&inputs) {
                prop_assert!(!e.field().is_empty());
            }
        }
        let inputs = CurtailmentInputs {
            gpus: a,
            it_kw_per_gpu: b,
            pue,
            curtailed: CurtailedHours::Share { share_of_hours: c, months },
            margin_usd_per_gpu_hour: b,
            power_price_usd_per_mwh: a,
            demand_response_usd_per_mwh: c,
            capital_usd_per_gpu_hour: Some(a),
        };
        if let Err(e) = curtailment_cost(&inputs) {
            prop_assert!(!e.field().is_empty());
        }
        if let Err(e) = energy_split(&EnergySplitInputs { it_kwh: a, pue }) {
            prop_assert!(!e.field().is_empty());
        }
    }
}
