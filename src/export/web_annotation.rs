//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose page holds one `Annotation`
//! per span. The target carries both a `TextQuoteSelector` (exact, prefix, suffix) and a
//! `TextPositionSelector` (code points, as the W3C model counts), so a reader can anchor it
//! even if the text changed. The motivation follows the kind: claim → assessing,
//! quote → identifying, sentiment → assessing, tag → tagging.

use super::{Dataset, ExportError, ExportReport, Exporter, Format, Output, Progress};
use crate::interchange::names;
use crate::model::{AnnotationKind, Provenance};
use serde_json::{Value, json};
use std::io::Write;

pub struct WebAnnotation;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn body(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

fn annotation(data: &Dataset<'_>, item: &super::Item<'_>, source: &str) -> Value {
    let a = item.annotation;
    let mut bodies = Vec::new();
    let motivation = match &a.kind {
        AnnotationKind::Quote(q) => {
            if let Some(name) = data.entity_name(q.speaker) {
                bodies.push(body("identifying", name));
            }
            let mut what = format!("{} quote", names::quote_type(q.quote_type).to_lowercase());
            if !q.cue.is_empty() {
                what.push_str(&format!(" ({})", q.cue));
            }
            bodies.push(body("describing", &what));
            "identifying"
        }
        AnnotationKind::Claim(c) => {
            if let Some(v) = &c.verdict {
                bodies.push(body("assessing", v));
            }
            if let Some(cw) = c.check_worthiness {
                bodies.push(body("classifying", names::check_worthiness(cw)));
            }
            if let Some(name) = data.entity_name(c.claimant) {
                bodies.push(body("identifying", name));
            }
            if !c.rationale.is_empty() {
                bodies.push(body("commenting", &c.rationale));
            }
            for e in &c.evidence {
                bodies.push(json!({
                    "type": "SpecificResource",
                    "purpose": "linking",
                    "source": e.url,
                }));
            }
            "assessing"
        }
        AnnotationKind::Sentiment(s) => {
            bodies.push(body("classifying", &format!("polarity {:+}", s.polarity)));
            bodies.push(body(
                "classifying",
                &format!("stance {}", names::stance(s.stance)),
            ));
            if !s.target.is_empty() {
                bodies.push(body("describing", &s.target));
            }
            "assessing"
        }
        AnnotationKind::Tag { label } => {
            bodies.push(body("tagging", label));
            "tagging"
        }
    };
    if !a.note.is_empty() {
        bodies.push(body("commenting", &a.note));
    }
    let mut v = json!({
        "id": format!("urn:factdesk:annotation:{}", a.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": a.created,
        "modified": a.modified,
        "creator": {"type": "Person", "name": item.layer},
        "body": bodies,
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.span.exact,
                    "prefix": a.span.prefix,
                    "suffix": a.span.suffix,
                },
                {"type": "TextPositionSelector", "start": a.span.start, "end": a.span.end},
            ],
        },
    });
    if let Provenance::Suggested { method, .. } = &a.provenance {
        v["generator"] = json!({"type": "Software", "name": format!("factdesk assist: {method}")});
    }
    v
}

impl Exporter for WebAnnotation {
    fn format(&self) -> Format {
        Format::WebAnnotation
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let mut items = Vec::with_capacity(data.annotation_count());
        for doc in &data.docs {
            let source = doc
                .article
                .url
                .clone()
                .unwrap_or_else(|| format!("urn:factdesk:article:{}", doc.article.id));
            for item in &doc.items {
                items.push(annotation(data, item, &source));
            }
            progress.step()?;
        }
        report.records = items.len();
        let collection = json!({
            "@context": CONTEXT,
            "id": "urn:factdesk:collection",
            "type": "AnnotationCollection",
            "label": data.project.name,
            "total": items.len(),
            "first": {
                "type": "AnnotationPage",
                "startIndex": 0,
                "items": items,
            },
        });
        let name = "annotations.jsonld";
        let mut w = out.file(name)?;
        serde_json::to_writer_pretty(&mut w, &collection)?;
        w.write_all(b"\n")
            .map_err(ExportError::io(out.path_of(name)))?;
        out.finish(name, w)
    }
}
