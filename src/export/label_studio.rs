//! Label Studio JSON: a list of tasks, each with `data.text` and one entry in
//! `annotations` per layer, whose `result` holds `labels` regions, per-region `choices` and
//! `textarea` results for the annotation's fields, and `relation` results from a quote to
//! its speaker's region and to the claims made in it. A matching labelling configuration is
//! written beside it (`label_config.xml`) so the file imports into a new project as is.
//!
//! Offsets are code points: current Label Studio counts `<Text>` offsets that way (its
//! emoji tests, `web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts`); only old versions
//! counted UTF-16 units, which the importer detects.

use super::{Dataset, ExportError, ExportReport, Exporter, Format, Output, Progress};
use crate::interchange::names::{self, REL_CLAIM, REL_SPEAKER, SPEAKER};
use crate::model::{AnnotationKind, KindName, Span};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashSet};
use std::io::Write;

pub struct LabelStudio;

/// `from_name`s of the per-region results, shared with the importer.
pub const FROM_LABEL: &str = "label";
pub const TO_NAME: &str = "text";

fn region_id(id: u64) -> String {
    format!("r{id}")
}

fn labels(id: &str, span: &Span, label: &str) -> Value {
    json!({
        "id": id,
        "from_name": FROM_LABEL,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": span.start, "end": span.end, "text": span.exact, "labels": [label]},
    })
}

fn choices(id: &str, span: &Span, from: &str, choice: &str) -> Value {
    json!({
        "id": id,
        "from_name": from,
        "to_name": TO_NAME,
        "type": "choices",
        "value": {"start": span.start, "end": span.end, "text": span.exact, "choices": [choice]},
    })
}

fn textarea(id: &str, span: &Span, from: &str, text: &str) -> Value {
    json!({
        "id": id,
        "from_name": from,
        "to_name": TO_NAME,
        "type": "textarea",
        "value": {"start": span.start, "end": span.end, "text": [text]},
    })
}

fn relation(from: &str, to: &str, label: &str) -> Value {
    json!({
        "from_id": from,
        "to_id": to,
        "type": "relation",
        "direction": "right",
        "labels": [label],
    })
}

fn results(data: &Dataset<'_>, items: &[&crate::export::Item<'_>]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rels = Vec::new();
    let here: HashSet<u64> = items.iter().map(|i| i.annotation.id.0).collect();
    for item in items {
        let a = item.annotation;
        let rid = region_id(a.id.0);
        let span = &a.span;
        out.push(labels(&rid, span, a.kind.label()));
        match &a.kind {
            AnnotationKind::Quote(q) => {
                out.push(choices(
                    &rid,
                    span,
                    "quote_type",
                    names::quote_type(q.quote_type),
                ));
                if let Some(name) = data.entity_name(q.speaker) {
                    out.push(textarea(&rid, span, "speaker", name));
                }
                if !q.cue.is_empty() {
                    out.push(textarea(&rid, span, "cue", &q.cue));
                }
                if let Some(s) = &q.speaker_span {
                    let sid = format!("{rid}-speaker");
                    out.push(labels(&sid, s, SPEAKER));
                    rels.push(relation(&rid, &sid, REL_SPEAKER));
                }
                for c in q.claims.iter().filter(|c| here.contains(&c.0)) {
                    rels.push(relation(&rid, &region_id(c.0), REL_CLAIM));
                }
            }
            AnnotationKind::Claim(c) => {
                if let Some(cw) = c.check_worthiness {
                    out.push(choices(
                        &rid,
                        span,
                        "check_worthiness",
                        names::check_worthiness(cw),
                    ));
                }
                if let Some(v) = &c.verdict {
                    out.push(choices(&rid, span, "verdict", v));
                }
                if !c.rationale.is_empty() {
                    out.push(textarea(&rid, span, "rationale", &c.rationale));
                }
                if let Some(name) = data.entity_name(c.claimant) {
                    out.push(textarea(&rid, span, "claimant", name));
                }
            }
            AnnotationKind::Sentiment(s) => {
                out.push(choices(&rid, span, "polarity", &s.polarity.to_string()));
                out.push(choices(&rid, span, "stance", names::stance(s.stance)));
                if !s.target.is_empty() {
                    out.push(textarea(&rid, span, "target", &s.target));
                }
            }
            AnnotationKind::Tag { .. } => {}
        }
        if !a.note.is_empty() {
            out.push(textarea(&rid, span, "note", &a.note));
        }
    }
    out.extend(rels);
    out
}

