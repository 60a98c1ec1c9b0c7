//! The DCGM exporter's `/metrics` (Prometheus text): parsed by [`parse`], read from a URL
//! or a file by [`DcgmSource`].
//!
//! Each series is one field of one GPU (or MIG instance), told apart by its labels:
//!
//! ```text
//! DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-…",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="node-1"} 113.611000
//! DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu="0",UUID="GPU-…",GPU_I_PROFILE="1g.5gb",GPU_I_ID="13",Hostname="…"} 0.995687
//! ```
//!
//! - The host is `Hostname` (released exporters) or `hostname` (from May 2026); the UUID
//!   `UUID` or `uuid` (the "old namespace" option); the index `gpu`; the model
//!   `modelName`. Series with `GPU_I_PROFILE` / `GPU_I_ID` belong to a MIG instance, which
//!   becomes a snapshot of its own ([`MigInstance`]).
//! - Fields and units, converted once, here: `GPU_UTIL`, `MEM_COPY_UTIL` percent →
//!   fraction; `PROF_SM_ACTIVE`, `PROF_GR_ENGINE_ACTIVE` ratios as they are;
//!   `POWER_USAGE`, `POWER_MGMT_LIMIT` (or `ENFORCED_POWER_LIMIT`) watts;
//!   `TOTAL_ENERGY_CONSUMPTION` millijoules → joules (÷ 1000); `FB_USED` MiB, and the
//!   total `FB_TOTAL`, or else `FB_USED + FB_FREE + FB_RESERVED` (without `FB_RESERVED`,
//!   which older exporters do not print, the driver's reservation is missing from it: a T4
//!   reads 15,109 of its 15,360 MiB); `GPU_TEMP` degrees C. Other series are ignored.
//! - DCGM's blank sentinels are `None` ([`screen::is_blank`]: the INT32, INT64 and FP64
//!   blanks in any textual form), with a counted warning; so are NaN and infinities, and
//!   impossible values ([`screen::screen`]).
//! - A series that appears twice in one scrape (the same field of the same GPU) is
//!   warned about, and the first value kept.
//! - The exporter prints no time: every snapshot is stamped with the time of the scrape.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::prom::{self, Sample};
use crate::screen::{self, quote};
use crate::{Error, GpuSnapshot, GpuSource, MigInstance, Parsed, Reading, Warning, WarningKind};

/// The value of a sample, `None` for a blank sentinel, NaN or an infinity.
///
/// ```
/// use gpuecon_telemetry::{dcgm::value, prom};
/// let parsed = prom::parse("a 9223372036854775794\nb 2147483632\nc 140737488355328.000000\nd 61\n");
/// let values: Vec<_> = parsed.value.iter().map(value).collect();
/// assert_eq!(values, [None, None, None, Some(61.0)]);
/// ```
#[must_use]
pub fn value(sample: &Sample) -> Option<f64> {
    Some(sample.value).filter(|v| !screen::is_blank(*v))
}

/// The label `a`, else `b` (the two spellings of one label).
fn either<'a>(sample: &'a Sample, a: &str, b: &str) -> Option<&'a str> {
    sample.label(a).or_else(|| sample.label(b))
}

/// What one GPU or MIG instance is keyed by in a scrape.
type Key = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<MigInstance>,
);

/// The series read; others are ignored.
const FIELDS: [&str; 13] = [
    "DCGM_FI_DEV_GPU_UTIL",
    "DCGM_FI_DEV_MEM_COPY_UTIL",
    "DCGM_FI_PROF_SM_ACTIVE",
    "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
    "DCGM_FI_DEV_POWER_USAGE",
    "DCGM_FI_DEV_POWER_MGMT_LIMIT",
    "DCGM_FI_DEV_ENFORCED_POWER_LIMIT",
    "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
    "DCGM_FI_DEV_FB_USED",
    "DCGM_FI_DEV_FB_FREE",
    "DCGM_FI_DEV_FB_RESERVED",
    "DCGM_FI_DEV_FB_TOTAL",
    "DCGM_FI_DEV_GPU_TEMP",
];

/// A label for the GPU of `key`, as [`GpuKey::label`](crate::GpuKey::label) writes it.
fn gpu_label(key: &Key) -> String {
    let (host, index, uuid, mig) = key;
    crate::GpuKey {
        host: host.clone(),
        index: index.as_deref().and_then(|i| i.parse().ok()),
        uuid: uuid.clone(),
        name: None,
        mig: mig.clone(),
    }
    .label()
}

