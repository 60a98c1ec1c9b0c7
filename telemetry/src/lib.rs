//! # gpuecon-telemetry
//!
//! Reads what GPUs really do (NVML, `nvidia-smi`, the DCGM exporter, recorded sessions) so
//! that operators can set the yield they earn against the yield they assumed.
//!
//! Parsers are pure functions of `&str`; unknown values are `None`, never 0; units are
//! converted once, at the source boundary, and named in the field names.

pub mod smi;
