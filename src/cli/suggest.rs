//! `suggest`: list suggestions, or pre-annotate a layer with them.

use crate::assist::accept::{self, Retire};
use crate::assist::{self, SuggestionKind};
use crate::model::{ArticleId, Context as EditContext, Project};
use crate::store::{self, ProjectLock};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

pub(super) fn suggest(
    file: &Path,
    json: bool,
    article: Option<u64>,
    kinds: &[SuggestionKind],
    layer: Option<&str>,
) -> Result<bool> {
    let mut options = assist::Options {
        article: article.map(ArticleId),
        ..assist::Options::default()
    };
    if !kinds.is_empty() {
        options.kinds = kinds.iter().copied().collect();
    }
    if let Some(layer) = layer {
        if layer.trim().is_empty() {
            bail!("--layer must name a layer");
        }
        return apply(file, &options, layer);
    }
    let project = store::load(file)?;
    let found = run(&project, &options)?;
    let mut out = String::new();
    if json {
        out = serde_json::to_string_pretty(&assist::json::to_json(&found))?;
        out.push('\n');
    } else {
        write_suggestions(&mut out, &project, &found)?;
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(true)
}

fn run(project: &Project, options: &assist::Options) -> Result<assist::Suggestions> {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    Ok(assist::suggest(project, options, &mut |_| {}, &cancel)?)
}

/// `--apply`: the read, the suggestions and the write all under the project lock, so a
/// concurrent command's change is never lost (a second one waits for this one).
fn apply(file: &Path, options: &assist::Options, layer: &str) -> Result<bool> {
    let lock = ProjectLock::acquire_existing(file, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let found = run(&project, options)?;
    let picks = accept::quotes_and_claims(&found);
    let context = EditContext::live(super::annotator());
    let acceptance = accept::accept_all(&project, &picks, layer, &context, Retire::No)
        .context("nothing was applied")?;
    let report = acceptance.report;
    if !acceptance.plan.is_empty() {
        acceptance
            .plan
            .apply(&mut project)
            .context("nothing was applied")?;
        lock.save(&project)?;
    }
    say!(
        "added {} quote(s) and {} claim(s) to layer {layer:?} of {} ({} new speaker entit{})",
        report.quotes,
        report.claims,
        file.display(),
        report.entities,
        if report.entities == 1 { "y" } else { "ies" }
    );
    Ok(true)
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
            match (&c.why, c.possible_update) {
                (Some(why), true) => format!(" (possibly an update: {why})"),
                (None, true) => " (possibly an update)".to_owned(),
                _ => String::new(),
            }
        )?;
    }
    for g in &found.aliases {
        writeln!(out, "aliases  {}", g.names.join(" / "))?;
    }
    Ok(())
}
