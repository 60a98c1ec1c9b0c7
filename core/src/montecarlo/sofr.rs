//! A path's SOFR shifts, drawn only as far as they are read.
//!
//! ```text
//! shift₀ = 0,   shiftₙ = keep · shiftₙ₋₁ + σ · zₙ   (month index n − 1 holds shiftₙ)
//! ```
//!
//! SOFR is a stream of its own (`Stream::Sofr`), so drawing its months one by one as a
//! reader reaches them gives the same numbers as drawing them all at once. A floating loan
//! reads its shift only in the months its waterfall composes (to its repayment or
//! foreclosure, often a fraction of the horizon), so most months are never drawn.

use core::cell::RefCell;

use super::normal::Ziggurat;
use super::rng::Rng;

/// A bound on |z| for every ziggurat draw: a rectangle's draw is within its layer's
/// width (at most x₀ ≈ 3.9), and a tail's is `r + t` with `t = −ln(u)/r`, `u` an open
/// uniform above 0, so `−ln(u) ≤ 745` (ln of the least positive `f64`) and
/// `|z| ≤ 3.66 + 745/3.65 < 208 < 10³`.
const Z_MAX: f64 = 1e3;

/// How many months past those drawn a draw goes on to at least (fewer at the horizon): 32
/// months a call, most paths' months to the end of their loan in one or two calls (on the
/// bench's workload, 24 to 35 months; 7 drew them in four or five, with 104 k more
/// mispredictions of 1.5 M, for 0.4 M fewer instructions).
const CHUNK: usize = 31;

/// The shifts drawn so far for the path, and what draws the rest (the buffer reused from
/// path to path).
#[derive(Debug, Clone, Default)]
pub(crate) struct SofrShifts(RefCell<Drawn>);

/// [`SofrShifts`]'s state.
#[derive(Debug, Clone, Default)]
struct Drawn {
    /// Month index `i`'s shift at `shifts[i]`, as far as drawn.
    shifts: Vec<f64>,
    /// What draws the months past `shifts`; `None`: every one is 0 (SOFR not drawn).
    process: Option<Process>,
    /// The months drawn at most (every shift past them is 0).
    months: usize,
}

/// SOFR's process on a path, as far as drawn: the stream's generator at the next month, the
/// last shift, and the step's `keep` and `σ`.
///
/// `keep` and `σ` apart in memory (`repr(C)`, the shift between them): side by side, LLVM
/// loaded them as one vector and computed the step's `keep · s` and `σ · z` as one vector
/// product, two shuffles and a copy around it (5 instructions a month for 3).
#[derive(Debug, Clone)]
#[repr(C)]
struct Process {
    rng: Rng,
    keep: f64,
    shift: f64,
    sigma: f64,
}

impl SofrShifts {
    /// Starts a path: none of its `months` drawn; `process`, SOFR's stream generator and
    /// `(keep, σ)`, or `None` for shifts that are all 0.
    pub(crate) fn start(&mut self, process: Option<(Rng, f64, f64)>, months: usize) {
        let d = self.0.get_mut();
        d.shifts.clear();
        d.process = process.map(|(rng, keep, sigma)| Process {
            rng,
            keep,
            shift: 0.0,
            sigma,
        });
        d.months = months;
    }

    /// Shifts given whole (`months` of them; none drawn): for tests of their readers.
    #[cfg(test)]
    pub(crate) fn given(shifts: &[f64]) -> Self {
        Self(RefCell::new(Drawn {
            shifts: shifts.to_vec(),
            process: None,
            months: shifts.len(),
        }))
    }

    /// Month index `i`'s shift, its months up to `i` drawn first if not yet: 0 past the
    /// months or where SOFR is not drawn.
    #[inline]
    pub(crate) fn at(&self, z: &Ziggurat, i: usize) -> f64 {
        // No borrow outlives a call of this type's methods, so the borrow never fails; NaN
        // (never returned) would mark a month as not computed.
        let Ok(mut d) = self.0.try_borrow_mut() else {
            return f64::NAN;
        };
        match d.shifts.get(i) {
            Some(shift) => *shift,
            None => d.draw_to(z, i),
        }
    }

    /// `f` of the shifts from month index `i` as far as drawn, month `i` drawn first if not
    /// yet (as [`SofrShifts::at`] draws it, so that a reader of the months in order draws
    /// what it would month by month): empty where month `i`'s shift is 0 by being past the
    /// months or not drawn, as is every later month's then.
    pub(crate) fn drawn_from<R>(&self, z: &Ziggurat, i: usize, f: impl FnOnce(&[f64]) -> R) -> R {
        // No borrow outlives a call of this type's methods, so the borrow never fails.
        let Ok(mut d) = self.0.try_borrow_mut() else {
            return f(&[]);
        };
        if d.shifts.len() <= i {
            d.draw_to(z, i);
        }
        f(d.shifts.get(i..).unwrap_or_default())
    }

    /// Draws every month (a replay reads them all).
    pub(crate) fn draw_all(&mut self, z: &Ziggurat) {
        let d = self.0.get_mut();
        if let Some(last) = d.months.checked_sub(1) {
            d.draw_to(z, last);
        }
    }

