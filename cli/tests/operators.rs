//! The watch as operators run it: a flaky exporter, hostile strings from the GPUs and the
//! scenario, long values in errors.

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

fn gpuecon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpuecon"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../telemetry/tests/fixtures")
        .join(path)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("operators-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Serves `responses` (status line, body) to one connection each, in order.
fn serve(responses: Vec<(&'static str, String)>) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/metrics", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        for (status, body) in responses {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = [0_u8; 4096];
            let _ = stream.read(&mut request).unwrap();
            write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
        }
    });
    (url, server)
}

#[test]
fn a_503_from_the_exporter_does_not_end_the_watch() {
    // Before: the first failed scrape ended `watch` with an error.
    let body = std::fs::read_to_string(fixture(
        "dcgm/t4_driver460.106.00_datadog-integrations-core.prom",
    ))
    .unwrap();
    let (url, server) = serve(vec![
        ("200 OK", body.clone()),
        ("503 Service Unavailable", "busy".to_owned()),
        ("200 OK", body),
    ]);
    let output = gpuecon(&[
        "watch",
        "--from",
        &url,
        "--interval",
        "0.05",
        "--count",
        "2",
        "--format",
        "json",
    ]);
    server.join().unwrap();
    let (out, err) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{err}");
    // two reports (the readings before and after the 503), and the failure told, retried
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        err.contains("503") && err.contains("trying again in 0.1 s"),
        "{err}"
    );
}

#[test]
fn escape_sequences_from_gpus_never_reach_the_terminal() {
    // A GPU name that would clear the screen and retitle the window, a host with a bell.
    let line = r#"{"taken_at":"2026-01-01T00:00:00Z","gpus":[{"timestamp":"2026-01-01T00:00:00Z","host":"node\u0007\u009b2J","index":0,"name":"H100\u001b[2J\u001b]0;owned\u0007","power_w":-5}]}"#;
    let path = scratch("hostile-names.jsonl");
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let output = gpuecon(&["watch", "--from", path.to_str().unwrap(), "--once"]);
    let (out, err) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{err}");
    for shown in [&out, &err] {
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }
    // shown as visible escapes instead
    assert!(out.contains(r"H100\u{1b}[2J\u{1b}]0;owned\u{7}"), "{out}");
    assert!(out.contains(r"node\u{7}\u{9b}2J gpu 0"), "{out}");
    // the warning (negative power) names the GPU, escaped too
    assert!(
        err.contains(r"node\u{7}\u{9b}2J gpu 0, line 1: power -5 W is negative"),
        "{err}"
    );
}

#[test]
fn a_hostile_scenario_title_is_escaped_and_long_values_are_cut_in_errors() {
    let key = format!("\u{1b}[2J{}", "k".repeat(5_000));
    let path = scratch("hostile-key.json");
    std::fs::write(&path, serde_json::json!({ key: 1 }).to_string()).unwrap();
    let output = gpuecon(&["evaluate", path.to_str().unwrap()]);
    assert!(!output.status.success());
    let err = text(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains(r"\u{1b}[2J"), "{err}");
    // at most 200 characters of the key as shown (`\u{1b}[2J` is 9 of them), then "…"
    assert!(err.contains(&format!("[2J{}…`", "k".repeat(191))), "{err}");
    // the field path (the key again) at most 200 characters of the key too
    let longest = err.split(|c| c != 'k').map(str::len).max().unwrap();
    assert!(longest <= 200, "{longest}: {err}");
}

#[test]
fn a_scenario_title_with_escape_sequences_is_shown_escaped() {
    let mut scenario = gpuecon::presets::get("h100-node-reserved-3y")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    scenario.title = "owned\u{1b}[2J\u{1b}]0;title\u{7}".to_owned();
    let path = scratch("hostile-title.json");
    std::fs::write(&path, serde_json::to_string(&scenario).unwrap()).unwrap();
    let output = gpuecon(&["evaluate", path.to_str().unwrap()]);
    let out = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(
        out.starts_with(r"owned\u{1b}[2J\u{1b}]0;title\u{7}: "),
        "{out}"
    );
}

