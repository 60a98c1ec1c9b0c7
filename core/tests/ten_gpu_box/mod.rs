//! The small box the hand-worked tax and hedge tests share: 10 GPUs at $10,000, $2 × 730 h
//! on demand at full utilization with no costs, 12 months from 2026-01-31, a straight loan
//! at a 0.6 advance lent on the merchant flow; `interest` is the loan's interest object and
//! `extra` adds financing keys (each starting with a comma).

use gpuecon::scenario::Scenario;

// A failure to parse is a failed test.
#[allow(clippy::expect_used)]
pub fn ten_gpu_box(interest: &str, extra: &str) -> Scenario {
    let json = format!(
        r#"{{
  "start": "2026-01-31", "horizon_months": 12, "annual_discount_rate": 0,
  "fleet": {{ "gpus": 10, "capex_usd_per_gpu": 10000 }},
  "power": {{ "it_kw_per_gpu": 1, "idle_fraction": 0, "pue": 1, "usd_per_kwh": 0 }},
  "facility": {{ "contracted_kw_per_gpu": 1, "usd_per_kw_month": 0 }},
  "depreciation": {{ "method": {{ "kind": "straight_line" }}, "life_years": 5 }},
  "residual": {{ "kind": "constant" }},
  "market": {{ "on_demand_usd_per_gpu_hour": 2, "utilization": 1 }},
  "financing": {{
    "advance_rate": 0.6, "target_dscr": 0.5, "tenor_months": 12,
    "merchant_haircut": 0, "allow_merchant_tail": true, "repayment": "straight",
    "interest": {interest}
    {extra}
  }}
}}"#
    );
    serde_json::from_str(&json).expect("the ten-GPU box is valid JSON")
}
