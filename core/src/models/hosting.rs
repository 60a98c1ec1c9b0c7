//! Hosting agreements (docs/domain.md section 11): what a host is paid each month for
//! running a tenant's GPUs — a fee per contracted kW or a share of the tenant's model
//! revenue, a minimum fee, SLA credits stepped by monthly uptime, and a cap on the credits.
//!
//! For month `m`:
//!
//! ```text
//! base fee      = contracted_kw × usd_per_kw_month                (fixed_per_kw)
//!               = share × model_revenue_usd[m − 1]                (revenue_share)
//! top-up        = max(0, minimum − base fee)
//! fee           = base fee + top-up = max(base fee, minimum)      (the minimum first)
//! credit share  = the credit_share of the lowest below_uptime the uptime falls under
//!                 (uptime < below_uptime), 0 if it falls under none
//! credit        = min(credit share × fee,
//!                     share_of_monthly_fee × fee,                 (when given)
//!                     usd_per_contract_year − credits earlier in the contract year)  (when given)
//! net fee       = fee − credit
//! host cost     = contracted_kw × cost usd_per_kw_month + cost usd_per_month  (when given)
//! margin        = net fee − host cost
//! margin share  = margin ÷ net fee                                (none when net fee is 0)
//! ```
//!
//! - **Order**: the minimum applies first and SLA credits come off the fee after it: the
//!   host guarantees its uptime on what it bills. So the net fee is never below
//!   `minimum − credit`, and never below 0 (a credit is at most the fee).
//! - **SLA tiers** run from the highest threshold down, for example 10 % of the fee below
//!   99.9 % uptime, 25 % below 99 %, 100 % below 95 %: an uptime of 98 % falls under
//!   99.9 % and 99 %, and the lowest of those, 99 %, gives 25 %.
//! - **Liability cap**: on a month's credit as a share of that month's fee, on the credits
//!   of each contract year (months 1-12, 13-24, …) as an amount, or both (the lower
//!   binds). Without a cap the credit is bounded only by the fee.
//! - **The host's margin** (optional: only when a [`HostCost`] is given) is measured on
//!   what the host keeps, the net fee after SLA credits, as a gross margin: revenue less
//!   the cost of serving it, over revenue. Totals sum the months' costs and margins; the
//!   total margin share is the total margin over the total net fee (not a mean of the
//!   months' shares). Without a host cost every margin field is none and the fees are as
//!   they were.
//! - **Missing months**: uptime entries beyond the list are 1 (no outage), model revenue
//!   entries 0; a list longer than `months` is an error.
//! - **Exactness**: every amount is an exact product or sum of the inputs in checked
//!   [`Decimal`]; nothing is rounded. Inputs are checked first ([`Validate`]); the first
//!   problem is returned with its path (`sla_tiers[1].below_uptime`). Nothing panics.

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::check::{Checker, Validate};
use super::take_or_pay::Backlog;
use crate::finance;
use crate::units;
use crate::{Decimal, FinanceError};

/// How the host's fee is set. Its JSON form is tagged by `kind`:
/// `{ "kind": "fixed_per_kw", "contracted_kw": 1000, "usd_per_kw_month": 150 }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum HostingFee {
    /// A fixed fee on contracted critical IT kW, used or not.
    FixedPerKw {
        /// Contracted critical IT kW (at least 0).
        contracted_kw: Decimal,
        /// USD per kW-month (at least 0).
        usd_per_kw_month: Decimal,
    },
    /// A share of the tenant's model revenue to the host.
    RevenueShare {
        /// The host's share, in [0, 1].
        share: Decimal,
        /// The tenant's model revenue each month (entry i is month i + 1), each at least 0;
        /// missing months 0.
        model_revenue_usd: Vec<Decimal>,
    },
}

/// One step of an SLA: the credit owed when monthly uptime falls below a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlaTier {
    /// The uptime threshold, in [0, 1] (0.999 for 99.9 %), each below the previous tier's.
    pub below_uptime: Decimal,
    /// The credit as a share of the month's fee, in [0, 1].
    pub credit_share: Decimal,
}

/// Limits on SLA credits (the host's liability cap). Both default to none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CreditCap {
    /// The most a month's credit can be, as a share of its fee, in [0, 1].
    pub share_of_monthly_fee: Option<Decimal>,
    /// The most the credits of one contract year can add up to, in USD (at least 0).
    pub usd_per_contract_year: Option<Decimal>,
}

