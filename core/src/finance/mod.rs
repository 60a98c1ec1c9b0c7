//! Excel-compatible finance functions, with Excel's argument order and sign convention
//! (money paid out is negative, money received positive).
//!
//! Sums and products of money are exact [`Decimal`](crate::Decimal) arithmetic, checked
//! for overflow. Irrational quantities (roots, fractional powers, logarithms) are computed
//! in `f64`, as Excel does, and each function's documentation says where.

mod depreciation;
mod timing;

pub use depreciation::sln;
pub use timing::PaymentTiming;
