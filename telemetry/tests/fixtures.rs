//! The recorded fixtures (tests/fixtures, copies of ../shared/fixtures/telemetry) parse to
//! the values a person reads in them. Each check says where in the file the value is.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use gpuecon_telemetry::{GpuSnapshot, Reading, dcgm, prom, smi};

fn fixture(path: &str) -> String {
    std::fs::read_to_string(dir().join(path)).unwrap()
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn observed() -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

fn smi_rows(path: &str) -> Vec<GpuSnapshot> {
    let parsed = smi::parse_query_csv(&fixture(path), utc(), observed());
    assert!(parsed.problems.is_empty(), "{path}: {:?}", parsed.problems);
    parsed.value
}

#[test]
fn h100_all_fields_idle_then_gpu_burn() {
    // Two sections (idle, load), each "# …" banner + "# $ nvidia-smi …" + header + one row
    // of 212 fields; the header has units ("power.draw [W]").
    let rows = smi_rows("nvidia-smi/h100-80gb-hbm3_590.48.01_query-gpu_all-fields.csv.txt");
    assert_eq!(rows.len(), 2);
    let (idle, load) = (&rows[0], &rows[1]);
    // first field of the idle row: "2026/07/14 08:12:38.696" (read as UTC here)
    assert_eq!(idle.timestamp.to_rfc3339(), "2026-07-14T08:12:38.696+00:00");
    // "index" = 0, "name" = NVIDIA H100 80GB HBM3, "uuid" masked to zeros
    assert_eq!(idle.index, Some(0));
    assert_eq!(idle.name.as_deref(), Some("NVIDIA H100 80GB HBM3"));
    assert_eq!(
        idle.uuid.as_deref(),
        Some("GPU-00000000-0000-0000-0000-000000000000")
    );
    // "utilization.gpu [%]" 0 %, "power.draw [W]" 69.85 W, "power.limit [W]" 700.00 W,
    // "memory.used [MiB]" 0 MiB of "memory.total [MiB]" 81559 MiB, "temperature.gpu" 41
    assert_eq!(idle.activity_fraction, Some(0.0));
    assert_eq!(idle.power_w, Some(69.85));
    assert_eq!(idle.power_limit_w, Some(700.0));
    assert_eq!(idle.memory_used_mib, Some(0.0));
    assert_eq!(idle.memory_total_mib, Some(81_559.0));
    assert_eq!(idle.temperature_c, Some(41.0));
    // "hostname" is [N/A]: unknown, and nvidia-smi has no energy counter or SM activity
    assert_eq!(idle.host, None);
    assert_eq!((idle.energy_j, idle.sm_active_fraction), (None, None));
    // load row: 100 %, 11 %, 631.95 W, 19818 MiB, 59 C, at 08:12:53.353
    assert_eq!(load.activity_fraction, Some(1.0));
    assert_eq!(load.memory_activity_fraction, Some(0.11));
    assert_eq!(load.power_w, Some(631.95));
    assert_eq!(load.memory_used_mib, Some(19_818.0));
    assert_eq!(load.temperature_c, Some(59.0));
    assert_eq!((load.timestamp - idle.timestamp).num_milliseconds(), 14_657);
    // the same GPU twice: two readings
    assert_eq!(Reading::group(rows).len(), 2);
}

#[test]
fn l40s_idle_window_and_nvenc_load() {
    let rows = smi_rows("nvidia-smi/l40s_595.80_query-gpu_all-fields.csv.txt");
    let (idle, encode) = (&rows[0], &rows[1]);
    assert_eq!(idle.name.as_deref(), Some("NVIDIA L40S"));
    // "idle" row: utilization.gpu still 100 % (a trailing window) at 0 MiB used, 144.97 W
    // of 350.00 W, 46068 MiB, 63 C
    assert_eq!(idle.activity_fraction, Some(1.0));
    assert_eq!(idle.memory_used_mib, Some(0.0));
    assert_eq!(idle.power_w, Some(144.97));
    assert_eq!(idle.power_limit_w, Some(350.0));
    assert_eq!(idle.memory_total_mib, Some(46_068.0));
    assert_eq!(idle.temperature_c, Some(63.0));
    // two NVENC encodes: utilization.gpu 9 %, utilization.memory 2 %, 110.23 W, 1235 MiB
    assert_eq!(encode.activity_fraction, Some(0.09));
    assert_eq!(encode.memory_activity_fraction, Some(0.02));
    assert_eq!(encode.power_w, Some(110.23));
    assert_eq!(encode.memory_used_mib, Some(1_235.0));
}

#[test]
fn projected_eleven_fields() {
    // "# DERIVED" comment line, the 11-field header, 4 rows (H100 idle, load; L40S idle, load)
    let rows = smi_rows("nvidia-smi/projected_11_fields.csv");
    assert_eq!(rows.len(), 4);
    let powers: Vec<_> = rows.iter().map(|r| r.power_w.unwrap()).collect();
    assert_eq!(powers, [69.85, 631.95, 144.97, 110.23]);
    // row 3, first field: 2026/07/03 08:33:38.737
    assert_eq!(
        rows[2].timestamp.to_rfc3339(),
        "2026-07-03T08:33:38.737+00:00"
    );
    // the H100 and the L40S share index 0 and the masked UUID: the model name keeps them apart
    assert_ne!(rows[0].key(), rows[2].key());
}

#[test]
fn pod_autoscaling_three_fields_without_timestamp_or_index() {
    // line 1 is the "$ kubectl exec …" command (skipped); line 3: "100 %, 0 %, 290.28 W"
    let rows = smi_rows("nvidia-smi/h100_nvidia-aicr_pod-autoscaling_ff9c66d6.txt");
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.activity_fraction, Some(1.0));
    assert_eq!(row.memory_activity_fraction, Some(0.0));
    assert_eq!(row.power_w, Some(290.28));
    // not in the query: unknown, never 0; stamped when read
    assert_eq!(
        (row.index, row.power_limit_w, row.temperature_c),
        (None, None, None)
    );
    assert_eq!(row.timestamp, observed());
}

