//! Deterministic sensitivities through the exact model: a tornado (each input at its low
//! and its high value, one at a time, the others at the scenario's) and a two-input grid
//! (for example the contract price × the buyers' usage → the equity's IRR).
//!
//! ```text
//! tornado row    output(input = low), output(input = high), each − output(scenario),
//!                swing = |output(high) − output(low)|;  rows sorted by swing, largest first
//! grid cell      output(x = xᵢ, y = yⱼ)            values[j][i]
//! ```
//!
//! An input sets every place it names: `contract_price` every contract's price,
//! `usage_share` every contract's usage share (its month-by-month series cleared), `sofr` a
//! flat SOFR on floating-rate debt. Every value is checked as the scenario's own would be:
//! an invalid one is an error naming the swing or the axis value.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::models::debt::Interest;
use crate::models::depreciation::Curve;
use crate::scenario::{Report, Scenario, ScenarioError, evaluate};
use crate::units;

/// A scenario input a sensitivity moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// `market.on_demand_usd_per_gpu_hour`.
    OnDemandPrice,
    /// `market.utilization`.
    MarketUtilization,
    /// Every contract's `price_usd_per_gpu_hour`.
    ContractPrice,
    /// Every contract's `usage_share`.
    UsageShare,
    /// `power.usd_per_kwh`.
    PowerPrice,
    /// `power.pue`.
    Pue,
    /// `fleet.capex_usd_per_gpu`.
    CapexPerGpu,
    /// `facility.usd_per_kw_month`.
    ColocationPerKwMonth,
    /// The residual curve's `annual_factor` (an exponential curve).
    ResidualAnnualFactor,
    /// `annual_discount_rate`.
    DiscountRate,
    /// A flat SOFR for floating-rate debt.
    Sofr,
    /// `financing.advance_rate`.
    AdvanceRate,
    /// `financing.target_dscr`.
    TargetDscr,
}

/// The result a sensitivity reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// The project's NPV.
    NpvUsd,
    /// The project's annual IRR.
    ProjectIrrAnnual,
    /// The equity's NPV (the project's without financing).
    EquityValueUsd,
    /// The equity's annual IRR (the project's without financing).
    EquityIrrAnnual,
    /// The lowest monthly DSCR.
    MinimumDscr,
    /// The gross margin over the horizon.
    GrossMarginUsd,
    /// The debt drawn.
    DebtUsd,
}

/// One tornado input with its low and high values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swing {
    /// The input.
    pub input: Input,
    /// Its low value.
    pub low: Decimal,
    /// Its high value.
    pub high: Decimal,
}

/// What [`tornado`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TornadoInputs {
    /// The scenario.
    pub scenario: Scenario,
    /// The output read.
    pub output: Output,
    /// The inputs, 1 to 50 of them.
    pub swings: Vec<Swing>,
}

/// One row of a tornado.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TornadoRow {
    /// The input.
    pub input: Input,
    /// Its low and high values.
    pub low: Decimal,
    /// Its high value.
    pub high: Decimal,
    /// The output at the low and the high value (`None`: it has none, an IRR without a
    /// sign change).
    pub output_at_low: Option<Decimal>,
    /// The output at the high value.
    pub output_at_high: Option<Decimal>,
    /// Each less the scenario's output.
    pub change_at_low: Option<Decimal>,
    /// The high value's change.
    pub change_at_high: Option<Decimal>,
    /// `|output at high − output at low|`, what the rows are sorted by.
    pub swing: Option<Decimal>,
}

/// What [`tornado`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tornado {
    /// The output read.
    pub output: Output,
    /// The scenario's own output.
    pub base: Option<Decimal>,
    /// The rows, the largest swing first (rows without one last, in input order).
    pub rows: Vec<TornadoRow>,
}

/// The values of one grid axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// The input.
    pub input: Input,
    /// Its values, 1 to 50 of them.
    pub values: Vec<Decimal>,
}

/// What [`grid`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridInputs {
    /// The scenario.
    pub scenario: Scenario,
    /// The output read.
    pub output: Output,
    /// The columns' input.
    pub x: Axis,
    /// The rows' input (another input than `x`'s).
    pub y: Axis,
}

/// What [`grid`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    /// The output read.
    pub output: Output,
    /// The scenario's own output.
    pub base: Option<Decimal>,
    /// The columns' input and values.
    pub x: Axis,
    /// The rows' input and values.
    pub y: Axis,
    /// `values[j][i]`: the output at `y.values[j]` and `x.values[i]`.
    pub values: Vec<Vec<Option<Decimal>>>,
}

impl Validate for TornadoInputs {
    fn check(&self, c: &mut Checker) {
        if self.swings.is_empty() || self.swings.len() > 50 {
            c.problem("swings", "must hold 1 to 50 inputs");
        }
    }
}

