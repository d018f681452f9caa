//! Published fact-checks read from schema.org ClaimReview, as fact-checkers publish it and
//! Google's Fact Check Tools read it: one JSON-LD object, an array, an `@graph`, or JSON
//! Lines; any language. Every problem is a [`ClaimReviewError`] naming the file, the line
//! (JSON Lines) and what is wrong; a file over [`MAX_FILE_BYTES`] is refused before it is
//! read.

use crate::model::{Edit, FactCheck, Plan, Project, Rating};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

/// The largest ClaimReview file read (Fact-Check Insights' full dump of 240,000 reviews is
/// about 40 MB).
pub const MAX_FILE_BYTES: u64 = 48 * 1024 * 1024;

/// What is wrong with a ClaimReview file.
#[derive(Debug, thiserror::Error)]
pub enum ClaimReviewError {
    #[error("{file}: cannot read it: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {bytes} bytes is more than the {} MB a ClaimReview file may have", MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge { file: String, bytes: u64 },
    #[error("{file}: not UTF-8 text")]
    NotUtf8 { file: String },
    #[error("{file}{}: not JSON: {message}", line_suffix(*line))]
    NotJson {
        file: String,
        line: Option<usize>,
        message: String,
    },
    #[error("{file}{}: {path}: {what}", line_suffix(*line))]
    Invalid {
        file: String,
        line: Option<usize>,
        /// Where in the JSON: `[2].reviewRating.ratingValue`.
        path: String,
        what: String,
    },
    #[error("{file}: holds no ClaimReview")]
    NoReviews { file: String },
}

fn line_suffix(line: Option<usize>) -> String {
    line.map_or(String::new(), |l| format!(" line {l}"))
}

/// Read every ClaimReview of a file.
pub fn read_file(path: &Path) -> Result<Vec<FactCheck>, ClaimReviewError> {
    let file = path.display().to_string();
    let read = |source| ClaimReviewError::Read {
        file: file.clone(),
        source,
    };
    let handle = std::fs::File::open(path).map_err(read)?;
    let meta = handle.metadata().map_err(read)?;
    if !meta.is_file() {
        return Err(read(std::io::Error::other("not a regular file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ClaimReviewError::TooLarge {
            file,
            bytes: meta.len(),
        });
    }
    // The file may grow between the check and the read: never read past the limit.
    let mut bytes = Vec::new();
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ClaimReviewError::TooLarge {
            file,
            bytes: bytes.len() as u64,
        });
    }
    let text =
        String::from_utf8(bytes).map_err(|_| ClaimReviewError::NotUtf8 { file: file.clone() })?;
    parse(&text, &file)
}

/// Read every ClaimReview of a text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Vec<FactCheck>, ClaimReviewError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    match serde_json::from_str::<Value>(text) {
        Ok(value) => collect(&value, file, None, "", &mut out)?,
        Err(whole) => {
            // JSON Lines: one document a line. If the first line is not JSON on its own
            // either, the file is not JSON at all: report the whole-file error.
            let mut lines = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty());
            let Some((first_n, first)) = lines.next() else {
                return Err(ClaimReviewError::NotJson {
                    file: file.to_owned(),
                    line: None,
                    message: "the file is empty".to_owned(),
                });
            };
            let first_value =
                serde_json::from_str::<Value>(first).map_err(|_| ClaimReviewError::NotJson {
                    file: file.to_owned(),
                    line: None,
                    message: whole.to_string(),
                })?;
            collect(&first_value, file, Some(first_n + 1), "", &mut out)?;
            for (n, line) in lines {
                let value =
                    serde_json::from_str::<Value>(line).map_err(|e| ClaimReviewError::NotJson {
                        file: file.to_owned(),
                        line: Some(n + 1),
                        message: e.to_string(),
                    })?;
                collect(&value, file, Some(n + 1), "", &mut out)?;
            }
        }
    }
    if out.is_empty() {
        return Err(ClaimReviewError::NoReviews {
            file: file.to_owned(),
        });
    }
    Ok(out)
}

fn is_claim_review(object: &serde_json::Map<String, Value>) -> bool {
    let named = |v: &Value| {
        v.as_str()
            .is_some_and(|t| t.rsplit(['/', ':']).next() == Some("ClaimReview"))
    };
    match object.get("@type").or_else(|| object.get("type")) {
        Some(Value::Array(types)) => types.iter().any(named),
        Some(v) => named(v),
        None => false,
    }
}

/// Walk a document: arrays, `@graph`s, and the ClaimReviews in them (other nodes, such as
/// the page or the organisation, are skipped).
fn collect(
    value: &Value,
    file: &str,
    line: Option<usize>,
    path: &str,
    out: &mut Vec<FactCheck>,
) -> Result<(), ClaimReviewError> {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, file, line, &format!("{path}[{i}]"), out)?;
            }
            Ok(())
        }
        Value::Object(object) if is_claim_review(object) => {
            let reader = Reader { file, line, path };
            out.push(reader.review(object)?);
            Ok(())
        }
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                return collect(graph, file, line, &join(path, "@graph"), out);
            }
            Ok(())
        }
        _ if path.is_empty() => Err(ClaimReviewError::Invalid {
            file: file.to_owned(),
            line,
            path: "(top)".to_owned(),
            what: format!("expected an object or an array, found {}", kind(value)),
        }),
        _ => Ok(()),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct Reader<'a> {
    file: &'a str,
    line: Option<usize>,
    path: &'a str,
}

