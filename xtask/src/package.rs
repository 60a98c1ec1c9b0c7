//! The npm package as users install it: `npm pack`, then the tarball installed into scratch
//! projects under `target/package-test` (`cargo xtask test package`), one per way of using
//! it: Node with `import`, Node with `require`, a strict TypeScript project, a Vite build
//! loaded in Chromium, and the README's examples run as written.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::Context;

use crate::{
    build,
    process::{command, exec, root},
    serve, setup,
};

/// Packs the built package (`bindings/pkg`) into `dest`; returns the tarball's path.
pub fn pack(dest: &Path) -> anyhow::Result<PathBuf> {
    fs::create_dir_all(dest)?;
    exec(
        command("npm", &build::package_dir())
            .args(["pack", "--silent", "--pack-destination"])
            .arg(dest),
    )?;
    fs::read_dir(dest)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "tgz"))
        .context("npm pack wrote no tarball")
}

/// Makes `project` a project of its own (so that npm installs there, not in a parent
/// folder), with `type` `module` or `commonjs`, and installs the tarball into it, offline.
pub fn install(project: &Path, kind: &str, tarball: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(project)?;
    let name = project
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs::write(
        project.join("package.json"),
        format!(
            "{{ \"name\": \"gpuecon-check-{name}\", \"private\": true, \"type\": \"{kind}\" }}\n"
        ),
    )?;
    exec(
        command("npm", project)
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
            ])
            .arg(tarball),
    )
}

/// Copies the files of `from` (not its folders) into `to`.
fn copy_files(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// Every scratch project, each installed from the same tarball.
pub fn run() -> anyhow::Result<()> {
    let root = root();
    let sources = root.join("tests/package");
    let work = root.join("target/package-test");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    let tarball = pack(&work)?;
    let tool = |name: &str| root.join("node_modules/.bin").join(name);

    // Node, `import`.
    let esm = work.join("esm");
    copy_files(&sources.join("esm"), &esm)?;
    install(&esm, "module", &tarball)?;
    exec(command("node", &esm).arg("smoke.mjs"))?;

    // Node, `require` (Node 20.19+ and 22.12+ load ES modules without top-level await).
    let cjs = work.join("cjs");
    copy_files(&sources.join("cjs"), &cjs)?;
    install(&cjs, "commonjs", &tarball)?;
    exec(command("node", &cjs).arg("smoke.cjs"))?;

    // TypeScript, strict, against the installed index.d.ts.
    let typescript = work.join("typescript");
    copy_files(&sources.join("typescript"), &typescript)?;
    install(&typescript, "module", &tarball)?;
    exec(command(&tool("tsc").to_string_lossy(), &typescript).args([
        "--noEmit",
        "--project",
        "tsconfig.json",
    ]))?;

    // The README's examples, as written.
    let readme = work.join("readme");
    install(&readme, "module", &tarball)?;
    exec(
        command("node", &root)
            .arg(sources.join("readme.mjs"))
            .arg(root.join("bindings/js/README.md"))
            .arg(&readme),
    )?;

    // A Vite build of a page, served as static files and loaded in Chromium.
    let vite = work.join("vite");
    copy_files(&sources.join("vite"), &vite)?;
    install(&vite, "module", &tarball)?;
    exec(command(&tool("vite").to_string_lossy(), &vite).arg("build"))?;
    let chromium = setup::chromium()?;
    let site = serve::Running::start(vite.join("dist"), 0)?;
    let outcome = exec(
        command("node", &root)
            .args(["--test", "--test-reporter=spec"])
            .arg(sources.join("vite.check.mjs"))
            .env(
                "GPUECON_VITE_URL",
                format!("http://127.0.0.1:{}/", site.port),
            )
            .env("GPUECON_INSTALLED", vite.join("node_modules/gpuecon"))
            .env("GPUECON_CHROMIUM", chromium),
    );
    site.stop();
    outcome
}
