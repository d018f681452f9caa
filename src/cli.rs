//! The command line: `factdesk [PROJECT]` opens the GUI; subcommands work without a window.
//!
//! Every error ends in one line on stderr and a non-zero exit code, never a panic.

use crate::export::{self, ExportOptions, Format, LayerChoice, Split};
use crate::import;
use crate::import::foreign::{self, ForeignFormat};
use crate::model::{ADJUDICATED, AnnotationKind, KindName, LayerRole, Project};
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
    /// Export annotations as a dataset or for another tool.
    Export {
        project: PathBuf,
        /// hf, doccano, label-studio, brat, conll, web-annotation, claimreview or csv.
        #[arg(long, short)]
        format: String,
        /// Output folder (created if missing; files of the same names are replaced).
        #[arg(long, short)]
        out: PathBuf,
        /// A layer name, `adjudicated` or `all` [default: adjudicated if the project has
        /// that layer, else all].
        #[arg(long)]
        layer: Option<String>,
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
        /// doccano, label-studio or brat.
        #[arg(long, short)]
        format: String,
        /// The layer to add the annotations to (created if missing).
        #[arg(long)]
        layer: String,
    },
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
        /// Comma-separated: quotes, claims, passages, conflicts, aliases [default: all].
        #[arg(long, value_delimiter = ',')]
        kinds: Vec<String>,
        /// Add the quote and claim suggestions to a layer (saved atomically).
        #[arg(long, requires = "layer")]
        apply: bool,
        /// The layer --apply writes to (created if missing).
        #[arg(long, requires = "apply")]
        layer: Option<String>,
    },
}

/// Run a subcommand. `Ok(false)` means it ran but found problems (exit code 1).
pub fn run(command: Command) -> Result<bool> {
    match command {
        Command::New { file, import, name } => new(&file, &import, name),
        Command::Import { project, paths } => import_into(&project, &paths),
        Command::Check { project } => check(&project),
        Command::Stats { project } => stats(&project),
        Command::Export {
            project,
            format,
            out,
            layer,
            split,
            seed,
        } => export_project(
            &project,
            &format,
            &out,
            layer.as_deref(),
            split.as_deref(),
            seed,
        ),
        Command::ImportAnnotations {
            project,
            file,
            format,
            layer,
        } => import_annotations(&project, &file, &format, &layer),
        Command::Suggest {
            project,
            json,
            article,
            kinds,
            apply,
            layer,
        } => suggest(
            &project,
            json,
            article,
            &kinds,
            layer.filter(|_| apply).as_deref(),
        ),
    }
}

fn suggest(
    file: &Path,
    json: bool,
    article: Option<u64>,
    kinds: &[String],
    layer: Option<&str>,
) -> Result<bool> {
    use crate::assist::{self, SuggestionKind};
    let mut options = assist::Options {
        article: article.map(crate::model::ArticleId),
        ..assist::Options::default()
    };
    if !kinds.is_empty() {
        options.kinds = kinds
            .iter()
            .map(|k| {
                SuggestionKind::parse(k).with_context(|| {
                    format!("unknown kind {k:?} (quotes, claims, passages, conflicts, aliases)")
                })
            })
            .collect::<Result<_>>()?;
    }
    if let Some(l) = layer
        && l.trim().is_empty()
    {
        bail!("--layer must name a layer");
    }
    let mut project = store::load(file)?;
    let found = assist::suggest(
        &project,
        &options,
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )?;
    if let Some(layer) = layer {
        let report =
            assist::apply::apply(&mut project, &found, layer).context("nothing was applied")?;
        if report.quotes + report.claims > 0 {
            store::save_verified(file, &project)?;
        }
        println!(
            "added {} quote(s) and {} claim(s) to layer {layer:?} of {} ({} new speaker entit{})",
            report.quotes,
            report.claims,
            file.display(),
            report.entities,
            if report.entities == 1 { "y" } else { "ies" }
        );
        return Ok(true);
    }
    let mut out = String::new();
    if json {
        out = serde_json::to_string_pretty(&assist::json::to_json(&found))?;
        out.push('\n');
    } else {
        write_suggestions(&mut out, &project, &found)?;
    }
    // A reader that stops early (`| head`) is not an error.
    match std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(true),
    }
}

