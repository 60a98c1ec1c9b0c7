//! [`lease_schedule`]: a colocation or hyperscale lease, month by month: rent on contracted
//! critical IT kW with an annual escalator, and under triple-net the tenant's taxes,
//! insurance and maintenance as separate items.

use serde::{Deserialize, Serialize};

use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::amount;
use crate::units::{self, MAX_MONTHS, MONTHS_PER_YEAR};
use crate::{Decimal, finance};

/// One cost the tenant pays under a triple-net lease, in USD: `usd_per_kw_month` on the
/// contracted kW plus `usd_per_year` spread over 12 months, escalated by its own
/// `annual_escalator` each 12 lease months. Every field defaults to 0.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PassThrough {
    /// Per contracted kW a month (at least 0).
    pub usd_per_kw_month: Decimal,
    /// A year, billed as a twelfth each month (at least 0).
    pub usd_per_year: Decimal,
    /// The increase each 12 lease months (greater than −1; 0.03 for 3 %).
    pub annual_escalator: Decimal,
}

/// Who pays the building's taxes, insurance and maintenance, tagged by `kind` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum LeaseStructure {
    /// Modified gross (the default): the rent includes them; the landlord pays.
    #[default]
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    ModifiedGross,
    /// Triple-net (NNN): the tenant pays them on top of the rent.
    TripleNet {
        /// Property taxes.
        #[serde(default)]
        taxes: PassThrough,
        /// Building insurance.
        #[serde(default)]
        insurance: PassThrough,
        /// Maintenance of the building and its power and cooling plant.
        #[serde(default)]
        maintenance: PassThrough,
    },
}

/// What [`lease_schedule`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaseInputs {
    /// Contracted critical IT capacity in kW (greater than 0), billed whether used or not.
    pub contracted_kw: Decimal,
    /// Rent in the first lease year, USD per kW-month (at least 0; CBRE primary markets
    /// $184-195, 2024-2025; hyperscale HPC deals ~$121-154).
    pub usd_per_kw_month: Decimal,
    /// Months in the term (greater than 0; the lease ends by month 1200).
    pub term_months: u32,
    /// The first month of the lease on the timeline (default 1).
    #[serde(default = "first_month")]
    pub start_month: u32,
    /// The rent's increase each 12 lease months (greater than −1; default 0; 3 % is
    /// common).
    #[serde(default)]
    pub annual_escalator: Decimal,
    /// Modified gross (default) or triple-net.
    #[serde(default)]
    pub structure: LeaseStructure,
    /// An annual rate to discount the payments at (greater than −1; optional).
    #[serde(default)]
    pub annual_discount_rate: Option<Decimal>,
}

/// `1`, the default start month.
const fn first_month() -> u32 {
    1
}

/// One month of a [`LeaseSchedule`]; amounts kept to
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseMonth {
    /// The month on the timeline.
    pub month: u32,
    /// The month of the lease, 1 for its first.
    pub lease_month: u32,
    /// The escalated rent rate, `usd_per_kw_month × (1 + escalator)^⌊(lease_month − 1)/12⌋`.
    pub rent_usd_per_kw_month: Decimal,
    /// `contracted_kw × rent_usd_per_kw_month`.
    pub rent_usd: Decimal,
    /// Taxes (triple-net; else 0).
    pub taxes_usd: Decimal,
    /// Insurance (triple-net; else 0).
    pub insurance_usd: Decimal,
    /// Maintenance (triple-net; else 0).
    pub maintenance_usd: Decimal,
    /// Rent + taxes + insurance + maintenance.
    pub total_usd: Decimal,
}

/// The sums over the term of a [`LeaseSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseTotals {
    /// Rent.
    pub rent_usd: Decimal,
    /// Taxes.
    pub taxes_usd: Decimal,
    /// Insurance.
    pub insurance_usd: Decimal,
    /// Maintenance.
    pub maintenance_usd: Decimal,
    /// Everything the tenant pays: the total contract value, undiscounted.
    pub total_usd: Decimal,
    /// `contracted_kw × term_months`.
    pub kw_months: Decimal,
    /// `total_usd ÷ kw_months`: the all-in average, as deal figures are quoted.
    pub usd_per_kw_month: Decimal,
    /// The payments' present value at the lease's timeline month 0, each at its month's
    /// end (Excel's NPV at the monthly rate `(1 + r)^(1/12) − 1`); `None` without a rate.
    pub present_value_usd: Option<Decimal>,
}

