//! Break-even, gross-margin and IRR prices from the owner's cost (formulas in the
//! [`pricing`](super) module docs).

use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::models::check::{Checker, Validate};
use crate::models::{ModelError, OwnerCost, OwnerCostInputs, owner_cost};
use crate::units::{self, HOURS_PER_YEAR};
use crate::{Decimal, FinanceError, finance};

/// The longest life, in years, [`target_irr_price`] takes.
pub const MAX_IRR_LIFE_YEARS: u32 = 100;

/// A price and the owner's cost at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RentalPrice {
    /// The price per sold GPU-hour in USD.
    pub price_usd_per_gpu_hour: Decimal,
    /// `price × utilization`: revenue per available GPU-hour.
    pub revenue_usd_per_available_gpu_hour: Decimal,
    /// The owner's cost at that price (its SG&A is a share of the price).
    pub cost: OwnerCost,
}

/// Everything [`target_margin_price`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetMarginInputs {
    /// The owner's cost inputs; `usage.utilization` must be greater than 0.
    pub cost: OwnerCostInputs,
    /// The gross margin wanted, `(revenue − cost before SG&A) ÷ revenue`, in [0, 1).
    pub target_gross_margin: Decimal,
}

/// Everything [`target_irr_price`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetIrrInputs {
    /// The owner's cost inputs: `usage.utilization` greater than 0, SG&A below 1, and
    /// `capital.life_years` a whole number of years.
    pub cost: OwnerCostInputs,
    /// The project IRR wanted, a year (greater than −1; 0.12 for 12 %).
    pub target_annual_irr: Decimal,
}

/// The price for a target project IRR and the project's annual cash flows at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IrrPrice {
    /// The price per sold GPU-hour in USD.
    pub price_usd_per_gpu_hour: Decimal,
    /// `price × utilization × 8760`.
    pub revenue_usd_per_year: Decimal,
    /// SG&A on that revenue.
    pub sga_usd_per_year: Decimal,
    /// Power, facility, staff, support, software and insurance a year.
    pub cash_operating_cost_usd_per_year: Decimal,
    /// Year 0: −capex; years 1..n: revenue − SG&A − cash operating cost; year n adds the
    /// salvage. Their IRR is the target.
    pub annual_cash_flows_usd: Vec<Decimal>,
}

/// Shared checks: a utilization of 0 sells no hour, so no price recovers anything.
fn check_utilization(cost: &OwnerCostInputs, c: &mut Checker) {
    if cost.usage.utilization.is_zero() {
        c.problem(
            "usage.utilization",
            "must be greater than 0 for a price per sold hour",
        );
    }
}

/// SG&A equal to all revenue leaves nothing to recover the cost with.
fn check_sga(cost: &OwnerCostInputs, c: &mut Checker) {
    if cost.operations.sga_share_of_revenue == Decimal::ONE {
        c.problem(
            "operations.sga_share_of_revenue",
            "must be below 1 (SG&A would take all revenue)",
        );
    }
}

impl Validate for TargetMarginInputs {
    fn check(&self, c: &mut Checker) {
        c.nested("cost", &self.cost);
        c.within("cost", |c| check_utilization(&self.cost, c));
        let m = self.target_gross_margin;
        if m < Decimal::ZERO || m >= Decimal::ONE {
            c.problem("target_gross_margin", "must be at least 0 and below 1");
        }
    }
}

impl Validate for TargetIrrInputs {
    fn check(&self, c: &mut Checker) {
        c.nested("cost", &self.cost);
        c.within("cost", |c| {
            check_utilization(&self.cost, c);
            check_sga(&self.cost, c);
            let life = self.cost.capital.life_years;
            if life > Decimal::ZERO
                && (!life.fract().is_zero() || life > Decimal::from(MAX_IRR_LIFE_YEARS))
            {
                c.problem(
                    "capital.life_years",
                    "must be a whole number of years, at most 100, for an IRR price",
                );
            }
        });
        if self.target_annual_irr <= Decimal::NEGATIVE_ONE {
            c.problem("target_annual_irr", "must be greater than -1");
        }
    }
}

