//! A run's model made ready: compiled from the exact model (module `model`), then its
//! deterministic path run once in `f64` (module `path`) for the variable margins and the
//! base outcome, and the deterministic outcome taken from the exact reports.

use super::model::{Base, Model};
use super::options::MonteCarloInputs;
use super::path;
use super::stats::{Outcome, decimal};
use crate::models::ModelError;
use crate::scenario::{Report, ScenarioError};
use crate::units::to_f64_lossy;

/// The model of a run: every scenario checked and evaluated once.
pub(crate) fn model(inputs: &MonteCarloInputs) -> Result<Model, ScenarioError> {
    let (mut model, reports) = Model::compile(inputs)?;
    for b in &mut model.boxes {
        let variable = path::base_variable(b);
        for (m, v) in b.months.iter_mut().zip(variable) {
            m.variable = v;
        }
    }
    set_base(&mut model, &reports)?;
    Ok(model)
}

/// The deterministic outcome: the exact report's for one box; for a portfolio the sums
/// of its boxes' and the IRRs of their summed flows.
fn set_base(model: &mut Model, reports: &[Report]) -> Result<(), ModelError> {
    let outcome = path::base_outcome(model);
    if let ([report], [one]) = (reports, model.boxes.as_slice()) {
        let metrics = &report.summary.metrics;
        let financing = report.financing.as_ref().map(|f| &f.summary);
        model.deterministic = Outcome {
            npv_usd: metrics.npv_usd,
            project_irr_annual: metrics.irr_annual,
            equity_value_usd: financing.map_or(metrics.npv_usd, |f| f.equity.npv_usd),
            equity_irr_annual: financing.map_or(metrics.irr_annual, |f| f.equity.irr_annual),
            minimum_dscr: financing.and_then(|f| f.minimum_dscr),
            first_breach_month: outcome.first_breach_month,
            first_default_month: financing.and_then(|f| f.first_default_month),
        };
        model.deterministic_lender_irr_annual = financing.and_then(|f| f.lender.irr_annual);
        let fin = one.financing.as_ref();
        model.base = Base {
            npv: one.npv,
            irr_monthly: one.irr_monthly,
            irr_annual: metrics.irr_annual.map(to_f64_lossy),
            equity_value: to_f64_lossy(model.deterministic.equity_value_usd),
            equity_irr_monthly: fin.map_or(one.irr_monthly, |f| f.equity_irr_monthly),
            equity_irr_annual: model.deterministic.equity_irr_annual.map(to_f64_lossy),
            minimum_dscr: model.deterministic.minimum_dscr.map(to_f64_lossy),
            first_breach_month: outcome.first_breach_month,
            first_default_month: model.deterministic.first_default_month,
            lender_irr_monthly: fin.and_then(|f| f.lender_irr_monthly),
            lender_irr_annual: financing
                .and_then(|f| f.lender.irr_annual)
                .map(to_f64_lossy),
        };
    } else {
        model.base = outcome;
        let base = &model.base;
        let d = |x: f64, field: &str| decimal(x, field);
        model.deterministic = Outcome {
            npv_usd: d(base.npv, "npv_usd")?,
            project_irr_annual: base
                .irr_annual
                .map(|x| d(x, "project_irr_annual"))
                .transpose()?,
            equity_value_usd: d(base.equity_value, "equity_value_usd")?,
            equity_irr_annual: base
                .equity_irr_annual
                .map(|x| d(x, "equity_irr_annual"))
                .transpose()?,
            minimum_dscr: base
                .minimum_dscr
                .map(|x| d(x, "minimum_dscr"))
                .transpose()?,
            first_breach_month: base.first_breach_month,
            first_default_month: base.first_default_month,
        };
        model.deterministic_lender_irr_annual = base
            .lender_irr_annual
            .map(|x| d(x, "credit.deterministic_lender_irr_annual"))
            .transpose()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    // Tests unwrap: a failure is a failed test.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::montecarlo::{Options, Stochastic};
    use crate::presets;
    use crate::scenario::{Scenario, evaluate};

    /// `got` within 1e-9 of `exact` relatively.
    fn near(got: Option<f64>, exact: Option<crate::Decimal>, what: &str) {
        match (got, exact.map(to_f64_lossy)) {
            (Some(g), Some(e)) => assert!(
                (g - e).abs() <= 1e-9 * e.abs().max(1.0),
                "{what}: {g} against {e}"
            ),
            (g, e) => assert!(g.is_none() && e.is_none(), "{what}: {g:?} against {e:?}"),
        }
    }

    /// A preset's box with `sections` (JSON) merged into its financing.
    fn with(id: &str, sections: &str) -> Scenario {
        let mut s = presets::get(id).unwrap().unwrap().scenario.unwrap();
        let mut f = serde_json::to_value(s.financing.as_ref().unwrap()).unwrap();
        let extra: serde_json::Value = serde_json::from_str(sections).unwrap();
        for (k, v) in extra.as_object().unwrap() {
            f[k] = v.clone();
        }
        s.financing = Some(serde_json::from_value(f).unwrap());
        s
    }

    #[test]
    fn the_f64_waterfall_on_the_deterministic_path_is_the_exact_one() {
        // Run by the f64 waterfall itself (no shortcut to the exact flows).
        let sections = [
            "{}",
            r#"{ "dsra": { "months": 6 }, "cash_sweep": { "share": 0.5 } }"#,
            r#"{ "dsra": { "months": 3, "funding": "cash_flow" },
                 "lock_up": { "min_dscr": 1.35, "trailing_months": 3,
                              "sweep_trapped": { "after_months": 2, "share": 0.5 } },
                 "foreclose_after_months": 4, "liquidation_haircut": 0.15 }"#,
        ];
        for id in ["coreweave-box-ig", "coreweave-box-sub-ig", "iren-microsoft"] {
            for extra in sections {
                let scenario = with(id, extra);
                let report = evaluate(&scenario).unwrap();
                let f = &report.financing.as_ref().unwrap().summary;
                let inputs = MonteCarloInputs {
                    scenario: Some(scenario),
                    portfolio: None,
                    options: Options {
                        paths: 1,
                        stochastic: Stochastic::default(),
                        ..Options::default()
                    },
                };
                let m = model(&inputs).unwrap();
                let base = path::base_outcome(&m);
                let what = |x: &str| format!("{id} {extra} {x}");
                near(
                    Some(base.equity_value),
                    Some(f.equity.npv_usd),
                    &what("equity value"),
                );
                near(
                    base.equity_irr_annual,
                    f.equity.irr_annual,
                    &what("equity irr"),
                );
                near(
                    base.lender_irr_annual,
                    f.lender.irr_annual,
                    &what("lender irr"),
                );
                near(base.minimum_dscr, f.minimum_dscr, &what("minimum dscr"));
                assert_eq!(
                    base.first_default_month,
                    f.first_default_month,
                    "{}",
                    what("default")
                );
            }
        }
    }
}
