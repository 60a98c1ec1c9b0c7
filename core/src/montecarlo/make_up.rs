//! A contract line's make-up credits on a path, as its monthly settlement
//! ([`contract`](super::contract)) uses them: GPU-hours of shortfall paid at a true-up
//! period's end, used (oldest first) against the hours above a later period's minimum
//! within the contract's window of periods.
//!
//! A line without a make-up window never earns a credit: its settlement runs on
//! [`NoCredits`], chosen once a line instead of testing an empty list every month.

use super::float::lesser;

/// A line's make-up credits on a path.
pub(crate) trait Credits {
    /// Uses up to `wanted` GPU-hours of credit, oldest first; returns the hours used.
    fn used(&mut self, wanted: f64) -> f64;

    /// At the end of period `period` (`ends`: the line's last month on the path), with
    /// `shortfall` GPU-hours of shortfall paid: earns them as a credit, and drops the
    /// credits whose `window` periods are over (all of them at the line's end).
    fn close(&mut self, window: u32, period: u32, shortfall: f64, ends: bool);
}

/// Credits as (period earned, GPU-hours left), oldest first.
impl Credits for Vec<(u32, f64)> {
    #[inline]
    fn used(&mut self, wanted: f64) -> f64 {
        let mut used = 0.0;
        while let Some((_, left)) = self.first_mut() {
            let still = wanted - used;
            if still <= 0.0 {
                break;
            }
            let take = lesser(*left, still);
            *left -= take;
            used += take;
            if *left == 0.0 {
                self.remove(0);
            }
        }
        used
    }

    #[inline]
    fn close(&mut self, window: u32, period: u32, shortfall: f64, ends: bool) {
        if shortfall > 0.0 {
            self.push((period, shortfall));
        }
        self.retain(|(earned, _)| {
            !(ends || u64::from(*earned) + u64::from(window) <= u64::from(period))
        });
    }
}

/// The credits of a line held elsewhere (a path's line state).
impl<T: Credits + ?Sized> Credits for &mut T {
    #[inline(always)]
    fn used(&mut self, wanted: f64) -> f64 {
        (**self).used(wanted)
    }

    #[inline(always)]
    fn close(&mut self, window: u32, period: u32, shortfall: f64, ends: bool) {
        (**self).close(window, period, shortfall, ends);
    }
}

/// The credits of a line without a make-up window: none, ever. [`used`](Credits::used)
/// is +0, as the loop over an empty list gives (so a month settles to the same bits), and
/// the hours above the minimum that it is asked for are then not computed at all.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NoCredits;

impl Credits for NoCredits {
    #[inline(always)]
    fn used(&mut self, _wanted: f64) -> f64 {
        0.0
    }

    #[inline(always)]
    fn close(&mut self, _window: u32, _period: u32, _shortfall: f64, _ends: bool) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_used_oldest_first_and_expire_with_their_window() {
        // Period 1 earns 10 hours, period 2 earns 5; a window of 2 periods.
        let mut credits: Vec<(u32, f64)> = Vec::new();
        credits.close(2, 1, 10.0, false);
        credits.close(2, 2, 5.0, false);
        assert_eq!(credits, [(1, 10.0), (2, 5.0)]);
        // 12 hours wanted: the 10 of period 1 (gone), then 2 of period 2's 5.
        assert_eq!(credits.used(12.0), 12.0);
        assert_eq!(credits, [(2, 3.0)]);
        // Nothing wanted, nothing used.
        assert_eq!(credits.used(0.0), 0.0);
        // Period 3 ends with no shortfall: period 2's credit stays (2 + 2 > 3) ...
        credits.close(2, 3, 0.0, false);
        assert_eq!(credits, [(2, 3.0)]);
        // ... and expires at period 4's end (2 + 2 ≤ 4).
        credits.close(2, 4, 0.0, false);
        assert!(credits.is_empty());
        // The line's end drops every credit, the one just earned too.
        credits.close(2, 5, 7.0, true);
        assert!(credits.is_empty());
    }

    #[test]
    fn no_credits_use_what_an_empty_list_uses() {
        for wanted in [0.0, -0.0, 3.5, -2.0, f64::INFINITY] {
            let empty = Vec::<(u32, f64)>::new().used(wanted);
            assert_eq!(NoCredits.used(wanted).to_bits(), empty.to_bits());
        }
    }
}