impl Validate for Axis {
    fn check(&self, c: &mut Checker) {
        if self.values.is_empty() || self.values.len() > 50 {
            c.problem("values", "must hold 1 to 50 values");
        }
    }
}

impl Validate for GridInputs {
    fn check(&self, c: &mut Checker) {
        c.nested("x", &self.x);
        c.nested("y", &self.y);
        if self.x.input == self.y.input {
            c.problem("y.input", "must differ from x.input");
        }
    }
}

/// `scenario` with `input` set to `value`.
fn with(scenario: &Scenario, input: Input, value: Decimal) -> Result<Scenario, &'static str> {
    let mut s = scenario.clone();
    match input {
        Input::OnDemandPrice => s.market.on_demand_usd_per_gpu_hour = value,
        Input::MarketUtilization => s.market.utilization = value,
        Input::ContractPrice => {
            if s.contracts.is_empty() {
                return Err("the scenario has no contract");
            }
            for line in &mut s.contracts {
                line.contract.price_usd_per_gpu_hour = value;
            }
        }
        Input::UsageShare => {
            if s.contracts.is_empty() {
                return Err("the scenario has no contract");
            }
            for line in &mut s.contracts {
                line.usage_share = value;
                line.usage_share_by_month.clear();
            }
        }
        Input::PowerPrice => s.power.usd_per_kwh = value,
        Input::Pue => s.power.pue = value,
        Input::CapexPerGpu => s.fleet.capex_usd_per_gpu = value,
        Input::ColocationPerKwMonth => s.facility.usd_per_kw_month = value,
        Input::ResidualAnnualFactor => match &mut s.residual {
            Curve::Exponential { annual_factor } => *annual_factor = value,
            _ => return Err("the scenario's residual curve is not exponential"),
        },
        Input::DiscountRate => s.annual_discount_rate = value,
        Input::Sofr => match s.financing.as_mut().map(|f| &mut f.interest) {
            Some(Interest::Floating {
                sofr_annual_rates, ..
            }) => *sofr_annual_rates = vec![value],
            _ => return Err("the scenario has no floating-rate debt"),
        },
        Input::AdvanceRate | Input::TargetDscr => {
            let Some(f) = s.financing.as_mut() else {
                return Err("the scenario has no financing");
            };
            if input == Input::AdvanceRate {
                f.advance_rate = value;
            } else {
                f.target_dscr = value;
            }
        }
    }
    Ok(s)
}

/// `output` of `report`.
fn read(report: &Report, output: Output) -> Option<Decimal> {
    let metrics = &report.summary.metrics;
    let financing = report.financing.as_ref().map(|f| &f.summary);
    match output {
        Output::NpvUsd => Some(metrics.npv_usd),
        Output::ProjectIrrAnnual => metrics.irr_annual,
        Output::EquityValueUsd => Some(financing.map_or(metrics.npv_usd, |f| f.equity.npv_usd)),
        Output::EquityIrrAnnual => financing.map_or(metrics.irr_annual, |f| f.equity.irr_annual),
        Output::MinimumDscr => financing.and_then(|f| f.minimum_dscr),
        Output::GrossMarginUsd => Some(report.summary.gross_margin_usd),
        Output::DebtUsd => financing.map(|f| f.debt_usd),
    }
}

/// The output of `scenario` with `input` at `value`; errors under `path`.
fn output_at(
    scenario: &Scenario,
    input: Input,
    value: Decimal,
    output: Output,
    path: &str,
) -> Result<Option<Decimal>, ScenarioError> {
    let moved = with(scenario, input, value).map_err(|reason| {
        ScenarioError::Model(ModelError::Domain {
            field: format!("{path}.input"),
            reason,
        })
    })?;
    match evaluate(&moved) {
        Ok(report) => Ok(read(&report, output)),
        Err(ScenarioError::Invalid { problems }) => Err(ScenarioError::Invalid {
            problems: problems.into_iter().map(|p| p.within(path)).collect(),
        }),
        Err(ScenarioError::Model(e)) => Err(ScenarioError::Model(e.within(path))),
        Err(other) => Err(other),
    }
}

fn ensure(problems: Vec<ModelError>) -> Result<(), ScenarioError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ScenarioError::Invalid { problems })
    }
}

/// `a − b` when both exist.
fn change(a: Option<Decimal>, b: Option<Decimal>) -> Result<Option<Decimal>, ScenarioError> {
    match (a, b) {
        (Some(a), Some(b)) => Ok(Some(units::sub(a, b, "output").map_err(ModelError::from)?)),
        _ => Ok(None),
    }
}

