//! [`GpuReading`]: what a GPU's sensors say, per GPU, in named units: the plain reading the
//! live economics reads, which telemetry's adapters (NVML, nvidia-smi, DCGM, replays) fill.

/// One GPU's reading: at one moment, or its means over a window. Every value is `None`
/// when the source does not know it, never 0; units are in the names; shares are
/// fractions in [0, 1] (an average a hair outside is clamped where it is used).
///
/// ```
/// use gpuecon::live::GpuReading;
/// let reading = GpuReading { power_w: Some(631.95), activity_fraction: Some(1.0), ..GpuReading::default() };
/// assert_eq!(reading.energy_j, None); // unknown, not 0
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GpuReading {
    /// Board power draw in watts (over a window: the time-weighted mean).
    pub power_w: Option<f64>,
    /// Activity utilization: the share of time at least one kernel ran (NVML
    /// `utilization.gpu`, DCGM `GPU_UTIL` or, for a MIG slice, `PROF_GR_ENGINE_ACTIVE`).
    pub activity_fraction: Option<f64>,
    /// Effective utilization: the share of SM cycles with a warp resident (DCGM
    /// `PROF_SM_ACTIVE`).
    pub effective_fraction: Option<f64>,
    /// Energy in joules: the driver's counter since it was loaded for a reading at one
    /// moment, the energy measured over the window for a window's reading.
    pub energy_j: Option<f64>,
    /// The software power limit in watts.
    pub power_limit_w: Option<f64>,
}

impl GpuReading {
    /// The average GPU: the mean of each value over the readings that have it (`None`
    /// where none has it).
    ///
    /// ```
    /// use gpuecon::live::GpuReading;
    /// let a = GpuReading { power_w: Some(100.0), ..GpuReading::default() };
    /// let b = GpuReading { power_w: Some(300.0), activity_fraction: Some(0.5), ..GpuReading::default() };
    /// let mean = GpuReading::mean(&[a, b, GpuReading::default()]);
    /// assert_eq!((mean.power_w, mean.activity_fraction), (Some(200.0), Some(0.5)));
    /// ```
    #[must_use]
    pub fn mean(all: &[Self]) -> Self {
        let mean = |f: fn(&Self) -> Option<f64>| {
            let known: Vec<f64> = all.iter().filter_map(f).collect();
            let count = u32::try_from(known.len()).ok().filter(|n| *n > 0)?;
            Some(known.iter().sum::<f64>() / f64::from(count))
        };
        Self {
            power_w: mean(|r| r.power_w),
            activity_fraction: mean(|r| r.activity_fraction),
            effective_fraction: mean(|r| r.effective_fraction),
            energy_j: mean(|r| r.energy_j),
            power_limit_w: mean(|r| r.power_limit_w),
        }
    }
}
