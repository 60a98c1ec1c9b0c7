//! From the paths' outcomes to the report: percentiles, means with their standard errors,
//! histograms, event probabilities and the expected shortfall.
//!
//! ```text
//! mean            x̄ = x₁ + Σ (xᵢ − x₁) / n              (exact when every path is the same)
//! standard error  sqrt(Σ (xᵢ − x̄)² / (n − 1) / n)
//! percentile p    linear between the order statistics at (n − 1)·p   (Excel's PERCENTILE.INC)
//! histogram       bins of equal width from the least to the greatest value
//! probability     k / n, standard error sqrt(p (1 − p) / n)
//! shortfall       the mean of the lowest ⌈n / 20⌉ equity values (the worst 5 %)
//! ```

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::decimal_from_f64;

use super::ranks::{self, Ranked};

/// Each path's outcome, column by column in path order: what a batch of paths returns, and
/// what [`Simulation::report`](super::Simulation::report) reads back. The values are the
/// paths' raw `f64` numbers, summarized as decimals only in the report; to cross a process
/// boundary bit for bit, a batch is written as bytes ([`Batch::to_bytes`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Batch {
    /// The index of the batch's first path (from 0).
    pub first_path: u32,
    /// The project's NPV.
    pub npv_usd: Vec<f64>,
    /// The project's annual IRR (`None`: no IRR).
    pub project_irr_annual: Vec<Option<f64>>,
    /// The NPV of the equity's flows (the project's, without debt).
    pub equity_value_usd: Vec<f64>,
    /// The equity's annual IRR.
    pub equity_irr_annual: Vec<Option<f64>>,
    /// The lowest monthly DSCR (`None`: no debt service).
    pub minimum_dscr: Vec<Option<f64>>,
    /// The first month with a covenant breached.
    pub first_breach_month: Vec<Option<u32>>,
    /// The first month in default (a breach past its cure period).
    pub first_default_month: Vec<Option<u32>>,
    /// The first month a contract's buyer defaulted.
    pub first_customer_default_month: Vec<Option<u32>>,
    /// The lender's annual IRR (`None`: no debt, or no IRR).
    pub lender_irr_annual: Vec<Option<f64>>,
    /// The first month locked up (equity distributions blocked).
    pub first_lock_up_month: Vec<Option<u32>>,
    /// The balance owed at the end of the month of default before any write-off, summed
    /// over the boxes that defaulted (0 without a default).
    pub exposure_at_default_usd: Vec<f64>,
    /// What was written off (0 without a default).
    pub written_off_usd: Vec<f64>,
    /// Each box's own credit columns, in the portfolio's order (empty for one scenario,
    /// whose columns above are its box's).
    pub boxes: Vec<BoxColumns>,
}

/// One box's credit outcome on each path of a batch (a portfolio's box), column by column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoxColumns {
    /// The box's month of default (`None`: no default on the path).
    pub first_default_month: Vec<Option<u32>>,
    /// The box's balance owed at the end of its month of default before any write-off (0
    /// without a default).
    pub exposure_at_default_usd: Vec<f64>,
    /// What the box's lender wrote off (0 without a default).
    pub written_off_usd: Vec<f64>,
}

impl BoxColumns {
    /// Appends `other`'s paths.
    fn append(&mut self, other: Self) {
        self.first_default_month.extend(other.first_default_month);
        self.exposure_at_default_usd
            .extend(other.exposure_at_default_usd);
        self.written_off_usd.extend(other.written_off_usd);
    }
}

impl Batch {
    /// Paths in the batch.
    #[must_use]
    pub fn len(&self) -> usize {
        self.npv_usd.len()
    }

    /// Whether the batch holds no path.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.npv_usd.is_empty()
    }

    /// Appends `other`'s paths (which must follow this batch's).
    pub(crate) fn append(&mut self, other: Self) {
        self.npv_usd.extend(other.npv_usd);
        self.project_irr_annual.extend(other.project_irr_annual);
        self.equity_value_usd.extend(other.equity_value_usd);
        self.equity_irr_annual.extend(other.equity_irr_annual);
        self.minimum_dscr.extend(other.minimum_dscr);
        self.first_breach_month.extend(other.first_breach_month);
        self.first_default_month.extend(other.first_default_month);
        self.first_customer_default_month
            .extend(other.first_customer_default_month);
        self.lender_irr_annual.extend(other.lender_irr_annual);
        self.first_lock_up_month.extend(other.first_lock_up_month);
        self.exposure_at_default_usd
            .extend(other.exposure_at_default_usd);
        self.written_off_usd.extend(other.written_off_usd);
        if self.boxes.is_empty() {
            self.boxes = other.boxes;
        } else {
            for (mine, theirs) in self.boxes.iter_mut().zip(other.boxes) {
                mine.append(theirs);
            }
        }
    }
}

