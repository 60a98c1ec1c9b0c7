//! One path's random inputs, drawn month by month from the path's own streams (formulas in
//! the [module docs](super)). Everything here is `f64`: the parameters are converted from
//! their `Decimal` inputs once, in [`Params::new`].

use super::normal::Ziggurat;
use super::options::{Lulls, Stochastic, UtilizationProcess};
use super::rng::{Chance, Rng};
use super::sofr::SofrShifts;
use crate::Decimal;
use crate::units::to_f64_lossy;

/// The stream of each random input (the box and the contract line are added above bit 16
/// and bit 40 for the inputs drawn box by box and line by line).
#[derive(Debug, Clone, Copy)]
enum Stream {
    Price,
    Market,
    Sofr,
    Residual,
    Curtailment,
    Usage,
    Default,
}

impl Stream {
    /// The stream id of this input for `box_index` and `line`.
    fn id(self, box_index: usize, line: usize) -> u64 {
        let kind: u64 = match self {
            Self::Price => 1,
            Self::Market => 2,
            Self::Sofr => 3,
            Self::Residual => 4,
            Self::Curtailment => 5,
            Self::Usage => 6,
            Self::Default => 7,
        };
        let wide = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        kind | (wide(box_index) << 16) | (wide(line) << 40)
    }
}

/// A utilization process in `f64`.
///
/// `keep` and `sigma` apart in memory (`repr(C)`, the lulls between them), as SOFR's
/// ([`super::sofr`]): side by side, LLVM may load them as one vector and compute the shock's
/// `keep · x` and `σ · z` as one vector product, two shuffles and a copy around it.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub(crate) struct Utilization {
    keep: f64,
    lulls: Option<LullsF>,
    sigma: f64,
}

/// Lulls in `f64`, their monthly chances of starting and ending as [`Chance`]s.
#[derive(Debug, Clone, Copy)]
struct LullsF {
    /// The chance of switching out of a month's state: out of a lull, of one starting; in
    /// one, of its ending. Read at the state (as [`switch`] chooses): a load rather than a
    /// select, which kept both in registers through the draws' loop.
    switches: [Chance; 2],
    /// The factor out of a lull and in one (the level): read at the month's state, a load
    /// rather than a branch on the random state.
    factors: [f64; 2],
}

/// The price process in `f64`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Price {
    keep: f64,
    sigma: f64,
    /// (probability, mean log size, log size σ).
    jumps: Option<(Chance, f64, f64)>,
    /// (log level, start probability, end probability).
    regimes: Option<(f64, Chance, Chance)>,
}

/// The residual shocks in `f64`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Residual {
    first_month: u32,
    every_months: u32,
    median_factor: f64,
    sigma: f64,
}

/// Every random input's parameters, in `f64`.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    pub(crate) market: Option<Utilization>,
    pub(crate) usage: Option<Utilization>,
    pub(crate) price: Option<Price>,
    pub(crate) residual: Option<Residual>,
    /// Monthly survival factor `(1 − annual)^(1/12)` and the recovery share.
    pub(crate) default: Option<(f64, f64)>,
    /// (probability, share of hours).
    pub(crate) curtailment: Option<(Chance, f64)>,
    /// (keep = 1 − κ, σ, floor).
    pub(crate) sofr: Option<(f64, f64, Option<f64>)>,
}

fn f(value: Decimal) -> f64 {
    to_f64_lossy(value)
}

/// A monthly probability as the event of a uniform below it.
fn chance(value: Decimal) -> Chance {
    Chance::new(f(value))
}

impl Utilization {
    fn new(p: &UtilizationProcess) -> Self {
        Self {
            keep: 1.0 - f(p.mean_reversion_per_month),
            sigma: f(p.volatility_per_month),
            lulls: p.lulls.as_ref().map(|l: &Lulls| LullsF {
                switches: [
                    chance(l.start_probability_per_month),
                    chance(l.end_probability_per_month),
                ],
                factors: [1.0, f(l.level)],
            }),
        }
    }
}