/// One GPU of a scrape as it is read.
struct Entry<'a> {
    gpu: GpuSnapshot,
    memory: Memory,
    /// Its first line.
    line: usize,
    /// The series read for it, to tell duplicates.
    series: HashSet<&'a str>,
}

/// Memory parts collected for the total.
#[derive(Default)]
struct Memory {
    total: Option<f64>,
    free: Option<f64>,
    reserved: Option<f64>,
}

/// Parses one scrape of the DCGM exporter into a snapshot per GPU and per MIG instance, in
/// the order they first appear; lines that break the exposition format are reported and
/// skipped (see [`prom::parse`]). Series without a `gpu` or UUID label (the exporter's own
/// metrics) are ignored. Sentinels, impossible values and duplicate series are in
/// [`Parsed::warnings`], naming the GPU and line. Linear in the text.
///
/// ```
/// use gpuecon_telemetry::dcgm::parse;
/// let text = r#"
/// DCGM_FI_DEV_POWER_USAGE{gpu="1",UUID="GPU-b",modelName="NVIDIA H100 80GB HBM3",hostname="n1"} 68.347000
/// DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="1",UUID="GPU-b",hostname="n1"} 319159391
/// DCGM_FI_DEV_GPU_UTIL{gpu="1",UUID="GPU-b",hostname="n1"} 87
/// "#;
/// let parsed = parse(text, chrono::Utc::now());
/// let gpu = &parsed.value[0];
/// assert_eq!(gpu.host.as_deref(), Some("n1"));
/// assert_eq!(gpu.power_w, Some(68.347));
/// assert_eq!(gpu.energy_j, Some(319_159.391)); // mJ → J
/// assert_eq!(gpu.activity_fraction, Some(0.87)); // % → fraction
/// ```
#[must_use]
pub fn parse(text: &str, scraped_at: DateTime<Utc>) -> Parsed<Vec<GpuSnapshot>> {
    let samples = prom::parse(text);
    let mut order: Vec<Key> = Vec::new();
    let mut gpus: HashMap<Key, Entry<'_>> = HashMap::new();
    let mut warnings = Vec::new();
    for sample in &samples.value {
        let index = sample.label("gpu");
        let uuid = either(sample, "UUID", "uuid");
        if index.is_none() && uuid.is_none() {
            continue;
        }
        let host = either(sample, "Hostname", "hostname");
        let mig = match (sample.label("GPU_I_PROFILE"), sample.label("GPU_I_ID")) {
            (None, None) => None,
            (profile, id) => Some(MigInstance {
                profile: profile.unwrap_or_default().to_owned(),
                instance_id: id.unwrap_or_default().to_owned(),
            }),
        };
        let key: Key = (
            host.map(str::to_owned),
            index.map(str::to_owned),
            uuid.map(str::to_owned),
            mig.clone(),
        );
        let entry = gpus.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            let mut gpu = GpuSnapshot::unknown(scraped_at);
            gpu.host = host.map(str::to_owned);
            gpu.index = index.and_then(|i| i.parse().ok());
            gpu.uuid = uuid.map(str::to_owned);
            gpu.mig = mig;
            Entry {
                gpu,
                memory: Memory::default(),
                line: sample.line,
                series: HashSet::new(),
            }
        });
        let Entry {
            gpu,
            memory,
            series,
            ..
        } = entry;
        if gpu.name.is_none() {
            gpu.name = either(sample, "modelName", "modelname").map(str::to_owned);
        }
        if !FIELDS.contains(&sample.name.as_str()) {
            continue;
        }
        if !series.insert(sample.name.as_str()) {
            let label = gpu_label(&key);
            warnings.push(
                Warning::new(
                    WarningKind::Duplicate,
                    format!("{} appears twice in the scrape", sample.name),
                )
                .gpu(label)
                .line(Some(sample.line)),
            );
            continue;
        }
        let v = value(sample);
        if v.is_none() {
            warnings.push(
                Warning::new(
                    WarningKind::Sentinel,
                    format!(
                        "{} {} is a no-value code",
                        sample.name,
                        quote(&sample.value_text)
                    ),
                )
                .gpu(gpu_label(&key))
                .line(Some(sample.line)),
            );
        }
        match sample.name.as_str() {
            "DCGM_FI_DEV_GPU_UTIL" => gpu.activity_fraction = v.map(|p| p / 100.0),
            "DCGM_FI_DEV_MEM_COPY_UTIL" => gpu.memory_activity_fraction = v.map(|p| p / 100.0),
            "DCGM_FI_PROF_SM_ACTIVE" => gpu.sm_active_fraction = v,
            "DCGM_FI_PROF_GR_ENGINE_ACTIVE" => gpu.graphics_active_fraction = v,
            "DCGM_FI_DEV_POWER_USAGE" => gpu.power_w = v,
            "DCGM_FI_DEV_POWER_MGMT_LIMIT" => gpu.power_limit_w = v,
            "DCGM_FI_DEV_ENFORCED_POWER_LIMIT" => gpu.power_limit_w = gpu.power_limit_w.or(v),
            "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION" => gpu.energy_j = v.map(|mj| mj / 1000.0),
            "DCGM_FI_DEV_FB_USED" => gpu.memory_used_mib = v,
            "DCGM_FI_DEV_FB_FREE" => memory.free = v,
            "DCGM_FI_DEV_FB_RESERVED" => memory.reserved = v,
            "DCGM_FI_DEV_FB_TOTAL" => memory.total = v,
            "DCGM_FI_DEV_GPU_TEMP" => gpu.temperature_c = v,
            _ => {}
        }
    }
    let snapshots = order
        .into_iter()
        .filter_map(|key| gpus.remove(&key))
        .map(
            |Entry {
                 mut gpu,
                 memory,
                 line,
                 ..
             }| {
                gpu.memory_total_mib = memory.total.or_else(|| {
                    let (used, free) = (gpu.memory_used_mib?, memory.free?);
                    Some(used + free + memory.reserved.unwrap_or(0.0))
                });
                screen::screen(&mut gpu, Some(line), &mut warnings);
                gpu
            },
        )
        .collect();
    Parsed {
        value: snapshots,
        problems: samples.problems,
        warnings,
    }
}

