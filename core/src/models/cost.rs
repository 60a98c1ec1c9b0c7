//! The owner's cost of one GPU-hour, itemized (docs/domain.md section 3).
//!
//! Every item is in USD per *available* GPU-hour (every hour of the year, sold or not):
//!
//! ```text
//! capital     = capex × CRF(r, n) / 8760,  CRF = r / (1 − (1 + r)^−n)   (capital recovery)
//!             = ((capex − salvage)/n + r × (capex + salvage)/2) / 8760  (straight line)
//! power       = it_kw × load_factor × PUE × usd_per_kwh
//! load_factor = idle_fraction + (1 − idle_fraction) × utilization
//! facility    = contracted_kw × usd_per_kw_month / 730
//! operations  = staff + support + software                 (each per GPU-hour)
//!             + capex × insurance_rate / 8760
//!             + sga_share × price × utilization            (SG&A on revenue)
//! total       = capital + power + facility + operations
//! per utilized hour = total / utilization
//! ```
//!
//! With a salvage value the capital recovery charge is `PMT(r, n, −capex, salvage)`:
//! `capex × CRF − salvage × r / ((1 + r)^n − 1)`; at `r = 0` it is `(capex − salvage)/n`.
//!
//! - **Power**: an idle GPU still draws power (an H100 idles near 70-100 W of its 700 W, an
//!   `idle_fraction` of about 0.10-0.14), so power follows the load factor, not utilization.
//!   PUE multiplies IT energy exactly once.
//! - **Facility**: colocation is billed on contracted critical IT kW whether used or not,
//!   so it is *not* scaled by utilization.
//! - **Exactness**: all arithmetic is checked [`Decimal`]; `(1 + r)^n` is exact for a
//!   whole number of years and an `f64` power otherwise (through [`finance::pmt`]). Each
//!   item is rounded to [`ITEM_DECIMAL_PLACES`] (far below a billionth of a cent), so the
//!   items add up to the total exactly, in any order.
//! - **Errors**: [`owner_cost`] checks the inputs with [`Validate::validate`] first
//!   and returns the *first* problem it finds; call [`Validate::validate`] to see all of them.

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::check::{Checker, Validate};
use crate::finance::{self, PaymentTiming};
use crate::units::{self, HOURS_PER_MONTH, HOURS_PER_YEAR};
use crate::{Decimal, FinanceError};

/// Decimal places each item of [`OwnerCost`] is rounded to (half-even). With 18 places,
/// items below $10 billion an hour keep every digit when added, so the sum is exact.
pub const ITEM_DECIMAL_PLACES: u32 = 18;

/// How the capital cost of a GPU is spread over its hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapitalMethod {
    /// Level annual charge `PMT(r, n, −capex, salvage)` (the capital recovery factor): the
    /// payment that repays the capex with interest at `r` over `n` years.
    #[default]
    CapitalRecovery,
    /// Straight-line depreciation `(capex − salvage)/n` a year plus the cost of capital on
    /// the average book value, `r × (capex + salvage)/2` a year.
    StraightLine,
}

/// The GPU's capital: what it cost, how long it earns, and at what cost of capital.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapitalInputs {
    /// All-in capex per GPU in USD (GPU, server share, network, storage, installation).
    pub capex_usd_per_gpu: Decimal,
    /// Value at the end of life in USD per GPU (default 0; at most the capex).
    #[serde(default)]
    pub salvage_usd_per_gpu: Decimal,
    /// Economic life in years (greater than 0; fractions allowed).
    pub life_years: Decimal,
    /// Annual cost of capital, as a fraction (0.10 for 10 %; at least 0).
    pub annual_rate: Decimal,
    /// Capital recovery (the default) or straight line.
    #[serde(default)]
    pub method: CapitalMethod,
}

/// The GPU's electricity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerInputs {
    /// All-in IT power per GPU at full load in kW (its share of the node: 1.275 for an H100
    /// in a 10.2 kW DGX of 8).
    pub it_kw_per_gpu: Decimal,
    /// Idle power as a fraction of full power, in [0, 1] (about 0.10-0.14 for an H100).
    pub idle_fraction: Decimal,
    /// Power usage effectiveness, total facility energy ÷ IT energy (at least 1).
    pub pue: Decimal,
    /// Price of electricity in USD per kWh (at least 0).
    pub usd_per_kwh: Decimal,
}

