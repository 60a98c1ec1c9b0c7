//! The Python package: a project virtual environment with the pinned tools
//! (python/requirements-dev.txt), the wheel built by maturin, and the tests run against the
//! wheel installed into a fresh environment, as a user installs it.

use std::{fs, path::PathBuf};

use anyhow::{Context, bail};

use crate::process::{command, exec, root};

/// The tools' environment, kept between runs (git-ignored).
const VENV: &str = ".venv-python";
/// The pinned tools.
const REQUIREMENTS: &str = "python/requirements-dev.txt";
/// The Cargo profile the test wheel is built with (see the workspace Cargo.toml).
const PROFILE: &str = "python";

/// A virtual environment's Python.
fn python_of(venv: &std::path::Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts/python.exe")
    } else {
        venv.join("bin/python")
    }
}

/// Creates .venv-python and installs the pinned tools, unless the requirements it holds
/// are already these; returns its Python.
pub fn venv() -> anyhow::Result<PathBuf> {
    let root = root();
    let venv = root.join(VENV);
    let python = python_of(&venv);
    let wanted = fs::read_to_string(root.join(REQUIREMENTS)).context("reading requirements")?;
    let stamp = venv.join("gpuecon-requirements.txt");
    if python.exists() && fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        println!("ok: {VENV} holds {REQUIREMENTS}");
        return Ok(python);
    }
    if !python.exists() {
        exec(command("python3", &root).args(["-m", "venv", VENV])).context(
            "Python 3.10 or later with its venv module is needed (apt-get install python3-venv)",
        )?;
    }
    exec(command(&python.to_string_lossy(), &root).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-r",
        REQUIREMENTS,
    ]))?;
    fs::write(&stamp, wanted)?;
    Ok(python)
}

/// Builds the wheel with maturin into `target/python-wheels`; returns its path.
pub fn wheel(python: &std::path::Path) -> anyhow::Result<PathBuf> {
    let root = root();
    let out = root.join("target/python-wheels");
    if out.exists() {
        fs::remove_dir_all(&out)?;
    }
    exec(
        command(&python.to_string_lossy(), &root)
            .args([
                "-m",
                "maturin",
                "build",
                "--quiet",
                "--manifest-path",
                "python/Cargo.toml",
                "--profile",
                PROFILE,
                "--out",
            ])
            .arg(&out),
    )?;
    let wheel = fs::read_dir(&out)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"));
    match wheel {
        Some(wheel) => Ok(wheel),
        None => bail!("maturin built no wheel into {}", out.display()),
    }
}

/// Builds the wheel, installs it with its extras into a fresh virtual environment (pip
/// finds the dependencies in its cache after the first run), and runs tests/python there
/// against the golden vectors and the `gpuecon` command.
pub fn test() -> anyhow::Result<()> {
    let root = root();
    let tools = venv()?;
    let wheel = wheel(&tools)?;
    exec(cargo().args(["build", "--quiet", "--package", "gpuecon-cli"]))?;
    let work = root.join("target/python-test");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    fs::create_dir_all(&work)?;
    let fresh = work.join("venv");
    exec(
        command(&tools.to_string_lossy(), &work)
            .args(["-m", "venv"])
            .arg(&fresh),
    )?;
    let python = python_of(&fresh);
    let pinned = fs::read_to_string(root.join(REQUIREMENTS))?;
    let pins: Vec<&str> = pinned
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("maturin"))
        .collect();
    exec(
        command(&python.to_string_lossy(), &work)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg(format!("{}[pandas,arrow,dask]", wheel.display()))
            .args(pins),
    )?;
    let cli = root
        .join("target/debug")
        .join(format!("gpuecon{}", std::env::consts::EXE_SUFFIX));
    exec(
        command(&python.to_string_lossy(), &work)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
            .arg(root.join("tests/python"))
            .env("GPUECON_VECTORS", root.join("tests/vectors"))
            .env("GPUECON_README", root.join("README.md"))
            .env("GPUECON_CLI", cli),
    )
}

/// Installs the wheel and pyxirr (python/requirements-bench.txt) into .venv-python and runs
/// bench/python.bench.py, which prints its table of ratios.
pub fn bench() -> anyhow::Result<()> {
    let root = root();
    let python = venv()?;
    let wheel = wheel(&python)?;
    exec(
        command(&python.to_string_lossy(), &root)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(["--force-reinstall", "--no-deps"])
            .arg(&wheel),
    )?;
    install_bench_requirements(&python)?;
    exec(command(&python.to_string_lossy(), &root).arg("bench/python.bench.py"))
}

/// Installs the benchmarks' pinned Python packages (pyxirr; python/requirements-bench.txt)
/// into the environment of `python`.
pub fn install_bench_requirements(python: &std::path::Path) -> anyhow::Result<()> {
    exec(command(&python.to_string_lossy(), &root()).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-r",
        "python/requirements-bench.txt",
    ]))
}

fn cargo() -> std::process::Command {
    command("cargo", &root())
}
