//! NVML, through `nvml-wrapper`: the library the driver ships (`libnvidia-ml.so`), loaded
//! at run time, so a binary built with this crate starts on a machine without the driver
//! and [`NvmlSource::open`] says why NVML is not there.
//!
//! Units, converted once, here ([`milliwatts_to_w`], [`millijoules_to_j`],
//! [`bytes_to_mib`], [`percent_to_fraction`]): NVML reports power and limits in milliwatts,
//! the energy counter in millijoules (Volta and newer), memory in bytes and utilization in
//! whole percent. A query a GPU does not support (`NotSupported`) or that fails is `None`.
//! NVML has no SM activity counter outside DCGM's profiling module: `sm_active_fraction`
//! is always `None` here.

use chrono::Utc;
use nvml_wrapper::Nvml;
use nvml_wrapper::enum_wrappers::device::TemperatureSensor;
use nvml_wrapper::error::NvmlError;

use crate::{Error, GpuSnapshot, GpuSource, Reading};

/// Milliwatts (NVML power and limits) to watts.
///
/// ```
/// assert_eq!(gpuecon_telemetry::nvml::milliwatts_to_w(631_950), 631.95);
/// ```
#[must_use]
pub fn milliwatts_to_w(milliwatts: u32) -> f64 {
    f64::from(milliwatts) / 1000.0
}

/// Millijoules (NVML's energy counter) to joules; exact below 2⁵³ mJ (285 years at 1 kW).
///
/// ```
/// assert_eq!(gpuecon_telemetry::nvml::millijoules_to_j(319_159_391), 319_159.391);
/// ```
#[must_use]
pub fn millijoules_to_j(millijoules: u64) -> f64 {
    u64_to_f64(millijoules) / 1000.0
}

/// Bytes (NVML memory) to MiB (2²⁰ bytes).
///
/// ```
/// // An H100 80GB HBM3: 85,520,809,984 bytes = 81,559 MiB.
/// assert_eq!(gpuecon_telemetry::nvml::bytes_to_mib(85_520_809_984), 81_559.0);
/// ```
#[must_use]
pub fn bytes_to_mib(bytes: u64) -> f64 {
    u64_to_f64(bytes) / 1_048_576.0
}

/// Whole percent (NVML utilization) to a fraction.
///
/// ```
/// assert_eq!(gpuecon_telemetry::nvml::percent_to_fraction(87), 0.87);
/// ```
#[must_use]
pub fn percent_to_fraction(percent: u32) -> f64 {
    f64::from(percent) / 100.0
}

/// A counter to `f64`: exact below 2⁵³, within one part in 2⁵³ above.
#[allow(clippy::cast_precision_loss)] // documented: counters stay far below 2⁵³
fn u64_to_f64(value: u64) -> f64 {
    value as f64
}

/// Why NVML could not start, in words for the person at the terminal.
fn why(error: &NvmlError) -> String {
    match error {
        NvmlError::LibloadingError(e) => {
            format!("libnvidia-ml.so could not be loaded ({e}); is the NVIDIA driver installed?")
        }
        NvmlError::DriverNotLoaded => "the NVIDIA driver is not loaded".to_owned(),
        NvmlError::NoPermission => "no permission to talk to the NVIDIA driver".to_owned(),
        other => other.to_string(),
    }
}

/// The GPUs NVML sees, read at each reading.
pub struct NvmlSource {
    nvml: Nvml,
    driver: String,
    count: u32,
}

impl std::fmt::Debug for NvmlSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NvmlSource")
            .field("driver", &self.driver)
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

impl NvmlSource {
    /// Loads and initializes NVML.
    ///
    /// # Errors
    /// [`Error::Nvml`] saying why: the library is missing (no driver), the driver is not
    /// loaded, no permission, or no GPU.
    pub fn open() -> Result<Self, Error> {
        let nvml = Nvml::init().map_err(|e| Error::Nvml(why(&e)))?;
        let driver = nvml
            .sys_driver_version()
            .unwrap_or_else(|_| "unknown".to_owned());
        let count = nvml.device_count().map_err(|e| Error::Nvml(why(&e)))?;
        if count == 0 {
            return Err(Error::Nvml(format!("driver {driver} reports no GPU")));
        }
        Ok(Self {
            nvml,
            driver,
            count,
        })
    }

    /// The driver version NVML reports.
    #[must_use]
    pub fn driver_version(&self) -> &str {
        &self.driver
    }
}

impl GpuSource for NvmlSource {
    fn describe(&self) -> String {
        format!("NVML (driver {}, {} GPUs)", self.driver, self.count)
    }

    fn is_live(&self) -> bool {
        true
    }

