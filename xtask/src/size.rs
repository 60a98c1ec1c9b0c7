//! Sizes of what the npm package ships, as a browser downloads them.

use std::{fs, io::Write};

use anyhow::{Context, bail};

use crate::build::{OUT_NAME, package_dir};

/// The budget for the gzipped .wasm, in bytes: the one place it is written.
pub const WASM_GZIP_BUDGET: usize = 250_000;

/// Prints raw, gzip and brotli sizes of the .wasm and the JS glue; fails over budget.
pub fn report() -> anyhow::Result<()> {
    let pkg = package_dir();
    let files = [
        format!("{OUT_NAME}_bg.wasm"),
        format!("{OUT_NAME}.js"),
        "index.js".to_owned(),
    ];
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut wasm_gzip = 0;
    for name in &files {
        let bytes = fs::read(pkg.join(name))
            .with_context(|| format!("{name} is missing: run `cargo xtask build`"))?;
        let (gzip, brotli) = (gzip_len(&bytes)?, brotli_len(&bytes)?);
        println!("{name:<24} {:>10} {gzip:>10} {brotli:>10}", bytes.len());
        if name.ends_with(".wasm") {
            wasm_gzip = gzip;
        }
    }
    println!("budget: {WASM_GZIP_BUDGET} bytes gzipped for the .wasm ({wasm_gzip} used)");
    if wasm_gzip > WASM_GZIP_BUDGET {
        bail!("the .wasm is {wasm_gzip} bytes gzipped, over the budget of {WASM_GZIP_BUDGET}");
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn brotli_len(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}
