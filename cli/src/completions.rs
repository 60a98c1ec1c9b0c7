//! `gpuecon completions SHELL` and `gpuecon man`: shell completions and the man page,
//! generated from the same clap definition as the command (clap_complete, clap_mangen).

use std::io::Write;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::{Cli, CliResult};

/// Arguments of `gpuecon completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    shell: Shell,
}

/// Writes the completion script for `args.shell`
/// (bash: `gpuecon completions bash > /etc/bash_completion.d/gpuecon`).
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> CliResult {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "gpuecon", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Writes the man page, `gpuecon.1` in roff (`cargo xtask man` writes it to `target/man`).
pub fn man(out: &mut dyn Write) -> CliResult {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}
