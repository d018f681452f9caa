//! Commands on one project file: `new`, `import`, `import-annotations`, `check`, `stats`.
//! Each one that changes the file builds an edit plan and applies it between the read and
//! the write of the project lock.

use crate::import;
use crate::import::foreign::{self, ForeignFormat};
use crate::model::{AnnotationKind, Context as EditContext, KindName, Project};
use crate::store::{self, LoadError, ProjectLock};
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn import_annotations(
    file: &Path,
    from: &Path,
    format: ForeignFormat,
    layer: &str,
) -> Result<bool> {
    if layer.trim().is_empty() {
        bail!("--layer must name a layer");
    }
    let lock = ProjectLock::acquire_existing(file, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let context = EditContext::live(super::annotator());
    let foreign::ForeignImport { plan, report } =
        foreign::import_file(&project, format, from, layer, &context)
            .context("import stopped, nothing was added")?;
    for s in &report.skipped {
        warn!("warning: {}: {s}", from.display());
    }
    if !plan.is_empty() {
        plan.apply(&mut project)
            .context("import stopped, nothing was added")?;
        lock.save(&project)?;
    }
    let into = match report.layers.as_slice() {
        [one] => format!("layer {one:?}"),
        many => format!("layers {}", many.join(", ")),
    };
    say!(
        "imported {} annotation(s) into {into} of {} from {} document(s): {} article(s) matched, {} created, {} item(s) skipped",
        report.annotations,
        file.display(),
        report.documents,
        report.articles_matched,
        report.articles_created,
        report.skipped.len()
    );
    if let Some(note) = &report.layers_note {
        say!("note: {note}");
    }
    if report.utf16_regions > 0 {
        say!(
            "note: {} span(s) counted UTF-16 units (an older Label Studio) and were converted",
            report.utf16_regions
        );
    }
    Ok(true)
}

pub(super) fn new(file: &Path, paths: &[PathBuf], name: Option<String>) -> Result<bool> {
    let batch = read_batch(paths, &import::ReadOptions::default())?;
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
    let import = planned(&project, batch);
    let added = import.added.len();
    import
        .plan
        .apply(&mut project)
        .context("import stopped, nothing was added")?;
    lock.save(&project)?;
    say!("created {} with {added} article(s)", file.display());
    Ok(true)
}

pub(super) fn import_into(
    file: &Path,
    paths: &[PathBuf],
    options: &import::ReadOptions,
) -> Result<bool> {
    // Read (and fetch) the articles first (slow, no lock needed), then read-modify-write the
    // project under its lock, so a concurrent import's articles are kept.
    let batch = read_batch(paths, options)?;
    if let Some(b) = batch.as_ref().filter(|b| !b.pages.is_empty()) {
        import::web::keep_pages(file, &b.pages).context("import stopped, nothing was added")?;
    }
    let lock = ProjectLock::acquire_existing(file, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let import = planned(&project, batch);
    let added = import.added.len();
    if added > 0 {
        import
            .plan
            .apply(&mut project)
            .context("import stopped, nothing was added")?;
        lock.save(&project)?;
    }
    say!("imported {added} article(s) into {}", file.display());
    Ok(true)
}

/// `--keep-page` and `--timeout` of `import`.
pub(super) fn read_options(keep_page: bool, timeout: Option<f64>) -> Result<import::ReadOptions> {
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

/// The plan that adds the batch's articles (none without a batch); its warnings are said.
fn planned(project: &Project, batch: Option<import::Batch>) -> import::ArticleImport {
    let Some(batch) = batch else {
        return import::ArticleImport::default();
    };
    let import = import::plan(project, batch, &EditContext::live(super::annotator()));
    for w in &import.warnings {
        warn!("warning: {w}");
    }
    import
}

pub(super) fn check(file: &Path) -> Result<bool> {
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

pub(super) fn stats(file: &Path) -> Result<bool> {
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
    team_progress(&p)?;
    Ok(true)
}

fn team_progress(p: &Project) -> Result<()> {
    super::team::write_progress(&mut std::io::stdout().lock(), p)?;
    Ok(())
}
