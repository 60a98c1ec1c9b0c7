//! The runner: paths in batches (natively over every core with the `parallel` feature),
//! the stopping rule, and the report.

use serde::{Deserialize, Serialize};

use super::model::Model;
use super::options::{CHECK_EVERY_PATHS, MAX_PATHS, MonteCarloInputs};

/// [`Simulation::run_with_progress`] reports after every this many paths (ten checks of a
/// target standard error, so that every core has work between reports).
pub const PROGRESS_EVERY_PATHS: u32 = 10_000;
use super::path::{PathOutcome, Scratch, simulate};
use super::stats::{self, Batch, Distribution, Events, Outcome, decimal};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::scenario::ScenarioError;
use crate::units::to_f64_lossy;

/// What a Monte Carlo run returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Fields are added as the model grows: not a breaking change (built only by the crate).
#[non_exhaustive]
pub struct MonteCarloReport {
    /// Paths run.
    pub paths: u32,
    /// The seed.
    pub seed: u64,
    /// With a target standard error: whether it was met (else `paths` ran out).
    pub target_met: Option<bool>,
    /// The deterministic path (every random input at its scenario value): exactly the
    /// scenario's report for one box.
    pub deterministic: Outcome,
    /// The project's NPV at the scenario's discount rate.
    pub npv_usd: Distribution,
    /// The project's annual IRR, over the paths that have one.
    pub project_irr_annual: Option<Distribution>,
    /// The NPV of the equity's flows at the same rate (the project's without debt).
    pub equity_value_usd: Distribution,
    /// The equity's annual IRR, over the paths that have one.
    pub equity_irr_annual: Option<Distribution>,
    /// The lowest monthly DSCR, over the paths with debt service.
    pub minimum_dscr: Option<Distribution>,
    /// The mean equity value of the worst 5 % of paths.
    pub equity_expected_shortfall_usd: Decimal,
    /// A covenant (LTV or DSCR) breached in some month.
    pub covenant_breach: Events,
    /// A breach outlasting its cure period (an event of default).
    pub covenant_default: Events,
    /// A contract's buyer defaulting.
    pub customer_default: Events,
}

/// A run prepared once (every scenario checked and evaluated, the deterministic path in
/// `f64`), for batches of paths.
#[derive(Debug, Clone)]
pub struct Simulation {
    model: Model,
    inputs: MonteCarloInputs,
}

