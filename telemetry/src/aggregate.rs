//! Aggregation over a window of readings: energy, activity-weighted hours and idle hours,
//! per GPU ([`GpuWindow`]) and for the fleet ([`FleetWindow`]).
//!
//! Between two consecutive snapshots of a GPU, `dt` apart (`dt` at most
//! [`WindowOptions::max_gap_hours`]; a longer interval is a gap and is not counted):
//!
//! ```text
//! energy    = E₁ − E₀                       the energy counter, where both ends have it
//!           (a rise above 1.5 × the power limit × dt is impossible: warned about,
//!           and the trapezoid taken instead)
//!           = (P₀ + P₁) / 2 × dt            else the trapezoid of the power (one end: P × dt)
//!           counter reset (E₁ < E₀): the trapezoid where there is power, else E₁
//!           (the energy since the reset, the least it can be)
//! activity hours   += a₁ × dt               a₁: the later snapshot's activity
//! effective hours  += s₁ × dt               s₁: its SM activity
//! idle hours       += dt  where a₁ ≤ idle_at_most (default 0: no kernel ran)
//! mean power       = energy ÷ the hours that have energy
//! ```
//!
//! Utilization is the later snapshot's because NVML, nvidia-smi and DCGM report it over
//! the sample period that ends at the reading; the power draw is a 1-second average on
//! Ampere and newer (instantaneous before), so it is integrated as a trapezoid. Activity
//! is [`GpuSnapshot::activity_or_graphics`]. Hours without a known value are left out of
//! that value's ratios (and counted, so that a reader sees the coverage). Measurements stay
//! `f64`: they are only as exact as the sensors (nvidia-smi: ±5 W).
//!
//! The fleet counts whole GPUs: MIG instances are slices of a GPU already counted.
//!
//! A snapshot older than its GPU's last is not counted, and one at the same time is a
//! duplicate; both are warned about ([`Window::take_warnings`]). Pushing is linear: GPUs
//! are found in a map by key.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::screen::max_energy_j;
use crate::{GpuKey, GpuSnapshot, Warning, WarningKind};

/// Joules in a kilowatt-hour.
pub const JOULES_PER_KWH: f64 = 3_600_000.0;
/// Seconds in an hour.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// How a [`Window`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WindowOptions {
    /// An interval between two snapshots of a GPU longer than this is a gap: not integrated
    /// (default 1 hour).
    pub max_gap_hours: f64,
    /// Activity at or below this is idle (default 0: no kernel ran in the sample period).
    pub idle_at_most: f64,
}

impl Default for WindowOptions {
    fn default() -> Self {
        Self {
            max_gap_hours: 1.0,
            idle_at_most: 0.0,
        }
    }
}

/// One GPU over the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GpuWindow {
    /// The GPU (not serialized: a report carries it with the snapshot).
    #[serde(skip)]
    pub key: GpuKey,
    /// Its latest snapshot (not serialized: a report carries it).
    #[serde(skip)]
    pub last: GpuSnapshot,
    /// The first snapshot's time.
    pub from: DateTime<Utc>,
    /// Snapshots counted (out-of-order ones are not).
    pub snapshots: u32,
    /// Hours between snapshots, gaps excluded.
    pub hours: f64,
    /// Seconds, the same (for short windows).
    pub seconds: f64,
    /// Intervals longer than the gap limit, not counted.
    pub gaps: u32,
    /// Energy in joules; `None` when no interval had power or a counter.
    pub energy_j: Option<f64>,
    /// Energy in kWh (`energy_j ÷ 3,600,000`).
    pub energy_kwh: Option<f64>,
    /// Hours whose energy is known.
    pub energy_hours: f64,
    /// Whether the energy of every counted hour is known.
    pub energy_complete: bool,
    /// Of those, hours measured by the energy counter (the rest integrate the power).
    pub counter_hours: f64,
    /// Energy counter resets seen (a driver reload).
    pub counter_resets: u32,
    /// `energy ÷ energy_hours`, in watts.
    pub mean_power_w: Option<f64>,
    /// Activity-weighted hours: Σ activity × dt.
    pub activity_hours: f64,
    /// Hours whose activity is known.
    pub activity_known_hours: f64,
    /// `activity_hours ÷ activity_known_hours`.
    pub activity_fraction: Option<f64>,
    /// SM-activity-weighted hours: Σ SM activity × dt.
    pub effective_hours: f64,
    /// Hours whose SM activity is known.
    pub effective_known_hours: f64,
    /// `effective_hours ÷ effective_known_hours`.
    pub effective_fraction: Option<f64>,
    /// Hours at or below the idle activity.
    pub idle_hours: f64,
}

