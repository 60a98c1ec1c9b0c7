//! Customer concentration and circular counterparties (docs/domain.md section 9).
//!
//! From the revenue each customer brings over one period (`rᵢ`, total `T = Σ rᵢ`):
//!
//! ```text
//! share          sᵢ = rᵢ / T
//! HHI            H = Σ sᵢ² = (Σ rᵢ² / T) / T          in [1/n, 1] for n customers
//! HHI points     10,000 × H                            (the antitrust scale, 0-10,000)
//! top-1 share    r₍₁₎ / T                              (customers by revenue, largest first)
//! top-3 share    (r₍₁₎ + r₍₂₎ + r₍₃₎) / T              (all of them when fewer than 3)
//! at risk        r₍₁₎                                  (the largest customer leaves)
//! default loss   r₍₁₎ × (1 − recovery_rate)            (it defaults; the rest is recovered)
//! ```
//!
//! - **Exactness**: HHI divides once by `T` after summing the squares, so equal shares give
//!   exactly the decimal nearest `1/n` (`Σ r² / T = r` exactly, then `r / (n r)`). Each share
//!   and the top-1 and top-3 shares are one division each, so `top-1 ≤ top-3 ≤ 1` holds
//!   exactly. Squares of revenues above about $2.8 × 10¹⁴ overflow a [`Decimal`]: an
//!   error on that customer's `revenue_usd`.
//! - **Circular relationships** (seed 001: Nvidia invests in CoreWeave, supplies its GPUs
//!   and buys its capacity): each counterparty may have roles — investor, supplier,
//!   customer, lender. A counterparty with revenue is a customer whether or not the role is
//!   listed. One with two or more of investor, supplier and customer is flagged with its
//!   roles and the share of revenue it represents; lending alone never makes a flag.
//! - Customers are ordered by revenue, largest first; equal revenues keep the input order.
//!   Counterparties with no revenue are not customers and do not count in `n`.
//! - **Errors**: the inputs are checked first ([`Validate`]); the first problem is returned
//!   with its path (`counterparties[2].revenue_usd`). Nothing panics.

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::check::{Checker, Validate};
use crate::Decimal;
use crate::units;

/// What a counterparty is to the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Holds equity in the company.
    Investor,
    /// Sells it goods or services (GPUs, power, space).
    Supplier,
    /// Buys from it (any counterparty with revenue is one).
    Customer,
    /// Lends to it.
    Lender,
}

/// A customer, investor, supplier or lender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counterparty {
    /// A name, not empty and unique among the counterparties.
    pub name: String,
    /// Revenue from it over the period in USD (at least 0; default 0).
    #[serde(default)]
    pub revenue_usd: Decimal,
    /// Its roles (default none; `customer` is implied by revenue above 0).
    #[serde(default)]
    pub roles: Vec<Role>,
}

/// What [`customer_concentration`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConcentrationInputs {
    /// Every counterparty (at least one, with revenue above 0 in total).
    pub counterparties: Vec<Counterparty>,
    /// Share of the largest customer's revenue recovered if it defaults, in [0, 1]
    /// (default 0).
    #[serde(default)]
    pub default_recovery_rate: Decimal,
}

/// One customer's revenue and share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerShare {
    /// The counterparty's name.
    pub name: String,
    /// Its revenue.
    pub revenue_usd: Decimal,
    /// `revenue ÷ total revenue`.
    pub share: Decimal,
}

/// A counterparty on two or more sides of the company (investor, supplier, customer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircularFlag {
    /// The counterparty's name.
    pub name: String,
    /// All its roles, in the order investor, supplier, customer, lender.
    pub roles: Vec<Role>,
    /// Its revenue (0 when it buys nothing in the period).
    pub revenue_usd: Decimal,
    /// `revenue ÷ total revenue`.
    pub revenue_share: Decimal,
}

