//! `factchecks import` (published fact-checks into the project's library) and `claims`
//! (every claim with its earlier checks, and the groups of the same claim across outlets).

use crate::claims::{claim_review, report};
use crate::store::{self, ProjectLock};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Read every file first (any bad one stops the import with nothing changed), then add the
/// new checks under the project lock.
pub(super) fn import(file: &Path, paths: &[PathBuf]) -> Result<bool> {
    let mut checks = Vec::new();
    for path in paths {
        checks.extend(claim_review::read_file(path).context("import stopped, nothing was added")?);
    }
    let lock = ProjectLock::acquire_existing(file, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let import = claim_review::import_plan(&project, checks);
    if !import.plan.is_empty() {
        import
            .plan
            .apply(&mut project)
            .context("import stopped, nothing was added")?;
        lock.save(&project)?;
    }
    say!(
        "added {} fact-check(s) to {}; {} already there",
        import.added,
        file.display(),
        import.already_there
    );
    Ok(true)
}

pub(super) fn claims(file: &Path, json: bool, candidates: bool) -> Result<bool> {
    let project = store::load(file)?;
    let found = report::claims_report(&project, candidates);
    let mut out = String::new();
    if json {
        out = serde_json::to_string_pretty(&found)?;
        out.push('\n');
    } else {
        write_text(&mut out, &project, &found)?;
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(true)
}

fn write_text(
    out: &mut String,
    project: &crate::model::Project,
    found: &report::ClaimsReport,
) -> std::fmt::Result {
    use std::fmt::Write;
    let outlet = |id| {
        project
            .article(id)
            .map(|a| {
                a.outlet
                    .clone()
                    .unwrap_or_else(|| a.title.chars().take(40).collect())
            })
            .unwrap_or_default()
    };
    for m in &found.matches {
        let kind = if m.claim.annotation.is_some() {
            "claim"
        } else {
            "candidate"
        };
        writeln!(
            out,
            "{kind} {} {}..{} {:?}",
            m.claim.article, m.claim.start, m.claim.end, m.claim.text
        )?;
        for c in m.candidates.iter().filter(|c| c.score >= found.threshold) {
            let date = c.date.map(|d| format!(" on {d}")).unwrap_or_default();
            let by = if c.author.is_empty() {
                String::new()
            } else {
                format!(", by {}", c.author)
            };
            writeln!(
                out,
                "  checked before: {}{by}{date} ({:.2}) {}",
                c.rating, c.score, c.url
            )?;
        }
    }
    for (n, g) in found.groups.iter().enumerate() {
        writeln!(out, "group {}:", n + 1)?;
        for m in g {
            writeln!(
                out,
                "  {} ({}) {}..{} {:?}",
                m.article,
                outlet(m.article),
                m.start,
                m.end,
                m.text
            )?;
        }
    }
    writeln!(
        out,
        "{} claim(s), {} group(s); match threshold {}",
        found.matches.len(),
        found.groups.len(),
        found.threshold
    )
}
