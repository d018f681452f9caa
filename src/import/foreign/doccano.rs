//! doccano JSONL, one document a line, in any of the shapes doccano reads and writes:
//! `"label": [[start, end, "LABEL"], …]` (sequence labelling), `"entities": [{"id",
//! "label", "start_offset", "end_offset"}]` with `"relations": [{"from_id", "to_id",
//! "type"}]` (relation labelling), or `"spans": [{"start", "end", "label"}]` (as in the
//! Hugging Face export, whose `text` field is also checked). Offsets are code points.

use super::{ForeignDoc, ForeignError, Region, Relation, Skipped, StoredText, Units};
use serde_json::Value;
use std::path::Path;

fn offset(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

pub fn parse(raw: &str, path: &Path) -> Result<Vec<ForeignDoc>, ForeignError> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut docs = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("line {n}");
        let bad = |message: String| ForeignError::invalid(path, &at, message);
        let v: Value =
            serde_json::from_str(line).map_err(|e| ForeignError::json(path, &e, Some(n)))?;
        let Some(obj) = v.as_object() else {
            return Err(bad("expected a JSON object".into()));
        };
        let Some(text) = obj.get("text").and_then(Value::as_str) else {
            return Err(bad("no \"text\" string".into()));
        };
        let mut doc = ForeignDoc::new(at.clone(), text.to_owned(), Units::CodePoints);
        doc.title = obj
            .get("title")
            .or_else(|| obj.get("meta").and_then(|m| m.get("title")))
            .and_then(Value::as_str)
            .map(str::to_owned);

        if let Some(labels) = obj.get("label") {
            let Some(labels) = labels.as_array() else {
                return Err(bad("\"label\" is not a list".into()));
            };
            for (k, l) in labels.iter().enumerate() {
                let rat = format!("{at}, label {}", k + 1);
                match l {
                    Value::Array(t) => {
                        let (Some(s), Some(e), Some(name)) = (
                            t.first().and_then(offset),
                            t.get(1).and_then(offset),
                            t.get(2).and_then(Value::as_str),
                        ) else {
                            return Err(ForeignError::invalid(
                                path,
                                rat,
                                "expected [start, end, \"LABEL\"] with non-negative whole numbers",
                            ));
                        };
                        doc.regions.push(Region {
                            key: format!("label{k}"),
                            at: rat,
                            fragments: vec![(s, e)],
                            stored: StoredText::None,
                            label: name.to_owned(),
                            fields: Default::default(),
                        });
                    }
                    Value::String(s) => doc.skipped.push(Skipped {
                        at: rat,
                        reason: format!(
                            "document-level label {s:?} (text classification) is not a span, not imported"
                        ),
                    }),
                    _ => {
                        return Err(ForeignError::invalid(
                            path,
                            rat,
                            "expected [start, end, \"LABEL\"]",
                        ));
                    }
                }
            }
        }

        for (k, e) in obj
            .get("entities")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let rat = format!("{at}, entity {}", k + 1);
            let (Some(s), Some(end), Some(label)) = (
                e.get("start_offset").and_then(offset),
                e.get("end_offset").and_then(offset),
                e.get("label").and_then(Value::as_str),
            ) else {
                return Err(ForeignError::invalid(
                    path,
                    rat,
                    "an entity needs start_offset, end_offset (non-negative whole numbers) and label",
                ));
            };
            let key = e
                .get("id")
                .and_then(id_string)
                .unwrap_or_else(|| format!("entity{k}"));
            doc.regions.push(Region {
                key,
                at: rat,
                fragments: vec![(s, end)],
                stored: StoredText::None,
                label: label.to_owned(),
                fields: Default::default(),
            });
        }
        for (k, r) in obj
            .get("relations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let rat = format!("{at}, relation {}", k + 1);
            let (Some(from), Some(to)) = (
                r.get("from_id").and_then(id_string),
                r.get("to_id").and_then(id_string),
            ) else {
                return Err(ForeignError::invalid(
                    path,
                    rat,
                    "a relation needs from_id and to_id",
                ));
            };
            let label = r
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            doc.relations.push(Relation {
                from,
                to,
                label,
                at: rat,
            });
        }

        for (k, sp) in obj
            .get("spans")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let rat = format!("{at}, span {}", k + 1);
            let (Some(s), Some(e), Some(label)) = (
                sp.get("start").and_then(offset),
                sp.get("end").and_then(offset),
                sp.get("label").and_then(Value::as_str),
            ) else {
                return Err(ForeignError::invalid(
                    path,
                    rat,
                    "a span needs start, end (non-negative whole numbers) and label",
                ));
            };
            doc.regions.push(Region {
                key: format!("span{k}"),
                at: rat,
                fragments: vec![(s, e)],
                stored: sp
                    .get("text")
                    .and_then(Value::as_str)
                    .map_or(StoredText::None, |t| StoredText::Exact(t.to_owned())),
                label: label.to_owned(),
                fields: Default::default(),
            });
        }
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_shapes() {
        let raw = concat!(
            "{\"text\": \"a😀 bc\", \"label\": [[3, 5, \"Tag\"], \"Positive\"], \"title\": \"T\"}\n",
            "\n",
            "{\"text\": \"xyz\", \"entities\": [{\"id\": 7, \"label\": \"quote\", \"start_offset\": 0, \"end_offset\": 2}], \"relations\": [{\"id\": 1, \"from_id\": 7, \"to_id\": 8, \"type\": \"speaker\"}]}\n",
        );
        let docs = parse(raw, Path::new("d.jsonl")).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].regions[0].fragments, vec![(3, 5)]);
        assert_eq!(docs[0].title.as_deref(), Some("T"));
        assert_eq!(docs[0].skipped.len(), 1);
        assert_eq!(docs[1].at, "line 3");
        assert_eq!(docs[1].regions[0].key, "7");
        assert_eq!(docs[1].relations[0].to, "8");
    }

    #[test]
    fn bad_input_is_an_error_with_its_line() {
        for (raw, needle) in [
            ("{\"text\": \"a\"}\n{\"text\": ", "d.jsonl:2:"),
            ("{\"label\": []}", "line 1: no \"text\""),
            (
                "{\"text\": \"a\", \"label\": [[-1, 2, \"X\"]]}",
                "line 1, label 1",
            ),
            (
                "{\"text\": \"a\", \"label\": [[0, \"2\", \"X\"]]}",
                "line 1, label 1",
            ),
            ("[1, 2]", "line 1: expected a JSON object"),
        ] {
            let e = parse(raw, Path::new("d.jsonl")).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
    }
}