/// The result of [`customer_concentration`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concentration {
    /// Revenue from all customers.
    pub total_revenue_usd: Decimal,
    /// The customers (counterparties with revenue above 0), largest first.
    pub customers: Vec<CustomerShare>,
    /// Herfindahl-Hirschman index `Σ share²`, in [1/n, 1].
    pub hhi: Decimal,
    /// The same on the antitrust scale, `10,000 × hhi`.
    pub hhi_points: Decimal,
    /// The largest customer's share.
    pub top1_share: Decimal,
    /// The three largest customers' share (all of them when fewer).
    pub top3_share: Decimal,
    /// The largest customer's name.
    pub largest_customer: String,
    /// Revenue lost if the largest customer leaves: all of its revenue.
    pub revenue_at_risk_usd: Decimal,
    /// Revenue lost if the largest customer defaults: `revenue × (1 − recovery rate)`.
    pub default_loss_usd: Decimal,
    /// Counterparties with two or more of investor, supplier and customer, in input order.
    pub circular: Vec<CircularFlag>,
}

impl Validate for ConcentrationInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::concentration::ConcentrationInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: ConcentrationInputs = serde_json::from_str(r#"{ "counterparties": [
    ///   { "name": "A", "revenue_usd": -1 }, { "name": "A", "revenue_usd": 5 } ] }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["counterparties[0].revenue_usd", "counterparties[1].name"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        check_counterparties(c, &self.counterparties);
        let total = self
            .counterparties
            .iter()
            .try_fold(Decimal::ZERO, |t, party| {
                t.checked_add(party.revenue_usd.max(Decimal::ZERO))
            });
        if self.counterparties.is_empty() {
            c.problem("counterparties", "must hold at least one counterparty");
        } else if total.is_some_and(|t| t.is_zero()) {
            c.problem(
                "counterparties",
                "must hold revenue greater than 0 in total",
            );
        }
        c.fraction("default_recovery_rate", self.default_recovery_rate);
    }
}

/// Checks each counterparty under `counterparties[i]`: a name, unique among them, and
/// revenue of at least 0 (shared with the portfolio roll-up's counterparties).
pub(crate) fn check_counterparties(c: &mut Checker, counterparties: &[Counterparty]) {
    // A name is a repeat when it equals the one before it in name order (positions break
    // ties, so every occurrence but the first is one).
    let name = |i: usize| counterparties.get(i).map(|p| p.name.as_str());
    let by_name = crate::order::stable_order(counterparties.len(), &|a, b| name(a).cmp(&name(b)));
    let mut repeat = vec![false; counterparties.len()];
    for pair in by_name.windows(2) {
        if let [before, this] = *pair
            && name(before) == name(this)
            && let Some(flag) = repeat.get_mut(this)
        {
            *flag = true;
        }
    }
    for (i, party) in counterparties.iter().enumerate() {
        c.within(&format!("counterparties[{i}]"), |c| {
            if party.name.is_empty() {
                c.problem("name", "must not be empty");
            } else if repeat.get(i) == Some(&true) {
                c.problem("name", "must be unique among the counterparties");
            }
            c.at_least("revenue_usd", party.revenue_usd, Decimal::ZERO);
        });
    }
}

/// The field path of counterparty `i`'s revenue, for overflow errors.
fn revenue_field(i: usize) -> String {
    format!("counterparties[{i}].revenue_usd")
}

