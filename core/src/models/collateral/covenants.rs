//! Covenant tests and the cure period: each covenant keeps its own count of consecutive
//! breached months; a month that passes (or is not tested) cures it and resets the count.

use serde::{Deserialize, Serialize};

/// The outcome of one covenant in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestStatus {
    /// Within its limit.
    Pass,
    /// Outside its limit.
    Breach,
    /// No test this month: the covenant is not in the loan, or its metric is absent (no
    /// debt service, so no DSCR).
    NotTested,
}

/// One covenant's test in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CovenantTest {
    /// Pass, breach or not tested.
    pub status: TestStatus,
    /// Consecutive breached months up to and including this one (0 unless breached).
    pub consecutive_breach_months: u32,
}

/// A covenant's running count of breached months.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Streak {
    months: u32,
}

impl Streak {
    /// Records this month's test: `Some(true)` a breach, `Some(false)` a pass, `None` not
    /// tested. A pass or no test resets the count.
    pub(super) fn record(&mut self, breached: Option<bool>) -> CovenantTest {
        let status = match breached {
            Some(true) => TestStatus::Breach,
            Some(false) => TestStatus::Pass,
            None => TestStatus::NotTested,
        };
        self.months = match status {
            TestStatus::Breach => self.months.saturating_add(1),
            TestStatus::Pass | TestStatus::NotTested => 0,
        };
        CovenantTest {
            status,
            consecutive_breach_months: self.months,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pass_or_no_test_resets_the_count() {
        let mut streak = Streak::default();
        let counts: Vec<u32> = [
            Some(true),
            Some(true),
            Some(false),
            Some(true),
            None,
            Some(true),
        ]
        .into_iter()
        .map(|b| streak.record(b).consecutive_breach_months)
        .collect();
        assert_eq!(counts, [1, 2, 0, 1, 0, 1]);
        assert_eq!(streak.record(None).status, TestStatus::NotTested);
    }
}