impl Validate for Batch {
    fn check(&self, c: &mut Checker) {
        let n = self.len();
        let lengths = [
            self.project_irr_annual.len(),
            self.equity_value_usd.len(),
            self.equity_irr_annual.len(),
            self.minimum_dscr.len(),
            self.first_breach_month.len(),
            self.first_default_month.len(),
            self.first_customer_default_month.len(),
            self.lender_irr_annual.len(),
            self.first_lock_up_month.len(),
            self.exposure_at_default_usd.len(),
            self.written_off_usd.len(),
        ];
        let box_lengths = self.boxes.iter().flat_map(|b| {
            [
                b.first_default_month.len(),
                b.exposure_at_default_usd.len(),
                b.written_off_usd.len(),
            ]
        });
        if lengths.iter().copied().chain(box_lengths).any(|l| l != n) {
            c.problem("npv_usd", "every column must hold one value per path");
        }
        let finite = self
            .npv_usd
            .iter()
            .chain(&self.equity_value_usd)
            .chain(self.project_irr_annual.iter().flatten())
            .chain(self.equity_irr_annual.iter().flatten())
            .chain(self.minimum_dscr.iter().flatten())
            .chain(self.lender_irr_annual.iter().flatten())
            .chain(&self.exposure_at_default_usd)
            .chain(&self.written_off_usd)
            .chain(
                self.boxes
                    .iter()
                    .flat_map(|b| b.exposure_at_default_usd.iter().chain(&b.written_off_usd)),
            )
            .all(|x| x.is_finite());
        if !finite {
            c.problem("npv_usd", "every value must be a finite number");
        }
    }
}

/// One outcome, as decimals: the deterministic path's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The project's NPV.
    pub npv_usd: Decimal,
    /// The project's annual IRR.
    pub project_irr_annual: Option<Decimal>,
    /// The NPV of the equity's flows.
    pub equity_value_usd: Decimal,
    /// The equity's annual IRR.
    pub equity_irr_annual: Option<Decimal>,
    /// The lowest monthly DSCR.
    pub minimum_dscr: Option<Decimal>,
    /// The first month with a covenant breached.
    pub first_breach_month: Option<u32>,
    /// The first month in default.
    pub first_default_month: Option<u32>,
}

/// One bin of a histogram: the paths whose value is in `[from, to)` (the last bin includes
/// `to`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bin {
    /// The bin's lower edge.
    pub from: Decimal,
    /// Its upper edge.
    pub to: Decimal,
    /// Paths in it.
    pub paths: u32,
}

/// The distribution of a value over the paths that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distribution {
    /// Paths with a value.
    pub paths: u32,
    /// The mean.
    pub mean: Decimal,
    /// The Monte Carlo standard error of the mean (`None` with one path).
    pub standard_error: Option<Decimal>,
    /// Percentiles 5, 25, 50, 75 and 95.
    pub p5: Decimal,
    /// The first quartile.
    pub p25: Decimal,
    /// The median.
    pub p50: Decimal,
    /// The third quartile.
    pub p75: Decimal,
    /// The 95th percentile.
    pub p95: Decimal,
    /// The least value.
    pub minimum: Decimal,
    /// The greatest value.
    pub maximum: Decimal,
    /// Equal-width bins from the least to the greatest value (one bin when they are equal).
    pub histogram: Vec<Bin>,
}

/// How often an event happens, and when first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Events {
    /// Paths in which it happens.
    pub paths: u32,
    /// Its probability: those paths ÷ all paths.
    pub probability: Decimal,
    /// The probability's standard error, `sqrt(p (1 − p) / n)`.
    pub standard_error: Decimal,
    /// The month it first happens, over the paths in which it does.
    pub first_month: Option<Distribution>,
}

