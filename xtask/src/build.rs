//! Builds the npm package (`bindings/pkg`) and the static calculator (`www/dist`).
//!
//! The pipeline is the one wasm-pack runs, made explicit (as loro's and automerge's builds
//! do): `cargo build` for wasm32 with the size profile, the pinned `wasm-bindgen` CLI, then
//! `wasm-opt -Oz` from npm's binaryen. The package's entry points, types and package.json
//! are hand-written (`bindings/js`) so that one package serves Node and browsers.

use std::{fs, path::PathBuf};

use anyhow::Context;

use crate::{
    process::{command, exec, root},
    setup,
};

/// The basename wasm-bindgen gives its outputs in the package.
pub const OUT_NAME: &str = "gpuecon_wasm";
/// The `gpuecon/finance` entry's module: the same crate built with its `finance` feature
/// alone, its outputs' basename.
const FINANCE_OUT_NAME: &str = "gpuecon_finance";
/// The `gpuecon/montecarlo` entry's module: the same crate with its `montecarlo` feature
/// alone, its outputs' basename. Built for speed ([`Build::Speed`]).
pub const MONTECARLO_OUT_NAME: &str = "gpuecon_montecarlo";
/// The bindings' features of each module: `gpuecon/finance`, `gpuecon/montecarlo`, the
/// full `gpuecon` (the clippy step checks each build, as the default features hide a
/// function one build leaves unused).
pub const MODULE_FEATURES: [&str; 3] = ["finance", "montecarlo", "finance,models"];
/// The `gpuecon/xlsx` entry's own module: its outputs' basename.
const XLSX_OUT_NAME: &str = "gpuecon_xlsx";
/// wasm-opt's size passes, without inlining functions that have one caller (`-ocimfs 0`):
/// that inlining shrinks the raw module but grows the gzipped one by a fifth, since the
/// copies no longer compress against each other (docs/size.md). `--low-memory-unused`
/// (no valid address below 1024: Rust's stack sits at the bottom of memory and would
/// have to be all but exhausted first) lets it fold constant offsets into loads and stores.
const WASM_OPT_FLAGS: [&str; 4] = [
    "-Oz",
    "--one-caller-inline-max-function-size",
    "0",
    "--low-memory-unused",
];
/// Features the Rust wasm32 target emits by default; wasm-opt must accept exactly these.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// How a module's crate is compiled and optimized.
#[derive(Clone, Copy)]
enum Build {
    /// The size profile, `wasm-release`, and the target's default features: the main,
    /// finance and xlsx modules.
    Size,
    /// The Monte Carlo's module: the profile `wasm-montecarlo` (the core and the bindings at
    /// opt-level 3, where rustc runs LLVM's loop and SLP vectorizers) and 128-bit SIMD
    /// (`simd128`), so that the loops LLVM vectorizes natively (the settlement's, the repaid
    /// months') and the IRRs' two-lane vectors (`irr::LOCKSTEP`) are `f64x2` in the module
    /// too: the bench's Monte Carlo in 0.84-0.86x of the size build's CPU time in Node 20
    /// (docs/size.md). Each lane's operations are the scalar ones, so the reports keep their
    /// bits. The flag is the target's, so this build compiles every dependency a second
    /// time, in a folder of its own; browsers need WebAssembly SIMD for the module
    /// (`bindings/js/montecarlo.js` checks).
    Speed,
}

impl Build {
    /// The cargo profile: also the build's folder under `target/wasm32-unknown-unknown`.
    fn profile(self) -> &'static str {
        match self {
            Build::Size => "wasm-release",
            Build::Speed => "wasm-montecarlo",
        }
    }

    /// Cargo's arguments beyond the profile: the target features.
    fn cargo_args(self) -> &'static [&'static str] {
        match self {
            Build::Size => &[],
            Build::Speed => &[
                "--config",
                r#"target.wasm32-unknown-unknown.rustflags = ["-C", "target-feature=+simd128"]"#,
            ],
        }
    }

    /// wasm-opt's features beyond those the target emits by default.
    fn wasm_opt_features(self) -> &'static [&'static str] {
        match self {
            Build::Size => &[],
            Build::Speed => &["--enable-simd"],
        }
    }
}

/// The npm package's folder.
pub fn package_dir() -> PathBuf {
    root().join("bindings/pkg")
}

/// The static site's folder.
pub fn site_dir() -> PathBuf {
    root().join("www/dist")
}

