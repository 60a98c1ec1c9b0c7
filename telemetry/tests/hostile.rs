//! Hostile input: sentinels, impossible values, broken rows, duplicates, time going
//! backwards, a byte order mark, and pathological sizes. Each test states the behaviour.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_precision_loss
)]

use std::fmt::Write as _;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Utc};
use gpuecon::Decimal;
use gpuecon::live::Terms;
use gpuecon_telemetry::{GpuSnapshot, Reading, WarningKind, Window, dcgm, replay, report, smi};

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn observed() -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

const SMI_HEADER: &str = "index, name, utilization.gpu [%], power.draw [W], power.limit [W]\n";

/// Parses nvidia-smi rows under [`SMI_HEADER`].
fn smi(rows: &str) -> gpuecon_telemetry::Parsed<Vec<GpuSnapshot>> {
    smi::parse_query_csv(&format!("{SMI_HEADER}{rows}"), utc(), observed())
}

#[test]
fn an_int64_blank_power_is_unknown_with_a_warning_naming_the_gpu_and_line() {
    // Before: 9223372036854775794 W was a measurement ($959 trillion an hour).
    let parsed = smi("0, H100, 50 %, 9223372036854775794 W, 700 W\n1, H100, 50 %, 300 W, 700 W\n");
    assert_eq!(parsed.value[0].power_w, None);
    assert_eq!(parsed.value[1].power_w, Some(300.0)); // the other GPU goes on
    let w = &parsed.warnings[0];
    assert_eq!(w.kind, WarningKind::Sentinel);
    assert_eq!((w.gpu.as_deref(), w.line), (Some("gpu 0"), Some(2)));
    assert!(w.message.contains("9223372036854775794"), "{w}");
    assert_eq!(parsed.warnings.len(), 1);
}

#[test]
fn the_int32_blank_is_unknown_in_every_textual_form() {
    // Before: 2147483632 % was an activity of 21,474,836.
    for form in [
        "2147483632",
        "2147483632 %",
        "2147483637",
        "2147483632.000000",
    ] {
        let parsed = smi(&format!("0, H100, {form}, 300 W, 700 W\n"));
        assert_eq!(parsed.value[0].activity_fraction, None, "{form}");
        assert_eq!(parsed.warnings[0].kind, WarningKind::Sentinel, "{form}");
    }
    // DCGM prints the same codes; all forms, including the exponent one, are blanks.
    for form in [
        "2147483632",
        "2.147483632e9",
        "9223372036854775792",
        "9.223372036854776e18",
        "140737488355328.000000",
        "1.40737488355328e+14",
    ] {
        let text = format!("DCGM_FI_DEV_POWER_USAGE{{gpu=\"0\",UUID=\"GPU-a\"}} {form}\n");
        let parsed = dcgm::parse(&text, observed());
        assert_eq!(parsed.value[0].power_w, None, "{form}");
        assert_eq!(
            parsed.warnings.len(),
            1,
            "{form}: one warning, counted once"
        );
        assert_eq!(parsed.warnings[0].kind, WarningKind::Sentinel);
        assert_eq!(parsed.warnings[0].line, Some(1));
    }
    // The integer after the INT32 codes is a value (an energy counter may read it).
    let text = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"} 2147483638\n";
    assert_eq!(
        dcgm::parse(text, observed()).value[0].energy_j,
        Some(2_147_483.638)
    );
}

#[test]
fn negative_power_and_power_above_one_and_a_half_times_the_limit_are_unknown() {
    // Before: one negative power failed the whole fleet, naming no GPU.
    let parsed = smi(
        "0, H100, 50 %, -12 W, 700 W\n1, H100, 50 %, 1051 W, 700 W\n2, H100, 50 %, 1050 W, 700 W\n3, H100, 50 %, 5001 W, [N/A]\n",
    );
    let power: Vec<_> = parsed.value.iter().map(|g| g.power_w).collect();
    // 1.5 × 700 = 1050 W is the most believed; without a limit, 5 kW
    assert_eq!(power, [None, None, Some(1050.0), None]);
    let gpus: Vec<_> = parsed
        .warnings
        .iter()
        .map(|w| (w.kind, w.gpu.clone().unwrap(), w.line.unwrap()))
        .collect();
    assert_eq!(
        gpus,
        [
            (WarningKind::Impossible, "gpu 0".to_owned(), 2),
            (WarningKind::Impossible, "gpu 1".to_owned(), 3),
            (WarningKind::Impossible, "gpu 3".to_owned(), 5),
        ]
    );
}

