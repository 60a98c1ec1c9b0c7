//! [`Warning`]s: what a valid scenario holds that an expert would question. A warning
//! never stops the evaluation; it is reported in [`Report::warnings`](super::Report) with
//! a stable [`WarningCode`], the path of the input to look at and a sentence saying what
//! was found and what it costs.
//!
//! ```text
//! LEASE_SHORTER_THAN_HORIZON   lease months ⊉ months 1..H: the uncovered months carry no
//!                              rent (estimated at the lease's last month's payment)
//! LEASE_LONGER_THAN_HORIZON    the lease runs past H: the payments after H are owed but
//!                              are in no cash flow
//! LOAN_TENOR_BEYOND_CONTRACTS  financing.tenor_months > the last month any contract (or the
//!                              hosting agreement) serves
//! GPUS_IDLE                    more than IDLE_MONTHS_LIMIT months in a row in which GPUs
//!                              in service are neither contracted, reserved, hosted nor sold
//!                              on demand or spot
//! NEGATIVE_MARGIN_WHILE_SELLABLE  months with gross margin < 0 while the fleet's economic
//!                              value is > 0 (selling it would stop the loss)
//! HORIZON_BEYOND_END_OF_LIFE   economic_end_of_life on the market's price, curve and
//!                              utilization and the fleet's cash cost ends before H
//! LTV_HEADROOM_THIN            max_ltv − LTV < 0.05 in some month with debt outstanding
//! DSCR_HEADROOM_THIN           DSCR − min_dscr < 0.10 in some month with debt service
//! PRICE_OUTSIDE_MARKET         the on-demand price is outside the catalog's published
//!                              market range for fleet.gpu (models::market_price_range)
//! ```

use serde::{Deserialize, Serialize};

use super::report::MonthReport;
use super::retirement::end_of_life_month;
use super::{AfterContract, FinancingReport, Scenario};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::facility::lease_schedule;
use crate::models::market_price_range;
use crate::units::{self, HOURS_PER_MONTH};

/// Months in a row GPUs may stand idle before [`WarningCode::GpusIdle`]: a quarter, the
/// time a re-marketing or a sale of used GPUs takes (an assumption).
pub const IDLE_MONTHS_LIMIT: u32 = 3;
/// The least headroom under `financing.max_ltv`, in LTV points (0.05 = 5 points).
pub const LTV_HEADROOM_LIMIT: Decimal = Decimal::from_parts(5, 0, 0, false, 2);
/// The least headroom above `financing.min_dscr` (0.10x).
pub const DSCR_HEADROOM_LIMIT: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

/// What a [`Warning`] is about: a stable code (its JSON form, in SCREAMING_SNAKE_CASE,
/// never changes meaning; new codes may be added, so a `match` on it should keep a
/// catch-all arm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningCode {
    /// Some months of the horizon have no lease: no rent is counted in them.
    #[serde(rename = "LEASE_SHORTER_THAN_HORIZON")]
    LeaseShorterThanHorizon,
    /// The lease runs past the horizon: its later payments are owed but not counted.
    #[serde(rename = "LEASE_LONGER_THAN_HORIZON")]
    LeaseLongerThanHorizon,
    /// The loan is repaid after the last contract ends: its last payments rest on
    /// uncontracted revenue.
    #[serde(rename = "LOAN_TENOR_BEYOND_CONTRACTS")]
    LoanTenorBeyondContracts,
    /// GPUs stand idle for more than [`IDLE_MONTHS_LIMIT`] months in a row.
    #[serde(rename = "GPUS_IDLE")]
    GpusIdle,
    /// Months lose cash while the GPUs could be sold.
    #[serde(rename = "NEGATIVE_MARGIN_WHILE_SELLABLE")]
    NegativeMarginWhileSellable,
    /// The horizon runs past the GPUs' economic end of life.
    #[serde(rename = "HORIZON_BEYOND_END_OF_LIFE")]
    HorizonBeyondEndOfLife,
    /// The LTV comes within [`LTV_HEADROOM_LIMIT`] of its covenant (or breaches it).
    #[serde(rename = "LTV_HEADROOM_THIN")]
    LtvHeadroomThin,
    /// The DSCR comes within [`DSCR_HEADROOM_LIMIT`] of its covenant (or breaches it).
    #[serde(rename = "DSCR_HEADROOM_THIN")]
    DscrHeadroomThin,
    /// The on-demand price is outside the catalog's published market range.
    #[serde(rename = "PRICE_OUTSIDE_MARKET")]
    PriceOutsideMarket,
}