#[test]
fn truncated_and_malformed_smi_lines_are_reported_and_the_rest_kept() {
    let text = fixture("nvidia-smi/projected_11_fields.csv");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // line 3 cut in the middle, line 4's power.draw replaced by text
    lines[2].truncate(40);
    lines[3] = lines[3].replace("631.95 W", "lots W");
    let parsed = smi::parse_query_csv(&lines.join("\n"), utc(), observed());
    // the truncated row is skipped; the row with one bad value is kept, that value unknown
    assert_eq!(parsed.value.len(), 3);
    assert_eq!(parsed.value[0].power_w, None);
    assert_eq!(parsed.value[0].activity_fraction, Some(1.0));
    assert_eq!(parsed.value[1].power_w, Some(144.97));
    let found: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert_eq!(found, ["line 3: expected 11 fields, found 3"]);
    let warned = parsed.warnings[0].to_string();
    assert!(
        warned.starts_with("gpu 0, line 4: power.draw: "),
        "{warned}"
    );
}

fn dcgm_gpus(path: &str) -> Vec<GpuSnapshot> {
    let parsed = dcgm::parse(&fixture(path), observed());
    assert!(parsed.problems.is_empty(), "{path}: {:?}", parsed.problems);
    parsed.value
}

#[test]
fn dcgm_t4_with_help_and_type_lines() {
    let gpus = dcgm_gpus("dcgm/t4_driver460.106.00_datadog-integrations-core.prom");
    assert_eq!(gpus.len(), 1);
    let t4 = &gpus[0];
    // labels: gpu="0", UUID="GPU-20c56d28-…", modelName="Tesla T4", Hostname="424773df46e0"
    assert_eq!(t4.index, Some(0));
    assert_eq!(
        t4.uuid.as_deref(),
        Some("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e")
    );
    assert_eq!(t4.name.as_deref(), Some("Tesla T4"));
    assert_eq!(t4.host.as_deref(), Some("424773df46e0"));
    // line 12: POWER_USAGE 8.969000 W; line 15: TOTAL_ENERGY_CONSUMPTION 128996013 mJ
    assert_eq!(t4.power_w, Some(8.969));
    assert_eq!(t4.energy_j, Some(128_996.013));
    // line 9: GPU_TEMP 25; line 21: GPU_UTIL 0 (a measured 0, not an unknown)
    assert_eq!(t4.temperature_c, Some(25.0));
    assert_eq!(t4.activity_fraction, Some(0.0));
    // FB_USED 0, FB_FREE 15109 (no FB_RESERVED in this exporter): 15109 MiB
    assert_eq!(t4.memory_used_mib, Some(0.0));
    assert_eq!(t4.memory_total_mib, Some(15_109.0));
    // no power limit or SM activity series
    assert_eq!((t4.power_limit_w, t4.sm_active_fraction), (None, None));
}