/// The result of [`lease_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseSchedule {
    /// One row a lease month.
    pub months: Vec<LeaseMonth>,
    /// Their sums.
    pub totals: LeaseTotals,
}

impl Validate for PassThrough {
    fn check(&self, c: &mut Checker) {
        c.at_least("usd_per_kw_month", self.usd_per_kw_month, Decimal::ZERO);
        c.at_least("usd_per_year", self.usd_per_year, Decimal::ZERO);
        check_escalator(c, "annual_escalator", self.annual_escalator);
    }
}

impl Validate for LeaseStructure {
    fn check(&self, c: &mut Checker) {
        if let Self::TripleNet {
            taxes,
            insurance,
            maintenance,
        } = self
        {
            c.nested("taxes", taxes);
            c.nested("insurance", insurance);
            c.nested("maintenance", maintenance);
        }
    }
}

impl Validate for LeaseInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::facility::LeaseInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: LeaseInputs = serde_json::from_str(r#"{
    ///   "contracted_kw": 1000, "usd_per_kw_month": 150, "term_months": 0,
    ///   "structure": { "kind": "triple_net", "taxes": { "usd_per_year": -5 } }
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["term_months", "structure.taxes.usd_per_year"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.positive("contracted_kw", self.contracted_kw);
        c.at_least("usd_per_kw_month", self.usd_per_kw_month, Decimal::ZERO);
        if self.start_month == 0 {
            c.problem("start_month", "must be at least 1");
        } else if self.start_month > MAX_MONTHS {
            c.problem("start_month", "must be at most 1200");
        }
        if self.term_months == 0 {
            c.problem("term_months", "must be greater than 0");
        } else if u64::from(self.start_month.max(1)) + u64::from(self.term_months) - 1
            > u64::from(MAX_MONTHS)
        {
            c.problem("term_months", "must end by month 1200");
        }
        check_escalator(c, "annual_escalator", self.annual_escalator);
        c.nested("structure", &self.structure);
        if let Some(rate) = self.annual_discount_rate
            && rate <= Decimal::NEGATIVE_ONE
        {
            c.problem("annual_discount_rate", "must be greater than -1");
        }
    }
}

/// Records a problem on `field` unless `rate > −1`.
fn check_escalator(c: &mut Checker, field: &str, rate: Decimal) {
    if rate <= Decimal::NEGATIVE_ONE {
        c.problem(field, "must be greater than -1");
    }
}

/// An escalation factor `(1 + r)^⌊(j − 1)/12⌋` for lease months `j = 1, 2, …` in turn,
/// by one exact multiplication at each anniversary.
struct Escalation {
    step: Decimal,
    factor: Decimal,
    field: &'static str,
}

impl Escalation {
    fn new(annual_rate: Decimal, field: &'static str) -> Result<Self, ModelError> {
        Ok(Self {
            step: units::add(Decimal::ONE, annual_rate, field)?,
            factor: Decimal::ONE,
            field,
        })
    }

    /// The factor in `lease_month` (called for months 1, 2, … in order).
    fn at(&mut self, lease_month: u32) -> Result<Decimal, ModelError> {
        if lease_month > 1 && (lease_month - 1) % 12 == 0 {
            self.factor = units::mul(self.factor, self.step, self.field)?;
        }
        Ok(self.factor)
    }
}

/// One pass-through item: its paths for errors and its escalation.
struct Item<'a> {
    charge: &'a PassThrough,
    escalation: Escalation,
    field: &'static str,
}

impl<'a> Item<'a> {
    fn new(
        charge: &'a PassThrough,
        field: &'static str,
        escalator_field: &'static str,
    ) -> Result<Self, ModelError> {
        Ok(Self {
            charge,
            escalation: Escalation::new(charge.annual_escalator, escalator_field)?,
            field,
        })
    }

    /// `(kW × usd_per_kw_month + usd_per_year / 12) × escalation` in `lease_month`.
    fn usd(&mut self, contracted_kw: Decimal, lease_month: u32) -> Result<Decimal, ModelError> {
        let per_kw = units::mul(contracted_kw, self.charge.usd_per_kw_month, self.field)?;
        let per_year = units::div(self.charge.usd_per_year, MONTHS_PER_YEAR, self.field)?;
        let base = units::add(per_kw, per_year, self.field)?;
        let factor = self.escalation.at(lease_month)?;
        Ok(amount(units::mul(base, factor, self.escalation.field)?))
    }
}