impl Params {
    /// The parameters of `stochastic` (already validated).
    pub(crate) fn new(stochastic: &Stochastic) -> Self {
        Self {
            market: stochastic.market_utilization.as_ref().map(Utilization::new),
            usage: stochastic.contract_usage.as_ref().map(Utilization::new),
            price: stochastic.price.as_ref().map(|p| Price {
                keep: 1.0 - f(p.mean_reversion_per_month),
                sigma: f(p.volatility_per_month),
                jumps: p.jumps.as_ref().map(|j| {
                    (
                        chance(j.probability_per_month),
                        f(j.mean_log_size),
                        f(j.log_size_volatility),
                    )
                }),
                regimes: p.regimes.as_ref().map(|r| {
                    (
                        f(r.log_level),
                        chance(r.start_probability_per_month),
                        chance(r.end_probability_per_month),
                    )
                }),
            }),
            residual: stochastic.residual.as_ref().map(|r| Residual {
                first_month: r.first_month,
                every_months: r.every_months,
                median_factor: 1.0 - f(r.median_drop),
                sigma: f(r.volatility),
            }),
            default: stochastic.customer_default.as_ref().map(|d| {
                (
                    libm::pow(1.0 - f(d.annual_probability), 1.0 / 12.0),
                    f(d.recovery),
                )
            }),
            curtailment: stochastic
                .curtailment
                .as_ref()
                .map(|c| (chance(c.probability_per_month), f(c.share_of_hours))),
            sofr: stochastic.sofr.as_ref().map(|s| {
                (
                    1.0 - f(s.mean_reversion_per_month),
                    f(s.volatility_per_month),
                    s.floor_annual_rate.map(f),
                )
            }),
        }
    }
}

/// One contract line's draws.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineDraws {
    /// `1 + x` of the usage process, months 1 to the last the path reads
    /// ([`Shape::usage_months`]; the horizon without a usage process).
    pub(crate) shock: Vec<f64>,
    /// The lull factor (1 when busy), as many months.
    pub(crate) lull: Vec<f64>,
    /// The uniform that sets the default month, when buyers default.
    pub(crate) default_uniform: Option<f64>,
}

/// One box's draws.
#[derive(Debug, Clone, Default)]
pub(crate) struct BoxDraws {
    /// The share of each month's hours cut by events (0 without one).
    pub(crate) curtailed: Vec<f64>,
    /// Each contract line's draws.
    pub(crate) lines: Vec<LineDraws>,
}

/// A path's draws; the buffers are reused from path to path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draws {
    /// The price multiplier.
    pub(crate) price: Vec<f64>,
    /// `1 + x` of the market's utilization, and its lull factor.
    pub(crate) market_shock: Vec<f64>,
    pub(crate) market_lull: Vec<f64>,
    /// SOFR's move away from the scenario's path, drawn as far as read.
    pub(crate) sofr: SofrShifts,
    /// The cumulative residual shock.
    pub(crate) residual: Vec<f64>,
    /// Box by box.
    pub(crate) boxes: Vec<BoxDraws>,
    /// Which of the path's buffers above hold only their neutral value since the last
    /// draw: a draw that leaves them neutral again (a random input the scenario does not
    /// draw: the same on every path) does not refill them.
    neutral: Neutral,
}

/// Whether each of a path's buffers holds only its neutral value (see [`Draws`]).
#[derive(Debug, Clone, Copy, Default)]
struct Neutral {
    price: bool,
    market: bool,
    residual: bool,
}

/// Sets `out` to `months` ones (nothing to do if `neutral` says it holds ones, as many);
/// `out` then holds ones only.
fn ones(out: &mut Vec<f64>, months: usize, neutral: &mut bool) {
    fill(out, months, 1.0, neutral);
}

/// Sets `out` to `months` zeros, as [`ones`].
fn zeros(out: &mut Vec<f64>, months: usize, neutral: &mut bool) {
    fill(out, months, 0.0, neutral);
}

