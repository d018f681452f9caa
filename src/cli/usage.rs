//! Reading the command line: clap with `ValueEnum`s for the closed lists (formats, kinds,
//! the special layer names), and a bad value said in one line like every other error.

use super::Cli;
use crate::export::LayerChoice;
use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::io::Write;

/// The command line as given. A value outside its list (`--format xml`) ends the program
/// with one line on stderr and exit code 1; help, version and other usage errors are
/// clap's own.
pub fn parse() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.kind() == ErrorKind::InvalidValue => {
            let _ = writeln!(std::io::stderr().lock(), "factdesk: {}", one_line(&e));
            std::process::exit(1);
        }
        Err(e) => e.exit(),
    }
}

/// "unknown format "xml"; use one of hf, doccano, …" from clap's error context.
fn one_line(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let what = arg
        .trim_start_matches('-')
        .split([' ', '='])
        .next()
        .unwrap_or_default()
        .trim_end_matches('s')
        .to_owned();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    match text(ContextKind::ValidValue) {
        Some(valid) => format!("unknown {what} {value:?}; use one of {valid}"),
        None => format!("invalid value {value:?} for {arg}"),
    }
}

/// `--layer`: `adjudicated`, `all`, or a layer's name.
pub(super) fn layer_choice(s: &str) -> Result<LayerChoice, std::convert::Infallible> {
    Ok(LayerChoice::parse(s))
}
