//! [`Backoff`]: how long a live source waits after a failed reading before trying again.

use std::time::Duration;

/// The wait after failed readings of a live source: the reading interval after the first
/// failure, doubled at each failure in a row, at most [`Backoff::MAX`] (or the interval
/// if that is longer); back to the interval after a reading succeeds. A live source that
/// fails (an exporter answering 503, `nvidia-smi` timing out) is retried for as long as
/// the watch runs, never given up on.
///
/// ```
/// use std::time::Duration;
/// use gpuecon_telemetry::Backoff;
/// let mut backoff = Backoff::new(Duration::from_secs(2));
/// let waits: Vec<u64> = (0..7).map(|_| backoff.failed().as_secs()).collect();
/// assert_eq!(waits, [2, 4, 8, 16, 32, 60, 60]);
/// assert_eq!(backoff.failures(), 7);
/// backoff.succeeded();
/// assert_eq!(backoff.failed(), Duration::from_secs(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backoff {
    interval: Duration,
    failures: u32,
}

impl Backoff {
    /// The longest wait between tries: a minute.
    pub const MAX: Duration = Duration::from_secs(60);

    /// A backoff for a source read every `interval`.
    #[must_use]
    pub const fn new(interval: Duration) -> Self {
        Self {
            interval,
            failures: 0,
        }
    }

    /// Counts a failed reading; returns how long to wait before the next try.
    pub fn failed(&mut self) -> Duration {
        let doubling = 2_u32.saturating_pow(self.failures.min(31));
        self.failures = self.failures.saturating_add(1);
        self.interval
            .saturating_mul(doubling)
            .min(Self::MAX.max(self.interval))
    }

    /// Counts a reading that succeeded: the next failure waits the interval again.
    pub fn succeeded(&mut self) {
        self.failures = 0;
    }

    /// Failed readings in a row.
    #[must_use]
    pub const fn failures(&self) -> u32 {
        self.failures
    }
}