/// What it costs the host to serve the agreement each month (power passed through to the
/// tenant is not a cost here: only what the host pays itself). Both parts default to 0 and
/// add up.
///
/// ```text
/// host cost_m = contracted_kw × usd_per_kw_month + usd_per_month
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HostCost {
    /// USD per contracted kW-month (at least 0), on the fee's `contracted_kw`: only with a
    /// `fixed_per_kw` fee (a revenue share has no contracted kW).
    pub usd_per_kw_month: Decimal,
    /// USD a month, whatever the fee (at least 0).
    pub usd_per_month: Decimal,
}

/// What [`hosting_fees`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostingInputs {
    /// Months in the agreement, 1 to 1200.
    pub months: u32,
    /// How the fee is set.
    pub fee: HostingFee,
    /// The least the host is paid a month before credits, in USD (at least 0; default 0).
    #[serde(default)]
    pub minimum_fee_usd_per_month: Decimal,
    /// Uptime each month, in [0, 1] (entry i is month i + 1); missing months 1.
    #[serde(default)]
    pub uptime_by_month: Vec<Decimal>,
    /// The SLA's steps, highest threshold first (default none: no credits).
    #[serde(default)]
    pub sla_tiers: Vec<SlaTier>,
    /// Limits on the credits (default none).
    #[serde(default)]
    pub credit_cap: CreditCap,
    /// The host's own cost of serving the agreement (default none: no margin is computed).
    #[serde(default)]
    pub host_cost: Option<HostCost>,
}

/// One month of a [`HostingSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostingMonth {
    /// The month (1 is the first of the agreement).
    pub month: u32,
    /// The month's uptime (1 when not given).
    pub uptime: Decimal,
    /// The fee per kW or the revenue share.
    pub base_fee_usd: Decimal,
    /// `max(0, minimum − base fee)`.
    pub minimum_top_up_usd: Decimal,
    /// `base fee + top-up`: what the host bills before credits.
    pub fee_usd: Decimal,
    /// The SLA tier's share of the fee (0 when the uptime meets every threshold).
    pub credit_share: Decimal,
    /// `credit share × fee`, before the cap.
    pub credit_before_cap_usd: Decimal,
    /// The credit after the cap.
    pub sla_credit_usd: Decimal,
    /// `fee − credit`.
    pub net_fee_usd: Decimal,
    /// The host's cost this month (none without a [`HostCost`]).
    pub host_cost_usd: Option<Decimal>,
    /// `net fee − host cost` (none without a [`HostCost`]).
    pub margin_usd: Option<Decimal>,
    /// `margin ÷ net fee`, a fraction (none without a [`HostCost`] or when the net fee is 0).
    pub margin_share: Option<Decimal>,
}

/// Sums over the months of a [`HostingSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HostingTotals {
    /// Base fees.
    pub base_fee_usd: Decimal,
    /// Minimum top-ups.
    pub minimum_top_up_usd: Decimal,
    /// Fees before credits.
    pub fee_usd: Decimal,
    /// Credits before the cap.
    pub credit_before_cap_usd: Decimal,
    /// Credits after the cap.
    pub sla_credit_usd: Decimal,
    /// Net fees.
    pub net_fee_usd: Decimal,
    /// The host's costs (none without a [`HostCost`]).
    pub host_cost_usd: Option<Decimal>,
    /// `net fees − host costs` (none without a [`HostCost`]).
    pub margin_usd: Option<Decimal>,
    /// `margin ÷ net fees` over the whole agreement, a fraction (none without a
    /// [`HostCost`] or when the net fees are 0).
    pub margin_share: Option<Decimal>,
}

/// The result of [`hosting_fees`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostingSchedule {
    /// One row per month, from month 1.
    pub months: Vec<HostingMonth>,
    /// Sums over the months.
    pub totals: HostingTotals,
}

/// Records a problem on `field` when a monthly list is longer than the agreement.
fn check_len(c: &mut Checker, field: &str, len: usize, months: u32) {
    if u32::try_from(len).map_or(true, |len| len > months) {
        c.problem(field, "must not have more entries than months");
    }
}

impl Validate for HostingFee {
    fn check(&self, c: &mut Checker) {
        match self {
            Self::FixedPerKw {
                contracted_kw,
                usd_per_kw_month,
            } => {
                c.at_least("contracted_kw", *contracted_kw, Decimal::ZERO);
                c.at_least("usd_per_kw_month", *usd_per_kw_month, Decimal::ZERO);
            }
            Self::RevenueShare {
                share,
                model_revenue_usd,
            } => {
                c.fraction("share", *share);
                for (i, revenue) in model_revenue_usd.iter().enumerate() {
                    c.at_least(&format!("model_revenue_usd[{i}]"), *revenue, Decimal::ZERO);
                }
            }
        }
    }
}

