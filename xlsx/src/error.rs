//! What can go wrong while writing a workbook.

use thiserror::Error;

/// An error from [`workbook`](crate::workbook).
#[derive(Debug, Error)]
pub enum XlsxError {
    /// The writer refused a cell, a name or a sheet (a bug here, or a scenario beyond the
    /// format's limits: 1,048,576 rows, 32,767 characters a cell).
    #[error("the workbook could not be written: {0}")]
    Writer(#[from] rust_xlsxwriter::XlsxError),
    /// The scenario's own evaluation failed while the workbook took a figure from the core.
    #[error("{0}")]
    Model(#[from] gpuecon::models::ModelError),
    /// A core function failed (an overflow) while the workbook took a figure from it.
    #[error("{0}")]
    Finance(#[from] gpuecon::FinanceError),
    /// The report does not belong to the scenario (different horizon, or a financing
    /// report missing for a financed scenario).
    #[error("the report does not match the scenario: {0}")]
    Mismatch(&'static str),
}
