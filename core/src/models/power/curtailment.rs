//! [`curtailment_cost`]: what hours cut by the grid or a contract cost, net of the power
//! not bought and any demand-response payment, and the power price above which curtailing
//! pays for itself.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::amount;
use crate::units::{self, HOURS_PER_MONTH, KW_PER_MW};

/// The hours cut, tagged by `kind` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CurtailedHours {
    /// Hours cut in months 1, 2, … (each in [0, 730]; 1 to 1200 months).
    Events {
        /// Hours cut each month.
        hours_per_month: Vec<Decimal>,
    },
    /// The same share of every month's 730 hours.
    Share {
        /// The share of hours cut, in [0, 1].
        share_of_hours: Decimal,
        /// Months (1 to 1200).
        months: u32,
    },
}

/// What [`curtailment_cost`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurtailmentInputs {
    /// GPUs curtailed (greater than 0).
    pub gpus: Decimal,
    /// IT kW per GPU while running (greater than 0; all-in, at its load factor).
    pub it_kw_per_gpu: Decimal,
    /// Power usage effectiveness (at least 1): the facility draws `IT kW × PUE`.
    pub pue: Decimal,
    /// The hours cut.
    pub curtailed: CurtailedHours,
    /// What a GPU-hour earns before power, in USD (at least 0): its price less the costs
    /// that stop with it, power excluded. Lost on every GPU-hour cut.
    pub margin_usd_per_gpu_hour: Decimal,
    /// The price of the power not bought in the hours cut, in USD per MWh (may be
    /// negative).
    pub power_price_usd_per_mwh: Decimal,
    /// Paid by the grid per MWh curtailed, in USD (at least 0; default 0).
    #[serde(default)]
    pub demand_response_usd_per_mwh: Decimal,
    /// The capital cost of a GPU-hour in USD (at least 0; optional), for domain.md's
    /// capital break-even price.
    #[serde(default)]
    pub capital_usd_per_gpu_hour: Option<Decimal>,
}

/// One month of a [`CurtailmentCost`]; amounts kept to
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurtailmentMonth {
    /// The month, 1 for the first.
    pub month: u32,
    /// Hours cut.
    pub hours_cut: Decimal,
    /// `hours_cut × gpus`.
    pub gpu_hours_cut: Decimal,
    /// `hours_cut × draw_mw`: facility energy not drawn.
    pub mwh_curtailed: Decimal,
    /// `gpu_hours_cut × margin`.
    pub lost_margin_usd: Decimal,
    /// `mwh_curtailed × power price`: power not bought.
    pub power_saved_usd: Decimal,
    /// `mwh_curtailed × demand-response price`.
    pub demand_response_usd: Decimal,
    /// `lost_margin − power_saved − demand_response` (negative: curtailing paid).
    pub net_cost_usd: Decimal,
}

/// The sums over the months of a [`CurtailmentCost`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurtailmentTotals {
    /// Hours cut.
    pub hours_cut: Decimal,
    /// GPU-hours cut.
    pub gpu_hours_cut: Decimal,
    /// MWh curtailed.
    pub mwh_curtailed: Decimal,
    /// Margin lost.
    pub lost_margin_usd: Decimal,
    /// Power not bought.
    pub power_saved_usd: Decimal,
    /// Demand-response payments.
    pub demand_response_usd: Decimal,
    /// Net cost.
    pub net_cost_usd: Decimal,
}

/// The result of [`curtailment_cost`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurtailmentCost {
    /// The facility's draw while running, `gpus × it_kw_per_gpu × PUE / 1000`.
    pub draw_mw: Decimal,
    /// The power price above which a curtailed hour costs less than it saves:
    /// `margin × gpus ÷ draw_mw − demand-response price` (the margin an hour earns ÷ the
    /// MWh it draws). Not rounded; negative when demand response alone pays more than the
    /// margin.
    pub break_even_usd_per_mwh: Decimal,
    /// Whether `power_price_usd_per_mwh` is above the break-even price (each hour cut then
    /// saves more than it loses).
    pub curtailing_pays: bool,
    /// domain.md's figure, capital cost per hour ÷ MW drawn:
    /// `capital × gpus ÷ draw_mw`; `None` without a capital cost.
    pub capital_break_even_usd_per_mwh: Option<Decimal>,
    /// One row a month.
    pub months: Vec<CurtailmentMonth>,
    /// Their sums.
    pub totals: CurtailmentTotals,
}