/// HHI, top shares, revenue at risk and circular flags (formulas in the
/// [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path
/// (`counterparties[1].name`, `default_recovery_rate`); [`ModelError::Finance`] naming a
/// customer's `revenue_usd` when a sum or square overflows.
///
/// # Example
/// Seed 001: one customer brings 70 % of revenue, and Nvidia is investor, supplier and
/// customer at once.
/// ```
/// use gpuecon::models::concentration::{customer_concentration, ConcentrationInputs, Role};
/// use gpuecon::Decimal;
/// let inputs: ConcentrationInputs = serde_json::from_str(r#"{ "counterparties": [
///   { "name": "Microsoft", "revenue_usd": 70 },
///   { "name": "Nvidia", "revenue_usd": 10, "roles": ["investor", "supplier"] },
///   { "name": "Others", "revenue_usd": 20 }
/// ], "default_recovery_rate": 0.4 }"#).unwrap();
/// let c = customer_concentration(&inputs)?;
/// // 0.7² + 0.2² + 0.1² = 0.49 + 0.04 + 0.01 = 0.54, or 5,400 points
/// assert_eq!(c.hhi, Decimal::new(54, 2));
/// assert_eq!(c.hhi_points, Decimal::from(5_400));
/// assert_eq!(c.top1_share, Decimal::new(7, 1));
/// // 70 × (1 − 0.4) = 42 lost if Microsoft defaults
/// assert_eq!(c.default_loss_usd, Decimal::from(42));
/// assert_eq!(c.circular[0].roles, [Role::Investor, Role::Supplier, Role::Customer]);
/// assert_eq!(c.circular[0].revenue_share, Decimal::new(1, 1));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn customer_concentration(inputs: &ConcentrationInputs) -> Result<Concentration, ModelError> {
    inputs.ensure_valid()?;
    let parties = &inputs.counterparties;
    let mut total = Decimal::ZERO;
    let mut squares = Decimal::ZERO;
    for (i, party) in parties.iter().enumerate() {
        let field = || revenue_field(i);
        total = units::add(total, party.revenue_usd, "revenue_usd")
            .map_err(|e| ModelError::finance(&field(), e))?;
        let square = units::mul(party.revenue_usd, party.revenue_usd, "revenue_usd")
            .map_err(|e| ModelError::finance(&field(), e))?;
        squares = units::add(squares, square, "revenue_usd")
            .map_err(|e| ModelError::finance(&field(), e))?;
    }
    let share = |revenue: Decimal| units::div(revenue, total, "counterparties");
    let hhi = share(share(squares)?)?;

    // Largest first; a stable sort keeps equal revenues in input order.
    let customers: Vec<&Counterparty> = crate::order::stable_sorted(
        parties
            .iter()
            .filter(|p| p.revenue_usd > Decimal::ZERO)
            .collect(),
        &|a: &&Counterparty, b: &&Counterparty| b.revenue_usd.cmp(&a.revenue_usd),
    );
    let top = |k: usize| {
        customers.iter().take(k).try_fold(Decimal::ZERO, |sum, p| {
            units::add(sum, p.revenue_usd, "counterparties")
        })
    };
    let (largest_name, largest_revenue) = customers
        .first()
        .map_or((String::new(), Decimal::ZERO), |p| {
            (p.name.clone(), p.revenue_usd)
        });
    let kept = units::sub(
        Decimal::ONE,
        inputs.default_recovery_rate,
        "default_recovery_rate",
    )?;

    let circular = parties
        .iter()
        .filter_map(|party| {
            // Its roles in Role's order, each once; any counterparty with revenue is a customer.
            let roles: Vec<Role> = [Role::Investor, Role::Supplier, Role::Customer, Role::Lender]
                .into_iter()
                .filter(|r| {
                    party.roles.contains(r)
                        || (*r == Role::Customer && party.revenue_usd > Decimal::ZERO)
                })
                .collect();
            let sides = roles.iter().filter(|r| **r != Role::Lender).count();
            (sides >= 2).then(|| {
                Ok(CircularFlag {
                    name: party.name.clone(),
                    roles,
                    revenue_usd: party.revenue_usd,
                    revenue_share: share(party.revenue_usd)?,
                })
            })
        })
        .collect::<Result<_, crate::FinanceError>>()?;

    Ok(Concentration {
        total_revenue_usd: total,
        customers: customers
            .iter()
            .map(|p| {
                Ok(CustomerShare {
                    name: p.name.clone(),
                    revenue_usd: p.revenue_usd,
                    share: share(p.revenue_usd)?,
                })
            })
            .collect::<Result<_, crate::FinanceError>>()?,
        hhi,
        hhi_points: units::mul(hhi, Decimal::from(10_000), "counterparties")?,
        top1_share: share(top(1)?)?,
        top3_share: share(top(3)?)?,
        largest_customer: largest_name,
        revenue_at_risk_usd: largest_revenue,
        default_loss_usd: units::mul(largest_revenue, kept, "default_recovery_rate")?,
        circular,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn party(name: &str, revenue: &str, roles: &[Role]) -> Counterparty {
        Counterparty {
            name: name.to_owned(),
            revenue_usd: d(revenue),
            roles: roles.to_vec(),
        }
    }

    fn inputs(parties: Vec<Counterparty>) -> ConcentrationInputs {
        ConcentrationInputs {
            counterparties: parties,
            default_recovery_rate: Decimal::ZERO,
        }
    }

    #[test]
    fn five_customers_by_hand() {
        // Revenue 50, 20, 15, 10, 5 (total 100): shares 0.5, 0.2, 0.15, 0.1, 0.05.
        let mut i = inputs(vec![
            party("C", "15", &[]),
            party("A", "50", &[]),
            party("E", "5", &[]),
            party("B", "20", &[]),
            party("D", "10", &[]),
        ]);
        i.default_recovery_rate = d("0.25");
        let c = customer_concentration(&i).unwrap();
        // HHI = 0.25 + 0.04 + 0.0225 + 0.01 + 0.0025 = 0.325; 3,250 points
        assert_eq!(c.hhi, d("0.325"));
        assert_eq!(c.hhi_points, d("3250"));
        // top-1 = 0.5; top-3 = (50 + 20 + 15)/100 = 0.85
        assert_eq!(c.top1_share, d("0.5"));
        assert_eq!(c.top3_share, d("0.85"));
        assert_eq!(c.largest_customer, "A");
        assert_eq!(c.revenue_at_risk_usd, d("50"));
        // 50 × (1 − 0.25) = 37.5
        assert_eq!(c.default_loss_usd, d("37.5"));
        let names: Vec<_> = c.customers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D", "E"]);
        assert_eq!(c.customers[2].share, d("0.15"));
        assert!(c.circular.is_empty());
    }

    #[test]
    fn equal_shares_give_exactly_one_over_n() {
        // Three customers of 7 each: Σ r² / T = 147 / 21 = 7, then 7 / 21 = 1/3.
        let c = customer_concentration(&inputs(vec![
            party("A", "7", &[]),
            party("B", "7", &[]),
            party("C", "7", &[]),
        ]))
        .unwrap();
        assert_eq!(c.hhi, Decimal::ONE / Decimal::from(3));
        // top-3 of three customers is all of them
        assert_eq!(c.top3_share, Decimal::ONE);
    }

    #[test]
    fn circular_counterparties_are_flagged() {
        // Seed 001: Nvidia invests in CoreWeave, supplies its GPUs and rents capacity back.
        // A lender that is also a customer is flagged only with a second side (customer
        // alone is one side; lender is not counted).
        let c = customer_concentration(&inputs(vec![
            party("Microsoft", "62", &[Role::Customer]),
            party(
                "Nvidia",
                "15",
                &[Role::Supplier, Role::Investor, Role::Supplier],
            ),
            party("Bank", "23", &[Role::Lender]),
            party("Fund", "0", &[Role::Investor, Role::Lender]),
            party("Dell", "0", &[Role::Supplier, Role::Customer]),
        ]))
        .unwrap();
        let flagged: Vec<_> = c.circular.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(flagged, ["Nvidia", "Dell"]);
        // Nvidia: roles deduplicated and ordered, customer implied by its revenue.
        assert_eq!(
            c.circular[0].roles,
            [Role::Investor, Role::Supplier, Role::Customer]
        );
        // 15 / 100 = 0.15
        assert_eq!(c.circular[0].revenue_share, d("0.15"));
        assert_eq!(c.circular[1].revenue_share, Decimal::ZERO);
        // Two customers without revenue do not count: n = 3.
        assert_eq!(c.customers.len(), 3);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let field =
            |i: ConcentrationInputs| customer_concentration(&i).unwrap_err().field().to_owned();
        assert_eq!(field(inputs(vec![])), "counterparties");
        assert_eq!(field(inputs(vec![party("A", "0", &[])])), "counterparties");
        assert_eq!(
            field(inputs(vec![party("", "1", &[])])),
            "counterparties[0].name"
        );
        let mut i = inputs(vec![party("A", "1", &[])]);
        i.default_recovery_rate = d("1.5");
        assert_eq!(field(i), "default_recovery_rate");
        // √(7.9e28) ≈ 2.8e14: a square above it overflows, named by the customer.
        let err = customer_concentration(&inputs(vec![
            party("A", "1", &[]),
            party("B", "1000000000000000", &[]),
        ]))
        .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "counterparties[1].revenue_usd")
        );
    }

    #[test]
    fn json_roles_are_snake_case() {
        let i: ConcentrationInputs = serde_json::from_str(
            r#"{ "counterparties": [{ "name": "N", "revenue_usd": "3", "roles": ["lender", "investor"] }] }"#,
        )
        .unwrap();
        assert_eq!(i.counterparties[0].roles, [Role::Lender, Role::Investor]);
        assert!(
            serde_json::from_str::<ConcentrationInputs>(
                r#"{ "counterparties": [{ "name": "N", "roles": ["owner"] }] }"#
            )
            .is_err()
        );
    }
}
