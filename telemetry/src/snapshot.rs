//! Plain snapshots: what one reading says about each GPU, in explicit units.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use crate::{LineProblem, Warning};

/// A MIG (multi-instance GPU) instance: a slice of a physical GPU with its own engines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MigInstance {
    /// The GPU instance profile (`"1g.5gb"`; DCGM's `GPU_I_PROFILE`).
    pub profile: String,
    /// The GPU instance id (DCGM's `GPU_I_ID`).
    pub instance_id: String,
}

/// One GPU (or MIG instance) at one moment. Every measurement is `None` when the source
/// does not know it (`[N/A]`, `[Not Supported]`, a DCGM blank sentinel, a missing
/// series), never 0. Units are in the names; ratios are fractions in [0, 1].
///
/// ```
/// use gpuecon_telemetry::GpuSnapshot;
/// let snapshot: GpuSnapshot = serde_json::from_str(
///     r#"{ "timestamp": "2026-07-14T08:12:53.353Z", "index": 0, "power_w": 631.95 }"#,
/// )?;
/// assert_eq!(snapshot.power_w, Some(631.95));
/// assert_eq!(snapshot.energy_j, None); // absent: unknown, not 0
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GpuSnapshot {
    /// When the values were read (UTC).
    pub timestamp: DateTime<Utc>,
    /// The host, where the source names it (DCGM's `Hostname` or `hostname` label).
    #[serde(default)]
    pub host: Option<String>,
    /// The GPU's index on its host (NVML / nvidia-smi `index`, DCGM `gpu`).
    #[serde(default)]
    pub index: Option<u32>,
    /// The GPU's UUID (`GPU-…`; some recordings mask it to zeros).
    #[serde(default)]
    pub uuid: Option<String>,
    /// The exact model name the driver reports (`"NVIDIA H100 80GB HBM3"`).
    #[serde(default)]
    pub name: Option<String>,
    /// The MIG instance, for a slice of a GPU; `None` for a whole GPU.
    #[serde(default)]
    pub mig: Option<MigInstance>,
    /// Activity utilization: the share of the last sample period in which at least one
    /// kernel ran (NVML / nvidia-smi `utilization.gpu`, DCGM `GPU_UTIL`), in [0, 1].
    #[serde(default)]
    pub activity_fraction: Option<f64>,
    /// Memory utilization: the share of the last sample period in which device memory was
    /// read or written (`utilization.memory`, DCGM `MEM_COPY_UTIL`), in [0, 1].
    #[serde(default)]
    pub memory_activity_fraction: Option<f64>,
    /// SM activity: the share of SM cycles with a warp resident, averaged over the SMs
    /// (DCGM `PROF_SM_ACTIVE`), in [0, 1]: the effective utilization.
    #[serde(default)]
    pub sm_active_fraction: Option<f64>,
    /// Graphics engine activity (DCGM `PROF_GR_ENGINE_ACTIVE`), in [0, 1]: DCGM's
    /// profiling-level counterpart of the activity utilization, and the one it reports for
    /// MIG instances.
    #[serde(default)]
    pub graphics_active_fraction: Option<f64>,
    /// Board power draw in watts.
    #[serde(default)]
    pub power_w: Option<f64>,
    /// The software power limit in watts.
    #[serde(default)]
    pub power_limit_w: Option<f64>,
    /// Energy counter in joules since the driver was (re)loaded, where the source has one
    /// (NVML on Volta and newer, DCGM `TOTAL_ENERGY_CONSUMPTION`).
    #[serde(default)]
    pub energy_j: Option<f64>,
    /// Framebuffer memory used in MiB.
    #[serde(default)]
    pub memory_used_mib: Option<f64>,
    /// Framebuffer memory in total in MiB.
    #[serde(default)]
    pub memory_total_mib: Option<f64>,
    /// GPU temperature in degrees Celsius.
    #[serde(default)]
    pub temperature_c: Option<f64>,
}

impl GpuSnapshot {
    /// A snapshot of which nothing is known but the time.
    ///
    /// ```
    /// use gpuecon_telemetry::GpuSnapshot;
    /// let empty = GpuSnapshot::unknown(chrono::Utc::now());
    /// assert_eq!((empty.power_w, empty.activity_fraction), (None, None));
    /// ```
    #[must_use]
    pub fn unknown(timestamp: DateTime<Utc>) -> Self {
        Self {
            timestamp,
            host: None,
            index: None,
            uuid: None,
            name: None,
            mig: None,
            activity_fraction: None,
            memory_activity_fraction: None,
            sm_active_fraction: None,
            graphics_active_fraction: None,
            power_w: None,
            power_limit_w: None,
            energy_j: None,
            memory_used_mib: None,
            memory_total_mib: None,
            temperature_c: None,
        }
    }

    /// What identifies this GPU across readings.
    #[must_use]
    pub fn key(&self) -> GpuKey {
        GpuKey {
            host: self.host.clone(),
            index: self.index,
            uuid: self.uuid.clone(),
            name: self.name.clone(),
            mig: self.mig.clone(),
        }
    }

