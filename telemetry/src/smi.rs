//! `nvidia-smi --query-gpu=... --format=csv` output: parsed by [`parse_query_csv`], read from
//! a recorded log by [`SmiLog`] or from the tool itself by [`SmiCommand`].
//!
//! The format (from `nvidia-smi --help-query-gpu`, and the recordings in
//! `tests/fixtures/nvidia-smi`):
//!
//! ```text
//! timestamp, index, name, uuid, utilization.gpu [%], utilization.memory [%], power.draw [W], …
//! 2026/07/14 08:12:53.353, 0, NVIDIA H100 80GB HBM3, GPU-…, 100 %, 11 %, 631.95 W, …
//! ```
//!
//! - Fields are separated by `, `; the header names the requested fields, numeric ones with
//!   their unit in brackets (`power.draw [W]`); values carry the unit (`631.95 W`), or not
//!   with `--format=csv,nounits`. Either place gives the unit; where neither does, the
//!   field's documented unit is taken (`%`, `W`, `MiB`, degrees C).
//! - Unknown values print as `[N/A]`, `[Not Supported]`, `[Unknown Error]`, … (any text in
//!   brackets) or `N/A`: all are `None`, never 0.
//! - Conversions, once, here: percent → fraction (÷ 100); W stays W (mW ÷ 1000, kW × 1000);
//!   MiB stays MiB (KiB ÷ 1024, GiB × 1024); the timestamp `YYYY/MM/DD HH:MM:SS.mmm` carries
//!   no time zone and is read in the offset the caller gives (the host's, for a spawned
//!   `nvidia-smi`).
//! - Several header lines may appear (one per recorded section); each applies to the rows
//!   after it. Lines starting with `#` or `$ ` (a recorder's comments and command lines) and
//!   blank lines are skipped silently; a row with the wrong number of fields, a value that
//!   is neither a number in the field's unit nor an unknown marker, or a row before any
//!   header is reported with its line number and skipped.

use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};

use crate::screen::{is_blank, quote, screen, without_bom};
use crate::{Error, GpuSnapshot, GpuSource, LineProblem, Parsed, Reading, Warning, WarningKind};

/// The fields [`SmiCommand`] asks for, in order: every field a [`GpuSnapshot`] takes from
/// `nvidia-smi` (it has no energy counter or SM activity field).
pub const QUERY_FIELDS: [&str; 11] = [
    "timestamp",
    "index",
    "name",
    "uuid",
    "utilization.gpu",
    "utilization.memory",
    "power.draw",
    "power.limit",
    "memory.used",
    "memory.total",
    "temperature.gpu",
];

/// The arguments [`SmiCommand`] passes: `--query-gpu=timestamp,index,… --format=csv`.
///
/// ```
/// let args = gpuecon_telemetry::smi::query_arguments();
/// assert!(args[0].starts_with("--query-gpu=timestamp,index,name,uuid,"));
/// assert_eq!(args[1], "--format=csv");
/// ```
#[must_use]
pub fn query_arguments() -> [String; 2] {
    [
        format!("--query-gpu={}", QUERY_FIELDS.join(",")),
        "--format=csv".to_owned(),
    ]
}

/// Parses one field of `nvidia-smi --format=csv` output to a number, with or without its
/// unit (`"69.63 W"`, `"81559 MiB"`, `"0 %"`, or with `nounits`, `"69.63"`).
///
/// Returns `None` for the values `nvidia-smi` prints when it does not know
/// (`[N/A]`, `[Not Supported]`, `[Unknown Error]`, ...) and for anything that is not a
/// number: unknown is never reported as 0. The unit is not checked or converted here;
/// [`parse_query_csv`] does both.
///
/// ```
/// use gpuecon_telemetry::smi::parse_number;
/// assert_eq!(parse_number(" 69.63 W"), Some(69.63));
/// assert_eq!(parse_number("81559 MiB"), Some(81559.0));
/// assert_eq!(parse_number("[N/A]"), None);
/// assert_eq!(parse_number("[Not Supported]"), None);
/// ```
#[must_use]
pub fn parse_number(field: &str) -> Option<f64> {
    let number = field.split_whitespace().next()?;
    number.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// What a field of a snapshot measures, and so which units it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantity {
    /// Percent, stored as a fraction.
    Percent,
    /// Power, stored in watts.
    Power,
    /// Memory, stored in MiB.
    Memory,
    /// Temperature, stored in degrees Celsius.
    Temperature,
}