/// Where the scrape comes from.
#[derive(Debug)]
enum Origin {
    /// `http://host:port/metrics`, scraped at each reading.
    Url { url: String, agent: ureq::Agent },
    /// A file, read once.
    File { path: String, done: bool },
    /// A scrape's text, already read.
    Text { path: String, text: Option<String> },
}

/// The DCGM exporter: a URL on a host the user names (scraped at each reading) or a saved
/// scrape (one reading).
#[derive(Debug)]
pub struct DcgmSource {
    origin: Origin,
}

impl DcgmSource {
    /// Scrapes `url` (plain `http://`, as dcgm-exporter serves `/metrics` on port 9400) at
    /// each reading, with a 10-second limit; no other host is contacted.
    ///
    /// # Errors
    /// [`Error::Http`] for a URL that is not `http://`.
    pub fn url(url: &str) -> Result<Self, Error> {
        if !url.starts_with("http://") {
            return Err(Error::Http {
                url: url.to_owned(),
                message: "only http:// URLs are supported (dcgm-exporter's default; put a TLS-terminating proxy's plain side or a saved scrape here)".to_owned(),
            });
        }
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(10)))
            .build();
        Ok(Self {
            origin: Origin::Url {
                url: url.to_owned(),
                agent: ureq::Agent::new_with_config(config),
            },
        })
    }

    /// A saved scrape's `text` (named `path` in messages): one reading, stamped with the
    /// time it is read.
    #[must_use]
    pub fn scrape(path: &str, text: String) -> Self {
        Self {
            origin: Origin::Text {
                path: path.to_owned(),
                text: Some(text),
            },
        }
    }

    /// A saved scrape at `path`: one reading, stamped with the time it is read.
    #[must_use]
    pub fn file(path: &str) -> Self {
        Self {
            origin: Origin::File {
                path: path.to_owned(),
                done: false,
            },
        }
    }
}

/// One scrape of `url`.
fn scrape(agent: &ureq::Agent, url: &str) -> Result<String, Error> {
    let http = |message: String| Error::Http {
        url: url.to_owned(),
        message,
    };
    let mut response = agent.get(url).call().map_err(|e| http(e.to_string()))?;
    response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .map_err(|e| http(e.to_string()))
}