impl GpuWindow {
    /// The window's reading for the core's live economics: its mean power, activity and SM
    /// activity, the energy measured over it, the last power limit.
    #[must_use]
    pub fn reading(&self) -> gpuecon::live::GpuReading {
        gpuecon::live::GpuReading {
            power_w: self.mean_power_w,
            activity_fraction: self.activity_fraction,
            effective_fraction: self.effective_fraction,
            energy_j: self.energy_j,
            power_limit_w: self.last.power_limit_w,
        }
    }
}

/// The fleet over the window: sums over whole GPUs (MIG instances left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FleetWindow {
    /// Whole GPUs seen.
    pub gpus: u32,
    /// GPU-hours.
    pub gpu_hours: f64,
    /// GPU-seconds, the same.
    pub gpu_seconds: f64,
    /// Energy in joules of the GPUs whose energy is known; `None` when none is.
    pub energy_j: Option<f64>,
    /// The same in kWh.
    pub energy_kwh: Option<f64>,
    /// GPU-hours whose energy is known.
    pub energy_gpu_hours: f64,
    /// Mean power per GPU in watts: energy ÷ energy GPU-hours.
    pub mean_power_w_per_gpu: Option<f64>,
    /// Activity-weighted GPU-hours.
    pub activity_gpu_hours: f64,
    /// GPU-hours whose activity is known.
    pub activity_known_gpu_hours: f64,
    /// Activity-weighted ÷ known GPU-hours.
    pub activity_fraction: Option<f64>,
    /// SM-activity-weighted GPU-hours.
    pub effective_gpu_hours: f64,
    /// GPU-hours whose SM activity is known.
    pub effective_known_gpu_hours: f64,
    /// SM-activity-weighted ÷ known GPU-hours.
    pub effective_fraction: Option<f64>,
    /// Idle GPU-hours.
    pub idle_gpu_hours: f64,
}

impl FleetWindow {
    /// The average GPU's reading for the core's live economics: the mean power, activity
    /// and SM activity per GPU, the energy per GPU (`None` without GPUs); no power limit.
    #[must_use]
    pub fn reading(&self) -> gpuecon::live::GpuReading {
        gpuecon::live::GpuReading {
            power_w: self.mean_power_w_per_gpu,
            activity_fraction: self.activity_fraction,
            effective_fraction: self.effective_fraction,
            energy_j: self
                .energy_j
                .filter(|_| self.gpus > 0)
                .map(|j| j / f64::from(self.gpus)),
            power_limit_w: None,
        }
    }
}

/// `numerator ÷ denominator`, `None` when the denominator is not above 0.
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// Running sums for one GPU.
#[derive(Debug, Clone)]
struct Sums {
    last: GpuSnapshot,
    from: DateTime<Utc>,
    snapshots: u32,
    seconds: f64,
    gaps: u32,
    energy_j: Option<f64>,
    energy_seconds: f64,
    counter_seconds: f64,
    counter_resets: u32,
    activity_seconds: f64,
    activity_known_seconds: f64,
    effective_seconds: f64,
    effective_known_seconds: f64,
    idle_seconds: f64,
}

impl Sums {
    fn new(first: &GpuSnapshot) -> Self {
        Self {
            last: first.clone(),
            from: first.timestamp,
            snapshots: 1,
            seconds: 0.0,
            gaps: 0,
            energy_j: None,
            energy_seconds: 0.0,
            counter_seconds: 0.0,
            counter_resets: 0,
            activity_seconds: 0.0,
            activity_known_seconds: 0.0,
            effective_seconds: 0.0,
            effective_known_seconds: 0.0,
            idle_seconds: 0.0,
        }
    }

