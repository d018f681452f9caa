//! `agree`, `merge` and `merge-driver`: agreement figures and bringing two people's work
//! together.

use crate::model::Context as EditContext;
use crate::review;
use crate::store::{self, ProjectLock};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

pub(super) fn agree(file: &Path, layers: Option<Vec<String>>, json: bool) -> Result<bool> {
    let project = store::load(file)?;
    let options = review::report::ReportOptions { layers };
    let report = review::agreement_report(&project, &options)?;
    if json {
        say!(
            "{}",
            serde_json::to_string_pretty(&review::report_json::to_json(&report))?
        );
    } else {
        write!(
            std::io::stdout().lock(),
            "{}",
            review::report_text::to_text(&report)
        )?;
    }
    Ok(true)
}

/// Merge `b` into `a`, written to `output`. The output's lock is held from reading the
/// inputs to writing, so `-o` onto one of the inputs never loses a concurrent change.
pub(super) fn merge(a: &Path, b: &Path, output: &Path, annotator: &str) -> Result<bool> {
    let lock = ProjectLock::acquire(output, store::LOCK_WAIT)?;
    let ours = store::load(a)?;
    let theirs = store::load(b)?;
    let source = b
        .file_stem()
        .map(|s| s.to_string_lossy().trim_end_matches(".factdesk").to_owned())
        .unwrap_or_else(|| "other".to_owned());
    let context = EditContext::live(annotator);
    let incoming = review::merge::incoming(&ours, &theirs, &source, &context);
    let summary = incoming.summary.clone();
    let unmatched = incoming.unmatched.len();
    let plan = review::merge::plan(&ours, incoming, true);
    let mut merged = ours;
    plan.apply(&mut merged)
        .context("the merge could not be applied; nothing was written")?;
    lock.save(&merged)?;
    say!(
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
            say!("  layer {:?}: identical in both, kept once", l.from);
        } else if l.from == l.to {
            say!(
                "  layer {:?}: added ({} annotation(s) on matched articles)",
                l.to,
                l.annotations
            );
        } else {
            say!(
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

pub(super) fn merge_driver(base: &Path, ours: &Path, theirs: &Path) -> Result<bool> {
    let outcome = review::merge3::driver::run(base, ours, theirs)?;
    for c in &outcome.conflicts {
        warn!("factdesk merge conflict: {c}");
    }
    if outcome.conflicts.is_empty() {
        Ok(true)
    } else {
        warn!(
            "factdesk: {} conflict(s); both versions kept, review them and commit",
            outcome.conflicts.len()
        );
        Ok(false)
    }
}
