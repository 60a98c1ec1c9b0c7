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
use super::waterfall::{self, Credit, LoanMonth, LockUpTerms, Terms};
use crate::models::ModelError;
use crate::models::PowerInputs;
use crate::models::Validate;
use crate::models::debt::{self, Interest};
use crate::models::depreciation::{self, CascadeInputs};
use crate::scenario::DefaultKind;
use crate::scenario::financing::{DsraFunding, SweepWhen};
use crate::scenario::{Plan, Report, Scenario, ScenarioError, evaluate_planned};
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

/// A box's debt as sized and scheduled by the exact model, its waterfall's terms, and the
/// exact model's outcome of it.
#[derive(Debug, Clone)]
pub(crate) struct FinancingModel {
    /// The waterfall's months on the deterministic path (CFADS, capex, sale, collateral and
    /// the loan as scheduled), by month index.
    pub(crate) months: Vec<waterfall::BoxMonth>,
    /// The parts of a repaid month that no path changes, of `months`.
    pub(crate) repaid: waterfall::RepaidBase,
    pub(crate) terms: waterfall::Terms,
    /// The equity's flow at the close before the DSRA it funds.
    pub(crate) equity_close: f64,
    /// Whether the rate floats on SOFR.
    pub(crate) floating: bool,
    /// The loan's SOFR floor: a path's SOFR below it accrues at it.
    pub(crate) sofr_floor: Option<f64>,
    /// SOFR as quoted (floating debt, while the loan runs; else 0), by month index.
    pub(crate) sofr: Vec<f64>,
    /// The balance interest accrues on (opening + the month's draw) × the month's year
    /// fraction (days ÷ basis of the loan's day count), by month index.
    pub(crate) owed_accrual: Vec<f64>,
    /// Whether SOFR as quoted, the accruing balances and the SOFR floor are each within
    /// the bound under which a month's interest plus its extra is known finite without
    /// computing it ([`waterfall::Rates::bounded`]).
    pub(crate) rates_bounded: bool,
    /// The same two factors, exact.
    pub(crate) owed: Vec<Decimal>,
    pub(crate) accrual: Vec<(Decimal, Decimal)>,
    /// The exact model's flows (the close's first), credit outcome, equity NPV, and the
    /// equity's and the lender's monthly IRRs (guesses for the paths').
    pub(crate) equity_flows: Vec<f64>,
    pub(crate) lender_flows: Vec<f64>,
    pub(crate) credit: waterfall::Credit,
    pub(crate) equity_npv: f64,
    pub(crate) equity_irr_monthly: Option<f64>,
    pub(crate) lender_irr_monthly: Option<f64>,
}

/// One month of a box, in `f64`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Month {
    /// GPUs in service, those idle after their contract (off the market), the on-demand
    /// price and utilization.
    pub(crate) in_service: f64,
    pub(crate) idle: f64,
    pub(crate) price: f64,
    pub(crate) utilization: f64,
    /// The scenario's own share of hours cut, and `1 − cut` (computed once here, the same
    /// bits as in the month loop: one operation fewer a month there).
    pub(crate) cut: f64,
    pub(crate) uncut: f64,
    /// MWh drawn (uncut) when idle: `k₀ · available ÷ 1000` (kWh per GPU-hour at a busy
    /// share `x` is `k₀ + k₁·x`).
    pub(crate) idle_mwh: f64,
    /// USD per MWh bought.
    pub(crate) power_price: f64,
    /// The variable part of the gross margin on the deterministic path (see `path`).
    pub(crate) variable: f64,
    /// The cash flow and the discount factor.
    pub(crate) flow: f64,
    pub(crate) discount: f64,
    /// GPUs sold at the month's end (after a contract, retired, or at the horizon).
    pub(crate) sale: f64,
    /// The deterministic CFADS with debt (0 without, and past the loan's months): the
    /// loan's months' own, kept here too so that the month loop reads it with the month's
    /// other inputs instead of from one more array.
    pub(crate) cfads: f64,
}

