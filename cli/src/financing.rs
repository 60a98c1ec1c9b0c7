//! The financing section of `gpuecon evaluate`'s tables: the box's debt, the lender's
//! waterfall month by month, the default and what the lender recovers. The figures are
//! the core's report, rounded for display only.

use std::io::Write;

use comfy_table::Cell;
use gpuecon::scenario::{DefaultKind, FinancingReport, SizedBy};

use crate::CliResult;
use crate::format::{self, number, or_unknown, percent, signed, usd};

/// A ratio as `1.30x`.
fn times(value: gpuecon::Decimal) -> String {
    format!("{}x", format::grouped(value, 2))
}

/// The summary and the monthly waterfall of a financed scenario.
pub fn tables(f: &FinancingReport, out: &mut dyn Write) -> CliResult {
    let s = &f.summary;
    let default = match (s.first_default_month, s.default_kind) {
        (Some(month), Some(DefaultKind::Payment)) => format!("month {month} (payment)"),
        (Some(month), Some(DefaultKind::Covenant)) => format!("month {month} (covenant)"),
        (Some(month), None) => format!("month {month}"),
        (None, _) => "none".to_owned(),
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("debt", usd(s.debt_usd)),
        (
            "  sized by",
            match s.sized_by {
                SizedBy::AdvanceRate => "the advance rate".to_owned(),
                SizedBy::TargetDscr => "the target DSCR".to_owned(),
                SizedBy::Llcr => "the minimum LLCR".to_owned(),
            },
        ),
        ("  advance-rate limit", usd(s.advance_limit_usd)),
        ("  DSCR limit", usd(s.dscr_limit_usd)),
        (
            "  DSCR the advance rate implies",
            or_unknown(s.advance_rate_dscr, times),
        ),
        ("equity", usd(s.equity_usd)),
        ("LLCR at the close", or_unknown(s.llcr_at_close, times)),
        ("lowest LLCR", or_unknown(s.minimum_llcr, times)),
        ("backlog ÷ debt", or_unknown(s.backlog_coverage, times)),
    ];
    if let Some(limit) = s.llcr_limit_usd {
        rows.insert(4, ("  LLCR limit", usd(limit)));
    }
    let su = &s.sources_and_uses;
    rows.push(("uses at the close", usd(su.uses_usd)));
    for (name, value) in [
        ("  upfront fee", su.upfront_fee_usd),
        ("  DSRA", su.initial_dsra_usd),
        ("  construction interest", su.capitalized_interest_usd),
        ("  spare GPUs", su.spares_usd),
    ] {
        if !value.is_zero() {
            rows.push((name, usd(value)));
        }
    }
    rows.push(("equity at the close", usd(su.equity_usd)));
    rows.extend([
        ("equity NPV", usd(s.equity.npv_usd)),
        (
            "equity IRR (a year)",
            or_unknown(s.equity.irr_annual, percent),
        ),
        (
            "equity payback",
            or_unknown(s.equity.payback_month, |m| format!("month {m}")),
        ),
        ("distributions to the equity", usd(s.distributions_usd)),
        ("lender's NPV", usd(s.lender.npv_usd)),
        (
            "lender's IRR (a year)",
            or_unknown(s.lender.irr_annual, percent),
        ),
        ("lowest DSCR", or_unknown(s.minimum_dscr, times)),
        ("peak LTV", or_unknown(s.peak_ltv, percent)),
        ("months in breach", s.months_in_breach.to_string()),
        ("DSRA draws", usd(s.dsra_draws_usd)),
        ("months locked up", s.months_in_lock_up.to_string()),
        ("event of default", default),
    ]);
    if let Some(month) = s.foreclosure_month {
        rows.push(("foreclosure", format!("month {month}")));
    }
    if s.first_default_month.is_some() {
        rows.extend([
            (
                "exposure at default",
                or_unknown(s.exposure_at_default_usd, usd),
            ),
            ("lender's recovery", or_unknown(s.recovery_usd, usd)),
            (
                "loss given default",
                or_unknown(s.loss_given_default, percent),
            ),
        ]);
    }
    let mut summary = format::table(&["financing", "value"]);
    for (name, value) in rows {
        summary.add_row(vec![Cell::new(name), number(value)]);
    }
    writeln!(out, "{summary}")?;

    let mut months = format::table(&[
        "month",
        "CFADS",
        "interest",
        "principal",
        "DSRA",
        "trapped",
        "swept / sold",
        "to equity",
        "balance",
        "DSCR",
        "status",
        "lender flow",
        "equity flow",
    ]);
    for m in &f.months {
        let mut status = Vec::new();
        if m.foreclosed {
            status.push("foreclosed");
        } else if m.in_default {
            status.push("default");
        }
        if m.in_breach {
            status.push("breach");
        }
        if m.locked_up {
            status.push("locked");
        }
        if !m.shortfall_usd.is_zero() {
            status.push("short");
        }
        let to_lender = m.sweep_usd + m.trapped_swept_usd + m.sale_to_lender_usd;
        months.add_row(vec![
            number(m.month.to_string()),
            signed(Some(m.cfads_usd), usd),
            number(usd(m.interest_usd)),
            number(usd(m.principal_usd)),
            number(usd(m.dsra_balance_usd)),
            number(usd(m.trapped_balance_usd)),
            number(usd(to_lender)),
            number(usd(m.distribution_usd)),
            number(usd(m.balance_usd)),
            number(or_unknown(m.dscr, times)),
            Cell::new(status.join(", ")),
            signed(Some(m.lender_cash_flow_usd), usd),
            signed(Some(m.equity_cash_flow_usd), usd),
        ]);
    }
    writeln!(out, "{months}")?;
    Ok(())
}