/// `inputs` with the price set to `price`.
fn at_price(inputs: &OwnerCostInputs, price: Decimal) -> OwnerCostInputs {
    let mut priced = inputs.clone();
    priced.usage.price_usd_per_gpu_hour = price;
    priced
}

/// The owner's cost at a price of 0: every item but SG&A.
fn cost_before_sga(inputs: &OwnerCostInputs) -> Result<OwnerCost, ModelError> {
    owner_cost(&at_price(inputs, Decimal::ZERO))
}

/// The [`RentalPrice`] of `price`.
fn rental_price(inputs: &OwnerCostInputs, price: Decimal) -> Result<RentalPrice, ModelError> {
    let revenue = units::mul(price, inputs.usage.utilization, "usage.utilization")?;
    Ok(RentalPrice {
        price_usd_per_gpu_hour: price,
        revenue_usd_per_available_gpu_hour: revenue,
        cost: owner_cost(&at_price(inputs, price))?,
    })
}

/// An error on the owner's cost inputs, with its path under `cost`.
fn within_cost(error: ModelError) -> ModelError {
    match error {
        ModelError::Domain { field, reason } => ModelError::Domain {
            field: format!("cost.{field}"),
            reason,
        },
        ModelError::Finance { field, source } => ModelError::Finance {
            field: format!("cost.{field}"),
            source,
        },
    }
}

/// The break-even price at the input's utilization: revenue `p·u` pays the cost per
/// available hour, SG&A on that revenue included, `p = C / (u·(1 − s))`.
///
/// # Errors
/// The first problem [`Validate::validate`] finds on `inputs` (paths as
/// [`owner_cost`]'s: `usage.utilization`, `power.pue`); [`ModelError::Domain`] on
/// `usage.utilization` when it is 0 and on `operations.sga_share_of_revenue` when it is 1;
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// A GPU whose cost per available hour is $1.15 (capital $1, power $0.05, facility $0.10),
/// sold half the time with SG&A at 8 % of revenue: `1.15 / (0.5 × 0.92) = $2.50`.
///
/// ```
/// use gpuecon::models::{pricing::break_even_price, OwnerCostInputs};
/// use gpuecon::Decimal;
/// let inputs: OwnerCostInputs = serde_json::from_str(r#"{
///   "capital": { "capex_usd_per_gpu": 8760, "life_years": 1, "annual_rate": 0 },
///   "power": { "it_kw_per_gpu": 1, "idle_fraction": 0, "pue": 1, "usd_per_kwh": 0.1 },
///   "facility": { "contracted_kw_per_gpu": 1, "usd_per_kw_month": 73 },
///   "operations": { "sga_share_of_revenue": 0.08 },
///   "usage": { "utilization": 0.5 }
/// }"#).unwrap();
/// let price = break_even_price(&inputs)?;
/// assert_eq!(price.price_usd_per_gpu_hour, Decimal::new(25, 1));
/// // Revenue per available hour equals the cost, SG&A of $0.10 included: $1.25.
/// assert_eq!(price.cost.total_usd_per_gpu_hour, Decimal::new(125, 2));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn break_even_price(inputs: &OwnerCostInputs) -> Result<RentalPrice, ModelError> {
    inputs.ensure_valid()?;
    super::first_problem(|c| check_sga(inputs, c))?;
    let before_sga = cost_before_sga(inputs)?;
    let kept = units::sub(
        Decimal::ONE,
        inputs.operations.sga_share_of_revenue,
        "operations.sga_share_of_revenue",
    )?;
    let price = units::div(
        before_sga.total_usd_per_utilized_gpu_hour,
        kept,
        "operations.sga_share_of_revenue",
    )?;
    rental_price(inputs, price)
}

