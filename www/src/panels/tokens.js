// Cost per token: a GPU-hour price per million tokens, the cost of a training run, and an
// inference API's bill against self-hosting.

import { api_comparison, token_price, training_run_cost } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { dec, group, optional, rows, text } from "../lib/form.js";

const rates = (base) => [
  dec(`${base}.input_usd_per_million_tokens`, "Input", "USD/M tokens"),
  dec(`${base}.cached_input_usd_per_million_tokens`, "Cached input", "USD/M tokens"),
  dec(`${base}.output_usd_per_million_tokens`, "Output", "USD/M tokens"),
];

export default {
  id: "tokens",
  title: "Cost per token",
  intro: "From GPU-hours to tokens: compare API prices with GPUs paid by the hour (reserved hours count whether they serve or not).",
  blocks: [
    {
      id: "token",
      gloss: "token_price",
      title: "A GPU-hour price per million tokens",
      defaults: () => ({ usd_per_gpu_hour: "2.49", tokens_per_second: "1500", utilization: "0.6" }),
      fields: [
        dec("usd_per_gpu_hour", "GPU-hour price", "USD"),
        dec("tokens_per_second", "Tokens per second per GPU", "tokens/s"),
        dec("utilization", "Share of paid hours serving", "fraction"),
      ],
      compute: (input) => token_price(input),
      outputs: [
        metrics([
          { key: "per_million", label: "Per million tokens", get: (r) => r.usd_per_million_tokens, format: "usd4", gloss: "token_price.result.usd_per_million_tokens" },
          { key: "tokens_per_hour", label: "Tokens per GPU-hour", get: (r) => r.tokens_per_gpu_hour, format: "int", gloss: "token_price.result.tokens_per_gpu_hour" },
        ]),
      ],
    },
    {
      id: "training",
      gloss: "training_run_cost",
      title: "A training run",
      defaults: () => ({ total_flops: "1e25", peak_flops_per_second: "989e12", mfu: "0.40", usd_per_gpu_hour: "2.49" }),
      fields: [
        dec("total_flops", "Compute", "FLOPs", { hint: "e.g. 1e25 (≈ 6 × parameters × tokens)" }),
        dec("peak_flops_per_second", "Peak per GPU", "FLOP/s", { hint: "H100 SXM: 989e12 dense BF16" }),
        dec("mfu", "Model FLOPs utilization", "fraction"),
        dec("usd_per_gpu_hour", "GPU-hour price", "USD"),
      ],
      compute: (input) => training_run_cost(input),
      outputs: [
        metrics([
          { key: "gpu_hours", label: "GPU-hours", get: (r) => r.gpu_hours, format: "int", gloss: "training_run_cost.result.gpu_hours" },
          { key: "cost", label: "Cost", get: (r) => r.cost_usd, format: "usd0", gloss: "training_run_cost.result.cost_usd" },
        ]),
      ],
    },
    {
      id: "api",
      gloss: "api_comparison",
      title: "An inference API against self-hosting",
      defaults: () => ({
        requests: [
          { name: "chat", prompt_tokens: "3000", cached_tokens: "1500", output_tokens: "600", requests_per_month: "2000000" },
          { name: "long documents", prompt_tokens: "250000", cached_tokens: "50000", output_tokens: "2000", requests_per_month: "10000" },
        ],
        api: {
          base: { input_usd_per_million_tokens: "1.25", cached_input_usd_per_million_tokens: "0.125", output_usd_per_million_tokens: "10" },
          premium: { threshold_prompt_tokens: "200000", rates: { input_usd_per_million_tokens: "2.5", cached_input_usd_per_million_tokens: "0.25", output_usd_per_million_tokens: "15" } },
        },
        self_hosted: { usd_per_gpu_hour: "2.49", tokens_per_second: "2500", reserved_gpus: "16" },
      }),
      fields: [
        rows("requests", "The request mix", (i) => ({ name: `class ${i + 1}`, prompt_tokens: "2000", cached_tokens: "0", output_tokens: "500", requests_per_month: "100000" }), [
          text("name", "Name"),
          dec("prompt_tokens", "Prompt", "tokens"),
          dec("cached_tokens", "Of which cached", "tokens", { optional: true }),
          dec("output_tokens", "Output", "tokens"),
          dec("requests_per_month", "Requests", "a month"),
        ], { layout: "table", item: "Class", min: 1 }),
        group("The API's base rates", rates("api.base")),
        optional("api.premium", "Premium rates for long prompts", () => ({ threshold_prompt_tokens: "200000", rates: { input_usd_per_million_tokens: "2.5", cached_input_usd_per_million_tokens: "0.25", output_usd_per_million_tokens: "15" } }), [
          dec("threshold_prompt_tokens", "Above a prompt of", "tokens"),
          ...rates("rates"),
        ]),
        group("Self-hosted", [
          dec("usd_per_gpu_hour", "GPU-hour price", "USD"),
          dec("tokens_per_second", "Tokens per second per GPU, this mix", "tokens/s"),
          dec("reserved_gpus", "Reserved GPUs", "GPUs"),
        ], { path: "self_hosted" }),
      ],
      compute: (input) => api_comparison(input),
      outputs: [
        metrics([
          { key: "api", label: "API a month", get: (r) => r.api_usd_per_month, format: "usd0", gloss: "api_comparison.result.api_usd_per_month" },
          { key: "api_per_million", label: "API per million tokens", get: (r) => r.api_usd_per_million_tokens, format: "usd4", gloss: "api_comparison.result.api_usd_per_million_tokens" },
          { key: "usage_based", label: "Self-hosted, hours used", get: (r) => r.usage_based.usd_per_month, format: "usd0", gloss: "api_comparison.result.usage_based.usd_per_month" },
          { key: "reservation_based", label: "Self-hosted, reserved", get: (r) => r.reservation_based.usd_per_month, format: "usd0", gloss: "api_comparison.result.reservation_based.usd_per_month" },
          { key: "reserved_utilization", label: "Reserved GPUs busy", get: (r) => r.reserved_utilization, format: "pct", gloss: "api_comparison.result.reserved_utilization" },
          { key: "break_even", label: "Break-even volume (tokens a month)", get: (r) => r.break_even_tokens_per_month, format: "int", gloss: "api_comparison.result.break_even_tokens_per_month" },
        ]),
        chart("A month's bill (USD)", (r) => ({
          categories: ["API", "self-hosted, used hours", "self-hosted, reserved"],
          xLabel: "way of serving",
          yFormat: "usd",
          series: [{ label: "USD a month", values: [r.api_usd_per_month, r.usage_based.usd_per_month, r.reservation_based.usd_per_month].map(Number), type: "bars" }],
        }), { key: "bills" }),
        table("The API bill by request class", "api-classes.csv", [
          { label: "Class", get: (c) => c.name },
          { label: "Tier", get: (c) => c.tier },
          { label: "USD per request", get: (c) => c.usd_per_request, format: "usd4" },
          { label: "Tokens a month", get: (c) => c.tokens_per_month, format: "int" },
          { label: "USD a month", get: (c) => c.usd_per_month, format: "usd" },
        ], (r) => r.classes),
      ],
    },
  ],
};
