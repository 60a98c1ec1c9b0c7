//! [`interconnection_delay`]: what waiting in the grid interconnection queue costs, as a
//! difference of NPVs.

use serde::{Deserialize, Serialize};

use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::amount;
use crate::units::{self, MAX_MONTHS};
use crate::{Decimal, finance};

/// When the network upgrade costs are paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpgradePayment {
    /// Now, at month 0, whatever the connection date (the default: deposits and milestone
    /// payments usually precede the connection).
    #[default]
    Upfront,
    /// At the end of the connection month, so a delay defers them too.
    AtConnection,
}

/// What [`interconnection_delay`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterconnectionInputs {
    /// The month the site is expected to be connected (0: connected now); cash flows
    /// from the month after it.
    pub expected_connection_month: u32,
    /// The delay to price, in months (0 allowed).
    pub delay_months: u32,
    /// Months of operation once connected (greater than 0), however late the connection.
    pub operating_months: u32,
    /// Net cash flow each month once connected, in USD (may be negative).
    pub monthly_net_cash_flow_usd: Decimal,
    /// Network upgrade costs the site pays, in USD (at least 0; default 0).
    #[serde(default)]
    pub upgrade_cost_usd: Decimal,
    /// When they are paid (default upfront).
    #[serde(default)]
    pub upgrade_paid: UpgradePayment,
    /// Cash spent each month while waiting (lease, staff, interest on idle capital), in
    /// USD, months 1 to the connection month (at least 0; default 0).
    #[serde(default)]
    pub holding_cost_usd_per_month: Decimal,
    /// The annual discount rate (greater than −1; 0.10 for 10 %).
    pub annual_discount_rate: Decimal,
}

/// One more month of delay in an [`InterconnectionDelay`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelayMonth {
    /// Months of delay, 1 for the first.
    pub delay_months: u32,
    /// The connection month with that delay.
    pub connection_month: u32,
    /// NPV when connected then.
    pub npv_usd: Decimal,
    /// What this month of delay costs: the previous month's NPV less this one's.
    pub marginal_cost_usd: Decimal,
    /// The cost of the delay so far: the on-schedule NPV less this one's.
    pub cumulative_cost_usd: Decimal,
}

/// The result of [`interconnection_delay`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterconnectionDelay {
    /// The monthly discount rate, `(1 + annual)^(1/12) − 1`.
    pub monthly_discount_rate: Decimal,
    /// NPV when connected on schedule, `NPV(t)`.
    pub npv_on_schedule_usd: Decimal,
    /// The cost of the first month of delay, `NPV(t) − NPV(t + 1)`.
    pub cost_of_one_month_usd: Decimal,
    /// NPV when connected `delay_months` late, `NPV(t + d)`.
    pub npv_delayed_usd: Decimal,
    /// The cost of the delay, `NPV(t) − NPV(t + d)` (0 without a delay).
    pub cost_of_delay_usd: Decimal,
    /// Each month of the delay, `d` rows.
    pub delays: Vec<DelayMonth>,
}

impl Validate for InterconnectionInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::facility::InterconnectionInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: InterconnectionInputs = serde_json::from_str(r#"{
    ///   "expected_connection_month": 18, "delay_months": 6, "operating_months": 0,
    ///   "monthly_net_cash_flow_usd": 1000000, "upgrade_cost_usd": -1,
    ///   "annual_discount_rate": 0.1
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["operating_months", "upgrade_cost_usd"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let connection = u64::from(self.expected_connection_month);
        let delayed = connection + u64::from(self.delay_months.max(1));
        let max = u64::from(MAX_MONTHS);
        if connection >= max {
            c.problem("expected_connection_month", "must be before month 1200");
        } else if delayed >= max {
            c.problem(
                "delay_months",
                "must leave the connection before month 1200",
            );
        }
        if self.operating_months == 0 {
            c.problem("operating_months", "must be greater than 0");
        } else if delayed < max && delayed + u64::from(self.operating_months) > max {
            c.problem(
                "operating_months",
                "must end by month 1200 after the connection month and the delay (at least 1)",
            );
        }
        let zero = Decimal::ZERO;
        c.at_least("upgrade_cost_usd", self.upgrade_cost_usd, zero);
        c.at_least(
            "holding_cost_usd_per_month",
            self.holding_cost_usd_per_month,
            zero,
        );
        if self.annual_discount_rate <= Decimal::NEGATIVE_ONE {
            c.problem("annual_discount_rate", "must be greater than -1");
        }
    }
}