impl Validate for CurtailedHours {
    fn check(&self, c: &mut Checker) {
        match self {
            Self::Events { hours_per_month } => {
                let months = u32::try_from(hours_per_month.len()).unwrap_or(u32::MAX);
                c.months("hours_per_month", months);
                for (i, hours) in hours_per_month.iter().enumerate() {
                    c.between(
                        &format!("hours_per_month[{i}]"),
                        *hours,
                        Decimal::ZERO,
                        HOURS_PER_MONTH,
                        "must be between 0 and 730 (the hours in a month)",
                    );
                }
            }
            Self::Share {
                share_of_hours,
                months,
            } => {
                c.fraction("share_of_hours", *share_of_hours);
                c.months("months", *months);
            }
        }
    }
}

impl Validate for CurtailmentInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::power::CurtailmentInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: CurtailmentInputs = serde_json::from_str(r#"{
    ///   "gpus": 1000, "it_kw_per_gpu": 1.275, "pue": 1.2,
    ///   "curtailed": { "kind": "events", "hours_per_month": [10, 800] },
    ///   "margin_usd_per_gpu_hour": -1, "power_price_usd_per_mwh": 300
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["curtailed.hours_per_month[1]", "margin_usd_per_gpu_hour"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.positive("gpus", self.gpus);
        c.positive("it_kw_per_gpu", self.it_kw_per_gpu);
        c.pue("pue", self.pue);
        c.nested("curtailed", &self.curtailed);
        c.at_least(
            "margin_usd_per_gpu_hour",
            self.margin_usd_per_gpu_hour,
            zero,
        );
        c.at_least(
            "demand_response_usd_per_mwh",
            self.demand_response_usd_per_mwh,
            zero,
        );
        if let Some(capital) = self.capital_usd_per_gpu_hour {
            c.at_least("capital_usd_per_gpu_hour", capital, zero);
        }
    }
}

impl CurtailedHours {
    /// The hours cut in each month, month 1 first (the scenario's curtailment reads them
    /// too). `self` must be valid.
    pub(crate) fn hours(&self) -> Result<Vec<Decimal>, ModelError> {
        match self {
            Self::Events { hours_per_month } => Ok(hours_per_month.clone()),
            Self::Share {
                share_of_hours,
                months,
            } => {
                let hours =
                    units::mul(*share_of_hours, HOURS_PER_MONTH, "curtailed.share_of_hours")?;
                Ok(vec![hours; usize::try_from(*months).unwrap_or_default()])
            }
        }
    }
}