/// The data-centre space, billed on contracted critical IT capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacilityInputs {
    /// Contracted critical IT kW per GPU (usually the node's all-in IT kW per GPU).
    pub contracted_kw_per_gpu: Decimal,
    /// Colocation price in USD per kW-month (CBRE primary markets: $184-195, 2024-2025).
    pub usd_per_kw_month: Decimal,
}

/// People, insurance, software and overhead. Every field defaults to 0.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OperationsInputs {
    /// Operations staff in USD per GPU-hour.
    pub staff_usd_per_gpu_hour: Decimal,
    /// Hardware support and maintenance contracts in USD per GPU-hour.
    pub support_usd_per_gpu_hour: Decimal,
    /// Software licences in USD per GPU-hour.
    pub software_usd_per_gpu_hour: Decimal,
    /// Insurance a year as a fraction of capex (0.005 for 0.5 %).
    pub insurance_rate_per_year: Decimal,
    /// Selling, general and administrative cost as a fraction of revenue, in [0, 1].
    pub sga_share_of_revenue: Decimal,
}

/// How the GPU is sold: its price and billed utilization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageInputs {
    /// Billed utilization, hours sold ÷ hours available, in [0, 1].
    pub utilization: Decimal,
    /// Price per sold GPU-hour in USD (at least 0); revenue per available hour is
    /// `price × utilization`. Only SG&A depends on it.
    #[serde(default)]
    pub price_usd_per_gpu_hour: Decimal,
}

/// Everything [`owner_cost`] needs. Its JSON form uses the same field names, with decimals
/// as strings or numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerCostInputs {
    /// Capex, life and cost of capital.
    pub capital: CapitalInputs,
    /// Electricity.
    pub power: PowerInputs,
    /// Colocation.
    pub facility: FacilityInputs,
    /// Staff, support, software, insurance and SG&A.
    #[serde(default)]
    pub operations: OperationsInputs,
    /// Utilization and price.
    pub usage: UsageInputs,
}

/// The owner's cost of one GPU-hour, item by item, in USD per available GPU-hour unless
/// the name says otherwise. `capital + power + facility + operations = total` exactly, and
/// `operations` is the exact sum of its five parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerCost {
    /// Capital recovery (or depreciation plus cost of capital).
    pub capital_usd_per_gpu_hour: Decimal,
    /// Electricity, PUE included.
    pub power_usd_per_gpu_hour: Decimal,
    /// Colocation on contracted kW.
    pub facility_usd_per_gpu_hour: Decimal,
    /// Staff.
    pub staff_usd_per_gpu_hour: Decimal,
    /// Support and maintenance.
    pub support_usd_per_gpu_hour: Decimal,
    /// Software.
    pub software_usd_per_gpu_hour: Decimal,
    /// Insurance.
    pub insurance_usd_per_gpu_hour: Decimal,
    /// SG&A on revenue.
    pub sga_usd_per_gpu_hour: Decimal,
    /// Staff + support + software + insurance + SG&A.
    pub operations_usd_per_gpu_hour: Decimal,
    /// Capital + power + facility + operations.
    pub total_usd_per_gpu_hour: Decimal,
    /// The total per sold hour: `total ÷ utilization` (not rounded).
    pub total_usd_per_utilized_gpu_hour: Decimal,
}

impl Validate for OwnerCostInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::{OwnerCostInputs, Validate};
    /// let inputs: OwnerCostInputs = serde_json::from_str(r#"{
    ///   "capital": { "capex_usd_per_gpu": "50000", "life_years": 0, "annual_rate": 0.1 },
    ///   "power": { "it_kw_per_gpu": 1.275, "idle_fraction": 0.1, "pue": 0.9, "usd_per_kwh": 0.08 },
    ///   "facility": { "contracted_kw_per_gpu": 1.275, "usd_per_kw_month": 150 },
    ///   "usage": { "utilization": 0.8 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["capital.life_years", "power.pue"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.nested("capital", &self.capital);
        c.nested("power", &self.power);
        c.nested("facility", &self.facility);
        c.nested("operations", &self.operations);
        c.nested("usage", &self.usage);
    }
}

impl Validate for CapitalInputs {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("capex_usd_per_gpu", self.capex_usd_per_gpu, zero);
        c.between(
            "salvage_usd_per_gpu",
            self.salvage_usd_per_gpu,
            zero,
            self.capex_usd_per_gpu.max(zero),
            "must be between 0 and the capex",
        );
        c.positive("life_years", self.life_years);
        c.at_least("annual_rate", self.annual_rate, zero);
    }
}

