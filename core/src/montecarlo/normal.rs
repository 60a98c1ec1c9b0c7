//! Standard normal variates by the **ziggurat** method (Marsaglia and Tsang, "The Ziggurat
//! Method for Generating Random Variables", Journal of Statistical Software 5(8), 2000), with
//! 256 layers: `r = 3.6541528853610088`, each layer of area `v = 0.00492867323399` under
//! `f(x) = exp(−x²/2)`.
//!
//! ```text
//! tables    x₀ = v / f(r),  x₁ = r,  xᵢ₊₁ = f⁻¹(v / xᵢ + f(xᵢ)),  x₂₅₆ = 0;  fᵢ = f(xᵢ)
//! draw      64 bits: i = the low 8 bits, u = the upper 52 bits as a number in (−1, 1)
//!           x = u · xᵢ;  |x| < xᵢ₊₁ → x                       (about 99 % of draws)
//!           i = 0 → the tail beyond r: t = −ln(u₁)/r, s = −ln(u₂) until 2s ≥ t², ±(r + t)
//!           else  → x if fᵢ₊₁ + (fᵢ − fᵢ₊₁)·u₃ < f(x), otherwise draw again
//! ```
//!
//! **Portability**: the exponentials, logarithms and square roots come from the `libm`
//! crate (a pure-Rust port of musl's), the same code on every target, never the platform's
//! math library; everything else is `+ − × ÷`, which IEEE 754 rounds the same everywhere.
//! The same draws therefore give the same variates natively and in WebAssembly.

use super::rng::{Rng, centred};

/// The start of the tail.
const R: f64 = 3.654_152_885_361_009;
/// The area of each layer.
const V: f64 = 0.004_928_673_233_99;
/// Layers.
const LAYERS: usize = 256;

/// `exp(−x²/2)`.
fn pdf(x: f64) -> f64 {
    libm::exp(-0.5 * x * x)
}

/// The ziggurat's tables, built once (with `libm`, so the same on every target).
#[derive(Debug, Clone)]
pub(crate) struct Ziggurat {
    /// 2·x₀ … 2·x₂₅₅: each layer's width doubled, the factor of [`centred`]'s number
    /// (exact: a doubling).
    twice: [f64; LAYERS],
    /// x₁ … x₂₅₆: the width of the layer above each, its rectangle's bound.
    next: [f64; LAYERS],
    /// f(x₀) … f(x₂₅₆).
    f: [f64; LAYERS + 1],
}

/// x₀ … x₂₅₆.
fn widths() -> [f64; LAYERS + 1] {
    let mut x = [0.0; LAYERS + 1];
    let mut last = R;
    for (i, slot) in x.iter_mut().enumerate().take(LAYERS) {
        *slot = match i {
            0 => V / pdf(R),
            1 => R,
            _ => {
                last = (-2.0 * libm::log(V / last + pdf(last))).sqrt();
                last
            }
        };
    }
    x
}

impl Ziggurat {
    /// The tables.
    pub(crate) fn new() -> Self {
        let x = widths();
        let mut twice = [0.0; LAYERS];
        let mut next = [0.0; LAYERS];
        for ((t, n), w) in twice.iter_mut().zip(&mut next).zip(x.windows(2)) {
            if let [xi, xj] = *w {
                (*t, *n) = (2.0 * xi, xj);
            }
        }
        Self {
            twice,
            next,
            f: x.map(pdf),
        }
    }

    /// A standard normal variate from `rng`: the rectangle test inline (about 99 % of
    /// draws), the rest out of line.
    ///
    /// The method's `x = u · xᵢ`, `u = 2 · unit(bits) − 1`, is computed as
    /// `centred(bits) · 2xᵢ`, one operation fewer, to the same bits: `u = 2 · centred(bits)`
    /// exactly ([`centred`]) and `2xᵢ` is exact, so both products are the same real number,
    /// rounded once. The rectangle test `|x| < xᵢ₊₁` is taken the other way round, `|x| ≥
    /// xᵢ₊₁` out of the rectangle (the same for every `x`, never NaN: a finite number times
    /// a finite width), which compares against the table in memory (`|x| < xᵢ₊₁` loaded the
    /// bound into a register first, to send a NaN out).
    #[inline(always)]
    pub(crate) fn sample(&self, rng: &mut Rng) -> f64 {
        let bits = rng.next_u64();
        let i = bits.to_le_bytes()[0];
        let x = centred(bits) * self.twice.get(usize::from(i)).copied().unwrap_or(0.0);
        if x.abs() >= self.next.get(usize::from(i)).copied().unwrap_or(0.0) {
            // The out-of-line part on a copy of the state, written back: `rng` itself never
            // leaves this function, so that a loop of draws keeps the state in registers
            // instead of storing and reloading it at every draw.
            let mut state = rng.clone();
            let x = self.edge(&mut state, usize::from(i), x);
            *rng = state;
            x
        } else {
            x
        }
    }