impl Simulation {
    /// Checks and evaluates the scenario or portfolio once.
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] with every problem of the inputs (paths from their root:
    /// `scenario.power.pue`, `options.stochastic.price.volatility_per_month`);
    /// [`ScenarioError::Model`] when a scenario cannot be evaluated or combines a prepaid
    /// contract with buyer defaults.
    pub fn new(inputs: &MonteCarloInputs) -> Result<Self, ScenarioError> {
        Ok(Self {
            model: Model::new(inputs)?,
            inputs: inputs.clone(),
        })
    }

    /// Paths `first_path` to `first_path + count − 1` (the same numbers whatever the
    /// batches and the threads).
    #[must_use]
    pub fn batch(&self, first_path: u32, count: u32) -> Batch {
        let end = first_path.saturating_add(count);
        let outcomes = self.outcomes(first_path, end);
        let mut batch = Batch {
            first_path,
            ..Batch::default()
        };
        for o in outcomes {
            batch.npv_usd.push(o.npv);
            batch.project_irr_annual.push(o.irr_annual);
            batch.equity_value_usd.push(o.equity_value);
            batch.equity_irr_annual.push(o.equity_irr_annual);
            batch.minimum_dscr.push(o.minimum_dscr);
            batch.first_breach_month.push(o.first_breach_month);
            batch.first_default_month.push(o.first_default_month);
            batch
                .first_customer_default_month
                .push(o.first_customer_default_month);
        }
        batch
    }

    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    fn outcomes(&self, first: u32, end: u32) -> Vec<PathOutcome> {
        use rayon::prelude::*;
        let seed = self.inputs.options.seed;
        (first..end)
            .into_par_iter()
            .map_init(
                || Scratch::new(&self.model),
                |scratch, path| simulate(&self.model, seed, u64::from(path), scratch),
            )
            .collect()
    }

    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    fn outcomes(&self, first: u32, end: u32) -> Vec<PathOutcome> {
        let seed = self.inputs.options.seed;
        let mut scratch = Scratch::new(&self.model);
        (first..end)
            .map(|path| simulate(&self.model, seed, u64::from(path), &mut scratch))
            .collect()
    }

    /// Runs the paths (or, with a target standard error, blocks of them until it is met)
    /// and reports.
    ///
    /// # Errors
    /// [`ScenarioError::Model`] if a statistic is not a finite number.
    pub fn run(&self) -> Result<MonteCarloReport, ScenarioError> {
        self.run_with_progress(|_, _| {})
    }

    /// [`run`](Self::run), calling `progress(done, total)` after each block of
    /// [`PROGRESS_EVERY_PATHS`](crate::montecarlo::PROGRESS_EVERY_PATHS) paths (a progress
    /// bar; the results do not depend on it).
    ///
    /// # Errors
    /// As [`run`](Self::run).
    ///
    /// # Example
    /// ```
    /// use gpuecon::montecarlo::{MonteCarloInputs, Options, Simulation, Stochastic};
    /// let scenario = gpuecon::presets::get("coreweave-box-ig")?.unwrap().scenario;
    /// let inputs = MonteCarloInputs {
    ///     scenario,
    ///     portfolio: None,
    ///     options: Options { paths: 25_000, stochastic: Stochastic::typical(), ..Options::default() },
    /// };
    /// let mut seen = Vec::new();
    /// let report = Simulation::new(&inputs)?.run_with_progress(|done, total| seen.push((done, total)))?;
    /// assert_eq!(seen, [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]);
    /// assert_eq!(report.paths, 25_000);
    /// # Ok::<(), gpuecon::scenario::ScenarioError>(())
    /// ```
    pub fn run_with_progress(
        &self,
        mut progress: impl FnMut(u32, u32),
    ) -> Result<MonteCarloReport, ScenarioError> {
        let options = &self.inputs.options;
        let paths = options.paths.min(MAX_PATHS);
        let target = options.target_standard_error_usd.map(to_f64_lossy);
        let every = usize::try_from(CHECK_EVERY_PATHS).unwrap_or(1);
        let mut all = Batch::default();
        let mut done = 0;
        while done < paths {
            let count = PROGRESS_EVERY_PATHS.min(paths - done);
            all.append(self.batch(done, count));
            done += count;
            progress(done, paths);
            if target.is_some_and(|t| stats::stop_at(&all.npv_usd, t, every).1) {
                break;
            }
        }
        self.report(vec![all])
    }

    /// The report of `batches`, which must together hold paths 0 to n − 1 (in any order,
    /// each once); with a target standard error, only the paths up to the first check that
    /// meets it count.
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] when the batches are malformed, overlap or leave a gap
    /// (`batches[2].first_path`); [`ScenarioError::Model`] if a statistic is not finite.
    pub fn report(&self, batches: Vec<Batch>) -> Result<MonteCarloReport, ScenarioError> {
        let mut c = Checker::default();
        c.each("batches", &batches);
        let batches = crate::order::stable_sorted(batches, &|a: &Batch, b: &Batch| {
            a.first_path.cmp(&b.first_path)
        });
        let mut all = Batch::default();
        for (i, b) in batches.into_iter().enumerate() {
            if usize::try_from(b.first_path).ok() != Some(all.len()) {
                c.problem(
                    &format!("batches[{i}].first_path"),
                    "the batches must hold paths 0, 1, 2, … each once",
                );
            }
            all.append(b);
        }
        if all.is_empty() {
            c.problem("batches", "must hold at least one path");
        }
        let problems = c.into_problems();
        if !problems.is_empty() {
            return Err(ScenarioError::Invalid { problems });
        }
        let options = &self.inputs.options;
        all.truncate(usize::try_from(options.paths).unwrap_or(usize::MAX));
        let mut target_met = None;
        if let Some(target) = options.target_standard_error_usd {
            let every = usize::try_from(CHECK_EVERY_PATHS).unwrap_or(1);
            let (keep, met) = stats::stop_at(&all.npv_usd, to_f64_lossy(target), every);
            all.truncate(keep);
            target_met = Some(met);
        }
        Ok(self.summarize(&all, target_met)?)
    }

    fn summarize(
        &self,
        all: &Batch,
        target_met: Option<bool>,
    ) -> Result<MonteCarloReport, ModelError> {
        let bins = self.inputs.options.histogram_bins;
        let flat = |v: &[Option<f64>]| v.iter().flatten().copied().collect::<Vec<f64>>();
        let required = |d: Option<Distribution>, field: &str| {
            d.ok_or_else(|| ModelError::Domain {
                field: field.to_owned(),
                reason: "no path was run",
            })
        };
        Ok(MonteCarloReport {
            paths: u32::try_from(all.len()).unwrap_or(u32::MAX),
            seed: self.inputs.options.seed,
            target_met,
            deterministic: self.model.deterministic.clone(),
            npv_usd: required(
                stats::distribution(&all.npv_usd, bins, "npv_usd")?,
                "npv_usd",
            )?,
            project_irr_annual: stats::distribution(
                &flat(&all.project_irr_annual),
                bins,
                "project_irr_annual",
            )?,
            equity_value_usd: required(
                stats::distribution(&all.equity_value_usd, bins, "equity_value_usd")?,
                "equity_value_usd",
            )?,
            equity_irr_annual: stats::distribution(
                &flat(&all.equity_irr_annual),
                bins,
                "equity_irr_annual",
            )?,
            minimum_dscr: stats::distribution(&flat(&all.minimum_dscr), bins, "minimum_dscr")?,
            equity_expected_shortfall_usd: decimal(
                stats::expected_shortfall(&all.equity_value_usd),
                "equity_expected_shortfall_usd",
            )?,
            covenant_breach: stats::events(&all.first_breach_month, bins, "covenant_breach")?,
            covenant_default: stats::events(&all.first_default_month, bins, "covenant_default")?,
            customer_default: stats::events(
                &all.first_customer_default_month,
                bins,
                "customer_default",
            )?,
        })
    }
}