impl Validate for PowerInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least("it_kw_per_gpu", self.it_kw_per_gpu, Decimal::ZERO);
        c.fraction("idle_fraction", self.idle_fraction);
        if self.pue < Decimal::ONE {
            c.problem(
                "pue",
                "must be at least 1 (facility energy includes the IT energy)",
            );
        }
        c.at_least("usd_per_kwh", self.usd_per_kwh, Decimal::ZERO);
    }
}

impl Validate for FacilityInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "contracted_kw_per_gpu",
            self.contracted_kw_per_gpu,
            Decimal::ZERO,
        );
        c.at_least("usd_per_kw_month", self.usd_per_kw_month, Decimal::ZERO);
    }
}

impl Validate for OperationsInputs {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("staff_usd_per_gpu_hour", self.staff_usd_per_gpu_hour, zero);
        c.at_least(
            "support_usd_per_gpu_hour",
            self.support_usd_per_gpu_hour,
            zero,
        );
        c.at_least(
            "software_usd_per_gpu_hour",
            self.software_usd_per_gpu_hour,
            zero,
        );
        c.at_least(
            "insurance_rate_per_year",
            self.insurance_rate_per_year,
            zero,
        );
        c.fraction("sga_share_of_revenue", self.sga_share_of_revenue);
    }
}

impl Validate for UsageInputs {
    fn check(&self, c: &mut Checker) {
        c.fraction("utilization", self.utilization);
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
    }
}

impl PowerInputs {
    /// Electricity per available GPU-hour at `utilization` (busy share of the hours):
    /// `it_kw × (idle + (1 − idle) × utilization) × PUE × usd_per_kwh`, PUE applied once.
    ///
    /// # Errors
    /// [`ModelError::Finance`] naming the power field whose product overflows.
    pub fn usd_per_gpu_hour(&self, utilization: Decimal) -> Result<Decimal, ModelError> {
        let busy = units::mul(
            units::sub(Decimal::ONE, self.idle_fraction, "power.idle_fraction")?,
            utilization,
            "usage.utilization",
        )?;
        let load_factor = units::add(self.idle_fraction, busy, "power.idle_fraction")?;
        let kw = units::mul(self.it_kw_per_gpu, load_factor, "power.it_kw_per_gpu")?;
        let facility_kw = units::mul(kw, self.pue, "power.pue")?;
        Ok(units::mul(
            facility_kw,
            self.usd_per_kwh,
            "power.usd_per_kwh",
        )?)
    }
}

impl FacilityInputs {
    /// Colocation per GPU a month, `contracted_kw × usd_per_kw_month` (exact): billed on
    /// contracted kW whether the GPU is used or not.
    ///
    /// # Errors
    /// [`ModelError::Finance`] on `facility.usd_per_kw_month` when the product overflows.
    pub fn usd_per_gpu_month(&self) -> Result<Decimal, ModelError> {
        Ok(units::mul(
            self.contracted_kw_per_gpu,
            self.usd_per_kw_month,
            "facility.usd_per_kw_month",
        )?)
    }

    /// Colocation per available GPU-hour, the month's charge over its 730 hours.
    ///
    /// # Errors
    /// As [`FacilityInputs::usd_per_gpu_month`].
    pub fn usd_per_gpu_hour(&self) -> Result<Decimal, ModelError> {
        Ok(units::div(
            self.usd_per_gpu_month()?,
            HOURS_PER_MONTH,
            "facility.usd_per_kw_month",
        )?)
    }
}

impl OperationsInputs {
    /// Insurance per GPU a year, `capex × insurance_rate_per_year` (exact).
    ///
    /// # Errors
    /// [`ModelError::Finance`] on `operations.insurance_rate_per_year` on overflow.
    pub fn insurance_usd_per_gpu_year(
        &self,
        capex_usd_per_gpu: Decimal,
    ) -> Result<Decimal, ModelError> {
        Ok(units::mul(
            capex_usd_per_gpu,
            self.insurance_rate_per_year,
            "operations.insurance_rate_per_year",
        )?)
    }

