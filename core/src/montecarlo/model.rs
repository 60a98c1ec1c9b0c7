//! What the paths start from: each box's deterministic path from the exact model
//! ([`evaluate`](crate::scenario::evaluate), in `Decimal`), turned once into `f64` series,
//! and what a path may vary: the market's price and utilization, the contracts' usage and
//! buyers, curtailment, the economic value and SOFR.

use super::contract::ContractModel;
use super::irr;
use super::normal::Ziggurat;
use super::options::MonteCarloInputs;
use super::processes::Params;
use super::stats::Outcome;
use crate::models::ModelError;
use crate::models::PowerInputs;
use crate::models::Validate;
use crate::models::debt::{self, Interest};
use crate::models::depreciation::{self, CascadeInputs};
use crate::scenario::evaluate_as_scheduled;
use crate::scenario::{Report, Scenario, ScenarioError};
use crate::units::{HOURS_PER_MONTH, to_f64_lossy};
use crate::{Decimal, units};

/// Hours in a month, in `f64`.
pub(crate) const HOURS: f64 = 730.0;

/// A reserved block: GPUs, its first month index, the index after its last, its price
/// factor `1 − discount`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    pub(crate) gpus: f64,
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) factor: f64,
}

/// One month of a box's debt as the exact model sized and scheduled it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DebtMonth {
    /// CFADS, debt service and the closing balance.
    pub(crate) cfads: f64,
    pub(crate) service: f64,
    pub(crate) balance: f64,
    /// The balance interest accrues on (opening + the month's draw) × the month's year
    /// fraction (days ÷ basis of the loan's day count).
    pub(crate) owed_accrual: f64,
    /// SOFR as quoted (floating debt, while the loan runs; else 0).
    pub(crate) sofr: f64,
    /// The exact model's DSCR and covenant tests.
    pub(crate) dscr: Option<f64>,
    pub(crate) ltv_breach: bool,
    pub(crate) dscr_breach: bool,
    /// The equity's flow.
    pub(crate) equity_flow: f64,
}

/// A box's debt as sized and scheduled by the exact model, and its covenants.
#[derive(Debug, Clone)]
pub(crate) struct FinancingModel {
    /// By month index.
    pub(crate) months: Vec<DebtMonth>,
    /// Whether the rate floats on SOFR.
    pub(crate) floating: bool,
    /// The loan's SOFR floor: a path's SOFR below it accrues at it.
    pub(crate) sofr_floor: Option<f64>,
    /// The balance interest accrues on, exact, by month index.
    pub(crate) owed: Vec<Decimal>,
    /// Each month's year fraction `(days, basis)` (models::debt::year_fractions).
    pub(crate) accrual: Vec<(Decimal, Decimal)>,
    pub(crate) max_ltv: f64,
    pub(crate) min_dscr: Option<f64>,
    pub(crate) cure_months: u32,
    /// The equity's flow at the close, NPV and monthly IRR (a guess for the paths').
    pub(crate) equity_close: f64,
    pub(crate) equity_npv: f64,
    pub(crate) equity_irr_monthly: Option<f64>,
}

/// One month of a box, in `f64`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Month {
    /// GPUs in service, the on-demand price and utilization.
    pub(crate) in_service: f64,
    pub(crate) price: f64,
    pub(crate) utilization: f64,
    /// The scenario's own share of hours cut.
    pub(crate) cut: f64,
    /// MWh drawn (uncut) when idle: `k₀ · available ÷ 1000` (kWh per GPU-hour at a busy
    /// share `x` is `k₀ + k₁·x`).
    pub(crate) idle_mwh: f64,
    /// USD per MWh bought.
    pub(crate) power_price: f64,
    /// The variable part of the gross margin on the deterministic path (see `path`).
    pub(crate) variable: f64,
    /// The cash flow, the discount factor and the economic value.
    pub(crate) flow: f64,
    pub(crate) discount: f64,
    pub(crate) value: f64,
    /// GPUs sold at the month's end (after a contract, retired, or at the horizon).
    pub(crate) sale: f64,
}

/// One box, in `f64`.
#[derive(Debug, Clone)]
pub(crate) struct BoxModel {
    /// Months 1 to the horizon.
    pub(crate) months: Vec<Month>,
    /// The cash flow at the close.
    pub(crate) close: f64,
    pub(crate) reserved: Vec<Block>,
    /// Spot: (price factor `1 − discount`, share of idle hours sold, pre-emption rate).
    pub(crate) spot: Option<(f64, f64, f64)>,
    pub(crate) contracts: Vec<ContractModel>,
    /// MWh per busy GPU-hour, `k₁ ÷ 1000`; USD per MWh not drawn (demand response).
    pub(crate) busy_mwh: f64,
    pub(crate) demand_response: f64,
    /// SG&A's share of revenue.
    pub(crate) sga: f64,
    /// The exact NPV and the monthly IRR.
    pub(crate) npv: f64,
    pub(crate) irr_monthly: Option<f64>,
    pub(crate) financing: Option<FinancingModel>,
}

