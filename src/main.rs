//! The `factdesk` binary: a CLI subcommand, or the GUI on a project.

use factdesk::cli::{error_message, parse, run};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = parse();
    match cli.command {
        Some(command) => match run(command) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => match error_message(&e) {
                Some(line) => {
                    let _ = writeln!(std::io::stderr(), "factdesk: {line}");
                    ExitCode::FAILURE
                }
                // The reader of our output went away (`| head`): nothing more to say.
                None => ExitCode::SUCCESS,
            },
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