/// A tornado: each input at its low and high value, one at a time, through
/// [`evaluate`].
///
/// # Errors
/// [`ScenarioError::Invalid`] for an invalid scenario or `swings`, or a value the scenario
/// rejects (paths under the swing: `swings[1].low.market.utilization`); a domain error on
/// `swings[i].input` when the scenario has nothing the input names.
///
/// # Example
/// A 1,024-GPU box at a $2.60 contract price: $2.40 to $2.80 moves the equity's IRR more
/// than power at $0.06 to $0.10 a kWh.
/// ```
/// use gpuecon::montecarlo::sensitivity::{tornado, Input, Output, Swing, TornadoInputs};
/// use gpuecon::Decimal;
/// let scenario = gpuecon::presets::get("coreweave-box-ig")?.unwrap().scenario.unwrap();
/// let t = tornado(&TornadoInputs {
///     scenario,
///     output: Output::EquityIrrAnnual,
///     swings: vec![
///         Swing { input: Input::PowerPrice, low: Decimal::new(6, 2), high: Decimal::new(10, 2) },
///         Swing { input: Input::ContractPrice, low: Decimal::new(240, 2), high: Decimal::new(280, 2) },
///     ],
/// })?;
/// assert_eq!(t.rows[0].input, Input::ContractPrice);
/// assert!(t.rows[0].change_at_high.unwrap() > Decimal::ZERO);
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn tornado(inputs: &TornadoInputs) -> Result<Tornado, ScenarioError> {
    ensure(inputs.validate())?;
    let base = read(&evaluate(&inputs.scenario)?, inputs.output);
    let mut rows = Vec::with_capacity(inputs.swings.len());
    for (i, swing) in inputs.swings.iter().enumerate() {
        let at = |value, end: &str| {
            output_at(
                &inputs.scenario,
                swing.input,
                value,
                inputs.output,
                &format!("swings[{i}].{end}"),
            )
        };
        let (low, high) = (at(swing.low, "low")?, at(swing.high, "high")?);
        rows.push(TornadoRow {
            input: swing.input,
            low: swing.low,
            high: swing.high,
            output_at_low: low,
            output_at_high: high,
            change_at_low: change(low, base)?,
            change_at_high: change(high, base)?,
            swing: change(high, low)?.map(|s| s.abs()),
        });
    }
    let rows = crate::order::stable_sorted(rows, &|a: &TornadoRow, b: &TornadoRow| match (
        a.swing, b.swing,
    ) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(Tornado {
        output: inputs.output,
        base,
        rows,
    })
}

/// A grid of two inputs through [`evaluate`]: `values[j][i]` at `y.values[j]`,
/// `x.values[i]`.
///
/// # Errors
/// As [`tornado`], with paths under the cell (`values[1][2].power.pue`); a domain
/// error on `y.input` or `values[j][i].input` when the scenario has nothing an input names.
///
/// # Example
/// The contract price × the buyer's usage → the box's NPV: usage changes only the power
/// bill under a take-or-pay contract that bills every hour, price changes the revenue.
/// ```
/// use gpuecon::montecarlo::sensitivity::{grid, Axis, GridInputs, Input, Output};
/// use gpuecon::Decimal;
/// let scenario = gpuecon::presets::get("coreweave-box-ig")?.unwrap().scenario.unwrap();
/// let g = grid(&GridInputs {
///     scenario,
///     output: Output::NpvUsd,
///     x: Axis { input: Input::ContractPrice, values: vec![Decimal::new(240, 2), Decimal::new(280, 2)] },
///     y: Axis { input: Input::UsageShare, values: vec![Decimal::new(5, 1), Decimal::ONE] },
/// })?;
/// let [low_usage, full_usage] = [&g.values[0], &g.values[1]];
/// assert!(low_usage[1] > low_usage[0]);     // a higher price, a higher NPV
/// assert!(full_usage[0] < low_usage[0]);    // more usage, more power, the same revenue
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn grid(inputs: &GridInputs) -> Result<Grid, ScenarioError> {
    ensure(inputs.validate())?;
    let base = read(&evaluate(&inputs.scenario)?, inputs.output);
    let mut values = Vec::with_capacity(inputs.y.values.len());
    for (j, y) in inputs.y.values.iter().enumerate() {
        let moved = with(&inputs.scenario, inputs.y.input, *y).map_err(|reason| {
            ScenarioError::Model(ModelError::Domain {
                field: "y.input".to_owned(),
                reason,
            })
        })?;
        let mut row = Vec::with_capacity(inputs.x.values.len());
        for (i, x) in inputs.x.values.iter().enumerate() {
            let cell = output_at(
                &moved,
                inputs.x.input,
                *x,
                inputs.output,
                &format!("values[{j}][{i}]"),
            )?;
            row.push(cell);
        }
        values.push(row);
    }
    Ok(Grid {
        output: inputs.output,
        base,
        x: inputs.x.clone(),
        y: inputs.y.clone(),
        values,
    })
}