/// A Monte Carlo run's model: its boxes and the deterministic outcome.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub(crate) boxes: Vec<BoxModel>,
    pub(crate) months: usize,
    /// The deterministic outcome: exact for one box.
    pub(crate) deterministic: Outcome,
    /// Its `f64` values: NPV, monthly IRRs, equity value, minimum DSCR.
    pub(crate) base: Base,
    pub(crate) params: Params,
    /// The normal variates' tables.
    pub(crate) ziggurat: Ziggurat,
}

/// The deterministic outcome in `f64`.
#[derive(Debug, Clone)]
pub(crate) struct Base {
    pub(crate) npv: f64,
    pub(crate) irr_monthly: Option<f64>,
    pub(crate) irr_annual: Option<f64>,
    pub(crate) equity_value: f64,
    pub(crate) equity_irr_monthly: Option<f64>,
    pub(crate) equity_irr_annual: Option<f64>,
    pub(crate) minimum_dscr: Option<f64>,
    pub(crate) first_breach_month: Option<u32>,
    pub(crate) first_default_month: Option<u32>,
}

fn f(value: Decimal) -> f64 {
    to_f64_lossy(value)
}

/// `(1 + annual)^(1/12) − 1` in `f64`, by `libm` (the same on every target: a rate the
/// paths use must not depend on the platform's `pow`).
fn monthly_f64(annual: f64) -> f64 {
    libm::pow(1.0 + annual, 1.0 / 12.0) - 1.0
}

/// The monthly IRR of the deterministic `flows`, solved in `f64` as the paths' are (their
/// first guess: it must come from the same `f64` numbers on every target).
fn base_irr(flows: &[f64]) -> Option<f64> {
    irr::monthly_irr(flows, 0.01)
}

impl Model {
    /// The model of a run: every scenario checked and evaluated once.
    pub(crate) fn new(inputs: &MonteCarloInputs) -> Result<Self, ScenarioError> {
        let problems = inputs.validate();
        if !problems.is_empty() {
            return Err(ScenarioError::Invalid { problems });
        }
        let (scenarios, prefix): (Vec<&Scenario>, &str) =
            match (&inputs.scenario, &inputs.portfolio) {
                (Some(s), _) => (vec![s], "scenario"),
                (None, Some(p)) => (p.boxes.iter().collect(), "portfolio.boxes"),
                (None, None) => (Vec::new(), "scenario"),
            };
        let params = Params::new(&inputs.options.stochastic);
        let survival = params.default.map(|(q, _)| q);
        if params.sofr.is_some() {
            refuse_hedges(&scenarios, prefix)?;
        }
        let mut boxes = Vec::with_capacity(scenarios.len());
        let mut reports = Vec::with_capacity(scenarios.len());
        for (i, s) in scenarios.iter().enumerate() {
            let at = |e: ModelError| {
                let path = if prefix == "scenario" {
                    prefix.to_owned()
                } else {
                    format!("{prefix}[{i}]")
                };
                ScenarioError::Model(e.within(&path))
            };
            let report = evaluate_as_scheduled(s).map_err(|e| match e {
                ScenarioError::Model(m) => at(m),
                other => other,
            })?;
            boxes.push(BoxModel::new(s, &report, survival).map_err(at)?);
            reports.push(report);
        }
        let months = scenarios
            .first()
            .map_or(0, |s| usize::try_from(s.horizon_months).unwrap_or(0));
        let mut model = Self {
            boxes,
            months,
            deterministic: Outcome {
                npv_usd: Decimal::ZERO,
                project_irr_annual: None,
                equity_value_usd: Decimal::ZERO,
                equity_irr_annual: None,
                minimum_dscr: None,
                first_breach_month: None,
                first_default_month: None,
            },
            base: Base {
                npv: 0.0,
                irr_monthly: None,
                irr_annual: None,
                equity_value: 0.0,
                equity_irr_monthly: None,
                equity_irr_annual: None,
                minimum_dscr: None,
                first_breach_month: None,
                first_default_month: None,
            },
            params,
            ziggurat: Ziggurat::new(),
        };
        model.set_base(&reports)?;
        Ok(model)
    }