#[test]
fn utilization_outside_0_to_100_percent_is_unknown_not_reported_raw() {
    let parsed = smi(
        "0, H100, -50 %, 300 W, 700 W\n1, H100, 250 %, 300 W, 700 W\n2, H100, 100 %, 300 W, 700 W\n",
    );
    let activity: Vec<_> = parsed.value.iter().map(|g| g.activity_fraction).collect();
    assert_eq!(activity, [None, None, Some(1.0)]);
    assert_eq!(parsed.warnings.len(), 2);
    assert!(
        parsed
            .warnings
            .iter()
            .all(|w| w.kind == WarningKind::Impossible)
    );
    // DCGM's ratios: 1.0000001 is rounding (clamped to 1), 1.5 is impossible
    let text =
        "DCGM_FI_PROF_SM_ACTIVE{gpu=\"0\"} 1.0000001\nDCGM_FI_PROF_SM_ACTIVE{gpu=\"1\"} 1.5\n";
    let gpus = dcgm::parse(text, observed()).value;
    assert_eq!(
        (gpus[0].sm_active_fraction, gpus[1].sm_active_fraction),
        (Some(1.0), None)
    );
}

#[test]
fn an_unreadable_value_marks_only_that_gpu_value_unknown_and_names_gpu_and_line() {
    let parsed = smi("0, H100, 50 %, lots W, 700 W\n1, H100, 60 %, 300 W, 700 W\n");
    assert_eq!(parsed.value.len(), 2);
    assert_eq!(
        (parsed.value[0].power_w, parsed.value[0].activity_fraction),
        (None, Some(0.5))
    );
    assert_eq!(parsed.value[1].power_w, Some(300.0));
    let w = &parsed.warnings[0];
    assert_eq!(w.kind, WarningKind::Unreadable);
    assert_eq!(
        w.to_string(),
        "gpu 0, line 2: power.draw: \"lots W\" is not a number (unknown)"
    );
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000 + seconds, 0).unwrap()
}

fn gpu(seconds: i64, power: f64, energy: f64) -> GpuSnapshot {
    GpuSnapshot {
        index: Some(0),
        power_w: Some(power),
        power_limit_w: Some(700.0),
        energy_j: Some(energy),
        ..GpuSnapshot::unknown(at(seconds))
    }
}

#[test]
fn an_energy_counter_jump_beyond_the_power_limit_is_not_energy() {
    // Before: a jump of the counter read as 1e14 W.
    let mut window = Window::default();
    window.push(&gpu(0, 300.0, 1_000.0));
    // 10 s at most 1.5 × 700 W: 10,500 J; the counter says 1e15 J: the trapezoid instead
    window.push(&gpu(10, 500.0, 1e15));
    // then 10 s more: the counter rises 5,000 J from its (impossible) last value: counted
    window.push(&gpu(20, 500.0, 1e15 + 5_000.0));
    let w = &window.summaries()[0];
    // (300 + 500)/2 × 10 = 4,000 J by the trapezoid, + 5,000 J by the counter
    assert_eq!(w.energy_j, Some(9_000.0));
    let warnings = window.take_warnings();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].kind, WarningKind::Impossible);
    assert_eq!(warnings[0].gpu.as_deref(), Some("gpu 0"));
    assert!(window.take_warnings().is_empty(), "taken once");
}

#[test]
fn timestamps_going_backwards_and_duplicates_are_warned_about_and_not_counted() {
    let mut window = Window::default();
    window.push(&gpu(0, 100.0, 0.0));
    window.push(&gpu(10, 100.0, 1_000.0));
    window.push(&gpu(5, 100.0, 1_000.0)); // backwards
    window.push(&gpu(10, 900.0, 1_000.0)); // a second snapshot at 10 s
    window.push(&gpu(20, 100.0, 2_000.0));
    let w = &window.summaries()[0];
    assert_eq!(
        (w.snapshots, w.seconds, w.energy_j),
        (3, 20.0, Some(2_000.0))
    );
    let kinds: Vec<_> = window.take_warnings().iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::Backwards, WarningKind::Duplicate]);
}