/// The project's flows from month 0 to the end of operation when connected in
/// `connection` (index = month).
fn flows(inputs: &InterconnectionInputs, connection: u32) -> Result<Vec<Decimal>, ModelError> {
    let end = connection.saturating_add(inputs.operating_months);
    let mut values = Vec::with_capacity(usize::try_from(end).unwrap_or_default() + 1);
    for month in 0..=end {
        let mut value = match month {
            0 => Decimal::ZERO,
            m if m <= connection => -inputs.holding_cost_usd_per_month,
            _ => inputs.monthly_net_cash_flow_usd,
        };
        let upgrade_now = match inputs.upgrade_paid {
            UpgradePayment::Upfront => month == 0,
            UpgradePayment::AtConnection => month == connection,
        };
        if upgrade_now {
            value = units::sub(value, inputs.upgrade_cost_usd, "upgrade_cost_usd")?;
        }
        values.push(value);
    }
    Ok(values)
}

/// `NPV(connection)`: the flows discounted to month 0 at the monthly rate, kept to
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES) so that the monthly
/// costs add up exactly to the cost of the delay.
fn npv(
    inputs: &InterconnectionInputs,
    rate: Decimal,
    connection: u32,
) -> Result<Decimal, ModelError> {
    finance::npv_at_t0(rate, &flows(inputs, connection)?)
        .map(amount)
        .map_err(|e| match e.field() {
            "rate" => ModelError::finance("annual_discount_rate", e),
            _ => ModelError::finance("monthly_net_cash_flow_usd", e),
        })
}

