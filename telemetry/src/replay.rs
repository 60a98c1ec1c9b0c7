//! The replay format: JSON lines, one [`Reading`] per line, as `gpuecon record` writes
//! them; replayed by [`ReplaySource`] through the same path as live data, at real or
//! accelerated speed.
//!
//! ```text
//! {"taken_at":"2026-07-14T08:12:38.696Z","gpus":[{"timestamp":"2026-07-14T08:12:38.696Z","host":null,"index":0,…,"power_w":69.85,…}]}
//! {"taken_at":"2026-07-14T08:12:53.353Z","gpus":[{…,"power_w":631.95,…}]}
//! ```
//!
//! Times are RFC 3339 in UTC; every snapshot field is written, `null` where unknown, and
//! may be left out when reading (then unknown). Blank lines and lines starting with `#` are
//! skipped; a line that is not a reading is reported with its number and skipped.

use std::collections::VecDeque;
use std::time::Duration;

use crate::screen::{self, without_bom};
use crate::{Error, GpuSource, LineProblem, Parsed, Reading};

/// One line of the replay format for `reading` (no newline).
///
/// # Errors
/// [`Error::NoData`] if the reading cannot be written as JSON (a NaN measurement).
///
/// ```
/// use gpuecon_telemetry::{replay, GpuSnapshot, Reading};
/// let t = "2026-07-14T08:12:53.353Z".parse().unwrap();
/// let gpu = GpuSnapshot { index: Some(0), power_w: Some(631.95), ..GpuSnapshot::unknown(t) };
/// let line = replay::line(&Reading::from_gpus(vec![gpu]).unwrap())?;
/// assert!(line.starts_with(r#"{"taken_at":"2026-07-14T08:12:53.353Z","gpus":[{"#));
/// assert_eq!(replay::parse(&line).value[0].gpus[0].power_w, Some(631.95));
/// # Ok::<(), gpuecon_telemetry::Error>(())
/// ```
pub fn line(reading: &Reading) -> Result<String, Error> {
    serde_json::to_string(reading).map_err(|e| Error::NoData(format!("a reading: {e}")))
}

/// Parses replay text into its readings, in order; a leading byte order mark is ignored,
/// and each snapshot is screened ([`screen::screen`]: sentinels and impossible values
/// become unknown, with warnings naming the GPU and line).
///
/// ```
/// let text = "{\"taken_at\":\"2026-01-01T00:00:00Z\",\"gpus\":[]}\nnot json\n";
/// let parsed = gpuecon_telemetry::replay::parse(text);
/// assert_eq!(parsed.value.len(), 1);
/// assert_eq!(parsed.problems[0].line, 2);
/// ```
#[must_use]
pub fn parse(text: &str) -> Parsed<Vec<Reading>> {
    let mut readings = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for (number, line) in (1..).zip(without_bom(text).lines()) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match serde_json::from_str::<Reading>(line) {
            Ok(mut reading) => {
                for gpu in &mut reading.gpus {
                    screen::screen(gpu, Some(number), &mut warnings);
                }
                readings.push(reading);
            }
            Err(e) => problems.push(LineProblem::new(number, format!("not a reading: {e}"))),
        }
    }
    Parsed {
        value: readings,
        problems,
        warnings,
    }
}

/// A recorded session, replayed reading by reading: at `speed` times real time (the gaps
/// between readings' `taken_at`, divided by `speed`), or as fast as possible.
#[derive(Debug, Clone)]
pub struct ReplaySource {
    path: String,
    readings: VecDeque<Reading>,
    count: usize,
    speed: Option<f64>,
    last: Option<chrono::DateTime<chrono::Utc>>,
}

