//! `max`, `min` and `clamp` for the path loop as plain comparisons: `f64::max` and friends
//! handle NaN by IEEE's rules, which WebAssembly runs as a library call (`fmax`) in every
//! month of every path. The paths hold no NaN; these give the same results as the library
//! functions for every other number, and the same bits on every target.

/// `max(x, 0)`.
#[inline(always)]
pub(crate) fn positive(x: f64) -> f64 {
    if x > 0.0 { x } else { 0.0 }
}

/// The greater of `a` and `b`.
#[inline(always)]
pub(crate) fn greater(a: f64, b: f64) -> f64 {
    if a > b { a } else { b }
}

/// The lesser of `a` and `b`.
#[inline(always)]
pub(crate) fn lesser(a: f64, b: f64) -> f64 {
    if a < b { a } else { b }
}

/// `f64::min(a, b)` as x86-64 computes it, to the bit, as two selects on every target:
/// `b` where `b < a` or `a` is NaN, else `a` (so `a` on a tie of −0 and +0). WebAssembly has
/// no instruction with `f64::min`'s NaN rule and calls the library's `fmin` (which gives `b`
/// on a tie), a call the waterfall made several times a month. Not [`lesser`], which gives
/// `b` on a tie and where `b` is NaN: each keeps the bits of the code it replaced.
#[inline(always)]
pub(crate) fn minimum(a: f64, b: f64) -> f64 {
    if a.is_nan() || b < a { b } else { a }
}

/// `x` within [0, 1].
#[inline(always)]
#[allow(clippy::manual_clamp)] // f64::clamp is the library calls this module avoids
pub(crate) fn unit(x: f64) -> f64 {
    // x < 0 → 0, else x > 1 → 1, else x (−0 and NaN as they are), as two selects in a row,
    // which compile to a max and a min where a chain of branches was mispredicted on a
    // random x (a contract's usage share, at its cap of 1 in about a fifth of months).
    let above = if x < 0.0 { 0.0 } else { x };
    if above > 1.0 { 1.0 } else { above }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_library_functions_for_numbers() {
        for (a, b) in [(1.5, -2.0), (-0.5, 0.25), (3.0, 3.0), (0.0, 1e-300)] {
            assert_eq!(greater(a, b), a.max(b));
            assert_eq!(lesser(a, b), a.min(b));
            assert_eq!(positive(a), a.max(0.0));
            assert_eq!(unit(a), a.clamp(0.0, 1.0));
        }
    }

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn minimum_is_the_native_min_to_the_bit() {
        // Every pair of edge values, against `f64::min` as this target computes it (minsd
        // with the NaN test: LLVM's lowering on x86-64, whose ties give the first operand).
        let edges = [
            -0.0,
            0.0,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1.0,
            -1.0,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN,
        ];
        for a in edges {
            for b in edges {
                let want = std::hint::black_box(a).min(std::hint::black_box(b));
                assert_eq!(minimum(a, b).to_bits(), want.to_bits(), "{a} {b}");
            }
        }
    }

    #[test]
    fn unit_is_the_chain_of_comparisons_to_the_bit() {
        // The form `unit` had, written out as the reference.
        #[allow(clippy::manual_clamp)]
        let chain = |x: f64| {
            if x < 0.0 {
                0.0
            } else if x > 1.0 {
                1.0
            } else {
                x
            }
        };
        let edges = [
            -0.0,
            0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1.0,
            1.0 + f64::EPSILON,
            1.0 - f64::EPSILON / 2.0,
            5e-324,
            -5e-324,
            0.5,
            -3.0,
            7.0,
        ];
        for x in edges {
            assert_eq!(unit(x).to_bits(), chain(x).to_bits(), "{x}");
        }
    }
}
