//! The inputs of [`collateral_schedule`](super::collateral_schedule): the collateral, the
//! loan balance, the covenants and the terms of a liquidation.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::check::{Checker, Validate};
use crate::models::depreciation::Curve;
use crate::units::MAX_MONTHS;

/// What the GPUs securing the loan are worth, month by month. Its JSON form is tagged by
/// `kind`: `{ "kind": "fleet", "gpus": 1024, "capex_usd_per_gpu": 50000, "residual": … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CollateralValue {
    /// `gpus × capex_usd_per_gpu × residual(m)`; at origination `residual(0)`.
    Fleet {
        /// GPUs pledged (greater than 0).
        gpus: Decimal,
        /// All-in capex per GPU in USD (at least 0).
        capex_usd_per_gpu: Decimal,
        /// The value as a multiplier of the capex, 1 at month 0 (a market curve of
        /// [`Curve::Points`] may start elsewhere).
        residual: Curve,
    },
    /// Values given month by month (an appraisal, or another model's output).
    Series {
        /// The value at origination (month 0), in USD, at least 0.
        origination_value_usd: Decimal,
        /// The value at the end of each month (entry i is month i + 1), each at least 0,
        /// one for every month of `balance_usd` at least (later entries are ignored).
        value_usd: Vec<Decimal>,
    },
}

/// A minimum debt service coverage ratio, tested on a DSCR series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DscrCovenant {
    /// The lowest DSCR allowed (greater than 0; lenders ask for 1.25-1.35).
    pub minimum_dscr: Decimal,
    /// The DSCR of each month (entry i is month i + 1), one for every month of
    /// `balance_usd` at least; `null` where there is no debt service (not tested).
    pub dscr_by_month: Vec<Option<Decimal>>,
}

/// A limit on the largest customer's share of revenue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConcentrationCovenant {
    /// The largest share allowed, in [0, 1].
    pub maximum_share: Decimal,
    /// The largest customer's share of each month's revenue, in [0, 1] (entry i is month
    /// i + 1), one for every month of `balance_usd` at least.
    pub largest_customer_share_by_month: Vec<Decimal>,
}

/// The covenants tested at the end of every month, and the cure period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Covenants {
    /// The highest loan-to-value allowed (greater than 0): breached when `LTV > max_ltv`.
    pub max_ltv: Decimal,
    /// A minimum DSCR (default none): breached when `DSCR < minimum_dscr`.
    #[serde(default)]
    pub dscr: Option<DscrCovenant>,
    /// A concentration limit (default none): breached when the share exceeds the maximum.
    #[serde(default)]
    pub concentration: Option<ConcentrationCovenant>,
    /// Months the borrower has to cure a breach (default 0: a breach is a default at once).
    /// A covenant breached `cure_months + 1` months running is an event of default.
    #[serde(default)]
    pub cure_months: u32,
}

/// What the lender gets from selling the collateral.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Liquidation {
    /// The discount of a forced sale to the collateral value, in [0, 1] (default 0).
    pub haircut: Decimal,
    /// Costs of seizing and selling the GPUs in USD (at least 0; default 0).
    pub costs_usd: Decimal,
}

/// Everything [`collateral_schedule`](super::collateral_schedule) needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollateralInputs {
    /// The GPUs' value.
    pub collateral: CollateralValue,
    /// The loan at origination as a fraction of the collateral value then, in [0, 1]
    /// (on-chain GPU lenders quote about 0.75).
    pub advance_rate: Decimal,
    /// The loan balance at the end of each month (entry i is month i + 1), each at least
    /// 0: 1 to 1200 months, the horizon. A debt schedule's closing balances, for example.
    pub balance_usd: Vec<Decimal>,
    /// The covenants and the cure period.
    pub covenants: Covenants,
    /// Haircut and costs of a liquidation (default none).
    #[serde(default)]
    pub liquidation: Liquidation,
}

impl CollateralInputs {
    /// Months in the horizon: the length of `balance_usd`.
    pub(super) fn months(&self) -> usize {
        self.balance_usd.len()
    }
}

/// Records a problem on `field` when a monthly `series` has fewer than `months` entries.
fn check_covers(c: &mut Checker, field: &str, series_len: usize, months: usize) {
    if series_len < months {
        c.problem(field, "must have an entry for every month of balance_usd");
    }
}

impl Validate for CollateralValue {
    fn check(&self, c: &mut Checker) {
        match self {
            Self::Fleet {
                gpus,
                capex_usd_per_gpu,
                residual,
            } => {
                c.positive("gpus", *gpus);
                c.at_least("capex_usd_per_gpu", *capex_usd_per_gpu, Decimal::ZERO);
                c.nested("residual", residual);
            }
            Self::Series {
                origination_value_usd,
                value_usd,
            } => {
                c.at_least(
                    "origination_value_usd",
                    *origination_value_usd,
                    Decimal::ZERO,
                );
                for (i, value) in value_usd.iter().enumerate() {
                    c.at_least(&format!("value_usd[{i}]"), *value, Decimal::ZERO);
                }
            }
        }
    }
}

impl Validate for Liquidation {
    fn check(&self, c: &mut Checker) {
        c.fraction("haircut", self.haircut);
        c.at_least("costs_usd", self.costs_usd, Decimal::ZERO);
    }
}

impl Validate for CollateralInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::collateral::CollateralInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: CollateralInputs = serde_json::from_str(r#"{
    ///   "collateral": { "kind": "series", "origination_value_usd": 100, "value_usd": [90] },
    ///   "advance_rate": 1.2,
    ///   "balance_usd": [70, 60],
    ///   "covenants": { "max_ltv": 0.8 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["collateral.value_usd", "advance_rate"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let months = self.months();
        c.nested("collateral", &self.collateral);
        if let CollateralValue::Series { value_usd, .. } = &self.collateral {
            check_covers(c, "collateral.value_usd", value_usd.len(), months);
        }
        c.fraction("advance_rate", self.advance_rate);
        if months == 0 || u32::try_from(months).map_or(true, |m| m > MAX_MONTHS) {
            c.problem("balance_usd", "must hold 1 to 1200 months");
        }
        for (i, balance) in self.balance_usd.iter().enumerate() {
            c.at_least(&format!("balance_usd[{i}]"), *balance, Decimal::ZERO);
        }
        c.within("covenants", |c| {
            let covenants = &self.covenants;
            c.positive("max_ltv", covenants.max_ltv);
            if let Some(dscr) = &covenants.dscr {
                c.within("dscr", |c| {
                    c.positive("minimum_dscr", dscr.minimum_dscr);
                    check_covers(c, "dscr_by_month", dscr.dscr_by_month.len(), months);
                });
            }
            if let Some(limit) = &covenants.concentration {
                c.within("concentration", |c| {
                    c.fraction("maximum_share", limit.maximum_share);
                    let shares = &limit.largest_customer_share_by_month;
                    for (i, share) in shares.iter().enumerate() {
                        c.fraction(&format!("largest_customer_share_by_month[{i}]"), *share);
                    }
                    check_covers(c, "largest_customer_share_by_month", shares.len(), months);
                });
            }
        });
        c.nested("liquidation", &self.liquidation);
    }
}
