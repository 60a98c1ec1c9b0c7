//! A distribution's order statistics and histogram counts without sorting its values.
//!
//! A report reads few order statistics of each column (the least and the greatest value,
//! and the two around each of five percentiles) and, for its histogram, how many values
//! lie below each bin's edge. Selection finds the first (`select_nth_unstable` on a copy,
//! rank by rank, each within the part the previous one left: O(n) each); one pass that
//! places each value among the edges finds the second. Sorting a copy (by radix) gave
//! both, in a third more instructions (docs/benchmarks.md).
//!
//! The values are compared by their total order ([`f64::total_cmp`]), as the sort did: the
//! rank-`k` value is then the sorted copy's `k`th to the bit (values equal in that order
//! have the same bits), NaNs and signed zeros included.

/// `x`'s key in the total order: unsigned comparisons of keys order values as
/// [`f64::total_cmp`] does (a positive number's bits with the sign bit set, a negative
/// number's bits inverted), and [`value`] gives the bits back.
fn key(x: f64) -> u64 {
    let bits = x.to_bits();
    bits ^ ((bits >> 63).wrapping_neg() | SIGN)
}

/// The value whose [`key`] is `k`.
fn value(k: u64) -> f64 {
    f64::from_bits(k ^ ((!k >> 63).wrapping_neg() | SIGN))
}

/// The sign bit of an `f64`.
const SIGN: u64 = 1 << 63;

/// Values placed so that each of a few ranks holds the value of that rank in the total
/// order.
pub(crate) struct Ranked {
    keys: Vec<u64>,
}

impl Ranked {
    /// `values` with each of `ranks` (any order; ranks past the end are left out) placed.
    pub(crate) fn new(values: &[f64], ranks: &[usize]) -> Self {
        let mut keys: Vec<u64> = values.iter().map(|x| key(*x)).collect();
        let mut ranks: Vec<usize> = ranks.iter().copied().filter(|r| *r < keys.len()).collect();
        ranks.sort_unstable();
        ranks.dedup();
        place(&mut keys, &ranks);
        Self { keys }
    }

    /// The value of rank `rank` (from 0) if it was placed; otherwise whatever is there
    /// (0 past the end).
    pub(crate) fn at(&self, rank: usize) -> f64 {
        self.keys.get(rank).map_or(0.0, |k| value(*k))
    }
}

/// Places each of `ranks` (ascending, distinct, each below `keys.len()`) in `keys`: the
/// middle one by selection, then those below it in the part before it and those above in
/// the part after, so that each selection leaves the ranks already placed where they are.
fn place(keys: &mut [u64], ranks: &[usize]) {
    let middle = ranks.len() / 2;
    let Some(&rank) = ranks.get(middle) else {
        return;
    };
    if rank >= keys.len() {
        return;
    }
    keys.select_nth_unstable(rank);
    let (before, rest) = keys.split_at_mut(rank);
    let after = rest.get_mut(1..).unwrap_or_default();
    place(before, ranks.get(..middle).unwrap_or_default());
    let above: Vec<usize> = ranks
        .get(middle + 1..)
        .unwrap_or_default()
        .iter()
        .map(|r| r - rank - 1)
        .collect();
    place(after, &above);
}

/// How many of `values` (finite, each at least `low`) lie below each of `edges` (finite,
/// non-decreasing, from `low` by steps of about `width` > 0): `below[i] = #{x : x < edges[i]}`.
///
/// Each value's place among the edges (how many edges are at most it) is guessed from
/// `(x − low) / width`, then corrected by comparing it with the edges themselves, so that
/// the counts are those of the comparisons whatever the guess's rounding.
pub(crate) fn below(values: &[f64], edges: &[f64], low: f64, width: f64) -> Vec<usize> {
    let last = edges.len();
    // counts[j]: the values with exactly j edges at most them.
    let mut counts = vec![0_usize; last + 1];
    let per_width = 1.0 / width;
    for &x in values {
        let mut j = near_index((x - low) * per_width).min(last);
        while j > 0 && edges.get(j - 1).is_some_and(|e| x < *e) {
            j -= 1;
        }
        while edges.get(j).is_some_and(|e| *e <= x) {
            j += 1;
        }
        if let Some(c) = counts.get_mut(j) {
            *c += 1;
        }
    }
    // x < edges[i] exactly when fewer than i + 1 edges are at most x (the edges ascend).
    counts
        .iter()
        .take(last)
        .scan(0, |sum, c| {
            *sum += c;
            Some(*sum)
        })
        .collect()
}