/// Sets `out` to `months` copies of `value`, unless `neutral` says it holds them already.
fn fill(out: &mut Vec<f64>, months: usize, value: f64, neutral: &mut bool) {
    if *neutral && out.len() == months {
        return;
    }
    out.clear();
    out.resize(months, value);
    *neutral = true;
}

/// A two-state chain step: from the normal state, `start` is the chance of switching;
/// from the other, `end` the chance of switching back (staying shifted is `u ≥ end`, which
/// is `!(u < end)`: the probabilities come from decimals, never NaN).
#[inline]
fn switch(rng: &mut Rng, shifted: bool, start: Chance, end: Chance) -> bool {
    // Shifted: !happens(end); else happens(start). One comparison, on the chance chosen.
    rng.happens(if shifted { end } else { start }) != shifted
}

impl Utilization {
    /// Fills `shock` with `1 + x` and `lull` with the lull factor, months 1 to `months`.
    fn draw(
        &self,
        z: &Ziggurat,
        rng: &mut Rng,
        months: usize,
        shock: &mut Vec<f64>,
        lull: &mut Vec<f64>,
    ) {
        shock.resize(months, 1.0);
        lull.resize(months, 1.0);
        // The generator's state as a local, in registers through the loop (written back).
        let mut r = rng.clone();
        let mut x = 0.0;
        let mut step = |r: &mut Rng| {
            x = self.keep * x + self.sigma * z.sample(r);
            1.0 + x
        };
        // A loop for each case, chosen once (each month draws the shock, then the lull).
        match &self.lulls {
            Some(lulls) => {
                let [start, end] = lulls.switches;
                let months = (shock.as_mut_slice(), lull.as_mut_slice());
                match (start.bound(), end.bound()) {
                    // As `switch`: the chance of the month's state (1 in a lull) on the
                    // draw's 64 bits (the shift spared), where neither is certain.
                    (Some(start), Some(end)) => {
                        let bounds = [start, end];
                        let switches =
                            |bits, state: usize| bits < bounds.get(state & 1).copied().unwrap_or(0);
                        lull_months(&mut r, months, step, lulls.factors, switches);
                    }
                    // A certain one (no bound): the test on the 52 bits.
                    _ => {
                        let switches = |bits, state: usize| {
                            lulls.switches.get(state & 1).is_some_and(|c| c.holds(bits))
                        };
                        lull_months(&mut r, months, step, lulls.factors, switches);
                    }
                }
            }
            None => {
                for (s, l) in shock.iter_mut().zip(lull.iter_mut()) {
                    *s = step(&mut r);
                    *l = 1.0;
                }
            }
        }
        *rng = r;
    }
}

/// The months of a utilization with lulls, into `shock` and `lull` (as many): each month the
/// shock's `step`, then the lull chain's draw, which switches the state (an index, 1 in a
/// lull: no conversion from a `bool` a month) where `switches(bits, state)`, then the
/// state's factor.
#[inline(always)]
fn lull_months(
    r: &mut Rng,
    (shock, lull): (&mut [f64], &mut [f64]),
    mut step: impl FnMut(&mut Rng) -> f64,
    factors: [f64; 2],
    switches: impl Fn(u64, usize) -> bool,
) {
    let mut state = 0_usize;
    for (s, l) in shock.iter_mut().zip(lull) {
        *s = step(r);
        state ^= usize::from(switches(r.next_u64(), state));
        *l = factors.get(state & 1).copied().unwrap_or(1.0);
    }
}

/// The shape of a portfolio: its horizon, and the contract lines of each box.
pub(crate) struct Shape<'a> {
    pub(crate) months: usize,
    pub(crate) lines: &'a [usize],
    /// Whether any box has floating-rate debt (SOFR is drawn only then).
    pub(crate) floating: bool,
    /// Whether any box sells on-demand capacity at a price above 0 (prices are drawn only
    /// then).
    pub(crate) priced: bool,
    /// Whether any box's market utilization is above 0 in some month (the market's
    /// utilization is drawn only then: a level of 0 stays 0).
    pub(crate) utilized: bool,
    /// The months of a contract line's usage to draw (at most `months` are), from its box,
    /// its index in the box and its default uniform: those the path reads, or
    /// [`every_month`].
    pub(crate) usage_months: &'a dyn Fn(usize, usize, Option<f64>) -> usize,
}