    /// A draw `x` outside layer `i`'s rectangle: the tail, the wedge test, or a new draw.
    #[cold]
    #[inline(never)]
    fn edge(&self, rng: &mut Rng, i: usize, x: f64) -> f64 {
        if i == 0 {
            // `x = u · x₀` has `u`'s sign (`x₀ > 0`; `u` is never −0 nor NaN).
            return tail(rng, x);
        }
        let (fi, fj) = (self.at(&self.f, i), self.at(&self.f, i + 1));
        if fj + (fi - fj) * rng.uniform() < pdf(x) {
            x
        } else {
            self.sample(rng)
        }
    }

    /// `table[i]` (0 past the end, which the 257-entry tables never reach from a byte + 1).
    #[inline]
    fn at(&self, table: &[f64; LAYERS + 1], i: usize) -> f64 {
        table.get(i).copied().unwrap_or(0.0)
    }
}

/// A variate beyond `r`, on the side of `side`'s sign (Marsaglia's tail method).
fn tail(rng: &mut Rng, side: f64) -> f64 {
    loop {
        let t = -libm::log(rng.open_uniform()) / R;
        let s = -libm::log(rng.open_uniform());
        if 2.0 * s >= t * t {
            return if side < 0.0 { -(R + t) } else { R + t };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::rng::unit;
    use super::*;

    #[test]
    fn tables_close_at_zero() {
        let x = widths();
        assert_eq!(x.len(), 257);
        // The first layers of the published tables (rand_distr's ZIG_NORM_X, built by the
        // same recursion): x₀ = v / f(r) = 3.9107579595…, x₁ = r, x₂ … x₄.
        let published = [
            3.910_757_959_537_09,
            3.654_152_885_361_009,
            3.449_278_298_560_964,
            3.320_244_733_839_166,
            3.224_575_052_047_029,
        ];
        for (x, p) in x.iter().zip(published) {
            assert!((x - p).abs() < 1e-13, "{x} against {p}");
        }
        // The recursion ends near 0: the last computed layer is the narrowest.
        assert!(x[255] > 0.0 && x[255] < 0.3, "{}", x[255]);
        assert!(x.windows(2).skip(1).all(|w| w[0] > w[1]));
        assert_eq!(x[256], 0.0);
        // The draw's tables: the widths doubled, and the next layer's.
        let z = Ziggurat::new();
        for i in 0..LAYERS {
            assert_eq!(z.twice[i].to_bits(), (2.0 * x[i]).to_bits());
            assert_eq!(z.next[i].to_bits(), x[i + 1].to_bits());
        }
        assert_eq!(z.f, x.map(pdf));
    }

    /// The method as first written, from the widths: `u = 2 · unit(bits) − 1`,
    /// `x = u · xᵢ`, `|x| < xᵢ₊₁`, else the tail on `u`'s side or the wedge test.
    fn by_the_method(z: &Ziggurat, x: &[f64; LAYERS + 1], rng: &mut Rng) -> f64 {
        loop {
            let bits = rng.next_u64();
            let i = usize::from(bits.to_le_bytes()[0]);
            let u = 2.0 * unit(bits) - 1.0;
            let v = u * x[i];
            if v.abs() < x[i + 1] {
                return v;
            }
            if i == 0 {
                return tail(rng, u);
            }
            if z.f[i + 1] + (z.f[i] - z.f[i + 1]) * rng.uniform() < pdf(v) {
                return v;
            }
        }
    }

    /// `sample` against the method as first written, to the bit and to the generator's
    /// state after: in every layer, at the uniform's ends and middle, on both sides of the
    /// rectangle's bound, and on random draws.
    #[test]
    fn a_draw_is_the_method_as_first_written_to_the_bit() {
        let z = Ziggurat::new();
        let x = widths();
        let mut rng = Rng::seeded(54);
        let check = |bits: u64| {
            let (mut a, mut b) = (Rng::yielding(bits), Rng::yielding(bits));
            let (new, old) = (z.sample(&mut a), by_the_method(&z, &x, &mut b));
            assert_eq!(new.to_bits(), old.to_bits(), "{bits:#x}");
            assert_eq!(a, b, "{bits:#x}");
        };
        let half = 1_u64 << 51;
        for i in 0..=255_u64 {
            // The m (upper 52 bits) where |u| · xᵢ reaches xᵢ₊₁: 2⁵¹ · (1 ± xᵢ₊₁/xᵢ).
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            #[allow(clippy::cast_sign_loss)]
            let reach = (x[usize::try_from(i + 1).unwrap()] / x[usize::try_from(i).unwrap()]
                * half as f64) as u64;
            let mut ms = vec![0, 1, half - 1, half, half + 1, (1 << 52) - 1];
            for d in 0..=4 {
                ms.extend([half + reach + d, half + reach - d, half - reach + d]);
                ms.extend([(half - reach).saturating_sub(d)]);
            }
            for m in ms.into_iter().filter(|m| *m < 1 << 52) {
                // Layer i in the low byte, anything in the 4 bits above it.
                check(m << 12 | (rng.next_u64() & 0xF00) | i);
            }
        }
        for _ in 0..200_000 {
            check(rng.next_u64());
        }
        // And a stream drawn on.
        let (mut a, mut b) = (Rng::seeded(55), Rng::seeded(55));
        for _ in 0..1_000_000 {
            let (new, old) = (z.sample(&mut a), by_the_method(&z, &x, &mut b));
            assert_eq!(new.to_bits(), old.to_bits());
        }
        assert_eq!(a, b);
    }

    #[test]
    fn moments_and_tails_of_a_million_draws() {
        let z = Ziggurat::new();
        let mut rng = Rng::seeded(20_261_121);
        let n = 1_000_000_u32;
        let draws: Vec<f64> = (0..n).map(|_| z.sample(&mut rng)).collect();
        let count = f64::from(n);
        let mean = draws.iter().sum::<f64>() / count;
        let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (count - 1.0);
        let skew = draws.iter().map(|x| (x - mean).powi(3)).sum::<f64>() / count;
        let kurt = draws.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / count;
        // Standard errors at n = 10⁶: mean 0.001, variance 0.0014, third moment 0.0024,
        // fourth moment 0.0098; the bounds are about 5 of them.
        assert!(mean.abs() < 0.005, "mean {mean}");
        assert!((var - 1.0).abs() < 0.007, "variance {var}");
        assert!(skew.abs() < 0.012, "third moment {skew}");
        assert!((kurt - 3.0).abs() < 0.05, "fourth moment {kurt}");
        // P(|Z| > 2) = 0.0455003, P(|Z| > 3) = 0.0026998, P(|Z| > 4) = 6.334e-5: binomial
        // standard errors 0.00021, 0.000052, 0.000008; bounds of about 5 of them.
        let share = |k: f64| {
            f64::from(u32::try_from(draws.iter().filter(|x| x.abs() > k).count()).unwrap()) / count
        };
        assert!((share(2.0) - 0.045_500_3).abs() < 0.001, "{}", share(2.0));
        assert!(
            (share(3.0) - 0.002_699_8).abs() < 0.000_26,
            "{}",
            share(3.0)
        );
        assert!(
            (share(4.0) - 0.000_063_34).abs() < 0.000_04,
            "{}",
            share(4.0)
        );
        // Symmetry: the share below 0 is 1/2 (standard error 0.0005).
        let below =
            f64::from(u32::try_from(draws.iter().filter(|x| **x < 0.0).count()).unwrap()) / count;
        assert!((below - 0.5).abs() < 0.0025, "{below}");
    }

    #[test]
    fn the_same_stream_gives_the_same_variates() {
        let z = Ziggurat::new();
        let a: Vec<f64> = {
            let mut rng = Rng::stream(1, 2, 3);
            (0..100).map(|_| z.sample(&mut rng)).collect()
        };
        let mut rng = Rng::stream(1, 2, 3);
        let b: Vec<f64> = (0..100).map(|_| z.sample(&mut rng)).collect();
        assert_eq!(a, b);
    }
}