    /// The deterministic outcome: the exact report's for one box; for a portfolio the sums
    /// of its boxes' and the IRRs of their summed flows.
    fn set_base(&mut self, reports: &[Report]) -> Result<(), ModelError> {
        let outcome = super::path::base_outcome(self);
        if let ([report], [one]) = (reports, self.boxes.as_slice()) {
            let metrics = &report.summary.metrics;
            let financing = report.financing.as_ref().map(|f| &f.summary);
            self.deterministic = Outcome {
                npv_usd: metrics.npv_usd,
                project_irr_annual: metrics.irr_annual,
                equity_value_usd: financing.map_or(metrics.npv_usd, |f| f.equity.npv_usd),
                equity_irr_annual: financing.map_or(metrics.irr_annual, |f| f.equity.irr_annual),
                minimum_dscr: financing.and_then(|f| f.minimum_dscr),
                first_breach_month: outcome.first_breach_month,
                first_default_month: financing.and_then(|f| f.first_default_month),
            };
            self.base = Base {
                npv: one.npv,
                irr_monthly: one.irr_monthly,
                irr_annual: metrics.irr_annual.map(f),
                equity_value: f(self.deterministic.equity_value_usd),
                equity_irr_monthly: one
                    .financing
                    .as_ref()
                    .map_or(one.irr_monthly, |f| f.equity_irr_monthly),
                equity_irr_annual: self.deterministic.equity_irr_annual.map(f),
                minimum_dscr: self.deterministic.minimum_dscr.map(f),
                first_breach_month: outcome.first_breach_month,
                first_default_month: self.deterministic.first_default_month,
            };
        } else {
            self.base = outcome;
            let d = |x: f64, field: &str| super::stats::decimal(x, field);
            self.deterministic = Outcome {
                npv_usd: d(self.base.npv, "npv_usd")?,
                project_irr_annual: self
                    .base
                    .irr_annual
                    .map(|x| d(x, "project_irr_annual"))
                    .transpose()?,
                equity_value_usd: d(self.base.equity_value, "equity_value_usd")?,
                equity_irr_annual: self
                    .base
                    .equity_irr_annual
                    .map(|x| d(x, "equity_irr_annual"))
                    .transpose()?,
                minimum_dscr: self
                    .base
                    .minimum_dscr
                    .map(|x| d(x, "minimum_dscr"))
                    .transpose()?,
                first_breach_month: self.base.first_breach_month,
                first_default_month: self.base.first_default_month,
            };
        }
        Ok(())
    }

    /// The number of contract lines of each box.
    pub(crate) fn lines(&self) -> Vec<usize> {
        self.boxes.iter().map(|b| b.contracts.len()).collect()
    }

    /// Whether any box has floating-rate debt.
    pub(crate) fn floating(&self) -> bool {
        self.boxes
            .iter()
            .any(|b| b.financing.as_ref().is_some_and(|f| f.floating))
    }

    /// Whether any box sells on-demand capacity at a price above 0.
    pub(crate) fn priced(&self) -> bool {
        self.boxes
            .iter()
            .any(|b| b.months.iter().any(|m| m.price != 0.0))
    }

    /// Whether any box's market utilization is above 0 in some month.
    pub(crate) fn utilized(&self) -> bool {
        self.boxes
            .iter()
            .any(|b| b.months.iter().any(|m| m.utilization != 0.0))
    }
}

/// The scenario's market utilization by month index: the constant, or the cascade's (0
/// after it ends), as [`evaluate`](crate::scenario::evaluate) reads them.
fn utilizations(s: &Scenario, months: usize) -> Result<Vec<f64>, ModelError> {
    if s.market.cascade.is_empty() {
        return Ok(vec![f(s.market.utilization); months]);
    }
    let schedule = depreciation::cascade(&CascadeInputs {
        stages: s.market.cascade.clone(),
    })
    .map_err(|e| e.within("market.cascade"))?;
    let mut out: Vec<f64> = schedule
        .months
        .iter()
        .take(months)
        .map(|m| f(m.utilization))
        .collect();
    out.resize(months, 0.0);
    Ok(out)
}

/// The power: kWh per GPU-hour at busy shares 0 and 1, USD per MWh bought each month,
/// demand response per MWh, and the scenario's share of hours cut each month.
type Power = ((f64, f64), Vec<f64>, f64, Vec<f64>);

