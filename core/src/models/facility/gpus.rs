//! [`mw_to_gpus`] and [`gpus_to_mw`]: how many GPUs a critical IT capacity holds, and the
//! capacity a number of GPUs needs.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, KW_PER_MW};

/// What [`mw_to_gpus`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MwToGpusInputs {
    /// Critical IT capacity in MW (at least 0): what the IT equipment may draw, before PUE.
    pub critical_it_mw: Decimal,
    /// All-in IT kW per GPU (greater than 0): its share of the server, network and storage
    /// (1.275 for an H100 in a 10.2 kW DGX of 8; domain.md's "about 1.3").
    pub kw_per_gpu: Decimal,
}

/// The result of [`mw_to_gpus`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MwToGpus {
    /// Whole GPUs that fit: `⌊critical_it_mw × 1000 ÷ kw_per_gpu⌋`.
    pub gpus: Decimal,
    /// The IT kW they use, `gpus × kw_per_gpu` (never above the capacity).
    pub used_kw: Decimal,
    /// The capacity left over, `critical_it_mw × 1000 − used_kw` (less than one GPU's kW).
    pub spare_kw: Decimal,
}

/// What [`gpus_to_mw`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GpusToMwInputs {
    /// GPUs (at least 0).
    pub gpus: Decimal,
    /// All-in IT kW per GPU (greater than 0).
    pub kw_per_gpu: Decimal,
}

/// The result of [`gpus_to_mw`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GpusToMw {
    /// `gpus × kw_per_gpu`.
    pub critical_it_kw: Decimal,
    /// `critical_it_kw ÷ 1000`.
    pub critical_it_mw: Decimal,
}

impl Validate for MwToGpusInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least("critical_it_mw", self.critical_it_mw, Decimal::ZERO);
        c.positive("kw_per_gpu", self.kw_per_gpu);
    }
}

impl Validate for GpusToMwInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least("gpus", self.gpus, Decimal::ZERO);
        c.positive("kw_per_gpu", self.kw_per_gpu);
    }
}

/// The whole GPUs a critical IT capacity holds (docs/domain.md section 7):
///
/// ```text
/// gpus  = ⌊MW × 1000 ÷ kW per GPU⌋     (whole GPUs: floor)
/// used  = gpus × kW per GPU ≤ MW × 1000
/// spare = MW × 1000 − used
/// ```
///
/// The quotient is a [`Decimal`] division (28 significant digits) taken down to a whole
/// number; `used_kw` is recomputed exactly from it, so it never exceeds the capacity.
///
/// # Errors
/// [`ModelError::Domain`] on `critical_it_mw` (negative) or `kw_per_gpu` (not positive);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// 1 MW of H100s in DGX nodes (10.2 kW / 8 = 1.275 kW a GPU): 1000 / 1.275 = 784.3…, so
/// 784 GPUs using 999.6 kW.
/// ```
/// use gpuecon::models::facility::{mw_to_gpus, MwToGpusInputs};
/// use gpuecon::Decimal;
/// let fit = mw_to_gpus(&MwToGpusInputs { critical_it_mw: Decimal::ONE, kw_per_gpu: Decimal::new(1_275, 3) })?;
/// assert_eq!(fit.gpus, Decimal::from(784));
/// assert_eq!(fit.used_kw, Decimal::new(9_996, 1));
/// assert_eq!(fit.spare_kw, Decimal::new(4, 1));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn mw_to_gpus(inputs: &MwToGpusInputs) -> Result<MwToGpus, ModelError> {
    inputs.ensure_valid()?;
    let capacity_kw = units::mul(inputs.critical_it_mw, KW_PER_MW, "critical_it_mw")?;
    let mut gpus = units::div(capacity_kw, inputs.kw_per_gpu, "kw_per_gpu")?.floor();
    let mut used_kw = units::mul(gpus, inputs.kw_per_gpu, "kw_per_gpu")?;
    // A quotient rounded up at its 28th digit could land on the next whole number.
    if used_kw > capacity_kw && gpus > Decimal::ZERO {
        gpus -= Decimal::ONE;
        used_kw = units::mul(gpus, inputs.kw_per_gpu, "kw_per_gpu")?;
    }
    Ok(MwToGpus {
        gpus: gpus.normalize(),
        used_kw: used_kw.normalize(),
        spare_kw: units::sub(capacity_kw, used_kw, "kw_per_gpu")?.normalize(),
    })
}

