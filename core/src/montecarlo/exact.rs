//! One path through the exact `Decimal` model: the check on the `f64` loop, and a way to
//! look at any path month by month.
//!
//! The path's draws become a scenario: the market as one-month cascade stages (the path's
//! price and utilization), each contract's usage share month by month, a buyer's default
//! as a termination in its month with the recovery as the fee, the curtailment as hours cut
//! month by month. [`evaluate`] runs it (its financing left out: the debt is the one sized
//! on the deterministic path). Then, in `Decimal`: the economic value × the path's residual
//! shock (and the sale and the collateral with it), the CFADS moved by the path's change
//! in gross margin, the loan's interest with the path's SOFR (`owed × (SOFR_path − SOFR)
//! × days ÷ basis` more), and the exact model's own waterfall
//! ([`scenario::financing`](crate::scenario::financing)) on them: the covenants, the
//! default and its remedies, and the metrics of the project's, the equity's and the
//! lender's flows.

use super::float::greater;
use super::model::Model;
use super::options::MonteCarloInputs;
use super::path::{Scratch, draw_whole, market_utilization};
use super::prepare;
use super::stats::Outcome;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::depreciation::{CascadeStage, Curve};
use crate::models::metrics::project_metrics;
use crate::models::power::CurtailedHours;
use crate::models::take_or_pay::Termination;
use crate::scenario::{Energy, FinancingReport, Report, Scenario, ScenarioError, evaluate};
use crate::scenario::{Plan, PlanMonth, evaluate_planned, settle};
use crate::units::{self, decimal_from_f64};

/// One path, evaluated exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    /// The scenario that carries the path's market, usage, buyer defaults and curtailment
    /// (without financing).
    pub scenario: Scenario,
    /// Its report.
    pub report: Report,
    /// The path's outcome: the report's flows with the path's value shocks, and the
    /// deterministic debt with the path's SOFR through the waterfall.
    pub outcome: Outcome,
    /// The path's waterfall, month by month (with financing): its default, recovery, loss
    /// given default and the lender's flows.
    pub financing: Option<FinancingReport>,
    /// The first month a buyer defaulted.
    pub first_customer_default_month: Option<u32>,
}

/// `x` as a decimal.
fn d(x: f64) -> Result<Decimal, ModelError> {
    decimal_from_f64(x, "path").map_err(|e| ModelError::finance("path", e))
}

/// Path `path` of a box's run through the exact `Decimal` model: its draws as a scenario
/// (the market as one-month cascade stages at the path's price and utilization, each
/// contract's usage share month by month, a buyer's default as a termination with the
/// recovery as its fee, the hours cut month by month), [`evaluate`]d without financing;
/// then the path's residual shocks on the values, the sale and the collateral, its CFADS,
/// the deterministic debt with the path's SOFR through the exact waterfall, and the
/// metrics of the project's, the equity's and the lender's flows. The `f64` paths match
/// it to 1e-9.
///
/// # Errors
/// As [`Simulation::new`](super::Simulation::new); a domain error on `portfolio` (a replay
/// takes one scenario).
///
/// # Example
/// ```
/// use gpuecon::montecarlo::{self, MonteCarloInputs, Options, Stochastic};
/// let scenario = gpuecon::presets::get("coreweave-box-ig")?.unwrap().scenario;
/// let inputs = MonteCarloInputs {
///     scenario,
///     portfolio: None,
///     options: Options { paths: 10, seed: 3, stochastic: Stochastic::typical(), ..Options::default() },
/// };
/// let exact = montecarlo::replay(&inputs, 4)?;
/// let batch = montecarlo::Simulation::new(&inputs)?.batch(4, 1)?;
/// let npv = gpuecon::units::to_f64_lossy(exact.outcome.npv_usd);
/// assert!((npv - batch.npv_usd[0]).abs() <= 1e-9 * npv.abs());
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn replay(inputs: &MonteCarloInputs, path: u32) -> Result<Replay, ScenarioError> {
    let Some(base) = &inputs.scenario else {
        return Err(ScenarioError::Model(ModelError::Domain {
            field: "portfolio".to_owned(),
            reason: "a replay takes one scenario",
        }));
    };
    let model = prepare::model(inputs)?;
    let mut scratch = Scratch::new(&model);
    draw_whole(&model, inputs.options.seed, u64::from(path), &mut scratch);
    let at = |e: ModelError| ScenarioError::Model(e.within("scenario"));
    let (scenario, first_customer_default_month) =
        path_scenario(base, &model, &scratch).map_err(at)?;
    let report = evaluate(&scenario)?;
    let (deterministic, plan) = evaluate_planned(base)?;
    let (outcome, financing) =
        realize(base, &deterministic, plan, &report, &model, &scratch).map_err(at)?;
    Ok(Replay {
        scenario,
        report,
        outcome,
        financing,
        first_customer_default_month,
    })
}