/// The cost of curtailment month by month (docs/domain.md section 7):
///
/// ```text
/// draw MW        D = gpus × it_kw_per_gpu × PUE / 1000
/// GPU-hours cut    = hours cut × gpus
/// MWh curtailed    = hours cut × D
/// lost margin      = GPU-hours cut × margin            (margin before power)
/// power saved      = MWh curtailed × power price
/// demand response  = MWh curtailed × demand-response price
/// net cost         = lost margin − power saved − demand response
/// break-even price p* = margin × gpus ÷ D − demand-response price
/// capital break-even  = capital × gpus ÷ D               (domain.md's formula)
/// ```
///
/// **Two break-even prices.** An hour cut loses the margin the GPUs earn before power
/// (`margin × gpus`) and saves the power they would draw (`D` MWh at the price `p`, plus
/// the demand-response payment): curtailing pays for itself when `p × D + dr × D >
/// margin × gpus`, that is above `p*` (the margin an hour earns ÷ the MWh it draws, less
/// the demand-response price). This is the number that decides. domain.md states the
/// threshold as *capital cost per hour ÷ MW drawn*: the price at which an hour's power
/// costs as much as the capital the fleet carries for that hour. The two agree only when
/// the margin before power equals the capital charge (a fleet that earns exactly its
/// capital back above its power, with no demand response); otherwise the capital figure
/// is a yardstick (is power or capital the larger cost of an hour?), not the decision.
/// Both are reported; neither is rounded.
///
/// Exact [`Decimal`] arithmetic; monthly amounts kept to
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES).
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`gpus`, `pue`,
/// `curtailed.hours_per_month[3]` outside [0, 730], `curtailed.share_of_hours`, …);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// 1,000 H100s at 1.25 kW and PUE 1.2 draw 1.5 MW. An hour earns $1.20 a GPU before power,
/// $1,200 for the fleet: curtailing pays above 1,200 / 1.5 = $800/MWh, or $750/MWh with
/// a $50/MWh demand-response payment. Cutting 10 hours at $1,000/MWh: lost margin
/// 10 × 1,000 × 1.20 = $12,000; power saved 15 MWh × 1,000 = $15,000; demand response
/// 15 × 50 = $750; net −$3,750 (curtailing paid).
/// ```
/// use gpuecon::models::power::{curtailment_cost, CurtailmentInputs};
/// use gpuecon::Decimal;
/// let inputs: CurtailmentInputs = serde_json::from_str(r#"{
///   "gpus": 1000, "it_kw_per_gpu": "1.25", "pue": "1.2",
///   "curtailed": { "kind": "events", "hours_per_month": [10] },
///   "margin_usd_per_gpu_hour": "1.20", "power_price_usd_per_mwh": 1000,
///   "demand_response_usd_per_mwh": 50
/// }"#).unwrap();
/// let cost = curtailment_cost(&inputs)?;
/// assert_eq!(cost.draw_mw, Decimal::new(15, 1));
/// assert_eq!(cost.break_even_usd_per_mwh, Decimal::from(750));
/// assert!(cost.curtailing_pays);
/// assert_eq!(cost.totals.net_cost_usd, Decimal::from(-3_750));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn curtailment_cost(inputs: &CurtailmentInputs) -> Result<CurtailmentCost, ModelError> {
    inputs.ensure_valid()?;
    let kw = units::mul(inputs.gpus, inputs.it_kw_per_gpu, "it_kw_per_gpu")?;
    let draw_mw = units::div(units::mul(kw, inputs.pue, "pue")?, KW_PER_MW, "pue")?.normalize();
    let margin_per_hour = units::mul(inputs.gpus, inputs.margin_usd_per_gpu_hour, "gpus")?;
    let break_even = units::sub(
        units::div(margin_per_hour, draw_mw, "it_kw_per_gpu")?,
        inputs.demand_response_usd_per_mwh,
        "demand_response_usd_per_mwh",
    )?;
    let capital_break_even = inputs
        .capital_usd_per_gpu_hour
        .map(|capital| {
            let per_hour = units::mul(inputs.gpus, capital, "capital_usd_per_gpu_hour")?;
            units::div(per_hour, draw_mw, "it_kw_per_gpu").map(|x| x.normalize())
        })
        .transpose()?;
    let zero = Decimal::ZERO;
    let mut totals = CurtailmentTotals {
        hours_cut: zero,
        gpu_hours_cut: zero,
        mwh_curtailed: zero,
        lost_margin_usd: zero,
        power_saved_usd: zero,
        demand_response_usd: zero,
        net_cost_usd: zero,
    };
    let mut months = Vec::new();
    for (hours_cut, month) in inputs.curtailed.hours()?.into_iter().zip(1..) {
        let row = month_cost(inputs, month, hours_cut, draw_mw)?;
        add_to(&mut totals, &row)?;
        months.push(row);
    }
    Ok(CurtailmentCost {
        draw_mw,
        break_even_usd_per_mwh: break_even.normalize(),
        curtailing_pays: inputs.power_price_usd_per_mwh > break_even,
        capital_break_even_usd_per_mwh: capital_break_even,
        months,
        totals,
    })
}

