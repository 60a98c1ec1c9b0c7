//! `gpuecon watch --listen ADDR` and `--textfile PATH`: the live report as Prometheus
//! metrics (text exposition format 0.0.4), beside dcgm-exporter.
//!
//! - Per GPU, labelled as dcgm-exporter labels its series (`gpu`, `UUID`, `Hostname`,
//!   `modelName`; MIG instances add `GPU_I_PROFILE` and `GPU_I_ID`), so that
//!   `on(UUID)` joins with `DCGM_FI_*` series work: gauges of the economics now (revenue,
//!   power cost, the owner's capital, facility, operations and total cost, the margins,
//!   the owner cost per active GPU-hour, per hour in USD), of the power and of the
//!   utilizations; counters since the watch started (revenue, power cost, owner cost in
//!   USD, energy in kWh).
//! - `gpuecon_up` (1 while the source reads, 0 while it fails and is retried), and
//!   counters of scrapes served, failed reads of the source, warnings by kind and input
//!   lines skipped.
//! - Values are `f64` here (what Prometheus stores); the JSON output keeps the exact
//!   decimals. Every figure comes from the report (the core's and telemetry's economics);
//!   nothing is computed here. An unknown value has no sample (absent, not 0 or NaN).
//!
//! The HTTP server is `std::net`: it answers `GET /metrics` (and `/` with a link), one
//! request per connection (`Connection: close`), reading at most 8 KiB of request with a
//! 5-second timeout. A dependency would add a thread pool, keep-alive and routing that
//! one scrape every few seconds does not need.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gpuecon::Decimal;
use gpuecon_telemetry::WarningKind;
use gpuecon_telemetry::report::{GpuReport, LiveReport};

use crate::notices::Notices;

/// One metric family: its name, type and help.
struct Family {
    name: &'static str,
    kind: &'static str,
    help: &'static str,
}

const fn gauge(name: &'static str, help: &'static str) -> Family {
    Family {
        name,
        kind: "gauge",
        help,
    }
}

const fn counter(name: &'static str, help: &'static str) -> Family {
    Family {
        name,
        kind: "counter",
        help,
    }
}

/// A value of one GPU's report.
type Pick = fn(&GpuReport) -> Option<f64>;

/// `f64` of a decimal (Prometheus stores floats).
fn float(value: Option<Decimal>) -> Option<f64> {
    value.and_then(|v| f64::try_from(v).ok())
}

/// The per-GPU families and how each reads a GPU's report.
fn per_gpu() -> Vec<(Family, Pick)> {
    vec![
        (
            gauge(
                "gpuecon_revenue_usd_per_hour",
                "Revenue of the GPU now, USD per hour (price x billed utilization).",
            ),
            |g| float(g.now.as_ref()?.revenue_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_power_cost_usd_per_hour",
                "Cost of the measured power now, USD per hour (kW x PUE x USD/kWh).",
            ),
            |g| float(g.now.as_ref()?.power_cost_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_capital_cost_usd_per_hour",
                "Capital recovery of the GPU, USD per hour.",
            ),
            |g| float(g.now.as_ref()?.capital_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_facility_cost_usd_per_hour",
                "Colocation cost of the GPU, USD per hour.",
            ),
            |g| float(g.now.as_ref()?.facility_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_operations_cost_usd_per_hour",
                "Staff, support, software, insurance and SG&A of the GPU, USD per hour.",
            ),
            |g| float(g.now.as_ref()?.operations_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_owner_cost_usd_per_hour",
                "What the GPU costs its owner now, USD per hour (power + capital + facility + operations).",
            ),
            |g| float(g.now.as_ref()?.owner_cost_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_margin_usd_per_hour",
                "Revenue minus owner cost now, USD per hour.",
            ),
            |g| float(g.now.as_ref()?.owner_margin_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_power_margin_usd_per_hour",
                "Revenue minus power cost now, USD per hour.",
            ),
            |g| float(g.now.as_ref()?.margin_usd_per_hour),
        ),
        (
            gauge(
                "gpuecon_owner_cost_usd_per_active_gpu_hour",
                "Owner cost per GPU-hour in which a kernel ran (owner cost / activity), USD.",
            ),
            |g| float(g.now.as_ref()?.owner_cost_usd_per_active_gpu_hour),
        ),
        (
            gauge("gpuecon_power_watts", "Power draw of the GPU, W."),
            |g| g.snapshot.power_w,
        ),
        (
            gauge(
                "gpuecon_activity_ratio",
                "Activity: share of the sample period in which a kernel ran, 0 to 1.",
            ),
            |g| g.snapshot.activity_or_graphics(),
        ),
        (
            gauge(
                "gpuecon_billed_utilization_ratio",
                "Billed utilization: 1 for reserved billing, the activity for usage billing.",
            ),
            |g| float(g.now.as_ref()?.billed_utilization),
        ),
        (
            gauge(
                "gpuecon_activity_utilization_ratio",
                "Activity utilization used by the economics, 0 to 1.",
            ),
            |g| float(g.now.as_ref()?.activity_utilization),
        ),
        (
            gauge(
                "gpuecon_effective_utilization_ratio",
                "Effective utilization (SM activity), 0 to 1.",
            ),
            |g| float(g.now.as_ref()?.effective_utilization),
        ),
        (
            counter(
                "gpuecon_revenue_usd_total",
                "Revenue since the watch started, USD.",
            ),
            |g| float(g.over_window.as_ref()?.revenue_usd),
        ),
        (
            counter(
                "gpuecon_power_cost_usd_total",
                "Power cost since the watch started, USD.",
            ),
            |g| float(g.over_window.as_ref()?.power_cost_usd),
        ),
        (
            counter(
                "gpuecon_owner_cost_usd_total",
                "Owner cost since the watch started, USD.",
            ),
            |g| float(g.over_window.as_ref()?.owner_cost_usd),
        ),
        (
            counter(
                "gpuecon_energy_kwh_total",
                "Energy since the watch started, kWh.",
            ),
            |g| g.window.energy_kwh,
        ),
    ]
}

