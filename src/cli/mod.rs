//! The command line: `factdesk [PROJECT]` opens the GUI; subcommands work without a window.
//!
//! Every error ends in one line on stderr and a non-zero exit code, never a panic — also
//! when stdout is a closed pipe (`factdesk stats p.ron | head -1`). Commands that change a
//! project hold its lock from the read to the write, so two of them at once never lose
//! each other's work.

use crate::assist::SuggestionKind;
use crate::export::{Format, LayerChoice};
use crate::import::foreign::ForeignFormat;
use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// `println!` that returns the write error (a closed pipe) instead of panicking: every
/// line the CLI prints goes through it.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

/// `eprintln!` that never panics: a warning that cannot be shown is not worth a crash.
macro_rules! warn {
    ($($arg:tt)*) => {
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    };
}

mod claims;
mod export;
mod project;
mod review;
mod suggest;
mod team;
mod usage;

pub use usage::parse;

/// Who the CLI's changes are by: `FACTDESK_ANNOTATOR`, else the login name, else `cli`.
fn annotator() -> String {
    ["FACTDESK_ANNOTATOR", "USER", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "cli".to_owned())
}

/// How `main` should end after an error: `None` when the error is only that the reader of
/// our output went away (a closed pipe), which is not a failure worth reporting.
pub fn error_message(error: &anyhow::Error) -> Option<String> {
    let broken_pipe = error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return None;
    }
    Some(one_line(error))
}

/// The error and its causes on one line, each said once: a cause whose text the line
/// already holds (our errors repeat their source to stand alone) is left out.
fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        let text = text.trim();
        if text.is_empty() || line.contains(text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Parser)]