type Object = serde_json::Map<String, Value>;

impl Reader<'_> {
    fn invalid(&self, key: &str, what: impl Into<String>) -> ClaimReviewError {
        ClaimReviewError::Invalid {
            file: self.file.to_owned(),
            line: self.line,
            path: join(
                if self.path.is_empty() {
                    "ClaimReview"
                } else {
                    self.path
                },
                key,
            ),
            what: what.into(),
        }
    }

    /// An optional string; present but of another type is an error.
    fn string(
        &self,
        object: &Object,
        key: &str,
        at: &str,
    ) -> Result<Option<String>, ClaimReviewError> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
            Some(other) => Err(self.invalid(
                &join(at, key),
                format!("expected a string, found {}", kind(other)),
            )),
        }
    }

    /// A name: a string, an object with `name`, or an array of them (the first).
    fn name(&self, value: Option<&Value>, at: &str) -> Result<String, ClaimReviewError> {
        match value {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.trim().to_owned()),
            Some(Value::Object(o)) => Ok(self.string(o, "name", at)?.unwrap_or_default()),
            Some(Value::Array(items)) => match items.first() {
                Some(first) => self.name(Some(first), &format!("{at}[0]")),
                None => Ok(String::new()),
            },
            Some(other) => Err(self.invalid(
                at,
                format!(
                    "expected a name or an object with one, found {}",
                    kind(other)
                ),
            )),
        }
    }

    fn number(&self, object: &Object, key: &str) -> Result<Option<f64>, ClaimReviewError> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| {
                self.invalid(
                    &join("reviewRating", key),
                    format!("expected a number, found {s:?}"),
                )
            }),
            Some(other) => Err(self.invalid(
                &join("reviewRating", key),
                format!("expected a number, found {}", kind(other)),
            )),
        }
    }

    fn review(&self, object: &Object) -> Result<FactCheck, ClaimReviewError> {
        let claim_reviewed = self.string(object, "claimReviewed", "")?.ok_or_else(|| {
            self.invalid(
                "claimReviewed",
                "missing (every ClaimReview states the claim it reviews)",
            )
        })?;
        let url = self
            .string(object, "url", "")?
            .ok_or_else(|| self.invalid("url", "missing (a review is known by its address)"))?;
        let rating = match object.get("reviewRating") {
            None | Some(Value::Null) => Rating::default(),
            Some(Value::Object(r)) => Rating {
                label: match self.string(r, "alternateName", "reviewRating")? {
                    Some(label) => label,
                    None => self.string(r, "name", "reviewRating")?.unwrap_or_default(),
                },
                value: self.number(r, "ratingValue")?,
                best: self.number(r, "bestRating")?,
                worst: self.number(r, "worstRating")?,
            },
            Some(Value::Array(items)) if items.first().is_some_and(Value::is_object) => {
                let mut one = object.clone();
                one.insert("reviewRating".to_owned(), items[0].clone());
                return self.review(&one);
            }
            Some(other) => {
                return Err(self.invalid(
                    "reviewRating",
                    format!("expected an object, found {}", kind(other)),
                ));
            }
        };
        let date = match self.string(object, "datePublished", "")? {
            None => None,
            Some(d) => Some(
                d.get(..10)
                    .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
                    .ok_or_else(|| {
                        self.invalid(
                            "datePublished",
                            format!("expected a date such as 2024-03-01, found {d:?}"),
                        )
                    })?,
            ),
        };
        let language = match object.get("inLanguage") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Some(Value::Object(o)) => match self.string(o, "alternateName", "inLanguage")? {
                Some(tag) => Some(tag),
                None => self.string(o, "name", "inLanguage")?,
            },
            Some(other) => {
                return Err(self.invalid(
                    "inLanguage",
                    format!("expected a language tag, found {}", kind(other)),
                ));
            }
        };
        let (claimant, appearances) = match object.get("itemReviewed") {
            None | Some(Value::Null) => (String::new(), Vec::new()),
            Some(Value::Object(item)) => (
                self.name(item.get("author"), "itemReviewed.author")?,
                self.appearances(item)?,
            ),
            Some(other) => {
                return Err(self.invalid(
                    "itemReviewed",
                    format!("expected an object, found {}", kind(other)),
                ));
            }
        };
        Ok(FactCheck {
            url,
            claim_reviewed,
            rating,
            author: self.name(object.get("author"), "author")?,
            date,
            language,
            claimant,
            appearances,
        })
    }

    fn appearances(&self, item: &Object) -> Result<Vec<String>, ClaimReviewError> {
        let mut out = Vec::new();
        for key in ["firstAppearance", "appearance"] {
            let at = join("itemReviewed", key);
            let values: Vec<&Value> = match item.get(key) {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(v)) => v.iter().collect(),
                Some(v) => vec![v],
            };
            for v in values {
                let url = match v {
                    Value::String(s) => Some(s.trim().to_owned()),
                    Value::Object(o) => self.string(o, "url", &at)?,
                    other => {
                        return Err(self.invalid(
                            &at,
                            format!(
                                "expected a link or an object with a url, found {}",
                                kind(other)
                            ),
                        ));
                    }
                };
                if let Some(url) = url.filter(|u| !u.is_empty() && !out.contains(u)) {
                    out.push(url);
                }
            }
        }
        Ok(out)
    }
}