/// One month's row.
fn month_cost(
    inputs: &CurtailmentInputs,
    month: u32,
    hours_cut: Decimal,
    draw_mw: Decimal,
) -> Result<CurtailmentMonth, ModelError> {
    let gpu_hours_cut = amount(units::mul(hours_cut, inputs.gpus, "gpus")?);
    let mwh_curtailed = amount(units::mul(hours_cut, draw_mw, "it_kw_per_gpu")?);
    let lost_margin_usd = amount(units::mul(
        gpu_hours_cut,
        inputs.margin_usd_per_gpu_hour,
        "margin_usd_per_gpu_hour",
    )?);
    let power_saved_usd = amount(units::mul(
        mwh_curtailed,
        inputs.power_price_usd_per_mwh,
        "power_price_usd_per_mwh",
    )?);
    let demand_response_usd = amount(units::mul(
        mwh_curtailed,
        inputs.demand_response_usd_per_mwh,
        "demand_response_usd_per_mwh",
    )?);
    let net = units::sub(lost_margin_usd, power_saved_usd, "power_price_usd_per_mwh")?;
    let net_cost_usd = units::sub(net, demand_response_usd, "demand_response_usd_per_mwh")?;
    Ok(CurtailmentMonth {
        month,
        hours_cut,
        gpu_hours_cut,
        mwh_curtailed,
        lost_margin_usd,
        power_saved_usd,
        demand_response_usd,
        net_cost_usd,
    })
}

