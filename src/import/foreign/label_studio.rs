//! Label Studio JSON export: a list of tasks (or one task), each with `data` holding the
//! text and `annotations` (older files: `completions`) whose `result` lists `labels`
//! regions, per-region `choices`/`textarea` results and `relation`s. Cancelled annotations
//! are left out. Offsets are code points in current Label Studio; files from versions that
//! counted UTF-16 units are recognised by their stored region text.

use super::{AnnotatorRef, ForeignDoc, ForeignError, Region, Relation, Skipped, StoredText, Units};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

fn offset(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// The task's text: `data.text`, or the only string in `data`.
fn task_text(data: &Map<String, Value>) -> Option<&str> {
    if let Some(t) = data.get("text").and_then(Value::as_str) {
        return Some(t);
    }
    let mut strings = data.values().filter_map(Value::as_str);
    match (strings.next(), strings.next()) {
        (Some(t), None) => Some(t),
        _ => None,
    }
}

pub fn parse(raw: &str, path: &Path) -> Result<Vec<ForeignDoc>, ForeignError> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let v: Value = serde_json::from_str(raw).map_err(|e| ForeignError::json(path, &e, None))?;
    let tasks = match v {
        Value::Array(tasks) => tasks,
        task @ Value::Object(_) => vec![task],
        _ => {
            return Err(ForeignError::invalid(
                path,
                "top level",
                "expected a list of Label Studio tasks",
            ));
        }
    };
    let mut docs = Vec::with_capacity(tasks.len());
    let mut tasks_read: Vec<Vec<TaskAnnotation>> = Vec::new();
    // Tasks with no annotation (by index in `tasks_read`), ascending.
    let mut unannotated: Vec<usize> = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        let at = match task.get("id").and_then(Value::as_u64) {
            Some(id) => format!("task {id}"),
            None => format!("task #{}", i + 1),
        };
        let bad = |message: &str| ForeignError::invalid(path, &at, message);
        let Some(data) = task.get("data").and_then(Value::as_object) else {
            return Err(bad(
                "no \"data\" object (is this a Label Studio JSON export?)",
            ));
        };
        let Some(text) = task_text(data) else {
            return Err(bad("\"data\" has no \"text\" string"));
        };
        let title = data.get("title").and_then(Value::as_str).map(str::to_owned);
        let annotations = task
            .get("annotations")
            .or_else(|| task.get("completions"))
            .map(|a| {
                a.as_array()
                    .ok_or_else(|| bad("\"annotations\" is not a list"))
            })
            .transpose()?
            .map(Vec::as_slice)
            .unwrap_or_default();
        // Each annotation of the task (one per person who annotated it) is read on its own;
        // cancelled ones and ones without results are left out.
        let mut parts: Vec<TaskAnnotation> = Vec::new();
        for (k, ann) in annotations.iter().enumerate() {
            if ann.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let results = match ann.get("result") {
                None => continue,
                Some(Value::Array(r)) => r,
                Some(_) => return Err(bad("an annotation's \"result\" is not a list")),
            };
            let mut doc = ForeignDoc::new(at.clone(), text.to_owned(), Units::CodePointsOrUtf16);
            doc.title = title.clone();
            read_results(path, &at, k, results, &mut doc)?;
            parts.push(TaskAnnotation {
                doc,
                user: user_name(ann),
            });
        }
        if parts.is_empty() {
            // Still a document: its text may become an article.
            let mut doc = ForeignDoc::new(at.clone(), text.to_owned(), Units::CodePointsOrUtf16);
            doc.title = title;
            parts.push(TaskAnnotation { doc, user: None });
            unannotated.push(tasks_read.len());
        }
        tasks_read.push(parts);
    }
    // A file where some task holds several annotations brings each person's into its own
    // layer: by user name when every annotation has one, distinct within its task;
    // otherwise by position in the task (Label Studio drops the names of annotations
    // imported into it, so a round trip of several factdesk layers comes back nameless).
    let several = tasks_read.iter().any(|t| t.len() > 1);
    let named = tasks_read.iter().enumerate().all(|(i, t)| {
        if unannotated.binary_search(&i).is_ok() {
            return true;
        }
        let mut names = std::collections::HashSet::new();
        t.iter()
            .all(|p| p.user.as_deref().is_some_and(|n| names.insert(n)))
    });
    for (i, parts) in tasks_read.into_iter().enumerate() {
        for (position, part) in parts.into_iter().enumerate() {
            let mut doc = part.doc;
            if several && unannotated.binary_search(&i).is_err() {
                doc.annotator = Some(match (named, part.user) {
                    (true, Some(user)) => AnnotatorRef {
                        suffix: layer_suffix(&user),
                        by_name: true,
                    },
                    _ => AnnotatorRef {
                        suffix: (position + 1).to_string(),
                        by_name: false,
                    },
                });
            }
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// One annotation of a task, read.
struct TaskAnnotation {
    doc: ForeignDoc,
    /// Who made it, if the file says: `created_username` ("name, id" in Label Studio's
    /// exports: the name part) or `completed_by`'s email.
    user: Option<String>,
}

fn user_name(ann: &Value) -> Option<String> {
    let created = ann
        .get("created_username")
        .and_then(Value::as_str)
        .map(|u| {
            u.rsplit_once(", ")
                .map_or(u, |(name, _)| name)
                .trim()
                .to_owned()
        });
    let completed = || {
        ann.get("completed_by")
            .and_then(|c| c.get("email").or_else(|| c.get("username")))
            .and_then(Value::as_str)
            .map(|u| u.trim().to_owned())
    };
    created.or_else(completed).filter(|u| !u.is_empty())
}

/// A user name as part of a layer name: letters, digits, `.`, `_`, `@` and `-` kept, the
/// rest (spaces, slashes) turned into `_`, at most 40 characters.
fn layer_suffix(user: &str) -> String {
    user.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '_' | '@' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect()
}

/// Read one annotation's results into the document. Region keys are prefixed with the
/// annotation's index, since ids only need to be unique within one annotation.
fn read_results(
    path: &Path,
    at: &str,
    k: usize,
    results: &[Value],
    doc: &mut ForeignDoc,
) -> Result<(), ForeignError> {
    let key = |id: &str| format!("{k}:{id}");
    // Regions first, so per-region fields can find them in any order.
    let mut region_of: HashMap<String, Vec<usize>> = HashMap::new();
    for r in results {
        let kind = r.get("type").and_then(Value::as_str).unwrap_or_default();
        if !kind.eq_ignore_ascii_case("labels") {
            continue;
        }
        let id = r.get("id").and_then(Value::as_str).unwrap_or_default();
        let rat = format!("{at}, region {id:?}");
        let value = r.get("value").and_then(Value::as_object);
        let (Some(s), Some(e)) = (
            value.and_then(|v| v.get("start")),
            value.and_then(|v| v.get("end")),
        ) else {
            return Err(ForeignError::invalid(
                path,
                rat,
                "a labels result needs value.start and value.end",
            ));
        };
        let (Some(s), Some(e)) = (offset(s), offset(e)) else {
            if s.is_string() {
                doc.skipped.push(Skipped {
                    at: rat,
                    reason: "HTML (XPath) region, not plain text; not imported".into(),
                });
                continue;
            }
            return Err(ForeignError::invalid(
                path,
                rat,
                "value.start and value.end must be non-negative whole numbers",
            ));
        };
        let stored = value
            .and_then(|v| v.get("text"))
            .and_then(Value::as_str)
            .map_or(StoredText::None, |t| StoredText::Exact(t.to_owned()));
        let labels: Vec<&str> = value
            .and_then(|v| v.get("labels"))
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if labels.is_empty() {
            doc.skipped.push(Skipped {
                at: rat,
                reason: "region without a label, not imported".into(),
            });
            continue;
        }
        for (n, label) in labels.into_iter().enumerate() {
            // A region with several labels becomes several annotations; the first keeps the
            // id that relations use.
            let region_key = if n == 0 {
                key(id)
            } else {
                format!("{}#{n}", key(id))
            };
            region_of
                .entry(key(id))
                .or_default()
                .push(doc.regions.len());
            doc.regions.push(Region {
                key: region_key,
                at: rat.clone(),
                fragments: vec![(s, e)],
                stored: stored.clone(),
                label: label.to_owned(),
                fields: Default::default(),
            });
        }
    }
    for r in results {
        let kind = r.get("type").and_then(Value::as_str).unwrap_or_default();
        let id = r.get("id").and_then(Value::as_str).unwrap_or_default();
        let rat = format!("{at}, result {id:?}");
        match kind.to_ascii_lowercase().as_str() {
            "labels" => {}
            "relation" => {
                let (Some(from), Some(to)) = (
                    r.get("from_id").and_then(Value::as_str),
                    r.get("to_id").and_then(Value::as_str),
                ) else {
                    return Err(ForeignError::invalid(
                        path,
                        rat,
                        "a relation needs from_id and to_id",
                    ));
                };
                let label = r
                    .get("labels")
                    .and_then(Value::as_array)
                    .and_then(|l| l.first())
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                doc.relations.push(Relation {
                    from: key(from),
                    to: key(to),
                    label: label.to_owned(),
                    at: rat,
                });
            }
            "choices" | "textarea" | "taxonomy" | "number" => {
                let from_name = r
                    .get("from_name")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let value = r.get("value");
                let list = |field: &str| {
                    value
                        .and_then(|v| v.get(field))
                        .and_then(Value::as_array)
                        .and_then(|l| l.first())
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                };
                let v = match kind.to_ascii_lowercase().as_str() {
                    "choices" => list("choices"),
                    "textarea" => list("text"),
                    "number" => value
                        .and_then(|v| v.get("number"))
                        .and_then(Value::as_i64)
                        .map(|n| n.to_string()),
                    _ => None,
                };
                let targets = region_of.get(&key(id));
                match (v, targets) {
                    (Some(v), Some(targets)) => {
                        for &t in targets {
                            if !doc.regions[t].fields.set(from_name, v.clone()) {
                                doc.skipped.push(Skipped {
                                    at: rat.clone(),
                                    reason: format!("field {from_name:?} is not one factdesk has, not imported"),
                                });
                                break;
                            }
                        }
                    }
                    (_, None) => doc.skipped.push(Skipped {
                        at: rat,
                        reason: format!("{kind} result {from_name:?} is not attached to a text region, not imported"),
                    }),
                    (None, Some(_)) => doc.skipped.push(Skipped {
                        at: rat,
                        reason: format!("{kind} result {from_name:?} has no value, not imported"),
                    }),
                }
            }
            other => doc.skipped.push(Skipped {
                at: rat,
                reason: format!("result type {other:?} is not imported"),
            }),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regions_fields_and_relations() {
        let raw = r#"[{"id": 3, "data": {"text": "Zarif said “no”."},
          "annotations": [{"result": [
            {"id": "q", "type": "labels", "value": {"start": 11, "end": 15, "text": "“no”", "labels": ["quote"]}},
            {"id": "s", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["speaker"]}},
            {"id": "q", "type": "choices", "from_name": "quote_type", "value": {"start": 11, "end": 15, "choices": ["Direct"]}},
            {"type": "relation", "from_id": "q", "to_id": "s", "labels": ["speaker"]},
            {"id": "x", "type": "rating", "value": {"rating": 3}}
          ]}, {"was_cancelled": true, "result": [{"id": "z", "type": "labels", "value": {"start": 0, "end": 1, "labels": ["a"]}}]}]}]"#;
        let docs = parse(raw, Path::new("ls.json")).unwrap();
        let d = &docs[0];
        assert_eq!(d.at, "task 3");
        assert_eq!(d.regions.len(), 2);
        assert_eq!(d.regions[0].fields.quote_type.as_deref(), Some("Direct"));
        assert_eq!(d.relations[0].from, "0:q");
        assert_eq!(d.skipped.len(), 1);
    }

    #[test]
    fn bad_input_is_an_error() {
        for (raw, needle) in [
            ("[{\"data\": {\"text\": \"a\"}}", "ls.json:1:"),
            ("{\"foo\": 1}", "task #1: no \"data\""),
            ("[{\"data\": {\"a\": \"x\", \"b\": \"y\"}}]", "no \"text\""),
            (
                "[{\"data\": {\"text\": \"a\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": -1, \"end\": 1, \"labels\": [\"x\"]}}]}]}]",
                "region \"r\"",
            ),
            ("42", "expected a list"),
        ] {
            let e = parse(raw, Path::new("ls.json")).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
    }
}
