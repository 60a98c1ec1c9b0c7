//! The lender's all-in cost: the IRR of its monthly flows, annualized.

use std::iter;

use super::schedule::DebtMonth;
use crate::models::ModelError;
use crate::units;
use crate::{Decimal, finance};

/// The lender's flows at `t = 0` (the close) to `t = T`: at `t`, what it is paid at the end of
/// month `t` (debt service + commitment fee) less what it lends at the start of month
/// `t + 1` (the draw), plus the upfront fee at `t = 0`.
fn lender_flows(months: &[DebtMonth]) -> Result<Vec<Decimal>, ModelError> {
    let starts = months
        .iter()
        .map(|m| units::sub(m.upfront_fee_usd, m.draw_usd, "draws"))
        .chain(iter::once(Ok(Decimal::ZERO)));
    let ends = iter::once(Ok(Decimal::ZERO)).chain(
        months
            .iter()
            .map(|m| units::add(m.debt_service_usd, m.commitment_fee_usd, "fees")),
    );
    starts
        .zip(ends)
        .map(|(start, end)| Ok(units::add(start?, end?, "draws")?))
        .collect()
}

/// The monthly IRR of the lender's flows and the effective annual rate `(1 + IRR)^12 − 1`;
/// `None` for both when the flows have no rate of return (nothing drawn), `None` for the
/// annual rate when it does not fit in a [`Decimal`].
pub(super) fn all_in_rates(
    months: &[DebtMonth],
) -> Result<(Option<Decimal>, Option<Decimal>), ModelError> {
    let flows = lender_flows(months)?;
    let monthly = finance::irr(&flows, None).ok();
    let annual = monthly.and_then(|rate| finance::annual_rate(rate, "all_in_monthly_rate").ok());
    Ok((monthly, annual))
}