/// The scenario of the path in `scratch`, and its first buyer default.
fn path_scenario(
    base: &Scenario,
    model: &Model,
    scratch: &Scratch,
) -> Result<(Scenario, Option<u32>), ModelError> {
    let draws = &scratch.draws;
    let (Some(b), Some(bd)) = (model.boxes.first(), draws.boxes.first()) else {
        return Err(ModelError::Domain {
            field: "scenario".to_owned(),
            reason: "has no months",
        });
    };
    let mut s = base.clone();
    s.financing = None;
    // The path's prices replace the market's curve: its GPUs retire in the month the
    // deterministic scenario retires them, as the fast path does.
    s.retire_from_month =
        crate::scenario::retirement_month(base).map_err(|e| e.within("scenario"))?;
    let deterministic = evaluate(base).map_err(|e| ModelError::Domain {
        field: e.field().to_owned(),
        reason: "cannot be evaluated",
    })?;
    let moved = |v: &[f64], neutral: f64| v.iter().any(|x| *x != neutral);
    if moved(&draws.price, 1.0) || moved(&draws.market_shock, 1.0) || moved(&draws.market_lull, 1.0)
    {
        let mut stages = Vec::with_capacity(model.months);
        for (i, m) in deterministic.months.iter().enumerate() {
            let at = |v: &[f64]| v.get(i).copied().unwrap_or(1.0);
            let level = b.months.get(i).map_or(0.0, |m| m.utilization);
            stages.push(CascadeStage {
                name: String::new(),
                price_usd_per_gpu_hour: units::mul(
                    m.on_demand_usd_per_gpu_hour,
                    d(at(&draws.price))?,
                    "path",
                )?,
                utilization: d(market_utilization(
                    level,
                    at(&draws.market_shock),
                    at(&draws.market_lull),
                ))?,
                months: 1,
                price_curve: Curve::Constant,
            });
        }
        s.market.cascade = stages;
    }
    let recovery = model.params.default.map_or(0.0, |(_, r)| r);
    let horizon = base.horizon_months;
    let mut first_default: Option<u32> = None;
    for ((line, c), ld) in s.contracts.iter_mut().zip(&b.contracts).zip(&bd.lines) {
        if moved(&ld.shock, 1.0) || moved(&ld.lull, 1.0) {
            line.usage_share_by_month = (0..model.months)
                .map(|i| d(c.usage_share(ld, i)))
                .collect::<Result<_, _>>()?;
        }
        if let Some(month) = c.default_month(ld.default_uniform, horizon) {
            let unpaid = usize::try_from(month - c.start)
                .ok()
                .and_then(|j| c.unpaid_after.get(j))
                .copied()
                .unwrap_or_default();
            line.contract.termination = Some(Termination {
                month,
                fee_usd: units::mul(d(recovery)?, unpaid, "path")?,
            });
            first_default = Some(first_default.map_or(month, |f| f.min(month)));
        }
    }
    if moved(&bd.curtailed, 0.0) {
        let hours = b
            .months
            .iter()
            .map(|m| m.cut)
            .zip(bd.curtailed.iter().copied())
            .map(|(own, event)| {
                let cut = if event == 0.0 {
                    own
                } else {
                    1.0 - (1.0 - own) * (1.0 - event)
                };
                d(cut * 730.0)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let energy = s.energy.get_or_insert_with(Energy::default);
        energy.curtailed = Some(CurtailedHours::Events {
            hours_per_month: hours,
        });
    }
    Ok((s, first_default))
}

/// The path's outcome in `Decimal`, from its operating `report` and the `deterministic`
/// report's `plan` (its debt), with its waterfall's report.
fn realize(
    base: &Scenario,
    deterministic: &Report,
    plan: Option<Plan>,
    report: &Report,
    model: &Model,
    scratch: &Scratch,
) -> Result<(Outcome, Option<FinancingReport>), ModelError> {
    let draws = &scratch.draws;
    let rate = base.annual_discount_rate;
    let mut flows = vec![report.summary.close_cash_flow_usd];
    let mut shocks = Vec::with_capacity(report.months.len());
    let mut margins = Vec::with_capacity(report.months.len());
    for (i, (m, m0)) in report.months.iter().zip(&deterministic.months).enumerate() {
        let shock = d(draws.residual.get(i).copied().unwrap_or(1.0))?;
        let sale = units::mul(m.sale_usd, shock, "residual")?;
        let operating = units::sub(m.cash_flow_usd, m.sale_usd, "path")?;
        flows.push(units::add(operating, sale, "path")?);
        let operating0 = units::sub(m0.cash_flow_usd, m0.sale_usd, "path")?;
        margins.push(units::sub(operating, operating0, "path")?);
        shocks.push((shock, sale));
    }
    let project = project_metrics(&flows, rate)?;
    let (Some(terms), Some(mut plan), Some(fm)) = (
        &base.financing,
        plan,
        model.boxes.first().and_then(|b| b.financing.as_ref()),
    ) else {
        let outcome = Outcome {
            npv_usd: project.npv_usd,
            project_irr_annual: project.irr_annual,
            equity_value_usd: project.npv_usd,
            equity_irr_annual: project.irr_annual,
            minimum_dscr: None,
            first_breach_month: None,
            first_default_month: None,
        };
        return Ok((outcome, None));
    };
    for (i, (m0, ((shock, sale), margin))) in plan
        .months()
        .into_iter()
        .zip(shocks.into_iter().zip(margins))
        .enumerate()
    {
        plan.set_month(
            i,
            PlanMonth {
                cfads: units::add(m0.cfads, margin, "path")?,
                sale,
                collateral: units::mul(m0.collateral, shock, "residual")?,
                ..m0
            },
        );
    }
    if fm.floating {
        let floor = model.params.sofr.and_then(|(_, _, floor)| floor);
        for (i, row) in plan.loan_mut().iter_mut().enumerate() {
            let (Some(owed), Some((days, basis)), Some(quoted)) =
                (fm.owed.get(i), fm.accrual.get(i), fm.sofr.get(i).copied())
            else {
                continue;
            };
            let shift = draws.sofr.at(&model.ziggurat, i);
            let shifted = quoted + shift;
            let realized = floor.map_or(shifted, |fl| greater(shifted, fl));
            // The loan accrues on max(SOFR, its floor), on the path and as scheduled.
            let realized = fm.sofr_floor.map_or(realized, |fl| greater(realized, fl));
            let scheduled = fm.sofr_floor.map_or(quoted, |fl| greater(quoted, fl));
            let moved = units::sub(d(realized)?, d(scheduled)?, "path")?;
            let year = units::mul(*owed, moved, "path")?;
            let extra = units::div(units::mul(year, *days, "path")?, *basis, "path")?;
            // Paid with the interest when the schedule pays all of it, else capitalized.
            if row.interest_paid_usd == row.interest_usd && !row.interest_usd.is_zero() {
                row.interest_paid_usd = units::add(row.interest_paid_usd, extra, "path")?;
                row.debt_service_usd = units::add(row.debt_service_usd, extra, "path")?;
            }
            row.interest_usd = units::add(row.interest_usd, extra, "path")?;
        }
    }
    let fin = settle(terms, &deterministic.summary, &plan, rate)?;
    let summary = &fin.summary;
    let outcome = Outcome {
        npv_usd: project.npv_usd,
        project_irr_annual: project.irr_annual,
        equity_value_usd: summary.equity.npv_usd,
        equity_irr_annual: summary.equity.irr_annual,
        minimum_dscr: summary.minimum_dscr,
        first_breach_month: fin.months.iter().find(|m| m.in_breach).map(|m| m.month),
        first_default_month: summary.first_default_month,
    };
    Ok((outcome, Some(fin)))
}
