//! The runner: paths in batches (natively over every core with the `parallel` feature),
//! the stopping rule, and the report.

use serde::{Deserialize, Serialize};

use super::columns::ColumnsMut;
use super::credit::{self, CreditReport};
use super::encoding::BatchBytesError;
use super::model::Model;
use super::options::{CHECK_EVERY_PATHS, MAX_PATHS, MonteCarloInputs};
use super::path::{Scratch, simulate};
use super::prepare;
use super::stats::{self, Batch, Distribution, Events, Outcome, StoppingRule, decimal, head};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::Checker;
use crate::scenario::ScenarioError;
use crate::units::to_f64_lossy;

/// [`Simulation::run_with_progress`] reports after every this many paths (ten checks of a
/// target standard error, so that every core has work between reports).
pub const PROGRESS_EVERY_PATHS: u32 = 10_000;

/// Paths a thread takes at a time (about 1.6 ms of work on the 12-year box): small enough
/// that the threads finish a step within one piece of each other, large enough that a
/// piece's fresh buffers cost nothing measurable.
const PATHS_PER_PIECE: usize = 256;

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
    /// An event of default: a breach outlasting its cure period, or a payment default (the
    /// waterfall's; the same paths as `credit.default`).
    pub covenant_default: Events,
    /// A contract's buyer defaulting.
    pub customer_default: Events,
    /// The lender's view: probability of default and of lock-up, loss given default,
    /// expected loss and the lender's IRR (`None` when no box has debt).
    pub credit: Option<CreditReport>,
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
            model: prepare::model(inputs)?,
            inputs: inputs.clone(),
        })
    }

    /// Paths `first_path` to `first_path + count − 1` (the same numbers whatever the
    /// batches and the threads), for a caller that spreads a run over processes: give the
    /// batches, or their bytes ([`Batch::to_bytes`]), to [`report`](Self::report) or
    /// [`report_bytes`](Self::report_bytes).
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] on `count` (1 to [`MAX_PATHS`]) or `first_path` (the batch
    /// must end by path [`MAX_PATHS`]).
    ///
    /// # Example
    /// ```
    /// use gpuecon::montecarlo::{self, MonteCarloInputs, Options, Simulation, Stochastic};
    /// let scenario = gpuecon::presets::get("coreweave-box-sub-ig")?.unwrap().scenario;
    /// let run = MonteCarloInputs {
    ///     scenario,
    ///     portfolio: None,
    ///     options: Options { paths: 60, seed: 1, stochastic: Stochastic::typical(), ..Options::default() },
    /// };
    /// let simulation = Simulation::new(&run)?;
    /// // Three batches, as three processes would write them, given out of order.
    /// let bytes = [40, 0, 20]
    ///     .map(|first_path| simulation.batch(first_path, 20).map(|b| b.to_bytes()))
    ///     .into_iter()
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(simulation.report_bytes(&bytes)?, montecarlo::run(&run)?);
    /// # Ok::<(), gpuecon::scenario::ScenarioError>(())
    /// ```
    pub fn batch(&self, first_path: u32, count: u32) -> Result<Batch, ScenarioError> {
        let mut c = Checker::default();
        if count == 0 || count > MAX_PATHS {
            c.problem("count", "must be between 1 and 1000000");
        }
        if first_path.saturating_add(count) > MAX_PATHS {
            c.problem("first_path", "the batch must end by path 1000000");
        }
        let problems = c.into_problems();
        if !problems.is_empty() {
            return Err(ScenarioError::Invalid { problems });
        }
        let mut batch = Batch {
            first_path,
            ..Batch::default()
        };
        let paths = usize::try_from(count).unwrap_or(usize::MAX);
        self.outcomes(batch.grow(paths, self.boxes_with_columns()));
        Ok(batch)
    }

    /// Runs paths `columns.first_path` on into `columns`, in pieces of [`PATHS_PER_PIECE`]
    /// paths: natively over rayon's pool, each piece written in place by the thread that
    /// ran it; elsewhere one after the other.
    fn outcomes(&self, columns: ColumnsMut<'_>) {
        let pieces = columns.pieces(PATHS_PER_PIECE);
        #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
        {
            use rayon::prelude::*;
            pieces
                .into_par_iter()
                .with_max_len(1)
                .for_each(|piece| self.outcomes_of_piece(piece, &mut Scratch::new(&self.model)));
        }
        #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
        {
            let mut scratch = Scratch::new(&self.model);
            for piece in pieces {
                self.outcomes_of_piece(piece, &mut scratch);
            }
        }
    }

    /// Runs paths `piece.first_path` on into `piece`, one after the other.
    fn outcomes_of_piece(&self, mut piece: ColumnsMut<'_>, scratch: &mut Scratch) {
        let seed = self.inputs.options.seed;
        for (i, path) in (0..piece.len()).zip(u64::from(piece.first_path)..) {
            let o = simulate(&self.model, seed, path, scratch);
            piece.set(i, &o, &scratch.box_credit);
        }
    }

    /// Runs the paths (or, with a target standard error, blocks of them until it is met)
    /// and reports.
    ///
    /// # Errors
    /// [`ScenarioError::Model`] if a statistic is not a finite number.
    pub fn run(&self) -> Result<MonteCarloReport, ScenarioError> {
        // Blocks only where a target standard error is checked between them: otherwise the
        // paths run as one step, which the threads finish together once instead of once a
        // block.
        let block = match self.inputs.options.target_standard_error_usd {
            Some(_) => PROGRESS_EVERY_PATHS,
            None => MAX_PATHS,
        };
        self.run_in_blocks(block, |_, _| {})
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
        progress: impl FnMut(u32, u32),
    ) -> Result<MonteCarloReport, ScenarioError> {
        self.run_in_blocks(PROGRESS_EVERY_PATHS, progress)
    }

    /// [`run`](Self::run) in blocks of `block` paths, calling `progress(done, total)` after
    /// each.
    fn run_in_blocks(
        &self,
        block: u32,
        mut progress: impl FnMut(u32, u32),
    ) -> Result<MonteCarloReport, ScenarioError> {
        let mut paths = Paths::new(self);
        loop {
            let step = paths.step(self, block);
            progress(step.done, step.total);
            if step.finished {
                break;
            }
        }
        self.report_of(&paths.outcomes)
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
            if b.boxes.len() != self.boxes_with_columns() {
                c.problem(
                    &format!("batches[{i}].boxes"),
                    "must hold one set of columns for each box of a portfolio (none for one scenario)",
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
        self.report_of(&all)
    }

    /// [`report`](Self::report) of batches written as bytes ([`Batch::to_bytes`]), as
    /// other processes return them.
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] on `batches[i]` when its bytes are not a batch; then as
    /// [`report`](Self::report).
    ///
    /// # Example
    /// See [`batch`](Self::batch).
    pub fn report_bytes<B: AsRef<[u8]>>(
        &self,
        batches: &[B],
    ) -> Result<MonteCarloReport, ScenarioError> {
        let mut c = Checker::default();
        let mut decoded = Vec::with_capacity(batches.len());
        for (i, bytes) in batches.iter().enumerate() {
            match Batch::from_bytes(bytes.as_ref()) {
                Ok(batch) => decoded.push(batch),
                Err(e) => c.problem(&format!("batches[{i}]"), BatchBytesError::reason(e)),
            }
        }
        let problems = c.into_problems();
        if !problems.is_empty() {
            return Err(ScenarioError::Invalid { problems });
        }
        self.report(decoded)
    }

    /// How many boxes a batch has columns of: a portfolio's boxes when more than one.
    fn boxes_with_columns(&self) -> usize {
        match self.model.boxes.len() {
            n if n > 1 => n,
            _ => 0,
        }
    }

    /// The names of the boxes a batch has columns of: each box's title, else `box k`
    /// (from 1).
    fn box_names(&self) -> Vec<String> {
        let titles = self
            .inputs
            .portfolio
            .as_ref()
            .map(|p| p.boxes.iter().map(|b| b.title.trim()).collect::<Vec<_>>())
            .unwrap_or_default();
        (0..self.boxes_with_columns())
            .map(|k| match titles.get(k) {
                Some(t) if !t.is_empty() => (*t).to_owned(),
                _ => format!("box {}", k + 1),
            })
            .collect()
    }

    /// The report of `all`, paths 0 to n − 1 in order: the first `options.paths` of them,
    /// and with a target standard error only those up to the first check that meets it.
    fn report_of(&self, all: &Batch) -> Result<MonteCarloReport, ScenarioError> {
        let options = &self.inputs.options;
        let mut paths = all
            .len()
            .min(usize::try_from(options.paths).unwrap_or(usize::MAX));
        let mut target_met = None;
        if let Some(target) = options.target_standard_error_usd {
            let every = usize::try_from(CHECK_EVERY_PATHS).unwrap_or(1);
            let npv = all.npv_usd.get(..paths).unwrap_or_default();
            let (keep, met) = stats::stop_at(npv, to_f64_lossy(target), every);
            paths = keep;
            target_met = Some(met);
        }
        Ok(self.summarize(all, paths, target_met)?)
    }

    /// The report of `all`'s first `paths` paths: four groups of statistics of about the
    /// same work (sorting each value's paths is most of it), on two threads where paths
    /// run in parallel. Each statistic is computed as on one thread, so the report's bits
    /// do not depend on the threads; the first error is the first field's, as in order.
    fn summarize(
        &self,
        all: &Batch,
        paths: usize,
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
        let distribution = |values: &[f64], field: &str| stats::distribution(values, bins, field);
        let events = |months: &[Option<u32>], field: &str| stats::events(months, bins, field);
        // A value every path has, and its IRR where one was found.
        let value_and_irr = |values: &[f64], value: &str, irrs: &[Option<f64>], irr: &str| {
            Ok::<_, ModelError>((
                required(distribution(head(values, paths), value)?, value)?,
                distribution(&flat(head(irrs, paths)), irr)?,
            ))
        };
        let project = || {
            let (values, irrs) = (&all.npv_usd, &all.project_irr_annual);
            value_and_irr(values, "npv_usd", irrs, "project_irr_annual")
        };
        let equity = || {
            let (values, irrs) = (&all.equity_value_usd, &all.equity_irr_annual);
            value_and_irr(values, "equity_value_usd", irrs, "equity_irr_annual")
        };
        let risks = || -> Result<_, ModelError> {
            Ok((
                distribution(&flat(head(&all.minimum_dscr, paths)), "minimum_dscr")?,
                decimal(
                    stats::expected_shortfall(head(&all.equity_value_usd, paths)),
                    "equity_expected_shortfall_usd",
                )?,
                events(head(&all.first_breach_month, paths), "covenant_breach")?,
                events(head(&all.first_default_month, paths), "covenant_default")?,
                events(
                    head(&all.first_customer_default_month, paths),
                    "customer_default",
                )?,
            ))
        };
        let credit = || {
            self.model
                .boxes
                .iter()
                .any(|b| b.financing.is_some())
                .then(|| {
                    credit::report(
                        all,
                        paths,
                        bins,
                        self.model.deterministic_lender_irr_annual,
                        &self.box_names(),
                    )
                })
                .transpose()
        };
        let ((project, equity), (risks, credit)) = stats::join(
            || stats::join(project, equity),
            || stats::join(risks, credit),
        );
        let (npv_usd, project_irr_annual) = project?;
        let (equity_value_usd, equity_irr_annual) = equity?;
        let (
            minimum_dscr,
            equity_expected_shortfall_usd,
            covenant_breach,
            covenant_default,
            customer_default,
        ) = risks?;
        Ok(MonteCarloReport {
            paths: u32::try_from(paths).unwrap_or(u32::MAX),
            seed: self.inputs.options.seed,
            target_met,
            deterministic: self.model.deterministic.clone(),
            npv_usd,
            project_irr_annual,
            equity_value_usd,
            equity_irr_annual,
            minimum_dscr,
            equity_expected_shortfall_usd,
            covenant_breach,
            covenant_default,
            customer_default,
            credit: credit?,
        })
    }
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

/// Where a [`MonteCarloRun`] stands, after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Paths run so far.
    pub done: u32,
    /// Paths the run runs at most (`options.paths`).
    pub total: u32,
    /// Whether the run is over: every path run, or the target standard error met.
    pub finished: bool,
    /// With a target standard error: whether a check has met it yet (`None` without one).
    pub target_met: Option<bool>,
}

/// A run taken step by step, holding its prepared [`Simulation`] and its paths' outcomes:
/// what a Web Worker keeps between the steps it reports progress after (the npm package's
/// `MonteCarloRun`). Only progress crosses after each step, and one report at the end;
/// the report is [`run`]'s, to the bit, whatever the steps.
///
/// # Example
/// ```
/// use gpuecon::montecarlo::{self, MonteCarloInputs, MonteCarloRun, Options, Stochastic};
/// let scenario = gpuecon::presets::get("coreweave-box-sub-ig")?.unwrap().scenario;
/// let inputs = MonteCarloInputs {
///     scenario,
///     portfolio: None,
///     options: Options { paths: 60, seed: 1, stochastic: Stochastic::typical(), ..Options::default() },
/// };
/// let mut run = MonteCarloRun::new(&inputs)?;
/// assert_eq!(run.step(25).done, 25);
/// assert_eq!(run.step(25).done, 50);
/// let last = run.step(25);
/// assert_eq!((last.done, last.total, last.finished), (60, 60, true));
/// assert_eq!(run.report()?, montecarlo::run(&inputs)?);
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
#[derive(Debug, Clone)]
pub struct MonteCarloRun {
    simulation: Simulation,
    paths: Paths,
}

impl MonteCarloRun {
    /// Checks and evaluates the scenario or portfolio once (as [`Simulation::new`]); no
    /// path runs yet.
    ///
    /// # Errors
    /// As [`Simulation::new`].
    pub fn new(inputs: &MonteCarloInputs) -> Result<Self, ScenarioError> {
        let simulation = Simulation::new(inputs)?;
        Ok(Self {
            paths: Paths::new(&simulation),
            simulation,
        })
    }

    /// Runs the next `paths` paths (fewer when the run has fewer left; none once it is
    /// finished) and says where the run stands.
    pub fn step(&mut self, paths: u32) -> Progress {
        self.paths.step(&self.simulation, paths)
    }

    /// Where the run stands.
    #[must_use]
    pub fn progress(&self) -> Progress {
        self.paths.progress()
    }

    /// The report of the paths run so far: once finished, [`run`]'s report for the same
    /// inputs; before (a cancelled run), the report of the paths done, `target_met`
    /// saying whether a check met the target yet.
    ///
    /// # Errors
    /// [`ScenarioError::Model`] before any path ran (on `npv_usd`), or if a statistic is
    /// not a finite number.
    pub fn report(&self) -> Result<MonteCarloReport, ScenarioError> {
        self.simulation.report_of(&self.paths.outcomes)
    }
}

/// The paths of a run so far, and its stopping rule: what [`MonteCarloRun`] and
/// [`Simulation::run_with_progress`] step.
#[derive(Debug, Clone)]
struct Paths {
    outcomes: Batch,
    total: u32,
    rule: Option<StoppingRule>,
}

impl Paths {
    fn new(simulation: &Simulation) -> Self {
        let options = &simulation.inputs.options;
        let every = usize::try_from(CHECK_EVERY_PATHS).unwrap_or(1);
        Self {
            outcomes: Batch::default(),
            total: options.paths.min(MAX_PATHS),
            rule: options
                .target_standard_error_usd
                .map(|target| StoppingRule::new(to_f64_lossy(target), every)),
        }
    }

    fn step(&mut self, simulation: &Simulation, paths: u32) -> Progress {
        let done = self.done();
        if !self.is_finished() {
            let end = done.saturating_add(paths.min(self.total - done));
            let paths = usize::try_from(end - done).unwrap_or(usize::MAX);
            simulation.outcomes(self.outcomes.grow(paths, simulation.boxes_with_columns()));
            if let Some(rule) = &mut self.rule {
                let start = usize::try_from(done).unwrap_or(usize::MAX);
                rule.extend(self.outcomes.npv_usd.get(start..).unwrap_or_default());
            }
        }
        self.progress()
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.done(),
            total: self.total,
            finished: self.is_finished(),
            target_met: self.rule.as_ref().map(|r| r.met_at().is_some()),
        }
    }

    fn done(&self) -> u32 {
        u32::try_from(self.outcomes.len()).unwrap_or(u32::MAX)
    }

    fn is_finished(&self) -> bool {
        self.done() >= self.total || self.rule.as_ref().is_some_and(|r| r.met_at().is_some())
    }
}