/// The three triple-net items (all zero under modified gross).
fn pass_throughs(structure: &LeaseStructure) -> Result<[Item<'_>; 3], ModelError> {
    /// Zero charges, for modified gross.
    static NONE: PassThrough = PassThrough {
        usd_per_kw_month: Decimal::ZERO,
        usd_per_year: Decimal::ZERO,
        annual_escalator: Decimal::ZERO,
    };
    let (taxes, insurance, maintenance) = match structure {
        LeaseStructure::ModifiedGross => (&NONE, &NONE, &NONE),
        LeaseStructure::TripleNet {
            taxes,
            insurance,
            maintenance,
        } => (taxes, insurance, maintenance),
    };
    Ok([
        Item::new(
            taxes,
            "structure.taxes.usd_per_kw_month",
            "structure.taxes.annual_escalator",
        )?,
        Item::new(
            insurance,
            "structure.insurance.usd_per_kw_month",
            "structure.insurance.annual_escalator",
        )?,
        Item::new(
            maintenance,
            "structure.maintenance.usd_per_kw_month",
            "structure.maintenance.annual_escalator",
        )?,
    ])
}

/// A lease month by month (docs/domain.md section 7). For lease month `j = 1 … term`
/// (timeline month `start_month + j − 1`):
///
/// ```text
/// escalation    f_j = (1 + annual_escalator)^⌊(j − 1)/12⌋     (each 12 months from the start)
/// rent_j        = contracted_kW × usd_per_kw_month × f_j
/// item_j        = (contracted_kW × item usd_per_kw_month + item usd_per_year / 12) × g_j
///                 for taxes, insurance, maintenance (triple-net; g_j their own escalation)
/// total_j       = rent_j + taxes_j + insurance_j + maintenance_j
/// average       = Σ total_j ÷ (contracted_kW × term)           ($/kW-month, as deals are quoted)
/// PV            = NPV((1 + r)^(1/12) − 1, payments from timeline month 1)
/// ```
///
/// - **Colocation** is priced per kW-month of contracted critical IT capacity, billed
///   whether used or not; escalators of 3 % a year are common. CBRE's primary-market rents
///   were $184.06/kW-month (H2 2024) and $194.95 (2025).
/// - **Modified gross or triple-net**: under modified gross the rent covers the building's
///   taxes, insurance and maintenance; under triple-net (NNN) the tenant pays them as well,
///   reported here as separate items. Power is metered and billed apart in both (see
///   [`energy_cost`](fn@crate::models::power::energy_cost)).
/// - **Hyperscale leases** are the same model at scale: typically 20-200 MW (20,000-200,000
///   kW) for 10-15 years (120-180 months), triple-net. Any positive size and term is
///   accepted; those ranges are what published deals show, not limits.
///   [`implied_lease_rate`](super::implied_lease_rate) turns a deal's headline value into
///   $/kW-month.
/// - **Exactness**: checked [`Decimal`]; the escalation is an exact whole power; each
///   month's amounts are kept to
///   [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES), so totals are their
///   exact sums (`usd_per_year / 12` is thus kept to a trillionth of a dollar a month).
///   The twelfth root of the discount rate is `f64` ([`finance::monthly_rate`]); the
///   discounting is [`finance::npv`].
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`contracted_kw`, `term_months`,
/// `annual_escalator` at most −1, `structure.taxes.usd_per_year`, …);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// 1 MW at $150/kW-month, 3 % a year, for 24 months, triple-net with taxes of $5/kW-month
/// and insurance of $24,000 a year: year 1 rent $150,000 a month, year 2 $154,500; taxes
/// $5,000 and insurance $2,000 a month.
/// ```
/// use gpuecon::models::facility::{lease_schedule, LeaseInputs};
/// use gpuecon::Decimal;
/// let inputs: LeaseInputs = serde_json::from_str(r#"{
///   "contracted_kw": 1000, "usd_per_kw_month": 150, "term_months": 24,
///   "annual_escalator": "0.03",
///   "structure": { "kind": "triple_net", "taxes": { "usd_per_kw_month": 5 },
///                  "insurance": { "usd_per_year": 24000 } }
/// }"#).unwrap();
/// let lease = lease_schedule(&inputs)?;
/// assert_eq!(lease.months[11].rent_usd, Decimal::from(150_000));
/// assert_eq!(lease.months[12].rent_usd, Decimal::from(154_500));
/// assert_eq!(lease.months[0].total_usd, Decimal::from(157_000));
/// // 12 × 150,000 + 12 × 154,500 + 24 × 7,000 = 3,822,000
/// assert_eq!(lease.totals.total_usd, Decimal::from(3_822_000));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn lease_schedule(inputs: &LeaseInputs) -> Result<LeaseSchedule, ModelError> {
    inputs.ensure_valid()?;
    let kw = inputs.contracted_kw;
    let mut rent_escalation = Escalation::new(inputs.annual_escalator, "annual_escalator")?;
    let [mut taxes, mut insurance, mut maintenance] = pass_throughs(&inputs.structure)?;
    let zero = Decimal::ZERO;
    let mut totals = [zero; 5];
    let mut months = Vec::with_capacity(usize::try_from(inputs.term_months).unwrap_or_default());
    for (lease_month, month) in (1..=inputs.term_months).zip(inputs.start_month..) {
        let factor = rent_escalation.at(lease_month)?;
        let rate = amount(units::mul(
            inputs.usd_per_kw_month,
            factor,
            "annual_escalator",
        )?);
        let rent_usd = amount(units::mul(kw, rate, "usd_per_kw_month")?);
        let taxes_usd = taxes.usd(kw, lease_month)?;
        let insurance_usd = insurance.usd(kw, lease_month)?;
        let maintenance_usd = maintenance.usd(kw, lease_month)?;
        let items = [rent_usd, taxes_usd, insurance_usd, maintenance_usd];
        let total_usd = items
            .iter()
            .try_fold(zero, |sum, x| units::add(sum, *x, "usd_per_kw_month"))?;
        for (sum, x) in totals
            .iter_mut()
            .zip(items.iter().chain(std::iter::once(&total_usd)))
        {
            *sum = units::add(*sum, *x, "usd_per_kw_month")?;
        }
        months.push(LeaseMonth {
            month,
            lease_month,
            rent_usd_per_kw_month: rate,
            rent_usd,
            taxes_usd,
            insurance_usd,
            maintenance_usd,
            total_usd,
        });
    }
    let [
        rent_usd,
        taxes_usd,
        insurance_usd,
        maintenance_usd,
        total_usd,
    ] = totals;
    let kw_months = units::mul(kw, Decimal::from(inputs.term_months), "contracted_kw")?;
    let present_value_usd = inputs
        .annual_discount_rate
        .map(|rate| present_value(rate, inputs.start_month, &months))
        .transpose()?;
    Ok(LeaseSchedule {
        months,
        totals: LeaseTotals {
            rent_usd,
            taxes_usd,
            insurance_usd,
            maintenance_usd,
            total_usd,
            kw_months: kw_months.normalize(),
            usd_per_kw_month: units::div(total_usd, kw_months, "contracted_kw")?.normalize(),
            present_value_usd,
        },
    })
}