    /// Insurance per available GPU-hour, the year's premium over its 8,760 hours.
    ///
    /// # Errors
    /// As [`OperationsInputs::insurance_usd_per_gpu_year`].
    pub fn insurance_usd_per_gpu_hour(
        &self,
        capex_usd_per_gpu: Decimal,
    ) -> Result<Decimal, ModelError> {
        Ok(units::div(
            self.insurance_usd_per_gpu_year(capex_usd_per_gpu)?,
            HOURS_PER_YEAR,
            "operations.insurance_rate_per_year",
        )?)
    }

    /// SG&A on `revenue_usd` (any period): `sga_share_of_revenue × revenue`.
    ///
    /// # Errors
    /// [`ModelError::Finance`] on `operations.sga_share_of_revenue` on overflow.
    pub fn sga_usd(&self, revenue_usd: Decimal) -> Result<Decimal, ModelError> {
        Ok(units::mul(
            self.sga_share_of_revenue,
            revenue_usd,
            "operations.sga_share_of_revenue",
        )?)
    }
}

/// Renames a [`finance::pmt`] argument to the input it came from.
fn pmt_field(argument: &str) -> &'static str {
    match argument {
        "nper" => "capital.life_years",
        "pv" => "capital.capex_usd_per_gpu",
        "fv" => "capital.salvage_usd_per_gpu",
        _ => "capital.annual_rate",
    }
}

/// The capital item per available hour, before rounding.
fn capital_per_hour(c: &CapitalInputs) -> Result<Decimal, ModelError> {
    let per_year = match c.method {
        CapitalMethod::CapitalRecovery => finance::pmt(
            c.annual_rate,
            c.life_years,
            -c.capex_usd_per_gpu,
            Some(c.salvage_usd_per_gpu),
            Some(PaymentTiming::End),
        )
        .map_err(|e: FinanceError| ModelError::finance(pmt_field(e.field()), e))?,
        CapitalMethod::StraightLine => {
            let depreciable = units::sub(
                c.capex_usd_per_gpu,
                c.salvage_usd_per_gpu,
                "capital.capex_usd_per_gpu",
            )?;
            let depreciation = units::div(depreciable, c.life_years, "capital.life_years")?;
            let book_sum = units::add(
                c.capex_usd_per_gpu,
                c.salvage_usd_per_gpu,
                "capital.capex_usd_per_gpu",
            )?;
            let average_book = units::div(book_sum, Decimal::TWO, "capital.capex_usd_per_gpu")?;
            let carrying = units::mul(c.annual_rate, average_book, "capital.annual_rate")?;
            units::add(depreciation, carrying, "capital.capex_usd_per_gpu")?
        }
    };
    Ok(units::div(per_year, HOURS_PER_YEAR, "capital.life_years")?)
}

/// An item kept to [`ITEM_DECIMAL_PLACES`].
fn item(value: Decimal) -> Decimal {
    units::keep(value, ITEM_DECIMAL_PLACES)
}

