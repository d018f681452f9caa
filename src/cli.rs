//! The command line: `factdesk [PROJECT]` opens the GUI; subcommands work without a window.
//!
//! Every error ends in one line on stderr and a non-zero exit code, never a panic — also
//! when stdout is a closed pipe (`factdesk stats p.ron | head -1`). Commands that change a
//! project hold its lock from the read to the write, so two of them at once never lose
//! each other's work.

use crate::export::{self, ExportOptions, Format, LayerChoice, Split};
use crate::import;
use crate::import::foreign::{self, ForeignFormat};
use crate::model::{ADJUDICATED, AnnotationKind, KindName, LayerRole, Project};
use crate::review;
use crate::store::{self, LoadError, ProjectLock};
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `println!` that returns the write error (a closed pipe) instead of panicking.
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
    /// Import articles into an existing project (saved atomically, old file kept as .bak).
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
        /// hf, doccano, label-studio, brat, conll, web-annotation, claimreview or csv.
        #[arg(long, short)]
        format: String,
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
        Command::Import {
            project,
            paths,
            keep_page,
            timeout,
        } => import_into(&project, &paths, &read_options(keep_page, timeout)?),
        Command::Check { project } => check(&project),
        Command::Stats { project } => stats(&project),
        Command::Export {
            project,
            format,
            out,
            layer,
            split,
            seed,
            force,
            review_url,
        } => export_project(
            &project,
            &format,
            &out,
            ExportFlags {
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
        } => import_annotations(&project, &file, &format, &layer),
        Command::Agree {
            project,
            layers,
            json,
        } => agree(&project, layers, json),
        Command::Merge { a, b, output } => merge(&a, &b, &output),
        Command::MergeDriver { base, ours, theirs } => merge_driver(&base, &ours, &theirs),
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

fn agree(file: &Path, layers: Option<Vec<String>>, json: bool) -> Result<bool> {
    let project = store::load(file)?;
    let options = review::report::ReportOptions { layers };
    let report = review::agreement_report(&project, &options)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&review::report_json::to_json(&report))?
        );
    } else {
        print!("{}", review::report_text::to_text(&report));
    }
    Ok(true)
}

fn merge(a: &Path, b: &Path, output: &Path) -> Result<bool> {
    let mut ours = store::load(a)?;
    let theirs = store::load(b)?;
    let source = b
        .file_stem()
        .map(|s| s.to_string_lossy().trim_end_matches(".factdesk").to_owned())
        .unwrap_or_else(|| "other".to_owned());
    let incoming = review::merge::incoming(&ours, &theirs, &source);
    let summary = incoming.summary.clone();
    let unmatched = incoming.unmatched.len();
    review::merge::apply(&mut ours, incoming, true);
    store::save_verified(output, &ours)?;
    println!(
        "merged {} into {}: {} article(s) matched by text, {} added from {}; {} entit(ies) matched, {} added; {} id(s) re-minted",
        b.display(),
        output.display(),
        summary.articles_matched,
        unmatched,
        b.display(),
        summary.entities_matched,
        summary.entities_added,
        summary.ids_reminted
    );
    for l in &summary.layers {
        if l.identical {
            println!("  layer {:?}: identical in both, kept once", l.from);
        } else if l.from == l.to {
            println!(
                "  layer {:?}: added ({} annotation(s) on matched articles)",
                l.to, l.annotations
            );
        } else {
            println!(
                "  layer {:?}: also in {}, added as {:?} ({} annotation(s) on matched articles)",
                l.from,
                a.display(),
                l.to,
                l.annotations
            );
        }
    }
    Ok(true)
}

/// Read one side of a git merge; an empty file (no common ancestor) is an empty project.
fn load_side(path: &Path) -> Result<Project> {
    let meta = std::fs::metadata(path).with_context(|| format!("{}", path.display()))?;
    if meta.len() == 0 {
        return Ok(Project::new(""));
    }
    Ok(store::load(path)?)
}

