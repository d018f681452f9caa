//! The command line: `factdesk [PROJECT]` opens the GUI; subcommands work without a window.
//!
//! Every error ends in one line on stderr and a non-zero exit code, never a panic.

use crate::import;
use crate::model::{AnnotationKind, KindName, Project};
use crate::store::{self, LoadError};
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    /// Import articles into an existing project (saved atomically, old file kept as .bak).
    Import {
        project: PathBuf,
        /// Text files, folders of them, or JSONL files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Verify a project file: prints one line per problem; exit code 0 if sound, 1 if not.
    Check { project: PathBuf },
    /// Counts: articles, annotations by kind, annotator and label.
    Stats { project: PathBuf },
}

/// Run a subcommand. `Ok(false)` means it ran but found problems (exit code 1).
pub fn run(command: Command) -> Result<bool> {
    match command {
        Command::New { file, import, name } => new(&file, &import, name),
        Command::Import { project, paths } => import_into(&project, &paths),
        Command::Check { project } => check(&project),
        Command::Stats { project } => stats(&project),
    }
}

fn new(file: &Path, paths: &[PathBuf], name: Option<String>) -> Result<bool> {
    if file.exists() {
        bail!(
            "{}: already exists; use `factdesk import` to add articles to it",
            file.display()
        );
    }
    let name = name.unwrap_or_else(|| {
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let mut project = Project::new(name);
    let added = read_and_add(&mut project, paths)?;
    store::save(file, &project)?;
    println!("created {} with {added} article(s)", file.display());
    Ok(true)
}

fn import_into(file: &Path, paths: &[PathBuf]) -> Result<bool> {
    let mut project = store::load(file)?;
    let added = read_and_add(&mut project, paths)?;
    if added > 0 {
        store::save(file, &project)?;
    }
    println!("imported {added} article(s) into {}", file.display());
    Ok(true)
}

fn read_and_add(project: &mut Project, paths: &[PathBuf]) -> Result<usize> {
    if paths.is_empty() {
        return Ok(0);
    }
    let batch = import::read_paths(paths).context("import stopped, nothing was added")?;
    let mut warnings = batch.warnings;
    let added = import::add_to_project(project, batch.articles, &mut warnings);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    Ok(added.len())
}

fn check(file: &Path) -> Result<bool> {
    match store::load(file) {
        Ok(p) => {
            println!(
                "{}: ok ({} articles, {} annotations)",
                file.display(),
                p.articles.len(),
                p.annotation_count()
            );
            Ok(true)
        }
        Err(LoadError::Invalid { problems, .. }) => {
            for p in &problems {
                println!("{}: {p}", file.display());
            }
            eprintln!("{}: {} problem(s)", file.display(), problems.len());
            Ok(false)
        }
        Err(e) => {
            println!("{e}");
            Ok(false)
        }
    }
}

fn stats(file: &Path) -> Result<bool> {
    let p = store::load(file)?;
    let done = p.articles.iter().filter(|a| a.done).count();
    println!("project: {}", p.name);
    println!("articles: {} ({done} done)", p.articles.len());
    println!("entities: {}", p.entities.len());
    println!("annotations: {}", p.annotation_count());

    let mut by_kind: BTreeMap<KindName, usize> = KindName::ALL.iter().map(|k| (*k, 0)).collect();
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, a) in p.annotations() {
        *by_kind.entry(a.kind.name()).or_default() += 1;
        *by_label.entry(a.kind.label()).or_default() += 1;
        if let AnnotationKind::Claim(c) = &a.kind {
            *verdicts
                .entry(c.verdict.as_deref().unwrap_or("(none)"))
                .or_default() += 1;
        }
    }
    let line = |items: Vec<(String, usize)>| {
        items
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "  by kind: {}",
        line(
            by_kind
                .iter()
                .map(|(k, n)| (k.as_str().to_owned(), *n))
                .collect()
        )
    );
    println!(
        "  by annotator: {}",
        line(
            p.layers
                .iter()
                .map(|l| (l.annotator.clone(), l.annotations.len()))
                .collect()
        )
    );
    println!(
        "  by label: {}",
        line(by_label.iter().map(|(k, n)| (k.to_string(), *n)).collect())
    );
    if !verdicts.is_empty() {
        println!(
            "  verdicts: {}",
            line(verdicts.iter().map(|(k, n)| (k.to_string(), *n)).collect())
        );
    }
    Ok(true)
}