/// One box, in `f64`.
#[derive(Debug, Clone)]
pub(crate) struct BoxModel {
    /// Months 1 to the horizon.
    pub(crate) months: Vec<Month>,
    /// Their discount factors side by side (the months' own): the equity value's loop
    /// reads them two at a time.
    pub(crate) discounts: Vec<f64>,
    /// The cash flow at the close.
    pub(crate) close: f64,
    pub(crate) reserved: Vec<Block>,
    /// The free GPUs with which a month sells nothing on the market: 0 without reserved
    /// blocks, NaN with them (equal to no count: the blocks sell whatever is free), so that
    /// the month loop tests one comparison instead of a comparison and the blocks.
    pub(crate) none_free: f64,
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
    /// The lender's annual IRR on the deterministic path: exact for one box.
    pub(crate) deterministic_lender_irr_annual: Option<Decimal>,
    /// Its `f64` values: NPV, monthly IRRs, equity value, minimum DSCR.
    pub(crate) base: Base,
    pub(crate) params: Params,
    /// The normal variates' tables.
    pub(crate) ziggurat: Ziggurat,
}

/// The deterministic outcome in `f64`.
#[derive(Debug, Clone, Default)]
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
    pub(crate) lender_irr_monthly: Option<f64>,
    pub(crate) lender_irr_annual: Option<f64>,
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
    /// The model of a run: every scenario checked and evaluated once, and compiled into
    /// `f64` series. Its variable margins, base and deterministic outcome are still to be
    /// computed from it (module `prepare`); the exact reports are returned for that.
    pub(crate) fn compile(inputs: &MonteCarloInputs) -> Result<(Self, Vec<Report>), ScenarioError> {
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
            let (report, plan) = evaluate_planned(s).map_err(|e| match e {
                ScenarioError::Model(m) => at(m),
                other => other,
            })?;
            boxes.push(BoxModel::new(s, &report, plan.as_ref(), survival).map_err(at)?);
            reports.push(report);
        }
        let months = scenarios
            .first()
            .map_or(0, |s| usize::try_from(s.horizon_months).unwrap_or(0));
        let model = Self {
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
            deterministic_lender_irr_annual: None,
            base: Base::default(),
            params,
            ziggurat: Ziggurat::new(),
        };
        Ok((model, reports))
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
        return Ok(vec![to_f64_lossy(s.market.utilization); months]);
    }
    let schedule = depreciation::cascade(&CascadeInputs {
        stages: s.market.cascade.clone(),
    })
    .map_err(|e| e.within("market.cascade"))?;
    let mut out: Vec<f64> = schedule
        .months
        .iter()
        .take(months)
        .map(|m| to_f64_lossy(m.utilization))
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
    let idle = to_f64_lossy(per_kwh.usd_per_gpu_hour(Decimal::ZERO)?);
    let busy = to_f64_lossy(per_kwh.usd_per_gpu_hour(Decimal::ONE)?);
    let flat = units::mul(
        s.power.usd_per_kwh,
        Decimal::from(1000),
        "power.usd_per_kwh",
    )?;
    let Some(energy) = &s.energy else {
        return Ok((
            (idle, busy - idle),
            vec![to_f64_lossy(flat); months],
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
        prices.push(to_f64_lossy(price));
    }
    let mut cut = vec![0.0; months];
    if let Some(curtailed) = &energy.curtailed {
        let hours = curtailed
            .hours()
            .map_err(|e| e.within("energy.curtailed"))?;
        for (slot, h) in cut.iter_mut().zip(hours) {
            *slot = to_f64_lossy(units::div(h, HOURS_PER_MONTH, "energy.curtailed")?);
        }
    }
    Ok((
        (idle, busy - idle),
        prices,
        to_f64_lossy(energy.demand_response_usd_per_mwh),
        cut,
    ))
}

impl BoxModel {
    /// The box of scenario `s`, whose exact report is `report`.
    fn new(
        s: &Scenario,
        report: &Report,
        plan: Option<&Plan>,
        survival: Option<f64>,
    ) -> Result<Self, ModelError> {
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
        let reserved: Vec<Block> = s
            .market
            .reserved
            .iter()
            .map(|r| {
                let first = usize::try_from(r.start_month.saturating_sub(1)).unwrap_or(usize::MAX);
                Block {
                    gpus: to_f64_lossy(r.gpus),
                    first,
                    end: first.saturating_add(usize::try_from(r.term_months).unwrap_or(usize::MAX)),
                    factor: 1.0 - to_f64_lossy(r.discount),
                }
            })
            .collect();
        let ((idle_kwh, busy_kwh), prices, demand_response, cuts) = power(s, months)?;
        let utilization = utilizations(s, months)?;
        let idle = crate::scenario::idle_gpus(s)?;
        // The exact model discounts at `finance::monthly_rate`; the paths' changes are
        // discounted at the same rate computed by `libm`, the same on every target.
        let monthly_discount = monthly_f64(to_f64_lossy(s.annual_discount_rate));
        let mut discount = 1.0;
        let mut series = Vec::with_capacity(months);
        for (i, m) in report.months.iter().enumerate() {
            discount /= 1.0 + monthly_discount;
            let in_service = to_f64_lossy(units::div(
                m.available_gpu_hours,
                HOURS_PER_MONTH,
                "fleet.gpus",
            )?);
            let at = |v: &[f64]| v.get(i).copied().unwrap_or(0.0);
            series.push(Month {
                in_service,
                idle: idle.get(i).copied().map_or(0.0, to_f64_lossy),
                price: to_f64_lossy(m.on_demand_usd_per_gpu_hour),
                utilization: at(&utilization),
                cut: at(&cuts),
                uncut: 1.0 - at(&cuts),
                idle_mwh: idle_kwh * in_service * HOURS / 1000.0,
                power_price: at(&prices),
                variable: 0.0,
                flow: to_f64_lossy(m.cash_flow_usd),
                discount,
                sale: to_f64_lossy(m.sale_usd),
                cfads: 0.0,
            });
        }
        let financing = FinancingModel::new(s, report, plan)?;
        for (m, f) in series
            .iter_mut()
            .zip(financing.iter().flat_map(|f| &f.months))
        {
            m.cfads = f.cfads;
        }
        let metrics = &report.summary.metrics;
        let close = to_f64_lossy(report.summary.close_cash_flow_usd);
        let flows: Vec<f64> = std::iter::once(close)
            .chain(series.iter().map(|m| m.flow))
            .collect();
        Ok(Self {
            discounts: series.iter().map(|m| m.discount).collect(),
            months: series,
            close,
            none_free: if reserved.is_empty() { 0.0 } else { f64::NAN },
            reserved,
            spot: s.market.spot.as_ref().map(|spot| {
                (
                    1.0 - to_f64_lossy(spot.discount),
                    to_f64_lossy(spot.share_of_idle_sold),
                    to_f64_lossy(spot.preemption_rate),
                )
            }),
            contracts,
            busy_mwh: busy_kwh / 1000.0,
            demand_response,
            sga: to_f64_lossy(s.operations.sga_share_of_revenue),
            npv: to_f64_lossy(metrics.npv_usd),
            irr_monthly: base_irr(&flows),
            financing,
        })
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
    /// The debt of `s` as its `plan` sized and scheduled it, and the exact `report`'s
    /// outcome; `None` without financing.
    fn new(s: &Scenario, report: &Report, plan: Option<&Plan>) -> Result<Option<Self>, ModelError> {
        let (Some(terms), Some(fin), Some(plan)) = (&s.financing, &report.financing, plan) else {
            return Ok(None);
        };
        let loan = plan.loan();
        let mut owed = Vec::with_capacity(loan.len());
        for m in loan {
            owed.push(units::add(m.opening_balance_usd, m.draw_usd, "financing")?);
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
        let months: Vec<waterfall::BoxMonth> = plan
            .months()
            .iter()
            .enumerate()
            .map(|(i, m)| waterfall::BoxMonth {
                cfads: to_f64_lossy(m.cfads),
                capex: to_f64_lossy(m.capex),
                sale: to_f64_lossy(m.sale),
                collateral: to_f64_lossy(m.collateral),
                loan: loan.get(i).map_or_else(LoanMonth::default, |l| LoanMonth {
                    draw: to_f64_lossy(l.draw_usd),
                    upfront_fee: to_f64_lossy(l.upfront_fee_usd),
                    commitment_fee: to_f64_lossy(l.commitment_fee_usd),
                    interest: to_f64_lossy(l.interest_usd),
                    interest_paid: to_f64_lossy(l.interest_paid_usd),
                    principal: to_f64_lossy(l.principal_usd),
                    hedges: to_f64_lossy(l.swap_settlement_usd) - to_f64_lossy(l.cap_payout_usd),
                    service: to_f64_lossy(l.debt_service_usd),
                    owed: owed.get(i).copied().map_or(0.0, to_f64_lossy),
                }),
            })
            .collect();
        let horizon = months.len();
        let sofr_by_month: Vec<f64> = (0..horizon)
            .map(|i| {
                sofr.filter(|_| i < tenor)
                    .and_then(|rates| rates.get(i).or(rates.last()))
                    .map_or(0.0, |r| to_f64_lossy(*r))
            })
            .collect();
        let owed_accrual: Vec<f64> = (0..horizon)
            .map(|i| match (owed.get(i), accrual.get(i)) {
                (Some(o), Some((days, basis))) => {
                    to_f64_lossy(*o) * to_f64_lossy(*days) / to_f64_lossy(*basis)
                }
                _ => 0.0,
            })
            .collect();
        let rows = &fin.months;
        let summary = &fin.summary;
        // The equity's flow at the close before the DSRA it funds (which the waterfall
        // takes from it): the exact report's, the DSRA added back.
        let first_draw = loan.first().map(|m| m.draw_usd).unwrap_or_default();
        let equity_close = to_f64_lossy(units::add(
            summary.equity_close_cash_flow_usd,
            summary.initial_dsra_usd,
            "financing",
        )?);
        let close_dsra = to_f64_lossy(summary.initial_dsra_usd);
        let equity_flows: Vec<f64> = std::iter::once(equity_close - close_dsra)
            .chain(rows.iter().map(|r| to_f64_lossy(r.equity_cash_flow_usd)))
            .collect();
        let lender_flows: Vec<f64> = std::iter::once(-to_f64_lossy(first_draw))
            .chain(rows.iter().map(|r| to_f64_lossy(r.lender_cash_flow_usd)))
            .collect();
        let row = |m: Option<u32>| m.and_then(|m| usize::try_from(m.saturating_sub(1)).ok());
        let credit = Credit {
            default: row(summary.first_default_month)
                .map(|r| (r, summary.default_kind == Some(DefaultKind::Payment))),
            first_breach: rows.iter().position(|r| r.in_breach),
            first_lock_up: rows.iter().position(|r| r.locked_up),
            lowest_dscr: summary.minimum_dscr.map(|d| (to_f64_lossy(d), 1.0)),
            exposure: summary.exposure_at_default_usd.map_or(0.0, to_f64_lossy),
            written_off: rows.iter().map(|r| to_f64_lossy(r.written_off_usd)).sum(),
        };
        let lock_up = terms.lock_up.as_ref().map(|l| LockUpTerms {
            min_dscr: to_f64_lossy(l.min_dscr),
            trailing_months: usize::try_from(l.trailing_months).unwrap_or(usize::MAX),
            release_after_months: l.release_after_months,
            sweep_trapped: l
                .sweep_trapped
                .as_ref()
                .map(|t| (t.after_months, to_f64_lossy(t.share))),
        });
        Ok(Some(Self {
            repaid: waterfall::RepaidBase::new(&months),
            months,
            terms: Terms {
                tenor,
                dsra: terms.dsra.as_ref().map(|d| {
                    (
                        usize::try_from(d.months).unwrap_or(usize::MAX),
                        d.funding == DsraFunding::Close,
                    )
                }),
                lock_up,
                sweep: terms
                    .cash_sweep
                    .as_ref()
                    .map(|c| (to_f64_lossy(c.share), c.when == SweepWhen::Always)),
                foreclose_after: terms
                    .foreclose_after_months
                    .map(|k| usize::try_from(k).unwrap_or(usize::MAX)),
                haircut: to_f64_lossy(terms.liquidation_haircut),
                max_ltv: to_f64_lossy(terms.max_ltv),
                min_dscr: terms.min_dscr.map(to_f64_lossy),
                cure_months: terms.cure_months,
            },
            equity_close,
            floating: sofr.is_some(),
            sofr_floor: sofr_floor.map(to_f64_lossy),
            rates_bounded: waterfall::Rates::bounded(
                &sofr_by_month,
                &owed_accrual,
                sofr_floor.map(to_f64_lossy),
            ),
            sofr: sofr_by_month,
            owed_accrual,
            owed,
            accrual,
            equity_irr_monthly: base_irr(&equity_flows),
            lender_irr_monthly: base_irr(&lender_flows),
            equity_flows,
            lender_flows,
            credit,
            equity_npv: to_f64_lossy(summary.equity.npv_usd),
        }))
    }
}

/// The monthly IRR of `flows` near `guess`, annualized.
pub(crate) fn annual_irr(flows: &[f64], guess: Option<f64>) -> (Option<f64>, Option<f64>) {
    let monthly = irr::monthly_irr(flows, guess.unwrap_or(0.01));
    (monthly, monthly.map(irr::annual))
}

/// The annual IRRs of `N` flows of one length, each as [`annual_irr`] gives it (to the
/// bit), solved side by side ([`irr::monthly_irrs`]).
pub(crate) fn annual_irrs<const N: usize>(
    flows: [&[f64]; N],
    guesses: [Option<f64>; N],
) -> [Option<f64>; N] {
    irr::monthly_irrs(flows, guesses.map(|g| g.unwrap_or(0.01))).map(|m| m.map(irr::annual))
}
