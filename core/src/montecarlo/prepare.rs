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