/// Adds a month's row to the totals.
fn add_to(totals: &mut CurtailmentTotals, row: &CurtailmentMonth) -> Result<(), ModelError> {
    let sum = |a: Decimal, b: Decimal, field| units::add(a, b, field);
    totals.hours_cut = sum(totals.hours_cut, row.hours_cut, "curtailed")?;
    totals.gpu_hours_cut = sum(totals.gpu_hours_cut, row.gpu_hours_cut, "gpus")?;
    totals.mwh_curtailed = sum(totals.mwh_curtailed, row.mwh_curtailed, "it_kw_per_gpu")?;
    totals.lost_margin_usd = sum(
        totals.lost_margin_usd,
        row.lost_margin_usd,
        "margin_usd_per_gpu_hour",
    )?;
    totals.power_saved_usd = sum(
        totals.power_saved_usd,
        row.power_saved_usd,
        "power_price_usd_per_mwh",
    )?;
    totals.demand_response_usd = sum(
        totals.demand_response_usd,
        row.demand_response_usd,
        "demand_response_usd_per_mwh",
    )?;
    totals.net_cost_usd = sum(
        totals.net_cost_usd,
        row.net_cost_usd,
        "margin_usd_per_gpu_hour",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn inputs(curtailed: CurtailedHours) -> CurtailmentInputs {
        CurtailmentInputs {
            gpus: d("1000"),
            it_kw_per_gpu: d("1.25"),
            pue: d("1.2"),
            curtailed,
            margin_usd_per_gpu_hour: d("1.20"),
            power_price_usd_per_mwh: d("1000"),
            demand_response_usd_per_mwh: d("50"),
            capital_usd_per_gpu_hour: Some(d("1.05")),
        }
    }

    #[test]
    fn events_by_hand() {
        let cost = curtailment_cost(&inputs(CurtailedHours::Events {
            hours_per_month: vec![d("10"), Decimal::ZERO, d("2.5")],
        }))
        .unwrap();
        // draw = 1,000 × 1.25 × 1.2 / 1000 = 1.5 MW
        assert_eq!(cost.draw_mw, d("1.5"));
        // break-even = 1,000 × 1.20 / 1.5 − 50 = 800 − 50 = 750; $1,000 is above it.
        assert_eq!(cost.break_even_usd_per_mwh, d("750"));
        assert!(cost.curtailing_pays);
        // capital break-even = 1,000 × 1.05 / 1.5 = 700
        assert_eq!(cost.capital_break_even_usd_per_mwh, Some(d("700")));
        // month 3: 2.5 h × 1,000 = 2,500 GPU-hours; × 1.20 = 3,000 lost;
        // 2.5 × 1.5 = 3.75 MWh; × 1,000 = 3,750 saved; × 50 = 187.5 DR;
        // net 3,000 − 3,750 − 187.5 = −937.5
        let third = &cost.months[2];
        assert_eq!(third.gpu_hours_cut, d("2500"));
        assert_eq!(third.mwh_curtailed, d("3.75"));
        assert_eq!(third.lost_margin_usd, d("3000"));
        assert_eq!(third.power_saved_usd, d("3750"));
        assert_eq!(third.demand_response_usd, d("187.5"));
        assert_eq!(third.net_cost_usd, d("-937.5"));
        // totals: 12.5 h, 15,000 lost, 18.75 MWh, 18,750 saved, 937.5 DR, net −4,687.5
        let totals = &cost.totals;
        assert_eq!(totals.hours_cut, d("12.5"));
        assert_eq!(totals.lost_margin_usd, d("15000"));
        assert_eq!(totals.mwh_curtailed, d("18.75"));
        assert_eq!(totals.net_cost_usd, d("-4687.5"));
    }

    #[test]
    fn a_share_of_hours_at_a_low_price_costs_margin() {
        let mut low = inputs(CurtailedHours::Share {
            share_of_hours: d("0.02"),
            months: 12,
        });
        low.power_price_usd_per_mwh = d("60");
        low.demand_response_usd_per_mwh = Decimal::ZERO;
        low.capital_usd_per_gpu_hour = None;
        let cost = curtailment_cost(&low).unwrap();
        // 2 % of 730 = 14.6 hours a month, 175.2 a year.
        assert_eq!(cost.months.len(), 12);
        assert_eq!(cost.months[11].hours_cut, d("14.6"));
        assert_eq!(cost.totals.hours_cut, d("175.2"));
        // a month: 14,600 GPU-hours × 1.20 = 17,520 lost; 21.9 MWh × 60 = 1,314 saved;
        // net 16,206; a year 194,472.
        assert_eq!(cost.months[0].net_cost_usd, d("16206"));
        assert_eq!(cost.totals.net_cost_usd, d("194472"));
        // break-even 800 without demand response; $60 is far below it.
        assert_eq!(cost.break_even_usd_per_mwh, d("800"));
        assert!(!cost.curtailing_pays);
        assert_eq!(cost.capital_break_even_usd_per_mwh, None);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut bad = inputs(CurtailedHours::Share {
            share_of_hours: d("1.1"),
            months: 0,
        });
        bad.gpus = Decimal::ZERO;
        bad.pue = d("0.5");
        bad.demand_response_usd_per_mwh = d("-1");
        bad.capital_usd_per_gpu_hour = Some(d("-1"));
        let all: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "gpus",
                "pue",
                "curtailed.share_of_hours",
                "curtailed.months",
                "demand_response_usd_per_mwh",
                "capital_usd_per_gpu_hour"
            ]
        );
        let empty = inputs(CurtailedHours::Events {
            hours_per_month: vec![],
        });
        assert_eq!(
            curtailment_cost(&empty).unwrap_err().field(),
            "curtailed.hours_per_month"
        );
    }

    #[test]
    fn overflow_names_a_field() {
        let mut huge = inputs(CurtailedHours::Share {
            share_of_hours: Decimal::ONE,
            months: 1,
        });
        huge.power_price_usd_per_mwh = Decimal::MAX;
        let err = curtailment_cost(&huge).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "power_price_usd_per_mwh");
    }
}
