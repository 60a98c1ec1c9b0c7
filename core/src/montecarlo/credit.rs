//! The lender's view of a run: probability of default and of lock-up, loss given default,
//! expected loss, and the lender's IRR (module `waterfall` runs each path's waterfall).
//!
//! ```text
//! PD                    paths with an event of default (payment, or a covenant breached
//!                       past its cure) ÷ paths
//! LGD of a path         written off ÷ exposure at default (the balance owed at the end of
//!                       the month of default before any write-off), over the boxes that
//!                       defaulted
//! expected LGD          the mean LGD over the paths that defaulted (with an exposure)
//! expected loss share   PD × expected LGD                                   (EL = PD × LGD)
//! mean loss share       the mean over every path of its LGD, 0 without a default: the
//!                       same number when every defaulted path has an exposure
//! exposure-weighted LGD Σ written off ÷ Σ exposure over the defaulted paths (dollars)
//! expected loss, USD    the mean over every path of what was written off
//! ```
//!
//! A portfolio of more than one box also reports each box's own: its PD (the paths on
//! which that box defaulted ÷ paths), its mean LGD (written off ÷ exposure over the paths
//! on which it defaulted with an exposure) and its expected loss in dollars (the mean over
//! every path of what its lender wrote off). The portfolio's PD counts a path once when
//! several boxes default on it, so it is at most the sum of the boxes' PDs; its expected
//! loss in dollars is the sum of theirs.

use serde::{Deserialize, Serialize};

use super::stats::{self, Batch, BoxColumns, Distribution, Events, decimal, head};
use crate::Decimal;
use crate::models::ModelError;

/// The lender's view of a run (with debt on some box).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditReport {
    /// An event of default on the path: a payment default or a covenant breached past its
    /// cure (any box of a portfolio); its probability is the PD. The same paths as the
    /// report's `covenant_default`.
    pub default: Events,
    /// Equity distributions blocked by the lock-up test in some month.
    pub lock_up: Events,
    /// Loss given default over the paths that defaulted with an exposure: written off ÷
    /// the exposure at default (the balance owed at the end of the month of default
    /// before any write-off).
    pub loss_given_default: Option<Distribution>,
    /// The expected loss as a share of the exposure: PD × the mean loss given default.
    pub expected_loss_share: Decimal,
    /// The mean over every path of its loss given default (0 without a default); equal to
    /// `expected_loss_share` when every defaulted path has an exposure.
    pub mean_loss_share: Decimal,
    /// Σ written off ÷ Σ exposure at default over the paths that defaulted (a dollar-
    /// weighted loss given default; `None` without a default).
    pub exposure_weighted_loss_given_default: Option<Decimal>,
    /// The mean over every path of the dollars written off, USD.
    pub expected_loss_usd: Decimal,
    /// The lender's annual IRR (its draws out, its fees, interest, principal, sweeps and
    /// recoveries in), over the paths that have one.
    pub lender_irr_annual: Option<Distribution>,
    /// The lender's annual IRR on the deterministic path: the scenario's report's for one
    /// box.
    pub deterministic_lender_irr_annual: Option<Decimal>,
    /// Each box's own credit statistics, in the portfolio's order (only for a portfolio of
    /// more than one box; empty otherwise).
    pub boxes: Vec<BoxCredit>,
}

/// One box's credit statistics in a portfolio's run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxCredit {
    /// The box's title in the portfolio (`box k`, from 1, when it has none).
    pub name: String,
    /// The box's probability of default: the paths on which it defaulted ÷ paths.
    pub default_probability: Decimal,
    /// The mean over the paths on which the box defaulted with an exposure of written off
    /// ÷ its exposure at default (`None` when it never did).
    pub loss_given_default: Option<Decimal>,
    /// The mean over every path of the dollars the box's lender wrote off, USD.
    pub expected_loss_usd: Decimal,
}