/// What importing checks into a project would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// Adds the new checks (empty when every one is already there).
    pub plan: Plan,
    pub added: usize,
    /// Checks whose url the library (or an earlier file of this import) already has.
    pub already_there: usize,
}

/// Add the checks the library lacks, known by url.
pub fn import_plan(project: &Project, checks: Vec<FactCheck>) -> ImportPlan {
    let mut seen: HashSet<String> = project.fact_checks.iter().map(|c| c.url.clone()).collect();
    let total = checks.len();
    let new: Vec<FactCheck> = checks
        .into_iter()
        .filter(|c| seen.insert(c.url.clone()))
        .collect();
    let added = new.len();
    let mut plan = Plan::new();
    plan.push(Edit::AddFactChecks(new));
    ImportPlan {
        plan,
        added,
        already_there: total - added,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"@context":"https://schema.org","@type":"ClaimReview","url":"https://fc.example/1",
      "claimReviewed":"Le chômage a baissé de 4 %","datePublished":"2024-03-01T10:00:00Z","inLanguage":"fr",
      "author":{"@type":"Organization","name":"Vérif"},
      "reviewRating":{"@type":"Rating","ratingValue":"2","bestRating":5,"worstRating":1,"alternateName":"Plutôt faux"},
      "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Ministre"},"appearance":[{"url":"https://news.example/a"}],"firstAppearance":"https://news.example/b"}}"#;

    #[test]
    fn one_object_an_array_a_graph_and_json_lines() {
        let one = parse(ONE, "one.json").unwrap();
        assert_eq!(one.len(), 1);
        let c = &one[0];
        assert_eq!(c.rating.label, "Plutôt faux");
        assert_eq!(c.rating.value, Some(2.0));
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(c.author, "Vérif");
        assert_eq!(c.claimant, "Ministre");
        assert_eq!(
            c.appearances,
            vec!["https://news.example/b", "https://news.example/a"]
        );
        assert_eq!(c.language.as_deref(), Some("fr"));
        let array = format!("[{ONE},{}]", ONE.replace("/1\"", "/2\""));
        assert_eq!(parse(&array, "a.json").unwrap().len(), 2);
        let graph = format!(r#"{{"@graph":[{{"@type":"WebPage"}},{ONE}]}}"#);
        assert_eq!(parse(&graph, "g.json").unwrap().len(), 1);
        let lines = format!(
            "{}\n\n{}\n",
            ONE.replace('\n', " "),
            ONE.replace('\n', " ").replace("/1\"", "/2\"")
        );
        assert_eq!(parse(&lines, "l.jsonl").unwrap().len(), 2);
    }

    #[test]
    fn bad_files_say_where_and_what() {
        let e = parse("not json at all", "x.json").unwrap_err().to_string();
        assert!(e.starts_with("x.json: not JSON"), "{e}");
        let bad_line = format!("{}\n{{\"@type\": oops}}\n", ONE.replace('\n', " "));
        let e = parse(&bad_line, "l.jsonl").unwrap_err().to_string();
        assert!(e.starts_with("l.jsonl line 2: not JSON"), "{e}");
        let e = parse(
            &ONE.replace("\"claimReviewed\":\"Le chômage a baissé de 4 %\",", ""),
            "m.json",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("claimReviewed: missing"), "{e}");
        let e = parse(
            &ONE.replace("\"ratingValue\":\"2\"", "\"ratingValue\":[2]"),
            "t.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("reviewRating.ratingValue: expected a number, found an array"),
            "{e}"
        );
        let e = parse(
            &ONE.replace("\"claimReviewed\":\"Le", "\"claimReviewed\":7,\"x\":\"Le"),
            "t.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("claimReviewed: expected a string, found a number"),
            "{e}"
        );
        let e = parse("[1, 2]", "n.json").unwrap_err().to_string();
        assert_eq!(e, "n.json: holds no ClaimReview");
        assert!(parse("", "e.json").is_err());
    }

    #[test]
    fn import_adds_what_is_new_and_undoes() {
        let mut project = Project::new("p");
        let checks = parse(&format!("[{ONE},{ONE}]"), "a.json").unwrap();
        let import = import_plan(&project, checks.clone());
        assert_eq!((import.added, import.already_there), (1, 1));
        let undo = import.plan.apply(&mut project).unwrap();
        assert_eq!(project.fact_checks.len(), 1);
        let again = import_plan(&project, checks);
        assert_eq!((again.added, again.already_there), (0, 2));
        assert!(again.plan.is_empty());
        undo.apply(&mut project).unwrap();
        assert!(project.fact_checks.is_empty());
    }
}