/// A label value escaped for the exposition format (`\\`, `\"`, `\n`).
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// `{gpu="0",UUID="…",Hostname="…",modelName="…"}` for one GPU.
fn labels(gpu: &GpuReport) -> String {
    let s = &gpu.snapshot;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(index) = s.index {
        pairs.push(("gpu", index.to_string()));
    }
    if let Some(uuid) = &s.uuid {
        pairs.push(("UUID", uuid.clone()));
    }
    if let Some(host) = &s.host {
        pairs.push(("Hostname", host.clone()));
    }
    if let Some(name) = &s.name {
        pairs.push(("modelName", name.clone()));
    }
    if let Some(mig) = &s.mig {
        pairs.push(("GPU_I_PROFILE", mig.profile.clone()));
        pairs.push(("GPU_I_ID", mig.instance_id.clone()));
    }
    if pairs.is_empty() {
        pairs.push(("gpu", gpu.label.clone()));
    }
    let inner: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"", escape(v)))
        .collect();
    format!("{{{}}}", inner.join(","))
}

fn header(out: &mut String, family: &Family) {
    let _ = writeln!(out, "# HELP {} {}", family.name, family.help);
    let _ = writeln!(out, "# TYPE {} {}", family.name, family.kind);
}

/// The state of the watch an exposition shows besides the report.
pub struct Health<'a> {
    /// Whether the last read of the source succeeded.
    pub up: bool,
    /// Counts of warnings, skipped lines and failed reads.
    pub notices: &'a Notices,
}