#[test]
fn textfile_for_node_exporter_holds_the_metrics_of_the_report() {
    let path = scratch("gpuecon.prom");
    let replay = fixture("replay/h100_idle_then_gpu-burn.jsonl");
    let output = gpuecon(&[
        "watch",
        "--from",
        replay.to_str().unwrap(),
        "--once",
        "--price",
        "2.50",
        "--power-price",
        "0.08",
        "--pue",
        "1.3",
        "--textfile",
        path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let metrics = std::fs::read_to_string(&path).unwrap();
    // 0.63195 kW × 1.3 × $0.08 = $0.0657228 an hour; $2.50 − that = $2.4342772
    assert!(metrics.contains("gpuecon_power_margin_usd_per_hour{gpu=\"0\",UUID=\"GPU-00000000-0000-0000-0000-000000000000\",modelName=\"NVIDIA H100 80GB HBM3\"} 2.4342772\n"), "{metrics}");
    // no owner terms: no owner margin
    assert!(
        !metrics.contains("gpuecon_margin_usd_per_hour"),
        "{metrics}"
    );
    assert!(metrics.contains("gpuecon_up 1\n"));
}

fn gpuecon_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gpuecon"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // written from a thread: the command may stop reading (and exit) before the end
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    let _ = writer.join();
    output
}

fn preset_json(id: &str) -> String {
    let scenario = gpuecon::presets::get(id)
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    serde_json::to_string(&scenario).unwrap()
}

#[test]
fn a_dash_reads_the_scenario_from_stdin() {
    let json = preset_json("h100-node-reserved-3y");
    let piped = gpuecon_with_stdin(&["evaluate", "-", "--format", "json"], json.as_bytes());
    let path = scratch("reserved-stdin.json");
    std::fs::write(&path, &json).unwrap();
    let from_file = gpuecon(&["evaluate", path.to_str().unwrap(), "--format", "json"]);
    assert!(piped.status.success(), "{}", text(&piped.stderr));
    assert_eq!(piped.stdout, from_file.stdout);
}

#[test]
fn inputs_over_64_mib_are_refused_before_reading() {
    // A sparse file of 65 MiB: refused from its size, without reading it.
    let big = scratch("big.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let output = gpuecon(&["evaluate", big.to_str().unwrap()]);
    let err = text(&output.stderr);
    assert!(!output.status.success());
    assert!(
        err.contains("big.json: larger than 64 MiB, not read"),
        "{err}"
    );
    // A stream has no size: it is read up to the limit and refused (before: 1 GB read).
    let output = gpuecon(&["evaluate", "/dev/zero"]);
    let err = text(&output.stderr);
    assert!(
        err.contains("/dev/zero: larger than 64 MiB, not read"),
        "{err}"
    );
    let output = gpuecon_with_stdin(&["evaluate", "-"], &vec![b' '; 64 * 1024 * 1024 + 1]);
    let err = text(&output.stderr);
    assert!(err.contains("stdin: larger than 64 MiB, not read"), "{err}");
}

#[test]
fn errors_under_format_json_are_one_object_with_code_field_and_problems() {
    let mut scenario: serde_json::Value =
        serde_json::from_str(&preset_json("h100-cluster-1024")).unwrap();
    scenario["power"]["pue"] = "0.9".into();
    let path = scratch("invalid-pue.json");
    std::fs::write(&path, scenario.to_string()).unwrap();
    let output = gpuecon(&["evaluate", path.to_str().unwrap(), "--format", "json"]);
    assert!(!output.status.success());
    let err = text(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    let error: serde_json::Value = serde_json::from_str(&err).unwrap();
    assert_eq!(error["code"], "DOMAIN");
    assert_eq!(error["field"], "power.pue");
    assert_eq!(error["problems"][0]["field"], "power.pue");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("invalid scenario")
    );
    // a usage error too
    let output = gpuecon(&["evaluate", "--format=json", "--no-such-flag"]);
    let error: serde_json::Value = serde_json::from_str(&text(&output.stderr)).unwrap();
    assert_eq!(error["code"], "USAGE");
}

#[test]
fn a_malformed_value_is_reported_with_its_path_as_the_npm_package_does() {
    let mut scenario: serde_json::Value =
        serde_json::from_str(&preset_json("h100-cluster-1024")).unwrap();
    scenario["contracts"][0]["usage_share"] = "lots".into();
    let path = scratch("malformed.json");
    std::fs::write(&path, scenario.to_string()).unwrap();
    let output = gpuecon(&["evaluate", path.to_str().unwrap(), "--format", "json"]);
    let error: serde_json::Value = serde_json::from_str(&text(&output.stderr)).unwrap();
    assert_eq!(error["code"], "INVALID_ARGUMENT");
    assert_eq!(error["field"], "contracts[0].usage_share");
    // and in a terminal, the path in the line
    let output = gpuecon(&["evaluate", path.to_str().unwrap()]);
    let err = text(&output.stderr);
    assert!(
        err.contains("malformed.json: contracts[0].usage_share: "),
        "{err}"
    );
}

#[test]
fn toml_dates_are_accepted() {
    let scenario = gpuecon::presets::get("h100-node-reserved-3y")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    let quoted = scenario.to_toml().unwrap();
    assert!(quoted.contains("start = \"2026-01-01\""), "{quoted}");
    let bare = quoted.replace("start = \"2026-01-01\"", "start = 2026-01-01");
    let (a, b) = (scratch("quoted.toml"), scratch("bare-date.toml"));
    std::fs::write(&a, quoted).unwrap();
    std::fs::write(&b, bare).unwrap();
    let quoted = gpuecon(&["evaluate", a.to_str().unwrap(), "--format", "json"]);
    let bare = gpuecon(&["evaluate", b.to_str().unwrap(), "--format", "json"]);
    assert!(bare.status.success(), "{}", text(&bare.stderr));
    assert_eq!(quoted.stdout, bare.stdout);
}

#[test]
fn evaluate_takes_a_portfolio_file_as_montecarlo_does() {
    let preset = gpuecon::presets::get("company-rollup").unwrap().unwrap();
    let path = scratch("portfolio.json");
    std::fs::write(
        &path,
        serde_json::to_string(&preset.portfolio.unwrap()).unwrap(),
    )
    .unwrap();
    let from_file = gpuecon(&["evaluate", path.to_str().unwrap(), "--format", "json"]);
    let from_preset = gpuecon(&["evaluate", "--preset", "company-rollup", "--format", "json"]);
    assert!(from_file.status.success(), "{}", text(&from_file.stderr));
    assert_eq!(from_file.stdout, from_preset.stdout);
}

#[test]
fn clap_tips_are_kept() {
    let output = gpuecon(&["evalute"]);
    let err = text(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("tip: a similar subcommand exists: 'evaluate'"),
        "{err}"
    );
}

#[test]
fn completions_generate_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let output = gpuecon(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", text(&output.stderr));
        let script = text(&output.stdout);
        for word in ["evaluate", "montecarlo", "watch", "listen", "textfile"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    // the bash script is valid bash
    let script = scratch("gpuecon.bash");
    std::fs::write(&script, gpuecon(&["completions", "bash"]).stdout).unwrap();
    if let Ok(checked) = Command::new("bash").arg("-n").arg(&script).output() {
        assert!(checked.status.success(), "{}", text(&checked.stderr));
    }
    // and the man page is roff naming the command
    let page = text(&gpuecon(&["man"]).stdout);
    assert!(page.contains(".TH gpuecon 1"), "{page}");
}

#[test]
fn fn_offers_every_finance_function_with_its_help() {
    // Excel: XIRR of -100, 10, 10, 100 on these dates with guess 0.15 is 0.01563509255648
    // (oracle xirr.test, row 1); the true root to 15 digits is 0.0156350959544 (see the
    // core's excel_oracle tolerance for XIRR).
    let output = gpuecon(&[
        "fn",
        "xirr",
        "-100,10,10,100",
        "1970-04-01,1972-02-12,1980-04-23,1983-03-30",
        "0.15",
    ]);
    let value: f64 = text(&output.stdout).trim().parse().unwrap();
    assert!((value - 0.015_635_092_556_48).abs() < 1e-8, "{value}");
    // PMT of 1,000 over 10 periods at 5 %: 1000 × 0.05 / (1 − 1.05⁻¹⁰) = 129.5045749654567
    let output = gpuecon(&["fn", "pmt", "0.05", "10", "[-1000]"]);
    assert!(!output.status.success(), "an array is not a number");
    let output = gpuecon(&["fn", "pmt", "0.05", "10", "-1000"]);
    let value: f64 = text(&output.stdout).trim().parse().unwrap();
    assert!((value - 129.504_574_965_456_7).abs() < 1e-9, "{value}");
    let help = text(&gpuecon(&["fn", "--help"]).stdout);
    for name in [
        "sln",
        "syd",
        "db",
        "ddb",
        "vdb",
        "pv",
        "fv",
        "pmt",
        "nper",
        "rate",
        "ipmt",
        "ppmt",
        "cumipmt",
        "cumprinc",
        "ispmt",
        "effect",
        "nominal",
        "fvschedule",
        "npv",
        "xnpv",
        "irr",
        "xirr",
        "mirr",
        "macrs",
        "npv_at_t0",
        "monthly_rate",
        "annual_rate",
        "irr_all",
        "macrs_schedule",
    ] {
        assert!(
            help.contains(&format!("  {name} ")),
            "fn --help lacks {name}: {help}"
        );
    }
    // A list-valued function prints a comma list: IRS Table A-1's 5-year rates of $50,000
    // (20, 32, 19.2, 11.52, 11.52, 5.76 %), and its help shows the example.
    let output = gpuecon(&["fn", "macrs_schedule", "50000", "5"]);
    assert_eq!(
        text(&output.stdout).trim(),
        "10000,16000,9600,5760,5760,2880"
    );
    let help = text(&gpuecon(&["fn", "irr_all", "--help"]).stdout);
    assert!(help.contains("Example: gpuecon fn irr_all"), "{help}");
    let xirr = text(&gpuecon(&["fn", "xirr", "--help"]).stdout);
    assert!(
        xirr.contains("Usage: gpuecon fn xirr <values> <dates> [guess]"),
        "{xirr}"
    );
}

#[test]
fn montecarlo_reports_the_lenders_view() {
    // The sub-investment-grade box defaults on most paths (evaluate: in month 18).
    let args = [
        "montecarlo",
        "--preset",
        "coreweave-box-sub-ig",
        "--paths",
        "300",
        "--seed",
        "4",
    ];
    let table = gpuecon(&args);
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    for words in [
        "lender IRR",
        "loss given default",
        "event of default",
        "lock-up",
        "probability of default",
        "expected loss (PD × mean LGD)",
    ] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
    let json = gpuecon(&[&args[..], &["--format", "json"]].concat());
    let report: gpuecon::montecarlo::MonteCarloReport =
        serde_json::from_slice(&json.stdout).unwrap();
    let credit = report.credit.unwrap();
    assert_eq!(credit.default, report.covenant_default);
    assert!(credit.default.probability > gpuecon::Decimal::ZERO);
    assert!(credit.loss_given_default.is_some());
    assert_eq!(credit.lender_irr_annual.unwrap().paths, 300);
    // The table's PD is the JSON's, as a percentage.
    let pd = credit.default.probability * gpuecon::Decimal::from(100);
    assert!(
        text.contains(&format!("probability of default {:.1} %", pd)),
        "{pd}:\n{text}"
    );
}

#[test]
fn montecarlo_shows_each_boxs_credit_for_a_portfolio() {
    let args = [
        "montecarlo",
        "--preset",
        "company-rollup",
        "--paths",
        "40",
        "--seed",
        "3",
    ];
    let table = gpuecon(&args);
    assert!(table.status.success(), "{}", text(&table.stderr));
    let shown = text(&table.stdout);
    let json = gpuecon(&[&args[..], &["--format", "json"]].concat());
    let report: gpuecon::montecarlo::MonteCarloReport =
        serde_json::from_slice(&json.stdout).unwrap();
    let boxes = report.credit.unwrap().boxes;
    assert_eq!(boxes.len(), 3);
    assert!(shown.contains("each box's lender"), "{shown}");
    for b in &boxes {
        // Each box's row: its name and its PD as the JSON's, as a percentage.
        let pd = format!(
            "{:.1} %",
            b.default_probability * gpuecon::Decimal::from(100)
        );
        let row = shown
            .lines()
            .find(|l| l.contains(&b.name[..20]))
            .unwrap_or_else(|| panic!("{} missing:\n{shown}", b.name));
        assert!(row.contains(&pd), "{pd} not in {row}");
    }
}