/// The package, then the site.
pub fn all() -> anyhow::Result<()> {
    package()?;
    site()
}

/// `bindings/pkg`: package.json, the entry points, their types, the glue and the .wasm;
/// and the `gpuecon/finance`, `gpuecon/montecarlo` and `gpuecon/xlsx` entries' own modules.
pub fn package() -> anyhow::Result<()> {
    let pkg = package_dir();
    if pkg.exists() {
        fs::remove_dir_all(&pkg).with_context(|| format!("removing {}", pkg.display()))?;
    }
    // The finance and Monte Carlo modules first, each into a folder of its own: every build
    // of the crate writes the same snippets (`js/boundary.js`, one `GpueconError` class for
    // every entry).
    let finance = fresh_dir("target/finance-pkg")?;
    module(
        "gpuecon-wasm",
        &["--no-default-features", "--features", MODULE_FEATURES[0]],
        Build::Size,
        &finance,
        FINANCE_OUT_NAME,
    )?;
    let montecarlo = fresh_dir("target/montecarlo-pkg")?;
    module(
        "gpuecon-wasm",
        &["--no-default-features", "--features", MODULE_FEATURES[1]],
        Build::Speed,
        &montecarlo,
        MONTECARLO_OUT_NAME,
    )?;
    module(
        "gpuecon-wasm",
        &["--no-default-features", "--features", MODULE_FEATURES[2]],
        Build::Size,
        &pkg,
        OUT_NAME,
    )?;
    move_module(&finance, &pkg, FINANCE_OUT_NAME)?;
    move_module(&montecarlo, &pkg, MONTECARLO_OUT_NAME)?;
    module("gpuecon-xlsx-wasm", &[], Build::Size, &pkg, XLSX_OUT_NAME)?;
    copy_entry_points(&pkg)?;
    println!("built the npm package in {}", pkg.display());
    Ok(())
}

/// `relative` (to the workspace), emptied.
fn fresh_dir(relative: &str) -> anyhow::Result<PathBuf> {
    let dir = root().join(relative);
    if dir.exists() {
        fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    Ok(dir)
}

/// One wasm module of the package: the crate `package` built for wasm32 as `build` says
/// (with `cargo_args`), its glue written by wasm-bindgen into `pkg` as `out_name`, then
/// optimized by wasm-opt.
fn module(
    package: &str,
    cargo_args: &[&str],
    build: Build,
    pkg: &std::path::Path,
    out_name: &str,
) -> anyhow::Result<()> {
    let root = root();
    exec(
        command("cargo", &root)
            .args([
                "build",
                "--package",
                package,
                "--target",
                "wasm32-unknown-unknown",
                "--profile",
                build.profile(),
            ])
            .args(build.cargo_args())
            .args(cargo_args),
    )?;
    let crate_wasm = root
        .join("target/wasm32-unknown-unknown")
        .join(build.profile())
        .join(format!("{}.wasm", package.replace('-', "_")));
    exec(
        command("wasm-bindgen", &root)
            .args(["--target", "web", "--out-name", out_name, "--out-dir"])
            .arg(pkg)
            .arg(crate_wasm),
    )?;
    let wasm = pkg.join(format!("{out_name}_bg.wasm"));
    exec(
        command(
            &root.join("node_modules/.bin/wasm-opt").to_string_lossy(),
            &root,
        )
        .args(WASM_OPT_FLAGS)
        .args(WASM_FEATURES)
        .args(build.wasm_opt_features())
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm),
    )
}

/// Moves the glue and .wasm named `out_name` (the finance or the Monte Carlo module) from
/// `built` into the package, after checking that the snippets its glue imports are those
/// the full module's build wrote there (the same crate's `inline_js` and `js/boundary.js`):
/// one file each, so one `GpueconError`.
fn move_module(
    built: &std::path::Path,
    pkg: &std::path::Path,
    out_name: &str,
) -> anyhow::Result<()> {
    let mut folders = vec![built.join("snippets")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).context("the build wrote no snippets")? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(built)?;
            let shared = fs::read(pkg.join(relative)).ok();
            if shared.as_deref() != Some(fs::read(&path)?.as_slice()) {
                anyhow::bail!(
                    "{} differs between {out_name}'s and the full build of gpuecon-wasm",
                    relative.display()
                );
            }
        }
    }
    for suffix in [".js", ".d.ts", "_bg.wasm", "_bg.wasm.d.ts"] {
        let name = format!("{out_name}{suffix}");
        fs::rename(built.join(&name), pkg.join(&name)).with_context(|| format!("moving {name}"))?;
    }
    Ok(())
}