impl Validate for SlaTier {
    fn check(&self, c: &mut Checker) {
        c.fraction("below_uptime", self.below_uptime);
        c.fraction("credit_share", self.credit_share);
    }
}

impl Validate for CreditCap {
    fn check(&self, c: &mut Checker) {
        if let Some(share) = self.share_of_monthly_fee {
            c.fraction("share_of_monthly_fee", share);
        }
        if let Some(amount) = self.usd_per_contract_year {
            c.at_least("usd_per_contract_year", amount, Decimal::ZERO);
        }
    }
}

impl Validate for HostCost {
    fn check(&self, c: &mut Checker) {
        c.at_least("usd_per_kw_month", self.usd_per_kw_month, Decimal::ZERO);
        c.at_least("usd_per_month", self.usd_per_month, Decimal::ZERO);
    }
}

impl Validate for HostingInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::hosting::HostingInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: HostingInputs = serde_json::from_str(r#"{
    ///   "months": 2,
    ///   "fee": { "kind": "revenue_share", "share": 1.5, "model_revenue_usd": [1, 2, 3] },
    ///   "sla_tiers": [{ "below_uptime": 0.99, "credit_share": 0.25 },
    ///                 { "below_uptime": 0.999, "credit_share": 0.1 }]
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["fee.share", "fee.model_revenue_usd", "sla_tiers[1].below_uptime"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.months("months", self.months);
        c.nested("fee", &self.fee);
        if let HostingFee::RevenueShare {
            model_revenue_usd, ..
        } = &self.fee
        {
            check_len(
                c,
                "fee.model_revenue_usd",
                model_revenue_usd.len(),
                self.months,
            );
        }
        c.at_least(
            "minimum_fee_usd_per_month",
            self.minimum_fee_usd_per_month,
            Decimal::ZERO,
        );
        for (i, uptime) in self.uptime_by_month.iter().enumerate() {
            c.fraction(&format!("uptime_by_month[{i}]"), *uptime);
        }
        check_len(
            c,
            "uptime_by_month",
            self.uptime_by_month.len(),
            self.months,
        );
        c.each("sla_tiers", &self.sla_tiers);
        for (i, pair) in self.sla_tiers.windows(2).enumerate() {
            if let [higher, lower] = pair
                && lower.below_uptime >= higher.below_uptime
            {
                c.problem(
                    &format!("sla_tiers[{}].below_uptime", i + 1),
                    "must be below the previous tier's",
                );
            }
        }
        c.nested("credit_cap", &self.credit_cap);
        if let Some(cost) = &self.host_cost {
            c.nested("host_cost", cost);
            if matches!(self.fee, HostingFee::RevenueShare { .. })
                && cost.usd_per_kw_month != Decimal::ZERO
            {
                c.problem(
                    "host_cost.usd_per_kw_month",
                    "needs a fixed_per_kw fee (a revenue share has no contracted kW): give the cost as usd_per_month",
                );
            }
        }
    }
}

impl HostingInputs {
    /// The base fee of month index `i` (0 is month 1).
    fn base_fee(&self, i: usize) -> Result<Decimal, FinanceError> {
        match &self.fee {
            HostingFee::FixedPerKw {
                contracted_kw,
                usd_per_kw_month,
            } => units::mul(*contracted_kw, *usd_per_kw_month, "fee.usd_per_kw_month"),
            HostingFee::RevenueShare {
                share,
                model_revenue_usd,
            } => {
                let revenue = model_revenue_usd.get(i).copied().unwrap_or_default();
                units::mul(*share, revenue, "fee.model_revenue_usd")
            }
        }
    }

    /// The host's cost a month, when one is given.
    fn host_cost(&self) -> Result<Option<Decimal>, FinanceError> {
        let Some(cost) = &self.host_cost else {
            return Ok(None);
        };
        let per_kw = match &self.fee {
            HostingFee::FixedPerKw { contracted_kw, .. } => units::mul(
                *contracted_kw,
                cost.usd_per_kw_month,
                "host_cost.usd_per_kw_month",
            )?,
            HostingFee::RevenueShare { .. } => Decimal::ZERO,
        };
        units::add(per_kw, cost.usd_per_month, "host_cost.usd_per_month").map(Some)
    }

