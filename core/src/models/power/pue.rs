//! [`energy_split`]: IT energy, facility energy and the overhead between them, by PUE.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// What [`energy_split`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnergySplitInputs {
    /// Energy used by the IT equipment (servers, network, storage) in kWh (at least 0).
    pub it_kwh: Decimal,
    /// Power usage effectiveness, facility energy ÷ IT energy (at least 1).
    pub pue: Decimal,
}

/// The result of [`energy_split`]: `it_kwh + overhead_kwh = facility_kwh` exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergySplit {
    /// The IT energy.
    pub it_kwh: Decimal,
    /// Cooling, power conversion and lighting: `it_kwh × (PUE − 1)`.
    pub overhead_kwh: Decimal,
    /// Everything the facility draws from the grid: `it_kwh × PUE`.
    pub facility_kwh: Decimal,
}

impl Validate for EnergySplitInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least("it_kwh", self.it_kwh, Decimal::ZERO);
        c.pue("pue", self.pue);
    }
}

/// IT energy against facility energy (ISO/IEC 30134-2):
///
/// ```text
/// facility = IT × PUE          (PUE applied once, to IT energy)
/// overhead = IT × (PUE − 1) = facility − IT
/// ```
///
/// Exact [`Decimal`] products.
///
/// # Errors
/// [`ModelError::Domain`] on `it_kwh` (negative) or `pue` (below 1);
/// [`ModelError::Finance`] on `pue` when the product overflows.
///
/// # Example
/// 1,000 kWh of IT load at Uptime's 2025 average PUE of 1.54 draws 1,540 kWh, 540 of them
/// overhead; at Applied Digital Ellendale's 1.18 it draws 1,180.
/// ```
/// use gpuecon::models::power::{energy_split, EnergySplitInputs};
/// use gpuecon::Decimal;
/// let split = energy_split(&EnergySplitInputs { it_kwh: Decimal::from(1_000), pue: Decimal::new(154, 2) })?;
/// assert_eq!(split.facility_kwh, Decimal::from(1_540));
/// assert_eq!(split.overhead_kwh, Decimal::from(540));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn energy_split(inputs: &EnergySplitInputs) -> Result<EnergySplit, ModelError> {
    inputs.ensure_valid()?;
    let facility_kwh = units::mul(inputs.it_kwh, inputs.pue, "pue")?;
    let overhead_kwh = units::sub(facility_kwh, inputs.it_kwh, "pue")?;
    Ok(EnergySplit {
        it_kwh: inputs.it_kwh,
        overhead_kwh: overhead_kwh.normalize(),
        facility_kwh: facility_kwh.normalize(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn split_by_hand() {
        // 10.2 kW DGX H100 for 730 hours = 7,446 kWh; × 1.3 = 9,679.8; overhead 2,233.8.
        let split = energy_split(&EnergySplitInputs {
            it_kwh: d("7446"),
            pue: d("1.3"),
        })
        .unwrap();
        assert_eq!(split.facility_kwh, d("9679.8"));
        assert_eq!(split.overhead_kwh, d("2233.8"));
        assert_eq!(split.it_kwh + split.overhead_kwh, split.facility_kwh);
    }

    #[test]
    fn pue_of_one_has_no_overhead() {
        let split = energy_split(&EnergySplitInputs {
            it_kwh: d("123.456"),
            pue: Decimal::ONE,
        })
        .unwrap();
        assert_eq!(split.overhead_kwh, Decimal::ZERO);
        assert_eq!(split.facility_kwh, d("123.456"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let err = energy_split(&EnergySplitInputs {
            it_kwh: d("100"),
            pue: d("0.99"),
        })
        .unwrap_err();
        assert_eq!((err.code(), err.field()), (crate::ErrorCode::Domain, "pue"));
        let err = energy_split(&EnergySplitInputs {
            it_kwh: d("-1"),
            pue: d("1.2"),
        })
        .unwrap_err();
        assert_eq!(err.field(), "it_kwh");
        let err = energy_split(&EnergySplitInputs {
            it_kwh: Decimal::MAX,
            pue: d("2"),
        })
        .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "pue")
        );
    }
}