fn merge_driver(base: &Path, ours: &Path, theirs: &Path) -> Result<bool> {
    let (b, o, t) = (load_side(base)?, load_side(ours)?, load_side(theirs)?);
    let merged = review::merge3::merge3(&b, &o, &t);
    let problems = merged.project.problems();
    if !problems.is_empty() {
        bail!(
            "could not merge into a sound project ({}); {} left as it was",
            problems[0],
            ours.display()
        );
    }
    let text = store::to_ron_string(&merged.project)?;
    store::write_atomic(ours, text.as_bytes(), false)
        .with_context(|| format!("{}: could not write the merge", ours.display()))?;
    for c in &merged.conflicts {
        eprintln!("factdesk merge conflict: {c}");
    }
    if merged.conflicts.is_empty() {
        Ok(true)
    } else {
        eprintln!(
            "factdesk: {} conflict(s); both versions kept, review them and commit",
            merged.conflicts.len()
        );
        Ok(false)
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

/// The optional flags of `factdesk export`.
struct ExportFlags {
    layer: Option<String>,
    split: Option<String>,
    seed: Option<u64>,
    force: bool,
    review_url: Option<String>,
}

fn export_project(file: &Path, format: &str, out: &Path, flags: ExportFlags) -> Result<bool> {
    let format: Format = format.parse().map_err(anyhow::Error::msg)?;
    let split = flags
        .split
        .as_deref()
        .map(|s| Split::parse(s, flags.seed.unwrap_or(0)))
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let project = store::load(file)?;
    let layer = match flags.layer.as_deref() {
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
    options.force = flags.force;
    options.review_url = flags.review_url;
    let report = export::run(&project, &options, &mut |_, _| true)?;
    say!(
        "wrote {} file(s) to {} ({format}: {} articles, {} annotations, {} records)",
        report.files.len(),
        out.display(),
        report.articles,
        report.annotations,
        report.records
    );
    for (split, n) in &report.splits {
        say!("  {split}: {n} article(s)");
    }
    for note in &report.notes {
        say!("note: {note}");
    }
    Ok(true)
}

fn import_annotations(file: &Path, from: &Path, format: &str, layer: &str) -> Result<bool> {
    let format: ForeignFormat = format.parse().map_err(anyhow::Error::msg)?;
    if layer.trim().is_empty() {
        bail!("--layer must name a layer");
    }
    let lock = ProjectLock::acquire_existing(file, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let report = foreign::import_file(&mut project, format, from, layer)
        .context("import stopped, nothing was added")?;
    for s in &report.skipped {
        warn!("warning: {}: {s}", from.display());
    }
    if report.annotations > 0 || report.articles_created > 0 {
        lock.save(&project)?;
    }
    say!(
        "imported {} annotation(s) into layer {layer:?} of {} from {} document(s): {} article(s) matched, {} created, {} item(s) skipped",
        report.annotations,
        file.display(),
        report.documents,
        report.articles_matched,
        report.articles_created,
        report.skipped.len()
    );
    if report.utf16_regions > 0 {
        say!(
            "note: {} span(s) counted UTF-16 units (an older Label Studio) and were converted",
            report.utf16_regions
        );
    }
    Ok(true)
}

fn new(file: &Path, paths: &[PathBuf], name: Option<String>) -> Result<bool> {
    let lock = ProjectLock::acquire(file, store::LOCK_WAIT)?;
    if file.exists() || lock.target().exists() {
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
    lock.save(&project)?;
    say!("created {} with {added} article(s)", file.display());
    Ok(true)
}

fn import_into(file: &Path, paths: &[PathBuf], options: &import::ReadOptions) -> Result<bool> {
    // Read (and fetch) the articles first (slow, no lock needed), then read-modify-write the
    // project under its lock, so a concurrent import's articles are kept.
    let batch = read_batch(paths, options)?;
    if let Some(b) = batch.as_ref().filter(|b| !b.pages.is_empty()) {
        import::web::keep_pages(file, &b.pages).context("import stopped, nothing was added")?;
    }
    let lock = ProjectLock::acquire_existing(file, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let added = add_batch(&mut project, batch);
    if added > 0 {
        lock.save(&project)?;
    }
    say!("imported {added} article(s) into {}", file.display());
    Ok(true)
}

fn read_and_add(project: &mut Project, paths: &[PathBuf]) -> Result<usize> {
    Ok(add_batch(
        project,
        read_batch(paths, &import::ReadOptions::default())?,
    ))
}

/// `--keep-page` and `--timeout` of `import`.
fn read_options(keep_page: bool, timeout: Option<f64>) -> Result<import::ReadOptions> {
    let fetch = match timeout {
        Some(s) if s.is_finite() && s > 0.0 && s <= 3600.0 => {
            import::web::FetchOptions::with_timeout(std::time::Duration::from_secs_f64(s))
        }
        Some(s) => bail!("--timeout {s}: give a number of seconds between 0 and 3600"),
        None => import::web::FetchOptions::default(),
    };
    Ok(import::ReadOptions {
        fetch,
        keep_pages: keep_page,
    })
}

fn read_batch(paths: &[PathBuf], options: &import::ReadOptions) -> Result<Option<import::Batch>> {
    if paths.is_empty() {
        return Ok(None);
    }
    import::read_inputs(paths, options)
        .context("import stopped, nothing was added")
        .map(Some)
}

fn add_batch(project: &mut Project, batch: Option<import::Batch>) -> usize {
    let Some(batch) = batch else { return 0 };
    let mut warnings = batch.warnings;
    let added = import::add_to_project(project, batch.articles, &mut warnings);
    for w in &warnings {
        warn!("warning: {w}");
    }
    added.len()
}

fn check(file: &Path) -> Result<bool> {
    match store::load(file) {
        Ok(p) => {
            say!(
                "{}: ok ({} articles, {} annotations)",
                file.display(),
                p.articles.len(),
                p.annotation_count()
            );
            Ok(true)
        }
        Err(LoadError::Invalid { problems, .. }) => {
            for p in &problems {
                warn!("{}: {p}", file.display());
            }
            warn!("{}: {} problem(s)", file.display(), problems.len());
            Ok(false)
        }
        Err(e) => {
            warn!("{e}");
            Ok(false)
        }
    }
}

fn stats(file: &Path) -> Result<bool> {
    let p = store::load(file)?;
    let done = p.articles.iter().filter(|a| a.done).count();
    say!("project: {}", p.name);
    say!("articles: {} ({done} done)", p.articles.len());
    say!("entities: {}", p.entities.len());
    say!("annotations: {}", p.annotation_count());

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
    say!(
        "  by kind: {}",
        line(
            by_kind
                .iter()
                .map(|(k, n)| (k.as_str().to_owned(), *n))
                .collect()
        )
    );
    say!(
        "  by annotator: {}",
        line(
            p.layers
                .iter()
                .map(|l| (l.annotator.clone(), l.annotations.len()))
                .collect()
        )
    );
    say!(
        "  by label: {}",
        line(by_label.iter().map(|(k, n)| (k.to_string(), *n)).collect())
    );
    if !verdicts.is_empty() {
        say!(
            "  verdicts: {}",
            line(verdicts.iter().map(|(k, n)| (k.to_string(), *n)).collect())
        );
    }
    Ok(true)
}