/// The owner's itemized cost of one GPU-hour (see the [module docs](self) for the formulas).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field, for example `power.pue`); [`ModelError::Finance`] when a value overflows a
/// [`Decimal`]; and a domain error on `usage.utilization` when it is 0 (no hour is sold,
/// so there is no cost per utilized hour).
///
/// # Example
/// An H100 SXM at $50,000 all-in over 6 years at 10 %, colocated at $150/kW-month:
///
/// ```
/// use gpuecon::models::{owner_cost, OwnerCostInputs};
/// use gpuecon::Decimal;
/// let inputs: OwnerCostInputs = serde_json::from_str(r#"{
///   "capital": { "capex_usd_per_gpu": "50000", "life_years": "6", "annual_rate": "0.10" },
///   "power": { "it_kw_per_gpu": "1.275", "idle_fraction": "0.1", "pue": "1.3", "usd_per_kwh": "0.08" },
///   "facility": { "contracted_kw_per_gpu": "1.275", "usd_per_kw_month": "150" },
///   "usage": { "utilization": "0.8" }
/// }"#).unwrap();
/// let cost = owner_cost(&inputs)?;
/// // 1.275 kW × (0.1 + 0.9 × 0.8) × 1.3 × $0.08 = $0.108732
/// assert_eq!(cost.power_usd_per_gpu_hour, Decimal::new(108_732, 6));
/// // 50,000 × CRF(10 %, 6) / 8760 = $1.3105...; plus power and facility: $1.68126... an hour
/// assert_eq!(cost.total_usd_per_gpu_hour.round_dp(4), Decimal::new(16813, 4));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn owner_cost(inputs: &OwnerCostInputs) -> Result<OwnerCost, ModelError> {
    inputs.ensure_valid()?;
    let (w, f, o, u) = (
        &inputs.power,
        &inputs.facility,
        &inputs.operations,
        &inputs.usage,
    );
    if u.utilization.is_zero() {
        return Err(ModelError::domain(
            "usage.utilization",
            "must be greater than 0 for a cost per utilized hour",
        ));
    }
    let capital = item(capital_per_hour(&inputs.capital)?);

    let power = item(w.usd_per_gpu_hour(u.utilization)?);
    let facility = item(f.usd_per_gpu_hour()?);

    let insurance = item(o.insurance_usd_per_gpu_hour(inputs.capital.capex_usd_per_gpu)?);
    let revenue = units::mul(
        u.price_usd_per_gpu_hour,
        u.utilization,
        "usage.price_usd_per_gpu_hour",
    )?;
    let sga = item(o.sga_usd(revenue)?);
    let (staff, support, software) = (
        item(o.staff_usd_per_gpu_hour),
        item(o.support_usd_per_gpu_hour),
        item(o.software_usd_per_gpu_hour),
    );
    let mut operations = Decimal::ZERO;
    for part in [staff, support, software, insurance, sga] {
        operations = units::add(operations, part, "operations")?;
    }
    let mut total = Decimal::ZERO;
    for part in [capital, power, facility, operations] {
        total = units::add(total, part, "total")?;
    }
    let per_utilized = units::div(total, u.utilization, "usage.utilization")?;
    Ok(OwnerCost {
        capital_usd_per_gpu_hour: capital,
        power_usd_per_gpu_hour: power,
        facility_usd_per_gpu_hour: facility,
        staff_usd_per_gpu_hour: staff,
        support_usd_per_gpu_hour: support,
        software_usd_per_gpu_hour: software,
        insurance_usd_per_gpu_hour: insurance,
        sga_usd_per_gpu_hour: sga,
        operations_usd_per_gpu_hour: operations,
        total_usd_per_gpu_hour: total,
        total_usd_per_utilized_gpu_hour: per_utilized,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// The brief's H100: $50,000 all-in, 6 years at 10 %, 1.275 kW (10.2 kW / 8), idle at
    /// 10 % of full power, PUE 1.3, $0.08/kWh, $150/kW-month, 80 % utilization.
    fn h100() -> OwnerCostInputs {
        OwnerCostInputs {
            capital: CapitalInputs {
                capex_usd_per_gpu: d("50000"),
                salvage_usd_per_gpu: Decimal::ZERO,
                life_years: d("6"),
                annual_rate: d("0.10"),
                method: CapitalMethod::CapitalRecovery,
            },
            power: PowerInputs {
                it_kw_per_gpu: d("1.275"),
                idle_fraction: d("0.1"),
                pue: d("1.3"),
                usd_per_kwh: d("0.08"),
            },
            facility: FacilityInputs {
                contracted_kw_per_gpu: d("1.275"),
                usd_per_kw_month: d("150"),
            },
            operations: OperationsInputs::default(),
            usage: UsageInputs {
                utilization: d("0.8"),
                price_usd_per_gpu_hour: d("2.50"),
            },
        }
    }

    fn close(got: Decimal, expected: &str, tolerance: &str) {
        let diff = (got - d(expected)).abs();
        assert!(diff <= d(tolerance), "got {got}, expected {expected}");
    }

    #[test]
    fn h100_by_hand() {
        let cost = owner_cost(&h100()).unwrap();
        // 1.1^6 = 1.771561; 1.1^-6 = 0.564473930...; CRF = 0.1 / (1 - 0.564473930...)
        //   = 0.229607380362667371730815839577...  (exact rational arithmetic)
        // capital = 50,000 × 0.2296073803626673717... / 8760 = 11,480.369018.../8760
        //   = 1.310544408462713308965843833203...
        close(
            cost.capital_usd_per_gpu_hour,
            "1.310544408462713308965843833",
            "1e-17",
        );
        // load factor = 0.1 + 0.9 × 0.8 = 0.82; 1.275 × 0.82 = 1.0455; × 1.3 = 1.35915;
        // × 0.08 = 0.108732 exactly.
        assert_eq!(cost.power_usd_per_gpu_hour, d("0.108732"));
        // facility = 1.275 × 150 / 730 = 191.25 / 730 = 0.261986301369863013698630...
        // (rounded to 18 places: ...013699)
        assert_eq!(cost.facility_usd_per_gpu_hour, d("0.261986301369863014"));
        // no operations given: 0
        assert_eq!(cost.operations_usd_per_gpu_hour, Decimal::ZERO);
        // total = 1.3105444084627133 + 0.108732 + 0.2619863013698630 = 1.68126270983257632...
        close(
            cost.total_usd_per_gpu_hour,
            "1.681262709832576322664473970",
            "1e-17",
        );
        // per utilized hour = 1.68126270983257632... / 0.8 = 2.10157838729072040333...
        close(
            cost.total_usd_per_utilized_gpu_hour,
            "2.101578387290720403330592463",
            "1e-17",
        );
    }

    #[test]
    fn straight_line_and_operations_by_hand() {
        let mut inputs = h100();
        inputs.capital.method = CapitalMethod::StraightLine;
        inputs.capital.salvage_usd_per_gpu = d("5000");
        inputs.operations = OperationsInputs {
            staff_usd_per_gpu_hour: d("0.05"),
            support_usd_per_gpu_hour: d("0.04"),
            software_usd_per_gpu_hour: d("0.01"),
            insurance_rate_per_year: d("0.005"),
            sga_share_of_revenue: d("0.05"),
        };
        let cost = owner_cost(&inputs).unwrap();
        // (50,000 − 5,000)/6 = 7,500 a year; 10 % × (50,000 + 5,000)/2 = 2,750 a year;
        // 10,250 / 8760 = 1.170091324200913242009...
        assert_eq!(cost.capital_usd_per_gpu_hour, d("1.170091324200913242"));
        // insurance = 50,000 × 0.5 % = 250 a year / 8760 = 0.028538812785388127853...
        assert_eq!(cost.insurance_usd_per_gpu_hour, d("0.028538812785388128"));
        // SG&A = 5 % × $2.50 × 0.8 = 0.1
        assert_eq!(cost.sga_usd_per_gpu_hour, d("0.1"));
        // operations = 0.05 + 0.04 + 0.01 + 0.028538812785388128 + 0.1
        assert_eq!(cost.operations_usd_per_gpu_hour, d("0.228538812785388128"));
        // total = 1.170091324200913242 + 0.108732 + 0.261986301369863014 + 0.228538812785388128
        assert_eq!(cost.total_usd_per_gpu_hour, d("1.769348438356164384"));
    }

    #[test]
    fn salvage_lowers_the_capital_recovery_charge() {
        // With r = 0 capital recovery is straight line: (50,000 − 5,000)/6/8760 =
        // 7,500/8760 = 0.856164383561643835616...
        let mut inputs = h100();
        inputs.capital.annual_rate = Decimal::ZERO;
        inputs.capital.salvage_usd_per_gpu = d("5000");
        let cost = owner_cost(&inputs).unwrap();
        assert_eq!(cost.capital_usd_per_gpu_hour, d("0.856164383561643836"));
    }

    #[test]
    fn errors_name_the_field() {
        let mut inputs = h100();
        inputs.power.pue = d("0.95");
        let err = owner_cost(&inputs).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Domain, "power.pue")
        );

        let mut inputs = h100();
        inputs.usage.utilization = Decimal::ZERO;
        assert_eq!(
            owner_cost(&inputs).unwrap_err().field(),
            "usage.utilization"
        );

        let mut inputs = h100();
        inputs.capital.life_years = Decimal::ZERO;
        inputs.usage.price_usd_per_gpu_hour = d("-1");
        let all: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(all, ["capital.life_years", "usage.price_usd_per_gpu_hour"]);
        assert_eq!(
            owner_cost(&inputs).unwrap_err().field(),
            "capital.life_years"
        );
    }

    #[test]
    fn overflow_is_an_error_naming_a_field() {
        let mut inputs = h100();
        // Capital recovery falls back to f64 and fits; capex × 200 % insurance does not.
        inputs.capital.capex_usd_per_gpu = Decimal::MAX;
        inputs.operations.insurance_rate_per_year = d("2");
        let err = owner_cost(&inputs).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "operations.insurance_rate_per_year");
    }
}
