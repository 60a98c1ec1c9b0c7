//! A floating loan's extra interest on a path: SOFR moved by the path's draws.

use super::super::float::greater;
use super::super::normal::Ziggurat;
use super::super::sofr::SofrShifts;

/// The bound within which [`Rates::finite_with_extra`] knows a month's interest plus its
/// extra interest to be finite without computing it: with SOFR as quoted, the floors, the
/// accruing balance, the shift and the interest each within ±10¹⁰⁰, the extra interest is
/// within ±3·10²⁰⁰ and the sum within ±(10¹⁰⁰ + 3·10²⁰⁰), far inside `f64`'s range.
const BOUND: f64 = 1e100;

/// The largest |interest| for which [`Rates::finite_with_extra`] may say `true`: at a
/// fixed rate (`f64::MAX`: the interest finite), and floating with every input within
/// [`BOUND`].
pub(super) const INTEREST_LIMITS: [f64; 2] = [f64::MAX, BOUND];

/// What a month's extra interest reads: the loan's rates and the path's SOFR shifts.
///
/// ```text
/// extra = owed × accrual × (SOFR_path − SOFR_quoted)   (each at max(SOFR, floors))
/// SOFR_path = max(quoted + shift, the process's floor)
/// ```
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rates<'a> {
    /// Whether the rate floats on SOFR (else no extra interest).
    floating: bool,
    /// The SOFR process's floor on a path's SOFR.
    floor: Option<f64>,
    /// The loan's SOFR floor: SOFR below it accrues at it, on the path and as scheduled.
    sofr_floor: Option<f64>,
    /// SOFR as quoted, and the balance interest accrues on × the month's year fraction, by
    /// month index (0 past their ends).
    quoted: &'a [f64],
    owed_accrual: &'a [f64],
    /// The path's SOFR shifts (drawn as far as read), with the ziggurat that draws them;
    /// `None`: every shift is 0.
    shifts: Option<(&'a Ziggurat, &'a SofrShifts)>,
    /// The largest |interest| for which [`Rates::finite_with_extra`] says `true`, and
    /// whether it says so without reading the month's shift (every shift of the path
    /// within ±[`BOUND`], or none read: a fixed rate), else only where the shift is.
    limits: (f64, bool),
}

/// The extra interest of a run of a path's months, computed together
/// ([`Rates::extra_in`]); the buffer reused from path to path.
#[derive(Debug)]
pub(super) struct ExtraRun<'b> {
    /// Month index `from + k`'s extra interest at `values[k]`.
    values: &'b mut Vec<f64>,
    from: usize,
}

impl<'b> ExtraRun<'b> {
    /// A run of no months in `values` (its contents dropped).
    pub(super) fn new(values: &'b mut Vec<f64>) -> Self {
        values.clear();
        Self { values, from: 0 }
    }
}

impl<'a> Rates<'a> {
    /// The rates of a loan, floating or not, under a SOFR process's `floor`; `bounded`:
    /// whether `quoted`, `owed_accrual` and `sofr_floor` are each within ±[`BOUND`]
    /// ([`Rates::bounded`], computed once for a loan); `shifts`, the path's SOFR shifts
    /// (`None`: all 0).
    pub(crate) fn new(
        (floating, bounded): (bool, bool),
        (floor, sofr_floor): (Option<f64>, Option<f64>),
        (quoted, owed_accrual): (&'a [f64], &'a [f64]),
        shifts: Option<(&'a Ziggurat, &'a SofrShifts)>,
    ) -> Self {
        let limits = if !floating {
            // |I| ≤ MAX exactly when I is finite; the shift is not read (the extra is 0).
            (f64::MAX, true)
        } else if bounded && floor.is_none_or(|fl| fl.abs() <= BOUND) {
            (BOUND, shifts.is_none_or(|(_, s)| s.within(BOUND)))
        } else {
            // Never claimed: |x| ≤ −1 is false.
            (-1.0, false)
        };
        Self {
            floating,
            floor,
            sofr_floor,
            quoted,
            owed_accrual,
            shifts,
            limits,
        }
    }

