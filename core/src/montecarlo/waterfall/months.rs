//! The waterfall's months: the loan's as scheduled, the box's on the deterministic path,
//! and what a path changes in them.

use super::rates::Rates;

/// One month of the loan as scheduled, in `f64` (a row of
/// [`DebtMonth`](crate::models::debt::DebtMonth)).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LoanMonth {
    /// The draw at the start of the month (the close's in the first).
    pub(crate) draw: f64,
    pub(crate) upfront_fee: f64,
    pub(crate) commitment_fee: f64,
    /// The month's interest, and the part the schedule pays (the rest capitalized).
    pub(crate) interest: f64,
    pub(crate) interest_paid: f64,
    pub(crate) principal: f64,
    /// The hedges' net settlement (swap − cap payout).
    pub(crate) hedges: f64,
    /// The scheduled debt service (the DSRA's target adds it up).
    pub(crate) service: f64,
    /// The balance interest accrues on, opening + draw.
    pub(crate) owed: f64,
}

impl LoanMonth {
    /// The month with `extra` more interest (a path's SOFR): paid with the interest when the
    /// schedule pays all of it, else capitalized with it.
    #[inline]
    pub(crate) fn with_extra_interest(self, extra: f64) -> Self {
        if extra == 0.0 {
            return self;
        }
        let pays_all = self.interest_paid == self.interest && self.interest != 0.0;
        Self {
            interest: self.interest + extra,
            interest_paid: if pays_all {
                self.interest_paid + extra
            } else {
                self.interest_paid
            },
            service: if pays_all {
                self.service + extra
            } else {
                self.service
            },
            ..self
        }
    }
}

/// One month of the box on the path.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BoxMonth {
    pub(crate) cfads: f64,
    pub(crate) capex: f64,
    pub(crate) sale: f64,
    /// What resells, before the liquidation haircut.
    pub(crate) collateral: f64,
    /// The loan's month, with the path's interest.
    pub(crate) loan: LoanMonth,
}

/// What a path changes in one month of a box with debt: the deterministic month (a
/// [`BoxMonth`]) with this CFADS, its sale and collateral × the residual shock, and the
/// loan's interest with the path's SOFR ([`LoanMonth::with_extra_interest`], the extra
/// interest by [`Rates::extra`] from the path's SOFR shift, read where a month is
/// composed).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PathMonth {
    /// The month's CFADS on the path.
    pub(crate) cfads: f64,
    /// The cumulative residual shock.
    pub(crate) shock: f64,
}

impl PathMonth {
    /// The box's month on the path: `base`, the deterministic month (a default one past
    /// the deterministic months' end), with this month's changes, `extra` its extra
    /// interest.
    #[inline(always)]
    fn on(&self, base: Option<&BoxMonth>, extra: f64) -> BoxMonth {
        let base = base.copied().unwrap_or_default();
        BoxMonth {
            cfads: self.cfads,
            sale: base.sale * self.shock,
            collateral: base.collateral * self.shock,
            loan: base.loan.with_extra_interest(extra),
            ..base
        }
    }
}

/// Month index `j` on the path (`None` past the path's months).
#[inline(always)]
pub(super) fn month_at(
    base: &[BoxMonth],
    path: &[PathMonth],
    rates: &Rates<'_>,
    j: usize,
) -> Option<BoxMonth> {
    let p = path.get(j)?;
    Some(p.on(base.get(j), rates.extra(j)))
}

/// Month index `i` on the path (`b`, the deterministic month; `p`, the path's changes to
/// it; `extra`, its extra interest), and the next month's draw, paid out at this month's
/// end (0 past the path): `base`, the deterministic months, exactly as many as the path's
/// (a path leaves the draws as they are).
#[inline(always)]
pub(super) fn composed(
    base: &[BoxMonth],
    extra: f64,
    i: usize,
    (b, p): (&BoxMonth, &PathMonth),
) -> (BoxMonth, f64) {
    let draw_out = base.get(i + 1).map_or(0.0, |m| m.loan.draw);
    (p.on(Some(b), extra), draw_out)
}
