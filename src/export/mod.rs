//! Turning a project's annotations into files other tools read: one module per format,
//! all behind the [`Exporter`] trait and reached through [`run`], which the GUI's export
//! dialog and the `factdesk export` command both call.
//!
//! Offsets are code points (end exclusive) in every format; Label Studio and doccano read
//! them that way too (current Label Studio counts `<Text>` offsets in code points).
//! Files are written into a hidden staging folder inside the output folder and moved into
//! place only when the whole export succeeded, so a cancelled or failed export leaves no
//! half-written files behind.

pub(crate) mod brat;
mod card;
mod claimreview;
mod claims_csv;
mod conll;
mod dataset;
mod doccano;
mod error;
mod hf;
pub(crate) mod label_studio;
mod options;
mod output;
mod web_annotation;

pub use dataset::{Dataset, Doc, Item, SplitName};
pub use error::ExportError;
pub use options::{ExportOptions, Format, LayerChoice, SpecialLayer, Split};
pub use output::{Output, sanitize_file_stem};

use crate::model::Project;
use std::path::PathBuf;

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportReport {
    /// Files written, in the output folder, in the order they were written.
    pub files: Vec<PathBuf>,
    /// Articles in the export (every article of the project).
    pub articles: usize,
    /// Annotations taken from the chosen layer(s).
    pub annotations: usize,
    /// Records the format holds (lines, tasks, claims …), when that differs from articles.
    pub records: usize,
    /// Articles per split (`train`, `validation`, `test`), for formats that split.
    pub splits: Vec<(SplitName, usize)>,
    /// Things the format could not hold, said once each (e.g. overlapping BIO spans).
    pub notes: Vec<String>,
}

/// Writes one format. Implementations call `progress.step()` once per article so the GUI
/// can show progress and cancel.
pub trait Exporter {
    fn format(&self) -> Format;
    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError>;
}

/// The exporter for a format.
pub fn exporter(format: Format) -> Box<dyn Exporter> {
    match format {
        Format::HuggingFace => Box::new(hf::HuggingFace),
        Format::Doccano => Box::new(doccano::Doccano),
        Format::LabelStudio => Box::new(label_studio::LabelStudio),
        Format::Brat => Box::new(brat::Brat),
        Format::Conll => Box::new(conll::Conll),
        Format::WebAnnotation => Box::new(web_annotation::WebAnnotation),
        Format::ClaimReview => Box::new(claimreview::ClaimReview),
        Format::Csv => Box::new(claims_csv::ClaimsCsv),
    }
}

/// Progress reporting with cancellation: wraps the caller's `FnMut(done, total) -> bool`.
pub struct Progress<'a> {
    callback: &'a mut dyn FnMut(usize, usize) -> bool,
    done: usize,
    total: usize,
}

impl<'a> Progress<'a> {
    pub fn new(total: usize, callback: &'a mut dyn FnMut(usize, usize) -> bool) -> Self {
        Self {
            callback,
            done: 0,
            total,
        }
    }

    /// One unit done; `Err(Cancelled)` when the callback asked to stop.
    pub fn step(&mut self) -> Result<(), ExportError> {
        self.done = (self.done + 1).min(self.total);
        if (self.callback)(self.done, self.total) {
            Ok(())
        } else {
            Err(ExportError::Cancelled)
        }
    }
}

/// Export `project` as `options` say. `progress(done, total)` is called once per article
/// (and once with `(0, total)` before starting); returning `false` cancels, and then
/// nothing is left in the output folder. Files of the same names already in the output
/// folder stop the export with [`ExportError::WouldReplace`] unless `options.force`.
/// Blocking: the GUI runs it on a worker thread.
pub fn run(
    project: &Project,
    options: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ExportReport, ExportError> {
    let (out, mut report) = stage(project, options, progress)?;
    report.files = out.commit(options.force)?;
    Ok(report)
}

/// The files an export with `options` would replace in the output folder (empty: nothing
/// would be replaced). Runs the export into its staging folder and discards it, so the
/// answer is exact; the export dialog calls it before asking "Replace these files?".
pub fn conflicts(project: &Project, options: &ExportOptions) -> Result<Vec<PathBuf>, ExportError> {
    let (out, _) = stage(project, options, &mut |_, _| true)?;
    Ok(out.conflicts())
}

/// Write every file of the export into a fresh staging folder.
fn stage(
    project: &Project,
    options: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Output, ExportReport), ExportError> {
    options.validate()?;
    let mut data = Dataset::new(
        project,
        &options.layer,
        options.split.as_ref(),
        options.date,
    )?;
    data.review_url = options.review_url.clone();
    let exporter = exporter(options.format);
    let mut report = ExportReport {
        articles: data.docs.len(),
        annotations: data.annotation_count(),
        ..ExportReport::default()
    };
    if options.split.is_some() && !options.format.splits() {
        report.notes.push(format!(
            "{} does not use splits; all articles are in one file",
            options.format.name()
        ));
    }
    let mut out = Output::create(&options.out_dir)?;
    let mut progress = Progress::new(data.docs.len(), progress);
    if !(progress.callback)(0, progress.total) {
        return Err(ExportError::Cancelled);
    }
    exporter.write(&data, &mut out, &mut progress, &mut report)?;
    Ok((out, report))
}
