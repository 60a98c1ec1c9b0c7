//! `gpuecon watch --listen` scraped by a real Prometheus (Debian's 2.42, installed by
//! `cargo xtask test exporter`, which runs this test; ignored in a plain `cargo test`,
//! which cannot count on the server being installed): the fleet margin that a PromQL
//! query returns through Prometheus's HTTP API is the one the CLI's JSON reports, and
//! `promtool check metrics` accepts the exposition.
//!
//! Prometheus runs with its own `--config.file`, a temporary `--storage.tsdb.path` and
//! `--web.listen-address=127.0.0.1:PORT`, scraping every second; never the Debian service.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use gpuecon::Decimal;
use serde_json::Value;

/// A port free now on the loopback.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `GET path` from 127.0.0.1:port: the body, or `None` when nothing answers.
fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.1 200")
        .then(|| body.to_owned())
        .or_else(|| head.starts_with("HTTP/1.0 200").then(|| body.to_owned()))
}

/// Kills the child when dropped (a failed assertion must not leave servers running).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn until<T>(what: &str, limit: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = probe() {
            return found;
        }
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
#[ignore = "needs Debian's prometheus and promtool: run by `cargo xtask test exporter`"]
fn prometheus_scrapes_the_fleet_margin_the_json_reports() {
    let replay = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../telemetry/tests/fixtures/replay/h100_idle_then_gpu-burn.jsonl");
    let exporter_port = free_port();
    let listen = format!("127.0.0.1:{exporter_port}");
    let mut watch = Running(
        Command::new(env!("CARGO_BIN_EXE_gpuecon"))
            .args(["watch", "--from", replay.to_str().unwrap(), "--speed", "0"])
            .args(["--price", "2.50", "--power-price", "0.08", "--pue", "1.3"])
            .args(["--capex", "30000", "--life", "5", "--rate", "0.10"])
            .args(["--listen", &listen, "--format", "json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // The recording has two readings: two JSON reports; the last is what stays served.
    let mut lines = BufReader::new(watch.0.stdout.take().unwrap()).lines();
    let _first = lines.next().unwrap().unwrap();
    let last: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    let margin: Decimal = last["fleet"]["now"]["owner_margin_usd_per_hour"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    // By hand: $2.50 − (0.63195 kW × 1.3 × $0.08 = $0.0657228) − $0.903416030118991 of
    // capital recovery ($30,000 over 5 years at 10 %: 7,913.924424 a year ÷ 8760).
    assert_eq!(margin.round_dp(9), "1.530861170".parse().unwrap());

    let exposition = until("the exporter", Duration::from_secs(10), || {
        get(exporter_port, "/metrics")
    });
    let promtool = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    promtool
        .stdin
        .as_ref()
        .unwrap()
        .write_all(exposition.as_bytes())
        .unwrap();
    let checked = promtool.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
    // Exit 0, or 3 (lint findings, not errors) where the only finding is the camelCase of
    // dcgm-exporter's label names (UUID, Hostname, modelName), which joins need.
    let code = checked.status.code();
    assert!(
        code == Some(0) || code == Some(3),
        "promtool: {code:?} {said}"
    );
    for finding in said.lines() {
        assert!(
            finding.ends_with("label names should be written in 'snake_case' not 'camelCase'"),
            "promtool: {finding}"
        );
    }

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("prometheus-{exporter_port}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: gpuecon\n    static_configs:\n      - targets: ['{listen}']\n"
        ),
    )
    .unwrap();
    let prometheus_port = free_port();
    let _prometheus = Running(
        Command::new("prometheus")
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{prometheus_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let query = "/api/v1/query?query=sum(gpuecon_margin_usd_per_hour)";
    let value = until("Prometheus to scrape", Duration::from_secs(60), || {
        let body: Value = serde_json::from_str(&get(prometheus_port, query)?).ok()?;
        let result = body["data"]["result"].as_array()?.first()?.clone();
        result["value"][1].as_str().map(str::to_owned)
    });
    let scraped: f64 = value.parse().unwrap();
    let expected = f64::try_from(margin).unwrap();
    assert!(
        (scraped - expected).abs() < 1e-9,
        "PromQL {scraped} vs the JSON {expected}"
    );
    // and the source was up when scraped
    let up = until("gpuecon_up", Duration::from_secs(10), || {
        let body: Value =
            serde_json::from_str(&get(prometheus_port, "/api/v1/query?query=gpuecon_up")?).ok()?;
        body["data"]["result"][0]["value"][1]
            .as_str()
            .map(str::to_owned)
    });
    assert_eq!(up, "1");
}