/// A reading of one scrape's text.
fn reading(text: &str, origin: &str) -> Result<Reading, Error> {
    let now = Utc::now();
    let parsed = parse(text, now);
    if parsed.value.is_empty() {
        let why = parsed.problems.first().map_or_else(
            || "no DCGM_FI_* series with a gpu label".to_owned(),
            ToString::to_string,
        );
        return Err(Error::NoData(format!(
            "{origin}: no GPU in the scrape ({why})"
        )));
    }
    Ok(Reading {
        taken_at: now,
        gpus: parsed.value,
        problems: parsed.problems,
        warnings: parsed.warnings,
    })
}

impl GpuSource for DcgmSource {
    fn describe(&self) -> String {
        match &self.origin {
            Origin::Url { url, .. } => format!("DCGM exporter {url}"),
            Origin::File { path, .. } | Origin::Text { path, .. } => {
                format!("DCGM exporter scrape {path}")
            }
        }
    }

    fn is_live(&self) -> bool {
        matches!(self.origin, Origin::Url { .. })
    }

    fn read(&mut self) -> Result<Option<Reading>, Error> {
        match &mut self.origin {
            Origin::Url { url, agent } => {
                let text = scrape(agent, url)?;
                reading(&text, url).map(Some)
            }
            Origin::Text { path, text } => match text.take() {
                Some(text) => reading(&text, path).map(Some),
                None => Ok(None),
            },
            Origin::File { done: true, .. } => Ok(None),
            Origin::File { path, done } => {
                *done = true;
                let text = std::fs::read_to_string(&*path).map_err(|e| Error::Io {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
                reading(&text, path).map(Some)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentinels_on_their_digits() {
        let parsed = prom::parse(
            "a 9223372036854775792\nb 9223372036854775807\nc 2147483637\nd 2147483638\ne 140737488355329.5\nf NaN\ng 0\n",
        );
        let values: Vec<_> = parsed.value.iter().map(value).collect();
        // INT64 blank and above, INT32 blank + 5, FP64 blank and above, NaN: None; the
        // integer after the INT32 codes and 0 are values
        assert_eq!(
            values,
            [
                None,
                None,
                None,
                Some(2_147_483_638.0),
                None,
                None,
                Some(0.0)
            ]
        );
    }

    #[test]
    fn both_label_spellings() {
        let text = "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",uuid=\"GPU-a\",hostname=\"h\"} 30\n\
                    DCGM_FI_DEV_GPU_TEMP{gpu=\"1\",UUID=\"GPU-b\",Hostname=\"h\"} 31\n";
        let gpus = parse(text, Utc::now()).value;
        assert_eq!(gpus.len(), 2);
        assert_eq!(
            (gpus[0].uuid.as_deref(), gpus[0].host.as_deref()),
            (Some("GPU-a"), Some("h"))
        );
        assert_eq!(
            (gpus[1].uuid.as_deref(), gpus[1].host.as_deref()),
            (Some("GPU-b"), Some("h"))
        );
        assert_eq!(gpus[1].temperature_c, Some(31.0));
    }

    #[test]
    fn memory_total_from_its_parts() {
        let text = "DCGM_FI_DEV_FB_USED{gpu=\"0\"} 100\nDCGM_FI_DEV_FB_FREE{gpu=\"0\"} 900\nDCGM_FI_DEV_FB_RESERVED{gpu=\"0\"} 24\n\
                    DCGM_FI_DEV_FB_USED{gpu=\"1\"} 100\nDCGM_FI_DEV_FB_TOTAL{gpu=\"1\"} 2048\n\
                    DCGM_FI_DEV_FB_USED{gpu=\"2\"} 100\n";
        let gpus = parse(text, Utc::now()).value;
        assert_eq!(gpus[0].memory_total_mib, Some(1024.0));
        assert_eq!(gpus[1].memory_total_mib, Some(2048.0));
        assert_eq!(gpus[2].memory_total_mib, None); // FB_FREE missing: unknown, not 100
    }

    #[test]
    fn only_http_urls() {
        let error = DcgmSource::url("https://node:9400/metrics").unwrap_err();
        assert!(error.to_string().contains("only http://"), "{error}");
        assert!(DcgmSource::url("http://127.0.0.1:9400/metrics").is_ok());
    }

    #[test]
    fn an_unreachable_exporter_is_an_error_naming_the_url() {
        // Port 9 (discard) on the loopback: nothing listens there in a test sandbox.
        let mut source = DcgmSource::url("http://127.0.0.1:9/metrics").unwrap();
        let error = source.read().unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("http://127.0.0.1:9/metrics: "),
            "{error}"
        );
    }
}
