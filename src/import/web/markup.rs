//! Article metadata from the page's markup: OpenGraph and `article:` meta, the other
//! common `<meta>` names (Dublin Core, Parse.ly, `author`, `date`), `<link rel=canonical>`,
//! `<html lang dir>`, `<time datetime>` and byline elements.

use dom_query::Document;

/// What the markup says; every field optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub direction: Option<String>,
    pub canonical: Option<String>,
    /// `og:type`, lower case.
    pub og_type: Option<String>,
    /// The `<title>` element.
    pub document_title: Option<String>,
    /// The first `<h1>`.
    pub heading: Option<String>,
    /// `<img alt>` texts (an old page's logo names its outlet).
    pub image_alts: Vec<String>,
    /// `og:description` or `<meta name=description>`: often the standfirst, which is no
    /// part of the body.
    pub description: Option<String>,
}

/// `<meta>` names giving the published date, most specific first.
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
];
const AUTHOR_NAMES: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
];
const SITE_NAMES: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc.publisher",
    "dcterms.publisher",
    "publisher",
];

/// Read the markup of a parsed page.
pub fn read(doc: &Document) -> Markup {
    let mut metas: Vec<(String, String)> = Vec::new();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let content = collapse(&content);
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = node.attr(key) {
                metas.push((k.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    let first = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| metas.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()))
    };
    let mut authors: Vec<String> = AUTHOR_NAMES
        .iter()
        .find_map(|n| {
            let found: Vec<String> = metas
                .iter()
                .filter(|(k, v)| k == n && !v.starts_with("http"))
                .map(|(_, v)| strip_by(v))
                .collect();
            (!found.is_empty()).then_some(found)
        })
        .unwrap_or_default();
    if authors.is_empty() {
        authors = byline_elements(doc);
    }
    let html = doc.select("html");
    let body = doc.select("body");
    let language = html
        .attr("lang")
        .or_else(|| html.attr("xml:lang"))
        .map(|l| collapse(&l))
        .filter(|l| !l.is_empty())
        .or_else(|| first(&["content-language", "dc.language", "og:locale"]))
        .map(|l| l.replace('_', "-"));
    let direction = html
        .attr("dir")
        .or_else(|| body.attr("dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .or_else(|| first(&["og:url"]));
    let published = first(DATE_NAMES)
        .or_else(|| {
            doc.select("article time[datetime], time[pubdate], time[datetime]")
                .attr("datetime")
                .map(|d| d.trim().to_owned())
        })
        .or_else(|| date_in_text(doc));
    Markup {
        title: first(&["og:title", "twitter:title", "dc.title"]),
        authors,
        site_name: first(SITE_NAMES),
        published,
        language,
        direction,
        canonical,
        og_type: first(&["og:type"]).map(|t| t.to_ascii_lowercase()),
        description: first(&["og:description", "description", "twitter:description"]),
        image_alts: image_alts(doc),
        document_title: Some(collapse(&doc.select("head title").text())).filter(|t| !t.is_empty()),
        heading: Some(collapse(&doc.select("h1").first().text())).filter(|t| !t.is_empty()),
    }
}

/// Names in byline elements (`rel=author`, `itemprop=author`, `.byline`), in page order.
fn byline_elements(doc: &Document) -> Vec<String> {
    for selector in [
        "[itemprop=author] [itemprop=name]",
        "a[rel=author]",
        "[itemprop=author]",
        ".byline .author, .byline__name, .author-name",
        ".byline",
    ] {
        let mut names: Vec<String> = Vec::new();
        for node in doc.select(selector).nodes() {
            let name = strip_by(&collapse(&node.text()));
            if !name.is_empty() && name.chars().count() <= 120 && !names.contains(&name) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            return names;
        }
    }
    // Old layouts mark nothing: a bold "By René Müller" line.
    for node in doc
        .select("b, strong, font, span")
        .nodes()
        .iter()
        .filter(|n| is_leaf(n))
    {
        let text = collapse(&node.text());
        if let Some(name) = by_line(&text) {
            return vec![name];
        }
    }
    Vec::new()
}

/// An element holding text only: its text costs no more than its own characters, so
/// reading every such element stays linear in the page.
fn is_leaf(node: &dom_query::NodeRef) -> bool {
    node.children().iter().all(|c| !c.is_element())
}

/// "By René Müller" (two to four capitalised words after "By") → "René Müller".
fn by_line(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    ((2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
    .then(|| words.join(" "))
}

/// A date standing alone in a short element ("Wednesday, March 3, 2004"), for pages whose
/// markup gives none.
fn date_in_text(doc: &Document) -> Option<String> {
    let candidates = doc.select("font, span, small, p, div, td");
    candidates
        .nodes()
        .iter()
        .filter(|n| is_leaf(n))
        .find_map(|node| {
            let text = collapse(&node.text());
            (text.len() <= 40 && super::page::parse_date(&text).is_some()).then_some(text)
        })
}

/// `<img alt>` texts: an old page's logo names its outlet.
pub fn image_alts(doc: &Document) -> Vec<String> {
    doc.select("img[alt]")
        .nodes()
        .iter()
        .filter_map(|n| n.attr("alt"))
        .map(|a| collapse(&a))
        .filter(|a| !a.is_empty())
        .take(50)
        .collect()
}

/// `By Jane Doe` → `Jane Doe`.
pub fn strip_by(s: &str) -> String {
    let t = s.trim();
    for prefix in ["By ", "by ", "BY ", "Von ", "Par "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    t.to_owned()
}

/// Whitespace runs to one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