/// The price that earns a gross margin `m` at the input's utilization:
/// `p = (C / u) / (1 − m)`, with `C` the cost per available hour before SG&A.
///
/// # Errors
/// The first problem [`Validate::validate`] finds (paths under `cost`:
/// `cost.usage.utilization` when it is 0 or outside [0, 1]; `target_gross_margin` outside
/// [0, 1)); [`ModelError::Finance`] on overflow.
///
/// # Example
/// The cost per sold hour is $1.15 / 0.5 = $2.30; a 50 % gross margin needs $4.60.
///
/// ```
/// use gpuecon::models::pricing::{target_margin_price, TargetMarginInputs};
/// use gpuecon::Decimal;
/// let inputs: TargetMarginInputs = serde_json::from_str(r#"{ "cost": {
///   "capital": { "capex_usd_per_gpu": 8760, "life_years": 1, "annual_rate": 0 },
///   "power": { "it_kw_per_gpu": 1, "idle_fraction": 0, "pue": 1, "usd_per_kwh": 0.1 },
///   "facility": { "contracted_kw_per_gpu": 1, "usd_per_kw_month": 73 },
///   "usage": { "utilization": 0.5 }
/// }, "target_gross_margin": 0.5 }"#).unwrap();
/// let price = target_margin_price(&inputs)?;
/// assert_eq!(price.price_usd_per_gpu_hour, Decimal::new(46, 1));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn target_margin_price(inputs: &TargetMarginInputs) -> Result<RentalPrice, ModelError> {
    inputs.ensure_valid()?;
    let before_sga = cost_before_sga(&inputs.cost).map_err(within_cost)?;
    let kept = units::sub(
        Decimal::ONE,
        inputs.target_gross_margin,
        "target_gross_margin",
    )?;
    let price = units::div(
        before_sga.total_usd_per_utilized_gpu_hour,
        kept,
        "target_gross_margin",
    )?;
    rental_price(&inputs.cost, price).map_err(within_cost)
}

/// Renames a [`finance::npv`] error to the input it came from.
fn npv_error(error: FinanceError) -> ModelError {
    let field = if error.field() == "rate" {
        "target_annual_irr"
    } else {
        "cost"
    };
    ModelError::finance(field, error)
}

/// The price at which the project's annual cash flows have the target IRR (see the
/// [module docs](super) for the flows): `p = −K / L`, exact.
///
/// # Errors
/// The first problem [`Validate::validate`] finds (paths under `cost`:
/// `cost.capital.life_years` when it is not a whole number of years,
/// `cost.usage.utilization` when it is 0, `cost.operations.sga_share_of_revenue` when it is
/// 1; `target_annual_irr` at −1 or below); [`ModelError::Finance`] on overflow.
///
/// # Example
/// $8,760 of capex for 2 years, cash costs of $0.15 an available hour ($1,314 a year), sold
/// half the time (4,380 hours a year), a 10 % target: with `A = 1/1.1 + 1/1.21 = 2.1/1.21`,
/// `p = (8,760 + 1,314·A) / (4,380·A) = 2.42/2.1 + 0.3 = $1.45238...`.
///
/// ```
/// use gpuecon::models::pricing::{target_irr_price, TargetIrrInputs};
/// use gpuecon::{finance, Decimal};
/// let inputs: TargetIrrInputs = serde_json::from_str(r#"{ "cost": {
///   "capital": { "capex_usd_per_gpu": 8760, "life_years": 2, "annual_rate": 0 },
///   "power": { "it_kw_per_gpu": 1, "idle_fraction": 0, "pue": 1, "usd_per_kwh": 0.1 },
///   "facility": { "contracted_kw_per_gpu": 1, "usd_per_kw_month": 73 },
///   "usage": { "utilization": 0.5 }
/// }, "target_annual_irr": 0.1 }"#).unwrap();
/// let price = target_irr_price(&inputs)?;
/// assert_eq!(price.price_usd_per_gpu_hour.round_dp(6), Decimal::new(1_452_381, 6));
/// let irr = finance::irr(&price.annual_cash_flows_usd, None)?;
/// assert!((irr - Decimal::new(1, 1)).abs() < Decimal::new(1, 9));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn target_irr_price(inputs: &TargetIrrInputs) -> Result<IrrPrice, ModelError> {
    inputs.ensure_valid()?;
    let cost = &inputs.cost;
    let before_sga = cost_before_sga(cost).map_err(within_cost)?;
    let years = cost
        .capital
        .life_years
        .to_usize()
        .ok_or(ModelError::domain(
            "cost.capital.life_years",
            "must be a whole number of years, at most 100, for an IRR price",
        ))?;
    let cash_per_hour = units::sub(
        before_sga.total_usd_per_gpu_hour,
        before_sga.capital_usd_per_gpu_hour,
        "cost",
    )?;
    let cash_cost = units::mul(cash_per_hour, HOURS_PER_YEAR, "cost")?;
    let hours_sold = units::mul(
        cost.usage.utilization,
        HOURS_PER_YEAR,
        "cost.usage.utilization",
    )?;
    let kept = units::sub(
        Decimal::ONE,
        cost.operations.sga_share_of_revenue,
        "cost.operations.sga_share_of_revenue",
    )?;
    let per_unit_price = units::mul(hours_sold, kept, "cost.operations.sga_share_of_revenue")?;

    let capex = cost.capital.capex_usd_per_gpu;
    let salvage = cost.capital.salvage_usd_per_gpu;
    let r = inputs.target_annual_irr;
    let last = units::sub(salvage, cash_cost, "cost.capital.salvage_usd_per_gpu")?;
    let flows_at_zero = flows(-capex, -cash_cost, last, years);
    let k = finance::npv_at_t0(r, &flows_at_zero).map_err(npv_error)?;
    let l = finance::npv(r, &vec![per_unit_price; years]).map_err(npv_error)?;
    let price = units::div(-k, l, "cost.usage.utilization")?;

    let revenue = units::mul(price, hours_sold, "cost.usage.price_usd_per_gpu_hour")?;
    let sga = cost.operations.sga_usd(revenue).map_err(within_cost)?;
    let yearly = units::sub(units::sub(revenue, sga, "cost")?, cash_cost, "cost")?;
    let last = units::add(yearly, salvage, "cost.capital.salvage_usd_per_gpu")?;
    Ok(IrrPrice {
        price_usd_per_gpu_hour: price,
        revenue_usd_per_year: revenue,
        sga_usd_per_year: sga,
        cash_operating_cost_usd_per_year: cash_cost,
        annual_cash_flows_usd: flows(-capex, yearly, last, years),
    })
}