    /// The credit share for `uptime`: that of the lowest threshold it falls under.
    fn credit_share(&self, uptime: Decimal) -> Decimal {
        self.sla_tiers
            .iter()
            .rev()
            .find(|tier| uptime < tier.below_uptime)
            .map_or(Decimal::ZERO, |tier| tier.credit_share)
    }
}

impl HostingTotals {
    /// Adds a month to the totals.
    fn add(&mut self, m: &HostingMonth) -> Result<(), FinanceError> {
        const FIELD: &str = "totals";
        self.base_fee_usd = units::add(self.base_fee_usd, m.base_fee_usd, FIELD)?;
        self.minimum_top_up_usd = units::add(self.minimum_top_up_usd, m.minimum_top_up_usd, FIELD)?;
        self.fee_usd = units::add(self.fee_usd, m.fee_usd, FIELD)?;
        self.credit_before_cap_usd =
            units::add(self.credit_before_cap_usd, m.credit_before_cap_usd, FIELD)?;
        self.sla_credit_usd = units::add(self.sla_credit_usd, m.sla_credit_usd, FIELD)?;
        self.net_fee_usd = units::add(self.net_fee_usd, m.net_fee_usd, FIELD)?;
        self.host_cost_usd = add_some(self.host_cost_usd, m.host_cost_usd)?;
        self.margin_usd = add_some(self.margin_usd, m.margin_usd)?;
        Ok(())
    }
}

/// `a + b` when `b` is given (a missing `a` counts 0); none when `b` is not.
fn add_some(a: Option<Decimal>, b: Option<Decimal>) -> Result<Option<Decimal>, FinanceError> {
    b.map(|b| units::add(a.unwrap_or_default(), b, "totals"))
        .transpose()
}

/// The host's margin on `net_fee` at `cost`: `(margin, margin ÷ net fee)`, the share none
/// when the net fee is 0.
fn margin(net_fee: Decimal, cost: Decimal) -> Result<(Decimal, Option<Decimal>), FinanceError> {
    let margin = units::sub(net_fee, cost, "host_cost")?;
    let share = if net_fee == Decimal::ZERO {
        None
    } else {
        Some(units::div(margin, net_fee, "host_cost")?)
    };
    Ok((margin, share))
}

