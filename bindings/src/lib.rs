//! # gpuecon-wasm
//!
//! The WebAssembly face of [`gpuecon`], packaged for npm as `gpuecon`. A thin shell: each
//! export converts its JavaScript arguments (numbers or decimal strings), calls the core,
//! and returns a decimal string or throws a `GpueconError` with a stable `code` and the
//! offending `field`. Nothing here computes; nothing here panics, so the instance never traps.
//!
//! The package's modules are this crate built with different features (docs/size.md):
//! the full `gpuecon` with `finance` and `models`; `gpuecon/finance` with `finance` alone
//! (the Excel functions); `gpuecon/montecarlo` with `montecarlo` alone (the Monte Carlo,
//! the tornado and the sensitivity grid, loaded when first used). The default, all three,
//! is what the native tests, the docs and the fuzz targets build.

#[cfg(feature = "finance")]
mod args;
#[cfg(feature = "json")]
mod decimal_table;
mod decimal_text;
mod error;
// The Excel-style finance functions: the full module and `gpuecon/finance`.
#[cfg(feature = "finance")]
mod finance;
// What the model and Monte Carlo exports share: objects read and written as JSON text.
#[cfg(feature = "json")]
mod json;
#[cfg(feature = "json")]
mod models;
#[cfg(feature = "json")]
mod to_json;
// `montecarlo_typical`, in the full module and the Monte Carlo's.
#[cfg(feature = "json")]
mod stochastic;
// The Monte Carlo, the tornado and the sensitivity grid: `gpuecon/montecarlo`'s module.
#[cfg(feature = "montecarlo")]
mod montecarlo;
// The models and the scenario evaluator: the full module.
#[cfg(feature = "models")]
mod collateral;
#[cfg(feature = "models")]
mod columns;
#[cfg(feature = "models")]
mod concentration;
#[cfg(feature = "models")]
mod debt;
#[cfg(feature = "models")]
mod depreciation;
#[cfg(feature = "models")]
mod facility;
#[cfg(feature = "json")]
/// The package's JSON reader and writer, natively, for the fuzz target `package_json`.
#[doc(hidden)]
pub mod fuzzing;
#[cfg(feature = "models")]
mod hosting;
#[cfg(feature = "models")]
mod networks;
#[cfg(feature = "models")]
mod power;
#[cfg(feature = "models")]
mod pricing;
#[cfg(feature = "models")]
mod scenario;
#[cfg(feature = "models")]
mod take_or_pay;
#[cfg(feature = "models")]
mod tax;

/// talc in place of dlmalloc: a smaller module, as fast (docs/size.md).
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
