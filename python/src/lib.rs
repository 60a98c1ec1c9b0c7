//! # gpuecon-py
//!
//! The native half of the Python package `gpuecon` (`gpuecon._native`), built by maturin
//! with PyO3's stable ABI: one wheel for CPython 3.10 and later. A thin shell: each function
//! converts its Python arguments, calls the core and converts the result; nothing here
//! computes economics, and nothing panics. Finance functions take and return numbers
//! (`finance.rs`); models cross as the core's JSON text (`models.rs`); failures raise
//! `gpuecon.GpueconError` with the npm package's `code`, `field` and `problems` (`error.rs`);
//! Arrow columns cross through the C Data Interface (`arrow.rs`).

mod args;
mod arrow;
mod error;
mod finance;
mod models;

use pyo3::prelude::*;

/// The module `gpuecon._native`.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add(
        "GpueconError",
        module.py().get_type::<error::GpueconError>(),
    )?;
    finance::register(module)?;
    models::register(module)?;
    arrow::register(module)?;
    Ok(())
}