/// The host's fees month by month: base fee, minimum top-up, SLA credit and net fee, and
/// with a [`HostCost`] the host's cost, margin and margin share (formulas in the
/// [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`months`, `fee.share`,
/// `sla_tiers[1].below_uptime`, `host_cost.usd_per_kw_month` on a revenue share);
/// [`ModelError::Finance`] naming the input whose product overflows
/// (`fee.usd_per_kw_month`, `host_cost.usd_per_kw_month`), `host_cost` when a margin or
/// its share does, or `totals` when a sum does.
///
/// # Example
/// 15 % of the tenant's model revenue with a $100,000 minimum, the domain's SLA steps and
/// credits capped at 50 % of a month's fee:
/// ```
/// use gpuecon::models::hosting::{hosting_fees, HostingInputs};
/// use gpuecon::Decimal;
/// let inputs: HostingInputs = serde_json::from_str(r#"{
///   "months": 3,
///   "fee": { "kind": "revenue_share", "share": 0.15,
///            "model_revenue_usd": [1000000, 500000, 2000000] },
///   "minimum_fee_usd_per_month": 100000,
///   "uptime_by_month": [0.9995, 0.985, 0.94],
///   "sla_tiers": [{ "below_uptime": 0.999, "credit_share": 0.10 },
///                 { "below_uptime": 0.99, "credit_share": 0.25 },
///                 { "below_uptime": 0.95, "credit_share": 1 }],
///   "credit_cap": { "share_of_monthly_fee": 0.5 }
/// }"#).unwrap();
/// let s = hosting_fees(&inputs)?;
/// // Month 2: 15 % × 500,000 = 75,000, topped up 25,000 to the minimum; 98.5 % uptime is
/// // below 99 %: 25 % × 100,000 = 25,000 of credit; net 75,000.
/// assert_eq!(s.months[1].minimum_top_up_usd, Decimal::from(25_000));
/// assert_eq!(s.months[1].net_fee_usd, Decimal::from(75_000));
/// // Month 3: 300,000 at 94 % uptime: 100 % credit, capped at 50 %: net 150,000.
/// assert_eq!(s.months[2].sla_credit_usd, Decimal::from(150_000));
/// // 150,000 + 75,000 + 150,000
/// assert_eq!(s.totals.net_fee_usd, Decimal::from(375_000));
/// // No host cost given: no margin.
/// assert_eq!(s.totals.margin_usd, None);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
///
/// The host's margin: 1,000 kW at $120.83 per kW-month, the host's cost $27 per kW-month:
/// 120,830 − 27,000 = 93,830 a month, 93,830 ÷ 120,830 = 77.65 % of the net fee.
/// ```
/// use gpuecon::models::hosting::{hosting_fees, HostingInputs};
/// use gpuecon::Decimal;
/// let inputs: HostingInputs = serde_json::from_str(r#"{ "months": 1,
///   "fee": { "kind": "fixed_per_kw", "contracted_kw": 1000, "usd_per_kw_month": "120.83" },
///   "host_cost": { "usd_per_kw_month": 27 } }"#)?;
/// let s = hosting_fees(&inputs)?;
/// assert_eq!(s.totals.host_cost_usd, Some(Decimal::from(27_000)));
/// assert_eq!(s.totals.margin_usd, Some(Decimal::from(93_830)));
/// let share = s.totals.margin_share.ok_or("no share")?;
/// assert_eq!(share.round_dp(4), Decimal::new(7765, 4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hosting_fees(inputs: &HostingInputs) -> Result<HostingSchedule, ModelError> {
    inputs.ensure_valid()?;
    let cap = &inputs.credit_cap;
    let minimum = inputs.minimum_fee_usd_per_month;
    let mut totals = HostingTotals::default();
    let mut months = Vec::new();
    let mut year_credits = Decimal::ZERO;
    let host_cost = inputs.host_cost()?;
    for (i, month) in (1..=inputs.months).enumerate() {
        if month % 12 == 1 {
            year_credits = Decimal::ZERO;
        }
        let base = inputs.base_fee(i)?;
        let top_up = units::sub(minimum, base, "minimum_fee_usd_per_month")?.max(Decimal::ZERO);
        let fee = units::add(base, top_up, "minimum_fee_usd_per_month")?;
        let uptime = inputs
            .uptime_by_month
            .get(i)
            .copied()
            .unwrap_or(Decimal::ONE);
        let credit_share = inputs.credit_share(uptime);
        let before_cap = units::mul(credit_share, fee, "sla_tiers")?;
        let mut credit = before_cap;
        if let Some(share) = cap.share_of_monthly_fee {
            credit = credit.min(units::mul(share, fee, "credit_cap.share_of_monthly_fee")?);
        }
        if let Some(amount) = cap.usd_per_contract_year {
            let left = units::sub(amount, year_credits, "credit_cap.usd_per_contract_year")?;
            credit = credit.min(left);
        }
        year_credits = units::add(year_credits, credit, "totals")?;
        let net_fee = units::sub(fee, credit, "totals")?;
        let (margin_usd, margin_share) = match host_cost {
            Some(cost) => {
                let (m, share) = margin(net_fee, cost)?;
                (Some(m), share)
            }
            None => (None, None),
        };
        let row = HostingMonth {
            month,
            uptime,
            base_fee_usd: base,
            minimum_top_up_usd: top_up,
            fee_usd: fee,
            credit_share,
            credit_before_cap_usd: before_cap,
            sla_credit_usd: credit,
            net_fee_usd: net_fee,
            host_cost_usd: host_cost,
            margin_usd,
            margin_share,
        };
        totals.add(&row)?;
        months.push(row);
    }
    if let Some(cost) = totals.host_cost_usd {
        totals.margin_share = margin(totals.net_fee_usd, cost)?.1;
    }
    Ok(HostingSchedule { months, totals })
}

