//! A path's months through the waterfall: the scheduled months to the default's, then the
//! accelerated ones to the foreclosure.

use super::accounts::State;
use super::month::{Running, foreclosure_month};
use super::months::{BoxMonth, PathMonth, month_at};
use super::outcome::Credit;
use super::rates::{ExtraRun, Rates};
use super::repaid_base::RepaidBase;
use super::terms::Terms;

/// Buffers reused from path to path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buffers {
    /// Each row's debt service due (the lock-up's trailing DSCR; kept only with a lock-up).
    service_due: Vec<f64>,
    /// The deterministic months padded with default ones to the path's (never so modelled).
    padded: Vec<BoxMonth>,
    /// The extra interest of a run of months ([`ExtraRun`]).
    extras: Vec<f64>,
}

impl Buffers {
    /// The buffers of a path: the padded months, and [`Running`]'s debt service due
    /// (cleared) and extra interest's run (empty).
    pub(super) fn parts(&mut self) -> (&mut Vec<BoxMonth>, &mut Vec<f64>, ExtraRun<'_>) {
        self.service_due.clear();
        let extras = ExtraRun::new(&mut self.extras);
        (&mut self.padded, &mut self.service_due, extras)
    }
}

/// The box's months on the path (`path`'s changes to the deterministic `base`, month by
/// month; as many months as `path` has; `repaid`, the parts of a repaid month that no path
/// changes, of `base`; `rates`, what their extra interest reads besides the path's SOFR)
/// through the waterfall: adds the close's lender and equity flows to `lender[0]` and
/// `equity[0]` and month `m`'s to `lender[m]` and `equity[m]`, and returns the credit
/// outcome. `equity_close` is the equity's flow at the close before the DSRA
/// it funds (the close's cash flow + the first draw − the spares − the cap's premium).
#[inline(never)] // once a path: its own registers, apart from the path's month loop
pub(crate) fn run(
    terms: &Terms,
    ((base, repaid), path, rates): ((&[BoxMonth], &RepaidBase), &[PathMonth], Rates<'_>),
    equity_close: f64,
    buffers: &mut Buffers,
    lender: &mut [f64],
    equity: &mut [f64],
) -> Credit {
    let (padded, service_due, extras) = buffers.parts();
    // As many deterministic months as the path's: read month by month without a check.
    let base = match base.get(..path.len()) {
        Some(exact) => exact,
        None => pad(base, path.len(), padded),
    };
    let initial_dsra = match terms.dsra {
        Some((n, true)) => (0..n)
            .map_while(|j| month_at(base, path, &rates, j))
            .fold(0.0, |sum, m| sum + m.loan.service),
        _ => 0.0,
    };
    let state = State {
        dsra: initial_dsra,
        ..State::default()
    };
    if let (Some(l), Some(e)) = (lender.first_mut(), equity.first_mut()) {
        // The first month's draw (a path leaves the draws as they are: its month is not
        // composed, nor its extra interest read for it).
        *l += -base.first().map_or(0.0, |m| m.loan.draw);
        *e += equity_close - initial_dsra;
    }
    let out = Credit::default();
    let mut run = Running {
        terms,
        months: (base, path),
        repaid,
        rates,
        last: path.len().saturating_sub(1),
        state,
        out,
        service_due,
        extras,
        foreclosure: usize::MAX,
        reserves: terms.reserves(),
    };
    // Month index `i`'s slots (the close's are index 0 of `lender` and `equity`).
    let lender = lender.get_mut(1..).unwrap_or_default();
    let equity = equity.get_mut(1..).unwrap_or_default();
    let mut i = 0;
    // The months under the schedule, to the default's.
    while let (Some(month), Some(p), Some(l), Some(e)) = (
        base.get(i),
        path.get(i),
        lender.get_mut(i),
        equity.get_mut(i),
    ) {
        run.month::<false>(i, (month, p), (l, e));
        i += 1;
        if run.out.default.is_some() {
            break;
        }
    }
    accelerated_months(&mut run, i, lender, equity);
    run.out
}

/// The months from index `i` of a loan accelerated before them (`lender[i]` and
/// `equity[i]`, month index `i`'s slots), to the foreclosure (nothing moves after it); once
/// the loan is repaid, most months by the shortcut of repaid months
/// ([`Running::repaid_months`]), in runs: the state tested once a run (a repaid month
/// leaves it as it is), each month only its own terms. The same as each month by
/// [`Running::month`], to the bit (a unit test compares them).
#[inline(always)]
fn accelerated_months(run: &mut Running<'_>, mut i: usize, lender: &mut [f64], equity: &mut [f64]) {
    let (base, path) = run.months;
    run.foreclosure = foreclosure_month(&run.out, run.terms);
    let until = run.repaid_until();
    while !run.state.foreclosed {
        if i < until && run.repaid() {
            i = run.repaid_months(i, until, lender, equity);
        }
        let (Some(month), Some(p), Some(l), Some(e)) = (
            base.get(i),
            path.get(i),
            lender.get_mut(i),
            equity.get_mut(i),
        ) else {
            break;
        };
        run.month::<true>(i, (month, p), (l, e));
        i += 1;
    }
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
    use super::super::super::normal::Ziggurat;
    use super::super::super::sofr::SofrShifts;
    use super::super::months::LoanMonth;
    use super::*;

    /// A small generator for the test's months (Knuth's MMIX LCG), one of `values` a call.
    struct Pick(u64);

    impl Pick {
        fn of<T: Copy>(&mut self, values: &[T]) -> T {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let k = usize::try_from(self.0 >> 33).unwrap_or(0) % values.len();
            values[k]
        }
    }

    /// Ten months of a loan accelerated by a default in month 0, from month 1 (the balance
    /// at first 30, +0 or −0; reserves or not; a foreclosure or not) through
    /// [`accelerated_months`] and through [`Running::month`] month by month: every slot,
    /// the state and the outcome the same, to the bit. The months draw their inputs from
    /// lists that include the cases the shortcut must leave to the general month (a draw,
    /// an interest not finite, a balance owed that is NaN), so that runs of repaid months
    /// start and stop anywhere; the last month's by the shortcut or, where the model's
    /// months are longer than the path's, not.
    #[test]
    fn accelerated_months_with_the_shortcut_are_each_month_to_the_bit() {
        let mut candidates = 0;
        for seed in 0..2_000_u64 {
            let mut pick = Pick(seed);
            let terms = Terms {
                foreclose_after: pick.of(&[None, None, Some(4), Some(9)]),
                ..Terms::three_months()
            };
            let base: Vec<BoxMonth> = (0..10)
                .map(|_| {
                    let (interest, owed) = pick.of(&[
                        (0.0, 0.0),
                        (10.0, 1_000.0),
                        (-0.0, 1_000.0),
                        (10.0, 1_000.0),
                        (f64::INFINITY, 1_000.0),
                        (1.0, f64::NAN),
                    ]);
                    let paid = pick.of(&[interest, 0.0]);
                    let loan = LoanMonth {
                        draw: pick.of(&[0.0, 0.0, 0.0, 0.0, 0.0, -0.0, 50.0]),
                        upfront_fee: pick.of(&[0.0, -0.0, 4.0]),
                        commitment_fee: pick.of(&[0.0, 3.0, 200.0]),
                        interest,
                        interest_paid: paid,
                        owed,
                        ..LoanMonth::default()
                    };
                    let sale = pick.of(&[0.0, 0.0, 20.0, 1_000.0]);
                    BoxMonth {
                        capex: pick.of(&[0.0, 7.0]),
                        sale,
                        collateral: 3.0 * sale + 10.0,
                        loan,
                        ..BoxMonth::default()
                    }
                })
                .collect();
            let (path, shifts): (Vec<PathMonth>, Vec<f64>) = (0..10)
                .map(|_| {
                    let p = PathMonth {
                        cfads: pick.of(&[-500.0, -0.0, 0.0, 120.5, 40.0, 40.0]),
                        shock: pick.of(&[0.75, 1.0, 1.25]),
                    };
                    (p, pick.of(&[0.0, 0.0, -0.0, 0.025, -0.12, 1e200, f64::NAN]))
                })
                .unzip();
            let (z, shifts) = (Ziggurat::new(), SofrShifts::given(&shifts));
            let balance = pick.of(&[30.0, 0.0, -0.0]);
            let dsra = pick.of(&[0.0, 0.0, 5.0]);
            // Fixed or floating; SOFR floors or not; accruing balances beyond the bound
            // where the shortcut cannot tell the sum finite.
            let quoted: Vec<f64> = (0..10).map(|_| pick.of(&[0.04, 0.05, 0.0])).collect();
            let owed_accrual: Vec<f64> = (0..10)
                .map(|_| pick.of(&[100.0, 100.0, 0.0, 1e150]))
                .collect();
            let sofr_floor = pick.of(&[None, Some(0.045)]);
            let rates = Rates::new(
                (
                    pick.of(&[true, true, false]),
                    Rates::bounded(&quoted, &owed_accrual, sofr_floor),
                ),
                (pick.of(&[None, Some(0.01)]), sofr_floor),
                (&quoted, &owed_accrual),
                Some((&z, &shifts)),
            );
            // The deterministic months' parts, at times of a model one month longer than the
            // path (a draw in that month): the last month is then the general month's.
            let longer: Vec<BoxMonth> = base
                .iter()
                .copied()
                .chain([BoxMonth {
                    loan: LoanMonth {
                        draw: 50.0,
                        ..LoanMonth::default()
                    },
                    ..BoxMonth::default()
                }])
                .collect();
            let repaid = RepaidBase::new(if pick.of(&[true, true, false]) {
                &base
            } else {
                &longer
            });
            let outcome = |shortcut: bool, candidates: &mut usize| {
                let mut buffers = Buffers::default();
                let state = State {
                    balance,
                    dsra,
                    ..State::default()
                };
                let mut run = Running::accelerated(
                    (&terms, rates),
                    ((&base, &path), &repaid),
                    9,
                    (state, None),
                    &mut buffers,
                );
                let (mut lender, mut equity) = ([0.25; 10], [-0.5; 10]);
                if shortcut {
                    accelerated_months(&mut run, 1, &mut lender, &mut equity);
                } else {
                    for i in 1..10 {
                        if run.state.foreclosed {
                            break;
                        }
                        // A month the shortcut takes: the loan repaid, no reserves, before
                        // the foreclosure's (the default is month 0's), no draw, the
                        // balance owed not NaN, the interest with its extra surely finite.
                        let loan = &base[i].loan;
                        *candidates += usize::from(
                            terms.foreclose_after.is_none_or(|k| i < k)
                                && run.repaid()
                                && loan.draw == 0.0
                                && !loan.owed.is_nan()
                                && rates.finite_with_extra(loan.interest, i),
                        );
                        let (l, e) = (&mut lender[i], &mut equity[i]);
                        run.month::<true>(i, (&base[i], &path[i]), (l, e));
                    }
                }
                let state = &run.state;
                (
                    lender.map(f64::to_bits),
                    equity.map(f64::to_bits),
                    [state.balance, state.dsra, state.trapped].map(f64::to_bits),
                    state.foreclosed,
                    // The outcome's Debug text: NaN equal to NaN, −0 apart from +0.
                    format!("{:?}", run.out),
                )
            };
            let general = outcome(false, &mut candidates);
            assert_eq!(general, outcome(true, &mut 0), "seed {seed}");
        }
        // Hundreds of the 18,000 months were ones the shortcut takes (611 with these
        // seeds, 9 of them the last): the loan repaid, no reserves, before the
        // foreclosure's, no draw, the interest with its extra surely finite.
        assert!(candidates > 400, "{candidates}");
    }

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
        }; 3];
        let (z, shifts) = (Ziggurat::new(), SofrShifts::given(&[0.5; 3]));
        let by_hand = [first, BoxMonth::default(), BoxMonth::default()];
        // Floating: an extra of 1 × 0.5 in the first month (none past SOFR's months).
        let rates = Rates::new(
            (true, true),
            (None, None),
            (&[0.04], &[1.0]),
            Some((&z, &shifts)),
        );
        let flows = |base: &[BoxMonth]| {
            let (mut lender, mut equity) = ([0.0; 4], [0.0; 4]);
            let credit = run(
                &terms,
                ((base, &RepaidBase::new(base)), &path, rates),
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