    fn push(&mut self, next: &GpuSnapshot, options: &WindowOptions, warnings: &mut Vec<Warning>) {
        let dt = (next.timestamp - self.last.timestamp).as_seconds_f64();
        let warn = |kind, message| Warning::new(kind, message).gpu(next.key().label());
        if dt < 0.0 {
            warnings.push(warn(
                WarningKind::Backwards,
                format!(
                    "timestamp {} is before the previous one, {}",
                    next.timestamp.to_rfc3339(),
                    self.last.timestamp.to_rfc3339()
                ),
            ));
            return;
        }
        if dt == 0.0 {
            warnings.push(warn(
                WarningKind::Duplicate,
                format!("a second snapshot at {}", next.timestamp.to_rfc3339()),
            ));
            return;
        }
        self.snapshots += 1;
        if dt > options.max_gap_hours * SECONDS_PER_HOUR {
            self.gaps += 1;
        } else {
            self.integrate(next, dt, options, warnings);
        }
        self.last = next.clone();
    }

    fn integrate(
        &mut self,
        next: &GpuSnapshot,
        dt: f64,
        options: &WindowOptions,
        warnings: &mut Vec<Warning>,
    ) {
        let prev = &self.last;
        self.seconds += dt;
        let trapezoid = match (prev.power_w, next.power_w) {
            (Some(p0), Some(p1)) => Some((p0 + p1) / 2.0 * dt),
            (Some(p), None) | (None, Some(p)) => Some(p * dt),
            (None, None) => None,
        };
        let limit = next.power_limit_w.or(prev.power_limit_w);
        let energy = match (prev.energy_j, next.energy_j) {
            (Some(e0), Some(e1)) if e1 - e0 > max_energy_j(limit, dt) => {
                warnings.push(
                    Warning::new(
                        WarningKind::Impossible,
                        format!(
                            "the energy counter rose {} J in {dt} s, more than 1.5 × the power limit allows",
                            e1 - e0
                        ),
                    )
                    .gpu(next.key().label()),
                );
                trapezoid
            }
            (Some(e0), Some(e1)) if e1 >= e0 => {
                self.counter_seconds += dt;
                Some(e1 - e0)
            }
            (Some(_), Some(e1)) => {
                self.counter_resets += 1;
                trapezoid.or(Some(e1))
            }
            _ => trapezoid,
        };
        if let Some(joules) = energy {
            self.energy_j = Some(self.energy_j.unwrap_or(0.0) + joules);
            self.energy_seconds += dt;
        }
        if let Some(activity) = next.activity_or_graphics() {
            self.activity_seconds += activity * dt;
            self.activity_known_seconds += dt;
            if activity <= options.idle_at_most {
                self.idle_seconds += dt;
            }
        }
        if let Some(sm) = next.sm_active_fraction {
            self.effective_seconds += sm * dt;
            self.effective_known_seconds += dt;
        }
    }

    fn summary(&self, key: &GpuKey) -> GpuWindow {
        let h = |seconds: f64| seconds / SECONDS_PER_HOUR;
        GpuWindow {
            key: key.clone(),
            last: self.last.clone(),
            from: self.from,
            snapshots: self.snapshots,
            hours: h(self.seconds),
            seconds: self.seconds,
            gaps: self.gaps,
            energy_j: self.energy_j,
            energy_kwh: self.energy_j.map(|j| j / JOULES_PER_KWH),
            energy_hours: h(self.energy_seconds),
            energy_complete: self.energy_seconds >= self.seconds,
            counter_hours: h(self.counter_seconds),
            counter_resets: self.counter_resets,
            mean_power_w: self.energy_j.and_then(|j| ratio(j, self.energy_seconds)),
            activity_hours: h(self.activity_seconds),
            activity_known_hours: h(self.activity_known_seconds),
            activity_fraction: ratio(self.activity_seconds, self.activity_known_seconds),
            effective_hours: h(self.effective_seconds),
            effective_known_hours: h(self.effective_known_seconds),
            effective_fraction: ratio(self.effective_seconds, self.effective_known_seconds),
            idle_hours: h(self.idle_seconds),
        }
    }
}