/// The statistics of one box's columns over the first `paths` paths.
fn box_credit(name: &str, columns: &BoxColumns, paths: usize) -> Result<BoxCredit, ModelError> {
    let months = head(&columns.first_default_month, paths);
    let exposures = head(&columns.exposure_at_default_usd, paths);
    let written_off = head(&columns.written_off_usd, paths);
    let n = stats::count(months.len());
    let lgd: Vec<f64> = months
        .iter()
        .zip(exposures)
        .zip(written_off)
        .filter(|((month, exposure), _)| month.is_some() && **exposure > 0.0)
        .map(|((_, exposure), lost)| lost / exposure)
        .collect();
    let defaulted = stats::count(months.iter().flatten().count());
    let per_path = |x: f64| if n > 0.0 { x / n } else { 0.0 };
    Ok(BoxCredit {
        name: name.to_owned(),
        default_probability: decimal(per_path(defaulted), "credit.boxes.default_probability")?,
        loss_given_default: (!lgd.is_empty())
            .then(|| decimal(stats::mean(&lgd), "credit.boxes.loss_given_default"))
            .transpose()?,
        expected_loss_usd: decimal(
            per_path(written_off.iter().sum::<f64>()),
            "credit.boxes.expected_loss_usd",
        )?,
    })
}

/// The credit statistics of the paths in `all`.
pub(crate) fn report(
    all: &Batch,
    paths: usize,
    bins: u32,
    deterministic_lender_irr_annual: Option<Decimal>,
    box_names: &[String],
) -> Result<CreditReport, ModelError> {
    let first_default_month = head(&all.first_default_month, paths);
    let first_lock_up_month = head(&all.first_lock_up_month, paths);
    let exposure_at_default_usd = head(&all.exposure_at_default_usd, paths);
    let written_off_usd = head(&all.written_off_usd, paths);
    let lender_irr_annual = head(&all.lender_irr_annual, paths);
    let n = stats::count(first_default_month.len());
    let mut lgd = Vec::new();
    let (mut lost, mut exposed) = (0.0, 0.0);
    for ((month, exposure), written_off) in first_default_month
        .iter()
        .zip(exposure_at_default_usd)
        .zip(written_off_usd)
    {
        if month.is_none() {
            continue;
        }
        lost += written_off;
        exposed += exposure;
        if *exposure > 0.0 {
            lgd.push(written_off / exposure);
        }
    }
    let default = stats::events(first_default_month, bins, "credit.default")?;
    let pd = stats::count(first_default_month.iter().flatten().count()) / n.max(1.0);
    let mean_lgd = if lgd.is_empty() {
        0.0
    } else {
        stats::mean(&lgd)
    };
    let mean_loss_share = if n > 0.0 {
        lgd.iter().sum::<f64>() / n
    } else {
        0.0
    };
    let lender: Vec<f64> = lender_irr_annual.iter().flatten().copied().collect();
    Ok(CreditReport {
        default,
        lock_up: stats::events(first_lock_up_month, bins, "credit.lock_up")?,
        loss_given_default: stats::distribution(&lgd, bins, "credit.loss_given_default")?,
        expected_loss_share: decimal(pd * mean_lgd, "credit.expected_loss_share")?,
        mean_loss_share: decimal(mean_loss_share, "credit.mean_loss_share")?,
        exposure_weighted_loss_given_default: (exposed > 0.0)
            .then(|| {
                decimal(
                    lost / exposed,
                    "credit.exposure_weighted_loss_given_default",
                )
            })
            .transpose()?,
        expected_loss_usd: decimal(
            if n > 0.0 {
                written_off_usd.iter().sum::<f64>() / n
            } else {
                0.0
            },
            "credit.expected_loss_usd",
        )?,
        lender_irr_annual: stats::distribution(&lender, bins, "credit.lender_irr_annual")?,
        deterministic_lender_irr_annual,
        boxes: all
            .boxes
            .iter()
            .zip(box_names)
            .map(|(columns, name)| box_credit(name, columns, paths))
            .collect::<Result<_, _>>()?,
    })
}