    /// A loan at a fixed rate: no extra interest.
    #[cfg(test)]
    pub(crate) fn fixed() -> Rates<'static> {
        Rates::new((false, true), (None, None), (&[], &[]), None)
    }

    /// Which of [`INTEREST_LIMITS`] bounds the interest for which
    /// [`Rates::finite_with_extra`] may say `true` (`None`: it never does).
    #[inline]
    pub(super) fn interest_limit(&self) -> Option<usize> {
        INTEREST_LIMITS.iter().position(|&l| l == self.limits.0)
    }

    /// Whether [`Rates::finite_with_extra`] reads no month's shift: every shift of the path
    /// known within ±[`BOUND`], or a fixed rate.
    #[inline]
    pub(super) fn shifts_known(&self) -> bool {
        self.limits.1
    }

    /// Month index `i`'s SOFR shift on the path (drawn up to it if not yet).
    #[inline]
    fn shift(&self, i: usize) -> f64 {
        self.shifts.map_or(0.0, |(z, s)| s.at(z, i))
    }

    /// Whether SOFR as quoted, the accruing balances and the loan's SOFR floor are each
    /// within ±10¹⁰⁰ (NaN is not).
    pub(crate) fn bounded(quoted: &[f64], owed_accrual: &[f64], sofr_floor: Option<f64>) -> bool {
        let within = |x: &f64| x.abs() <= BOUND;
        quoted
            .iter()
            .chain(owed_accrual)
            .chain(&sofr_floor)
            .all(within)
    }

    /// Month index `i`'s extra interest at the path's SOFR shift: 0 at a fixed rate (the
    /// shift not read).
    #[inline]
    pub(crate) fn extra(&self, i: usize) -> f64 {
        if !self.floating {
            return 0.0;
        }
        self.extra_of_month(i, self.shift(i))
    }

    /// A floating loan's extra interest in a month with SOFR `quoted`, the accruing
    /// balance × the year fraction `owed_accrual` and the path's SOFR `shift`.
    #[inline(always)]
    fn extra_of(&self, quoted: f64, owed_accrual: f64, shift: f64) -> f64 {
        extra_under((self.floor, self.sofr_floor), quoted, owed_accrual, shift)
    }

    /// Month index `i`'s extra interest ([`Rates::extra`], the same bits), read from `run`,
    /// the extra interest of a run of months computed together, where it holds the month;
    /// else a new run from month `i` ([`Rates::start_run`]). `months`: the path's months.
    ///
    /// [`Rates::extra`] reads the month's shift through the shifts' cell and tests the
    /// floors each month (some 39 instructions a month of the waterfall); a run reads the
    /// shifts once and each month is then a load.
    #[inline(always)]
    pub(super) fn extra_in(&self, run: &mut ExtraRun<'_>, i: usize, months: usize) -> f64 {
        if !self.floating {
            return 0.0;
        }
        match run.values.get(i.wrapping_sub(run.from)) {
            Some(&extra) => extra,
            None => self.start_run(run, i, months),
        }
    }

    /// Starts `run` at month index `i` (`months`: the path's months) and returns its
    /// first month's extra interest: the months from `i` whose shifts are drawn (month
    /// `i`'s drawn first if not yet, as [`Rates::extra`] draws it: the months read in order,
    /// each month's shift is drawn when it would be month by month, and none that would
    /// not be), or every month to `months` where the shifts from `i` are all 0. Each month
    /// by [`Rates::extra_of`] on the inputs [`Rates::extra`] gives it. Out of line: a call
    /// or two a path.
    #[inline(never)]
    fn start_run(&self, run: &mut ExtraRun<'_>, i: usize, months: usize) -> f64 {
        run.from = i;
        run.values.clear();
        // Month `i` at least.
        let n = months.saturating_sub(i).max(1);
        let values = &mut *run.values;
        let mut fill = |shifts: &[f64]| {
            let drawn = shifts.get(..n).unwrap_or(shifts);
            if drawn.is_empty() {
                // Every shift from month `i` 0.
                values.extend((i..i + n).map(|j| self.extra_of_month(j, 0.0)));
            } else {
                self.extend_run(values, i, drawn);
            }
        };
        match self.shifts {
            Some((z, s)) => s.drawn_from(z, i, fill),
            None => fill(&[]),
        }
        run.values.first().copied().unwrap_or(0.0)
    }

    /// Appends to `values` the extra interest of the months from index `i`, one a shift of
    /// `shifts`: where SOFR as quoted and the accruing balances reach as far (always but on
    /// a path longer than the model), a loop on the three slices without a test a month
    /// (which LLVM runs two months at a time in SSE2, each month's operations as they are).
    #[inline(always)]
    fn extend_run(&self, values: &mut Vec<f64>, i: usize, shifts: &[f64]) {
        let end = i + shifts.len();
        match (self.quoted.get(i..end), self.owed_accrual.get(i..end)) {
            (Some(quoted), Some(owed_accrual)) => {
                let inputs = (quoted, owed_accrual, shifts);
                // One loop for each of the floors' cases, each without the others' selects.
                match (self.floor, self.sofr_floor) {
                    (None, None) => extend_under(values, (None, None), inputs),
                    (Some(fl), None) => extend_under(values, (Some(fl), None), inputs),
                    (None, Some(sfl)) => extend_under(values, (None, Some(sfl)), inputs),
                    (Some(fl), Some(sfl)) => extend_under(values, (Some(fl), Some(sfl)), inputs),
                }
            }
            _ => values.extend(
                shifts
                    .iter()
                    .enumerate()
                    .map(|(k, &shift)| self.extra_of_month(i + k, shift)),
            ),
        }
    }

    /// Month index `j`'s extra interest at the SOFR shift `shift`, its SOFR as quoted and
    /// accruing balance read as [`Rates::extra`] reads them (0 past their ends).
    #[inline(always)]
    fn extra_of_month(&self, j: usize, shift: f64) -> f64 {
        let quoted = self.quoted.get(j).copied().unwrap_or(0.0);
        let owed_accrual = self.owed_accrual.get(j).copied().unwrap_or(0.0);
        self.extra_of(quoted, owed_accrual, shift)
    }

    /// `true` only if `interest + extra` is finite, the extra interest month index `i`'s,
    /// told by comparisons with limits set once: at a fixed rate, when `interest` is
    /// finite (`I + 0`); floating, when every input of the sum is within ±[`BOUND`] (see
    /// there), without computing it, the month's shift read only where the path's shifts
    /// are not all known to be (so a loan repaid early draws none of its later months).
    /// `false` says nothing: the caller computes the month in general.
    #[inline(always)]
    pub(crate) fn finite_with_extra(&self, interest: f64, i: usize) -> bool {
        interest.abs() <= self.limits.0 && (self.limits.1 || self.shift_within(i))
    }

    /// Whether month index `i`'s shift is within ±[`BOUND`] (read, drawn up to it if not
    /// yet): out of line, for the paths whose shifts are not all known to be.
    #[cold]
    #[inline(never)]
    pub(super) fn shift_within(&self, i: usize) -> bool {
        self.shift(i).abs() <= BOUND
    }
}