#[test]
fn a_duplicate_dcgm_series_is_warned_about_and_the_first_kept() {
    let text = "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-a\"} 300\n\
                DCGM_FI_DEV_POWER_USAGE{gpu=\"1\",UUID=\"GPU-b\"} 200\n\
                DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-a\"} 400\n";
    let parsed = dcgm::parse(text, observed());
    assert_eq!(parsed.value[0].power_w, Some(300.0));
    let w = &parsed.warnings[0];
    assert_eq!(
        (w.kind, w.gpu.as_deref(), w.line),
        (WarningKind::Duplicate, Some("gpu 0"), Some(3))
    );
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_by_every_parser() {
    let bom = "\u{feff}";
    let smi = smi::parse_query_csv(
        &format!("{bom}{SMI_HEADER}0, H100, 50 %, 300 W, 700 W\n"),
        utc(),
        observed(),
    );
    assert!(smi.problems.is_empty(), "{:?}", smi.problems);
    assert_eq!(smi.value[0].power_w, Some(300.0));
    let dcgm = dcgm::parse(
        &format!("{bom}DCGM_FI_DEV_POWER_USAGE{{gpu=\"0\"}} 300\n"),
        observed(),
    );
    assert!(dcgm.problems.is_empty(), "{:?}", dcgm.problems);
    assert_eq!(dcgm.value[0].power_w, Some(300.0));
    let line = r#"{"taken_at":"2026-01-01T00:00:00Z","gpus":[{"timestamp":"2026-01-01T00:00:00Z","power_w":300}]}"#;
    let replayed = replay::parse(&format!("{bom}{line}\n"));
    assert!(replayed.problems.is_empty(), "{:?}", replayed.problems);
    assert_eq!(replayed.value[0].gpus[0].power_w, Some(300.0));
}

#[test]
fn a_replayed_impossible_value_is_screened_and_the_fleet_economics_go_on() {
    // Before: the negative power of gpu 1 failed the report of the whole fleet.
    let text = "\
{\"taken_at\":\"2026-01-01T00:00:00Z\",\"gpus\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"index\":0,\"power_w\":500,\"activity_fraction\":1},{\"timestamp\":\"2026-01-01T00:00:00Z\",\"index\":1,\"power_w\":-50,\"activity_fraction\":1}]}
";
    let parsed = replay::parse(text);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(
        parsed.warnings[0].to_string(),
        "gpu 1, line 1: power -50 W is negative (unknown)"
    );
    let mut window = Window::default();
    window.push_reading(&parsed.value[0]);
    let terms = Terms::new(
        Decimal::new(250, 2),
        Decimal::new(8, 2),
        Decimal::new(13, 1),
    );
    let report = report::build("test", &window, Some(&terms)).unwrap();
    // gpu 0: 0.5 kW × 1.3 × $0.08 = $0.052 an hour; gpu 1's power cost unknown
    let now = |i: usize| report.gpus[i].now.as_ref().unwrap();
    assert_eq!(now(0).power_cost_usd_per_hour, Some(Decimal::new(52, 3)));
    assert_eq!(now(1).power_cost_usd_per_hour, None);
    assert_eq!(now(1).revenue_usd_per_hour, Some(Decimal::new(250, 2)));
    // the fleet's power cost is unknown while one GPU's is (never a partial sum)
    assert_eq!(
        report.fleet.now.as_ref().unwrap().power_cost_usd_per_hour,
        None
    );
}

// ---- pathological sizes: the growth from n to 4n is linear, not quadratic ----

fn smi_rows(n: usize) -> String {
    let mut text =
        String::from("timestamp, index, name, uuid, utilization.gpu [%], power.draw [W]\n");
    for i in 0..n {
        writeln!(
            text,
            "2026/07/14 08:12:38.696, {i}, NVIDIA H100 80GB HBM3, GPU-{i}, 50 %, 300.5 W"
        )
        .unwrap();
    }
    text
}

fn dcgm_labels(n: usize) -> String {
    let mut text = String::from("DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-0\"");
    for i in 0..n {
        write!(text, ",l{i}=\"v{i}\"").unwrap();
    }
    text.push_str("} 300\n");
    text
}

fn dcgm_gpus(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        writeln!(
            text,
            "DCGM_FI_DEV_POWER_USAGE{{gpu=\"{i}\",UUID=\"GPU-{i}\",Hostname=\"h\"}} 300"
        )
        .unwrap();
    }
    text
}

/// The least of three timings of `run` on `input`, in seconds.
fn fastest(input: &str, run: &dyn Fn(&str)) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run(input);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Asserts that 4× the input takes less than 10× the time: linear is 4×, quadratic 16×
/// (the margin absorbs a shared machine's noise; the times themselves are not asserted).
fn assert_linear(what: &str, make: fn(usize) -> String, n: usize, run: &dyn Fn(&str)) {
    let (small, large) = (make(n), make(4 * n));
    run(&small); // warm up
    let (t1, t4) = (fastest(&small, run), fastest(&large, run));
    let ratio = t4 / t1.max(1e-6);
    assert!(
        ratio < 10.0,
        "{what}: {n} took {t1:.4} s, {} took {t4:.4} s ({ratio:.1}x)",
        4 * n
    );
}

#[test]
fn nvidia_smi_rows_of_distinct_gpus_parse_and_group_in_linear_time() {
    // Before: Reading::group compared each row with every row of its reading (60,000 rows:
    // 94 s in release on the shared build machine).
    assert_linear("nvidia-smi rows", smi_rows, 2_500, &|text| {
        let parsed = smi::parse_query_csv(text, utc(), observed());
        let readings = Reading::group(parsed.value);
        assert_eq!(readings.len(), 1);
    });
}

#[test]
fn a_dcgm_line_with_many_labels_parses_in_linear_time() {
    // Before: each label was checked against every earlier one (160,000 labels: 69 s).
    assert_linear("DCGM labels", dcgm_labels, 10_000, &|text| {
        assert_eq!(dcgm::parse(text, observed()).value.len(), 1);
    });
}

#[test]
fn many_dcgm_gpus_parse_and_aggregate_in_linear_time() {
    assert_linear("DCGM GPUs", dcgm_gpus, 2_500, &|text| {
        let parsed = dcgm::parse(text, observed());
        let mut window = Window::default();
        for gpu in &parsed.value {
            window.push(gpu);
        }
        assert_eq!(window.summaries().len(), parsed.value.len());
    });
}