/// The number `x` as a decimal, naming `field` if it is not finite.
pub(crate) fn decimal(x: f64, field: &str) -> Result<Decimal, ModelError> {
    decimal_from_f64(x, "value").map_err(|e| ModelError::finance(field, e))
}

/// `n` as `f64` (exact below 2⁵³).
pub(crate) fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The mean, shifted by the first value so that equal values give that value exactly.
pub(crate) fn mean(values: &[f64]) -> f64 {
    let Some(first) = values.first() else {
        return 0.0;
    };
    first + values.iter().map(|x| x - first).sum::<f64>() / count(values.len())
}

/// The standard error of the mean (`None` below two values).
pub(crate) fn standard_error(values: &[f64], mean: f64) -> Option<f64> {
    let n = count(values.len());
    (values.len() >= 2).then(|| {
        let squares: f64 = values.iter().map(|x| (x - mean) * (x - mean)).sum();
        (squares / (n - 1.0) / n).sqrt()
    })
}

/// The rank of the `percent`th percentile among `n` values, linear between order
/// statistics: the lower one's rank and the share (in hundredths) of the way to the next.
fn percentile_rank(n: usize, percent: usize) -> (usize, usize) {
    let scaled = n.saturating_sub(1) * percent;
    (scaled / 100, scaled % 100)
}

/// The `percent`th percentile of `n` values (not none) whose rank-`k` value is `at(k)`.
fn percentile(n: usize, percent: usize, at: impl Fn(usize) -> f64) -> f64 {
    let (index, rest) = percentile_rank(n, percent);
    let low = at(index);
    if rest > 0 && index + 1 < n {
        low + (at(index + 1) - low) * (count(rest) / 100.0)
    } else {
        low
    }
}

/// The percentiles a distribution reports.
const PERCENTS: [usize; 5] = [5, 25, 50, 75, 95];

/// The ranks a distribution of `n` values reads: the least, the greatest, and the two
/// order statistics around each percentile.
fn ranks(n: usize) -> Vec<usize> {
    let mut ranks = vec![0, n.saturating_sub(1)];
    for percent in PERCENTS {
        let (index, _) = percentile_rank(n, percent);
        ranks.extend([index, index + 1]);
    }
    ranks
}

/// The width of `bins` equal bins from `low` to `high`, and their `bins + 1` edges: `low +
/// width · i`, the last `high` itself.
fn bin_edges((low, high): (f64, f64), bins: u32) -> (f64, Vec<f64>) {
    let width = (high - low) / f64::from(bins);
    let edges = (0..=bins)
        .map(|i| {
            if i == bins {
                high
            } else {
                low + width * f64::from(i)
            }
        })
        .collect();
    (width, edges)
}

/// The histogram in `bins` bins of `values` (not empty), whose least and greatest values
/// (in the total order) are `low` and `high`, both finite (so are all values then): each
/// bin `[from, to)` holds the values below `to` not in an earlier bin, the last every
/// value left.
fn histogram(
    values: &[f64],
    (low, high): (f64, f64),
    bins: u32,
    field: &str,
) -> Result<Vec<Bin>, ModelError> {
    let paths = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if low == high || bins <= 1 {
        return Ok(vec![Bin {
            from: decimal(low, field)?,
            to: decimal(high, field)?,
            paths: paths(values.len()),
        }]);
    }
    let (width, edges) = bin_edges((low, high), bins);
    // The values below each edge but the first and the last, which ascend: a bin ends
    // where the values below its `to` end, or where it starts if an earlier edge rounded
    // above this one.
    let inner = edges.get(1..edges.len() - 1).unwrap_or_default();
    let below = ranks::below(values, inner, low, width);
    let mut out = Vec::with_capacity(edges.len());
    let mut start = 0;
    for (i, pair) in edges.windows(2).enumerate() {
        let [from, to] = [pair.first(), pair.last()].map(|e| e.copied().unwrap_or_default());
        let end = below.get(i).map_or(values.len(), |b| start.max(*b));
        out.push(Bin {
            from: decimal(from, field)?,
            to: decimal(to, field)?,
            paths: paths(end - start),
        });
        start = end;
    }
    Ok(out)
}

