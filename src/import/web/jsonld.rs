//! Article metadata from JSON-LD (`<script type="application/ld+json">`): the first object
//! typed as a news article (`NewsArticle`, `Article`, `BlogPosting`, `LiveBlogPosting`, …),
//! found at the top level, in an array or in an `@graph`, with `@id` references (a
//! publisher or author given once elsewhere in the graph) resolved.

use serde_json::Value;
use std::collections::HashMap;

/// schema.org types taken as an article (a `WebPage` or `CollectionPage` is not one).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

/// What JSON-LD says about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkedData {
    pub headline: Option<String>,
    /// Every author's name, in order.
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub date_published: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub article_body: Option<String>,
    /// A live blog's updates (`liveBlogUpdate[].articleBody`), oldest first.
    pub live_updates: Vec<String>,
}

/// Parse every JSON-LD block's text; the first article found wins.
pub fn article_from_blocks<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Option<LinkedData> {
    let values: Vec<Value> = blocks
        .into_iter()
        .filter_map(|text| {
            let text = text.trim();
            let text = text
                .strip_prefix("<![CDATA[")
                .and_then(|t| t.strip_suffix("]]>"))
                .unwrap_or(text);
            serde_json::from_str(text.trim()).ok()
        })
        .collect();
    let mut nodes = Vec::new();
    for v in &values {
        flatten(v, &mut nodes, 0);
    }
    let by_id: HashMap<&str, &Value> = nodes
        .iter()
        .filter_map(|n| Some((n.get("@id")?.as_str()?, *n)))
        .collect();
    let article = nodes.iter().find(|n| is_article(n))?;
    Some(read_article(article, &by_id))
}

/// Every object at the top level, in arrays and in `@graph`s.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(v);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article(v: &Value) -> bool {
    let is_type = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit(['/', ':']).next().unwrap_or(t);
            ARTICLE_TYPES.contains(&t)
        })
    };
    match v.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is_type),
        Some(t) => is_type(t),
        None => false,
    }
}

fn read_article(a: &Value, by_id: &HashMap<&str, &Value>) -> LinkedData {
    let resolve = |v: &'_ Value| -> Value {
        match v.get("@id").and_then(Value::as_str) {
            Some(id) if v.as_object().is_some_and(|m| m.len() == 1) => {
                by_id.get(id).map_or_else(|| v.clone(), |t| (*t).clone())
            }
            _ => v.clone(),
        }
    };
    let text = |key: &str| a.get(key).and_then(plain_string);
    let name_of = |v: &Value| -> Option<String> {
        let v = resolve(v);
        match &v {
            Value::String(s) => clean(s),
            Value::Object(_) => v.get("name").and_then(plain_string),
            _ => None,
        }
    };
    let authors = match a.get("author").or_else(|| a.get("creator")) {
        Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
        Some(one) => name_of(one).into_iter().collect(),
        None => Vec::new(),
    };
    let publisher = a.get("publisher").and_then(|p| match p {
        Value::Array(items) => items.iter().find_map(name_of),
        one => name_of(one),
    });
    let language = a.get("inLanguage").and_then(|l| match l {
        Value::Object(_) => l
            .get("alternateName")
            .or_else(|| l.get("name"))
            .and_then(plain_string),
        other => plain_string(other),
    });
    let url = text("url").or_else(|| {
        a.get("mainEntityOfPage").and_then(|m| match m {
            Value::String(s) => clean(s),
            Value::Object(_) => m.get("@id").or_else(|| m.get("url")).and_then(plain_string),
            _ => None,
        })
    });
    let live_updates = match a.get("liveBlogUpdate") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|u| u.get("articleBody").and_then(Value::as_str))
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    LinkedData {
        headline: text("headline").or_else(|| text("name")),
        authors,
        publisher,
        date_published: text("datePublished").or_else(|| text("dateCreated")),
        language,
        url: url.filter(|u| u.starts_with("http")),
        article_body: a
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_owned),
        live_updates,
    }
}

/// A string value (or the first of an array), whitespace collapsed; `None` when empty.
fn plain_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Array(items) => items.iter().find_map(plain_string),
        _ => None,
    }
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_with_references_and_several_authors() {
        let block = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"The Daily Ledger"},
            {"@type":"WebPage","@id":"https://x.test/a","name":"page"},
            {"@type":["NewsArticle"],"headline":"  A  headline ","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Bo Li"}],
             "publisher":{"@id":"#org"},"datePublished":"2024-03-05T08:00:00-05:00","inLanguage":"en-US",
             "mainEntityOfPage":{"@id":"https://x.test/a"}}]}"##;
        let ld = article_from_blocks([block]).unwrap();
        assert_eq!(ld.headline.as_deref(), Some("A headline"));
        assert_eq!(ld.authors, ["Ana Ruiz", "Bo Li"]);
        assert_eq!(ld.publisher.as_deref(), Some("The Daily Ledger"));
        assert_eq!(ld.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(ld.language.as_deref(), Some("en-US"));
    }

    #[test]
    fn arrays_bad_blocks_and_non_articles() {
        let list = r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"Post","author":"Cy"}]"#;
        let ld = article_from_blocks(["{not json", list]).unwrap();
        assert_eq!(ld.headline.as_deref(), Some("Post"));
        assert_eq!(ld.authors, ["Cy"]);
        assert!(article_from_blocks([r#"{"@type":"CollectionPage","name":"News"}"#]).is_none());
    }
}