impl Exporter for LabelStudio {
    fn format(&self) -> Format {
        Format::LabelStudio
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let name = "label-studio.json";
        let mut w = out.file(name)?;
        let io = |out: &Output| ExportError::io(out.path_of(name));
        w.write_all(b"[").map_err(io(out))?;
        let mut next_annotation = 1u64;
        for (i, doc) in data.docs.iter().enumerate() {
            let art = doc.article;
            let mut annotations = Vec::new();
            for layer in &data.layers {
                let items: Vec<_> = doc
                    .items
                    .iter()
                    .filter(|i| i.layer == layer.annotator)
                    .collect();
                if items.is_empty() {
                    continue;
                }
                let newest = items.iter().map(|i| i.annotation.modified).max();
                annotations.push(json!({
                    "id": next_annotation,
                    "created_username": layer.annotator,
                    "updated_at": newest,
                    "result": results(data, &items),
                }));
                next_annotation += 1;
            }
            let task = json!({
                "id": i + 1,
                "data": {
                    "text": art.text,
                    "title": art.title,
                    "article_id": art.id.0,
                    "outlet": art.outlet,
                    "url": art.url,
                    "published": art.published,
                },
                "annotations": annotations,
            });
            w.write_all(if i == 0 { b"\n" } else { b",\n" })
                .map_err(io(out))?;
            serde_json::to_writer(&mut w, &task)?;
            report.records += 1;
            progress.step()?;
        }
        w.write_all(b"\n]\n").map_err(io(out))?;
        out.finish(name, w)?;
        out.write("label_config.xml", label_config(data).as_bytes())
    }
}

/// Escape text for an XML attribute value.
fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A labelling configuration with every label, field and relation the export uses.
fn label_config(data: &Dataset<'_>) -> String {
    let mut tags: BTreeSet<&str> = data
        .project
        .schema
        .tags
        .iter()
        .map(String::as_str)
        .collect();
    for d in &data.docs {
        for i in &d.items {
            if let AnnotationKind::Tag { label } = &i.annotation.kind {
                tags.insert(label);
            }
        }
    }
    let mut s = String::from("<View>\n  <Relations>\n");
    for r in [REL_SPEAKER, REL_CLAIM] {
        s.push_str(&format!("    <Relation value=\"{r}\"/>\n"));
    }
    s.push_str("  </Relations>\n  <Labels name=\"label\" toName=\"text\">\n");
    let kinds = [KindName::Quote, KindName::Claim, KindName::Sentiment].map(KindName::as_str);
    for l in kinds.into_iter().chain([SPEAKER]).chain(tags) {
        s.push_str(&format!("    <Label value=\"{}\"/>\n", xml_attr(l)));
    }
    s.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
    s.push_str("  <View visibleWhen=\"region-selected\">\n");
    let choice_block = |name: &str, when: &str, values: Vec<String>| {
        let mut b = format!(
            "    <Choices name=\"{name}\" toName=\"text\" perRegion=\"true\" whenLabelValue=\"{when}\" choice=\"single\">\n"
        );
        for v in values {
            b.push_str(&format!("      <Choice value=\"{}\"/>\n", xml_attr(&v)));
        }
        b.push_str("    </Choices>\n");
        b
    };
    let text_area = |name: &str, when: Option<&str>| {
        let when = when.map_or(String::new(), |w| format!(" whenLabelValue=\"{w}\""));
        format!(
            "    <TextArea name=\"{name}\" toName=\"text\" perRegion=\"true\"{when} editable=\"true\" maxSubmissions=\"1\"/>\n"
        )
    };
    use crate::model::{CheckWorthiness as Cw, QuoteType as Qt, Stance as St};
    s.push_str(&choice_block(
        "quote_type",
        "quote",
        [Qt::Direct, Qt::Indirect, Qt::Mixed]
            .map(|q| names::quote_type(q).to_owned())
            .to_vec(),
    ));
    s.push_str(&text_area("speaker", Some("quote")));
    s.push_str(&text_area("cue", Some("quote")));
    s.push_str(&choice_block(
        "check_worthiness",
        "claim",
        [Cw::NonFactual, Cw::Unimportant, Cw::CheckWorthy]
            .map(|c| names::check_worthiness(c).to_owned())
            .to_vec(),
    ));
    s.push_str(&choice_block(
        "verdict",
        "claim",
        data.project
            .schema
            .verdicts
            .iter()
            .map(|v| v.label.clone())
            .collect(),
    ));
    s.push_str(&text_area("rationale", Some("claim")));
    s.push_str(&text_area("claimant", Some("claim")));
    s.push_str(&choice_block(
        "polarity",
        "sentiment",
        (-2..=2).map(|p: i8| p.to_string()).collect(),
    ));
    s.push_str(&choice_block(
        "stance",
        "sentiment",
        [St::Favor, St::Against, St::None]
            .map(|x| names::stance(x).to_owned())
            .to_vec(),
    ));
    s.push_str(&text_area("target", Some("sentiment")));
    s.push_str(&text_area("note", None));
    s.push_str("  </View>\n</View>\n");
    s
}