#[command(
    name = "factdesk",
    version,
    about = "Annotate news articles for fact-checking: quotes, claims, verdicts, sentiment.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Project file (.ron) to open in the window.
    pub project: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new project file, optionally importing articles into it.
    New {
        /// The project file to create (refused if it exists).
        file: PathBuf,
        /// Text files, folders of them, or JSONL files to import.
        #[arg(long, num_args = 1..)]
        import: Vec<PathBuf>,
        /// Project name (default: the file name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Import articles into an existing project (saved atomically, the previous version
    /// kept as .factdesk/NAME.bak).
    Import {
        project: PathBuf,
        /// Text files, folders of them, JSONL files, saved web pages (.html, .htm) or links
        /// (http://, https://), in any mix.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Keep each fetched page as it was received, in .factdesk/pages/ beside the project.
        #[arg(long)]
        keep_page: bool,
        /// Seconds a link may take to fetch, redirects and page included [default: 30].
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<f64>,
    },
    /// Verify a project file: prints one line per problem; exit code 0 if sound, 1 if not.
    Check { project: PathBuf },
    /// Counts: articles, annotations by kind, annotator and label.
    Stats { project: PathBuf },
    /// Export annotations as a dataset or for another tool.
    Export {
        project: PathBuf,
        #[arg(long, short, value_enum, ignore_case = true)]
        format: Format,
        /// Output folder (created if missing). Files of the same names in it are refused
        /// unless --force is given.
        #[arg(long, short)]
        out: PathBuf,
        /// Replace files of the same names in the output folder (all of them or, if the
        /// export fails, none).
        #[arg(long)]
        force: bool,
        /// ClaimReview: where each review is published, with `{annotation}` (and
        /// `{article}`) replaced by ids [default: the project's review_url].
        #[arg(long)]
        review_url: Option<String>,
        /// A layer name, `adjudicated` or `all` [default: adjudicated if the project has
        /// that layer, else all].
        #[arg(long, value_parser = usage::layer_choice)]
        layer: Option<LayerChoice>,
        /// Split articles into train/validation/test by percentages, e.g. 80/10/10
        /// (hf and conll).
        #[arg(long)]
        split: Option<String>,
        /// Seed that decides which article goes into which split.
        #[arg(long, requires = "split")]
        seed: Option<u64>,
    },
    /// Import annotations made in doccano, Label Studio or brat into a layer (saved
    /// atomically; articles not in the project are added).
    ImportAnnotations {
        project: PathBuf,
        /// The exported file (brat: an .ann file or a folder of .ann/.txt pairs).
        file: PathBuf,
        #[arg(long, short, value_enum, ignore_case = true)]
        format: ForeignFormat,
        /// The layer to add the annotations to (created if missing).
        #[arg(long)]
        layer: String,
    },
    /// Agreement between annotator layers (and each against the adjudicated layer): span
    /// F1, Cohen's kappa, Krippendorff's alpha, counts, per label and per article.
    Agree {
        project: PathBuf,
        /// Only these layers, comma-separated (e.g. `alice,bob`).
        #[arg(long, value_delimiter = ',')]
        layers: Option<Vec<String>>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Merge two project files into a third: every layer of both, articles matched by text,
    /// entities by name and alias (their same-named layers come in renamed).
    Merge {
        a: PathBuf,
        b: PathBuf,
        /// The merged project to write.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Git merge driver: `factdesk merge-driver %O %A %B` merges annotation by annotation
    /// and writes the result into %A. Exit 0: clean; 1: conflicts (listed on stderr; the
    /// file holds both versions and loads) or nothing could be merged (%A untouched).
    MergeDriver {
        /// The common ancestor (%O); may be empty.
        base: PathBuf,
        /// Our version (%A), overwritten with the result.
        ours: PathBuf,
        /// Their version (%B).
        theirs: PathBuf,
    },
    /// Set up the git repository holding PROJECT (or the current folder) to merge project
    /// files with `factdesk merge-driver`: a line in `.gitattributes` and the driver in
    /// this clone's git config. Safe to run again.
    GitSetup {
        project: Option<PathBuf>,
        /// The `.gitattributes` pattern of the project files [default: `*.ron`].
        #[arg(long)]
        pattern: Option<String>,
    },
    /// Who annotates which articles, done marks per annotator, blind mode. With no change
    /// asked for, lists them.
    Assign(team::AssignArgs),
    /// Suggest quotes (with speakers), claim candidates, shared passages, conflicting
    /// facts and speaker aliases; rejected suggestions are left out.
    Suggest {
        project: PathBuf,
        /// Print JSON (see the README) instead of text.
        #[arg(long)]
        json: bool,
        /// Only this article's suggestions.
        #[arg(long)]
        article: Option<u64>,
        /// Comma-separated [default: all].
        #[arg(long, value_delimiter = ',', value_enum, ignore_case = true)]
        kinds: Vec<SuggestionKind>,
        /// Add the quote and claim suggestions to a layer (saved atomically).
        #[arg(long, requires = "layer")]
        apply: bool,
        /// The layer --apply writes to (created if missing).
        #[arg(long, requires = "apply")]
        layer: Option<String>,
    },
    /// The project's library of published fact-checks (schema.org ClaimReview).
    #[command(subcommand)]
    Factchecks(FactchecksCommand),
    /// Every claim with its ranked earlier fact-checks, and the groups of the same claim
    /// across articles (confirmed and suggested).
    Claims {
        project: PathBuf,
        /// Print JSON (see the README) instead of text.
        #[arg(long)]
        json: bool,
        /// Cover the suggester's claim candidates as well as annotated claims.
        #[arg(long)]
        candidates: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum FactchecksCommand {
    /// Add ClaimReview files (one object, an array, an @graph, or JSON Lines) to the
    /// library: all or nothing; checks already there (same url) are counted, not added.
    Import {
        project: PathBuf,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Run a subcommand. `Ok(false)` means it ran but found problems (exit code 1).
pub fn run(command: Command) -> Result<bool> {
    match command {
        Command::New { file, import, name } => project::new(&file, &import, name),
        Command::Import {
            project,
            paths,
            keep_page,
            timeout,
        } => project::import_into(
            &project,
            &paths,
            &project::read_options(keep_page, timeout)?,
        ),
        Command::Check { project } => project::check(&project),
        Command::Stats { project } => project::stats(&project),
        Command::Export {
            project,
            format,
            out,
            layer,
            split,
            seed,
            force,
            review_url,
        } => export::export_project(
            &project,
            format,
            &out,
            export::ExportFlags {
                layer,
                split,
                seed,
                force,
                review_url,
            },
        ),
        Command::ImportAnnotations {
            project,
            file,
            format,
            layer,
        } => project::import_annotations(&project, &file, format, &layer),
        Command::Agree {
            project,
            layers,
            json,
        } => review::agree(&project, layers, json),
        Command::Merge { a, b, output } => review::merge(&a, &b, &output, &annotator()),
        Command::MergeDriver { base, ours, theirs } => review::merge_driver(&base, &ours, &theirs),
        Command::GitSetup { project, pattern } => {
            team::git_setup(project.as_deref(), pattern.as_deref())
        }
        Command::Assign(args) => team::assign(&args),
        Command::Suggest {
            project,
            json,
            article,
            kinds,
            apply,
            layer,
        } => suggest::suggest(
            &project,
            json,
            article,
            &kinds,
            layer.filter(|_| apply).as_deref(),
        ),
        Command::Factchecks(FactchecksCommand::Import { project, files }) => {
            claims::import(&project, &files)
        }
        Command::Claims {
            project,
            json,
            candidates,
        } => claims::claims(&project, json, candidates),
    }
}
