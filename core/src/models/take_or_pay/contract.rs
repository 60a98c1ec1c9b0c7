//! [`Contract`]: the terms of a take-or-pay contract, and their validation.

use serde::{Deserialize, Serialize};

use super::MAX_MONTHS;
use crate::Decimal;
use crate::models::check::{Checker, Validate};

/// The unit a commitment is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentUnit {
    /// GPU-hours a month.
    GpuHours,
    /// Megawatts of critical IT capacity a month, turned into GPU-hours through
    /// [`Commitment::kw_per_gpu`]: `MW × 1000 / kW per GPU × 730`.
    Megawatts,
    /// US dollars a month, turned into GPU-hours at each month's (escalated) contract price:
    /// `USD / price`, so that the dollar minimum stays fixed as the price escalates.
    Usd,
}

/// The minimum the buyer takes or pays for, each month of the term (before the ramp).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// The unit of [`quantity_per_month`](Self::quantity_per_month).
    pub unit: CommitmentUnit,
    /// The minimum a month, in `unit` (at least 0).
    pub quantity_per_month: Decimal,
    /// All-in IT kW per GPU: required for a commitment in megawatts (greater than 0), and
    /// only then (1.275 for an H100 in a 10.2 kW DGX of 8).
    #[serde(default)]
    pub kw_per_gpu: Option<Decimal>,
}

/// How often the minimum is settled: it applies to the sum of the usage of the months of
/// each true-up period, counted from the contract's first month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrueUp {
    /// Every month (the default).
    #[default]
    Monthly,
    /// Every 3 contract months.
    Quarterly,
    /// Every 12 contract months.
    Annual,
}

impl TrueUp {
    /// The months in one true-up period: 1, 3 or 12.
    ///
    /// ```
    /// use gpuecon::models::take_or_pay::TrueUp;
    /// assert_eq!(TrueUp::Quarterly.months(), 3);
    /// ```
    #[must_use]
    pub const fn months(self) -> u32 {
        match self {
            Self::Monthly => 1,
            Self::Quarterly => 3,
            Self::Annual => 12,
        }
    }
}

/// Make-up rights: shortfall hours paid become credits against usage above the minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeUp {
    /// The true-up periods after the one that earned a credit in which it may be used
    /// (at least 1); it expires at the end of the last of them.
    pub window_periods: u32,
}

/// A price escalator: every price of the contract is multiplied by `1 + annual_rate` after
/// each full step of `every_months` contract months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalator {
    /// The increase at each step, as a fraction (0.03 for 3 %; greater than −1). With the
    /// default step of 12 months it is an annual rate.
    pub annual_rate: Decimal,
    /// Months in a step (default 12): a multiple of the true-up period's months, so that each
    /// true-up period has one price.
    #[serde(default = "twelve")]
    pub every_months: u32,
}

/// `12`, the default step of an [`Escalator`].
const fn twelve() -> u32 {
    12
}

/// An early termination: the contract stops after `month`, and the fee is billed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    /// The last month served, on the timeline (within the term).
    pub month: u32,
    /// The termination fee in USD (at least 0), billed in `month`.
    pub fee_usd: Decimal,
}

/// A take-or-pay contract on GPUs of its own (docs/domain.md section 6).
///
/// Months are on the monthly timeline: month 1 is the first month after the scenario's
/// start. Its JSON form uses the same field names; decimals are strings or numbers.
///
/// ```
/// use gpuecon::models::take_or_pay::Contract;
/// use gpuecon::models::Validate;
/// let contract: Contract = serde_json::from_str(r#"{
///   "name": "anchor", "gpus": 100, "start_month": 1, "term_months": 36,
///   "price_usd_per_gpu_hour": "2.00",
///   "commitment": { "unit": "gpu_hours", "quantity_per_month": 60000 },
///   "true_up": "quarterly", "ramp": [0.5]
/// }"#).unwrap();
/// assert!(contract.validate().is_empty());
/// assert_eq!(contract.last_month(), 36);
/// assert!(contract.is_active(36) && !contract.is_active(37));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// A name for people.
    #[serde(default)]
    pub name: String,
    /// GPUs dedicated to the contract (greater than 0).
    pub gpus: Decimal,
    /// The first month of the term (1 to [`MAX_MONTHS`]).
    pub start_month: u32,
    /// Months in the term (greater than 0; the term ends by month [`MAX_MONTHS`]).
    pub term_months: u32,
    /// The price of a used GPU-hour in USD (at least 0; greater than 0 for a commitment in
    /// USD), before the escalator.
    pub price_usd_per_gpu_hour: Decimal,
    /// The minimum a month.
    pub commitment: Commitment,
    /// How often the minimum is settled (default monthly).
    #[serde(default)]
    pub true_up: TrueUp,
    /// The price of a shortfall GPU-hour in USD (at least 0; default the contract price),
    /// before the escalator.
    #[serde(default)]
    pub shortfall_price_usd_per_gpu_hour: Option<Decimal>,
    /// Make-up rights (default none: a shortfall paid is gone).
    #[serde(default)]
    pub make_up: Option<MakeUp>,
    /// Most GPU-hours a month served at the contract price (at least 0; default no cap).
    #[serde(default)]
    pub cap_gpu_hours_per_month: Option<Decimal>,
    /// The price in USD of a GPU-hour above the cap (at least 0), before the escalator;
    /// without it, usage above the cap is not served. Only with a cap.
    #[serde(default)]
    pub overage_price_usd_per_gpu_hour: Option<Decimal>,
    /// Fractions of the commitment, in [0, 1], for the first contract months (`[0.25, 0.5,
    /// 0.75]`); 1 after them.
    #[serde(default)]
    pub ramp: Vec<Decimal>,
    /// A price escalator (default none).
    #[serde(default)]
    pub escalator: Option<Escalator>,
    /// An early termination (default none).
    #[serde(default)]
    pub termination: Option<Termination>,
}