/// The whole number nearest `t` (ties to even), for `t` in [0, 2⁵¹): the low bits of
/// `t + 2⁵²`, where the spacing of `f64` is 1, so that the addition rounds `t` to a whole
/// number; elsewhere some index. Fewer operations than a saturating conversion, and as
/// good for a guess that the caller clamps and corrects.
fn near_index(t: f64) -> usize {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    usize::try_from((t + TWO_52).to_bits().wrapping_sub(TWO_52.to_bits())).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edge values of every kind: zeros and NaNs of both signs, infinities, the extremes,
    /// subnormals.
    const EDGES: [f64; 17] = [
        0.0,
        -0.0,
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        1.0,
        -1.0,
        144.0,
        0.1,
        -0.1,
    ];

    #[test]
    fn keys_order_as_the_total_order_and_give_the_bits_back() {
        for a in EDGES {
            assert_eq!(value(key(a)).to_bits(), a.to_bits());
            for b in EDGES {
                assert_eq!(key(a).cmp(&key(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    /// `values` sorted by comparison on the total order: the reference.
    fn sorted(values: &[f64]) -> Vec<f64> {
        let mut sorted = values.to_vec();
        sorted.sort_unstable_by(f64::total_cmp);
        sorted
    }

    fn assert_ranks(values: &[f64], ranks: &[usize]) {
        let reference = sorted(values);
        let ranked = Ranked::new(values, ranks);
        for &r in ranks.iter().filter(|r| **r < values.len()) {
            assert_eq!(ranked.at(r).to_bits(), reference[r].to_bits(), "rank {r}");
        }
    }

    #[test]
    fn each_rank_holds_the_sorted_copys_value_to_the_bit() {
        let values: Vec<f64> = (0..2_000_usize)
            .map(|i| EDGES[i * 7_919 % EDGES.len()])
            .collect();
        assert_ranks(
            &values,
            &[0, 1, 99, 100, 999, 1_000, 1_001, 1_899, 1_999, 2_000, 5_000],
        );
        assert_ranks(&values, &[1_999, 0]);
        assert_ranks(&[3.0], &[0, 0, 1]);
        assert_ranks(&[], &[0]);
    }

    proptest::proptest! {
        #[test]
        fn any_bits_take_their_ranks(
            bits in proptest::collection::vec(proptest::prelude::any::<u64>(), 1..300),
            ranks in proptest::collection::vec(0_usize..320, 0..12),
        ) {
            let values: Vec<f64> = bits.into_iter().map(f64::from_bits).collect();
            assert_ranks(&values, &ranks);
        }

        #[test]
        fn counts_below_are_the_comparisons(
            picks in proptest::collection::vec(0_usize..64, 1..300),
            spread in proptest::prelude::any::<bool>(),
            bins in 2_u32..40,
        ) {
            // Values on the edges, just beside them and between them, ±0 among them.
            let (low, high) = if spread { (-3.0, 1e6) } else { (-0.0, 0.7) };
            let width = (high - low) / f64::from(bins);
            let edges: Vec<f64> = (1..bins).map(|i| low + width * f64::from(i)).collect();
            let values: Vec<f64> = picks
                .iter()
                .map(|p| {
                    let e = edges.get(p / 3 % edges.len()).copied().unwrap_or(low);
                    match p % 3 { 0 => e, 1 => f64::from_bits(e.to_bits() + 1), _ => low + (high - low) * (f64::from(u32::try_from(*p).unwrap()) / 64.0) }
                })
                .chain([low, high, 0.0])
                .collect();
            let expected: Vec<usize> =
                edges.iter().map(|e| values.iter().filter(|x| **x < *e).count()).collect();
            proptest::prop_assert_eq!(below(&values, &edges, low, width), expected);
        }
    }
}
