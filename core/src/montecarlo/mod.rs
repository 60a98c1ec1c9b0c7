//! Monte Carlo of a box or a portfolio (docs/domain.md section 13): volatile demand,
//! prices, residual values, buyers and rates, as distributions of NPV, IRR, DSCR and
//! covenant breaches; and deterministic sensitivities ([`sensitivity`]).
//!
//! ```text
//! scenario ─▶ evaluate once (exact, Decimal) ─▶ the deterministic path in f64
//!          ─▶ N paths: draws (seeded streams) ─▶ the path in f64 ─▶ outcomes ─▶ report
//! ```
//!
//! # The random inputs
//!
//! Months are the scenario's (month 1 is the first after the start); ε is a standard normal
//! (the ziggurat method), u a uniform in [0, 1). Each input left out of
//! [`Stochastic`] stays at the scenario's value.
//!
//! | input | process | typical ([`Stochastic::typical`]) |
//! |---|---|---|
//! | market utilization | `u = clamp(level × (1 + x), 0, 1) × lull`, `xₘ = (1 − κ)xₘ₋₁ + σεₘ` | inference: κ 0.5, σ 5 %, no lulls |
//! | contract usage (each buyer) | the same, on the contract's usage share; lulls: a two-state chain, entering with `start`, leaving with `end`, at `level` × the usage | training: κ 0.3, σ 10 %, lulls 5 % / 25 % at 30 % |
//! | on-demand price | `multiplier = exp(y + regime)`, `yₘ = (1 − κ)yₘ₋₁ + σεₘ + jump`; a jump with probability λ of size `N(μ, s)`; the regime a two-state chain at `log_level` | κ 0.05, σ 8 %; jumps 2 % of months, −30 % ± 20 %; a collapse to e^−1.5 = 22 % (domain.md: $8 → $1.70), entered 1 %, left 5 % of months |
//! | residual value | at launches `first, first + every, …`: × `(1 − median_drop)·exp(σε)`, for good | a launch every 24 months from month 12, a median −3 % ± 8 % (the curve already holds the average decline: the launches add its steps and their surprise) |
//! | buyer default | each contract: monthly hazard `1 − (1 − PD)^(1/12)` over its term; the default month is its last served; recovery × the remaining minimum payments is paid in it; its GPUs return to the market; a prepaid buyer does not default | PD 2 % a year (about a BB rating), recovery 40 % |
//! | curtailment | each month with probability p, `share` of the hours cut (on top of the scenario's own curtailment: `1 − (1 − c₀)(1 − c)`), with the scenario's rules (energy module: revenue, power and hours fall by the share) | 5 % of months, 10 % of the hours |
//! | SOFR | `SOFRₘ = max(pathₘ + zₘ, floor)`, `zₘ = (1 − κ)zₘ₋₁ + σεₘ` (Vasicek around the scenario's path) | κ 0.05, σ 25 bp a month, floor 0 |
//!
//! The utilization's and SOFR's long-run means are the scenario's own values (the processes
//! revert to them); lulls lower the mean usage to `(1 − s) + s × level` of it, with `s =
//! start ÷ (start + end)` the share of months in a lull (1/6 typically); the price
//! multiplier's median is 1 (its mean is above 1).
//!
//! # What a path changes, and what it does not
//!
//! The debt is sized at the close on the deterministic path (as lenders size it) and its
//! schedule stays: a path moves the interest (SOFR), the CFADS (its cash flow) and the
//! collateral (its value). Each path then runs the box's waterfall in `f64` (module
//! `waterfall`, the exact model's rules and order: fees, interest and principal; the DSRA;
//! the lock-up; the sweep; the covenants; a payment or covenant default, acceleration from
//! the next month with nothing distributed to the equity until the lender is repaid, a
//! foreclosure and the write-off), so that a default on a path stops the equity's
//! distributions on it. The formulas of a path are in the `path` module's docs: the path
//! recomputes what the random inputs move (settlements, market sales, power, curtailment,
//! SG&A) and keeps the rest of the exact model's months; taxes, maintenance capex and
//! working capital stay the deterministic path's.
//!
//! - **Portfolios**: one market, one SOFR and one generation cycle for all boxes; each box
//!   its own buyers' usage and defaults and its own curtailment. The NPV and the equity
//!   value add up; the IRRs are those of the summed flows; the minimum DSCR is the lowest
//!   of any box; a breach or default of any box counts, and each box's own default,
//!   exposure and write-off are kept too (its PD, LGD and expected loss).
//! - **Outcomes**: NPV and IRR of the project's flows (the exact model's, discounting
//!   included), the equity's value (the NPV of its flows) and IRR, the lender's IRR, the
//!   minimum DSCR, the first month with a covenant breached, in default (a payment default
//!   or a breach past its cure) and locked up, the exposure at default and what was
//!   written off, and the first buyer default.
//! - **Statistics** ([`MonteCarloReport`]): mean with its Monte Carlo standard error,
//!   P5/P25/P50/P75/P95 (Excel's PERCENTILE.INC), minimum, maximum, histograms; event
//!   probabilities with their standard errors and the distribution of the first month;
//!   the expected shortfall of the equity value (the mean of the worst 5 % of paths); with
//!   debt, the lender's view ([`CreditReport`]): probability of default and of lock-up,
//!   loss given default, expected loss (PD × LGD, and its other readings) and the lender's
//!   IRR; for a portfolio, each box's PD, mean LGD and expected loss.
//! - **Convergence**: `target_standard_error_usd` runs blocks of
//!   [`CHECK_EVERY_PATHS`] paths until the standard error of the mean NPV is at most the
//!   target (or `paths` run out); the report then holds exactly the paths up to that check,
//!   however the paths were batched.
//!
//! # Exactness, reproducibility, speed
//!
//! - The paths are `f64`; every series comes from the exact model once. A path that draws
//!   the deterministic inputs (no randomness, or zero volatilities) reproduces the
//!   scenario's report exactly (its NPV, IRRs, minimum DSCR and months, to the bit of their
//!   `f64` conversion); [`replay`] evaluates any one path through the exact `Decimal` model
//!   (a scenario with the path's market, usage, terminations and curtailment, and the
//!   deterministic debt through the exact waterfall on the path's cash flows), which the
//!   `f64` loop matches to 1e-9 (an IRR of flows with several roots may be another root).
//! - **Generator**: xoshiro256** seeded by SplitMix64, one stream per path and
//!   input; normals by the ziggurat; logarithms and exponentials from the `libm` crate. Only
//!   IEEE operations the same everywhere: a seed gives the same report natively and in
//!   WebAssembly, on any number of threads (paths are reduced in path order).
//! - **Parallelism**: with the `parallel` feature (on by default, off in the wasm package)
//!   [`Simulation::batch`] runs its paths on rayon's pool; in the browser, a
//!   [`MonteCarloRun`] held by a Web Worker runs the paths step by step, reporting progress
//!   and stopping between steps; across processes (Python on Dask), each runs a
//!   [`Simulation::batch`] and hands its bytes ([`Batch::to_bytes`]) to
//!   [`Simulation::report_bytes`].

mod columns;
mod contract;
mod credit;
mod encoding;
mod exact;
mod float;
mod irr;
mod make_up;
mod model;
mod normal;
mod options;
mod path;
mod prepare;
mod processes;
mod ranks;
mod rng;
mod runner;
mod sales;
pub mod sensitivity;
mod sofr;
mod stats;
mod waterfall;

pub use credit::{BoxCredit, CreditReport};
pub use encoding::BatchBytesError;
pub use exact::{Replay, replay};
pub use options::{
    CHECK_EVERY_PATHS, CurtailmentEvents, CustomerDefault, Jumps, Lulls, MAX_PATHS,
    MonteCarloInputs, Options, PriceProcess, RegimeShift, ResidualShocks, SofrProcess, Stochastic,
    UtilizationProcess,
};
pub use runner::{
    MonteCarloReport, MonteCarloRun, PROGRESS_EVERY_PATHS, Progress, Simulation, run,
};
pub use stats::{Batch, Bin, BoxColumns, Distribution, Events, Outcome};