/// Every month of every line's usage ([`Shape::usage_months`]): for a path whose usage is
/// read in full (a replay writes it into its scenario).
pub(crate) fn every_month(_box: usize, _line: usize, _default_uniform: Option<f64>) -> usize {
    usize::MAX
}

impl Params {
    /// Draws path `path` under `seed` into `d`.
    pub(crate) fn draw(
        &self,
        z: &Ziggurat,
        seed: u64,
        path: u64,
        shape: &Shape<'_>,
        d: &mut Draws,
    ) {
        let months = shape.months;
        let rng =
            |stream: Stream, b: usize, line: usize| Rng::stream(seed, path, stream.id(b, line));
        let neutral = &mut d.neutral;
        match (self.price, shape.priced) {
            (Some(p), true) => {
                neutral.price = false;
                p.draw(z, &mut rng(Stream::Price, 0, 0), months, &mut d.price);
            }
            _ => ones(&mut d.price, months, &mut neutral.price),
        }
        match self.market.filter(|_| shape.utilized) {
            Some(u) => {
                neutral.market = false;
                u.draw(
                    z,
                    &mut rng(Stream::Market, 0, 0),
                    months,
                    &mut d.market_shock,
                    &mut d.market_lull,
                );
            }
            None => {
                // One flag for both: each refilled unless both hold ones.
                let mut lull = neutral.market;
                ones(&mut d.market_shock, months, &mut neutral.market);
                ones(&mut d.market_lull, months, &mut lull);
            }
        }
        // Drawn as the path reads it: the stream's generator kept until then.
        let sofr = match (self.sofr, shape.floating) {
            (Some((keep, sigma, _)), true) => Some((rng(Stream::Sofr, 0, 0), keep, sigma)),
            _ => None,
        };
        d.sofr.start(sofr, months);
        match self.residual {
            Some(shocks) => {
                neutral.residual = false;
                shocks.draw(z, &mut rng(Stream::Residual, 0, 0), months, &mut d.residual);
            }
            None => ones(&mut d.residual, months, &mut neutral.residual),
        }
        d.boxes.resize_with(shape.lines.len(), BoxDraws::default);
        for (b, (draws, &lines)) in d.boxes.iter_mut().zip(shape.lines).enumerate() {
            match self.curtailment {
                Some((probability, share)) => {
                    let r = rng(Stream::Curtailment, b, 0);
                    curtail(r, probability, share, months, &mut draws.curtailed);
                }
                None => zeros(&mut draws.curtailed, months, &mut false),
            }
            draws.lines.resize_with(lines, LineDraws::default);
            for (line, l) in draws.lines.iter_mut().enumerate() {
                // The default first (a stream of its own): it ends the months read.
                l.default_uniform = self
                    .default
                    .map(|_| rng(Stream::Default, b, line).uniform());
                match self.usage {
                    Some(u) => u.draw(
                        z,
                        &mut rng(Stream::Usage, b, line),
                        (shape.usage_months)(b, line, l.default_uniform).min(months),
                        &mut l.shock,
                        &mut l.lull,
                    ),
                    None => {
                        ones(&mut l.shock, months, &mut false);
                        ones(&mut l.lull, months, &mut false);
                    }
                }
            }
        }
    }
}