/// The critical IT capacity `gpus` GPUs need: `gpus × kW per GPU`, in kW and MW (exact).
///
/// # Errors
/// [`ModelError::Domain`] on `gpus` (negative) or `kw_per_gpu` (not positive);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// 100,000 GB200 GPUs at ~1.67 kW each (120 kW / 72) need about 167 MW of critical IT.
/// ```
/// use gpuecon::models::facility::{gpus_to_mw, GpusToMwInputs};
/// use gpuecon::Decimal;
/// let need = gpus_to_mw(&GpusToMwInputs { gpus: Decimal::from(100_000), kw_per_gpu: Decimal::new(167, 2) })?;
/// assert_eq!(need.critical_it_mw, Decimal::from(167));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn gpus_to_mw(inputs: &GpusToMwInputs) -> Result<GpusToMw, ModelError> {
    inputs.ensure_valid()?;
    let critical_it_kw = units::mul(inputs.gpus, inputs.kw_per_gpu, "kw_per_gpu")?;
    Ok(GpusToMw {
        critical_it_kw: critical_it_kw.normalize(),
        critical_it_mw: units::div(critical_it_kw, KW_PER_MW, "gpus")?.normalize(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn domain_figures_by_hand() {
        // 500 MW (Core Scientific's CoreWeave sites) at 1.3 kW: 500,000 / 1.3 = 384,615.38…
        let fit = mw_to_gpus(&MwToGpusInputs {
            critical_it_mw: d("500"),
            kw_per_gpu: d("1.3"),
        })
        .unwrap();
        assert_eq!(fit.gpus, d("384615"));
        // 384,615 × 1.3 = 499,999.5 kW; 0.5 kW spare
        assert_eq!(fit.used_kw, d("499999.5"));
        assert_eq!(fit.spare_kw, d("0.5"));
        // and back: 499,999.5 kW = 499.9995 MW ≤ 500
        let back = gpus_to_mw(&GpusToMwInputs {
            gpus: fit.gpus,
            kw_per_gpu: d("1.3"),
        })
        .unwrap();
        assert_eq!(back.critical_it_mw, d("499.9995"));
    }

    #[test]
    fn an_exact_fit_has_no_spare() {
        // 1.02 MW / 1.275 kW = 800 exactly
        let fit = mw_to_gpus(&MwToGpusInputs {
            critical_it_mw: d("1.02"),
            kw_per_gpu: d("1.275"),
        })
        .unwrap();
        assert_eq!(fit.gpus, d("800"));
        assert_eq!(fit.spare_kw, Decimal::ZERO);
        // less than one GPU's power holds none
        let none = mw_to_gpus(&MwToGpusInputs {
            critical_it_mw: d("0.001"),
            kw_per_gpu: d("1.275"),
        })
        .unwrap();
        assert_eq!(none.gpus, Decimal::ZERO);
        assert_eq!(none.spare_kw, d("1"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let err = mw_to_gpus(&MwToGpusInputs {
            critical_it_mw: d("-1"),
            kw_per_gpu: d("1.3"),
        })
        .unwrap_err();
        assert_eq!(err.field(), "critical_it_mw");
        let err = gpus_to_mw(&GpusToMwInputs {
            gpus: d("10"),
            kw_per_gpu: Decimal::ZERO,
        })
        .unwrap_err();
        assert_eq!(err.field(), "kw_per_gpu");
        let err = mw_to_gpus(&MwToGpusInputs {
            critical_it_mw: Decimal::MAX,
            kw_per_gpu: d("1.3"),
        })
        .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "critical_it_mw")
        );
    }
}