/// The hosting agreement's contracted backlog at its start: the fees the tenant owes
/// whatever it uses, and their present value. What lenders size a host's debt on, like a
/// take-or-pay contract's [`backlog`](super::take_or_pay::backlog).
///
/// ```text
/// guaranteed_m = max(contracted_kw × usd_per_kw_month, minimum)   (fixed_per_kw)
///              = minimum                                        (revenue_share)
/// remaining    = Σ guaranteed_m                                  (m = 1 … months)
/// PV           = Σ guaranteed_m / (1 + i)^m,   i = (1 + annual_discount_rate)^(1/12) − 1
/// ```
///
/// Each month's fee is counted at its end, before SLA credits (they depend on uptime not
/// yet delivered, as a take-or-pay backlog leaves out make-up credits); a revenue share
/// above its minimum depends on the tenant's sales and is not contracted.
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path; `annual_discount_rate` when
/// it is −1 or less; [`ModelError::Finance`] naming the input whose product overflows.
///
/// # Example
/// 1,000 kW at $150 per kW-month for 12 months: $150,000 a month, $1,800,000 in all; at
/// 0 % the present value is the same.
/// ```
/// use gpuecon::models::hosting::{hosting_backlog, HostingInputs};
/// use gpuecon::Decimal;
/// let inputs: HostingInputs = serde_json::from_str(r#"{ "months": 12,
///   "fee": { "kind": "fixed_per_kw", "contracted_kw": 1000, "usd_per_kw_month": 150 } }"#)?;
/// let value = hosting_backlog(&inputs, Decimal::ZERO)?;
/// assert_eq!(value.remaining_minimum_usd, Decimal::from(1_800_000));
/// assert_eq!(value.present_value_usd, Decimal::from(1_800_000));
/// assert_eq!(value.months_remaining, 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hosting_backlog(
    inputs: &HostingInputs,
    annual_discount_rate: Decimal,
) -> Result<Backlog, ModelError> {
    inputs.ensure_valid()?;
    if annual_discount_rate <= Decimal::NEGATIVE_ONE {
        return Err(ModelError::domain(
            "annual_discount_rate",
            "must be greater than -1",
        ));
    }
    let minimum = inputs.minimum_fee_usd_per_month;
    let mut payments = Vec::new();
    for i in 0..inputs.months {
        let guaranteed = match &inputs.fee {
            HostingFee::FixedPerKw { .. } => inputs
                .base_fee(usize::try_from(i).unwrap_or(usize::MAX))?
                .max(minimum),
            HostingFee::RevenueShare { .. } => minimum,
        };
        payments.push(guaranteed);
    }
    let remaining = payments.iter().try_fold(Decimal::ZERO, |sum, x| {
        units::add(sum, *x, "fee.usd_per_kw_month")
    })?;
    let monthly = finance::monthly_rate(annual_discount_rate, "annual_discount_rate")?;
    let present_value = if payments.is_empty() {
        Decimal::ZERO
    } else {
        finance::npv(monthly, &payments)
            .map_err(|e| ModelError::finance("fee.usd_per_kw_month", e))?
    };
    Ok(Backlog {
        remaining_minimum_usd: remaining,
        present_value_usd: present_value,
        months_remaining: inputs.months,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn ds(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| d(v)).collect()
    }

    /// The domain's steps: 10 % below 99.9 %, 25 % below 99 %, 100 % below 95 %.
    fn domain_tiers() -> Vec<SlaTier> {
        [("0.999", "0.1"), ("0.99", "0.25"), ("0.95", "1")]
            .iter()
            .map(|(below, share)| SlaTier {
                below_uptime: d(below),
                credit_share: d(share),
            })
            .collect()
    }

    fn per_kw(months: u32) -> HostingInputs {
        HostingInputs {
            months,
            fee: HostingFee::FixedPerKw {
                contracted_kw: d("2000"),
                usd_per_kw_month: d("150"),
            },
            minimum_fee_usd_per_month: Decimal::ZERO,
            uptime_by_month: Vec::new(),
            sla_tiers: domain_tiers(),
            credit_cap: CreditCap::default(),
            host_cost: None,
        }
    }

    #[test]
    fn per_kw_fee_with_stepped_credits() {
        // 2,000 kW × $150 = $300,000 a month. Uptime 99.95 % (no credit), 99.9 % (not
        // below 99.9 %: no credit), 99.5 % (10 %), 95 % (not below 95 %: 25 %), 94.99 %
        // (100 %), and month 6 not given (1: no credit).
        let mut inputs = per_kw(6);
        inputs.uptime_by_month = ds(&["0.9995", "0.999", "0.995", "0.95", "0.9499"]);
        let s = hosting_fees(&inputs).unwrap();
        let shares: Vec<_> = s.months.iter().map(|m| m.credit_share).collect();
        assert_eq!(shares, ds(&["0", "0", "0.1", "0.25", "1", "0"]));
        let credits: Vec<_> = s.months.iter().map(|m| m.sla_credit_usd).collect();
        // 0, 0, 30,000, 75,000, 300,000, 0
        assert_eq!(credits, ds(&["0", "0", "30000", "75000", "300000", "0"]));
        assert_eq!(s.months[5].uptime, Decimal::ONE);
        // 6 × 300,000 = 1,800,000 − 405,000 of credits = 1,395,000
        assert_eq!(s.totals.fee_usd, d("1800000"));
        assert_eq!(s.totals.sla_credit_usd, d("405000"));
        assert_eq!(s.totals.net_fee_usd, d("1395000"));
        assert_eq!(s.totals.minimum_top_up_usd, Decimal::ZERO);
    }

    #[test]
    fn annual_cap_spans_the_contract_year() {
        // $300,000 a month, 100 % credit each of months 1-14 (uptime 90 %), capped at
        // $500,000 a contract year: month 1 300,000, month 2 200,000, months 3-12 0; the
        // cap renews in month 13: 300,000, then 200,000 in month 14.
        let mut inputs = per_kw(14);
        inputs.uptime_by_month = vec![d("0.9"); 14];
        inputs.credit_cap.usd_per_contract_year = Some(d("500000"));
        let s = hosting_fees(&inputs).unwrap();
        let credits: Vec<_> = s.months.iter().map(|m| m.sla_credit_usd).collect();
        let mut expected = vec![d("300000"), d("200000")];
        expected.extend(vec![Decimal::ZERO; 10]);
        expected.extend([d("300000"), d("200000")]);
        assert_eq!(credits, expected);
        assert_eq!(s.months[1].credit_before_cap_usd, d("300000"));
        assert_eq!(s.totals.sla_credit_usd, d("1000000"));
        // net: 14 × 300,000 − 1,000,000 = 3,200,000
        assert_eq!(s.totals.net_fee_usd, d("3200000"));
    }

    #[test]
    fn revenue_share_minimum_then_credits() {
        // 20 % of revenue 400,000 = 80,000, minimum 100,000: top-up 20,000, fee 100,000;
        // 98 % uptime falls under 99.9 % and 99 %: the lower, 99 %, gives 25 % = 25,000,
        // capped at 20 % of the fee = 20,000: net 80,000 (= minimum − credit).
        // Month 2 has no revenue entry: 0, topped up to 100,000, full uptime.
        let inputs = HostingInputs {
            months: 2,
            fee: HostingFee::RevenueShare {
                share: d("0.2"),
                model_revenue_usd: ds(&["400000"]),
            },
            minimum_fee_usd_per_month: d("100000"),
            uptime_by_month: ds(&["0.98"]),
            sla_tiers: domain_tiers(),
            credit_cap: CreditCap {
                share_of_monthly_fee: Some(d("0.2")),
                usd_per_contract_year: None,
            },
            host_cost: None,
        };
        let s = hosting_fees(&inputs).unwrap();
        let m = &s.months[0];
        assert_eq!(m.base_fee_usd, d("80000"));
        assert_eq!(m.minimum_top_up_usd, d("20000"));
        assert_eq!(m.fee_usd, d("100000"));
        assert_eq!(m.credit_before_cap_usd, d("25000"));
        assert_eq!(m.sla_credit_usd, d("20000"));
        assert_eq!(m.net_fee_usd, d("80000"));
        assert_eq!(s.months[1].minimum_top_up_usd, d("100000"));
        assert_eq!(s.totals.net_fee_usd, d("180000"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let field = |i: HostingInputs| hosting_fees(&i).unwrap_err().field().to_owned();
        assert_eq!(field(per_kw(0)), "months");
        assert_eq!(field(per_kw(1201)), "months");
        let mut inputs = per_kw(2);
        inputs.uptime_by_month = ds(&["1", "1.01"]);
        assert_eq!(field(inputs), "uptime_by_month[1]");
        let mut inputs = per_kw(2);
        inputs.uptime_by_month = ds(&["1", "1", "1"]);
        assert_eq!(field(inputs), "uptime_by_month");
        let mut inputs = per_kw(2);
        inputs.sla_tiers[2].credit_share = d("-0.1");
        inputs.credit_cap.usd_per_contract_year = Some(d("-1"));
        let all: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "sla_tiers[2].credit_share",
                "credit_cap.usd_per_contract_year"
            ]
        );
        let mut inputs = per_kw(2);
        inputs.minimum_fee_usd_per_month = d("-5");
        assert_eq!(field(inputs), "minimum_fee_usd_per_month");
        let mut inputs = per_kw(1);
        inputs.fee = HostingFee::FixedPerKw {
            contracted_kw: Decimal::MAX,
            usd_per_kw_month: d("2"),
        };
        let err = hosting_fees(&inputs).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "fee.usd_per_kw_month")
        );
    }

    #[test]
    fn margin_on_the_net_fee() {
        // 2,000 kW × $150 = 300,000 a month with the uptimes of `per_kw_fee_with_stepped_
        // credits`: net fees 300,000, 300,000, 270,000, 225,000, 0, 300,000 (1,395,000).
        // Host cost 2,000 kW × $30 + $10,000 = 70,000 a month (420,000 over 6).
        // Margins: 230,000, 230,000, 200,000, 155,000, −70,000, 230,000 (975,000).
        // Shares: 23/30, 23/30, 20/27, 31/45, none (net fee 0), 23/30; total 975/1,395 = 65/93.
        let mut inputs = per_kw(6);
        inputs.uptime_by_month = ds(&["0.9995", "0.999", "0.995", "0.95", "0.9499"]);
        inputs.host_cost = Some(HostCost {
            usd_per_kw_month: d("30"),
            usd_per_month: d("10000"),
        });
        let s = hosting_fees(&inputs).unwrap();
        for m in &s.months {
            assert_eq!(m.host_cost_usd, Some(d("70000")));
        }
        let margins: Vec<_> = s.months.iter().map(|m| m.margin_usd.unwrap()).collect();
        assert_eq!(
            margins,
            ds(&["230000", "230000", "200000", "155000", "-70000", "230000"])
        );
        // share × denominator = numerator, to the 28 digits a Decimal holds.
        let near = |share: Option<Decimal>, num: i64, den: i64| {
            let share = share.unwrap();
            assert!(
                (share * Decimal::from(den) - Decimal::from(num)).abs() < d("1e-24"),
                "{share} is not {num}/{den}"
            );
        };
        near(s.months[0].margin_share, 23, 30);
        near(s.months[2].margin_share, 20, 27);
        near(s.months[3].margin_share, 31, 45);
        assert_eq!(s.months[4].margin_share, None);
        assert_eq!(s.totals.host_cost_usd, Some(d("420000")));
        assert_eq!(s.totals.margin_usd, Some(d("975000")));
        near(s.totals.margin_share, 65, 93);
        // The fees are those of the same inputs without a cost.
        inputs.host_cost = None;
        let without = hosting_fees(&inputs).unwrap();
        assert_eq!(without.totals.net_fee_usd, s.totals.net_fee_usd);
        assert_eq!(
            (without.totals.host_cost_usd, without.totals.margin_usd),
            (None, None)
        );
        assert!(without.months.iter().all(|m| m.margin_share.is_none()));
    }

    #[test]
    fn host_cost_checks() {
        let field = |i: HostingInputs| hosting_fees(&i).unwrap_err().field().to_owned();
        let mut inputs = per_kw(1);
        inputs.host_cost = Some(HostCost {
            usd_per_kw_month: Decimal::ZERO,
            usd_per_month: d("-1"),
        });
        assert_eq!(field(inputs), "host_cost.usd_per_month");
        // A revenue share has no contracted kW: a per-kW cost is refused, a monthly one
        // (60,000 on 15 % × 1,000,000 = 150,000: margin 90,000, 60 %) is taken.
        let mut inputs = HostingInputs {
            months: 1,
            fee: HostingFee::RevenueShare {
                share: d("0.15"),
                model_revenue_usd: ds(&["1000000"]),
            },
            ..per_kw(1)
        };
        inputs.host_cost = Some(HostCost {
            usd_per_kw_month: d("1"),
            usd_per_month: Decimal::ZERO,
        });
        assert_eq!(field(inputs.clone()), "host_cost.usd_per_kw_month");
        inputs.host_cost = Some(HostCost {
            usd_per_kw_month: Decimal::ZERO,
            usd_per_month: d("60000"),
        });
        let s = hosting_fees(&inputs).unwrap();
        assert_eq!(s.totals.margin_usd, Some(d("90000")));
        assert_eq!(s.totals.margin_share, Some(d("0.6")));
        // An unknown key in the cost is refused.
        assert!(
            serde_json::from_str::<HostingInputs>(
                r#"{ "months": 1, "fee": { "kind": "fixed_per_kw", "contracted_kw": 1, "usd_per_kw_month": 1 }, "host_cost": { "usd_kw": 1 } }"#
            )
            .is_err()
        );
    }

    #[test]
    fn json_form_is_tagged() {
        let inputs: HostingInputs = serde_json::from_str(
            r#"{ "months": 1, "fee": { "kind": "fixed_per_kw", "contracted_kw": 10, "usd_per_kw_month": "190" } }"#,
        )
        .unwrap();
        let s = hosting_fees(&inputs).unwrap();
        assert_eq!(s.totals.net_fee_usd, d("1900"));
        assert!(
            serde_json::from_str::<HostingInputs>(
                r#"{ "months": 1, "fee": { "kind": "fixed_per_kw", "kw": 10, "usd_per_kw_month": 1 } }"#
            )
            .is_err()
        );
    }
}