/// Readings accumulated over a window, GPU by GPU.
///
/// ```
/// use gpuecon_telemetry::{GpuSnapshot, Window};
/// let at = |s: &str| format!("2026-01-01T00:{s}Z").parse().unwrap();
/// let gpu = |t, power, activity| GpuSnapshot {
///     index: Some(0), power_w: Some(power), activity_fraction: Some(activity),
///     ..GpuSnapshot::unknown(at(t))
/// };
/// let mut window = Window::default();
/// for snapshot in [gpu("00:00", 100.0, 0.0), gpu("30:00", 300.0, 0.5), gpu("45:00", 300.0, 0.0)] {
///     window.push(&snapshot);
/// }
/// let w = &window.summaries()[0];
/// // 0.75 h; (100 + 300)/2 × 0.5 h + 300 × 0.25 h = 175 Wh
/// assert_eq!(w.hours, 0.75);
/// assert_eq!(w.energy_kwh, Some(0.175));
/// // 0.5 × 0.5 h active; the last quarter-hour idle
/// assert_eq!((w.activity_hours, w.idle_hours), (0.25, 0.25));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Window {
    options: WindowOptions,
    order: Vec<GpuKey>,
    gpus: HashMap<GpuKey, Sums>,
    warnings: Vec<Warning>,
}

impl Window {
    /// An empty window counting with `options`.
    #[must_use]
    pub fn new(options: WindowOptions) -> Self {
        Self {
            options,
            ..Self::default()
        }
    }

    /// Counts one snapshot (in time order per GPU; one older than the GPU's last, or at
    /// the same time, is left out with a warning).
    pub fn push(&mut self, snapshot: &GpuSnapshot) {
        let key = snapshot.key();
        match self.gpus.get_mut(&key) {
            Some(sums) => sums.push(snapshot, &self.options, &mut self.warnings),
            None => {
                self.order.push(key.clone());
                self.gpus.insert(key, Sums::new(snapshot));
            }
        }
    }

    /// Counts every snapshot of `reading`.
    pub fn push_reading(&mut self, reading: &crate::Reading) {
        for gpu in &reading.gpus {
            self.push(gpu);
        }
    }

    /// The warnings since the last call (snapshots out of order or duplicated, impossible
    /// energy counter rises), oldest first.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Each GPU's summary, in the order GPUs were first seen.
    #[must_use]
    pub fn summaries(&self) -> Vec<GpuWindow> {
        self.order
            .iter()
            .filter_map(|key| self.gpus.get(key).map(|sums| sums.summary(key)))
            .collect()
    }

    /// The fleet's summary over `summaries` (whole GPUs only).
    #[must_use]
    pub fn fleet(summaries: &[GpuWindow]) -> FleetWindow {
        let whole: Vec<&GpuWindow> = summaries.iter().filter(|w| w.key.mig.is_none()).collect();
        let sum = |f: fn(&GpuWindow) -> f64| whole.iter().map(|w| f(w)).sum::<f64>();
        let energy_j = whole
            .iter()
            .filter_map(|w| w.energy_j)
            .fold(None, |total: Option<f64>, j| Some(total.unwrap_or(0.0) + j));
        let energy_gpu_hours = sum(|w| w.energy_hours);
        let activity_gpu_hours = sum(|w| w.activity_hours);
        let activity_known_gpu_hours = sum(|w| w.activity_known_hours);
        let effective_gpu_hours = sum(|w| w.effective_hours);
        let effective_known_gpu_hours = sum(|w| w.effective_known_hours);
        FleetWindow {
            gpus: u32::try_from(whole.len()).unwrap_or(u32::MAX),
            gpu_hours: sum(|w| w.hours),
            gpu_seconds: sum(|w| w.seconds),
            energy_j,
            energy_kwh: energy_j.map(|j| j / JOULES_PER_KWH),
            energy_gpu_hours,
            mean_power_w_per_gpu: energy_j
                .and_then(|j| ratio(j, energy_gpu_hours * SECONDS_PER_HOUR)),
            activity_gpu_hours,
            activity_known_gpu_hours,
            activity_fraction: ratio(activity_gpu_hours, activity_known_gpu_hours),
            effective_gpu_hours,
            effective_known_gpu_hours,
            effective_fraction: ratio(effective_gpu_hours, effective_known_gpu_hours),
            idle_gpu_hours: sum(|w| w.idle_hours),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + seconds, 0).unwrap()
    }