/// The NPV cost of a delay in the grid interconnection queue (docs/domain.md section 7):
/// every month of delay defers revenue while capital waits. With `t` the expected
/// connection month, `L` the operating months and `i = (1 + r)^(1/12) − 1`:
///
/// ```text
/// flows(c)  month 0:          −upgrade                 (upfront)
///           months 1 … c:     −holding cost
///           month c:          −upgrade                 (at connection)
///           months c+1 … c+L: +net cash flow
/// NPV(c)    = Σₘ flowₘ / (1 + i)^m                     (month 0 not discounted: npv_at_t0)
/// one month = NPV(t) − NPV(t + 1)
/// delay d   = NPV(t) − NPV(t + d) = Σₖ₌₁..d [NPV(t + k − 1) − NPV(t + k)]
/// ```
///
/// A delay shifts the whole operating period (the site still operates `L` months once
/// connected), so with no holding cost the first month costs `NPV(t) × i / (1 + i)` of the
/// connected value: nothing at a zero rate (revenue is deferred, not lost), more the
/// higher the rate. Holding costs add each month waited. With a positive cash flow, a
/// positive rate and upfront upgrades the cost of delay is never negative; upgrades paid
/// at connection are deferred too, so a delay can then be worth money when they exceed
/// the connected flows' value. Costs paid whatever the date (capex already spent) cancel
/// in the difference and are left out.
///
/// The twelfth root in `i` is irrational: [`finance::monthly_rate`] computes it in `f64`
/// and converts it once; every NPV is [`finance::npv_at_t0`] in exact [`Decimal`]
/// arithmetic, kept to [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES)
/// (a trillionth of a dollar) so that the months of a delay add up to its cost exactly.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`expected_connection_month`,
/// `delay_months`, `operating_months` when the horizon passes month 1200,
/// `upgrade_cost_usd` negative, `annual_discount_rate` at most −1);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// A site expected online in month 12, earning $1M a month for 10 years, $150,000 a month
/// of holding costs while it waits, delayed 6 months. At a 0 % rate a delay only adds
/// holding costs: 6 × 150,000 = $900,000. At 10 % a year it also defers the revenue.
/// ```
/// use gpuecon::models::facility::{interconnection_delay, InterconnectionInputs};
/// use gpuecon::Decimal;
/// let mut inputs: InterconnectionInputs = serde_json::from_str(r#"{
///   "expected_connection_month": 12, "delay_months": 6, "operating_months": 120,
///   "monthly_net_cash_flow_usd": 1000000, "holding_cost_usd_per_month": 150000,
///   "annual_discount_rate": 0
/// }"#).unwrap();
/// let cost = interconnection_delay(&inputs)?;
/// assert_eq!(cost.cost_of_delay_usd, Decimal::from(900_000));
/// assert_eq!(cost.cost_of_one_month_usd, Decimal::from(150_000));
/// inputs.annual_discount_rate = Decimal::new(1, 1);
/// let cost = interconnection_delay(&inputs)?;
/// assert!(cost.cost_of_delay_usd > Decimal::from(900_000));
/// let by_month: Decimal = cost.delays.iter().map(|d| d.marginal_cost_usd).sum();
/// assert_eq!(by_month, cost.cost_of_delay_usd);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn interconnection_delay(
    inputs: &InterconnectionInputs,
) -> Result<InterconnectionDelay, ModelError> {
    inputs.ensure_valid()?;
    let rate = finance::monthly_rate(inputs.annual_discount_rate, "annual_discount_rate")?;
    let t = inputs.expected_connection_month;
    let on_schedule = npv(inputs, rate, t)?;
    let field = "monthly_net_cash_flow_usd";
    let one_month = units::sub(on_schedule, npv(inputs, rate, t + 1)?, field)?;
    let mut delays = Vec::with_capacity(usize::try_from(inputs.delay_months).unwrap_or_default());
    let mut previous = on_schedule;
    for k in 1..=inputs.delay_months {
        let connection_month = t + k;
        let npv_usd = npv(inputs, rate, connection_month)?;
        delays.push(DelayMonth {
            delay_months: k,
            connection_month,
            npv_usd,
            marginal_cost_usd: units::sub(previous, npv_usd, field)?,
            cumulative_cost_usd: units::sub(on_schedule, npv_usd, field)?,
        });
        previous = npv_usd;
    }
    Ok(InterconnectionDelay {
        monthly_discount_rate: rate,
        npv_on_schedule_usd: on_schedule,
        cost_of_one_month_usd: one_month,
        npv_delayed_usd: previous,
        cost_of_delay_usd: units::sub(on_schedule, previous, field)?,
        delays,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn site() -> InterconnectionInputs {
        InterconnectionInputs {
            expected_connection_month: 0,
            delay_months: 2,
            operating_months: 2,
            monthly_net_cash_flow_usd: d("1000"),
            upgrade_cost_usd: Decimal::ZERO,
            upgrade_paid: UpgradePayment::Upfront,
            holding_cost_usd_per_month: Decimal::ZERO,
            // 1.01^12 − 1: 1 % a month (to the f64 twelfth root's accuracy)
            annual_discount_rate: d("0.126825030131969720661201"),
        }
    }

    fn close(got: Decimal, expected: &str) {
        assert!(
            (got - d(expected)).abs() < d("0.000001"),
            "got {got}, expected {expected}"
        );
    }

    #[test]
    fn two_months_delayed_by_hand() {
        let cost = interconnection_delay(&site()).unwrap();
        close(cost.monthly_discount_rate, "0.01");
        // NPV(0) = 1000/1.01 + 1000/1.01² = 990.099010 + 980.296049 = 1,970.395059
        close(cost.npv_on_schedule_usd, "1970.395059");
        // NPV(1) = NPV(0)/1.01 = 1,950.886197; one month costs 19.508862
        close(cost.delays[0].npv_usd, "1950.886197");
        close(cost.cost_of_one_month_usd, "19.508862");
        // NPV(2) = NPV(1)/1.01 = 1,931.570492; the second month costs 19.315705
        close(cost.npv_delayed_usd, "1931.570492");
        close(cost.delays[1].marginal_cost_usd, "19.315705");
        // two months: 1,970.395059 − 1,931.570492 = 38.824567
        close(cost.cost_of_delay_usd, "38.824567");
        assert_eq!(cost.delays[1].cumulative_cost_usd, cost.cost_of_delay_usd);
    }

    #[test]
    fn upgrades_upfront_cancel_and_at_connection_defer() {
        let mut upfront = site();
        upfront.upgrade_cost_usd = d("500");
        let cost = interconnection_delay(&upfront).unwrap();
        // NPV(0) = −500 + 1,970.395059; the delay costs the same 38.824567
        close(cost.npv_on_schedule_usd, "1470.395059");
        close(cost.cost_of_delay_usd, "38.824567");
        // Paid at connection, month 0 then month 2: −500 + 500/1.01² = −9.851975 less cost
        let mut later = upfront.clone();
        later.upgrade_paid = UpgradePayment::AtConnection;
        let cost = interconnection_delay(&later).unwrap();
        close(cost.npv_on_schedule_usd, "1470.395059");
        // NPV(2) = −500/1.01² + 1,931.570492 = −490.148025 + 1,931.570492 = 1,441.422467
        close(cost.npv_delayed_usd, "1441.422467");
        close(cost.cost_of_delay_usd, "28.972592");
    }

    #[test]
    fn holding_costs_add_up_at_zero_rate() {
        let mut inputs = site();
        inputs.annual_discount_rate = Decimal::ZERO;
        inputs.holding_cost_usd_per_month = d("75");
        inputs.expected_connection_month = 5;
        inputs.delay_months = 0;
        let cost = interconnection_delay(&inputs).unwrap();
        // NPV(5) = −5 × 75 + 2 × 1,000 = 1,625; NPV(6) = −450 + 2,000 = 1,550
        assert_eq!(cost.npv_on_schedule_usd, d("1625"));
        assert_eq!(cost.cost_of_one_month_usd, d("75"));
        assert!(cost.delays.is_empty());
        assert_eq!(cost.cost_of_delay_usd, Decimal::ZERO);
        assert_eq!(cost.npv_delayed_usd, cost.npv_on_schedule_usd);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut bad = site();
        bad.expected_connection_month = 1200;
        bad.holding_cost_usd_per_month = d("-1");
        bad.annual_discount_rate = d("-1");
        let all: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "expected_connection_month",
                "holding_cost_usd_per_month",
                "annual_discount_rate"
            ]
        );
        let mut bad = site();
        bad.delay_months = 1200;
        assert_eq!(
            interconnection_delay(&bad).unwrap_err().field(),
            "delay_months"
        );
        let mut bad = site();
        bad.operating_months = 1199;
        assert_eq!(
            interconnection_delay(&bad).unwrap_err().field(),
            "operating_months"
        );
        // the longest horizon fits: 0 + 1 + 1199 = 1200
        let mut longest = site();
        longest.delay_months = 1;
        longest.operating_months = 1199;
        assert!(interconnection_delay(&longest).is_ok());
    }

    #[test]
    fn overflow_names_a_field() {
        let mut huge = site();
        huge.monthly_net_cash_flow_usd = Decimal::MAX;
        let err = interconnection_delay(&huge).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "monthly_net_cash_flow_usd");
    }
}
