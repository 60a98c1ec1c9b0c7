//! Debt schedules: `debt_schedule` and `sculpted_debt_capacity`.

use gpuecon::models::debt;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// A loan month by month: draws, interest paid or capitalized, principal, fees, balances,
/// totals, the maturity month and the lender's all-in cost. `inputs` is an object of the
/// shape of the core's `LoanInputs` (`interest`, `draws` and `amortization` tagged by
/// `kind`); decimals in the result are strings.
#[wasm_bindgen]
pub fn debt_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", debt::debt_schedule)
}

/// The largest loan that debt service of CFADS ÷ target DSCR repays by maturity: the
/// present value of that service at the loan's rate. `inputs` is an object of the shape of
/// the core's `DebtCapacityInputs` (`{ cfads_usd, target_dscr, interest, tenor_months }`).
#[wasm_bindgen]
pub fn sculpted_debt_capacity(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", debt::sculpted_debt_capacity)
}