impl Quantity {
    /// The factor from `unit` to the stored unit; `None` for a unit this quantity does not
    /// take.
    fn factor(self, unit: &str) -> Option<f64> {
        match (self, unit) {
            (Self::Percent, "%") => Some(0.01),
            (Self::Power, "W") => Some(1.0),
            (Self::Power, "mW") => Some(0.001),
            (Self::Power, "kW") => Some(1000.0),
            (Self::Memory, "MiB") => Some(1.0),
            (Self::Memory, "KiB") => Some(1.0 / 1024.0),
            (Self::Memory, "GiB") => Some(1024.0),
            (Self::Temperature, "C") => Some(1.0),
            _ => None,
        }
    }

    /// The unit `nvidia-smi --help-query-gpu` documents for the field.
    const fn documented_unit(self) -> &'static str {
        match self {
            Self::Percent => "%",
            Self::Power => "W",
            Self::Memory => "MiB",
            Self::Temperature => "C",
        }
    }
}

/// A header column: the field name and the unit in its brackets, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    field: String,
    unit: Option<String>,
}

/// Whether `value` is one of nvidia-smi's "unknown" markers (`[N/A]`, `[Not Supported]`,
/// any bracketed text, or a bare `N/A`) or empty.
fn is_unknown(value: &str) -> bool {
    value.is_empty() || value == "N/A" || (value.starts_with('[') && value.ends_with(']'))
}

/// Reads a header line into its columns, or `None` when the line is not a header: every
/// field must be a field name (letters, digits, `_` and `.`, not starting with a digit),
/// optionally followed by ` [unit]`.
fn header(line: &str) -> Option<Vec<Column>> {
    let columns: Option<Vec<Column>> = line
        .split(',')
        .map(|raw| {
            let raw = raw.trim();
            let (field, unit) = match raw.split_once(" [") {
                Some((field, rest)) => (field, Some(rest.strip_suffix(']')?.to_owned())),
                None => (raw, None),
            };
            let mut chars = field.chars();
            let first = chars.next()?;
            let valid = (first.is_ascii_alphabetic() || first == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            valid.then(|| Column {
                field: field.to_owned(),
                unit,
            })
        })
        .collect();
    columns.filter(|c| {
        c.iter()
            .any(|col| QUERY_FIELDS.contains(&col.field.as_str()))
    })
}

/// A numeric value in the stored unit: `Ok(None)` for an unknown marker; `Err` for a value
/// that is not a number in a unit the quantity takes.
fn quantity(
    value: &str,
    header_unit: Option<&str>,
    quantity: Quantity,
) -> Result<Option<f64>, String> {
    if is_unknown(value) {
        return Ok(None);
    }
    let mut tokens = value.split_whitespace();
    let number = tokens.next().unwrap_or_default();
    let unit = tokens
        .next()
        .or(header_unit)
        .unwrap_or(quantity.documented_unit());
    if tokens.next().is_some() {
        return Err(format!("{} is not a number with a unit", quote(value)));
    }
    let number: f64 = number
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| format!("{} is not a number", quote(value)))?;
    let factor = quantity
        .factor(unit)
        .ok_or_else(|| format!("{}: unexpected unit {}", quote(value), quote(unit)))?;
    Ok(Some(number * factor))
}

/// Text, `None` for an unknown marker.
fn text(value: &str) -> Option<String> {
    (!is_unknown(value)).then(|| value.to_owned())
}

