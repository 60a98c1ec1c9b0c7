//! The `gpuecon` command: the core's functions from a terminal.
//!
//! ```text
//! gpuecon fn sln 30000 7500 10     # 2250
//! ```

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gpuecon::{Decimal, FinanceError, finance};

/// The economics of AI compute, from the command line.
#[derive(Debug, Parser)]
#[command(name = "gpuecon", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Call one finance function with Excel's arguments, for example `gpuecon fn sln 30000 7500 10`.
    #[command(subcommand, name = "fn")]
    Function(Function),
}

#[derive(Debug, Subcommand)]
enum Function {
    /// Straight-line depreciation per period: (cost − salvage) / life.
    Sln {
        /// The asset's initial cost.
        #[arg(allow_negative_numbers = true)]
        cost: Decimal,
        /// The asset's value at the end of its life.
        #[arg(allow_negative_numbers = true)]
        salvage: Decimal,
        /// The number of periods of its life.
        #[arg(allow_negative_numbers = true)]
        life: Decimal,
    },
}

fn run(function: Function) -> Result<Decimal, FinanceError> {
    match function {
        Function::Sln {
            cost,
            salvage,
            life,
        } => finance::sln(cost, salvage, life),
    }
}

fn main() -> ExitCode {
    let Command::Function(function) = Cli::parse().command;
    match run(function) {
        Ok(value) => {
            println!("{}", value.normalize());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("gpuecon: error[{}]: {error}", error.code());
            ExitCode::FAILURE
        }
    }
}
