//! What a watch tells its operator on stderr besides the reports, and counts for the
//! exporter: input lines skipped, values set aside as unknown (warnings), failed reads.
//!
//! A live watch runs for months: each kind of warning is shown once per GPU (the first,
//! with its line), the rest only counted, so that stderr does not fill with the same
//! sentinel every two seconds.

use std::collections::{BTreeMap, HashSet};

use gpuecon_telemetry::{LineProblem, Warning, WarningKind};

use crate::terminal;

/// Counts and the warnings already shown.
#[derive(Debug, Default)]
pub struct Notices {
    shown: HashSet<(WarningKind, Option<String>)>,
    /// Warnings by kind, since the start.
    pub warnings: BTreeMap<WarningKind, u64>,
    /// Input lines skipped, since the start.
    pub skipped_lines: u64,
    /// Failed reads of the source, since the start.
    pub source_errors: u64,
}

impl Notices {
    /// Shows (the first of a kind per GPU) and counts `warnings`.
    pub fn warn(&mut self, warnings: impl IntoIterator<Item = Warning>) {
        for warning in warnings {
            *self.warnings.entry(warning.kind).or_insert(0) += 1;
            if self.shown.insert((warning.kind, warning.gpu.clone())) {
                let more = match &warning.gpu {
                    Some(gpu) => format!(
                        "; more {} warnings of {gpu} are counted, not shown",
                        warning.kind.as_str()
                    ),
                    None => String::new(),
                };
                eprintln!(
                    "gpuecon: warning: {}",
                    terminal::line(&format!("{warning}{more}"))
                );
            }
        }
    }

    /// Shows and counts input lines skipped in `origin`.
    pub fn skipped(&mut self, origin: &str, problems: &[LineProblem]) {
        for problem in problems {
            self.skipped_lines += 1;
            eprintln!(
                "gpuecon: {}",
                terminal::line(&format!("{origin} {problem} (skipped)"))
            );
        }
    }

    /// Shows and counts a failed read, and the wait before the next try.
    pub fn source_failed(&mut self, error: &gpuecon_telemetry::Error, wait: std::time::Duration) {
        self.source_errors += 1;
        eprintln!(
            "gpuecon: {} (trying again in {:.1} s)",
            terminal::line(&error.to_string()),
            wait.as_secs_f64()
        );
    }

    /// All warnings so far.
    pub fn total_warnings(&self) -> u64 {
        self.warnings.values().sum()
    }
}
