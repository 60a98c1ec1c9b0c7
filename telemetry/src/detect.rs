//! [`detect`]: the source factory, finding a live source on this machine.

use crate::nvml::NvmlSource;
use crate::smi::SmiCommand;
use crate::{Error, GpuSource};

/// What [`detect`] found, and what it tried first.
pub struct Detected {
    /// The source found.
    pub source: Box<dyn GpuSource>,
    /// One line per source tried before it, saying why it was not used.
    pub tried: Vec<String>,
}

/// Finds a live source on this machine: NVML, else `nvidia-smi`.
///
/// # Errors
/// [`Error::NoData`] saying why neither works.
pub fn detect() -> Result<Detected, Error> {
    let mut tried = Vec::new();
    match NvmlSource::open() {
        Ok(source) => {
            return Ok(Detected {
                source: Box::new(source),
                tried,
            });
        }
        Err(e) => tried.push(e.to_string()),
    }
    match SmiCommand::open() {
        Ok(source) => Ok(Detected {
            source: Box::new(source),
            tried,
        }),
        Err(e) => {
            tried.push(e.to_string());
            Err(Error::NoData(format!(
                "no GPU found on this machine ({})",
                tried.join("; ")
            )))
        }
    }
}
