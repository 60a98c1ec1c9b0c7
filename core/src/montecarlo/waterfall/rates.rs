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
        let shift = self.shift(i);
        let quoted = self.quoted.get(i).copied().unwrap_or(0.0);
        let owed_accrual = self.owed_accrual.get(i).copied().unwrap_or(0.0);
        let shifted = quoted + shift;
        let realized = self.floor.map_or(shifted, |fl| greater(shifted, fl));
        // The loan accrues on max(SOFR, its floor), on the path and as scheduled.
        let realized = self.sofr_floor.map_or(realized, |fl| greater(realized, fl));
        let base = self.sofr_floor.map_or(quoted, |fl| greater(quoted, fl));
        owed_accrual * (realized - base)
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

#[cfg(test)]
mod tests {
    use super::*;

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