/// The exposition of `report` (per-GPU series only while the source is up, counters
/// always) and of `health`.
pub fn render(report: Option<&LiveReport>, health: &Health<'_>) -> String {
    let mut out = String::new();
    for (family, pick) in per_gpu() {
        let gauges_shown = health.up || family.kind == "counter";
        let samples: Vec<String> = report
            .filter(|_| gauges_shown)
            .map(|r| {
                r.gpus
                    .iter()
                    .filter_map(|g| {
                        pick(g)
                            .filter(|v| v.is_finite())
                            .map(|v| format!("{}{} {v}", family.name, labels(g)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if samples.is_empty() {
            continue;
        }
        header(&mut out, &family);
        for sample in samples {
            let _ = writeln!(out, "{sample}");
        }
    }
    header(
        &mut out,
        &gauge(
            "gpuecon_up",
            "1 while the GPU source reads, 0 while it fails (and is retried).",
        ),
    );
    let _ = writeln!(out, "gpuecon_up {}", u8::from(health.up));
    header(
        &mut out,
        &counter(
            "gpuecon_source_errors_total",
            "Failed reads of the GPU source.",
        ),
    );
    let _ = writeln!(
        out,
        "gpuecon_source_errors_total {}",
        health.notices.source_errors
    );
    header(
        &mut out,
        &counter(
            "gpuecon_skipped_lines_total",
            "Malformed input lines skipped.",
        ),
    );
    let _ = writeln!(
        out,
        "gpuecon_skipped_lines_total {}",
        health.notices.skipped_lines
    );
    header(
        &mut out,
        &counter(
            "gpuecon_warnings_total",
            "Values set aside as unknown and oddities seen, by kind.",
        ),
    );
    for kind in WarningKind::ALL {
        let count = health.notices.warnings.get(&kind).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "gpuecon_warnings_total{{kind=\"{}\"}} {count}",
            kind.as_str()
        );
    }
    out
}

/// Writes `text` to `path` atomically, as node_exporter's textfile collector needs: to a
/// temporary file beside it, then renamed over it.
///
/// # Errors
/// The file system's error, naming the path.
pub fn write_textfile(path: &Path, text: &str) -> Result<(), String> {
    let mut temporary: PathBuf = path.to_path_buf();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    temporary.set_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    std::fs::write(&temporary, text).map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(fail)
}

/// The exposition being served and how often it was asked for.
#[derive(Debug, Default)]
pub struct Served {
    /// The latest exposition ([`render`]; the scrape count is added when served).
    pub text: Mutex<String>,
    /// Scrapes served.
    pub scrapes: AtomicU64,
}

/// Serves `/metrics` from `served` on `address` in a thread of its own.
///
/// # Errors
/// When the address cannot be listened on.
pub fn listen(address: &str, served: Arc<Served>) -> Result<std::net::SocketAddr, String> {
    let listener = TcpListener::bind(address).map_err(|e| format!("--listen {address}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("--listen {address}: {e}"))?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = answer(stream, &served);
        }
    });
    Ok(bound)
}

/// Answers one request.
fn answer(stream: TcpStream, served: &Served) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?.take(8 * 1024));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header_line = String::new();
        if reader.read_line(&mut header_line)? == 0 || header_line.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let path = target.split('?').next().unwrap_or("");
    let (status, content_type, body) = match (method, path) {
        ("GET" | "HEAD", "/metrics") => {
            let scrapes = served.scrapes.fetch_add(1, Ordering::Relaxed) + 1;
            let mut text = served.text.lock().map(|t| t.clone()).unwrap_or_default();
            header(
                &mut text,
                &counter("gpuecon_scrapes_total", "Scrapes of /metrics served."),
            );
            let _ = writeln!(text, "gpuecon_scrapes_total {scrapes}");
            ("200 OK", "text/plain; version=0.0.4; charset=utf-8", text)
        }
        ("GET" | "HEAD", "/") => (
            "200 OK",
            "text/html; charset=utf-8",
            "<html><body><a href=\"/metrics\">gpuecon metrics</a></body></html>\n".to_owned(),
        ),
        ("GET" | "HEAD", _) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "not found\n".to_owned(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            "only GET\n".to_owned(),
        ),
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(body.as_bytes())?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use gpuecon_telemetry::{GpuSnapshot, Reading, Window, report};

    fn report_of(gpus: Vec<GpuSnapshot>) -> LiveReport {
        let mut window = Window::default();
        window.push_reading(&Reading::from_gpus(gpus).unwrap());
        report::build("test", &window, None).unwrap()
    }

    #[test]
    fn labels_as_dcgm_exporter_writes_them_escaped() {
        let t = chrono::Utc::now();
        let gpu = GpuSnapshot {
            index: Some(3),
            uuid: Some("GPU-a".into()),
            host: Some("node \"1\"\\x".into()),
            name: Some("H100\nSXM".into()),
            power_w: Some(631.95),
            ..GpuSnapshot::unknown(t)
        };
        let notices = Notices::default();
        let text = render(
            Some(&report_of(vec![gpu])),
            &Health {
                up: true,
                notices: &notices,
            },
        );
        assert!(
            text.contains(
                "gpuecon_power_watts{gpu=\"3\",UUID=\"GPU-a\",Hostname=\"node \\\"1\\\"\\\\x\",modelName=\"H100\\nSXM\"} 631.95\n"
            ),
            "{text}"
        );
        assert!(text.contains("# TYPE gpuecon_power_watts gauge\n"));
        // no terms: no economics series at all (absent, never 0)
        assert!(!text.contains("gpuecon_revenue_usd_per_hour"), "{text}");
        assert!(text.contains("gpuecon_up 1\n"));
        assert!(text.contains("gpuecon_warnings_total{kind=\"sentinel\"} 0\n"));
    }

    #[test]
    fn while_the_source_is_down_gauges_go_and_counters_stay() {
        let t = chrono::Utc::now();
        let gpu = |power| GpuSnapshot {
            index: Some(0),
            power_w: Some(power),
            ..GpuSnapshot::unknown(t)
        };
        let mut notices = Notices::default();
        notices.source_errors = 2;
        let report = report_of(vec![gpu(100.0)]);
        let text = render(
            Some(&report),
            &Health {
                up: false,
                notices: &notices,
            },
        );
        assert!(!text.contains("gpuecon_power_watts"), "{text}");
        assert!(text.contains("gpuecon_up 0\n"));
        assert!(text.contains("gpuecon_source_errors_total 2\n"));
    }

    #[test]
    fn the_textfile_is_replaced_whole() {
        let dir = std::env::temp_dir().join(format!("gpuecon-textfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gpuecon.prom");
        write_textfile(&path, "gpuecon_up 1\n").unwrap();
        write_textfile(&path, "gpuecon_up 0\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "gpuecon_up 0\n");
        // no temporary file is left beside it
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