/// Reads nvidia-smi's `YYYY/MM/DD HH:MM:SS.mmm` in `zone`.
fn timestamp(value: &str, zone: FixedOffset) -> Result<DateTime<Utc>, String> {
    let naive = NaiveDateTime::parse_from_str(value, "%Y/%m/%d %H:%M:%S%.f")
        .map_err(|e| format!("timestamp {}: {e}", quote(value)))?;
    zone.from_local_datetime(&naive)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| format!("timestamp {} does not exist in {zone}", quote(value)))
}

/// Fills `snapshot` from row `line`. A timestamp or index that cannot be read skips the
/// row (`Err` names the field): the reading cannot be placed. A measurement that cannot be
/// read, a no-value code and an impossible value are unknown, each with a warning naming
/// the GPU and the line; the row's other values are kept.
fn fill(
    snapshot: &mut GpuSnapshot,
    columns: &[Column],
    values: &[&str],
    zone: FixedOffset,
    line: usize,
    warnings: &mut Vec<Warning>,
) -> Result<(), String> {
    for (column, value) in columns.iter().zip(values) {
        match column.field.as_str() {
            "timestamp" if !is_unknown(value) => snapshot.timestamp = timestamp(value, zone)?,
            "index" if !is_unknown(value) => {
                snapshot.index = Some(
                    value
                        .parse()
                        .map_err(|_| format!("index: {} is not a GPU index", quote(value)))?,
                );
            }
            "name" => snapshot.name = text(value),
            "uuid" => snapshot.uuid = text(value),
            "hostname" => snapshot.host = text(value),
            _ => {}
        }
    }
    let mut found: Vec<(WarningKind, String)> = Vec::new();
    let mut enforced_limit = None;
    for (column, value) in columns.iter().zip(values) {
        let field = column.field.as_str();
        let (slot, kind) = match field {
            "utilization.gpu" => (&mut snapshot.activity_fraction, Quantity::Percent),
            "utilization.memory" => (&mut snapshot.memory_activity_fraction, Quantity::Percent),
            "power.draw" => (&mut snapshot.power_w, Quantity::Power),
            "power.limit" => (&mut snapshot.power_limit_w, Quantity::Power),
            "enforced.power.limit" => (&mut enforced_limit, Quantity::Power),
            "memory.used" => (&mut snapshot.memory_used_mib, Quantity::Memory),
            "memory.total" => (&mut snapshot.memory_total_mib, Quantity::Memory),
            "temperature.gpu" => (&mut snapshot.temperature_c, Quantity::Temperature),
            _ => continue,
        };
        if parse_number(value).is_some_and(is_blank) {
            let message = format!("{field} {} is a no-value code", quote(value));
            found.push((WarningKind::Sentinel, message));
            *slot = None;
            continue;
        }
        *slot = quantity(value, column.unit.as_deref(), kind).unwrap_or_else(|e| {
            found.push((WarningKind::Unreadable, format!("{field}: {e}")));
            None
        });
    }
    if !found.is_empty() {
        let label = snapshot.key().label();
        warnings.extend(
            found
                .into_iter()
                .map(|(kind, message)| Warning::new(kind, message).gpu(&label).line(Some(line))),
        );
    }
    snapshot.power_limit_w = snapshot.power_limit_w.or(enforced_limit);
    screen(snapshot, Some(line), warnings);
    Ok(())
}

