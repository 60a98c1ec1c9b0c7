//! Arbitrary text through the telemetry parsers (nvidia-smi CSV, DCGM's Prometheus text,
//! the replay format) and on into a window and a report with terms: any input must come
//! back as snapshots, skipped lines and warnings, never a panic, an abort or a hang.
#![no_main]

use chrono::{FixedOffset, TimeZone, Utc};
use gpuecon::Decimal;
use gpuecon::live::{OwnerTerms, Terms};
use gpuecon_telemetry::{Reading, Window, dcgm, replay, report, smi};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Some(now), Some(zone)) = (
        Utc.timestamp_opt(1_780_000_000, 0).single(),
        FixedOffset::east_opt(0),
    ) else {
        return;
    };
    let mut terms = Terms::new(Decimal::new(250, 2), Decimal::new(8, 2), Decimal::new(13, 1));
    terms.owner = Some(OwnerTerms::capital_only(
        Decimal::from(30_000),
        Decimal::from(5),
        Decimal::new(10, 2),
    ));
    let mut window = Window::default();
    for reading in Reading::group(smi::parse_query_csv(text, zone, now).value) {
        window.push_reading(&reading);
    }
    for gpu in &dcgm::parse(text, now).value {
        window.push(gpu);
    }
    for reading in &replay::parse(text).value {
        window.push_reading(reading);
    }
    let _ = window.take_warnings();
    let _ = report::build("fuzz", &window, Some(&terms));
});
