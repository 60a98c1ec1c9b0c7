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
    /// The deterministic months padded with default ones to the path's (never so modelled).
    padded: Vec<BoxMonth>,
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
    let Buffers {
        service_due,
        padded,
    } = buffers;
    // As many deterministic months as the path's: read month by month without a check.
    let base = match base.get(..path.len()) {
        Some(exact) => exact,
        None => pad(base, path.len(), padded),
    };
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
    service_due.clear();
    let mut run = Running {
        terms,
        months: (base, path),
        last: path.len().saturating_sub(1),
        state,
        out,
        service_due,
    };
    let mut months = base
        .iter()
        .zip(path)
        .zip(lender.iter_mut().skip(1))
        .zip(equity.iter_mut().skip(1))
        .enumerate();
    // The months under the schedule, to the default's.
    for (i, ((month, lender_slot), equity_slot)) in months.by_ref() {
        run.month::<false>(i, month, (lender_slot, equity_slot));
        if run.out.default.is_some() {
            break;
        }
    }
    // After the default: accelerated, to the foreclosure (nothing moves after it); once the
    // loan is repaid, most months by the shortcut of a repaid month, in runs: the state
    // tested once a run (a repaid month leaves it as it is), each month only its own terms.
    let until = run.repaid_until();
    while let Some((i, ((month, lender_slot), equity_slot))) = months.next() {
        if run.state.foreclosed {
            break;
        }
        if !(i < until
            && run.repaid()
            && run.repaid_month(i, month, (&mut *lender_slot, &mut *equity_slot)))
        {
            run.month::<true>(i, month, (lender_slot, equity_slot));
            continue;
        }
        for (i, ((month, lender_slot), equity_slot)) in months.by_ref() {
            if !(i < until && run.repaid_month(i, month, (&mut *lender_slot, &mut *equity_slot))) {
                run.month::<true>(i, month, (lender_slot, equity_slot));
                break;
            }
        }
    }
    run.out
}

/// `base` padded with default months to `len` months, in `padded` (the waterfall's reads
/// past the deterministic months' end).
#[cold]
#[inline(never)]
fn pad<'a>(base: &[BoxMonth], len: usize, padded: &'a mut Vec<BoxMonth>) -> &'a [BoxMonth] {
    padded.clear();
    padded.extend_from_slice(base);
    padded.resize(len, BoxMonth::default());
    padded
}

#[cfg(test)]
mod tests {
    use super::super::months::LoanMonth;
    use super::*;

    /// A path longer than the deterministic months runs as on the months padded with
    /// default ones by hand (the exact slice's route), to the bit.
    #[test]
    fn a_path_past_the_deterministic_months_reads_default_months() {
        let terms = Terms {
            dsra: Some((2, true)),
            ..Terms::three_months()
        };
        let loan = LoanMonth {
            draw: 100.0,
            interest: 1.0,
            interest_paid: 1.0,
            principal: 30.0,
            service: 31.0,
            owed: 100.0,
            ..LoanMonth::default()
        };
        let first = BoxMonth {
            sale: 5.0,
            collateral: 90.0,
            loan,
            ..BoxMonth::default()
        };
        let path = [PathMonth {
            cfads: 40.0,
            shock: 0.9,
            extra: 0.5,
        }; 3];
        let by_hand = [first, BoxMonth::default(), BoxMonth::default()];
        let flows = |base: &[BoxMonth]| {
            let (mut lender, mut equity) = ([0.0; 4], [0.0; 4]);
            let credit = run(
                &terms,
                (base, &path),
                -10.0,
                &mut Buffers::default(),
                &mut lender,
                &mut equity,
            );
            (lender.map(f64::to_bits), equity.map(f64::to_bits), credit)
        };
        let padded = flows(&by_hand[..1]);
        assert_eq!(padded, flows(&by_hand));
        // The draw paid out at the close, and something moved after it.
        assert_eq!(f64::from_bits(padded.0[0]), -100.0);
        assert_ne!(padded.0[1], 0.0_f64.to_bits());
    }
}
