//! `export`: a dataset or another tool's files from a project.

use crate::export::{self, ExportOptions, Format, LayerChoice, Split};
use crate::store;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// The optional flags of `factdesk export`.
pub(super) struct ExportFlags {
    pub layer: Option<LayerChoice>,
    pub split: Option<String>,
    pub seed: Option<u64>,
    pub force: bool,
    pub review_url: Option<String>,
}

pub(super) fn export_project(
    file: &Path,
    format: Format,
    out: &Path,
    flags: ExportFlags,
) -> Result<bool> {
    let split = flags
        .split
        .as_deref()
        .map(|s| Split::parse(s, flags.seed.unwrap_or(0)))
        .transpose()?;
    let project = store::load(file)?;
    let mut options = ExportOptions::new(format, out);
    options.layer = flags
        .layer
        .unwrap_or_else(|| LayerChoice::default_for(&project));
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
