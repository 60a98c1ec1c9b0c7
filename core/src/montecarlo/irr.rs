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

use wide::f64x2;

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

/// Whether [`monthly_irrs`] runs its flows' Halley steps side by side: natively, where each
/// flow's six Horner chains are three two-lane vectors (SSE2 on x86-64: the Monte Carlo's
/// `annual_irrs` in half the instructions it took as scalars, docs/benchmarks.md) and the `3·N`
/// vectors stay in registers, and in WebAssembly built with SIMD (`simd128`, the Monte
/// Carlo's module: the vectors are `f64x2` there, and the bench's Monte Carlo takes 5 % less
/// CPU time in Node 20 than with the flows one by one, docs/size.md); not in WebAssembly
/// without SIMD, where the vectors are pairs of scalars and V8's register allocator spilled
/// the scalar chains: one by one there, the bench's Monte Carlo takes 7 % less time
/// (docs/benchmarks.md, "The wasm ratio"). Either way each rate has the same bits.
const LOCKSTEP: bool = !cfg!(target_arch = "wasm32") || cfg!(target_feature = "simd128");

/// [`monthly_irr`] of each of `N` flows of one length near its guess, the Halley steps of
/// all `N` run side by side (lockstep): one pass over the months evaluates every flow's
/// polynomial, so that the `N` flows' Horner chains overlap instead of waiting on each other.
/// Each flow's operations are [`monthly_irr`]'s, in the same order, so each result is its
/// result to the bit; flows of different lengths, and every flow in WebAssembly
/// ([`LOCKSTEP`]), are solved one by one.
pub(crate) fn monthly_irrs<const N: usize>(
    flows: [&[f64]; N],
    guesses: [f64; N],
) -> [Option<f64>; N] {
    let mut out = [None; N];
    let len = flows.first().map_or(0, |f| f.len());
    if !LOCKSTEP || flows.iter().any(|f| f.len() != len) {
        for ((slot, f), guess) in out.iter_mut().zip(flows).zip(guesses) {
            *slot = monthly_irr(f, guess);
        }
        return out;
    }
    let signed = flows.map(|f| f.iter().any(|x| *x > 0.0) && f.iter().any(|x| *x < 0.0));
    let solved = newtons(flows, guesses, signed);
    let lanes = flows
        .into_iter()
        .zip(guesses)
        .zip(signed.into_iter().zip(solved));
    for (slot, ((f, guess), lane)) in out.iter_mut().zip(lanes) {
        *slot = match lane {
            (false, _) => None,
            (true, Some(r)) => Some(r),
            (true, None) => bisection(f, guess),
        };
    }
    out
}

/// A lane of [`newtons`]: running, converged to a rate, or failed.
#[derive(Clone, Copy, PartialEq)]
enum Lane {
    Running,
    Found(f64),
    Failed,
}

/// [`newton`] on each of `N` flows of one length whose lane is `live`, in lockstep; a lane
/// that has stopped is still evaluated (at its last `v`, the result unused) so that the
/// others' chains stay side by side.
fn newtons<const N: usize>(
    flows: [&[f64]; N],
    guesses: [f64; N],
    live: [bool; N],
) -> [Option<f64>; N] {
    let mut v = guesses.map(|g| 1.0 / (1.0 + g));
    let mut lanes = live.map(|l| if l { Lane::Running } else { Lane::Failed });
    // The lanes' common +0 tail (the highest powers), left out where every `v²` is finite.
    let top = flows
        .iter()
        .map(|f| without_zero_tail(f))
        .max()
        .unwrap_or(0);
    let heads = flows.map(|f| f.get(..top).unwrap_or(f));
    for _ in 0..50 {
        if lanes.iter().all(|l| *l != Lane::Running) {
            break;
        }
        let d = if v.iter().all(|v| (v * v).is_finite()) {
            derivatives_lanes(heads, v)
        } else {
            derivatives_lanes(flows, v)
        };
        for ((lane, v), (p, dp, ddp)) in lanes.iter_mut().zip(v.iter_mut()).zip(d) {
            if *lane != Lane::Running {
                continue;
            }
            let denominator = 2.0 * dp * dp - p * ddp;
            if denominator == 0.0 || !denominator.is_finite() {
                *lane = Lane::Failed;
                continue;
            }
            let step = 2.0 * p * dp / denominator;
            let next = *v - step;
            if !(next > 0.0 && next.is_finite()) {
                *lane = Lane::Failed;
            } else if step.abs() <= 1e-6 * next {
                *lane = Lane::Found(1.0 / next - 1.0);
            } else {
                *v = next;
            }
        }
    }
    lanes.map(|l| match l {
        Lane::Found(r) => Some(r),
        Lane::Running | Lane::Failed => None,
    })
}

