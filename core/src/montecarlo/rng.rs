//! The seeded generator: **xoshiro256\*\*** (Blackman and Vigna, "Scrambled linear
//! pseudorandom number generators", ACM TOMS 2021; reference code
//! `https://prng.di.unimi.it/xoshiro256starstar.c`), seeded through **SplitMix64**
//! (`https://prng.di.unimi.it/splitmix64.c`) as its authors recommend.
//!
//! Only 64-bit integer operations (wrapping multiplication, shifts, rotations, xor): the same
//! seed gives the same numbers on every target, native or WebAssembly.
//!
//! Each path and each random input of a path draws from a stream of its own, seeded by
//! SplitMix64 from `mix(seed, mix(path, mix(stream)))`: paths can run in any order, on any
//! number of threads, and turning one random input on or off leaves the draws of the others
//! unchanged (common random numbers: two runs that differ only in leverage see the same
//! paths).

/// SplitMix64's increment, the golden ratio in 64 bits.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// One SplitMix64 step: advances `state` by [`GAMMA`] and returns its mix.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GAMMA);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64's first output from `value`: a bijective mix of 64 bits.
fn mix(value: u64) -> u64 {
    let mut state = value;
    splitmix64(&mut state)
}

/// A xoshiro256** generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The generator whose state is the next four outputs of SplitMix64 from `seed` (as
    /// rand_xoshiro's `seed_from_u64`); never the all-zero state, since SplitMix64 is a
    /// bijection of its counter and four consecutive outputs are never all zero.
    pub(crate) fn seeded(seed: u64) -> Self {
        let mut state = seed;
        Self {
            s: [
                splitmix64(&mut state),
                splitmix64(&mut state),
                splitmix64(&mut state),
                splitmix64(&mut state),
            ],
        }
    }

    /// The stream `stream` of path `path` under `seed`.
    pub(crate) fn stream(seed: u64, path: u64, stream: u64) -> Self {
        Self::seeded(mix(seed ^ mix(path ^ mix(stream))))
    }

    /// A generator whose next output is `bits` (for tests of what a draw does with given
    /// bits): the output is `rotl(s₁ · 5, 7) · 9`, so `s₁ = rotr(bits · 9⁻¹, 7) · 5⁻¹`
    /// (inverses modulo 2⁶⁴), the rest of the state arbitrary and never all zero.
    #[cfg(test)]
    pub(crate) fn yielding(bits: u64) -> Self {
        // 9 · 0x8E38E38E38E38E39 ≡ 1 and 5 · 0xCCCCCCCCCCCCCCCD ≡ 1 (mod 2⁶⁴).
        let s1 = bits
            .wrapping_mul(0x8E38_E38E_38E3_8E39)
            .rotate_right(7)
            .wrapping_mul(0xCCCC_CCCC_CCCC_CCCD);
        Self {
            s: [0x9E37_79B9_7F4A_7C15, s1, 1, 2],
        }
    }

    /// The next 64 random bits (xoshiro256**).
    #[inline(always)]
    pub(crate) fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// A uniform number in [0, 1): the upper 52 bits as the fraction of a number in [1, 2),
    /// less 1 (exact, no rounding).
    #[inline(always)]
    pub(crate) fn uniform(&mut self) -> f64 {
        unit(self.next_u64())
    }

    /// Whether the next uniform ([`uniform`](Self::uniform)) is below the chance's
    /// probability, compared on its 52 bits ([`Chance`]).
    #[inline(always)]
    pub(crate) fn happens(&mut self, chance: Chance) -> bool {
        chance.holds(self.next_u64())
    }

    /// A uniform number in (0, 1): as [`uniform`](Self::uniform), moved up by half a step
    /// (2⁻⁵³), so that it is never 0 (a logarithm's argument).
    pub(crate) fn open_uniform(&mut self) -> f64 {
        unit(self.next_u64()) + HALF_STEP
    }
}