/// Something suspicious in a valid scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What it is about.
    pub code: WarningCode,
    /// The input to look at (`lease.term_months`).
    pub path: String,
    /// What was found, with its figures, in a sentence.
    pub message: String,
}

impl Warning {
    fn new(code: WarningCode, path: &str, message: String) -> Self {
        Self {
            code,
            path: path.to_owned(),
            message,
        }
    }
}

/// Every warning on an evaluated scenario, in the order of the codes.
pub(super) fn warnings(
    s: &Scenario,
    months: &[MonthReport],
    financing: Option<&FinancingReport>,
) -> Result<Vec<Warning>, ModelError> {
    let mut out = Vec::new();
    lease(s, &mut out)?;
    tenor(s, &mut out);
    idle(s, months, &mut out);
    negative_margin(months, &mut out);
    end_of_life(s, &mut out)?;
    if let (Some(f), Some(report)) = (&s.financing, financing) {
        headroom(f.max_ltv, f.min_dscr, report, &mut out);
    }
    price(s, &mut out);
    Ok(out)
}

/// USD rounded to the dollar, for a sentence.
fn usd(x: Decimal) -> String {
    format!("${}", x.round_dp(0))
}

fn lease(s: &Scenario, out: &mut Vec<Warning>) -> Result<(), ModelError> {
    let Some(inputs) = &s.lease else {
        return Ok(());
    };
    let schedule = lease_schedule(inputs).map_err(|e| e.within("lease"))?;
    let h = s.horizon_months;
    let first = inputs.start_month;
    let last = first.saturating_add(inputs.term_months).saturating_sub(1);
    let uncovered = h
        .saturating_sub(last)
        .saturating_add(first.saturating_sub(1).min(h));
    if uncovered > 0 {
        let payment = schedule
            .months
            .last()
            .map(|m| m.total_usd)
            .unwrap_or_default();
        let left_out = units::mul(payment, Decimal::from(uncovered), "lease")?;
        out.push(Warning::new(
            WarningCode::LeaseShorterThanHorizon,
            "lease.term_months",
            format!(
                "the lease covers months {first}-{last} of {h}: {uncovered} months carry no rent, about {} left out at the last month's payment",
                usd(left_out)
            ),
        ));
    }
    if last > h {
        let owed = schedule
            .months
            .iter()
            .filter(|m| m.month > h)
            .try_fold(Decimal::ZERO, |sum, m| {
                units::add(sum, m.total_usd, "lease")
            })?;
        out.push(Warning::new(
            WarningCode::LeaseLongerThanHorizon,
            "lease.term_months",
            format!(
                "the lease runs to month {last}, {} months past the horizon: {} of payments remain owed at the horizon and are in no cash flow",
                last - h,
                usd(owed)
            ),
        ));
    }
    Ok(())
}

fn tenor(s: &Scenario, out: &mut Vec<Warning>) {
    let Some(f) = &s.financing else { return };
    // A hosting agreement is the host's contract.
    let hosted = s.hosting.as_ref().map_or(0, |h| h.months);
    let served = s
        .contracts
        .iter()
        .map(|l| l.contract.last_month())
        .fold(hosted, u32::max);
    if f.tenor_months > served {
        out.push(Warning::new(
            WarningCode::LoanTenorBeyondContracts,
            "financing.tenor_months",
            format!(
                "the loan runs {} months; the contracts serve until month {served}: its last {} months are repaid from uncontracted revenue",
                f.tenor_months,
                f.tenor_months - served
            ),
        ));
    }
}

fn idle(s: &Scenario, months: &[MonthReport], out: &mut Vec<Warning>) {
    let (mut run, mut longest, mut first) = (0_u32, 0_u32, 0_u32);
    for m in months {
        let in_service = m
            .available_gpu_hours
            .checked_div(HOURS_PER_MONTH)
            .unwrap_or_default();
        let r = &m.revenue;
        let explicit = s
            .contracts
            .iter()
            .any(|l| l.after_contract == AfterContract::Idle && l.contract.end_month() < m.month);
        let idle = explicit
            || in_service > s.committed_gpus(m.month)
                && r.on_demand_usd.is_zero()
                && r.spot_usd.is_zero()
                && r.hosting_usd.is_zero();
        run = if idle { run + 1 } else { 0 };
        if run > longest {
            longest = run;
            first = m.month + 1 - run;
        }
    }
    if longest > IDLE_MONTHS_LIMIT {
        out.push(Warning::new(
            WarningCode::GpusIdle,
            "market.utilization",
            format!(
                "GPUs stand idle for {longest} months from month {first} (neither contracted, reserved, hosted nor sold): re-market or sell them, or say why they wait"
            ),
        ));
    }
}

