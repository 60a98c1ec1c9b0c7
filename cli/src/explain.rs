//! `gpuecon explain FIELD`: a glossary entry (`gpuecon::glossary`) for a scenario input
//! or a report field, by its path or the end of it (`equity.irr_annual`).

use std::io::Write;

use clap::Args;
use gpuecon::glossary;

use crate::CliResult;
use crate::evaluate::scenario_error;

/// Arguments of `gpuecon explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The field: its path (`report.summary.metrics.irr_annual`,
    /// `scenario.contracts[0].contract.gpus`) or the end of it (`equity.irr_annual`).
    field: String,
    /// Print the entry as JSON.
    #[arg(long)]
    json: bool,
}

/// `gpuecon explain`.
pub fn explain(args: &ExplainArgs, out: &mut dyn Write) -> CliResult {
    let entry = glossary::explain(&args.field).map_err(|e| scenario_error("glossary", &e))?;
    let Some(e) = entry else {
        let candidates =
            glossary::candidates(&args.field).map_err(|e| scenario_error("glossary", &e))?;
        return Err(if candidates.is_empty() {
            format!("no glossary entry for {:?}", args.field).into()
        } else {
            format!(
                "{:?} is not one field; say which: {}",
                args.field,
                candidates.join(", ")
            )
            .into()
        });
    };
    if args.json {
        let text = serde_json::to_string_pretty(&e).map_err(|e| e.to_string())?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    writeln!(out, "{}", e.key)?;
    writeln!(out, "  {}", e.definition)?;
    for (label, value) in [
        ("formula", &e.formula),
        ("unit", &e.unit),
        ("sign", &e.sign),
        ("typical range", &e.typical_range),
        ("source", &e.source),
    ] {
        if !value.is_empty() {
            writeln!(out, "  {label}: {value}")?;
        }
    }
    Ok(())
}
