//! Hugging Face style JSONL: one article a line with its spans (code points, end exclusive,
//! so Python's `text[start:end]` is the span), split by article, plus a dataset card.
//!
//! Every span carries every field (null where a kind does not have it), so the JSON
//! loader infers one schema for the whole file.

use super::{Dataset, Doc, ExportError, ExportReport, Exporter, Format, Output, Progress, card};
use crate::model::{AnnotationId, AnnotationKind, Evidence, Provenance, Status};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;

pub struct HuggingFace;

/// A writer that counts what goes through it (for `num_bytes` in the card).
struct ByteCount<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for ByteCount<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[derive(Serialize)]
struct Record<'a> {
    id: u64,
    title: &'a str,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<NaiveDate>,
    language: Option<&'a str>,
    text: &'a str,
    spans: Vec<SpanRecord<'a>>,
}

#[derive(Serialize)]
struct SpanRecord<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    kind: &'static str,
    text: &'a str,
    annotation_id: u64,
    annotator: &'a str,
    status: Status,
    provenance: &'static str,
    note: Option<&'a str>,
    speaker: Option<&'a str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: Option<&'a str>,
    quote_type: Option<&'static str>,
    claims: &'a [AnnotationId],
    claimant: Option<&'a str>,
    check_worthiness: Option<&'static str>,
    verdict: Option<&'a str>,
    verdict_value: Option<i32>,
    /// The claim's group in its layer (one claim repeated by several outlets).
    claim_group: Option<u64>,
    rationale: Option<&'a str>,
    evidence: &'a [Evidence],
    polarity: Option<i8>,
    target: Option<&'a str>,
    stance: Option<&'static str>,
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn record<'a>(data: &Dataset<'a>, doc: &Doc<'a>) -> Record<'a> {
    let art = doc.article;
    let spans = doc
        .items
        .iter()
        .map(|item| {
            let a = item.annotation;
            let mut r = SpanRecord {
                start: a.span.start,
                end: a.span.end,
                label: a.kind.label(),
                kind: a.kind.name().as_str(),
                text: &a.span.exact,
                annotation_id: a.id.0,
                annotator: item.layer,
                status: a.status,
                provenance: match a.provenance {
                    Provenance::Manual => "manual",
                    Provenance::Suggested { .. } => "suggested",
                    Provenance::Imported { .. } => "imported",
                    Provenance::Adjudicated { .. } => "adjudicated",
                },
                note: non_empty(&a.note),
                speaker: None,
                speaker_start: None,
                speaker_end: None,
                cue: None,
                quote_type: None,
                claims: &[],
                claimant: None,
                check_worthiness: None,
                verdict: None,
                verdict_value: None,
                claim_group: None,
                rationale: None,
                evidence: &[],
                polarity: None,
                target: None,
                stance: None,
            };
            match &a.kind {
                AnnotationKind::Quote(q) => {
                    r.speaker = data.entity_name(q.speaker);
                    r.speaker_start = q.speaker_span.as_ref().map(|s| s.start);
                    r.speaker_end = q.speaker_span.as_ref().map(|s| s.end);
                    r.cue = non_empty(&q.cue);
                    r.quote_type = Some(crate::interchange::names::quote_type(q.quote_type));
                    r.claims = &q.claims;
                }
                AnnotationKind::Claim(c) => {
                    r.claimant = data.entity_name(c.claimant);
                    r.check_worthiness = c
                        .check_worthiness
                        .map(crate::interchange::names::check_worthiness);
                    // A grouped claim's verdict is its group's (or its override).
                    let layer = data.layers.iter().find(|l| l.annotator == item.layer);
                    r.claim_group = layer.and_then(|l| l.group_of(a.id)).map(|g| g.id.0);
                    r.verdict = match layer {
                        Some(l) => l.effective_verdict(a),
                        None => c.verdict.as_deref(),
                    };
                    r.verdict_value = r
                        .verdict
                        .and_then(|v| data.project.schema.verdict(v))
                        .map(|v| v.value);
                    r.rationale = non_empty(&c.rationale);
                    r.evidence = &c.evidence;
                }
                AnnotationKind::Sentiment(s) => {
                    r.polarity = Some(s.polarity);
                    r.target = non_empty(&s.target);
                    r.stance = Some(crate::interchange::names::stance(s.stance));
                }
                AnnotationKind::Tag { .. } => {}
            }
            r
        })
        .collect();
    Record {
        id: art.id.0,
        title: &art.title,
        outlet: art.outlet.as_deref(),
        url: art.url.as_deref(),
        published: art.published,
        language: art.language.as_deref(),
        text: &art.text,
        spans,
    }
}

impl Exporter for HuggingFace {
    fn format(&self) -> Format {
        Format::HuggingFace
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let splits = data.used_splits();
        let mut split_bytes = Vec::with_capacity(splits.len());
        for &(split, _) in &splits {
            let name = format!("{split}.jsonl");
            let mut w = ByteCount {
                inner: out.file(&name)?,
                bytes: 0,
            };
            for doc in data.docs_in(split) {
                serde_json::to_writer(&mut w, &record(data, doc))?;
                w.write_all(b"\n")
                    .map_err(ExportError::io(out.path_of(&name)))?;
                report.records += 1;
                progress.step()?;
            }
            split_bytes.push((split, w.bytes));
            out.finish(&name, w.inner)?;
        }
        report.splits = splits;
        out.write(
            "README.md",
            card::dataset_card(data, &split_bytes).as_bytes(),
        )
    }
}