/// The distribution of `values` (in path order); `None` when empty.
pub(crate) fn distribution(
    values: &[f64],
    bins: u32,
    field: &str,
) -> Result<Option<Distribution>, ModelError> {
    if values.is_empty() {
        return Ok(None);
    }
    let m = mean(values);
    let se = standard_error(values, m);
    let n = values.len();
    let ranked = Ranked::new(values, &ranks(n));
    let at = |rank| ranked.at(rank);
    let p = |percent| decimal(percentile(n, percent, at), field);
    let (low, high) = (at(0), at(n - 1));
    Ok(Some(Distribution {
        paths: u32::try_from(values.len()).unwrap_or(u32::MAX),
        mean: decimal(m, field)?,
        standard_error: se.map(|s| decimal(s, field)).transpose()?,
        p5: p(5)?,
        p25: p(25)?,
        p50: p(50)?,
        p75: p(75)?,
        p95: p(95)?,
        minimum: decimal(low, field)?,
        maximum: decimal(high, field)?,
        // Reached only with both finite (`decimal` refuses the rest), so every value is.
        histogram: histogram(values, (low, high), bins, field)?,
    }))
}

/// The events among `months` (one entry per path: the first month, if any).
pub(crate) fn events(months: &[Option<u32>], bins: u32, field: &str) -> Result<Events, ModelError> {
    let firsts: Vec<f64> = months.iter().flatten().map(|m| f64::from(*m)).collect();
    let n = count(months.len());
    let p = if months.is_empty() {
        0.0
    } else {
        count(firsts.len()) / n
    };
    Ok(Events {
        paths: u32::try_from(firsts.len()).unwrap_or(u32::MAX),
        probability: decimal(p, field)?,
        standard_error: decimal(
            if n > 0.0 {
                (p * (1.0 - p) / n).sqrt()
            } else {
                0.0
            },
            field,
        )?,
        first_month: distribution(&firsts, bins, field)?,
    })
}

/// The mean of the lowest ⌈n / 20⌉ of `values` (the worst 5 %).
pub(crate) fn expected_shortfall(values: &[f64]) -> f64 {
    let k = values.len().div_ceil(20).max(1).min(values.len());
    let mut smallest = values.to_vec();
    // The k smallest, then only they sorted: the same values in the same order as the
    // first k of the whole sort (values equal under the total order have the same bits),
    // so their mean has the same bits, in O(n + k log k).
    if let Some(last) = k.checked_sub(1) {
        smallest.select_nth_unstable_by(last, f64::total_cmp);
    }
    smallest.truncate(k);
    smallest.sort_unstable_by(f64::total_cmp);
    mean(&smallest)
}

/// `(a(), b())`: on two threads of rayon's pool where the core runs paths in parallel, one
/// after the other elsewhere.
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    return rayon::join(a, b);
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    return (a(), b());
}

/// The stopping rule of a target standard error of the mean NPV, fed the paths' NPVs in path
/// order: Welford's running mean and sum of squares, checked after every `every` paths.
#[derive(Debug, Clone)]
pub(crate) struct StoppingRule {
    target: f64,
    every: usize,
    paths: usize,
    mean: f64,
    squares: f64,
    met_at: Option<usize>,
}

impl StoppingRule {
    /// A rule met once the standard error is at most `target` at a check.
    pub(crate) fn new(target: f64, every: usize) -> Self {
        Self {
            target,
            every: every.max(1),
            paths: 0,
            mean: 0.0,
            squares: 0.0,
            met_at: None,
        }
    }

    /// Takes the next paths' NPVs (none once the rule is met).
    pub(crate) fn extend(&mut self, npv: &[f64]) {
        for x in npv {
            if self.met_at.is_some() {
                return;
            }
            self.paths += 1;
            let n = count(self.paths);
            let delta = x - self.mean;
            self.mean += delta / n;
            self.squares += delta * (x - self.mean);
            if self.paths % self.every == 0
                && self.paths > 1
                && (self.squares / (n - 1.0) / n).sqrt() <= self.target
            {
                self.met_at = Some(self.paths);
            }
        }
    }

    /// The paths up to the check that met the target, if one did.
    pub(crate) fn met_at(&self) -> Option<usize> {
        self.met_at
    }
}

/// With a target standard error of the mean NPV: the paths to keep (the first multiple of
/// `every` at which it is met) and whether it was met.
pub(crate) fn stop_at(npv: &[f64], target: f64, every: usize) -> (usize, bool) {
    let mut rule = StoppingRule::new(target, every);
    rule.extend(npv);
    rule.met_at()
        .map_or((npv.len(), false), |keep| (keep, true))
}

