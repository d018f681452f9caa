//! JSONL import: one article a line, `{"text", "title", "url", "outlet", "published", …}`.

use super::{ArticleDraft, Batch, ImportError, Warning};
use crate::model::text;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Line {
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

/// Parse JSONL text read from `path` into the batch. Blank lines are ignored.
pub fn parse_jsonl(raw: &str, path: &Path, batch: &mut Batch) -> Result<(), ImportError> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    for (i, line) in raw.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Line = serde_json::from_str(line).map_err(|e| ImportError::Json {
            path: path.to_owned(),
            line: n,
            col: e.column(),
            message: e.to_string(),
        })?;
        let field = |message: String| ImportError::Field {
            path: path.to_owned(),
            line: n,
            message,
        };
        let Some(raw_text) = rec.text else {
            return Err(field("no \"text\" field".into()));
        };
        let body = text::normalize(&raw_text);
        let body = body.trim();
        if body.is_empty() {
            batch.warnings.push(Warning::EmptyText {
                path: path.to_owned(),
                line: n,
            });
            continue;
        }
        let title = rec
            .title
            .map(|t| text::normalize(t.trim()))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| {
                format!(
                    "{} line {n}",
                    path.file_stem().unwrap_or_default().to_string_lossy()
                )
            });
        let mut d = ArticleDraft::new(title, body.to_owned(), format!("{}:{n}", path.display()));
        d.published =
            match rec
                .published
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                None => None,
                Some(s) => Some(parse_date(s).ok_or_else(|| {
                    field(format!("\"published\" {s:?} is not a date (YYYY-MM-DD)"))
                })?),
            };
        let clean = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        d.url = clean(rec.url);
        d.outlet = clean(rec.outlet);
        d.byline = clean(rec.byline);
        d.language = clean(rec.language);
        batch.articles.push(d);
    }
    Ok(())
}

/// `2020-01-06` or an RFC 3339 timestamp starting with a date.
fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}