/// A batch of paths: the run and the paths to simulate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchInputs {
    /// The run (its `options.paths` is not read: `count` says how many).
    pub run: MonteCarloInputs,
    /// The first path (from 0).
    pub first_path: u32,
    /// Paths in the batch, 1 to [`MAX_PATHS`].
    pub count: u32,
}

impl Validate for BatchInputs {
    fn check(&self, c: &mut Checker) {
        if self.count == 0 || self.count > MAX_PATHS {
            c.problem("count", "must be between 1 and 1000000");
        }
        if self.first_path.saturating_add(self.count) > MAX_PATHS {
            c.problem("first_path", "the batch must end by path 1000000");
        }
    }
}

/// The batches of a run, to report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishInputs {
    /// The run.
    pub run: MonteCarloInputs,
    /// Its batches, together paths 0 to n − 1.
    pub batches: Vec<Batch>,
}

/// Runs a Monte Carlo: `options.paths` paths of the scenario or portfolio (or, with
/// `options.target_standard_error_usd`, blocks of 1,000 until the standard error of the
/// mean NPV meets it), natively over every core with the `parallel` feature; the same seed
/// gives the same report on any number of threads and on every target.
///
/// # Errors
/// As [`Simulation::new`] and [`Simulation::run`].
///
/// # Example
/// The investment-grade box, 200 paths with typical randomness:
/// ```
/// use gpuecon::montecarlo::{self, MonteCarloInputs, Options, Stochastic};
/// let scenario = gpuecon::presets::get("coreweave-box-ig")?.unwrap().scenario;
/// let inputs = MonteCarloInputs {
///     scenario,
///     portfolio: None,
///     options: Options { paths: 200, seed: 7, stochastic: Stochastic::typical(), ..Options::default() },
/// };
/// let report = montecarlo::run(&inputs)?;
/// assert_eq!(report.paths, 200);
/// assert!(report.npv_usd.p5 <= report.npv_usd.p50 && report.npv_usd.p50 <= report.npv_usd.p95);
/// // The same seed, the same numbers.
/// assert_eq!(montecarlo::run(&inputs)?, report);
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn run(inputs: &MonteCarloInputs) -> Result<MonteCarloReport, ScenarioError> {
    Simulation::new(inputs)?.run()
}

/// One batch of paths, for a caller that runs them piece by piece (a Web Worker reporting
/// progress): give every batch to [`finish`].
///
/// # Errors
/// As [`Simulation::new`]; [`ScenarioError::Invalid`] on `count` or `first_path`.
///
/// # Example
/// ```
/// use gpuecon::montecarlo::{self, BatchInputs, FinishInputs, MonteCarloInputs, Options, Stochastic};
/// let scenario = gpuecon::presets::get("coreweave-box-sub-ig")?.unwrap().scenario;
/// let run = MonteCarloInputs {
///     scenario,
///     portfolio: None,
///     options: Options { paths: 60, seed: 1, stochastic: Stochastic::typical(), ..Options::default() },
/// };
/// let batches = [0, 20, 40]
///     .map(|first_path| montecarlo::batch(&BatchInputs { run: run.clone(), first_path, count: 20 }))
///     .into_iter()
///     .collect::<Result<Vec<_>, _>>()?;
/// let pieces = montecarlo::finish(&FinishInputs { run: run.clone(), batches })?;
/// assert_eq!(pieces, montecarlo::run(&run)?);
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn batch(inputs: &BatchInputs) -> Result<Batch, ScenarioError> {
    let mut c = Checker::default();
    inputs.check(&mut c);
    let problems = c.into_problems();
    if !problems.is_empty() {
        return Err(ScenarioError::Invalid { problems });
    }
    Ok(Simulation::new(&inputs.run)?.batch(inputs.first_path, inputs.count))
}

/// The report of a run's batches (see [`batch`]).
///
/// # Errors
/// As [`Simulation::new`] and [`Simulation::report`].
///
/// # Example
/// See [`batch`].
pub fn finish(inputs: &FinishInputs) -> Result<MonteCarloReport, ScenarioError> {
    Simulation::new(&inputs.run)?.report(inputs.batches.clone())
}