/// The payments' NPV at month 0, each at the end of its timeline month.
fn present_value(
    annual_rate: Decimal,
    start_month: u32,
    months: &[LeaseMonth],
) -> Result<Decimal, ModelError> {
    let monthly = finance::monthly_rate(annual_rate, "annual_discount_rate")?;
    let before = usize::try_from(start_month.saturating_sub(1)).unwrap_or_default();
    let flows: Vec<Decimal> = std::iter::repeat_n(Decimal::ZERO, before)
        .chain(months.iter().map(|m| m.total_usd))
        .collect();
    finance::npv(monthly, &flows).map_err(|e| match e.field() {
        "rate" => ModelError::finance("annual_discount_rate", e),
        _ => ModelError::finance("usd_per_kw_month", e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn colocation() -> LeaseInputs {
        LeaseInputs {
            contracted_kw: d("1275"),
            usd_per_kw_month: d("184.06"),
            term_months: 36,
            start_month: 1,
            annual_escalator: d("0.03"),
            structure: LeaseStructure::ModifiedGross,
            annual_discount_rate: None,
        }
    }

    #[test]
    fn escalates_each_twelve_months_from_the_start() {
        let lease = lease_schedule(&colocation()).unwrap();
        // year 1: 1,275 × 184.06 = 234,676.5 a month
        assert_eq!(lease.months[0].rent_usd, d("234676.5"));
        assert_eq!(lease.months[11].rent_usd, d("234676.5"));
        // year 2: 184.06 × 1.03 = 189.5818; × 1,275 = 241,716.795
        assert_eq!(lease.months[12].rent_usd_per_kw_month, d("189.5818"));
        assert_eq!(lease.months[12].rent_usd, d("241716.795"));
        // year 3: 184.06 × 1.0609 = 195.269254; × 1,275 = 248,968.29885
        assert_eq!(lease.months[24].rent_usd, d("248968.29885"));
        // total 12 × (234,676.5 + 241,716.795 + 248,968.29885) = 8,704,339.1262
        assert_eq!(lease.totals.rent_usd, d("8704339.1262"));
        assert_eq!(lease.totals.total_usd, lease.totals.rent_usd);
        assert_eq!(lease.totals.taxes_usd, Decimal::ZERO);
        // 1,275 kW × 36 = 45,900 kW-months; 8,704,339.1262 / 45,900 = 189.637018 exactly
        assert_eq!(lease.totals.kw_months, d("45900"));
        assert_eq!(lease.totals.usd_per_kw_month, d("189.637018"));
    }

    #[test]
    fn a_later_start_shifts_the_timeline_and_the_present_value() {
        let mut inputs = colocation();
        inputs.start_month = 4;
        inputs.term_months = 2;
        inputs.annual_escalator = Decimal::ZERO;
        inputs.usd_per_kw_month = d("100");
        inputs.contracted_kw = d("10");
        inputs.annual_discount_rate = Some(Decimal::ZERO);
        let lease = lease_schedule(&inputs).unwrap();
        assert_eq!(lease.months[0].month, 4);
        assert_eq!(lease.months[1].lease_month, 2);
        // at 0 %: 2 × 1,000
        assert_eq!(lease.totals.present_value_usd, Some(d("2000")));
        // at 12.682503013196972 % a year (1 % a month): 1000/1.01^4 + 1000/1.01^5
        // = 960.980344 + 951.465688 = 1,912.446032...
        inputs.annual_discount_rate = Some(d("0.12682503013196972"));
        let pv = lease_schedule(&inputs)
            .unwrap()
            .totals
            .present_value_usd
            .unwrap();
        assert!((pv - d("1912.446032")).abs() < d("0.000001"), "{pv}");
    }

    #[test]
    fn triple_net_items_are_separate() {
        let mut inputs = colocation();
        inputs.term_months = 13;
        inputs.structure = LeaseStructure::TripleNet {
            taxes: PassThrough {
                usd_per_kw_month: d("4"),
                usd_per_year: Decimal::ZERO,
                annual_escalator: d("0.02"),
            },
            insurance: PassThrough {
                usd_per_kw_month: Decimal::ZERO,
                usd_per_year: d("30000"),
                annual_escalator: Decimal::ZERO,
            },
            maintenance: PassThrough {
                usd_per_kw_month: d("2.5"),
                usd_per_year: d("1200"),
                annual_escalator: Decimal::ZERO,
            },
        };
        let lease = lease_schedule(&inputs).unwrap();
        let first = &lease.months[0];
        // taxes 1,275 × 4 = 5,100; insurance 30,000 / 12 = 2,500;
        // maintenance 1,275 × 2.5 + 1,200 / 12 = 3,187.5 + 100 = 3,287.5
        assert_eq!(first.taxes_usd, d("5100"));
        assert_eq!(first.insurance_usd, d("2500"));
        assert_eq!(first.maintenance_usd, d("3287.5"));
        // total 234,676.5 + 5,100 + 2,500 + 3,287.5 = 245,564
        assert_eq!(first.total_usd, d("245564"));
        // month 13: taxes 5,100 × 1.02 = 5,202
        assert_eq!(lease.months[12].taxes_usd, d("5202"));
        assert_eq!(lease.totals.taxes_usd, d("66402"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut bad = colocation();
        bad.contracted_kw = Decimal::ZERO;
        bad.start_month = 1200;
        bad.term_months = 2;
        bad.annual_escalator = d("-1");
        bad.annual_discount_rate = Some(d("-2"));
        let all: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "contracted_kw",
                "term_months",
                "annual_escalator",
                "annual_discount_rate"
            ]
        );
        let mut bad = colocation();
        bad.start_month = 0;
        assert_eq!(lease_schedule(&bad).unwrap_err().field(), "start_month");
    }

    #[test]
    fn overflow_names_a_field() {
        let mut huge = colocation();
        huge.usd_per_kw_month = Decimal::MAX;
        let err = lease_schedule(&huge).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "usd_per_kw_month");
    }
}