    /// Whether every shift of the path is within ±`bound` (NaN is not), told without
    /// drawing: shifts given are read; drawn ones satisfy |shiftₙ| ≤ |shiftₙ₋₁| + |σ|·
    /// [`Z_MAX`] where |keep| ≤ 1, so |shift| ≤ months · |σ| · `Z_MAX`, taken twice for
    /// the rounding of each step.
    pub(crate) fn within(&self, bound: f64) -> bool {
        let Ok(d) = self.0.try_borrow() else {
            return false;
        };
        let given = d.shifts.iter().all(|s| s.abs() <= bound);
        given
            && d.process
                .as_ref()
                .is_none_or(|&Process { keep, sigma, .. }| {
                    #[allow(clippy::cast_precision_loss)] // a month count, far below 2⁵³
                    let months = d.months as f64;
                    keep.abs() <= 1.0 && 2.0 * months * sigma.abs() * Z_MAX <= bound
                })
    }
}

impl Drawn {
    /// Draws the months up to index `i` (at most the months) and returns month `i`'s
    /// shift: 0 past the months or without a process.
    #[cold]
    #[inline(never)]
    fn draw_to(&mut self, z: &Ziggurat, i: usize) -> f64 {
        let Some(p) = self.process.as_mut() else {
            return 0.0;
        };
        // A few months past `i` at once (a reader goes on month by month): the call's cost
        // shared by them.
        let from = self.shifts.len();
        let to = i.max(from.saturating_add(CHUNK)).saturating_add(1);
        // The generator's state and the shift as locals, in registers through the loop.
        let (mut r, mut s, keep, sigma) = (p.rng.clone(), p.shift, p.keep, p.sigma);
        self.shifts.extend((from..to.min(self.months)).map(|_| {
            s = keep * s + sigma * z.sample(&mut r);
            s
        }));
        (p.rng, p.shift) = (r, s);
        self.shifts.get(i).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole draw, month by month from the stream (as `Params::draw` drew it).
    fn whole(seed: u64, keep: f64, sigma: f64, months: usize) -> Vec<f64> {
        let z = Ziggurat::new();
        let mut r = Rng::stream(seed, 7, 3);
        let mut shift = 0.0;
        (0..months)
            .map(|_| {
                shift = keep * shift + sigma * z.sample(&mut r);
                shift
            })
            .collect()
    }

    /// Shifts read in any order (forwards, backwards, jumps, past the end), after a reuse
    /// of the buffer, are the whole draw's, to the bit; and a draw of all of them is too.
    #[test]
    fn lazily_drawn_shifts_are_the_whole_draws() {
        let z = Ziggurat::new();
        let mut s = SofrShifts::default();
        for (seed, keep, sigma, months) in [(1, 0.97, 0.002, 144), (2, 0.5, 0.3, 30)] {
            let expected = whole(seed, keep, sigma, months);
            for order in [
                vec![0, 1, 2, 3, 50, 20, 143, 5, 200],
                vec![143, 0, 7],
                vec![29, 28, 1],
                vec![13, 14, 13, 26, 12],
            ] {
                s.start(Some((Rng::stream(seed, 7, 3), keep, sigma)), months);
                for i in order {
                    let want = expected.get(i).copied().unwrap_or(0.0);
                    assert_eq!(s.at(&z, i).to_bits(), want.to_bits(), "{seed} {i}");
                }
            }
            s.start(Some((Rng::stream(seed, 7, 3), keep, sigma)), months);
            s.draw_all(&z);
            let all: Vec<f64> = (0..months).map(|i| s.at(&z, i)).collect();
            assert_eq!(all, expected);
        }
        // Not drawn: 0 everywhere, even after a drawn path.
        s.start(None, 144);
        assert!((0..150).all(|i| s.at(&z, i).to_bits() == 0));
    }

    /// `within` is true only where every shift is within the bound: checked on drawn paths
    /// against their largest shift, and on processes the proof does not cover.
    #[test]
    fn within_is_never_claimed_wrongly() {
        let z = Ziggurat::new();
        let mut s = SofrShifts::default();
        for (keep, sigma) in [
            (0.97, 0.002),
            (1.0, 1e90),
            (1.0, 1e97),
            (1.5, 0.1),
            (0.9, f64::NAN),
        ] {
            s.start(Some((Rng::stream(4, 1, 3), keep, sigma)), 144);
            let claimed = s.within(1e100);
            s.draw_all(&z);
            let largest = (0..144).map(|i| s.at(&z, i).abs()).fold(0.0, f64::max);
            assert!(!claimed || largest <= 1e100, "{keep} {sigma}");
            assert_eq!(claimed, keep <= 1.0 && sigma < 1e96, "{keep} {sigma}");
        }
        assert!(SofrShifts::given(&[0.0, -3.0]).within(1e100));
        assert!(!SofrShifts::given(&[0.0, 1e200]).within(1e100));
        assert!(!SofrShifts::given(&[f64::NAN]).within(1e100));
    }
}
