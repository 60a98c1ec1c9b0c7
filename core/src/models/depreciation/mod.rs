//! Depreciation, obsolescence and the cascade (docs/domain.md section 5): the book value a
//! GPU is carried at, the economic value and prices it can really fetch, the stages of its
//! working life, when it stops paying for its power, and whether to replace it.
//!
//! - [`book_schedule`]: monthly book depreciation by the kernel's methods (SLN, DB, DDB,
//!   SYD, VDB, MACRS) and units of production;
//! - [`Curve`]: one multiplier path for residual values and rental prices (constant,
//!   exponential, generational steps, or market points), 1 at month 0;
//! - [`cascade()`]: a GPU's stages (training → inference → batch), month by month;
//! - [`economic_end_of_life`]: the first month keeping a GPU earns less than its cash cost
//!   or less than a newer GPU in the same kilowatts;
//! - [`refresh_decision`]: keep the fleet or sell it and buy the new generation in the same
//!   power envelope, by NPV;
//! - [`value_schedule`]: book value against economic value, month by month.
//!
//! Months are on the monthly timeline: month 1 is the first month after the start, and
//! every series has one entry per month from month 1. Money is checked [`Decimal`]
//! arithmetic; the transcendentals (fractional powers of curves, the twelfth root of a
//! discount rate) are `f64`, converted once. Inputs are checked first
//! ([`Validate`](crate::models::Validate)) and every problem names its field by its path
//! (`stages[1].utilization`, `method.factor`). Nothing panics.
//!
//! [`Decimal`]: crate::Decimal

pub mod book;
pub mod cascade;
pub mod curve;
pub mod end_of_life;
pub mod refresh;
pub mod value;

pub use book::{
    BookMethod, BookMonth, BookSchedule, BookScheduleInputs, BookTotals, book_schedule,
};
pub use cascade::{
    CascadeInputs, CascadeMonth, CascadeSchedule, CascadeStage, CascadeStageTotal, cascade,
};
pub use curve::{Curve, CurvePoint, CurveSeries, CurveSeriesInputs, CurveStep, curve_series};
pub use end_of_life::{
    EndOfLife, EndOfLifeInputs, EndOfLifeMonth, EndOfLifeReason, NewerGpu, RunningCost,
    economic_end_of_life,
};
pub use refresh::{
    CurrentFleet, KeepCase, NewFleet, RefreshChoice, RefreshDecision, RefreshInputs, ReplaceCase,
    refresh_decision,
};
pub use value::{ValueMonth, ValueSchedule, ValueScheduleInputs, value_schedule};

pub use crate::units::MAX_MONTHS;