/// The first `n` of `values` (all of them when fewer): a batch's first `n` paths.
pub(crate) fn head<T>(values: &[T], n: usize) -> &[T] {
    values.get(..n).unwrap_or(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_follow_excel() {
        // PERCENTILE.INC({1,2,3,4,5}, 0.05) = 1.2; 0.25 → 2; 0.95 → 4.8.
        let sorted = [1.0, 2.0, 3.0, 4.0, 5.0];
        let p = |percent| percentile(5, percent, |k| sorted[k]);
        assert!((p(5) - 1.2).abs() < 1e-15);
        assert_eq!(p(25), 2.0);
        assert_eq!(p(50), 3.0);
        assert!((p(95) - 4.8).abs() < 1e-15);
        assert_eq!(percentile(1, 95, |_| 7.0), 7.0);
    }

    /// The distribution from a sorted copy (by comparison on the total order), as the
    /// report computed it before selection: the reference.
    fn by_sorting(values: &[f64], bins: u32) -> Result<Option<Distribution>, ModelError> {
        let field = "x";
        if values.is_empty() {
            return Ok(None);
        }
        let mut sorted = values.to_vec();
        sorted.sort_unstable_by(f64::total_cmp);
        let p = |percent: usize| {
            let scaled = (sorted.len() - 1) * percent;
            let (index, rest) = (scaled / 100, scaled % 100);
            let low = sorted[index];
            let x = match sorted.get(index + 1) {
                Some(high) if rest > 0 => low + (high - low) * (count(rest) / 100.0),
                _ => low,
            };
            decimal(x, field)
        };
        let m = mean(values);
        let se = standard_error(values, m);
        let (low, high) = (sorted[0], sorted[sorted.len() - 1]);
        let histogram = |()| -> Result<Vec<Bin>, ModelError> {
            if low == high || bins <= 1 {
                return Ok(vec![Bin {
                    from: decimal(low, field)?,
                    to: decimal(high, field)?,
                    paths: u32::try_from(sorted.len()).unwrap(),
                }]);
            }
            // The edges are the report's own: what this reference checks is the counting.
            let (_, edges) = bin_edges((low, high), bins);
            let mut start = 0;
            let mut out = Vec::new();
            for (i, pair) in edges.windows(2).enumerate() {
                let end = if i + 2 == edges.len() {
                    sorted.len()
                } else {
                    start + sorted[start..].partition_point(|x| *x < pair[1])
                };
                out.push(Bin {
                    from: decimal(pair[0], field)?,
                    to: decimal(pair[1], field)?,
                    paths: u32::try_from(end - start).unwrap(),
                });
                start = end;
            }
            Ok(out)
        };
        Ok(Some(Distribution {
            paths: u32::try_from(values.len()).unwrap(),
            mean: decimal(m, field)?,
            standard_error: se.map(|s| decimal(s, field)).transpose()?,
            p5: p(5)?,
            p25: p(25)?,
            p50: p(50)?,
            p75: p(75)?,
            p95: p(95)?,
            minimum: decimal(low, field)?,
            maximum: decimal(high, field)?,
            histogram: histogram(())?,
        }))
    }

    #[test]
    fn selection_gives_the_sorted_copys_distribution() {
        let edges = [
            0.0,
            -0.0,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            1e29,
            -1e29,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            1.0,
            -1.0,
            144.0,
            0.1,
        ];
        // Each subset of the edge values as a column, many times over, in many bins.
        for mask in 1_u32..(1 << edges.len()) {
            if mask % 97 != 1 && mask.count_ones() > 3 {
                continue;
            }
            let chosen: Vec<f64> = (0..edges.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| edges[i])
                .collect();
            let values: Vec<f64> = (0..37).map(|i| chosen[i * 7 % chosen.len()]).collect();
            for bins in [1, 2, 7, 20] {
                assert_eq!(
                    distribution(&values, bins, "x"),
                    by_sorting(&values, bins),
                    "{values:?}"
                );
            }
        }
        // Months (whole numbers, many equal), values on and beside the bins' edges.
        let months: Vec<f64> = (0..5_000_u32)
            .map(|i| f64::from(1 + i * 7_919 % 144))
            .collect();
        for bins in [1, 3, 20, 143, 144, 200] {
            assert_eq!(distribution(&months, bins, "x"), by_sorting(&months, bins));
        }
        let width = (2.5 - -1.0) / 20.0;
        let on_edges: Vec<f64> = (0..=20)
            .flat_map(|i| {
                let e = -1.0 + width * f64::from(i);
                [
                    e,
                    f64::from_bits(e.to_bits() + 1),
                    f64::from_bits(e.to_bits() - 1),
                ]
            })
            .filter(|x| (-1.0..=2.5).contains(x))
            .collect();
        assert_eq!(distribution(&on_edges, 20, "x"), by_sorting(&on_edges, 20));
    }

    proptest::proptest! {
        #[test]
        fn any_values_give_the_sorted_copys_distribution(
            bits in proptest::collection::vec(proptest::prelude::any::<u64>(), 1..200),
            bins in 1_u32..60,
        ) {
            let values: Vec<f64> = bits.into_iter().map(f64::from_bits).collect();
            proptest::prop_assert_eq!(distribution(&values, bins, "x"), by_sorting(&values, bins));
        }

        #[test]
        fn any_finite_values_give_the_sorted_copys_distribution(
            values in proptest::collection::vec(-1e12_f64..1e12, 1..400),
            bins in 1_u32..200,
        ) {
            proptest::prop_assert_eq!(distribution(&values, bins, "x"), by_sorting(&values, bins));
        }
    }

    #[test]
    fn equal_values_give_themselves_exactly() {
        let values = vec![0.1; 1000];
        assert_eq!(mean(&values), 0.1);
        assert_eq!(standard_error(&values, 0.1), Some(0.0));
        let d = distribution(&values, 20, "x").unwrap().unwrap();
        assert_eq!(d.p5, Decimal::new(1, 1));
        assert_eq!(d.histogram.len(), 1);
        assert_eq!(d.histogram[0].paths, 1000);
    }

    #[test]
    fn histogram_counts_every_value_once() {
        let values: Vec<f64> = (0..100).map(f64::from).collect();
        let d = distribution(&values, 10, "x").unwrap().unwrap();
        assert_eq!(d.histogram.len(), 10);
        assert!(
            d.histogram.iter().all(|b| b.paths == 10),
            "{:?}",
            d.histogram
        );
        assert_eq!(d.histogram[9].to, Decimal::from(99));
        // The mean 49.5, standard error sqrt(841.67 / 100) = 2.901.
        assert_eq!(d.mean, Decimal::new(495, 1));
        let se = d.standard_error.unwrap();
        assert!(
            (se - Decimal::new(2901, 3)).abs() < Decimal::new(1, 3),
            "{se}"
        );
    }

    #[test]
    fn events_and_shortfall() {
        let months = [Some(3), None, Some(5), None];
        let e = events(&months, 5, "x").unwrap();
        assert_eq!((e.paths, e.probability), (2, Decimal::new(5, 1)));
        // sqrt(0.5 × 0.5 / 4) = 0.25
        assert_eq!(e.standard_error, Decimal::new(25, 2));
        assert_eq!(e.first_month.unwrap().mean, Decimal::from(4));
        // 40 values 1..40: the worst 5 % are the 2 lowest, mean 1.5.
        let values: Vec<f64> = (1..=40).map(f64::from).collect();
        assert_eq!(expected_shortfall(&values), 1.5);
    }

    #[test]
    fn the_stopping_rule_checks_whole_blocks() {
        // Alternating 0 and 2: the sample variance is n/(n − 1), the standard error
        // sqrt(1/(n − 1)): 0.05006 at n = 400 (above 0.05), 0.0448 at 500, so with a check
        // every 100 paths the rule stops at 500.
        let values: Vec<f64> = (0..2000)
            .map(|i| if i % 2 == 0 { 0.0 } else { 2.0 })
            .collect();
        assert_eq!(stop_at(&values, 0.05, 100), (500, true));
        assert_eq!(stop_at(&values, 0.001, 100), (2000, false));
        // Fed in pieces that straddle the checks, the rule stops at the same path.
        let mut rule = StoppingRule::new(0.05, 100);
        for piece in values.chunks(37) {
            rule.extend(piece);
        }
        assert_eq!(rule.met_at(), Some(500));
    }
}