/// Parses `nvidia-smi --query-gpu=... --format=csv` output (one or more sections, each
/// after its header) into one snapshot per row, in input order. Timestamps are read in
/// `zone` (nvidia-smi prints host-local time without a zone); rows without a `timestamp`
/// column are stamped `observed_at`. Rows that cannot be read are reported and skipped
/// (see the [module docs](self)); values set aside as unknown are in
/// [`Parsed::warnings`]. A leading byte order mark is ignored. Linear in the text.
///
/// ```
/// use gpuecon_telemetry::smi::parse_query_csv;
/// use chrono::{FixedOffset, Utc};
/// let text = "\
/// utilization.gpu [%], utilization.memory [%], power.draw [W]
/// 100 %, 0 %, 290.28 W
/// 100 %, [N/A], 290
/// 7 %, 1 %
/// ";
/// let parsed = parse_query_csv(text, FixedOffset::east_opt(0).unwrap(), Utc::now());
/// assert_eq!(parsed.value[0].activity_fraction, Some(1.0));
/// assert_eq!(parsed.value[0].power_w, Some(290.28));
/// assert_eq!(parsed.value[1].memory_activity_fraction, None); // [N/A]: unknown, not 0
/// assert_eq!(parsed.problems[0].to_string(), "line 4: expected 3 fields, found 2");
/// ```
#[must_use]
pub fn parse_query_csv(
    text: &str,
    zone: FixedOffset,
    observed_at: DateTime<Utc>,
) -> Parsed<Vec<GpuSnapshot>> {
    let mut columns: Option<Vec<Column>> = None;
    let mut snapshots = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for (number, line) in (1..).zip(without_bom(text).lines()) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("$ ") {
            continue;
        }
        if let Some(found) = header(line) {
            columns = Some(found);
            continue;
        }
        let Some(columns) = columns.as_deref() else {
            problems.push(LineProblem::new(
                number,
                "a row before any header line (record nvidia-smi with --format=csv, not noheader)",
            ));
            continue;
        };
        let values: Vec<&str> = line.split(',').map(str::trim).collect();
        if values.len() != columns.len() {
            problems.push(LineProblem::new(
                number,
                format!("expected {} fields, found {}", columns.len(), values.len()),
            ));
            continue;
        }
        let mut snapshot = GpuSnapshot::unknown(observed_at);
        match fill(&mut snapshot, columns, &values, zone, number, &mut warnings) {
            Ok(()) => snapshots.push(snapshot),
            Err(message) => problems.push(LineProblem::new(number, message)),
        }
    }
    Parsed {
        value: snapshots,
        problems,
        warnings,
    }
}

/// The readings of a recorded `nvidia-smi --format=csv` log (rows grouped into readings by
/// [`Reading::group`]); problems and warnings are attached to the first reading.
fn readings(parsed: Parsed<Vec<GpuSnapshot>>) -> Vec<Reading> {
    let mut readings = Reading::group(parsed.value);
    if let Some(first) = readings.first_mut() {
        first.problems = parsed.problems;
        first.warnings = parsed.warnings;
    }
    readings
}

/// A recorded `nvidia-smi --query-gpu=... --format=csv` log, read once, then replayed
/// reading by reading (without waiting).
#[derive(Debug, Clone)]
pub struct SmiLog {
    path: String,
    readings: std::collections::VecDeque<Reading>,
    count: usize,
}

impl SmiLog {
    /// Parses the log `text` (named `path` in messages); timestamps are read in `zone`.
    ///
    /// # Errors
    /// [`Error::NoData`] when no row can be read, with the first problem.
    ///
    /// ```
    /// use gpuecon_telemetry::{smi::SmiLog, GpuSource};
    /// let text = "index, power.draw [W]\n0, 69.85 W\n0, 631.95 W\n";
    /// let mut log = SmiLog::from_text("h100.csv", text, chrono::FixedOffset::east_opt(0).unwrap())?;
    /// assert_eq!(log.read()?.unwrap().gpus[0].power_w, Some(69.85));
    /// assert_eq!(log.read()?.unwrap().gpus[0].power_w, Some(631.95));
    /// assert!(log.read()?.is_none());
    /// # Ok::<(), gpuecon_telemetry::Error>(())
    /// ```
    pub fn from_text(path: &str, text: &str, zone: FixedOffset) -> Result<Self, Error> {
        let parsed = parse_query_csv(text, zone, Utc::now());
        if parsed.value.is_empty() {
            let why = parsed
                .problems
                .first()
                .map_or_else(|| "no rows".to_owned(), ToString::to_string);
            return Err(Error::NoData(format!(
                "{path}: no nvidia-smi CSV rows ({why})"
            )));
        }
        let readings = readings(parsed);
        Ok(Self {
            path: path.to_owned(),
            count: readings.len(),
            readings: readings.into(),
        })
    }