/// One flow's six Horner chains in [`derivatives`] as three two-lane vectors, the even
/// powers' chain beside the odd powers': `(E, O)`, `(E′, O′)`, `(E″, O″)`. A month pair
/// `(2k, 2k + 1)` is one load into the first, and each step is one vector multiplication
/// and addition where the scalar code has two of each; each lane's operations are the
/// scalar ones (IEEE products and sums of the same operands, in the same order), so each
/// chain has its bits.
#[derive(Clone, Copy)]
struct Chains {
    p: f64x2,
    dp: f64x2,
    ddp: f64x2,
}

impl Chains {
    /// One Horner step in `w = v²` (`w` in both lanes) with the month pair `(2k, 2k + 1)`,
    /// `pair` (+0 for both where it is not a pair): `(E″, O″) ← (E″, O″)·w + 2·(E′, O′)`,
    /// `(E′, O′) ← (E′, O′)·w + (E, O)`, `(E, O) ← (E, O)·w + pair`.
    #[inline(always)]
    fn step(&mut self, pair: &[f64], w: f64x2, two: f64x2) {
        let pair = match *pair {
            [even, odd] => f64x2::new([even, odd]),
            _ => f64x2::ZERO,
        };
        self.ddp = self.ddp * w + two * self.dp;
        self.dp = self.dp * w + self.p;
        self.p = self.p * w + pair;
    }
}

