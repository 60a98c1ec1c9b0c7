//! Installs what a fresh machine lacks, idempotently: each tool's version is checked first
//! and nothing is installed twice. Only package registries are used (crates.io, npm,
//! Debian), never a binary download from elsewhere.

use std::{fs, path::Path, time::SystemTime};

use anyhow::{Context, bail};

use crate::process::{command, exec, output, root};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything: what the build needs, Chromium for the browser tests and LibreOffice for
/// the workbook test.
pub fn all() -> anyhow::Result<()> {
    for_build()?;
    chromium()?;
    libreoffice().map(|_| ())
}

/// What `cargo xtask build` needs: the wasm target, wasm-bindgen and the node tools.
pub fn for_build() -> anyhow::Result<()> {
    node_present()?;
    wasm_target()?;
    wasm_bindgen_cli()?;
    npm_ci(&root())
}

fn node_present() -> anyhow::Result<()> {
    let Some(version) = output(command("node", &root()).arg("--version")) else {
        bail!("Node.js is not installed: install Node.js 20 or later (with npm), then run again");
    };
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .unwrap_or("0")
        .parse()?;
    if major < 20 {
        bail!(
            "Node.js {} is too old: gpuecon needs 20 or later",
            version.trim()
        );
    }
    Ok(())
}

fn wasm_target() -> anyhow::Result<()> {
    let installed = output(command("rustup", &root()).args(["target", "list", "--installed"]))
        .context("rustup is needed to add the wasm32 target")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("ok: Rust target {WASM_TARGET}");
        return Ok(());
    }
    exec(command("rustup", &root()).args(["target", "add", WASM_TARGET]))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> anyhow::Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == r#"name = "wasm-bindgen""#
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = "))
        {
            return Ok(version.trim_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock names no wasm-bindgen")
}

fn wasm_bindgen_cli() -> anyhow::Result<()> {
    let wanted = locked_wasm_bindgen_version()?;
    let found = output(command("wasm-bindgen", &root()).arg("--version")).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(wanted.as_str()) {
        println!("ok: wasm-bindgen {wanted}");
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {wanted} (about 5 minutes on 2 cores)");
    // No --locked: its lockfile names a crate version the registry mirror here lacks.
    exec(command("cargo", &root()).args([
        "install",
        "wasm-bindgen-cli",
        "--force",
        "--version",
        &wanted,
    ]))
}

/// `npm ci` in `dir` unless its node_modules is already newer than its lockfile.
pub fn npm_ci(dir: &Path) -> anyhow::Result<()> {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(&dir.join("package-lock.json")).unwrap_or(SystemTime::UNIX_EPOCH);
    match modified(&dir.join("node_modules/.package-lock.json")) {
        Some(installed) if installed >= lock => {
            println!("ok: node modules in {}", dir.display());
            Ok(())
        }
        _ => exec(command("npm", dir).args(["ci", "--no-audit", "--no-fund"])),
    }
}

/// Debian's Chromium for the browser tests (`GPUECON_CHROMIUM` names another binary);
/// returns its path.
pub fn chromium() -> anyhow::Result<String> {
    if let Ok(path) = std::env::var("GPUECON_CHROMIUM") {
        return Ok(path);
    }
    const DEBIAN_CHROMIUM: &str = "/usr/bin/chromium";
    if let Some(version) = output(command(DEBIAN_CHROMIUM, &root()).arg("--version")) {
        println!("ok: {}", version.trim());
        return Ok(DEBIAN_CHROMIUM.to_owned());
    }
    println!("installing Debian's chromium for the browser tests");
    apt_install("chromium")
        .context("could not install chromium: run `apt-get install chromium` as root, or set GPUECON_CHROMIUM")?;
    Ok(DEBIAN_CHROMIUM.to_owned())
}

/// LibreOffice's `soffice` for the workbook test (`GPUECON_SOFFICE` names another);
/// Debian's `libreoffice-calc-nogui` (Calc without a display, about 300 MB) when there is
/// none. Returns its path.
pub fn libreoffice() -> anyhow::Result<String> {
    if let Ok(path) = std::env::var("GPUECON_SOFFICE") {
        return Ok(path);
    }
    const SOFFICE: &str = "soffice";
    if let Some(version) = output(command(SOFFICE, &root()).arg("--version")) {
        println!("ok: {}", version.trim());
        return Ok(SOFFICE.to_owned());
    }
    println!("installing Debian's libreoffice-calc-nogui for the workbook test");
    apt_install("libreoffice-calc-nogui").context(
        "could not install LibreOffice: run `apt-get install libreoffice-calc-nogui` as root, or set GPUECON_SOFFICE",
    )?;
    Ok(SOFFICE.to_owned())
}

/// `apt-get update` then `apt-get install -y PACKAGE`, as root or through `sudo -n`.
fn apt_install(package: &str) -> anyhow::Result<()> {
    let as_root = output(command("id", &root()).arg("-u")).is_some_and(|id| id.trim() == "0");
    let apt = |args: &[&str]| {
        if as_root {
            exec(
                command("apt-get", &root())
                    .args(args)
                    .env("DEBIAN_FRONTEND", "noninteractive"),
            )
        } else {
            exec(command("sudo", &root()).arg("-n").arg("apt-get").args(args))
        }
    };
    apt(&["update"])?;
    apt(&["install", "-y", package])
}

/// Debian's Prometheus server and promtool for the exporter test (only the binaries are
/// used: the test starts its own server; the Debian service is left alone).
pub fn prometheus() -> anyhow::Result<()> {
    let found = output(command("prometheus", &root()).arg("--version"))
        .zip(output(command("promtool", &root()).arg("--version")));
    if let Some((version, _)) = found {
        println!("ok: {}", version.lines().next().unwrap_or("prometheus"));
        return Ok(());
    }
    println!("installing Debian's prometheus for the exporter test");
    apt_install("prometheus")
        .context("could not install prometheus: run `apt-get install prometheus` as root")
}