impl ReplaySource {
    /// A session from replay `text` (named `path` in messages); `speed` of `None` or not
    /// above 0 replays without waiting. Problems and warnings go with the first reading.
    ///
    /// # Errors
    /// [`Error::NoData`] when no line is a reading.
    ///
    /// ```
    /// use gpuecon_telemetry::{replay::ReplaySource, GpuSource};
    /// let text = "{\"taken_at\":\"2026-01-01T00:00:00Z\",\"gpus\":[]}\n";
    /// let mut session = ReplaySource::from_text("session.jsonl", text, None)?;
    /// assert!(session.read()?.is_some());
    /// assert!(session.read()?.is_none());
    /// # Ok::<(), gpuecon_telemetry::Error>(())
    /// ```
    pub fn from_text(path: &str, text: &str, speed: Option<f64>) -> Result<Self, Error> {
        let parsed = parse(text);
        let mut readings: VecDeque<Reading> = parsed.value.into();
        let Some(first) = readings.front_mut() else {
            let why = parsed
                .problems
                .first()
                .map_or_else(|| "it is empty".to_owned(), ToString::to_string);
            return Err(Error::NoData(format!("{path}: no reading ({why})")));
        };
        first.problems = parsed.problems;
        first.warnings = parsed.warnings;
        Ok(Self {
            path: path.to_owned(),
            count: readings.len(),
            readings,
            speed: speed.filter(|s| *s > 0.0 && s.is_finite()),
            last: None,
        })
    }

    /// Reads the session at `path`.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; as [`ReplaySource::from_text`].
    pub fn open(path: &str, speed: Option<f64>) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Self::from_text(path, &text, speed)
    }
}

impl GpuSource for ReplaySource {
    fn describe(&self) -> String {
        let pace = match self.speed {
            None => "without waiting".to_owned(),
            Some(s) if (s - 1.0).abs() < f64::EPSILON => "in real time".to_owned(),
            Some(s) => format!("at {s}x"),
        };
        format!("replay of {} ({} readings, {pace})", self.path, self.count)
    }

    fn is_live(&self) -> bool {
        false
    }

    fn read(&mut self) -> Result<Option<Reading>, Error> {
        let Some(reading) = self.readings.pop_front() else {
            return Ok(None);
        };
        if let (Some(speed), Some(last)) = (self.speed, self.last) {
            let gap = (reading.taken_at - last).as_seconds_f64() / speed;
            if gap > 0.0 {
                std::thread::sleep(Duration::from_secs_f64(gap.min(3600.0)));
            }
        }
        self.last = Some(reading.taken_at);
        Ok(Some(reading))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GpuSnapshot;

    #[test]
    fn a_reading_round_trips_with_unknowns_as_null() {
        let t = "2026-07-14T08:12:53.353Z".parse().unwrap();
        let gpu = GpuSnapshot {
            index: Some(0),
            activity_fraction: Some(1.0),
            ..GpuSnapshot::unknown(t)
        };
        let reading = Reading::from_gpus(vec![gpu]).unwrap();
        let text = line(&reading).unwrap();
        assert!(text.contains(r#""power_w":null"#), "{text}");
        assert_eq!(parse(&text).value, [reading]);
    }

    #[test]
    fn malformed_and_truncated_lines_are_skipped() {
        let good = r#"{"taken_at":"2026-01-01T00:00:00Z","gpus":[{"timestamp":"2026-01-01T00:00:00Z","power_w":100}]}"#;
        let text = format!(
            "{good}\n{}\n\n# a comment\n{{\"gpus\":[]}}\n{good}\n",
            &good[..40]
        );
        let parsed = parse(&text);
        assert_eq!(parsed.value.len(), 2);
        let lines: Vec<usize> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 5]);
    }

    #[test]
    fn accelerated_replay_waits_the_gap_divided_by_the_speed() {
        let text = "{\"taken_at\":\"2026-01-01T00:00:00Z\",\"gpus\":[]}\n\
                    {\"taken_at\":\"2026-01-01T00:00:01Z\",\"gpus\":[]}\n";
        let mut source = ReplaySource::from_text("s", text, Some(10.0)).unwrap();
        let start = std::time::Instant::now();
        while source.read().unwrap().is_some() {}
        let waited = start.elapsed().as_secs_f64();
        // 1 s at 10x: 0.1 s
        assert!((0.09..0.6).contains(&waited), "{waited}");
        assert!(source.describe().contains("at 10x"));
    }
}