/// Fills `out` with `months` months of the share of hours curtailed, `share` where the
/// month's event happens (`chance`, drawn from `r`), else +0.
///
/// `share` where the event happens, +0 (all bits 0) where not: a mask of the share's bits
/// rather than a branch on a random event. The event's test on the draw's 64 bits
/// ([`Chance::bound`]), two months a step (one loop test for both); an event certain to
/// happen (no such bound) is `share` every month, undrawn: nothing else reads the stream.
fn curtail(mut r: Rng, chance: Chance, share: f64, months: usize, out: &mut Vec<f64>) {
    out.resize(months, 0.0);
    let Some(bound) = chance.bound() else {
        out.fill(share);
        return;
    };
    let bits = share.to_bits();
    let mut month = || f64::from_bits(bits & u64::from(r.next_u64() < bound).wrapping_neg());
    let mut pairs = out.chunks_exact_mut(2);
    for pair in &mut pairs {
        if let [first, second] = pair {
            *first = month();
            *second = month();
        }
    }
    for slot in pairs.into_remainder() {
        *slot = month();
    }
}

impl Price {
    /// Fills `out` with the price multiplier, months 1 to `months`.
    fn draw(&self, z: &Ziggurat, rng: &mut Rng, months: usize, out: &mut Vec<f64>) {
        out.resize(months, 1.0);
        // The generator's state as a local, in registers through the loop (written back).
        let mut r = rng.clone();
        let (mut y, mut shifted) = (0.0, false);
        for slot in out.iter_mut() {
            y = self.keep * y + self.sigma * z.sample(&mut r);
            if let Some((probability, mean, sigma)) = self.jumps
                && r.happens(probability)
            {
                y += mean + sigma * z.sample(&mut r);
            }
            let level = match self.regimes {
                Some((level, start, end)) => {
                    shifted = switch(&mut r, shifted, start, end);
                    if shifted { level } else { 0.0 }
                }
                None => 0.0,
            };
            *slot = libm::exp(y + level);
        }
        *rng = r;
    }
}