    /// Reads and parses the log at `path`.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; as [`SmiLog::from_text`].
    pub fn open(path: &str, zone: FixedOffset) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Self::from_text(path, &text, zone)
    }
}

impl GpuSource for SmiLog {
    fn describe(&self) -> String {
        format!("nvidia-smi log {} ({} readings)", self.path, self.count)
    }

    fn is_live(&self) -> bool {
        false
    }

    fn read(&mut self) -> Result<Option<Reading>, Error> {
        Ok(self.readings.pop_front())
    }
}

/// `nvidia-smi`, run once per reading with [`query_arguments`].
#[derive(Debug, Clone)]
pub struct SmiCommand {
    program: String,
}

impl SmiCommand {
    /// The `nvidia-smi` on `PATH`, checked by running it once.
    ///
    /// # Errors
    /// [`Error::Smi`] when it cannot be run or fails (no driver, no GPU).
    pub fn open() -> Result<Self, Error> {
        Self::with_program("nvidia-smi")
    }

    /// `program` in place of `nvidia-smi` (a wrapper script, a full path), checked by
    /// running it once.
    ///
    /// # Errors
    /// As [`SmiCommand::open`].
    pub fn with_program(program: &str) -> Result<Self, Error> {
        let mut command = Self {
            program: program.to_owned(),
        };
        command.read()?;
        Ok(command)
    }
}

impl GpuSource for SmiCommand {
    fn describe(&self) -> String {
        format!(
            "nvidia-smi ({} {})",
            self.program,
            query_arguments().join(" ")
        )
    }

    fn is_live(&self) -> bool {
        true
    }