/// A probability `p` as the event "a uniform is below `p`" on the uniform's 52 bits:
/// `unit(bits) < p` exactly when `bits >> 12 < threshold` ([`Rng::happens`]), which spares
/// each draw the conversion to `f64`.
///
/// ```text
/// unit(bits) = m · 2⁻⁵²,  m = bits >> 12, an integer in [0, 2⁵²)   (exact: `unit`)
/// m · 2⁻⁵² < p  ⇔  m < p · 2⁵²  ⇔  m < ⌈p · 2⁵²⌉                    (m an integer)
/// ```
///
/// `p · 2⁵²` is exact in `f64` (a power-of-two scaling of a number at most 1: no rounding,
/// no overflow, subnormal `p` included), and so is its ceiling, an integer in [0, 2⁵²]. So
/// the threshold is `⌈p · 2⁵²⌉`: 0 for `p ≤ 0` or NaN (no uniform is below; `u < NaN` is
/// false), 2⁵² for `p ≥ 1` (every uniform is below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chance {
    threshold: u64,
}

impl Chance {
    /// Whether the event holds for a draw of 64 bits: its uniform below the probability
    /// ([`Rng::happens`]).
    #[inline(always)]
    pub(crate) fn holds(self, bits: u64) -> bool {
        bits >> 12 < self.threshold
    }

    /// The chance as a bound on a draw's 64 bits, where it is not certain: the event is
    /// `bits < bound` (one comparison, the shift of [`Rng::happens`] spared). With
    /// `m = bits >> 12` and `t` the threshold, below 2⁵²: `m < t ⇔ bits < t · 2¹²` (the
    /// low 12 bits add less than one step of `m`), and `t · 2¹²` < 2⁶⁴. A certain event
    /// (`t = 2⁵²`) has none: every 64 bits are below 2⁶⁴, beyond `u64`.
    pub(crate) fn bound(self) -> Option<u64> {
        (self.threshold < 1 << 52).then_some(self.threshold << 12)
    }
}

/// 2⁵², the number of [`unit()`]'s values.
const STEPS: f64 = 4_503_599_627_370_496.0;

impl Chance {
    /// The event "a uniform is below `p`".
    pub(crate) fn new(p: f64) -> Self {
        let threshold = if p >= 1.0 {
            1 << 52
        } else if p > 0.0 {
            // ⌈p · 2⁵²⌉ in [1, 2⁵²], read as an integer without a cast: c + 2⁵² lies in
            // [2⁵², 2⁵³], where consecutive integers are consecutive bit patterns (2⁵³'s
            // included: the exponent's step carries into it), so its bits less 2⁵²'s are c.
            let c = libm::ceil(p * STEPS);
            (c + STEPS).to_bits() - STEPS.to_bits()
        } else {
            0
        };
        Self { threshold }
    }
}

/// 2⁻⁵³: half the spacing of [`unit()`]'s values.
const HALF_STEP: f64 = 1.0 / 9_007_199_254_740_992.0;

/// The upper 52 bits of `bits` as a number in [0, 1): [`one_to_two`] less 1 (exact).
#[inline(always)]
pub(crate) fn unit(bits: u64) -> f64 {
    one_to_two(bits) - 1.0
}

/// The upper 52 bits of `bits` as the fraction of a number in [1, 2): `1 + m · 2⁻⁵²`,
/// `m = bits >> 12`.
#[inline(always)]
fn one_to_two(bits: u64) -> f64 {
    f64::from_bits(0x3FF0_0000_0000_0000 | (bits >> 12))
}