fn write_suggestions(
    out: &mut String,
    project: &Project,
    found: &crate::assist::Suggestions,
) -> std::fmt::Result {
    use crate::assist;
    use std::fmt::Write;
    let title = |id: crate::model::ArticleId| {
        project
            .article(id)
            .map(|a| a.title.chars().take(50).collect::<String>())
            .unwrap_or_default()
    };
    for q in &found.quotes {
        let speaker = q
            .speaker
            .as_ref()
            .map_or("?".to_owned(), |s| s.name.clone());
        writeln!(
            out,
            "quote    {} {}..{} {} [{}] {speaker}: {:?} ({:.2})",
            q.article,
            q.start,
            q.end,
            assist::suggestion::quote_type_name(q.quote_type),
            q.cue,
            q.text,
            q.score
        )?;
    }
    for c in &found.claims {
        writeln!(
            out,
            "claim    {} {}..{} {:?} ({:.2}: {})",
            c.article,
            c.start,
            c.end,
            c.text,
            c.score,
            c.reasons.join(", ")
        )?;
    }
    for p in &found.passages {
        let places: Vec<String> = p
            .places
            .iter()
            .map(|pl| format!("{} {}..{}", pl.article, pl.start, pl.end))
            .collect();
        writeln!(
            out,
            "passage  {:?} in {}; likely source: {}",
            p.text,
            places.join(", "),
            p.likely_source.map_or("?".to_owned(), title)
        )?;
    }
    for c in &found.conflicts {
        let values: Vec<String> = c
            .values
            .iter()
            .map(|v| format!("{:?} ({})", v.text, title(v.article)))
            .collect();
        writeln!(
            out,
            "conflict {}: {}{}",
            c.fact,
            values.join(" vs "),
            if c.possible_update {
                " (possibly an update)"
            } else {
                ""
            }
        )?;
    }
    for g in &found.aliases {
        writeln!(out, "aliases  {}", g.names.join(" / "))?;
    }
    Ok(())
}

fn export_project(
    file: &Path,
    format: &str,
    out: &Path,
    layer: Option<&str>,
    split: Option<&str>,
    seed: Option<u64>,
) -> Result<bool> {
    let format: Format = format.parse().map_err(anyhow::Error::msg)?;
    let split = split
        .map(|s| Split::parse(s, seed.unwrap_or(0)))
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let project = store::load(file)?;
    let layer = match layer {
        Some(l) => LayerChoice::parse(l),
        None if project
            .layers
            .iter()
            .any(|l| l.role == LayerRole::Adjudicated || l.annotator == ADJUDICATED) =>
        {
            LayerChoice::Adjudicated
        }
        None => LayerChoice::All,
    };
    let mut options = ExportOptions::new(format, out);
    options.layer = layer;
    options.split = split;
    let report = export::run(&project, &options, &mut |_, _| true)?;
    println!(
        "wrote {} file(s) to {} ({format}: {} articles, {} annotations, {} records)",
        report.files.len(),
        out.display(),
        report.articles,
        report.annotations,
        report.records
    );
    for (split, n) in &report.splits {
        println!("  {split}: {n} article(s)");
    }
    for note in &report.notes {
        println!("note: {note}");
    }
    Ok(true)
}

fn import_annotations(file: &Path, from: &Path, format: &str, layer: &str) -> Result<bool> {
    let format: ForeignFormat = format.parse().map_err(anyhow::Error::msg)?;
    if layer.trim().is_empty() {
        bail!("--layer must name a layer");
    }
    let mut project = store::load(file)?;
    let report = foreign::import_file(&mut project, format, from, layer)
        .context("import stopped, nothing was added")?;
    for s in &report.skipped {
        eprintln!("warning: {}: {s}", from.display());
    }
    if report.annotations > 0 || report.articles_created > 0 {
        store::save_verified(file, &project)?;
    }
    println!(
        "imported {} annotation(s) into layer {layer:?} of {} from {} document(s): {} article(s) matched, {} created, {} item(s) skipped",
        report.annotations,
        file.display(),
        report.documents,
        report.articles_matched,
        report.articles_created,
        report.skipped.len()
    );
    if report.utf16_regions > 0 {
        println!(
            "note: {} span(s) counted UTF-16 units (an older Label Studio) and were converted",
            report.utf16_regions
        );
    }
    Ok(true)
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
    store::save_verified(file, &project)?;
    println!("created {} with {added} article(s)", file.display());
    Ok(true)
}

fn import_into(file: &Path, paths: &[PathBuf]) -> Result<bool> {
    let mut project = store::load(file)?;
    let added = read_and_add(&mut project, paths)?;
    if added > 0 {
        store::save_verified(file, &project)?;
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