/// Copies `bindings/js` into the package, re-exports the error class from where
/// wasm-bindgen put it, and stamps package.json with the workspace version.
fn copy_entry_points(pkg: &std::path::Path) -> anyhow::Result<()> {
    let js = root().join("bindings/js");
    for name in [
        "index.js",
        "index.node.js",
        "index.d.ts",
        "finance.js",
        "finance.node.js",
        "finance.d.ts",
        "types.generated.d.ts",
        "montecarlo.js",
        "montecarlo.node.js",
        "montecarlo.d.ts",
        "montecarlo_exports.js",
        "xlsx.js",
        "xlsx.node.js",
        "xlsx.d.ts",
        "README.md",
    ] {
        fs::copy(js.join(name), pkg.join(name)).with_context(|| format!("copying {name}"))?;
    }

    // wasm-bindgen copies `js/boundary.js` to snippets/<crate>-<hash>/: one module,
    // one class, so that `instanceof GpueconError` holds for errors thrown by the wasm.
    let snippets = pkg.join("snippets");
    let crate_dir = fs::read_dir(&snippets)
        .context("wasm-bindgen wrote no snippets")?
        .filter_map(Result::ok)
        .find(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("gpuecon-wasm-")
        })
        .context("no gpuecon-wasm snippet folder")?
        .file_name();
    fs::write(
        pkg.join("gpuecon_error.js"),
        format!(
            "export {{ GpueconError }} from \"./snippets/{}/js/boundary.js\";\n",
            crate_dir.to_string_lossy()
        ),
    )?;

    fs::write(pkg.join("presets.js"), presets_module()?)?;
    fs::write(pkg.join("glossary.js"), glossary_module()?)?;

    let mut manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(js.join("package.json"))?)?;
    manifest["version"] = env!("CARGO_PKG_VERSION").into();
    fs::write(
        pkg.join("package.json"),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;
    Ok(())
}

/// `presets.js`: the core's built-in presets (`gpuecon::presets::files()`, in its order),
/// as one JSON text that `presets()` parses afresh on every call, as the module's own
/// export did. Data, not code: in the .wasm it was ~10 KB gzipped. The core's tests check
/// that every file is a valid preset.
fn presets_module() -> anyhow::Result<String> {
    let texts: Vec<String> = gpuecon::presets::files()
        .map(|(_, text)| minified(text))
        .collect();
    // A JSON string is a JavaScript string literal.
    let all = serde_json::to_string(&format!("[{}]", texts.join(",")))?;
    Ok(format!(
        "// Generated by `cargo xtask build` from the core's presets (core/presets): do not edit.\n\
         const PRESETS = {all};\n\n\
         /** The built-in presets, a fresh copy on every call (see index.d.ts). */\n\
         export function presets() {{\n  return JSON.parse(PRESETS);\n}}\n"
    ))
}

/// `glossary.js`: the core's glossary (`gpuecon::glossary::TEXT`) as one JSON text that
/// `glossary()` parses afresh on every call: data beside the module, like the presets.
fn glossary_module() -> anyhow::Result<String> {
    let all = serde_json::to_string(&minified(gpuecon::glossary::TEXT))?;
    Ok(format!(
        "// Generated by `cargo xtask build` from the core's glossary (core/glossary.json): do not edit.\n\
         const GLOSSARY = {all};\n\n\
         /** Every scenario input and report field explained, a fresh copy on every call (see index.d.ts). */\n\
         export function glossary() {{\n  return JSON.parse(GLOSSARY);\n}}\n"
    ))
}

/// JSON text without the whitespace between tokens (strings kept exactly).
fn minified(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for ch in json.chars() {
        if in_string {
            out.push(ch);
            (in_string, escaped) = match (escaped, ch) {
                (true, _) => (true, false),
                (false, '\\') => (true, true),
                (false, '"') => (false, false),
                _ => (true, false),
            };
        } else if !ch.is_whitespace() {
            in_string = ch == '"';
            out.push(ch);
        }
    }
    out
}

/// `www/dist`: the calculator, bundled by esbuild (`www/build.mjs`) against the package.
pub fn site() -> anyhow::Result<()> {
    let www = root().join("www");
    setup::npm_ci(&www)?;
    exec(command("node", &www).arg("build.mjs"))
}