fn negative_margin(months: &[MonthReport], out: &mut Vec<Warning>) {
    let losing: Vec<&MonthReport> = months
        .iter()
        .filter(|m| m.gross_margin_usd < Decimal::ZERO && m.economic_value_usd > Decimal::ZERO)
        .collect();
    if let Some(first) = losing.first() {
        out.push(Warning::new(
            WarningCode::NegativeMarginWhileSellable,
            "retire_when_uneconomic",
            format!(
                "{} months have a negative gross margin (the first, month {}, loses {}) while the fleet could be sold for {}",
                losing.len(),
                first.month,
                usd(-first.gross_margin_usd),
                usd(first.economic_value_usd)
            ),
        ));
    }
}

fn end_of_life(s: &Scenario, out: &mut Vec<Warning>) -> Result<(), ModelError> {
    if s.retire_when_uneconomic || s.retire_from_month.is_some() {
        return Ok(());
    }
    if let Some(month) = end_of_life_month(s)? {
        out.push(Warning::new(
            WarningCode::HorizonBeyondEndOfLife,
            "horizon_months",
            format!(
                "from month {month} an on-demand GPU-hour earns less than its cash cost (economic end of life), yet the horizon runs to month {}: set retire_when_uneconomic or shorten the horizon",
                s.horizon_months
            ),
        ));
    }
    Ok(())
}

fn headroom(
    max_ltv: Decimal,
    min_dscr: Option<Decimal>,
    f: &FinancingReport,
    out: &mut Vec<Warning>,
) {
    let thin_ltv = f
        .months
        .iter()
        .filter(|m| !m.balance_usd.is_zero())
        .filter_map(|m| m.ltv.map(|ltv| (m.month, max_ltv.saturating_sub(ltv))))
        .min_by_key(|&(_, room)| room);
    if let Some((month, room)) = thin_ltv.filter(|&(_, room)| room < LTV_HEADROOM_LIMIT) {
        out.push(Warning::new(
            WarningCode::LtvHeadroomThin,
            "financing.max_ltv",
            format!(
                "the LTV's headroom under its {max_ltv} covenant falls to {} points in month {month} (negative: a breach; a lender wants 5 or more)",
                room.saturating_mul(Decimal::ONE_HUNDRED).round_dp(1),
            ),
        ));
    }
    let Some(min) = min_dscr else { return };
    let thin_dscr = f
        .months
        .iter()
        .filter_map(|m| m.dscr.map(|dscr| (m.month, dscr.saturating_sub(min))))
        .min_by_key(|&(_, room)| room);
    if let Some((month, room)) =
        thin_dscr // Headroom to 6 places: a loan sculpted to a target DSCR misses it by rounding.
            .filter(|&(_, room)| room.round_dp(6) < DSCR_HEADROOM_LIMIT)
    {
        out.push(Warning::new(
            WarningCode::DscrHeadroomThin,
            "financing.min_dscr",
            format!(
                "the DSCR's headroom above its {min}x covenant falls to {}x in month {month} (negative: a breach; a lender wants 0.10x or more)",
                room.round_dp(2)
            ),
        ));
    }
}

fn price(s: &Scenario, out: &mut Vec<Warning>) {
    let price = s.market.on_demand_usd_per_gpu_hour;
    let Some(range) = market_price_range(&s.fleet.gpu) else {
        return;
    };
    if price.is_zero()
        || (range.low_usd_per_gpu_hour..=range.high_usd_per_gpu_hour).contains(&price)
    {
        return;
    }
    out.push(Warning::new(
        WarningCode::PriceOutsideMarket,
        "market.on_demand_usd_per_gpu_hour",
        format!(
            "${price} an hour is outside the {} market's published ${}-${} ({}, {})",
            s.fleet.gpu,
            range.low_usd_per_gpu_hour,
            range.high_usd_per_gpu_hour,
            range.source,
            range.as_of
        ),
    ));
}
