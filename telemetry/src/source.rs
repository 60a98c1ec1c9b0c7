//! [`GpuSource`]: the one trait every source implements.

use crate::{Error, Reading};

/// A source of readings: NVML, `nvidia-smi` (spawned or a recorded log), the DCGM exporter
/// (a URL or a saved scrape) or a replayed session. It returns plain [`Reading`]s; what is
/// done with them (aggregation, economics, display) is not its business.
///
/// ```
/// use gpuecon_telemetry::{replay::ReplaySource, GpuSource};
/// let text = "{\"taken_at\":\"2026-01-01T00:00:00Z\",\"gpus\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"index\":0,\"power_w\":350}]}\n";
/// let mut source: Box<dyn GpuSource> = Box::new(ReplaySource::from_text("s.jsonl", text, None)?);
/// assert!(!source.is_live());
/// let reading = source.read()?.unwrap();
/// assert_eq!(reading.gpus[0].power_w, Some(350.0));
/// assert!(source.read()?.is_none()); // a recording ends
/// # Ok::<(), gpuecon_telemetry::Error>(())
/// ```
pub trait GpuSource {
    /// What the source is, for people: `NVML (driver 550.54.15, 8 GPUs)`.
    fn describe(&self) -> String;

    /// Whether readings are taken now (NVML, a spawned `nvidia-smi`, a DCGM URL) rather
    /// than read from a recording.
    fn is_live(&self) -> bool;

    /// The next reading; `Ok(None)` when a recording has no more. Malformed input lines
    /// skipped on the way are in [`Reading::problems`].
    ///
    /// # Errors
    /// [`Error`] when the source cannot be read (the driver went away, the exporter is
    /// unreachable, `nvidia-smi` failed).
    fn read(&mut self) -> Result<Option<Reading>, Error>;
}
