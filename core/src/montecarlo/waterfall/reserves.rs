//! Under the schedule, after the debt service: the DSRA topped up or released, the lock-up
//! test on the trailing DSCR, the cash sweep and the trapped cash.

use super::super::float::minimum;
use super::accounts::{Paid, State};
use super::months::{BoxMonth, PathMonth, month_at};
use super::pay::pay;
use super::rates::Rates;
use super::terms::Terms;

/// The reserve, the lock-up, the sweep and the trapped cash; returns the distribution.
#[inline]
pub(super) fn reserve_and_distribute(
    terms: &Terms,
    state: &mut State,
    paid: &mut Paid,
    (base, path, rates): (&[BoxMonth], &[PathMonth], &Rates<'_>),
    service_due: &[f64],
    i: usize,
    surplus: f64,
) -> f64 {
    let mut surplus = surplus;
    if let Some((n, _)) = terms.dsra {
        let target = if state.balance == 0.0 {
            0.0
        } else {
            (i + 1..)
                .take(n)
                .map_while(|j| month_at(base, path, rates, j))
                .map(|m| m.loan.service)
                .fold(0.0, |sum, s| sum + s)
        };
        if state.dsra < target {
            let (top_up, left) = pay(surplus, target - state.dsra);
            state.dsra += top_up;
            surplus = left;
        } else {
            surplus += state.dsra - target;
            state.dsra = target;
        }
    }
    if let Some(l) = terms.lock_up {
        let from = (i + 1).saturating_sub(l.trailing_months);
        let cfads = path
            .iter()
            .take(i + 1)
            .skip(from)
            .fold(0.0, |sum, m| sum + m.cfads);
        let service = service_due
            .iter()
            .take(i + 1)
            .skip(from)
            .fold(0.0, |sum, s| sum + s);
        paid.locked_up = service > 0.0 && cfads / service < l.min_dscr;
        if paid.locked_up {
            state.locked_run += 1;
            state.passed_run = 0;
        } else {
            state.passed_run += 1;
            state.locked_run = 0;
        }
    }
    if let Some((share, always)) = terms.sweep
        && (always || paid.locked_up)
    {
        let swept = minimum(share * surplus, state.balance);
        paid.sweep = swept;
        state.balance -= swept;
        surplus -= swept;
    }
    let Some(l) = terms.lock_up else {
        return surplus;
    };
    if paid.locked_up {
        state.trapped += surplus;
        surplus = 0.0;
        if let Some((after, share)) = l.sweep_trapped
            && state.locked_run >= after
        {
            let swept = minimum(share * state.trapped, state.balance);
            paid.trapped_swept = swept;
            state.trapped -= swept;
            state.balance -= swept;
        }
    } else if state.trapped != 0.0 && state.passed_run >= l.release_after_months {
        surplus += state.trapped;
        state.trapped = 0.0;
    }
    surplus
}

#[cfg(test)]
mod tests {
    use super::super::terms::LockUpTerms;
    use super::*;

    /// Without a DSRA, a lock-up or a sweep ([`Terms::reserves`] false), the reserves give
    /// the surplus as it is, to the bit, and change neither the accounts nor what was paid
    /// (so the month skips them): on edge values of the surplus and the accounts (±0, ∞,
    /// NaN, subnormals); with any one of them, `reserves` is true.
    #[test]
    fn without_reserves_the_surplus_and_the_accounts_are_as_they_are() {
        let terms = Terms::three_months();
        assert!(!terms.reserves());
        let edges = [0.0, -0.0, 12.5, -3.0, 5e-324, f64::INFINITY, f64::NAN];
        for surplus in edges {
            for balance in edges {
                for (dsra, trapped) in [(0.0, 0.0), (-0.0, 7.0), (f64::NAN, -0.0)] {
                    let mut state = State {
                        balance,
                        dsra,
                        trapped,
                        locked_run: 2,
                        passed_run: 1,
                        ..State::default()
                    };
                    let mut paid = Paid {
                        interest: balance,
                        ..Paid::default()
                    };
                    let before = (format!("{state:?}"), format!("{paid:?}"));
                    let months = (&[][..], &[][..], &Rates::fixed());
                    let left = reserve_and_distribute(
                        &terms,
                        &mut state,
                        &mut paid,
                        months,
                        &[],
                        3,
                        surplus,
                    );
                    assert_eq!(left.to_bits(), surplus.to_bits(), "{surplus} {balance}");
                    assert_eq!((format!("{state:?}"), format!("{paid:?}")), before);
                }
            }
        }
        let lock_up = LockUpTerms {
            min_dscr: 1.1,
            trailing_months: 3,
            release_after_months: 2,
            sweep_trapped: None,
        };
        for with_one in [
            Terms {
                dsra: Some((6, false)),
                ..Terms::three_months()
            },
            Terms {
                lock_up: Some(lock_up),
                ..Terms::three_months()
            },
            Terms {
                sweep: Some((0.5, true)),
                ..Terms::three_months()
            },
        ] {
            assert!(with_one.reserves());
        }
    }
}