fn power(s: &Scenario, months: usize) -> Result<Power, ModelError> {
    let per_kwh = PowerInputs {
        usd_per_kwh: Decimal::ONE,
        ..s.power.clone()
    };
    let idle = f(per_kwh.usd_per_gpu_hour(Decimal::ZERO)?);
    let busy = f(per_kwh.usd_per_gpu_hour(Decimal::ONE)?);
    let flat = units::mul(
        s.power.usd_per_kwh,
        Decimal::from(1000),
        "power.usd_per_kwh",
    )?;
    let Some(energy) = &s.energy else {
        return Ok((
            (idle, busy - idle),
            vec![f(flat); months],
            0.0,
            vec![0.0; months],
        ));
    };
    let mut prices = Vec::with_capacity(months);
    for i in 0..months {
        let market = energy
            .market_usd_per_mwh
            .get(i)
            .or(energy.market_usd_per_mwh.last())
            .copied()
            .unwrap_or(flat);
        let price = energy
            .ppa
            .price_usd_per_mwh(market)
            .map_err(|e| e.within("energy"))?;
        prices.push(f(price));
    }
    let mut cut = vec![0.0; months];
    if let Some(curtailed) = &energy.curtailed {
        let hours = curtailed
            .hours()
            .map_err(|e| e.within("energy.curtailed"))?;
        for (slot, h) in cut.iter_mut().zip(hours) {
            *slot = f(units::div(h, HOURS_PER_MONTH, "energy.curtailed")?);
        }
    }
    Ok((
        (idle, busy - idle),
        prices,
        f(energy.demand_response_usd_per_mwh),
        cut,
    ))
}

