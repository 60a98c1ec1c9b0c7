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

/// `x` within [0, 1].
#[inline(always)]
#[allow(clippy::manual_clamp)] // f64::clamp is the library calls this module avoids
pub(crate) fn unit(x: f64) -> f64 {
    if x < 0.0 {
        0.0
    } else if x > 1.0 {
        1.0
    } else {
        x
    }
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
}