    fn read(&mut self) -> Result<Option<Reading>, Error> {
        let now = Utc::now();
        let mut gpus = Vec::new();
        for i in 0..self.count {
            let device = self
                .nvml
                .device_by_index(i)
                .map_err(|e| Error::Nvml(format!("GPU {i}: {}", why(&e))))?;
            let utilization = device.utilization_rates().ok();
            let memory = device.memory_info().ok();
            gpus.push(GpuSnapshot {
                index: Some(device.index().unwrap_or(i)),
                uuid: device.uuid().ok(),
                name: device.name().ok(),
                activity_fraction: utilization.as_ref().map(|u| percent_to_fraction(u.gpu)),
                memory_activity_fraction: utilization.map(|u| percent_to_fraction(u.memory)),
                power_w: device.power_usage().ok().map(milliwatts_to_w),
                power_limit_w: device
                    .power_management_limit()
                    .or_else(|_| device.enforced_power_limit())
                    .ok()
                    .map(milliwatts_to_w),
                energy_j: device.total_energy_consumption().ok().map(millijoules_to_j),
                memory_used_mib: memory.as_ref().map(|m| bytes_to_mib(m.used)),
                memory_total_mib: memory.map(|m| bytes_to_mib(m.total)),
                temperature_c: device
                    .temperature(TemperatureSensor::Gpu)
                    .ok()
                    .map(f64::from),
                ..GpuSnapshot::unknown(now)
            });
        }
        let mut warnings = Vec::new();
        for gpu in &mut gpus {
            crate::screen::screen(gpu, None, &mut warnings);
        }
        Ok(Some(Reading {
            taken_at: now,
            gpus,
            problems: Vec::new(),
            warnings,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_at_the_nvml_boundary() {
        // mW → W, mJ → J, bytes → MiB, percent → fraction
        assert_eq!(milliwatts_to_w(69_850), 69.85);
        assert_eq!(milliwatts_to_w(700_000), 700.0);
        assert_eq!(millijoules_to_j(128_996_013), 128_996.013);
        assert_eq!(bytes_to_mib(48_305_799_168), 46_068.0); // an L40S
        assert_eq!(bytes_to_mib(1_572_864), 1.5);
        assert_eq!(percent_to_fraction(100), 1.0);
        assert_eq!(percent_to_fraction(0), 0.0);
    }

    #[test]
    fn without_a_driver_the_error_is_clear() {
        // Runs everywhere: where NVML loads, there is nothing to check here (the ignored
        // tests below read the GPUs); where it does not, the message says why.
        if let Err(error) = NvmlSource::open() {
            let text = error.to_string();
            assert!(text.starts_with("NVML is not available: "), "{text}");
            assert!(!text.contains('\n'), "{text}");
        }
    }

    #[test]
    #[ignore = "needs an NVIDIA GPU and driver"]
    fn reads_every_gpu() {
        let mut source = NvmlSource::open().unwrap();
        let reading = source.read().unwrap().unwrap();
        println!("{}", source.describe());
        for gpu in &reading.gpus {
            println!("{}", serde_json::to_string(gpu).unwrap());
            assert!(gpu.name.as_deref().is_some_and(|n| !n.is_empty()));
            assert!(gpu.uuid.as_deref().is_some_and(|u| u.starts_with("GPU-")));
            let power = gpu.power_w.unwrap();
            let limit = gpu.power_limit_w.unwrap();
            // watts, not milliwatts: a board draws between 1 W and its limit (+10 %)
            assert!(power > 1.0 && power < limit * 1.1, "{power} W of {limit} W");
            assert!(limit > 50.0 && limit < 2000.0, "{limit} W");
            let (used, total) = (gpu.memory_used_mib.unwrap(), gpu.memory_total_mib.unwrap());
            // MiB, not bytes: 4 GiB to 300 GiB of memory
            assert!(
                total > 4_096.0 && total < 307_200.0 && used <= total,
                "{used}/{total}"
            );
            let activity = gpu.activity_fraction.unwrap();
            assert!((0.0..=1.0).contains(&activity));
        }
    }

    #[test]
    #[ignore = "needs an NVIDIA GPU and driver"]
    fn the_energy_counter_rises_with_the_power_drawn() {
        let mut source = NvmlSource::open().unwrap();
        let first = source.read().unwrap().unwrap();
        std::thread::sleep(std::time::Duration::from_secs(2));
        let second = source.read().unwrap().unwrap();
        for (a, b) in first.gpus.iter().zip(&second.gpus) {
            let (Some(e0), Some(e1)) = (a.energy_j, b.energy_j) else {
                continue; // before Volta: no counter
            };
            let seconds = (b.timestamp - a.timestamp).as_seconds_f64();
            let mean_w = (e1 - e0) / seconds;
            let (p0, p1) = (a.power_w.unwrap(), b.power_w.unwrap());
            println!(
                "gpu {:?}: {mean_w:.1} W from the counter, {p0} → {p1} W drawn",
                a.index
            );
            // joules, not millijoules: the counter's mean power is within 50 % of the draw
            assert!(mean_w > 0.5 * p0.min(p1) && mean_w < 1.5 * p0.max(p1) + 20.0);
        }
    }
}
