//! Monte Carlo on a loan's conventions: a SOFR floor holds the loan's rate when a path's
//! SOFR stays under it, and hedges under stochastic SOFR are refused (not modelled).

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::debt::{Interest, Notional, Swap};
use gpuecon::montecarlo::{self, MonteCarloInputs, Options, SofrProcess, Stochastic};
use gpuecon::scenario::Scenario;
use gpuecon::{Decimal, presets};

/// The investment-grade box on SOFR `sofr` with a loan floor of `floor`.
fn floored_box(sofr: Decimal, floor: Decimal) -> Scenario {
    let mut s = presets::get("coreweave-box-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    let f = s.financing.as_mut().unwrap();
    let Interest::Floating { credit_tier, .. } = f.interest else {
        unreachable!("the preset's loan floats");
    };
    f.interest = Interest::Floating {
        sofr_annual_rates: vec![sofr],
        credit_tier,
        spread_annual_rate: None,
        sofr_floor_annual_rate: Some(floor),
    };
    s
}

/// Only SOFR moves: monthly shocks of `volatility` (an AR(1) keeping 0.9 of the shift).
fn sofr_only(s: Scenario, volatility: Decimal) -> MonteCarloInputs {
    MonteCarloInputs {
        scenario: Some(s),
        portfolio: None,
        options: Options {
            paths: 200,
            seed: 7,
            stochastic: Stochastic {
                sofr: Some(SofrProcess {
                    mean_reversion_per_month: Decimal::new(1, 1),
                    volatility_per_month: volatility,
                    floor_annual_rate: None,
                }),
                ..Stochastic::default()
            },
            ..Options::default()
        },
    }
}

#[test]
fn a_floor_far_above_sofr_holds_every_path_at_the_deterministic_outcome() {
    // SOFR 1 % under a 6 % floor: shocks of 0.05 % a month (a stationary spread of about
    // 0.05 % / √(1 − 0.81) ≈ 0.11 %) never lift SOFR to the floor, so every path pays the
    // floored rate: the equity's IRR is the deterministic one on every path.
    let inputs = sofr_only(
        floored_box(Decimal::new(1, 2), Decimal::new(6, 2)),
        Decimal::new(5, 4),
    );
    let mc = montecarlo::run(&inputs).unwrap();
    let irr = mc.equity_irr_annual.unwrap();
    assert_eq!(irr.p5, irr.p95);
    // Without the floor the same shocks move the loan's interest and the equity's IRR.
    let mut unfloored = floored_box(Decimal::new(1, 2), Decimal::new(6, 2));
    if let Some(f) = unfloored.financing.as_mut()
        && let Interest::Floating {
            sofr_floor_annual_rate,
            ..
        } = &mut f.interest
    {
        *sofr_floor_annual_rate = None;
    }
    let moved = montecarlo::run(&sofr_only(unfloored, Decimal::new(5, 4))).unwrap();
    let spread = moved.equity_irr_annual.unwrap();
    assert!(spread.p5 < spread.p95);
}

#[test]
fn a_swap_under_stochastic_sofr_is_refused_with_its_path() {
    let mut s = floored_box(Decimal::new(4, 2), Decimal::ZERO);
    s.financing.as_mut().unwrap().swap = Some(Swap {
        fixed_annual_rate: Decimal::new(4, 2),
        notional: Notional::ShareOfBalance {
            share: Decimal::ONE,
        },
    });
    let error = montecarlo::run(&sofr_only(s, Decimal::new(5, 4))).unwrap_err();
    assert_eq!(error.field(), "scenario.financing.swap");
}