#[test]
fn dcgm_eight_h100s_one_with_pod_labels() {
    let gpus = dcgm_gpus("dcgm/h100x8_driver580.105.08_nvidia-aicr_ff9c66d6.prom");
    assert_eq!(gpus.len(), 8);
    let indexes: Vec<_> = gpus.iter().map(|g| g.index.unwrap()).collect();
    assert_eq!(indexes, [0, 1, 2, 3, 4, 5, 6, 7]);
    for gpu in &gpus {
        assert_eq!(gpu.host.as_deref(), Some("gpu-node-1"));
        assert_eq!(gpu.name.as_deref(), Some("NVIDIA H100 80GB HBM3"));
        assert_eq!(gpu.activity_fraction, Some(0.0));
    }
    // line 1 (GPU 0, with container/namespace/pod labels and pod_uid=""): GPU_TEMP 30;
    // line 9: POWER_USAGE 113.611000
    assert_eq!(gpus[0].temperature_c, Some(30.0));
    assert_eq!(gpus[0].power_w, Some(113.611));
    assert_eq!(
        gpus[0].uuid.as_deref(),
        Some("GPU-c4529c8d-69c4-b61d-e0bc-7b2460096005")
    );
    // line 16: GPU 7 POWER_USAGE 66.997000; line 8: GPU_TEMP 26
    assert_eq!(gpus[7].power_w, Some(66.997));
    assert_eq!(gpus[7].temperature_c, Some(26.0));
    // the sample has MEM_COPY_UTIL for GPUs 0-5 only: 6 and 7 unknown, not 0
    assert_eq!(gpus[5].memory_activity_fraction, Some(0.0));
    assert_eq!(gpus[6].memory_activity_fraction, None);
    assert_eq!(gpus[7].memory_activity_fraction, None);
    // no energy counter in this filtered sample
    assert!(gpus.iter().all(|g| g.energy_j.is_none()));
}