    fn read(&mut self) -> Result<Option<Reading>, Error> {
        let output = Command::new(&self.program)
            .args(query_arguments())
            .output()
            .map_err(|e| {
                Error::Smi(if e.kind() == std::io::ErrorKind::NotFound {
                    format!(
                        "{} was not found on PATH (is the NVIDIA driver installed?)",
                        self.program
                    )
                } else {
                    format!("could not run {}: {e}", self.program)
                })
            })?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let why = stdout
                .lines()
                .chain(stderr.lines())
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("no output")
                .to_owned();
            return Err(Error::Smi(format!(
                "{} failed ({}): {why}",
                self.program, output.status
            )));
        }
        let zone = *chrono::Local::now().offset();
        let mut all = readings(parse_query_csv(&stdout, zone, Utc::now()));
        let mut reading = all.drain(..).reduce(|mut a, b| {
            a.gpus.extend(b.gpus);
            a.problems.extend(b.problems);
            a.warnings.extend(b.warnings);
            a.taken_at = a.taken_at.max(b.taken_at);
            a
        });
        if let Some(r) = reading.as_mut() {
            r.taken_at = Utc::now();
        }
        reading
            .map(Some)
            .ok_or_else(|| Error::NoData(format!("{} reported no GPU", self.program)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn reads_fields_from_a_recorded_h100_line() {
        // From fixtures/telemetry/nvidia-smi/h100-80gb-hbm3_590.48.01_query-gpu_all-fields:
        // "power.draw [W]" and "memory.total [MiB]" columns.
        assert_eq!(parse_number("69.40 W"), Some(69.40));
        assert_eq!(parse_number(" 81559 MiB"), Some(81_559.0));
        assert_eq!(parse_number("35"), Some(35.0));
    }

    #[test]
    fn unknown_is_none_never_zero() {
        for unknown in [
            "[N/A]",
            "[Not Supported]",
            "[Unknown Error]",
            "",
            "  ",
            "N/A",
            "nan",
            "inf",
        ] {
            assert_eq!(parse_number(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn units_convert_once_from_the_value_or_the_header() {
        // percent → fraction; W, mW, kW → W; MiB, KiB, GiB → MiB
        assert_eq!(quantity("11 %", None, Quantity::Percent), Ok(Some(0.11)));
        assert_eq!(quantity("11", Some("%"), Quantity::Percent), Ok(Some(0.11)));
        assert_eq!(quantity("11", None, Quantity::Percent), Ok(Some(0.11)));
        assert_eq!(
            quantity("631.95 W", Some("W"), Quantity::Power),
            Ok(Some(631.95))
        );
        assert_eq!(
            quantity("631950 mW", None, Quantity::Power),
            Ok(Some(631.95))
        );
        assert_eq!(quantity("0.5 kW", None, Quantity::Power), Ok(Some(500.0)));
        assert_eq!(quantity("2048 KiB", None, Quantity::Memory), Ok(Some(2.0)));
        assert_eq!(
            quantity("80 GiB", None, Quantity::Memory),
            Ok(Some(81_920.0))
        );
        assert_eq!(quantity("41", None, Quantity::Temperature), Ok(Some(41.0)));
        assert_eq!(
            quantity("[Not Supported]", Some("W"), Quantity::Power),
            Ok(None)
        );
        // a unit the field does not take, or not a number: the line is malformed
        assert!(quantity("631.95 MiB", Some("W"), Quantity::Power).is_err());
        assert!(quantity("six W", Some("W"), Quantity::Power).is_err());
        assert!(quantity("6 W extra", Some("W"), Quantity::Power).is_err());
    }

    #[test]
    fn headers_with_and_without_units() {
        let with = header("timestamp, index, power.draw [W], memory.used [MiB]").unwrap();
        assert_eq!(with[2].field, "power.draw");
        assert_eq!(with[2].unit.as_deref(), Some("W"));
        assert_eq!(with[0].unit, None);
        let without = header("index,power.draw,memory.used").unwrap();
        assert_eq!(without[1].unit, None);
        // data rows and unrelated text are not headers
        assert!(header("0, NVIDIA H100 80GB HBM3, 100 %").is_none());
        assert!(header("P0, Disabled").is_none());
    }

    #[test]
    fn noheader_rows_and_truncated_rows_are_reported_and_skipped() {
        let text = "0, 69.85 W\nindex, power.draw [W]\n0, 69.85 W\n1, 70\n2, 3 W, 4\n3, junk W\n";
        let parsed = parse_query_csv(text, utc(), Utc::now());
        assert_eq!(parsed.value.len(), 3);
        assert_eq!(parsed.value[1].power_w, Some(70.0)); // nounits: the header's W
        let lines: Vec<usize> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 5]);
        // an unreadable value: that value unknown, the GPU kept, a warning naming both
        assert_eq!(
            (parsed.value[2].index, parsed.value[2].power_w),
            (Some(3), None)
        );
        let warning = &parsed.warnings[0];
        assert_eq!(
            (warning.gpu.as_deref(), warning.line),
            (Some("gpu 3"), Some(6))
        );
        assert!(warning.message.contains("power.draw"), "{warning}");
    }

    #[test]
    fn timestamps_are_read_in_the_given_offset() {
        let text = "timestamp, index\n2026/07/14 08:12:38.696, 0\n";
        let paris = FixedOffset::east_opt(2 * 3600).unwrap();
        let parsed = parse_query_csv(text, paris, Utc::now());
        assert_eq!(
            parsed.value[0].timestamp.to_rfc3339(),
            "2026-07-14T06:12:38.696+00:00"
        );
        let bad = parse_query_csv("timestamp, index\n2026-07-14, 0\n", paris, Utc::now());
        assert_eq!(bad.problems.len(), 1);
    }

    #[test]
    fn a_missing_program_is_a_clear_error() {
        let error = SmiCommand::with_program("/nonexistent/nvidia-smi").unwrap_err();
        assert!(error.to_string().contains("not found on PATH"), "{error}");
    }
}
