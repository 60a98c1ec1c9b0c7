//! Excel-compatible finance functions, with Excel's argument order and sign convention
//! (money paid out is negative, money received positive).
//!
//! Sums and products of money are exact [`Decimal`](crate::Decimal) arithmetic, checked
//! for overflow. Irrational quantities (roots, fractional powers, logarithms) are computed
//! in `f64`, as Excel does, and each function's documentation says where.

mod amortization;
mod cash_flows;
mod declining_balance;
mod depreciation;
mod fixed_point;
mod irr;
mod macrs;
mod rate;
mod rates;
mod solver;
mod time_value;
mod timing;
mod xirr;

pub use amortization::{cumipmt, cumprinc, ipmt, ispmt, ppmt};
pub use cash_flows::{mirr, npv, npv_at_t0, xnpv};
pub use declining_balance::{VDB_MAX_PERIODS, db, ddb, vdb};
pub use depreciation::{sln, syd};
pub use irr::{irr, irr_all, irr_f64};
pub use macrs::{MacrsClass, macrs, macrs_schedule};
pub use rate::rate;
pub use rates::{annual_rate, effect, monthly_rate, nominal};
pub use time_value::{fv, fvschedule, nper, pmt, pv};
pub use timing::PaymentTiming;
pub use xirr::{xirr, xirr_f64};
