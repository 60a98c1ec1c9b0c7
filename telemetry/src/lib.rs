//! # gpuecon-telemetry
//!
//! Reads what GPUs really do (NVML, `nvidia-smi`, the DCGM exporter, recorded sessions) so
//! that operators can set the yield they earn against the yield they assumed.
//!
//! ```text
//! NVML ───────────┐
//! nvidia-smi CSV ─┤  GpuSource::read ─▶ Reading { GpuSnapshot… } ─▶ Window (energy, hours)
//! DCGM /metrics ──┤                                 │                      │
//! replay (JSONL) ─┘                                 └──────▶ GpuReading ─▶ gpuecon::live
//! ```
//!
//! - One narrow trait, [`GpuSource`], returns plain [`Reading`]s of [`GpuSnapshot`]s.
//! - Parsers are pure functions of `&str` ([`smi::parse_query_csv`], [`prom::parse`],
//!   [`dcgm::parse`], [`replay::parse`]) tested on recorded output; the IO around them is
//!   thin. Malformed lines are reported with their line number ([`LineProblem`]) and
//!   skipped without losing the rest.
//! - Unknown values are `None`, never 0. Units are converted once, at the source boundary
//!   (NVML milliwatts, millijoules and bytes; nvidia-smi and DCGM watts, percent and MiB),
//!   and named in the field names (`power_w`, `energy_j`, `memory_used_mib`,
//!   `activity_fraction`).
//! - Measurements are `f64`; money is [`Decimal`](gpuecon::Decimal), computed by the core
//!   ([`gpuecon::live`], from the [`GpuReading`](gpuecon::live::GpuReading) each snapshot
//!   and window gives): this crate converts, aggregates and calls, and re-implements no
//!   formula of the core.
//!
//! ```
//! use gpuecon_telemetry::{smi, Window};
//! use chrono::{FixedOffset, Utc};
//!
//! // Two readings of an H100, idle then under gpu-burn (nvidia-smi --format=csv):
//! let log = "\
//! timestamp, index, name, uuid, utilization.gpu [%], power.draw [W]
//! 2026/07/14 08:12:38.696, 0, NVIDIA H100 80GB HBM3, GPU-0, 0 %, 69.85 W
//! 2026/07/14 08:12:53.353, 0, NVIDIA H100 80GB HBM3, GPU-0, 100 %, 631.95 W
//! ";
//! let parsed = smi::parse_query_csv(log, FixedOffset::east_opt(0).unwrap(), Utc::now());
//! assert!(parsed.problems.is_empty());
//! let mut window = Window::default();
//! for snapshot in &parsed.value {
//!     window.push(snapshot);
//! }
//! let gpu = &window.summaries()[0];
//! // 14.657 s between the readings; the trapezoid of 69.85 W and 631.95 W: 350.9 W mean.
//! assert!((gpu.seconds - 14.657).abs() < 1e-9);
//! assert!((gpu.mean_power_w.unwrap() - 350.9).abs() < 1e-9);
//! ```

pub mod aggregate;
mod backoff;
pub mod dcgm;
mod detect;
mod error;
pub mod nvml;
pub mod prom;
pub mod replay;
pub mod report;
pub mod screen;
pub mod smi;
mod snapshot;
mod source;
mod warning;

pub use aggregate::{GpuWindow, Window, WindowOptions};
pub use backoff::Backoff;
pub use detect::{Detected, detect};
pub use error::{Error, LineProblem, Parsed};
pub use snapshot::{GpuKey, GpuSnapshot, MigInstance, Reading};
pub use source::GpuSource;
pub use warning::{Warning, WarningKind};