/// `[first, each, …, each, last]`: `years` flows after `first`, the last one `last`.
fn flows(first: Decimal, each: Decimal, last: Decimal, years: usize) -> Vec<Decimal> {
    let mut all = Vec::with_capacity(years + 1);
    all.push(first);
    all.extend(std::iter::repeat_n(each, years.saturating_sub(1)));
    all.push(last);
    all
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::models::{
        CapitalInputs, CapitalMethod, FacilityInputs, OperationsInputs, PowerInputs, UsageInputs,
    };

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// Capital $1.00 an hour (8,760 over 1 year at 0 %), power 1 kW × 0.5 × $0.10 = $0.05,
    /// facility 1 kW × $73 / 730 = $0.10: $1.15 per available hour at 50 % utilization.
    fn simple() -> OwnerCostInputs {
        OwnerCostInputs {
            capital: CapitalInputs {
                capex_usd_per_gpu: d("8760"),
                salvage_usd_per_gpu: Decimal::ZERO,
                life_years: Decimal::ONE,
                annual_rate: Decimal::ZERO,
                method: CapitalMethod::CapitalRecovery,
            },
            power: PowerInputs {
                it_kw_per_gpu: Decimal::ONE,
                idle_fraction: Decimal::ZERO,
                pue: Decimal::ONE,
                usd_per_kwh: d("0.1"),
            },
            facility: FacilityInputs {
                contracted_kw_per_gpu: Decimal::ONE,
                usd_per_kw_month: d("73"),
            },
            operations: OperationsInputs::default(),
            usage: UsageInputs {
                utilization: d("0.5"),
                price_usd_per_gpu_hour: Decimal::ZERO,
            },
        }
    }

    #[test]
    fn break_even_by_hand() {
        // No SG&A: 1.15 / 0.5 = 2.30, and revenue per available hour 1.15 = the cost.
        let p = break_even_price(&simple()).unwrap();
        assert_eq!(p.price_usd_per_gpu_hour, d("2.3"));
        assert_eq!(p.revenue_usd_per_available_gpu_hour, d("1.15"));
        assert_eq!(p.cost.total_usd_per_gpu_hour, d("1.15"));

        // SG&A 8 %: 2.30 / 0.92 = 2.50; SG&A = 0.08 × 2.50 × 0.5 = 0.10; 1.15 + 0.10 = 1.25
        // = 2.50 × 0.5.
        let mut inputs = simple();
        inputs.operations.sga_share_of_revenue = d("0.08");
        let p = break_even_price(&inputs).unwrap();
        assert_eq!(p.price_usd_per_gpu_hour, d("2.5"));
        assert_eq!(p.cost.sga_usd_per_gpu_hour, d("0.1"));
        assert_eq!(
            p.cost.total_usd_per_gpu_hour,
            p.revenue_usd_per_available_gpu_hour
        );
    }

    #[test]
    fn margin_by_hand() {
        // 2.30 / (1 − 0.5) = 4.60; gross margin (4.60 × 0.5 − 1.15) / 2.30 = 0.5.
        let inputs = TargetMarginInputs {
            cost: simple(),
            target_gross_margin: d("0.5"),
        };
        let p = target_margin_price(&inputs).unwrap();
        assert_eq!(p.price_usd_per_gpu_hour, d("4.6"));
        // m = 0 is the break-even price without SG&A.
        let zero = TargetMarginInputs {
            target_gross_margin: Decimal::ZERO,
            ..inputs
        };
        assert_eq!(
            target_margin_price(&zero).unwrap().price_usd_per_gpu_hour,
            d("2.3")
        );
    }

    #[test]
    fn irr_by_hand() {
        // 2 years; c = 0.15 × 8760 = 1,314 a year; 4,380 hours sold a year; r = 10 %.
        // A = 1/1.1 + 1/1.21 = 2.1/1.21; p = (8,760 + 1,314·A)/(4,380·A) = 2/A + 0.3
        //   = 2.42/2.1 + 0.3 = 1.452380952380952380952...
        let mut cost = simple();
        cost.capital.life_years = d("2");
        let inputs = TargetIrrInputs {
            cost,
            target_annual_irr: d("0.1"),
        };
        let p = target_irr_price(&inputs).unwrap();
        let diff = (p.price_usd_per_gpu_hour - d("1.452380952380952380952380952")).abs();
        assert!(diff < d("1e-24"), "{}", p.price_usd_per_gpu_hour);
        assert_eq!(p.cash_operating_cost_usd_per_year, d("1314"));
        // Each year: 1.45238... × 4,380 − 1,314 = 5,047.428571...: the annuity of 8,760
        // at 10 % over 2 years, 8,760 × 1.21 × 0.1 / 0.21 = 5,047.428571...
        assert_eq!(p.annual_cash_flows_usd.len(), 3);
        let annuity = d("8760") * d("1.21") * d("0.1") / d("0.21");
        assert!((p.annual_cash_flows_usd[1] - annuity).abs() < d("1e-20"));
        let irr = finance::irr(&p.annual_cash_flows_usd, None).unwrap();
        assert!((irr - d("0.1")).abs() < d("1e-9"));
    }

    #[test]
    fn errors_name_the_field() {
        let mut inputs = simple();
        inputs.operations.sga_share_of_revenue = Decimal::ONE;
        let err = break_even_price(&inputs).unwrap_err();
        assert_eq!(err.field(), "operations.sga_share_of_revenue");

        let margin = TargetMarginInputs {
            cost: simple(),
            target_gross_margin: Decimal::ONE,
        };
        assert_eq!(
            target_margin_price(&margin).unwrap_err().field(),
            "target_gross_margin"
        );

        let mut cost = simple();
        cost.capital.life_years = d("2.5");
        cost.usage.utilization = Decimal::ZERO;
        let irr = TargetIrrInputs {
            cost,
            target_annual_irr: d("-1"),
        };
        let all: Vec<_> = irr
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "cost.usage.utilization",
                "cost.capital.life_years",
                "target_annual_irr"
            ]
        );
    }

    #[test]
    fn overflow_is_named_under_cost() {
        let mut cost = simple();
        cost.capital.capex_usd_per_gpu = Decimal::MAX;
        cost.operations.insurance_rate_per_year = d("2");
        let margin = TargetMarginInputs {
            cost,
            target_gross_margin: d("0.1"),
        };
        let err = target_margin_price(&margin).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "cost.operations.insurance_rate_per_year");
    }
}