impl BoxModel {
    /// The box of scenario `s`, whose exact report is `report`.
    fn new(s: &Scenario, report: &Report, survival: Option<f64>) -> Result<Self, ModelError> {
        let months = report.months.len();
        let horizon = s.horizon_months;
        let contracts = s
            .contracts
            .iter()
            .enumerate()
            .map(|(i, line)| {
                ContractModel::new(line, horizon, survival)
                    .map_err(|e| e.within(&format!("contracts[{i}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let reserved = s
            .market
            .reserved
            .iter()
            .map(|r| {
                let first = usize::try_from(r.start_month.saturating_sub(1)).unwrap_or(usize::MAX);
                Block {
                    gpus: f(r.gpus),
                    first,
                    end: first.saturating_add(usize::try_from(r.term_months).unwrap_or(usize::MAX)),
                    factor: 1.0 - f(r.discount),
                }
            })
            .collect();
        let ((idle_kwh, busy_kwh), prices, demand_response, cuts) = power(s, months)?;
        let utilization = utilizations(s, months)?;
        // The exact model discounts at `finance::monthly_rate`; the paths' changes are
        // discounted at the same rate computed by `libm`, the same on every target.
        let monthly_discount = monthly_f64(f(s.annual_discount_rate));
        let mut discount = 1.0;
        let mut series = Vec::with_capacity(months);
        for (i, m) in report.months.iter().enumerate() {
            discount /= 1.0 + monthly_discount;
            let in_service = f(units::div(
                m.available_gpu_hours,
                HOURS_PER_MONTH,
                "fleet.gpus",
            )?);
            let at = |v: &[f64]| v.get(i).copied().unwrap_or(0.0);
            series.push(Month {
                in_service,
                price: f(m.on_demand_usd_per_gpu_hour),
                utilization: at(&utilization),
                cut: at(&cuts),
                idle_mwh: idle_kwh * in_service * HOURS / 1000.0,
                power_price: at(&prices),
                variable: 0.0,
                flow: f(m.cash_flow_usd),
                discount,
                value: f(m.economic_value_usd),
                sale: f(m.sale_usd),
            });
        }
        let metrics = &report.summary.metrics;
        let close = f(report.summary.close_cash_flow_usd);
        let flows: Vec<f64> = std::iter::once(close)
            .chain(series.iter().map(|m| m.flow))
            .collect();
        let mut model = Self {
            months: series,
            close,
            reserved,
            spot: s.market.spot.as_ref().map(|spot| {
                (
                    1.0 - f(spot.discount),
                    f(spot.share_of_idle_sold),
                    f(spot.preemption_rate),
                )
            }),
            contracts,
            busy_mwh: busy_kwh / 1000.0,
            demand_response,
            sga: f(s.operations.sga_share_of_revenue),
            npv: f(metrics.npv_usd),
            irr_monthly: base_irr(&flows),
            financing: FinancingModel::new(s, report)?,
        };
        let variable = super::path::base_variable(&model);
        for (m, v) in model.months.iter_mut().zip(variable) {
            m.variable = v;
        }
        Ok(model)
    }
}

/// A box with a swap or cap under stochastic SOFR is an error: the paths move the loan's
/// interest with SOFR but not the hedges' settlements (not modelled yet).
fn refuse_hedges(scenarios: &[&Scenario], prefix: &str) -> Result<(), ScenarioError> {
    for (i, s) in scenarios.iter().enumerate() {
        let Some(f) = &s.financing else { continue };
        let field = match (&f.swap, &f.cap) {
            (Some(_), _) => "swap",
            (None, Some(_)) => "cap",
            (None, None) => continue,
        };
        let path = if prefix == "scenario" {
            format!("{prefix}.financing.{field}")
        } else {
            format!("{prefix}[{i}].financing.{field}")
        };
        return Err(ScenarioError::Model(ModelError::Domain {
            field: path,
            reason: "cannot be simulated under stochastic SOFR yet (options.stochastic.sofr: null)",
        }));
    }
    Ok(())
}

impl FinancingModel {
    /// The debt of `s` as the exact `report` sized and scheduled it; `None` without
    /// financing.
    fn new(s: &Scenario, report: &Report) -> Result<Option<Self>, ModelError> {
        let (Some(terms), Some(fin)) = (&s.financing, &report.financing) else {
            return Ok(None);
        };
        let rows = &fin.months;
        let drawn_later = rows.iter().try_fold(Decimal::ZERO, |sum, r| {
            units::add(sum, r.draw_usd, "financing")
        })?;
        let at_close = units::sub(fin.summary.debt_usd, drawn_later, "financing")?;
        let mut owed = Vec::with_capacity(rows.len());
        let mut closing = Decimal::ZERO;
        for (i, row) in rows.iter().enumerate() {
            let draw = match i.checked_sub(1) {
                None => at_close,
                Some(previous) => rows.get(previous).map_or(Decimal::ZERO, |r| r.draw_usd),
            };
            owed.push(units::add(closing, draw, "financing")?);
            closing = row.balance_usd;
        }
        let tenor = usize::try_from(terms.tenor_months).unwrap_or(usize::MAX);
        let accrual = debt::year_fractions(
            &terms.interest,
            terms.day_count,
            Some(s.start),
            terms.tenor_months,
        )?;
        let (sofr, sofr_floor) = match &terms.interest {
            Interest::Floating {
                sofr_annual_rates,
                sofr_floor_annual_rate,
                ..
            } => (Some(sofr_annual_rates), *sofr_floor_annual_rate),
            Interest::Fixed { .. } => (None, None),
        };
        let months = rows
            .iter()
            .zip(&owed)
            .enumerate()
            .map(|(i, (r, owed))| DebtMonth {
                cfads: f(r.cfads_usd),
                service: f(r.debt_service_usd),
                balance: f(r.balance_usd),
                owed_accrual: accrual
                    .get(i)
                    .map_or(0.0, |(days, basis)| f(*owed) * f(*days) / f(*basis)),
                sofr: sofr
                    .filter(|_| i < tenor)
                    .and_then(|rates| rates.get(i).or(rates.last()))
                    .map_or(0.0, |r| f(*r)),
                dscr: r.dscr.map(f),
                ltv_breach: r.ltv.is_none_or(|ltv| ltv > terms.max_ltv),
                dscr_breach: terms
                    .min_dscr
                    .is_some_and(|min| r.dscr.is_some_and(|d| d < min)),
                equity_flow: f(r.equity_cash_flow_usd),
            })
            .collect::<Vec<DebtMonth>>();
        // The cap's premium is paid by the equity at the close.
        let premium = terms
            .cap
            .as_ref()
            .filter(|_| !fin.summary.debt_usd.is_zero())
            .map_or(Decimal::ZERO, |c| c.premium_usd);
        let equity_close = f(units::sub(
            units::add(report.summary.close_cash_flow_usd, at_close, "financing")?,
            premium,
            "financing.cap.premium_usd",
        )?);
        let equity_flows: Vec<f64> = std::iter::once(equity_close)
            .chain(months.iter().map(|m| m.equity_flow))
            .collect();
        Ok(Some(Self {
            months,
            floating: sofr.is_some(),
            sofr_floor: sofr_floor.map(f),
            owed,
            accrual,
            max_ltv: f(terms.max_ltv),
            min_dscr: terms.min_dscr.map(f),
            cure_months: terms.cure_months,
            equity_close,
            equity_npv: f(fin.summary.equity.npv_usd),
            equity_irr_monthly: base_irr(&equity_flows),
        }))
    }
}

/// The monthly IRR of `flows` near `guess`, annualized.
pub(crate) fn annual_irr(flows: &[f64], guess: Option<f64>) -> (Option<f64>, Option<f64>) {
    let monthly = irr::monthly_irr(flows, guess.unwrap_or(0.01));
    (monthly, monthly.map(irr::annual))
}
