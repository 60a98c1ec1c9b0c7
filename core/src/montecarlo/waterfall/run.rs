//! A path's months through the waterfall: the scheduled months to the default's, then the
//! accelerated ones to the foreclosure.

use super::accounts::State;
use super::month::Running;
use super::months::{BoxMonth, PathMonth, month_at};
use super::outcome::Credit;
use super::terms::Terms;

/// Buffers reused from path to path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buffers {
    /// Each row's debt service due (the lock-up's trailing DSCR; kept only with a lock-up).
    service_due: Vec<f64>,
}

/// The box's months on the path (`path`'s changes to the deterministic `base`, month by
/// month; as many months as `path` has) through the waterfall: adds the close's lender and equity flows to
/// `lender[0]` and `equity[0]` and month `m`'s to `lender[m]` and `equity[m]`, and returns
/// the credit outcome. `equity_close` is the equity's flow at the close before the DSRA
/// it funds (the close's cash flow + the first draw − the spares − the cap's premium).
#[inline(never)] // once a path: its own registers, apart from the path's month loop
pub(crate) fn run(
    terms: &Terms,
    (base, path): (&[BoxMonth], &[PathMonth]),
    equity_close: f64,
    buffers: &mut Buffers,
    lender: &mut [f64],
    equity: &mut [f64],
) -> Credit {
    let initial_dsra = match terms.dsra {
        Some((n, true)) => (0..n)
            .map_while(|j| month_at(base, path, j))
            .fold(0.0, |sum, m| sum + m.loan.service),
        _ => 0.0,
    };
    let state = State {
        dsra: initial_dsra,
        ..State::default()
    };
    if let (Some(l), Some(e)) = (lender.first_mut(), equity.first_mut()) {
        *l += -month_at(base, path, 0).map_or(0.0, |m| m.loan.draw);
        *e += equity_close - initial_dsra;
    }
    let out = Credit::default();
    let service_due = &mut buffers.service_due;
    service_due.clear();
    let mut run = Running {
        terms,
        months: (base, path),
        last: path.len().saturating_sub(1),
        state,
        out,
        service_due,
    };
    let mut months = path
        .iter()
        .zip(lender.iter_mut().skip(1))
        .zip(equity.iter_mut().skip(1))
        .enumerate();
    // The months under the schedule, to the default's.
    for (i, ((p, lender_slot), equity_slot)) in months.by_ref() {
        run.month::<false>(i, p, (lender_slot, equity_slot));
        if run.out.default.is_some() {
            break;
        }
    }
    // After the default: accelerated, to the foreclosure (nothing moves after it); once the
    // loan is repaid, most months by the shortcut of a repaid month.
    for (i, ((p, lender_slot), equity_slot)) in months {
        if run.state.foreclosed {
            break;
        }
        if !run.repaid_month(i, p, (lender_slot, equity_slot)) {
            run.month::<true>(i, p, (lender_slot, equity_slot));
        }
    }
    run.out
}