impl Contract {
    /// The last month of the term on the timeline, `start_month + term_months − 1`
    /// (saturating: validation rejects a term that ends after [`MAX_MONTHS`]).
    #[must_use]
    pub const fn end_month(&self) -> u32 {
        self.start_month
            .saturating_add(self.term_months)
            .saturating_sub(1)
    }

    /// The last month served: the termination month, or the end of the term.
    #[must_use]
    pub const fn last_month(&self) -> u32 {
        match self.termination {
            Some(Termination { month, .. }) if month < self.end_month() => month,
            _ => self.end_month(),
        }
    }

    /// Whether the contract serves (and bills) `month`: from its start to its last month.
    #[must_use]
    pub const fn is_active(&self, month: u32) -> bool {
        month >= self.start_month && month <= self.last_month()
    }

    /// The contract price of a shortfall GPU-hour, before the escalator.
    #[must_use]
    pub fn shortfall_price(&self) -> Decimal {
        self.shortfall_price_usd_per_gpu_hour
            .unwrap_or(self.price_usd_per_gpu_hour)
    }
}

impl Validate for Contract {
    /// Every problem with the contract, in field order.
    ///
    /// ```
    /// use gpuecon::models::take_or_pay::Contract;
    /// use gpuecon::models::Validate;
    /// let contract: Contract = serde_json::from_str(r#"{
    ///   "gpus": 100, "start_month": 0, "term_months": 12, "price_usd_per_gpu_hour": -2,
    ///   "commitment": { "unit": "megawatts", "quantity_per_month": 1 },
    ///   "ramp": [0.5, 1.5]
    /// }"#).unwrap();
    /// let fields: Vec<_> = contract.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["start_month", "price_usd_per_gpu_hour", "commitment.kw_per_gpu", "ramp[1]"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.positive("gpus", self.gpus);
        if self.start_month == 0 {
            c.problem("start_month", "must be at least 1");
        } else if self.start_month > MAX_MONTHS {
            c.problem("start_month", "must be at most 1200");
        }
        if self.term_months == 0 {
            c.problem("term_months", "must be greater than 0");
        } else if u64::from(self.start_month) + u64::from(self.term_months) - 1
            > u64::from(MAX_MONTHS)
        {
            c.problem("term_months", "must end by month 1200");
        }
        let usd = self.commitment.unit == CommitmentUnit::Usd;
        if usd && self.price_usd_per_gpu_hour <= zero {
            c.problem(
                "price_usd_per_gpu_hour",
                "must be greater than 0 for a commitment in USD",
            );
        } else {
            c.at_least("price_usd_per_gpu_hour", self.price_usd_per_gpu_hour, zero);
        }
        c.nested("commitment", &self.commitment);
        if let Some(price) = self.shortfall_price_usd_per_gpu_hour {
            c.at_least("shortfall_price_usd_per_gpu_hour", price, zero);
        }
        if let Some(make_up) = &self.make_up {
            c.nested("make_up", make_up);
        }
        if let Some(cap) = self.cap_gpu_hours_per_month {
            c.at_least("cap_gpu_hours_per_month", cap, zero);
        }
        if let Some(price) = self.overage_price_usd_per_gpu_hour {
            if self.cap_gpu_hours_per_month.is_none() {
                c.problem(
                    "overage_price_usd_per_gpu_hour",
                    "applies only with a cap_gpu_hours_per_month",
                );
            } else {
                c.at_least("overage_price_usd_per_gpu_hour", price, zero);
            }
        }
        for (i, fraction) in self.ramp.iter().enumerate() {
            c.fraction(&format!("ramp[{i}]"), *fraction);
        }
        if let Some(escalator) = &self.escalator {
            c.within("escalator", |c| escalator.check_with(self.true_up, c));
        }
        if let Some(termination) = &self.termination {
            c.within("termination", |c| {
                if termination.month < self.start_month || termination.month > self.end_month() {
                    c.problem("month", "must be within the term");
                }
                c.at_least("fee_usd", termination.fee_usd, zero);
            });
        }
    }
}

impl Validate for Commitment {
    fn check(&self, c: &mut Checker) {
        c.at_least("quantity_per_month", self.quantity_per_month, Decimal::ZERO);
        match (self.unit, self.kw_per_gpu) {
            (CommitmentUnit::Megawatts, None) => {
                c.problem("kw_per_gpu", "is required for a commitment in megawatts");
            }
            (CommitmentUnit::Megawatts, Some(kw)) => c.positive("kw_per_gpu", kw),
            (_, Some(_)) => {
                c.problem("kw_per_gpu", "applies only to a commitment in megawatts");
            }
            (_, None) => {}
        }
    }
}

impl Validate for MakeUp {
    fn check(&self, c: &mut Checker) {
        if self.window_periods == 0 {
            c.problem("window_periods", "must be at least 1");
        }
    }
}

impl Escalator {
    /// The escalator's problems; its steps must hold whole true-up periods.
    fn check_with(&self, true_up: TrueUp, c: &mut Checker) {
        if self.annual_rate <= Decimal::NEGATIVE_ONE {
            c.problem("annual_rate", "must be greater than -1");
        }
        if self.every_months == 0 {
            c.problem("every_months", "must be at least 1");
        } else if self.every_months % true_up.months() != 0 {
            c.problem(
                "every_months",
                "must be a multiple of the true-up period's months (1, 3 or 12)",
            );
        }
    }
}