/// The upper 52 bits of `bits` as a number in [−1/2, 1/2): `one_to_two(bits) − 3/2`, half
/// of the ziggurat's `u = 2 · unit(bits) − 1`, to the bit. With `f = 1 + m·2⁻⁵²`:
/// `f − 3/2 = (m − 2⁵¹)·2⁻⁵²`, an integer below 2⁵¹ in magnitude times a power of 2, so
/// representable and exact (Sterbenz's lemma), +0 at `m = 2⁵¹` (`x − x`); `u` is
/// `(2m − 2⁵²)·2⁻⁵²`, twice that number (every step of `2 · unit − 1` exact too, `unit` by
/// Sterbenz's lemma and the rest by a power of 2), +0 at the same `m`.
#[inline(always)]
pub(crate) fn centred(bits: u64) -> f64 {
    one_to_two(bits) - 1.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_follows_the_reference_implementation() {
        // rand_xoshiro's test vector (rust-random/rngs, rand_xoshiro/src/splitmix64.rs),
        // produced with Vigna's reference splitmix64.c from 1477776061723855037.
        let mut state = 1_477_776_061_723_855_037;
        let draws: Vec<u64> = (0..5).map(|_| splitmix64(&mut state)).collect();
        assert_eq!(
            draws,
            [
                1_985_237_415_132_408_290,
                2_979_275_885_539_914_483,
                13_511_426_838_097_143_398,
                8_488_337_342_461_049_707,
                15_141_737_807_933_549_159,
            ]
        );
        // And from 0, the values every port checks (0xe220a8397b1dcdaf first).
        let mut zero = 0;
        assert_eq!(splitmix64(&mut zero), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut zero), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn xoshiro256_star_star_follows_the_reference_implementation() {
        // The reference C code's first ten outputs from the state {1, 2, 3, 4}
        // (rand_xoshiro's test vector, rust-random/rngs, rand_xoshiro/src/xoshiro256starstar.rs).
        let mut rng = Rng { s: [1, 2, 3, 4] };
        let draws: Vec<u64> = (0..10).map(|_| rng.next_u64()).collect();
        assert_eq!(
            draws,
            [
                11_520,
                0,
                1_509_978_240,
                1_215_971_899_390_074_240,
                1_216_172_134_540_287_360,
                607_988_272_756_665_600,
                16_172_922_978_634_559_625,
                8_476_171_486_693_032_832,
                10_595_114_339_597_558_777,
                2_904_607_092_377_533_576,
            ]
        );
    }

    #[test]
    fn seeding_is_splitmix64_then_xoshiro() {
        // The state is SplitMix64's next four outputs from the seed.
        let mut state = 0;
        let expected: Vec<u64> = (0..4).map(|_| splitmix64(&mut state)).collect();
        assert_eq!(Rng::seeded(0).s.to_vec(), expected);
    }

    #[test]
    fn uniforms_stay_in_their_intervals() {
        assert_eq!(unit(0), 0.0);
        assert_eq!(unit(u64::MAX), 1.0 - 2.0 * HALF_STEP);
        let mut rng = Rng::stream(7, 3, 1);
        for _ in 0..10_000 {
            let u = rng.uniform();
            let o = rng.open_uniform();
            assert!((0.0..1.0).contains(&u) && o > 0.0 && o < 1.0);
        }
    }

    /// `unit(bits) < p` against `bits >> 12 < threshold`, for the uniforms at and around
    /// the threshold and random ones.
    fn agrees(p: f64, rng: &mut Rng) {
        let chance = Chance::new(p);
        let t = chance.threshold;
        let edges = [0, 1, 2, t.saturating_sub(1), t, t + 1, (1 << 52) - 1];
        let randoms: Vec<u64> = (0..200).map(|_| rng.next_u64() >> 12).collect();
        for m in edges.into_iter().filter(|m| *m < 1 << 52).chain(randoms) {
            // Any low 12 bits (`unit` ignores them): the least, the most, random ones.
            for low in [0, 0xFFF, rng.next_u64() & 0xFFF] {
                let bits = m << 12 | low;
                let below = unit(bits) < p;
                assert_eq!(below, m < t, "p {p:e}, m {m}, threshold {t}");
                // The bound on the 64 bits: the same test, or none where every one is below.
                match chance.bound() {
                    Some(bound) => assert_eq!(bits < bound, below, "p {p:e}, bits {bits}"),
                    None => assert!(below && t == 1 << 52, "p {p:e}"),
                }
            }
            let bits = m << 12 | (rng.next_u64() & 0xFFF);
            let mut copy = Rng { s: [bits, 0, 0, 0] };
            // `happens` compares the next output's bits: the same test.
            let next = copy.clone().next_u64();
            assert_eq!(copy.happens(chance), unit(next) < p);
        }
    }

    #[test]
    fn a_chance_compares_the_bits_as_the_uniform_compares() {
        let mut rng = Rng::seeded(52);
        let step = 1.0 / STEPS;
        // Edges: impossible, certain, beyond both, NaN, the smallest numbers.
        for p in [
            0.0,
            -0.0,
            1.0,
            -0.5,
            1.5,
            f64::NAN,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            agrees(p, &mut rng);
        }
        assert_eq!(Chance::new(0.0).threshold, 0);
        assert_eq!(Chance::new(f64::NAN).threshold, 0);
        assert_eq!(Chance::new(1.0).threshold, 1 << 52);
        assert_eq!(Chance::new(5e-324).threshold, 1);
        // On a step of the uniforms (u = p is not below p) and between two steps (the
        // next step up is the first not below): k · 2⁻⁵² gives k, (k + ½) · 2⁻⁵² gives
        // k + 1, 1 − 2⁻⁵³ (between the last step and 1) gives 2⁵².
        for k in [1_u32, 2, 3, 1_000_001] {
            let k64 = f64::from(k);
            assert_eq!(Chance::new(k64 * step).threshold, u64::from(k));
            assert_eq!(Chance::new((k64 + 0.5) * step).threshold, u64::from(k) + 1);
            agrees(k64 * step, &mut rng);
            agrees((k64 + 0.5) * step, &mut rng);
        }
        assert_eq!(Chance::new(1.0 - step / 2.0).threshold, 1 << 52);
        assert_eq!(Chance::new(1.0 - step).threshold, (1 << 52) - 1);
        agrees(1.0 - step / 2.0, &mut rng);
        agrees(1.0 - step, &mut rng);
        // The model's probabilities, and random ones.
        for p in [0.05, 0.25, 0.01, 0.1, 1.0 / 3.0] {
            agrees(p, &mut rng);
        }
        for _ in 0..200 {
            let p = rng.uniform();
            agrees(p, &mut rng);
            agrees(p * 1e-9, &mut rng);
        }
    }

    #[test]
    fn a_centred_number_is_half_of_twice_the_unit_less_one_to_the_bit() {
        let mut rng = Rng::seeded(51);
        let edges = [
            0,
            1,
            2,
            (1 << 51) - 1,
            1 << 51,
            (1 << 51) + 1,
            (1 << 52) - 1,
        ];
        let randoms: Vec<u64> = (0..100_000).map(|_| rng.next_u64() >> 12).collect();
        for m in edges.into_iter().chain(randoms) {
            let bits = m << 12 | (rng.next_u64() & 0xFFF);
            let c = centred(bits);
            assert_eq!(
                (2.0 * c).to_bits(),
                (2.0 * unit(bits) - 1.0).to_bits(),
                "{m}"
            );
            assert!((-0.5..0.5).contains(&c));
        }
        assert_eq!(centred(0), -0.5);
        assert_eq!(centred(1 << 63).to_bits(), 0.0_f64.to_bits());
    }

    #[test]
    fn a_generator_yielding_given_bits_yields_them() {
        let mut rng = Rng::seeded(53);
        for bits in [0, 1, u64::MAX, 1 << 63]
            .into_iter()
            .chain((0..1_000).map(|_| rng.next_u64()))
        {
            assert_eq!(Rng::yielding(bits).next_u64(), bits);
        }
    }

    #[test]
    fn streams_differ_and_repeat() {
        let first = |seed, path, stream| Rng::stream(seed, path, stream).next_u64();
        assert_eq!(first(1, 2, 3), first(1, 2, 3));
        assert_ne!(first(1, 2, 3), first(1, 3, 2));
        assert_ne!(first(1, 2, 3), first(2, 2, 3));
        assert_ne!(first(0, 0, 0), first(0, 0, 1));
    }

    #[test]
    fn uniform_mean_and_variance() {
        // 200,000 draws: the mean's standard error is sqrt(1/12 / 200000) = 0.00065; 5 of
        // them is 0.0032. The variance 1/12 has standard error about 0.00017.
        let mut rng = Rng::seeded(2026);
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
        let mean = draws.iter().sum::<f64>() / f64::from(n);
        let var = draws.iter().map(|u| (u - mean).powi(2)).sum::<f64>() / f64::from(n - 1);
        assert!((mean - 0.5).abs() < 0.0033, "{mean}");
        assert!((var - 1.0 / 12.0).abs() < 0.001, "{var}");
    }
}
