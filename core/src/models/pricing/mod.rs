//! GPU rental pricing (docs/domain.md sections 3 and 10): the products a GPU is sold as,
//! the prices its owner must charge, and what a token or a training run costs.
//!
//! - [`capacity_book`]: one period of a fleet sold as reserved, dedicated, on-demand and
//!   spot capacity, with revenue and billed GPU-hours by product;
//! - [`published_discounts`]: published prices turned into discounts to on-demand,
//!   `discount = 1 − price / on_demand`;
//! - [`break_even_price`], [`target_margin_price`], [`target_irr_price`]: the price at a
//!   utilization that covers the owner's cost ([`owner_cost`](super::owner_cost)), earns a
//!   gross margin, or gives the project a target IRR;
//! - [`token_price`] and [`training_run_cost`]: a GPU-hour price in USD per million tokens,
//!   and the cost of a training run of a given number of FLOPs.
//! - [`api_comparison`]: an inference API's bill for a request mix, premium tiers applied to
//!   whole requests, against self-hosting paid by use and by reservation.
//!
//! Every model is a pure function of its input: it checks the inputs first
//! ([`Validate`](super::Validate)) and returns the first problem with its path
//! (`reserved[1].discount`, `cost.usage.utilization`); all arithmetic is checked
//! [`Decimal`](crate::Decimal), and nothing panics.
//!
//! # The capacity book
//!
//! One period of a fleet sold as four products (docs/domain.md section 3). For a period of `H` hours (730 for a month) and `G` GPUs:
//!
//! ```text
//! available     = G × H
//! reserved      = Σ gpus × H hours, billed whether used or not,
//!                 at on_demand_price × (1 − discount) each
//! dedicated     = Σ gpus × H hours, billed whether used or not, at their price
//! on-demand     = (available − reserved − dedicated) × utilization hours, at the price p
//! idle          = (available − reserved − dedicated) − on-demand hours
//! spot sold     = idle × share_of_idle_sold;   pre-empted = sold × preemption_rate
//! spot          = sold − pre-empted hours, at p × (1 − spot discount)
//! total         = on-demand + reserved + spot + dedicated           (revenue and hours)
//! billed utilization           = billed hours ÷ available hours
//! revenue per available hour   = total revenue ÷ available hours
//! ```
//!
//! Spot is sold only from idle on-demand hours: a reserved hour is paid for whether its
//! buyer uses it or not, so it is never resold. Pre-empted spot hours (reclaimed before the
//! buyer's job finished) are not billed.
//!
//! # Discounts from published prices
//!
//! `discount = 1 − price / on_demand`. Providers publish prices, not discounts; the
//! [capacity book](capacity_book) takes discounts. The ratio does not depend on the unit, so instance-hour prices (AWS
//! p4d, 8 GPUs) give the same discounts as GPU-hour prices.
//!
//! # Prices from the owner's cost
//!
//! The price an owner must charge: to break even, to earn a gross margin, or to give the
//! project a target IRR (docs/domain.md section 3). Each starts from the owner's cost
//! ([`owner_cost`](super::owner_cost)) at the input's utilization `u`, with `C` its total
//! per available GPU-hour *before* SG&A (the cost at a price of 0) and `s` the SG&A share
//! of revenue:
//!
//! ```text
//! break-even    p·u = C + s·p·u                  →  p = C / (u·(1 − s))
//! gross margin  (p·u − C) / (p·u) = m             →  p = (C / u) / (1 − m),  m in [0, 1)
//! project IRR   NPV at r of the annual flows = 0  →  p = −K / L
//!   flows       year 0: −capex;  years 1..n: p·u·8760·(1 − s) − c;  year n: + salvage
//!   c           cash operating cost a year = (C − capital) × 8760
//!               (power, facility, staff, support, software, insurance)
//!   K           NPV at r of the flows at p = 0 = npv_at_t0(r, [−capex, −c, …, −c + salvage])
//!   L           NPV at r of the revenue a unit of price earns = npv(r, [u·8760·(1 − s); n])
//! ```
//!
//! - **Gross margin** leaves SG&A out: it is an operating expense below gross profit. The
//!   margin price's [`OwnerCost`](super::OwnerCost) still shows the SG&A at that price.
//! - **IRR**: revenue is linear in `p`, so the NPV at the target rate is `K + p·L`, and the
//!   price is solved exactly, not searched for. Its flows have the target as their IRR
//!   (checked with [`finance::irr`](crate::finance::irr) in the tests to 1e-9). The
//!   capital item of the owner's cost is left out (the capex is the year-0 flow) and so are
//!   the capital's `annual_rate` and `method`: the target rate replaces them. Whole years
//!   only: `capital.life_years` must be a whole number, at most [`MAX_IRR_LIFE_YEARS`].
//!   The price is negative only when the project beats the target with no revenue at all
//!   (a negative target and a salvage near the capex).
//! - The input's `usage.price_usd_per_gpu_hour` is checked like any input but otherwise
//!   ignored: it is what is solved for.
//!
//! # Tokens and training
//!
//! Inference and training in dollars (docs/domain.md section 10):
//!
//! ```text
//! usd_per_million_tokens = usd_per_gpu_hour ÷ (tokens_per_second × 3600 × utilization) × 1e6
//! gpu_hours              = total_flops ÷ (peak_flops_per_second × mfu) ÷ 3600
//! cost_usd               = gpu_hours × usd_per_gpu_hour
//! ```
//!
//! For a comparison with an API's price per token, `utilization` is the share of the
//! *paid* hours (reserved, or every hour of an owned GPU) that produce tokens, not only the
//! hours used. FLOP counts up to ~7.9e28 fit a [`Decimal`](crate::Decimal); a product
//! beyond that is an overflow error naming the field.

mod api_tiers;
mod book;
mod discount;
mod targets;
mod tokens;

pub use api_tiers::{
    ApiComparison, ApiComparisonInputs, ApiPriceList, ApiTier, PremiumTier, RequestClass,
    RequestClassCost, SelfHosted, SelfHostedCost, TokenRates, api_comparison,
};
pub(crate) use book::hours_per_month;
pub use book::{BookRevenue, CapacityBook, Dedicated, OnDemand, Reserved, Spot, capacity_book};
pub use discount::{
    OfferDiscount, PublishedOffer, PublishedPrices, discount_to_on_demand, published_discounts,
};
pub use targets::{
    IrrPrice, MAX_IRR_LIFE_YEARS, RentalPrice, TargetIrrInputs, TargetMarginInputs,
    break_even_price, target_irr_price, target_margin_price,
};
pub use tokens::{
    TokenPrice, TokenPriceInputs, TrainingRunCost, TrainingRunInputs, token_price,
    training_run_cost,
};

/// `Ok(())`, or the first problem `check` records (for checks outside a
/// [`Validate`](super::Validate) impl).
pub(crate) fn first_problem(
    check: impl FnOnce(&mut super::check::Checker),
) -> Result<(), super::ModelError> {
    let mut checker = super::check::Checker::default();
    check(&mut checker);
    checker
        .into_problems()
        .into_iter()
        .next()
        .map_or(Ok(()), Err)
}
