//! The claim register as CSV, for spreadsheets: one row per claim, with the project
//! library's earlier fact-checks that match it (at or above the retrieval's match
//! threshold, best first): their addresses in `earlier_checks`, their ratings in the same
//! order in `earlier_check_ratings`, one a line.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or carriage return) get a leading `'`, as OWASP advises against CSV injection. The
//! file starts with a UTF-8 byte order mark so that Excel reads it as UTF-8.

use super::{Dataset, ExportError, ExportReport, Exporter, Format, Output, Progress};
use crate::claims::retrieval::{CheckIndex, MATCH_THRESHOLD};
use crate::interchange::names;
use crate::model::AnnotationKind;
use std::borrow::Cow;
use std::io::Write;

pub struct ClaimsCsv;

pub const HEADER: [&str; 14] = [
    "claim_id",
    "claim",
    "claimant",
    "check_worthiness",
    "verdict",
    "rationale",
    "evidence",
    "article",
    "article_url",
    "annotator",
    "note",
    "group",
    "earlier_checks",
    "earlier_check_ratings",
];

/// Earlier checks listed per claim at most.
pub const EARLIER_CHECKS: usize = 5;

/// Neutralise a cell that a spreadsheet would read as a formula.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

impl Exporter for ClaimsCsv {
    fn format(&self) -> Format {
        Format::Csv
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let name = "claims.csv";
        let mut file = out.file(name)?;
        file.write_all("\u{feff}".as_bytes())
            .map_err(ExportError::io(out.path_of(name)))?;
        let mut w = csv::Writer::from_writer(file);
        w.write_record(HEADER)?;
        let library = CheckIndex::new(&data.project.fact_checks);
        for doc in &data.docs {
            for item in &doc.items {
                let a = item.annotation;
                let AnnotationKind::Claim(c) = &a.kind else {
                    continue;
                };
                let evidence: Vec<String> = c
                    .evidence
                    .iter()
                    .map(|e| {
                        let mut s = format!("[{}] {}", names::evidence_stance(e.stance), e.url);
                        if !e.quote.is_empty() {
                            s.push_str(&format!(" “{}”", e.quote));
                        }
                        if let Some(d) = e.accessed {
                            s.push_str(&format!(" (accessed {d})"));
                        }
                        s
                    })
                    .collect();
                let id = a.id.to_string();
                // A grouped claim's verdict is its group's (or its override).
                let layer = data.layers.iter().find(|l| l.annotator == item.layer);
                let group = layer
                    .and_then(|l| l.group_of(a.id))
                    .map(|g| g.id.to_string())
                    .unwrap_or_default();
                let verdict = match layer {
                    Some(l) => l.effective_verdict(a),
                    None => c.verdict.as_deref(),
                };
                let (urls, ratings): (Vec<&str>, Vec<&str>) = if library.is_empty() {
                    (Vec::new(), Vec::new())
                } else {
                    library
                        .rank(&a.span.exact, EARLIER_CHECKS)
                        .into_iter()
                        .filter(|r| r.score >= MATCH_THRESHOLD)
                        .map(|r| (r.check.url.as_str(), r.check.rating.label.as_str()))
                        .unzip()
                };
                let (urls, ratings) = (urls.join("\n"), ratings.join("\n"));
                let cells: [&str; 14] = [
                    &id,
                    &a.span.exact,
                    data.entity_name(c.claimant).unwrap_or_default(),
                    c.check_worthiness
                        .map(names::check_worthiness)
                        .unwrap_or_default(),
                    verdict.unwrap_or_default(),
                    &c.rationale,
                    &evidence.join("\n"),
                    &doc.article.title,
                    doc.article.url.as_deref().unwrap_or_default(),
                    item.layer,
                    &a.note,
                    &group,
                    &urls,
                    &ratings,
                ];
                w.write_record(cells.iter().map(|c| defuse(c).into_owned()))?;
                report.records += 1;
            }
            progress.step()?;
        }
        let file = w
            .into_inner()
            .map_err(|e| ExportError::io(out.path_of(name))(e.into_error()))?;
        out.finish(name, file)
    }
}
