//! The built `gpuecon` binary, run as a user runs it. Expected numbers are worked out by
//! hand in the comments.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gpuecon::Decimal;
use serde_json::Value;

fn gpuecon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpuecon"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Fails unless the command failed with exactly one line on stderr; returns it.
fn one_error_line(output: &Output) -> String {
    assert!(!output.status.success(), "expected a failure: {output:?}");
    let text = stderr(output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr, got: {text}");
    assert!(lines[0].starts_with("gpuecon: error: "), "{text}");
    lines[0].to_owned()
}

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../telemetry/tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

const REPLAY: &str = "replay/h100_idle_then_gpu-burn.jsonl";
const H100_LOG: &str = "nvidia-smi/h100-80gb-hbm3_590.48.01_query-gpu_all-fields.csv.txt";

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn d(value: &Value) -> Decimal {
    value.as_str().expect("a decimal string").parse().unwrap()
}

fn json_line(output: &Output) -> Value {
    assert!(output.status.success(), "{}", stderr(output));
    let text = stdout(output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line: {text}");
    serde_json::from_str(lines[0]).unwrap()
}

#[test]
fn presets_lists_every_preset() {
    let output = gpuecon(&["presets"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for (id, _) in gpuecon::presets::files() {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
    let json: Value =
        serde_json::from_str(&stdout(&gpuecon(&["presets", "--format", "json"]))).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = gpuecon::presets::files().map(|(id, _)| id).collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_portfolio_preset_evaluates_as_a_company() {
    let table = gpuecon(&["evaluate", "--preset", "company-rollup"]);
    assert!(table.status.success(), "{}", stderr(&table));
    let text = stdout(&table);
    assert!(
        text.contains("largest customer") && text.contains("Microsoft"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&stdout(&gpuecon(&[
        "evaluate",
        "--preset",
        "company-rollup",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["concentration"]["largest_customer"], "Microsoft");
    assert_eq!(json["boxes"].as_array().unwrap().len(), 3);
    let csv = gpuecon(&["evaluate", "--preset", "company-rollup", "--format", "csv"]);
    assert!(!csv.status.success());
}

#[test]
fn evaluate_a_preset_as_table_json_and_csv() {
    // 8 GPUs × 730 h = 5,840 h × 60 % = 3,504 h × $2.99 = $10,476.96 of on-demand revenue
    // in month 1
    let table = gpuecon(&["evaluate", "--preset", "h100-node-on-demand"]);
    assert!(table.status.success(), "{}", stderr(&table));
    let text = stdout(&table);
    assert!(text.contains("$10,476.96"), "{text}");
    assert!(
        text.contains("capex") && text.contains("$400,000.00"),
        "{text}"
    );
    // one row a month: "│ 48 ┆ 2030-01-01 ┆ …" the last
    let rows = text.lines().filter(|l| {
        l.strip_prefix('│')
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    });
    assert_eq!(rows.count(), 48);
    assert!(text.contains("2030-01-01"), "{text}");

    let json = gpuecon(&[
        "evaluate",
        "--preset",
        "h100-node-on-demand",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(report["months"].as_array().unwrap().len(), 48);
    assert_eq!(
        d(&report["months"][0]["revenue"]["on_demand_usd"]),
        "10476.96".parse().unwrap()
    );

    let csv = gpuecon(&[
        "evaluate",
        "--preset",
        "h100-node-on-demand",
        "--format",
        "csv",
    ]);
    let text = stdout(&csv);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[..2], ["month", "date"]);
    let column = header
        .iter()
        .position(|h| *h == "revenue_on_demand_usd")
        .unwrap();
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first[0], "1");
    assert_eq!(
        first[column].parse::<Decimal>().unwrap(),
        "10476.96".parse().unwrap()
    );
    assert_eq!(text.lines().count(), 1 + 48);
}

#[test]
fn evaluate_json_and_toml_files_alike() {
    let scenario = gpuecon::presets::get("h100-node-reserved-3y")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    let json_path = scratch("reserved.json");
    let toml_path = scratch("reserved.toml");
    std::fs::write(&json_path, serde_json::to_string(&scenario).unwrap()).unwrap();
    std::fs::write(&toml_path, scenario.to_toml().unwrap()).unwrap();
    let from_json = gpuecon(&["evaluate", json_path.to_str().unwrap(), "--format", "json"]);
    let from_toml = gpuecon(&["evaluate", toml_path.to_str().unwrap(), "--format", "json"]);
    assert!(from_json.status.success() && from_toml.status.success());
    assert_eq!(stdout(&from_json), stdout(&from_toml));
}

#[test]
fn bad_scenario_files_fail_with_one_line() {
    let missing = one_error_line(&gpuecon(&["evaluate", "no/such/file.json"]));
    assert!(missing.contains("no/such/file.json"), "{missing}");

    let garbage = scratch("garbage.json");
    std::fs::write(&garbage, "{ \"horizon_months\": ").unwrap();
    let line = one_error_line(&gpuecon(&["evaluate", garbage.to_str().unwrap()]));
    // the path of the value the file breaks off at
    assert!(line.contains("garbage.json: horizon_months: EOF"), "{line}");

    let mut scenario = gpuecon::presets::get("h100-cluster-1024")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    scenario.power.pue = "0.9".parse().unwrap();
    scenario.contracts[0].usage_share = Decimal::TWO;
    let invalid = scratch("invalid.json");
    std::fs::write(&invalid, serde_json::to_string(&scenario).unwrap()).unwrap();
    let line = one_error_line(&gpuecon(&["evaluate", invalid.to_str().unwrap()]));
    // every problem, each with its path
    assert!(line.contains("invalid scenario (2 problems)"), "{line}");
    assert!(
        line.contains("power.pue: ") && line.contains("contracts[0].usage_share: "),
        "{line}"
    );

    let yaml = scratch("scenario.yaml");
    std::fs::write(&yaml, "start: 2026-01-01").unwrap();
    let line = one_error_line(&gpuecon(&["evaluate", yaml.to_str().unwrap()]));
    assert!(line.contains(".json or .toml"), "{line}");

    let line = one_error_line(&gpuecon(&["evaluate", "--preset", "h200-moon-base"]));
    assert!(
        line.contains("no preset \"h200-moon-base\"") && line.contains("h100-cluster-1024"),
        "{line}"
    );
}

#[test]
fn usage_errors_are_one_line_too() {
    let output = gpuecon(&[
        "evaluate",
        "--preset",
        "h100-cluster-1024",
        "--format",
        "xml",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("xml"), "{text}");
    let line = one_error_line(&gpuecon(&[
        "watch",
        "--from",
        &fixture(REPLAY),
        "--price",
        "2",
    ]));
    assert!(line.contains("--power-price"), "{line}");
}

#[test]
fn fn_sln_still_works() {
    let output = gpuecon(&["fn", "sln", "30000", "7500", "10"]);
    assert_eq!(stdout(&output).trim(), "2250");
    let line = one_error_line(&gpuecon(&["fn", "sln", "1", "0", "0"]));
    assert!(line.contains("life"), "{line}");
}

#[test]
fn a_replayed_session_gives_the_economics_by_hand() {
    // The H100 capture: idle (69.85 W, 0 %) at 08:12:38.696, then gpu-burn (631.95 W,
    // 100 %) at 08:12:53.353; $2.50 a GPU-hour, $0.08/kWh, PUE 1.3.
    let output = gpuecon(&[
        "watch",
        "--source",
        "replay",
        "--from",
        &fixture(REPLAY),
        "--once",
        "--format",
        "json",
        "--price",
        "2.50",
        "--power-price",
        "0.08",
        "--pue",
        "1.3",
    ]);
    let report = json_line(&output);
    let gpu = &report["gpus"][0];
    assert_eq!(gpu["snapshot"]["power_w"], 631.95);
    // now: 631.95 W = 0.63195 kW × 1.3 × $0.08 = $0.0657228 an hour; margin 2.50 − that
    let now = &gpu["now"];
    assert_eq!(d(&now["power_kw"]), "0.63195".parse().unwrap());
    assert_eq!(d(&now["revenue_usd_per_hour"]), "2.50".parse().unwrap());
    assert_eq!(
        d(&now["power_cost_usd_per_hour"]),
        "0.0657228".parse().unwrap()
    );
    assert_eq!(d(&now["margin_usd_per_hour"]), "2.4342772".parse().unwrap());
    // 100 % active: the power cost per active hour is the power cost per hour
    assert_eq!(
        d(&now["power_cost_usd_per_active_gpu_hour"]),
        "0.0657228".parse().unwrap()
    );
    assert!(now["power_cost_usd_per_effective_gpu_hour"].is_null()); // no SM activity from smi
    // the window: 14.657 s; trapezoid (69.85 + 631.95)/2 = 350.9 W → 5,143.1413 J
    let window = &gpu["window"];
    assert_eq!(window["seconds"], 14.657);
    assert!((window["energy_j"].as_f64().unwrap() - 5_143.141_3).abs() < 1e-9);
    assert_eq!(window["idle_hours"], 0.0); // utilization of the later reading: 100 %
    // over the window: 0.3509 kW × 1.3 × 0.08 = $0.0364936 an hour; × 14.657/3600 h
    let over = &gpu["over_window"];
    assert_eq!(
        d(&over["hourly"]["power_cost_usd_per_hour"]),
        "0.0364936".parse().unwrap()
    );
    // revenue 2.50 × 14.657 / 3600 = 0.0101784722…; power 0.0364936 × 14.657 / 3600
    // = 0.0001485796…; kept to 12 places
    assert_eq!(d(&over["revenue_usd"]), "0.010178472222".parse().unwrap());
    assert_eq!(
        d(&over["power_cost_usd"]),
        "0.000148579638".parse().unwrap()
    );
    assert_eq!(d(&over["margin_usd"]), "0.010029892584".parse().unwrap());
    // one GPU: the fleet is the GPU
    assert_eq!(
        report["fleet"]["now"]["margin_usd_per_hour"],
        now["margin_usd_per_hour"]
    );
    assert_eq!(
        report["fleet"]["over_window"]["margin_usd"],
        over["margin_usd"]
    );
}

#[test]
fn a_contract_from_a_scenario_file() {
    // h100-cluster-1024's contract: $2.35 a GPU-hour, usage share 0.90; $0.08/kWh, PUE 1.3,
    // $50,000 of capex per GPU. --power-price overrides the scenario's $0.08 with $0.10.
    let scenario = gpuecon::presets::get("h100-cluster-1024")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    let path = scratch("cluster.json");
    std::fs::write(&path, serde_json::to_string(&scenario).unwrap()).unwrap();
    let replay = fixture(REPLAY);
    let run = |extra: &[&str]| {
        let mut args = vec!["watch", "--from", &replay, "--once", "--format", "json"];
        args.extend(["--contract", path.to_str().unwrap()]);
        args.extend(extra);
        json_line(&gpuecon(&args))
    };
    let report = run(&[]);
    assert_eq!(report["terms"]["billing"], "reserved");
    let now = &report["gpus"][0]["now"];
    assert_eq!(d(&now["revenue_usd_per_hour"]), "2.35".parse().unwrap());
    // 0.63195 × 1.3 × 0.08 = 0.0657228; 2.35 − 0.0657228 = 2.2842772
    assert_eq!(d(&now["margin_usd_per_hour"]), "2.2842772".parse().unwrap());
    // activity 1 against 0.90 assumed: 1.111…
    let versus = d(&now["activity_vs_assumed"]);
    assert_eq!(versus.round_dp(6), "1.111111".parse().unwrap());
    // yield on cost: 2.35 × 8760 / 50,000 = 0.41172
    assert_eq!(
        d(&now["annualized_yield_on_cost"]),
        "0.41172".parse().unwrap()
    );

    let cheaper = run(&["--power-price", "0.10"]);
    // 0.63195 × 1.3 × 0.10 = 0.0821535
    let cost = d(&cheaper["gpus"][0]["now"]["power_cost_usd_per_hour"]);
    assert_eq!(cost, "0.0821535".parse().unwrap());
}

#[test]
fn a_dcgm_scrape_of_eight_gpus() {
    // 8 × H100 on one node: Σ POWER_USAGE = 113.611 + 68.347 + 65.709 + 67.316 + 68.717
    // + 65.742 + 67.328 + 66.997 = 583.767 W → 0.583767 kW × 1.3 × 0.08 = $0.060711768 an
    // hour; revenue 8 × $2.50 = $20
    let output = gpuecon(&[
        "watch",
        "--from",
        &fixture("dcgm/h100x8_driver580.105.08_nvidia-aicr_ff9c66d6.prom"),
        "--once",
        "--format",
        "json",
        "--price",
        "2.50",
        "--power-price",
        "0.08",
        "--pue",
        "1.3",
    ]);
    let report = json_line(&output);
    assert_eq!(report["gpus"].as_array().unwrap().len(), 8);
    assert_eq!(report["gpus"][7]["label"], "gpu-node-1 gpu 7");
    let fleet = &report["fleet"]["now"];
    assert_eq!(fleet["gpus"], 8);
    assert_eq!(d(&fleet["revenue_usd_per_hour"]), Decimal::from(20));
    assert_eq!(
        d(&fleet["power_cost_usd_per_hour"]),
        "0.060711768".parse().unwrap()
    );
    // every GPU idle: no cost per active hour
    assert!(fleet["per_gpu"]["power_cost_usd_per_active_gpu_hour"].is_null());
    // a single scrape: no window yet
    assert!(report["fleet"]["over_window"].is_null());
}

#[test]
fn an_nvidia_smi_log_with_a_malformed_line() {
    let text = std::fs::read_to_string(fixture(H100_LOG)).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(5, "2026/07/14 08:12:40.000, 590.48.01, truncated");
    let path = scratch("h100-with-a-bad-line.csv");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let output = gpuecon(&[
        "watch",
        "--from",
        path.to_str().unwrap(),
        "--utc-offset",
        "+00:00",
        "--once",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // reported with its line number and skipped; the rest is read
    let errors = stderr(&output);
    assert!(
        errors.contains("line 6: expected 212 fields, found 3 (skipped)"),
        "{errors}"
    );
    let table = stdout(&output);
    assert!(
        table.contains("NVIDIA H100 80GB HBM3") && table.contains("631.95"),
        "{table}"
    );
    assert!(
        table.contains("350.9"),
        "the mean power over the window:\n{table}"
    );
}

#[test]
fn the_replay_table_shows_the_margin() {
    let output = gpuecon(&[
        "watch",
        "--from",
        &fixture(REPLAY),
        "--once",
        "--price",
        "2.50",
        "--power-price",
        "0.08",
        "--pue",
        "1.3",
    ]);
    let text = stdout(&output);
    // $2.4342772 an hour, to 4 places
    assert!(text.contains("$2.4343"), "{text}");
    assert!(text.contains("over the window"), "{text}");
}

#[test]
fn record_writes_the_replay_fixture_again() {
    let path = scratch("recorded.jsonl");
    let output = gpuecon(&[
        "record",
        "--source",
        "smi",
        "--from",
        &fixture(H100_LOG),
        "--utc-offset",
        "+00:00",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(fixture(REPLAY)).unwrap()
    );
}

#[test]
fn replay_at_real_speed_waits_accelerated_does_not() {
    // 14.657 s apart: at 100x, 0.15 s
    let start = std::time::Instant::now();
    let output = gpuecon(&[
        "watch",
        "--from",
        &fixture(REPLAY),
        "--speed",
        "100",
        "--format",
        "json",
    ]);
    let elapsed = start.elapsed().as_secs_f64();
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 2); // a report per reading
    assert!(elapsed > 0.14, "{elapsed}");
}

#[test]
fn dcgm_over_http() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let body = std::fs::read_to_string(fixture(
        "dcgm/t4_driver460.106.00_datadog-integrations-core.prom",
    ))
    .unwrap();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0_u8; 4096];
        let n = stream.read(&mut request).unwrap();
        let head = String::from_utf8_lossy(&request[..n]).to_string();
        write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        head
    });
    let url = format!("http://127.0.0.1:{port}/metrics");
    let output = gpuecon(&["watch", "--from", &url, "--once", "--format", "json"]);
    let request = server.join().unwrap();
    assert!(request.starts_with("GET /metrics HTTP/1.1"), "{request}");
    let report = json_line(&output);
    // the T4: POWER_USAGE 8.969000 W, TOTAL_ENERGY_CONSUMPTION 128996013 mJ
    assert_eq!(report["gpus"][0]["snapshot"]["power_w"], 8.969);
    assert_eq!(report["gpus"][0]["snapshot"]["energy_j"], 128_996.013);
    assert_eq!(report["gpus"][0]["label"], "424773df46e0 gpu 0");
    assert!(stderr(&output).contains(&format!("DCGM exporter {url}")));
}

#[test]
fn without_a_gpu_the_error_says_what_was_tried() {
    let output = gpuecon(&["watch", "--once", "--format", "table"]);
    if output.status.success() {
        return; // a machine with a GPU: watch found it
    }
    let line = one_error_line(&output);
    assert!(line.contains("no GPU found on this machine"), "{line}");
    assert!(
        line.contains("NVML is not available") && line.contains("nvidia-smi"),
        "{line}"
    );
    let nvml = gpuecon(&["watch", "--source", "nvml", "--once"]);
    if !nvml.status.success() {
        let line = one_error_line(&nvml);
        assert!(line.contains("NVML is not available: "), "{line}");
    }
}

#[test]
fn unreadable_sources_fail_with_one_line() {
    let line = one_error_line(&gpuecon(&[
        "watch",
        "--source",
        "replay",
        "--from",
        "no/such.jsonl",
        "--once",
    ]));
    assert!(line.contains("no/such.jsonl"), "{line}");
    let empty = scratch("empty.jsonl");
    std::fs::write(&empty, "not json\n").unwrap();
    let line = one_error_line(&gpuecon(&[
        "watch",
        "--from",
        empty.to_str().unwrap(),
        "--once",
    ]));
    assert!(
        line.contains("no reading") && line.contains("line 1"),
        "{line}"
    );
    let line = one_error_line(&gpuecon(&["watch", "--source", "dcgm", "--once"]));
    assert!(line.contains("--from"), "{line}");
    let line = one_error_line(&gpuecon(&[
        "watch",
        "--from",
        "https://node:9400/metrics",
        "--once",
    ]));
    assert!(line.contains("only http://"), "{line}");
    let line = one_error_line(&gpuecon(&[
        "watch",
        "--from",
        &fixture(REPLAY),
        "--once",
        "--price",
        "2",
        "--power-price",
        "0.1",
        "--pue",
        "0.8",
    ]));
    assert!(line.contains("pue: must be at least 1"), "{line}");
}

#[test]
fn explain_prints_a_glossary_entry() {
    let out = gpuecon(&["explain", "equity.irr_annual"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with("report.financing.summary.equity.irr_annual\n"),
        "{text}"
    );
    assert!(text.contains("unit: fraction a year"), "{text}");
    // Two fields end in irr_annual: the error names both.
    let line = one_error_line(&gpuecon(&["explain", "irr_annual"]));
    assert!(line.contains("report.summary.metrics.irr_annual"), "{line}");
    let line = one_error_line(&gpuecon(&["explain", "no_such_field"]));
    assert!(line.contains("no glossary entry"), "{line}");
}

#[test]
fn explain_finds_the_calculator_panels_entries() {
    // A model panel's input, by its full key and with a row's index (written `[]`).
    let out = gpuecon(&["explain", "lease_schedule.inputs.usd_per_kw_month"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with("lease_schedule.inputs.usd_per_kw_month\n"),
        "{text}"
    );
    assert!(text.contains("unit: USD per kW-month"), "{text}");
    let text = stdout(&gpuecon(&[
        "explain",
        "cascade.inputs.stages[2].utilization",
    ]));
    assert!(
        text.starts_with("cascade.inputs.stages[].utilization\n"),
        "{text}"
    );
    // A Monte Carlo option, by the end of its key (no other key ends so).
    let text = stdout(&gpuecon(&[
        "explain",
        "stochastic.sofr.volatility_per_month",
    ]));
    assert!(
        text.starts_with("montecarlo.inputs.options.stochastic.sofr.volatility_per_month\n"),
        "{text}"
    );
    // A block's result beside a panel's model: the GPU catalog's column.
    let text = stdout(&gpuecon(&["explain", "gpus.result[].tdp_watts"]));
    assert!(text.contains("unit: watts"), "{text}");
}

#[test]
fn evaluate_prints_warnings_on_stderr_and_in_json() {
    // A 1-month lease in a 2-month horizon: month 2 carries no rent ($1,000 left out).
    let path = scratch("short-lease.json");
    let mut scenario: Value =
        serde_json::from_str(include_str!("../../core/tests/data/tiny.json")).unwrap();
    scenario["facility"]["usd_per_kw_month"] = 0.into();
    scenario["lease"] =
        serde_json::json!({ "contracted_kw": 10, "usd_per_kw_month": 100, "term_months": 1 });
    std::fs::write(&path, scenario.to_string()).unwrap();
    let path = path.to_str().unwrap();
    let table = gpuecon(&["evaluate", path]);
    assert!(table.status.success(), "{table:?}");
    assert!(
        stderr(&table)
            .contains("gpuecon: warning: LEASE_SHORTER_THAN_HORIZON at lease.term_months"),
        "{}",
        stderr(&table)
    );
    let json = gpuecon(&["evaluate", path, "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(report["warnings"][0]["code"], "LEASE_SHORTER_THAN_HORIZON");
    // An audited preset evaluates without a warning.
    let clean = gpuecon(&["evaluate", "--preset", "h100-cluster-1024"]);
    assert!(clean.status.success());
    assert_eq!(stderr(&clean), "");
}
