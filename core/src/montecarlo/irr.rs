//! The internal rate of return of one path's monthly flows, in `f64` (basic operations
//! only, so the same on every target).
//!
//! ```text
//! P(v) = Σ flowₜ · vᵗ,  v = 1 / (1 + r)            (Horner's rule in v², with P′ and P″)
//! Halley in v from the deterministic path's rate:   v ← v − 2PP′ / (2P′² − PP″)
//!   (cubic convergence: a step below 10⁻⁶·v leaves an error near 10⁻¹⁸, and is the last)
//! otherwise bisection on r over the first bracket found on a grid around it
//! annual = (1 + r)¹² − 1                            (by squaring: r²·r⁴·r⁸ products)
//! ```

/// The flows' monthly IRR near `guess` (a monthly rate above −1), or `None` when the flows
/// never change sign or no root is found in (−99 %, 1,000 %) a month.
pub(crate) fn monthly_irr(flows: &[f64], guess: f64) -> Option<f64> {
    let positive = flows.iter().any(|f| *f > 0.0);
    let negative = flows.iter().any(|f| *f < 0.0);
    if !(positive && negative) {
        return None;
    }
    newton(flows, guess).or_else(|| bisection(flows, guess))
}

/// `(P(v), P′(v), P″(v))`, with the even and the odd powers in two interleaved Horner
/// chains in `w = v²` (twice the speed of one chain): `P = E(w) + v·O(w)`,
/// `P′ = 2v·E′ + O + 2v²·O′`, `P″ = 2E′ + 4v²·E″ + 6v·O′ + 4v³·O″`.
#[inline(always)]
fn derivatives(flows: &[f64], v: f64) -> (f64, f64, f64) {
    let w = v * v;
    let [mut e, mut de, mut dde, mut o, mut d_o, mut ddo] = [0.0; 6];
    let pairs = flows.len() / 2;
    if flows.len() % 2 == 1 {
        // An odd count: the last flow has an even power and starts E's chain.
        e = flows.last().copied().unwrap_or(0.0);
    }
    let mut k = pairs;
    while k > 0 {
        k -= 1;
        let even = flows.get(2 * k).copied().unwrap_or(0.0);
        let odd = flows.get(2 * k + 1).copied().unwrap_or(0.0);
        dde = dde * w + 2.0 * de;
        de = de * w + e;
        e = e * w + even;
        ddo = ddo * w + 2.0 * d_o;
        d_o = d_o * w + o;
        o = o * w + odd;
    }
    let p = e + v * o;
    let dp = 2.0 * v * de + o + 2.0 * w * d_o;
    let ddp = 2.0 * de + 4.0 * w * dde + 6.0 * v * d_o + 4.0 * w * v * ddo;
    (p, dp, ddp)
}

/// Halley's method in `v` from `guess`; `None` if it leaves `v > 0` or does not settle in
/// 50 steps.
fn newton(flows: &[f64], guess: f64) -> Option<f64> {
    let mut v = 1.0 / (1.0 + guess);
    for _ in 0..50 {
        let (p, dp, ddp) = derivatives(flows, v);
        let denominator = 2.0 * dp * dp - p * ddp;
        if denominator == 0.0 || !denominator.is_finite() {
            return None;
        }
        let step = 2.0 * p * dp / denominator;
        let next = v - step;
        if !(next > 0.0 && next.is_finite()) {
            return None;
        }
        if step.abs() <= 1e-6 * next {
            return Some(1.0 / next - 1.0);
        }
        v = next;
    }
    None
}

/// NPV at the monthly rate `r`.
fn npv(flows: &[f64], r: f64) -> f64 {
    derivatives(flows, 1.0 / (1.0 + r)).0
}

/// Bisection on the first sign change of the NPV on a grid of rates, searched outward from
/// `guess`.
fn bisection(flows: &[f64], guess: f64) -> Option<f64> {
    const GRID: [f64; 16] = [
        -0.99, -0.9, -0.5, -0.2, -0.1, -0.05, -0.02, 0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 2.0,
        10.0,
    ];
    let start = GRID
        .iter()
        .position(|r| *r >= guess)
        .unwrap_or(GRID.len() - 1);
    // Brackets `[GRID[i], GRID[i + 1]]` nearest `start` first, the lower one first at equal
    // distance.
    let outward = (0..GRID.len())
        .flat_map(|d| [start.checked_sub(d), start.checked_add(d).filter(|_| d > 0)]);
    let (mut lo, mut hi) = outward
        .flatten()
        .filter_map(|i| Some((*GRID.get(i)?, *GRID.get(i + 1)?)))
        .find(|&(lo, hi)| npv(flows, lo).signum() != npv(flows, hi).signum())?;
    let low_sign = npv(flows, lo).signum();
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if npv(flows, mid).signum() == low_sign {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}

/// `(1 + monthly)^12 − 1`.
pub(crate) fn annual(monthly: f64) -> f64 {
    let g = 1.0 + monthly;
    let g2 = g * g;
    let g4 = g2 * g2;
    let g8 = g4 * g4;
    g8 * g4 - 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_annuity_has_its_rate() {
        // Excel: =RATE(12, 100, -1000) = 2.9228 % a month.
        let mut flows = vec![-1000.0];
        flows.extend([100.0; 12]);
        let r = monthly_irr(&flows, 0.0).unwrap();
        assert!((r - 0.029_228_3).abs() < 1e-6, "{r}");
        assert!(npv(&flows, r).abs() < 1e-9);
        assert!((annual(r) - (1.0 + r).powi(12) + 1.0).abs() < 1e-15);
    }

    #[test]
    fn the_split_horner_rule_matches_the_plain_one() {
        for n in [1, 2, 3, 10, 145] {
            let flows: Vec<f64> = (0..n).map(|t| f64::from(t % 7) - 2.5).collect();
            let v: f64 = 0.97;
            let plain = |k: i32| -> f64 {
                flows
                    .iter()
                    .zip(0..)
                    .map(|(f, t)| {
                        let t = f64::from(t);
                        let coefficient = match k {
                            0 => 1.0,
                            1 => t,
                            _ => t * (t - 1.0),
                        };
                        // t < k: the coefficient is 0.
                        f * coefficient * v.powf(t - f64::from(k))
                    })
                    .sum()
            };
            let (p, dp, ddp) = derivatives(&flows, v);
            for (got, want) in [(p, plain(0)), (dp, plain(1)), (ddp, plain(2))] {
                assert!(
                    (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                    "n {n}: {got} against {want}"
                );
            }
        }
    }

    #[test]
    fn flows_without_a_sign_change_have_none() {
        assert_eq!(monthly_irr(&[-1.0, -2.0], 0.0), None);
        assert_eq!(monthly_irr(&[1.0, 2.0], 0.0), None);
    }

    #[test]
    fn a_far_guess_still_finds_the_root() {
        // −100 then 150 a month later: 50 % a month, from a guess of −90 %.
        let r = monthly_irr(&[-100.0, 150.0], -0.9).unwrap();
        assert!((r - 0.5).abs() < 1e-12, "{r}");
        // A loss: −100 then 40 a month later is −60 %.
        let r = monthly_irr(&[-100.0, 40.0], 0.5).unwrap();
        assert!((r + 0.6).abs() < 1e-12, "{r}");
    }
}