/// [`derivatives`] of `N` flows of one length at their own `v`, in one pass over the
/// months (each lane's operations [`derivatives`]', in its order).
#[inline(always)]
fn derivatives_lanes<const N: usize>(flows: [&[f64]; N], v: [f64; N]) -> [(f64, f64, f64); N] {
    let w = v.map(|v| v * v);
    let ws = w.map(f64x2::splat);
    let two = f64x2::splat(2.0);
    let len = flows.first().map_or(0, |f| f.len());
    let mut chains = flows.map(|f| Chains {
        // An odd count: the last flow has an even power and starts E's chain.
        p: f64x2::new([
            if len % 2 == 1 {
                f.last().copied().unwrap_or(0.0)
            } else {
                0.0
            },
            0.0,
        ]),
        dp: f64x2::ZERO,
        ddp: f64x2::ZERO,
    });
    // Each flow's pairs (2k, 2k + 1) from the top one down: one, two or three flows (the
    // Monte Carlo's cases) on one counter (the flows' pairs zipped, then reversed, share
    // one index); more, one check a flow and pair.
    match (flows.as_slice(), chains.as_mut_slice(), ws.as_slice()) {
        ([a], [ca], &[wa]) => {
            for pa in a.chunks_exact(2).rev() {
                ca.step(pa, wa, two);
            }
        }
        ([a, b], [ca, cb], &[wa, wb]) => {
            for (pa, pb) in a.chunks_exact(2).zip(b.chunks_exact(2)).rev() {
                ca.step(pa, wa, two);
                cb.step(pb, wb, two);
            }
        }
        ([a, b, c], [ca, cb, cc], &[wa, wb, wc]) => {
            let pairs = a.chunks_exact(2).zip(b.chunks_exact(2));
            for ((pa, pb), pc) in pairs.zip(c.chunks_exact(2)).rev() {
                ca.step(pa, wa, two);
                cb.step(pb, wb, two);
                cc.step(pc, wc, two);
            }
        }
        _ => {
            let mut pairs = flows.map(|f| f.chunks_exact(2).rev());
            for _ in 0..len / 2 {
                for (c, (pair, w)) in chains.iter_mut().zip(pairs.iter_mut().zip(ws)) {
                    c.step(pair.next().unwrap_or(&[]), w, two);
                }
            }
        }
    }
    let mut out = [(0.0, 0.0, 0.0); N];
    for (slot, (c, (v, w))) in out.iter_mut().zip(chains.iter().zip(v.into_iter().zip(w))) {
        let [e, o] = c.p.to_array();
        let [de, d_o] = c.dp.to_array();
        let [dde, ddo] = c.ddp.to_array();
        let p = e + v * o;
        let dp = 2.0 * v * de + o + 2.0 * w * d_o;
        let ddp = 2.0 * de + 4.0 * w * dde + 6.0 * v * d_o + 4.0 * w * v * ddo;
        *slot = (p, dp, ddp);
    }
    out
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

/// The length of `flows` without its last entries that are +0 (the bits of `0.0`): the
/// highest powers of `P`, whose +0 coefficients leave every Horner chain of
/// [`derivatives`] at +0 (+0 · w + 2 · (+0) and +0 · w + (+0) are +0 for a finite
/// `w = v²`), so that the chains over `flows[..n]` are the chains over `flows`, to the bit
/// (a chain's first coefficient, +0 · w + x, is x either way). With `w` infinite or NaN
/// (+0 · w is NaN) the whole flows are evaluated.
///
/// Scanned from the end eight entries at a time (their bits or-ed together, which the
/// compiler does two at a time), then one at a time in the last eight with a bit set: a
/// lender's flows that end in the horizon's first half have a long +0 tail.
pub(crate) fn without_zero_tail(flows: &[f64]) -> usize {
    let mut head = flows.len();
    for block in flows.rchunks_exact(8) {
        if block.iter().fold(0, |bits, x| bits | x.to_bits()) != 0 {
            break;
        }
        head -= block.len();
    }
    flows
        .get(..head)
        .unwrap_or(flows)
        .iter()
        .rposition(|x| x.to_bits() != 0)
        .map_or(0, |i| i + 1)
}

/// `flows` without its +0 tail ([`without_zero_tail`]) where `v²` is finite, else whole.
#[inline(always)]
fn evaluated(flows: &[f64], top: usize, v: f64) -> &[f64] {
    match flows.get(..top) {
        Some(head) if (v * v).is_finite() => head,
        _ => flows,
    }
}

/// Halley's method in `v` from `guess`; `None` if it leaves `v > 0` or does not settle in
/// 50 steps.
fn newton(flows: &[f64], guess: f64) -> Option<f64> {
    let mut v = 1.0 / (1.0 + guess);
    let top = without_zero_tail(flows);
    for _ in 0..50 {
        let (p, dp, ddp) = derivatives(evaluated(flows, top, v), v);
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
    fn lockstep_solves_give_each_flow_its_own_bits() {
        // Four flows of 145 months side by side: a level annuity (Halley in a few steps),
        // a slow ramp from a far guess (more steps), flows without a sign change (none),
        // and −1 now, 2 in month 144 from a guess of −99.9999 % a month, where v¹⁴⁴
        // overflows and Halley fails (bisection: 2^(1/144) − 1 = 0.4825 % a month).
        let mut annuity = vec![100.0; 145];
        annuity[0] = -10_000.0;
        let slow: Vec<f64> = (0..145)
            .map(|t| if t == 0 { -5e4 } else { f64::from(t) })
            .collect();
        let positive = vec![1.0; 145];
        let mut far = vec![0.0; 145];
        far[0] = -1.0;
        far[144] = 2.0;
        let guesses = [0.0, 0.3, 0.01, -0.999_999];
        assert_eq!(newton(&far, guesses[3]), None);
        let flows = [&annuity[..], &slow[..], &positive[..], &far[..]];
        let side_by_side = monthly_irrs(flows, guesses);
        for ((flows, guess), got) in flows.iter().zip(guesses).zip(side_by_side) {
            let alone = monthly_irr(flows, guess);
            assert_eq!(got.map(f64::to_bits), alone.map(f64::to_bits));
        }
        assert_eq!(side_by_side[2], None);
        let doubled = side_by_side[3].unwrap();
        assert!((doubled - 0.004_825_1).abs() < 1e-7, "{doubled}");
        // Flows of different lengths are solved one by one.
        let short = [-100.0, 150.0];
        let mixed = monthly_irrs([&annuity[..], &short[..]], [0.0, 0.0]);
        assert_eq!(
            mixed,
            [monthly_irr(&annuity, 0.0), monthly_irr(&short, 0.0)]
        );
    }

    /// `derivatives_lanes` of `flows` at `v`, each lane against `derivatives` of its flow
    /// alone: the same bits (NaN as NaN: a NaN's payload is never a rate, Halley fails on it).
    fn check_lanes<const N: usize>(flows: [&[f64]; N], v: [f64; N]) {
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
        let lanes = derivatives_lanes(flows, v);
        for ((flows, v), got) in flows.iter().zip(v).zip(lanes) {
            let (p, dp, ddp) = derivatives(flows, v);
            assert!(
                same(got.0, p) && same(got.1, dp) && same(got.2, ddp),
                "{flows:?} at {v}: {got:?} against {:?}",
                (p, dp, ddp)
            );
        }
    }

    #[test]
    fn the_vector_lanes_give_the_scalar_bits() {
        // Generated flows of every length to 41 and of 145 months, an edge value (±0, ±∞,
        // NaN, subnormals, ±10³⁰⁰, ±1) in one entry of eight, in lanes of one to four flows
        // (one to three on their own loops, four on the general one), each lane at its own v
        // (among them 0, a subnormal, 1, 10¹⁵⁰, +∞ and NaN): each lane's P, P′, P″ are those
        // of the scalar Horner chains of its flow alone, to the bit. The empty flows too.
        const EDGES: [f64; 11] = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            5e-324,
            -1e-310,
            1e300,
            -1e300,
            1.0,
            -1.0,
        ];
        const VS: [f64; 11] = [
            0.0,
            5e-324,
            1e-150,
            0.5,
            0.97,
            1.0,
            1.03,
            2.0,
            1e150,
            f64::INFINITY,
            f64::NAN,
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let mut flow = |len: usize| -> Vec<f64> {
            (0..len)
                .map(|_| {
                    let bits = next();
                    if bits % 8 == 0 {
                        EDGES[usize::try_from(bits / 8 % 11).unwrap()]
                    } else {
                        // A cash flow in (−5,000, 5,000) with a fraction.
                        f64::from(u32::try_from(bits % 10_000_000).unwrap()) / 1000.0 - 5000.0
                    }
                })
                .collect()
        };
        let mut pick = 0;
        let mut v = || {
            pick += 7;
            VS[pick % VS.len()]
        };
        for len in (0..=41).chain([145]) {
            for _ in 0..6 {
                let [a, b, c, d] = [flow(len), flow(len), flow(len), flow(len)];
                check_lanes([&a[..]], [v()]);
                check_lanes([&a[..], &b[..]], [v(), v()]);
                check_lanes([&a[..], &b[..], &c[..]], [v(), v(), v()]);
                check_lanes([&a[..], &b[..], &c[..], &d[..]], [v(), v(), v(), v()]);
                // Both lanes at one v, as the Monte Carlo's first step often has.
                let w = v();
                check_lanes([&a[..], &b[..]], [w, w]);
            }
        }
    }

    #[test]
    fn a_zero_tail_left_out_leaves_every_bit() {
        // Flows ending in +0 entries (odd and even lengths, an odd and an even last
        // non-zero month, a −0 within): P, P′ and P″ on the head are those on the whole
        // flows, bit for bit, at every finite v² (the v's of a rate from −99 % to 1,000 % a
        // month and beyond); an infinite v² evaluates the whole flows.
        for (head, tail) in [(7_i32, 0), (7, 1), (7, 4), (8, 3), (8, 6), (1, 5), (0, 3)] {
            let mut flows: Vec<f64> = (0..head)
                .map(|t| {
                    if t == 2 {
                        -0.0
                    } else {
                        f64::from(t % 5) - 2.25
                    }
                })
                .collect();
            flows.extend(std::iter::repeat_n(0.0, tail));
            let top = without_zero_tail(&flows);
            assert_eq!(top, usize::try_from(head).unwrap());
            for v in [1e-300, 0.0909, 0.5, 0.99, 1.0, 1.7, 100.0, 1e150] {
                let bits = |(p, dp, ddp): (f64, f64, f64)| [p, dp, ddp].map(f64::to_bits);
                let whole = bits(derivatives(&flows, v));
                assert_eq!(whole, bits(derivatives(evaluated(&flows, top, v), v)));
                let lanes = derivatives_lanes([&flows[..top]; 2], [v; 2]).map(bits);
                assert_eq!(lanes, [whole; 2], "{head} {tail} {v}");
            }
            assert_eq!(evaluated(&flows, top, 1e200).len(), flows.len());
        }
        // The lender's flows of a loan repaid early, alone: the rate of its first five
        // months.
        let mut lender = vec![-1000.0, 30.0, 30.0, 30.0, 1030.0];
        lender.extend([0.0; 140]);
        let alone = monthly_irrs([&lender[..]], [0.005])[0].unwrap();
        let whole = monthly_irr(&lender[..5], 0.005).unwrap();
        assert_eq!(alone.to_bits(), whole.to_bits());
        // 3 % a month: −1000 + 30/1.03 + 30/1.03² + 30/1.03³ + 1030/1.03⁴ = 0.
        assert!((alone - 0.03).abs() < 1e-12, "{alone}");
    }

    #[test]
    fn the_zero_tail_is_the_last_entry_with_a_bit_set() {
        // Every head and tail length to three blocks of eight, the last entry of the head
        // −0, 1 or a NaN (each has a bit set), a −0 within the head: the length up to and
        // including the last entry that is not +0, as the definition says.
        for head in 0..26 {
            for tail in 0..26 {
                for last in [-0.0, 1.0, f64::NAN] {
                    let mut flows: Vec<f64> = (0..head)
                        .map(|t| if t % 3 == 1 { -0.0 } else { 0.0 })
                        .collect();
                    if let Some(x) = flows.last_mut() {
                        *x = last;
                    }
                    flows.extend(std::iter::repeat_n(0.0, tail));
                    let by_definition = flows
                        .iter()
                        .rposition(|x| x.to_bits() != 0)
                        .map_or(0, |i| i + 1);
                    assert_eq!(without_zero_tail(&flows), by_definition, "{head} {tail}");
                    assert_eq!(by_definition, head);
                }
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