#[test]
fn dcgm_a100_whole_gpu_and_mig_instance() {
    let gpus = dcgm_gpus("dcgm/a100_mig_nvidia-cloud-native-docs_8db00304.prom");
    assert_eq!(gpus.len(), 2);
    let (whole, mig) = (&gpus[0], &gpus[1]);
    assert_eq!(whole.mig, None);
    assert_eq!(whole.host.as_deref(), Some("ub20-a100-k8s"));
    // no modelName label in this sample: unknown
    assert_eq!(whole.name, None);
    // line 5: POWER_USAGE 409.692000; line 6: TOTAL_ENERGY_CONSUMPTION 319159391 mJ
    assert_eq!(whole.power_w, Some(409.692));
    assert_eq!(whole.energy_j, Some(319_159.391));
    // line 4: GPU_TEMP 61; lines 9-10: FB_FREE 35690, FB_USED 4845
    assert_eq!(whole.temperature_c, Some(61.0));
    assert_eq!(whole.memory_used_mib, Some(4_845.0));
    assert_eq!(whole.memory_total_mib, Some(40_535.0));
    // line 13: PROF_GR_ENGINE_ACTIVE 0.995630; no GPU_UTIL in MIG mode: activity unknown
    assert_eq!(whole.graphics_active_fraction, Some(0.995_63));
    assert_eq!(whole.activity_fraction, None);
    assert_eq!(whole.activity_or_graphics(), Some(0.995_63));
    // lines 20-21: the 1g.5gb instance 13, GR_ENGINE_ACTIVE 0.995687, on the same GPU
    let instance = mig.mig.as_ref().unwrap();
    assert_eq!(
        (instance.profile.as_str(), instance.instance_id.as_str()),
        ("1g.5gb", "13")
    );
    assert_eq!(mig.index, Some(0));
    assert_eq!(mig.uuid, whole.uuid);
    assert_eq!(mig.graphics_active_fraction, Some(0.995_687));
    // power is the physical GPU's: the instance has none
    assert_eq!(mig.power_w, None);
}

#[test]
fn dcgm_nvidia_docs_sample_blank_after_comma_and_sentinel() {
    // ../shared/fixtures/telemetry/SOURCES.md B4, verbatim (NVIDIA's docs, lines 76-86),
    // with GPU_TEMP in place of MEMORY_TEMP on the last line so that the sentinel lands in
    // a field a snapshot has.
    let text = "\
# HELP DCGM_FI_DEV_SM_CLOCK SM clock frequency (in MHz).
# TYPE DCGM_FI_DEV_SM_CLOCK gauge
...
DCGM_FI_DEV_SM_CLOCK{gpu=\"0\", UUID=\"GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52\"} 139
DCGM_FI_DEV_GPU_TEMP{gpu=\"0\", UUID=\"GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52\"} 9223372036854775794
...
";
    let parsed = dcgm::parse(text, observed());
    assert_eq!(parsed.value.len(), 1);
    let gpu = &parsed.value[0];
    assert_eq!(
        gpu.uuid.as_deref(),
        Some("GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52")
    );
    // DCGM_FT_INT64_NOT_SUPPORTED: unknown, not 9.2e18 degrees
    assert_eq!(gpu.temperature_c, None);
    assert_eq!(parsed.problems.len(), 2); // the "..." lines
    let samples = prom::parse(text).value;
    assert_eq!(dcgm::value(&samples[1]), None);
}

#[test]
fn truncated_dcgm_lines_are_reported_and_the_rest_kept() {
    let text = fixture("dcgm/h100x8_driver580.105.08_nvidia-aicr_ff9c66d6.prom");
    // cut the file in the middle of line 12 (GPU 3's POWER_USAGE)
    let cut: usize = text.lines().take(11).map(|l| l.len() + 1).sum::<usize>() + 60;
    let truncated = &text[..cut];
    let parsed = dcgm::parse(truncated, observed());
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].line, 12);
    let gpus = parsed.value;
    assert_eq!(gpus.len(), 8); // every GPU's temperature came first
    assert_eq!(gpus[2].power_w, Some(65.709));
    assert_eq!(gpus[3].power_w, None);
}

#[test]
fn copies_equal_the_shared_originals() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/telemetry");
    if !shared.exists() {
        eprintln!("skipped: {} is not present", shared.display());
        return;
    }
    for sub in ["nvidia-smi", "dcgm"] {
        for entry in std::fs::read_dir(shared.join(sub)).unwrap() {
            let original = entry.unwrap().path();
            let name = original.file_name().unwrap();
            let copy = dir().join(sub).join(name);
            assert_eq!(
                std::fs::read(&original).unwrap(),
                std::fs::read(&copy).unwrap_or_default(),
                "{} differs from its original",
                copy.display()
            );
        }
    }
}
