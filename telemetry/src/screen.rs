//! Screening of measurements: "no value" codes and impossible values become unknown
//! (`None`) with a counted [`Warning`], so that no sentinel or broken sensor reaches the
//! economics as a measurement.
//!
//! - Sentinels ([`is_blank`]): DCGM's blanks, which `nvidia-smi` and the DCGM exporter may
//!   print as numbers: `DCGM_INT32_BLANK` (0x7ffffff0 = 2,147,483,632) and its five codes
//!   after it, in any textual form (`2147483632`, `2147483632.000000`, `2.147483632e9`);
//!   `DCGM_INT64_BLANK` (0x7ffffffffffffff0) and up, and `DCGM_FP64_BLANK` (2⁴⁷) and up,
//!   in any form (`9223372036854775794`, `9.223372036854776e18`, `140737488355328.000000`):
//!   as `f64` every one of them is at least 2⁴⁷, which no GPU measurement comes near (the
//!   largest, the energy counter in millijoules, reaches 2⁴⁷ after 4,400 years at 1 kW).
//!   NaN and infinities too.
//! - Impossible values ([`screen`]): a utilization outside [0, 1] (a hair outside, within
//!   1e-6, is rounding and is clamped); power negative, or above 1.5 × the GPU's power
//!   limit (NVIDIA's boards hold the limit over a second; 1.5 × leaves room for the
//!   sensor and for transients); without a known limit, above [`MAX_BOARD_POWER_W`];
//!   a power limit not above 0 or above that; a negative energy counter or memory size.
//! - An energy counter that rose more than 1.5 × the power limit × the elapsed time is
//!   screened in [`Window`](crate::Window), which sees two readings.

use crate::{GpuSnapshot, Warning, WarningKind};

/// `DCGM_INT32_BLANK`: this integer and the five after it are DCGM's 32-bit codes.
pub const INT32_BLANK: f64 = 2_147_483_632.0;
/// `DCGM_FP64_BLANK` (2⁴⁷); `DCGM_INT64_BLANK` (2⁶³ − 16) as an `f64` is above it.
pub const FP64_BLANK: f64 = 140_737_488_355_328.0;
/// The most one GPU board can draw, in watts, where its limit is unknown: an assumption,
/// about 3.5 × the largest boards sold in 2026 (B300 and GB300 GPUs at 1.1-1.4 kW).
pub const MAX_BOARD_POWER_W: f64 = 5_000.0;
/// Power above this multiple of the GPU's limit is impossible (see the module docs).
pub const POWER_OVER_LIMIT: f64 = 1.5;
/// How far outside [0, 1] a utilization may be and still be rounding (then clamped).
const FRACTION_SLACK: f64 = 1e-6;

/// Whether `value` is a "no value" code rather than a measurement (see the module docs).
///
/// ```
/// use gpuecon_telemetry::screen::is_blank;
/// assert!(is_blank(9_223_372_036_854_775_794.0)); // nvidia-smi's INT64 blank, in W
/// assert!(is_blank(2_147_483_632.0) && is_blank(2_147_483_637.0)); // INT32 codes
/// assert!(is_blank("140737488355328.000000".parse().unwrap())); // FP64 blank
/// assert!(is_blank(f64::NAN));
/// assert!(!is_blank(2_147_483_638.0) && !is_blank(631.95) && !is_blank(0.0));
/// ```
#[must_use]
pub fn is_blank(value: f64) -> bool {
    !value.is_finite()
        || value.abs() >= FP64_BLANK
        || (value.fract() == 0.0 && (INT32_BLANK..=INT32_BLANK + 5.0).contains(&value))
}

/// Text for a value in a message: at most 200 characters of it, quoted and escaped
/// (control characters included), with `…` where it was cut.
///
/// ```
/// use gpuecon_telemetry::screen::quote;
/// assert_eq!(quote("6 W\u{1b}[2J"), "\"6 W\\u{1b}[2J\"");
/// assert_eq!(quote(&"x".repeat(1000)).chars().count(), 2 + 200 + 1);
/// ```
#[must_use]
pub fn quote(value: &str) -> String {
    let cut = value.char_indices().nth(200).map(|(i, _)| i);
    match cut.and_then(|i| value.get(..i)) {
        Some(head) => format!("{head:?}…"),
        None => format!("{value:?}"),
    }
}

/// Sets a value aside: `None`, and a finding of `kind`.
fn set_aside(
    slot: &mut Option<f64>,
    kind: WarningKind,
    message: String,
    findings: &mut Vec<(WarningKind, String)>,
) {
    *slot = None;
    findings.push((kind, message));
}