/// The extra interest of a month with SOFR `quoted`, the accruing balance × the year
/// fraction `owed_accrual` and the path's SOFR `shift`, under `floor`, the SOFR process's
/// floor on a path's SOFR, and `sofr_floor`, the loan's SOFR floor:
/// `owed_accrual × (SOFR_path − SOFR_quoted)`, each at max(SOFR, the floors).
#[inline(always)]
fn extra_under(
    (floor, sofr_floor): (Option<f64>, Option<f64>),
    quoted: f64,
    owed_accrual: f64,
    shift: f64,
) -> f64 {
    let shifted = quoted + shift;
    let realized = floor.map_or(shifted, |fl| greater(shifted, fl));
    // The loan accrues on max(SOFR, its floor), on the path and as scheduled.
    let realized = sofr_floor.map_or(realized, |fl| greater(realized, fl));
    let base = sofr_floor.map_or(quoted, |fl| greater(quoted, fl));
    owed_accrual * (realized - base)
}

/// Appends to `values` the extra interest ([`extra_under`] the `floors`) of the months of
/// `inputs` (SOFR as quoted, the accruing balances and the shifts, as long).
#[inline(always)]
fn extend_under(
    values: &mut Vec<f64>,
    floors: (Option<f64>, Option<f64>),
    (quoted, owed_accrual, shifts): (&[f64], &[f64], &[f64]),
) {
    values.extend(
        quoted
            .iter()
            .zip(owed_accrual)
            .zip(shifts)
            .map(|((&q, &a), &shift)| extra_under(floors, q, a, shift)),
    );
}

#[cfg(test)]
mod tests {
    use super::super::super::rng::Rng;
    use super::*;

