//! [`LiveReport`]: the latest readings, the window, and the economics of both, per GPU and
//! for the fleet; what `gpuecon watch` prints (a table, or one JSON line per refresh).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::aggregate::{FleetWindow, GpuWindow};
use crate::{Error, GpuSnapshot, Warning, WarningKind, Window};
use gpuecon::live::{self, FleetHourly, FleetOverWindow, GpuReading, Hourly, OverWindow, Terms};

/// One GPU (or MIG instance) in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GpuReport {
    /// A short label (`gpu 0`, `node-1 gpu 3 mig 1g.5gb/13`).
    pub label: String,
    /// The latest snapshot.
    pub snapshot: GpuSnapshot,
    /// The window so far.
    pub window: GpuWindow,
    /// Economics per hour at the latest snapshot's rates (with terms; whole GPUs only).
    pub now: Option<Hourly>,
    /// Economics over the window at its mean rates (with terms, once the window has hours).
    pub over_window: Option<OverWindow>,
}

/// The fleet in a report: whole GPUs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FleetReport {
    /// Sums over the window.
    pub window: FleetWindow,
    /// Economics per hour now.
    pub now: Option<FleetHourly>,
    /// Economics over the window.
    pub over_window: Option<FleetOverWindow>,
}

/// What `gpuecon watch` shows at each refresh.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveReport {
    /// The latest reading's time.
    pub taken_at: DateTime<Utc>,
    /// The source, in words.
    pub source: String,
    /// The terms of the economics, when given.
    pub terms: Option<Terms>,
    /// Each GPU, in the order first seen.
    pub gpus: Vec<GpuReport>,
    /// The fleet.
    pub fleet: FleetReport,
    /// GPUs whose economics could not be computed (their amounts, and the fleet's, are
    /// unknown).
    pub warnings: Vec<Warning>,
}

/// The fleet's value, or `None` and a warning.
fn fleet_or_warn<T>(result: Result<T, Error>, warnings: &mut Vec<Warning>) -> Option<T> {
    result
        .map_err(|error| {
            warnings.push(Warning::new(WarningKind::Economics, error.to_string()).gpu("fleet"));
        })
        .ok()
}

/// Builds the report of `window` (what the source has read so far), with economics when
/// `terms` are given. One GPU whose economics fail (an overflow) has unknown amounts and
/// a warning naming it; the others go on.
///
/// # Errors
/// [`Error::Economics`] for invalid terms.
///
/// # Example
/// ```
/// use gpuecon_telemetry::{replay::ReplaySource, report, GpuSource, Window};
/// let text = "\
/// {\"taken_at\":\"2026-01-01T00:00:00Z\",\"gpus\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"index\":0,\"power_w\":300,\"activity_fraction\":1}]}
/// {\"taken_at\":\"2026-01-01T01:00:00Z\",\"gpus\":[{\"timestamp\":\"2026-01-01T01:00:00Z\",\"index\":0,\"power_w\":500,\"activity_fraction\":0.5}]}
/// ";
/// let mut source = ReplaySource::from_text("s.jsonl", text, None)?;
/// let mut window = Window::default();
/// while let Some(reading) = source.read()? {
///     window.push_reading(&reading);
/// }
/// let report = report::build(&source.describe(), &window, None)?;
/// assert_eq!(report.fleet.window.energy_kwh, Some(0.4)); // (300 + 500)/2 W × 1 h
/// assert!(report.gpus[0].now.is_none()); // no terms, no economics
/// # Ok::<(), gpuecon_telemetry::Error>(())
/// ```
pub fn build(source: &str, window: &Window, terms: Option<&Terms>) -> Result<LiveReport, Error> {
    if let Some(terms) = terms {
        terms.clone().checked()?;
    }
    let mut warnings = Vec::new();
    let summaries = window.summaries();
    let fleet_window = Window::fleet(&summaries);
    let taken_at = summaries
        .iter()
        .map(|w| w.last.timestamp)
        .max()
        .unwrap_or_else(Utc::now);
    let mut gpus = Vec::with_capacity(summaries.len());
    let (mut now_all, mut rates_all, mut over_all) = (Vec::new(), Vec::new(), Vec::new());
    for summary in summaries {
        let whole = summary.key.mig.is_none();
        let rates = summary.last.reading();
        let (now, over_window) = match terms {
            Some(terms) if whole => {
                let computed = live::hourly(terms, &rates)
                    .map_err(Error::from)
                    .and_then(|now| {
                        let over = (summary.hours > 0.0)
                            .then(|| {
                                live::over_window(
                                    terms,
                                    &summary.reading(),
                                    summary.seconds,
                                    summary.energy_complete,
                                )
                            })
                            .transpose()?;
                        Ok((now, over))
                    });
                match computed {
                    Ok((now, over)) => {
                        now_all.push(Some(now.clone()));
                        rates_all.push(rates);
                        over_all.push(over.clone());
                        (Some(now), over)
                    }
                    Err(error) => {
                        warnings.push(
                            Warning::new(WarningKind::Economics, error.to_string())
                                .gpu(summary.key.label()),
                        );
                        now_all.push(None);
                        over_all.push(None);
                        (None, None)
                    }
                }
            }
            _ => (None, None),
        };
        gpus.push(GpuReport {
            label: summary.key.label(),
            snapshot: summary.last.clone(),
            window: summary,
            now,
            over_window,
        });
    }
    // The fleet's amounts are known only where every GPU's are.
    let now_known: Option<Vec<Hourly>> = now_all.iter().cloned().collect();
    let over_known: Option<Vec<OverWindow>> = over_all.iter().cloned().collect();
    let (now, over_window) = match (terms, now_known) {
        (Some(terms), Some(now_known)) if !now_known.is_empty() => {
            let now = live::fleet_hourly(terms, &now_known, &GpuReading::mean(&rates_all))
                .map_err(Error::from);
            let now = fleet_or_warn(now, &mut warnings);
            let over = match over_known {
                Some(over_known) if fleet_window.gpu_hours > 0.0 => {
                    let over = live::fleet_over_window(
                        terms,
                        &over_known,
                        fleet_window.gpu_seconds,
                        &fleet_window.reading(),
                    )
                    .map_err(Error::from);
                    fleet_or_warn(over, &mut warnings)
                }
                _ => None,
            };
            (now, over)
        }
        _ => (None, None),
    };
    Ok(LiveReport {
        taken_at,
        source: source.to_owned(),
        terms: terms.cloned(),
        gpus,
        fleet: FleetReport {
            window: fleet_window,
            now,
            over_window,
        },
        warnings,
    })
}
