//! The `factdesk` binary: a CLI subcommand, or the GUI on a project.

use clap::Parser;
use factdesk::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => match run(command) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("factdesk: {e:#}");
                ExitCode::FAILURE
            }
        },
        None => match factdesk::ui::run(cli.project) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("factdesk: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