    /// Each month's extra interest read from runs ([`Rates::extra_in`]) is
    /// [`Rates::extra`]'s, to the bit, and the shifts are drawn as month by month (the same
    /// state after the reads): months read in order with jumps (a repaid run skipped), on
    /// drawn paths (a NaN σ, a σ that overflows), shifts given and none, every case of the
    /// floors (±0, NaN), SOFR as quoted and accruing balances with edge values, and as long
    /// as the path or shorter.
    #[test]
    fn extra_interest_by_runs_is_month_by_month_to_the_bit() {
        let z = Ziggurat::new();
        let edges = [
            0.04,
            -0.0,
            0.0,
            0.051,
            f64::NAN,
            f64::INFINITY,
            -0.02,
            5e-324,
            1e300,
        ];
        let quoted: Vec<f64> = (0..60).map(|k| edges[k % 9] * 0.5 + 0.03).collect();
        let balances = core::iter::successors(Some(1e6), |b| Some(b + 10.0));
        let owed_accrual: Vec<f64> = (0..60)
            .zip(balances)
            .map(|(k, b)| if k % 7 == 3 { edges[k % 9] } else { b })
            .collect();
        let floors = [None, Some(0.0), Some(-0.0), Some(0.045), Some(f64::NAN)];
        let reads: [&[usize]; 4] = [
            &(0..60).collect::<Vec<_>>(),
            &[0, 1, 2, 3, 40, 41, 42, 59],
            &[5, 6, 33, 34, 35, 36, 37, 38],
            &[31, 32, 63, 64, 70],
        ];
        let processes = [
            Some((0.97, 0.004)),
            Some((1.0, 0.3)),
            Some((0.9, f64::NAN)),
            Some((1.0, 1e306)),
            None,
        ];
        let mut compared = 0;
        for (len, months) in [(60, 60), (30, 60), (60, 72)] {
            let (q, a) = (&quoted[..len], &owed_accrual[..len]);
            for process in processes {
                for (floor, sofr_floor) in floors.iter().flat_map(|&f| floors.map(|s| (f, s))) {
                    for read in reads {
                        let start = |s: &mut SofrShifts| match process {
                            Some((keep, sigma)) => {
                                s.start(Some((Rng::stream(9, 2, 3), keep, sigma)), months)
                            }
                            None => *s = SofrShifts::given(&edges),
                        };
                        let (mut by_month, mut by_runs) =
                            (SofrShifts::default(), SofrShifts::default());
                        start(&mut by_month);
                        start(&mut by_runs);
                        let rates = |s| {
                            let bounded = Rates::bounded(q, a, sofr_floor);
                            let r = ((floor, sofr_floor), (q, a), Some((&z, s)));
                            Rates::new((true, bounded), r.0, r.1, r.2)
                        };
                        let (one, runs) = (rates(&by_month), rates(&by_runs));
                        let mut values = vec![7.5];
                        let mut run = ExtraRun::new(&mut values);
                        for &i in read.iter().filter(|&&i| i < months) {
                            let (want, got) = (one.extra(i), runs.extra_in(&mut run, i, months));
                            assert_eq!(want.to_bits(), got.to_bits(), "{i} {process:?}");
                            compared += 1;
                        }
                        assert_eq!(format!("{by_month:?}"), format!("{by_runs:?}"));
                    }
                }
            }
        }
        assert!(compared > 10_000, "{compared}");
        // At a fixed rate, 0 and nothing read.
        let mut values = Vec::new();
        let mut run = ExtraRun::new(&mut values);
        assert_eq!(Rates::fixed().extra_in(&mut run, 3, 10).to_bits(), 0);
        assert!(run.values.is_empty());
    }

    /// Where `finite_with_extra` says `true`, `interest + extra` is finite: on every
    /// combination of values at and beyond the bound (both signs, infinities, NaN), floors or
    /// not.
    #[test]
    fn a_finite_sum_is_never_claimed_wrongly() {
        let values = [
            0.0,
            -0.0,
            0.04,
            -3.5,
            1e100,
            -1e100,
            1.0000001e100,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let mut claimed = 0;
        for quoted in values {
            for owed_accrual in values {
                for sofr_floor in [None, Some(0.0), Some(-1e100), Some(f64::NAN)] {
                    for floor in [None, Some(0.01), Some(1e100), Some(f64::INFINITY)] {
                        let (q, oa) = ([quoted], [owed_accrual]);
                        let bounded = Rates::bounded(&q, &oa, sofr_floor);
                        for shift in values {
                            let shifts = SofrShifts::given(&[shift]);
                            let z = Ziggurat::new();
                            let rates = Rates::new(
                                (true, bounded),
                                (floor, sofr_floor),
                                (&q, &oa),
                                Some((&z, &shifts)),
                            );
                            for interest in values {
                                if rates.finite_with_extra(interest, 0) {
                                    claimed += 1;
                                    let sum = interest + rates.extra(0);
                                    assert!(sum.is_finite(), "{quoted} {owed_accrual} {shift}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(claimed > 10_000, "{claimed}");
        // Fixed: exactly the interest's finiteness (at any shift).
        let z = Ziggurat::new();
        for interest in values {
            for shift in [0.0, -0.0, 1e300, f64::INFINITY, f64::NAN] {
                let shifts = SofrShifts::given(&[shift]);
                let fixed =
                    Rates::new((false, true), (None, None), (&[], &[]), Some((&z, &shifts)));
                assert_eq!(fixed.finite_with_extra(interest, 0), interest.is_finite());
            }
            assert_eq!(
                Rates::fixed().finite_with_extra(interest, 0),
                interest.is_finite()
            );
        }
    }
}