    /// Activity for the economics: the activity utilization, or where a source has only the
    /// graphics engine activity (DCGM on a MIG instance or with profiling only), that.
    #[must_use]
    pub fn activity_or_graphics(&self) -> Option<f64> {
        self.activity_fraction.or(self.graphics_active_fraction)
    }

    /// The plain reading the core's live economics reads: power, activity
    /// ([`activity_or_graphics`](Self::activity_or_graphics)), SM activity, the energy
    /// counter and the power limit.
    ///
    /// ```
    /// use gpuecon_telemetry::GpuSnapshot;
    /// let mut snapshot = GpuSnapshot::unknown(chrono::Utc::now());
    /// snapshot.power_w = Some(631.95);
    /// snapshot.graphics_active_fraction = Some(0.5);
    /// let reading = snapshot.reading();
    /// assert_eq!((reading.power_w, reading.activity_fraction), (Some(631.95), Some(0.5)));
    /// ```
    #[must_use]
    pub fn reading(&self) -> gpuecon::live::GpuReading {
        gpuecon::live::GpuReading {
            power_w: self.power_w,
            activity_fraction: self.activity_or_graphics(),
            effective_fraction: self.sm_active_fraction,
            energy_j: self.energy_j,
            power_limit_w: self.power_limit_w,
        }
    }
}

/// What identifies a GPU across readings: host, index, UUID, model name and MIG instance
/// (recordings that mask UUIDs to zeros still tell GPUs apart by the rest).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GpuKey {
    /// The host.
    pub host: Option<String>,
    /// The index on the host.
    pub index: Option<u32>,
    /// The UUID.
    pub uuid: Option<String>,
    /// The model name.
    pub name: Option<String>,
    /// The MIG instance.
    pub mig: Option<MigInstance>,
}

impl GpuKey {
    /// A short label for people: `gpu 0`, `gpu 0 mig 1g.5gb/13`, `host-a gpu 3`.
    ///
    /// ```
    /// use gpuecon_telemetry::GpuKey;
    /// let key = GpuKey { host: None, index: Some(3), uuid: None, name: None, mig: None };
    /// assert_eq!(key.label(), "gpu 3");
    /// ```
    #[must_use]
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(host) = &self.host {
            parts.push(host.clone());
        }
        match (self.index, &self.uuid) {
            (Some(index), _) => parts.push(format!("gpu {index}")),
            (None, Some(uuid)) => parts.push(uuid.clone()),
            (None, None) => parts.push("gpu ?".to_owned()),
        }
        if let Some(mig) = &self.mig {
            parts.push(format!("mig {}/{}", mig.profile, mig.instance_id));
        }
        parts.join(" ")
    }
}

/// One reading of a source: every GPU it reports, at about the same moment. A line of the
/// replay format (JSON lines) is one reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// When the reading was taken (UTC).
    pub taken_at: DateTime<Utc>,
    /// The GPUs, in the source's order.
    pub gpus: Vec<GpuSnapshot>,
    /// Lines of the input that were malformed and skipped (not recorded in the replay
    /// format).
    #[serde(skip)]
    pub problems: Vec<LineProblem>,
    /// Values set aside as unknown and oddities seen in this reading (not recorded in the
    /// replay format).
    #[serde(skip)]
    pub warnings: Vec<Warning>,
}

impl Reading {
    /// Groups snapshots in input order into readings: a reading ends where a GPU it already
    /// has appears again (how `nvidia-smi -l` and recorded logs repeat their rows). Each
    /// reading is taken at its latest snapshot's time. Linear in the snapshots (the keys
    /// of the current reading are hashed).
    ///
    /// ```
    /// use gpuecon_telemetry::{GpuSnapshot, Reading};
    /// let t = chrono::Utc::now();
    /// let gpu = |index| GpuSnapshot { index: Some(index), ..GpuSnapshot::unknown(t) };
    /// let readings = Reading::group(vec![gpu(0), gpu(1), gpu(0), gpu(1)]);
    /// assert_eq!(readings.len(), 2);
    /// ```
    #[must_use]
    pub fn group(snapshots: Vec<GpuSnapshot>) -> Vec<Self> {
        let mut readings: Vec<Self> = Vec::new();
        let mut current: Vec<GpuSnapshot> = Vec::new();
        let mut keys: HashSet<GpuKey> = HashSet::new();
        for snapshot in snapshots {
            let key = snapshot.key();
            if keys.contains(&key) {
                readings.extend(Self::from_gpus(std::mem::take(&mut current)));
                keys.clear();
            }
            keys.insert(key);
            current.push(snapshot);
        }
        readings.extend(Self::from_gpus(current));
        readings
    }

    /// A reading of `gpus`, taken at the latest of their timestamps; `None` when empty.
    #[must_use]
    pub fn from_gpus(gpus: Vec<GpuSnapshot>) -> Option<Self> {
        let taken_at = gpus.iter().map(|g| g.timestamp).max()?;
        Some(Self {
            taken_at,
            gpus,
            problems: Vec::new(),
            warnings: Vec::new(),
        })
    }
}