/// Screens one snapshot in place: sentinels and impossible values become `None`, each
/// with a warning naming the GPU, the input line (where there is one) and the value.
///
/// ```
/// use gpuecon_telemetry::{screen, GpuSnapshot, WarningKind};
/// let mut gpu = GpuSnapshot {
///     index: Some(0),
///     power_w: Some(-12.0),
///     activity_fraction: Some(2.5),
///     memory_activity_fraction: Some(0.11),
///     ..GpuSnapshot::unknown(chrono::Utc::now())
/// };
/// let mut warnings = Vec::new();
/// screen::screen(&mut gpu, Some(7), &mut warnings);
/// assert_eq!((gpu.power_w, gpu.activity_fraction), (None, None));
/// assert_eq!(gpu.memory_activity_fraction, Some(0.11)); // the rest goes on
/// assert_eq!(warnings.len(), 2);
/// assert!(warnings.iter().all(|w| w.kind == WarningKind::Impossible));
/// assert_eq!(warnings[1].to_string(), "gpu 0, line 7: power -12 W is negative (unknown)");
/// ```
pub fn screen(snapshot: &mut GpuSnapshot, line: Option<usize>, warnings: &mut Vec<Warning>) {
    let found = findings(snapshot);
    if found.is_empty() {
        return;
    }
    let label = snapshot.key().label();
    warnings.extend(
        found
            .into_iter()
            .map(|(kind, message)| Warning::new(kind, message).gpu(&label).line(line)),
    );
}

/// What [`screen`] sets aside, in order.
fn findings(snapshot: &mut GpuSnapshot) -> Vec<(WarningKind, String)> {
    let mut found = Vec::new();
    for (name, slot) in [
        ("power", &mut snapshot.power_w),
        ("power limit", &mut snapshot.power_limit_w),
        ("energy counter", &mut snapshot.energy_j),
        ("memory used", &mut snapshot.memory_used_mib),
        ("memory total", &mut snapshot.memory_total_mib),
        ("temperature", &mut snapshot.temperature_c),
        ("activity", &mut snapshot.activity_fraction),
        ("memory activity", &mut snapshot.memory_activity_fraction),
        ("SM activity", &mut snapshot.sm_active_fraction),
        ("graphics activity", &mut snapshot.graphics_active_fraction),
    ] {
        if let Some(value) = *slot {
            if is_blank(value) {
                let message = format!("{name} {value} is a no-value code");
                set_aside(slot, WarningKind::Sentinel, message, &mut found);
            }
        }
    }
    for (name, slot) in [
        ("activity", &mut snapshot.activity_fraction),
        ("memory activity", &mut snapshot.memory_activity_fraction),
        ("SM activity", &mut snapshot.sm_active_fraction),
        ("graphics activity", &mut snapshot.graphics_active_fraction),
    ] {
        if let Some(value) = *slot {
            if (-FRACTION_SLACK..=1.0 + FRACTION_SLACK).contains(&value) {
                *slot = Some(value.clamp(0.0, 1.0));
            } else {
                let message = format!("{name} {} % is outside 0-100 %", value * 100.0);
                set_aside(slot, WarningKind::Impossible, message, &mut found);
            }
        }
    }
    if let Some(limit) = snapshot.power_limit_w {
        if limit <= 0.0 || limit > MAX_BOARD_POWER_W {
            let message = format!("power limit {limit} W is not in (0, {MAX_BOARD_POWER_W}] W");
            let slot = &mut snapshot.power_limit_w;
            set_aside(slot, WarningKind::Impossible, message, &mut found);
        }
    }
    if let Some(power) = snapshot.power_w {
        let ceiling = snapshot
            .power_limit_w
            .map_or(MAX_BOARD_POWER_W, |limit| POWER_OVER_LIMIT * limit);
        let why = if power < 0.0 {
            Some("is negative".to_owned())
        } else if power > ceiling {
            Some(match snapshot.power_limit_w {
                Some(limit) => format!("is above {POWER_OVER_LIMIT} × its limit of {limit} W"),
                None => format!("is above {MAX_BOARD_POWER_W} W (its limit unknown)"),
            })
        } else {
            None
        };
        if let Some(why) = why {
            let message = format!("power {power} W {why}");
            let slot = &mut snapshot.power_w;
            set_aside(slot, WarningKind::Impossible, message, &mut found);
        }
    }
    for (name, slot) in [
        ("energy counter", &mut snapshot.energy_j),
        ("memory used", &mut snapshot.memory_used_mib),
        ("memory total", &mut snapshot.memory_total_mib),
    ] {
        if let Some(value) = *slot {
            if value < 0.0 {
                let message = format!("{name} {value} is negative");
                set_aside(slot, WarningKind::Impossible, message, &mut found);
            }
        }
    }
    found
}

/// The most energy a GPU can take in `seconds`, in joules: 1.5 × its power limit (or
/// [`MAX_BOARD_POWER_W`] where unknown) × the time.
#[must_use]
pub fn max_energy_j(power_limit_w: Option<f64>, seconds: f64) -> f64 {
    power_limit_w.map_or(MAX_BOARD_POWER_W, |limit| POWER_OVER_LIMIT * limit) * seconds
}

/// `text` without a leading UTF-8 byte order mark (which Windows tools write, and which
/// would otherwise make the first line a malformed one).
///
/// ```
/// assert_eq!(gpuecon_telemetry::screen::without_bom("\u{feff}index, power.draw"), "index, power.draw");
/// ```
#[must_use]
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