impl Residual {
    /// Fills `out` with the cumulative shock at the end of months 1 to `months`.
    fn draw(&self, z: &Ziggurat, rng: &mut Rng, months: usize, out: &mut Vec<f64>) {
        out.resize(months, 1.0);
        let mut factor = 1.0;
        // The shocks' months, `first_month + k · every_months` (k ≥ 0, from month 1), kept
        // as the next one; the months from one shock to the next (`from..i`) filled at
        // once. A shock's month index is at least `earliest` (none again in the same month
        // when the step is 0) and within the months.
        let mut next = if self.first_month == 0 {
            self.every_months
        } else {
            self.first_month
        };
        let (mut from, mut earliest) = (0, 0);
        let index = |month: u32| usize::try_from(month).ok()?.checked_sub(1);
        while let Some(i) = index(next).filter(|i| *i >= earliest && *i < months) {
            if let Some(kept) = out.get_mut(from..i) {
                kept.fill(factor);
            }
            factor *= self.median_factor * libm::exp(self.sigma * z.sample(rng));
            (from, earliest) = (i, i + 1);
            next = next.saturating_add(self.every_months);
        }
        if let Some(kept) = out.get_mut(from..) {
            kept.fill(factor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::montecarlo::options::{
        Lulls, PriceProcess, ResidualShocks, Stochastic, UtilizationProcess,
    };

    /// The first `months` SOFR shifts of `d`.
    fn shifts(d: &Draws, z: &Ziggurat, months: usize) -> Vec<f64> {
        (0..months).map(|i| d.sofr.at(z, i)).collect()
    }

    fn shape(months: usize) -> Shape<'static> {
        Shape {
            months,
            lines: &[1],
            floating: true,
            priced: true,
            utilized: true,
            usage_months: &every_month,
        }
    }

    #[test]
    fn without_random_inputs_every_draw_is_neutral() {
        let params = Params::new(&Stochastic::default());
        let mut d = Draws::default();
        let z = Ziggurat::new();
        params.draw(&z, 1, 0, &shape(24), &mut d);
        assert!(
            d.price
                .iter()
                .chain(&d.market_shock)
                .chain(&d.residual)
                .all(|x| *x == 1.0)
        );
        assert!(
            shifts(&d, &z, 24)
                .iter()
                .chain(&d.boxes[0].curtailed)
                .all(|x| *x == 0.0)
        );
        assert_eq!(d.boxes[0].lines[0].default_uniform, None);
    }

    #[test]
    fn a_buffer_left_neutral_is_neutral_after_a_draw_into_it() {
        // The same buffers drawn with prices and market, then without, then with: the
        // neutral ones (not refilled while they stay neutral) are ones again after a
        // draw, and the drawn ones are the stream's, whatever the buffers held.
        let params = Params::new(&Stochastic::typical());
        let z = Ziggurat::new();
        let quiet = Shape {
            priced: false,
            utilized: false,
            floating: false,
            ..shape(24)
        };
        let mut fresh = Draws::default();
        params.draw(&z, 3, 9, &shape(24), &mut fresh);
        let mut d = Draws::default();
        for shape in [&quiet, &quiet, &shape(24), &quiet, &shape(24)] {
            params.draw(&z, 3, 9, shape, &mut d);
            if shape.priced {
                assert_eq!(d.price, fresh.price);
                assert_eq!(d.market_shock, fresh.market_shock);
                assert_eq!(shifts(&d, &z, 24), shifts(&fresh, &z, 24));
                assert!(d.price.iter().any(|m| *m != 1.0));
            } else {
                assert_eq!(d.price, [1.0; 24]);
                assert_eq!(d.market_shock, [1.0; 24]);
                assert_eq!(d.market_lull, [1.0; 24]);
                assert_eq!(shifts(&d, &z, 24), [0.0; 24]);
            }
        }
        // A shorter horizon refills the neutral buffers to its length.
        params.draw(
            &z,
            3,
            9,
            &Shape {
                months: 12,
                ..quiet
            },
            &mut d,
        );
        assert_eq!(d.price, [1.0; 12]);
    }

    #[test]
    fn a_mean_reverting_utilization_returns_to_its_level() {
        // κ = 0.3, σ = 0.1: the stationary deviation has standard deviation
        // σ / sqrt(1 − 0.7²) = 0.140; its mean over 2,000 paths of month 120 has standard
        // error 0.0031, and the deviation left from x₀ = 0 after 120 months is 0.7¹²⁰ ≈ 0.
        let stochastic = Stochastic {
            market_utilization: Some(UtilizationProcess {
                lulls: None,
                ..UtilizationProcess::training()
            }),
            ..Stochastic::default()
        };
        let params = Params::new(&stochastic);
        let z = Ziggurat::new();
        let mut d = Draws::default();
        let (mut sum, mut squares) = (0.0, 0.0);
        let n = 2_000;
        for path in 0..n {
            params.draw(&z, 9, path, &shape(120), &mut d);
            let x = d.market_shock[119] - 1.0;
            sum += x;
            squares += x * x;
        }
        let count = f64::from(u32::try_from(n).unwrap());
        let mean = sum / count;
        let sd = (squares / count - mean * mean).sqrt();
        assert!(mean.abs() < 0.016, "mean {mean}");
        assert!((sd - 0.14).abs() < 0.01, "sd {sd}");
    }

    #[test]
    fn a_usage_draw_is_the_chain_stepped_month_by_month_to_the_bit() {
        // The draws' loop against the process written out month by month: the shock's
        // step, then the lull's switch on the chance `switch` selects, then the factor; for
        // the training lulls, and lulls that never or always start or end (certain ones
        // take the loop's other test), over odd and even numbers of months.
        let training = UtilizationProcess::training();
        let lulls_of = |start: i64, end: i64| UtilizationProcess {
            lulls: training.lulls.clone().map(|l| Lulls {
                start_probability_per_month: Decimal::new(start, 2),
                end_probability_per_month: Decimal::new(end, 2),
                ..l
            }),
            ..training.clone()
        };
        let z = Ziggurat::new();
        let (mut shock, mut lull) = (Vec::new(), Vec::new());
        let (mut in_lull_months, mut switches) = (0, 0);
        for (start, end) in [
            (5, 25),
            (0, 25),
            (5, 0),
            (100, 25),
            (5, 100),
            (100, 100),
            (0, 0),
        ] {
            let u = Utilization::new(&lulls_of(start, end));
            let [start, end] = u.lulls.unwrap().switches;
            for (seed, months) in (0..200).zip([120, 119, 0, 1, 2, 3].into_iter().cycle()) {
                let mut rng = Rng::seeded(seed);
                u.draw(&z, &mut rng, months, &mut shock, &mut lull);
                assert_eq!((shock.len(), lull.len()), (months, months));
                let mut by_hand = Rng::seeded(seed);
                let (mut x, mut in_lull) = (0.0, false);
                for (s, l) in shock.iter().zip(&lull) {
                    x = u.keep * x + u.sigma * z.sample(&mut by_hand);
                    let before = in_lull;
                    in_lull = switch(&mut by_hand, in_lull, start, end);
                    let factor: f64 = if in_lull { 0.3 } else { 1.0 };
                    assert_eq!(s.to_bits(), (1.0 + x).to_bits());
                    assert_eq!(l.to_bits(), factor.to_bits());
                    in_lull_months += usize::from(in_lull);
                    switches += usize::from(in_lull != before);
                }
                // The generator left where the months left it.
                assert_eq!(rng, by_hand);
            }
        }
        // Both states came up, and switched both ways many times.
        assert!(
            in_lull_months > 2_000 && switches > 1_000,
            "{in_lull_months} {switches}"
        );
    }

    #[test]
    fn curtailed_months_are_the_events_drawn_month_by_month_to_the_bit() {
        // Against the loop as first written: one draw a month, `share` where it is below
        // the chance's probability as a uniform, +0 where not; chances impossible, certain
        // and in between, shares of every sign, any number of months.
        let reference = |mut r: Rng, chance: Chance, share: f64, months: usize| -> Vec<u64> {
            (0..months)
                .map(|_| {
                    if r.happens(chance) {
                        share.to_bits()
                    } else {
                        0
                    }
                })
                .collect()
        };
        let mut out = vec![7.0; 5];
        for p in [0.0, 1e-300, 0.01, 0.1, 0.5, 1.0 - 1e-16, 1.0, 2.0] {
            for share in [0.1, 1.0, 0.0, -0.0, f64::NAN, f64::INFINITY, 5e-324] {
                for months in [0, 1, 2, 3, 143, 144] {
                    let (chance, r) = (Chance::new(p), Rng::stream(9, 4, 5));
                    curtail(r.clone(), chance, share, months, &mut out);
                    let bits: Vec<u64> = out.iter().map(|x| x.to_bits()).collect();
                    assert_eq!(bits, reference(r, chance, share, months), "{p} {share}");
                }
            }
        }
    }

    #[test]
    fn lulls_take_their_stationary_share_of_months() {
        // Start 5 %, end 25 %: the chain spends 0.05 / (0.05 + 0.25) = 1/6 of months in a
        // lull; 1,000 paths × 120 months, with autocorrelated months, give a standard error
        // of about 0.003.
        let params = Params::new(&Stochastic {
            contract_usage: Some(UtilizationProcess::training()),
            ..Stochastic::default()
        });
        let z = Ziggurat::new();
        let mut d = Draws::default();
        let (mut lulls, mut months) = (0_u32, 0_u32);
        for path in 0..1_000 {
            params.draw(&z, 3, path, &shape(120), &mut d);
            lulls += u32::try_from(
                d.boxes[0].lines[0]
                    .lull
                    .iter()
                    .filter(|f| **f < 1.0)
                    .count(),
            )
            .unwrap();
            months += 120;
        }
        let share = f64::from(lulls) / f64::from(months);
        assert!((share - 1.0 / 6.0).abs() < 0.015, "{share}");
    }

    #[test]
    fn residual_shocks_fall_at_launches_only() {
        // First launch in month 12, then every 24 months, half the value lost at each with
        // no volatility: the factor is 1 through month 11, 1/2 from month 12, 1/4 from 36,
        // 1/8 from 60 (all exact in binary).
        let params = Params::new(&Stochastic {
            residual: Some(ResidualShocks {
                first_month: 12,
                every_months: 24,
                median_drop: Decimal::new(5, 1),
                volatility: Decimal::ZERO,
            }),
            ..Stochastic::default()
        });
        let mut d = Draws::default();
        params.draw(&Ziggurat::new(), 4, 2, &shape(72), &mut d);
        let expected = |month: usize| match month {
            ..=11 => 1.0,
            12..=35 => 0.5,
            36..=59 => 0.25,
            _ => 0.125,
        };
        for (i, factor) in d.residual.iter().enumerate() {
            assert_eq!(*factor, expected(i + 1), "month {}", i + 1);
        }
        assert_eq!(d.residual.len(), 72);
    }

    #[test]
    fn residual_shocks_fill_the_months_between_them_as_month_by_month() {
        // The months between two shocks filled at once, against a factor kept month by
        // month (a shock in month m when m = first + k · every, k ≥ 0; from `every` when
        // `first` is 0): the same draws in the same months, the same bits; steps of 0,
        // shocks past the horizon, and no months at all included.
        let z = Ziggurat::new();
        let by_month = |r: &Residual, rng: &mut Rng, months: u32| -> Vec<f64> {
            let start = if r.first_month == 0 {
                r.every_months
            } else {
                r.first_month
            };
            let mut factor = 1.0;
            (1..=months)
                .map(|m| {
                    let shocked = start != 0
                        && m >= start
                        && match r.every_months {
                            0 => m == start,
                            every => (m - start) % every == 0,
                        };
                    if shocked {
                        factor *= r.median_factor * libm::exp(r.sigma * z.sample(rng));
                    }
                    factor
                })
                .collect()
        };
        let mut out = vec![7.0; 3];
        for first_month in [0, 1, 2, 5, 13, 30, 31, 200] {
            for every_months in [0, 1, 2, 4, 24, 40] {
                for months in [0, 1, 12, 30] {
                    let r = Residual {
                        first_month,
                        every_months,
                        median_factor: 0.8,
                        sigma: 0.3,
                    };
                    let mut rng = Rng::stream(1, 2, 3);
                    r.draw(&z, &mut rng, usize::try_from(months).unwrap(), &mut out);
                    let mut reference = Rng::stream(1, 2, 3);
                    let expected = by_month(&r, &mut reference, months);
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&out), bits(&expected), "{first_month} {every_months}");
                    // The same numbers drawn: the generators are in the same state.
                    assert_eq!(rng, reference);
                }
            }
        }
    }

    #[test]
    fn a_price_without_volatility_stays_on_its_path() {
        let params = Params::new(&Stochastic {
            price: Some(PriceProcess {
                mean_reversion_per_month: Decimal::new(1, 1),
                volatility_per_month: Decimal::ZERO,
                jumps: None,
                regimes: None,
            }),
            ..Stochastic::default()
        });
        let mut d = Draws::default();
        params.draw(&Ziggurat::new(), 5, 5, &shape(36), &mut d);
        assert!(d.price.iter().all(|m| *m == 1.0));
    }

    #[test]
    fn the_typical_regime_collapses_prices_part_of_the_time() {
        // Regimes start 1 % and end 5 % a month: 1/6 of months in the collapse at e^−1.5.
        let params = Params::new(&Stochastic::typical());
        let z = Ziggurat::new();
        let mut d = Draws::default();
        let mut low = 0_u32;
        for path in 0..500 {
            params.draw(&z, 11, path, &shape(120), &mut d);
            low += u32::try_from(d.price.iter().filter(|m| **m < 0.35).count()).unwrap();
        }
        let share = f64::from(low) / 60_000.0;
        assert!(share > 0.08 && share < 0.3, "{share}");
    }
}