    fn gpu(seconds: i64, power: Option<f64>, energy: Option<f64>) -> GpuSnapshot {
        GpuSnapshot {
            index: Some(0),
            power_w: power,
            energy_j: energy,
            ..GpuSnapshot::unknown(at(seconds))
        }
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn the_counter_wins_over_the_power_and_resets_fall_back() {
        let mut window = Window::default();
        for s in [
            gpu(0, Some(100.0), Some(1_000.0)),
            // 10 s: counter +1,500 J (the power says 1,250)
            gpu(10, Some(150.0), Some(2_500.0)),
            // 10 s: the counter went back (driver reload): trapezoid (150+250)/2 × 10 = 2,000
            gpu(20, Some(250.0), Some(40.0)),
            // 10 s: counter +960 J
            gpu(30, None, Some(1_000.0)),
            // 10 s: reset without power: the energy since the reset, 300 J
            gpu(40, None, Some(300.0)),
            // 10 s: no counter, no power on either side: unknown
            gpu(50, None, None),
        ] {
            window.push(&s);
        }
        let w = &window.summaries()[0];
        close(w.energy_j.unwrap(), 1_500.0 + 2_000.0 + 960.0 + 300.0);
        assert_eq!(w.counter_resets, 2);
        close(w.counter_hours * 3600.0, 20.0);
        close(w.energy_hours * 3600.0, 40.0);
        close(w.seconds, 50.0);
        close(w.mean_power_w.unwrap(), 4_760.0 / 40.0);
    }

    #[test]
    fn gaps_and_out_of_order_snapshots_are_not_counted() {
        let mut window = Window::new(WindowOptions {
            max_gap_hours: 60.0 / 3600.0,
            idle_at_most: 0.0,
        });
        for s in [
            gpu(0, Some(100.0), None),
            gpu(30, Some(100.0), None),
            gpu(10, Some(1e6), None),    // older than the last: left out
            gpu(130, Some(100.0), None), // 100 s later: a gap
            gpu(160, Some(100.0), None),
        ] {
            window.push(&s);
        }
        let w = &window.summaries()[0];
        assert_eq!((w.gaps, w.snapshots), (1, 4));
        close(w.seconds, 60.0);
        close(w.energy_j.unwrap(), 6_000.0);
    }

    #[test]
    fn unknown_activity_is_not_idle_and_not_counted() {
        let mut window = Window::default();
        let mut a = gpu(0, None, None);
        let mut b = gpu(3600, None, None);
        b.activity_fraction = Some(0.0);
        let c = gpu(7200, None, None); // activity unknown
        let mut d = gpu(10_800, None, None);
        d.sm_active_fraction = Some(0.4);
        d.activity_fraction = Some(0.9);
        a.activity_fraction = Some(1.0);
        for s in [a, b, c, d] {
            window.push(&s);
        }
        let w = &window.summaries()[0];
        assert_eq!(w.hours, 3.0);
        assert_eq!((w.activity_known_hours, w.activity_hours), (2.0, 0.9));
        assert_eq!(w.idle_hours, 1.0);
        assert_eq!(w.activity_fraction, Some(0.45));
        assert_eq!(
            (w.effective_known_hours, w.effective_fraction),
            (1.0, Some(0.4))
        );
        assert_eq!(w.energy_j, None); // never 0 for unknown
    }

    #[test]
    fn the_fleet_sums_whole_gpus() {
        let mut window = Window::default();
        let mut mig = gpu(0, None, None);
        mig.mig = Some(crate::MigInstance {
            profile: "1g.5gb".into(),
            instance_id: "13".into(),
        });
        mig.activity_fraction = Some(1.0);
        let mut mig_later = mig.clone();
        mig_later.timestamp = at(3600);
        for (index, power) in [(0, 100.0), (1, 300.0)] {
            let mut first = gpu(0, Some(power), None);
            first.index = Some(index);
            let mut second = gpu(3600, Some(power), None);
            second.index = Some(index);
            second.activity_fraction = Some(0.5 * f64::from(index));
            window.push(&first);
            window.push(&second);
        }
        window.push(&mig);
        window.push(&mig_later);
        let summaries = window.summaries();
        assert_eq!(summaries.len(), 3);
        let fleet = Window::fleet(&summaries);
        assert_eq!(fleet.gpus, 2);
        assert_eq!(fleet.gpu_hours, 2.0);
        assert_eq!(fleet.energy_kwh, Some(0.4));
        assert_eq!(fleet.mean_power_w_per_gpu, Some(200.0));
        assert_eq!(fleet.activity_fraction, Some(0.25));
        assert_eq!(fleet.idle_gpu_hours, 1.0);
    }
}
