//! One page to an article: metadata (JSON-LD first, then OpenGraph and other `<meta>`,
//! then the markup), the body (Readability, or JSON-LD `articleBody` when the visible body
//! is only a teaser), and the refusal of pages that are not an article.

use super::ExtractError;
use super::body;
use super::jsonld::{self, LinkedData};
use super::markup::{self, Markup, collapse};
use chrono::NaiveDate;
use dom_query::Document;
use dom_smoothie::{Config, ParsePolicy};

/// At least this many headline links, and no sign of being an article, make a page a
/// section front.
const SECTION_FRONT_HEADLINES: usize = 5;
/// Fewer words than this in the body is no article.
const MIN_WORDS: usize = 20;
/// How many paragraphs into the extracted text a repeated headline is looked for.
const HEADLINE_WITHIN: usize = 6;

/// What was read from a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    pub title: String,
    /// Authors joined by `, `.
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
    /// `rtl` or `ltr` when the page declares it.
    pub direction: Option<String>,
    /// The canonical address (absolute), if the page names one.
    pub canonical_url: Option<String>,
    /// Paragraphs joined by a blank line, not yet normalised.
    pub text: String,
}

/// Extract the article of a decoded page. `source` names it in errors; `base_url` (the
/// address it was read from) resolves a relative canonical link.
pub fn extract(
    html: &str,
    source: &str,
    base_url: Option<&str>,
) -> Result<Extracted, ExtractError> {
    let doc = Document::from(html);
    let blocks: Vec<String> = doc
        .select("script[type='application/ld+json']")
        .nodes()
        .iter()
        .map(|n| n.text().to_string())
        .collect();
    let ld = jsonld::article_from_blocks(blocks.iter().map(String::as_str));
    let meta = markup::read(&doc);
    let headlines = headline_links(&doc);
    let is_article =
        ld.is_some() || meta.og_type.as_deref() == Some("article") || meta.published.is_some();
    if !is_article && headlines >= SECTION_FRONT_HEADLINES {
        return Err(ExtractError::NotAnArticle {
            page: source.into(),
            headlines,
        });
    }

    body::remove_clutter(&doc);
    let readable = readability(doc, html, base_url);
    let visible = readable
        .as_ref()
        .map(|r| body::paragraphs(&r.content))
        .unwrap_or_default();
    let visible = trim_repeats(visible, &meta, ld.as_ref());
    let visible = trim_tail(visible);
    let from_ld = ld
        .as_ref()
        .and_then(|l| l.article_body.as_deref())
        .map(body::text_paragraphs)
        .unwrap_or_default();
    let paragraphs = if words(&from_ld) > words(&visible) {
        from_ld
    } else {
        visible
    };
    if words(&paragraphs) < MIN_WORDS {
        return Err(ExtractError::NoText {
            page: source.into(),
        });
    }

    let ld = ld.unwrap_or_default();
    let outlet = ld
        .publisher
        .clone()
        .or_else(|| meta.site_name.clone())
        .or_else(|| readable.as_ref().and_then(|r| r.site_name.clone()))
        .or_else(|| outlet_from_title(&meta));
    let title = ld
        .headline
        .clone()
        .or_else(|| meta.title.clone())
        .or_else(|| meta.heading.clone())
        .or_else(|| {
            meta.document_title
                .as_deref()
                .map(|t| strip_site(t, outlet.as_deref()))
        })
        .or_else(|| readable.as_ref().map(|r| collapse(&r.title)))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| first_words(&paragraphs[0]));
    let authors = if ld.authors.is_empty() {
        meta.authors.clone()
    } else {
        ld.authors.clone()
    };
    let byline = if authors.is_empty() {
        readable
            .as_ref()
            .and_then(|r| r.byline.as_deref())
            .map(markup::strip_by)
            .filter(|b| !b.is_empty())
    } else {
        Some(authors.join(", "))
    };
    let published = ld
        .date_published
        .as_deref()
        .or(meta.published.as_deref())
        .and_then(parse_date);
    let canonical_url = [meta.canonical.as_deref(), ld.url.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|u| absolute(u, base_url));
    Ok(Extracted {
        title,
        byline,
        outlet,
        published,
        language: ld.language.clone().or(meta.language),
        direction: meta.direction,
        canonical_url,
        text: paragraphs.join("\n\n"),
    })
}

struct Readable {
    content: String,
    title: String,
    byline: Option<String>,
    site_name: Option<String>,
}

/// Readability's first attempt (its strictest policy) on the page as it is, then, only if
/// that finds too little text, its full sequence of looser attempts on a fresh copy.
/// `dom_smoothie`'s own `parse` clones the whole tree before every attempt to keep the
/// best; on a large page that clone costs more than the extraction, and the strict attempt
/// is the one that succeeds on nearly every article.
fn readability(doc: Document, html: &str, base_url: Option<&str>) -> Option<Readable> {
    let base = base_url.filter(|u| u.starts_with("http"));
    let strict = dom_smoothie::Readability::with_document(doc, base, None)
        .ok()
        .and_then(|mut r| r.parse_with_policy(ParsePolicy::Strict).ok())
        .filter(|a| normalized_chars(&a.text_content) >= Config::default().char_threshold);
    let article = match strict {
        Some(article) => article,
        None => {
            let doc = Document::from(html);
            body::remove_clutter(&doc);
            dom_smoothie::Readability::with_document(doc, base, None)
                .ok()?
                .parse()
                .ok()?
        }
    };
    Some(Readable {
        content: article.content.to_string(),
        title: article.title,
        byline: article.byline,
        site_name: article.site_name,
    })
}

/// Characters with every whitespace run counted as one, as Readability measures a result.
fn normalized_chars(text: &str) -> usize {
    let mut count = 0;
    let mut in_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                count += 1;
            }
            in_space = true;
        } else {
            count += 1;
            in_space = false;
        }
    }
    count
}

/// Links that are headlines (`<h2><a>` or `<a><h3>`): a section front has many.
fn headline_links(doc: &Document) -> usize {
    doc.select("h1 a[href], h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4")
        .length()
}

/// The side of `Outlet - Headline` in `<title>` that the page's logo (an `<img alt>`)
/// names: old pages have no other word for their outlet.
fn outlet_from_title(meta: &Markup) -> Option<String> {
    let title = meta.document_title.as_deref()?;
    let (a, b) = [" | ", " - ", " – ", " — ", " :: "]
        .iter()
        .find_map(|sep| title.split_once(sep))?;
    [a.trim(), b.trim()]
        .into_iter()
        .find(|side| meta.image_alts.iter().any(|alt| alt == side))
        .map(str::to_owned)
}

/// Readers' comments, captions and a lone "Advertisement" left after the story in old
/// layouts.
fn trim_tail(mut ps: Vec<String>) -> Vec<String> {
    let junk = |p: &str| {
        let words = p.split_whitespace().count();
        let ends = p.ends_with(['.', '!', '?', '"', '”', '’', '»', '؟', '。']);
        // A row of links: "Print | Email this story | Write to the editor".
        let menu = p.matches(" | ").count() >= 2 && !ends;
        (words <= 4 && !ends) || menu || p.contains(" wrote on ") || is_caption(p)
    };
    while ps.len() > 1 && ps.last().is_some_and(|p| junk(p)) {
        ps.pop();
    }
    // A photo caption inside the story ("… on Main Street. (Courier photo/Tom Brandt)").
    ps.retain(|p| !is_caption(p));
    ps
}

/// A caption ends with its credit: "(Courier photo/Tom Brandt)", "Photo: AP".
fn is_caption(p: &str) -> bool {
    let lower = p.to_lowercase();
    let credit = lower
        .rfind('(')
        .map(|i| &lower[i..])
        .is_some_and(|tail| tail.ends_with(')') && tail.contains("photo") && tail.len() < 60);
    credit || lower.contains("photo: ") && p.split_whitespace().count() <= 40
}

/// Readability sometimes keeps the headline and the byline as the first paragraphs (old
/// layouts put them in the text, `<b>Headline</b><br><i>By …</i>`), and a copyright line
/// as the last.
fn trim_repeats(mut ps: Vec<String>, meta: &Markup, ld: Option<&LinkedData>) -> Vec<String> {
    let mut titles: Vec<String> = [
        meta.title.clone(),
        meta.heading.clone(),
        ld.and_then(|l| l.headline.clone()),
        meta.document_title.as_deref().map(|t| {
            let outlet = meta.site_name.clone().or_else(|| outlet_from_title(meta));
            strip_site(t, outlet.as_deref())
        }),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.is_empty())
    .collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut authors: Vec<String> = meta.authors.clone();
    if let Some(l) = ld {
        authors.extend(l.authors.iter().cloned());
    }
    // Nothing of the story comes before its headline: page chrome that does is dropped.
    let mut start = ps
        .iter()
        .take(HEADLINE_WITHIN)
        .position(|p| titles.iter().any(|t| p.starts_with(t.as_str())))
        .unwrap_or(0);
    // An old layout runs breadcrumbs, headline, deck, byline and date into one block.
    if let Some(block) = ps.iter().take(HEADLINE_WITHIN).position(|p| {
        p.split_whitespace().count() <= 60
            && titles.iter().any(|t| {
                t.split_whitespace().count() >= 3
                    && p.contains(t.as_str())
                    && !p.starts_with(t.as_str())
            })
    }) {
        start = start.max(block + 1);
    }
    while let Some(first) = ps.get_mut(start) {
        if let Some(rest) = titles.iter().find_map(|t| first.strip_prefix(t.as_str())) {
            *first = rest.trim().to_owned();
        }
        let bare = markup::strip_by(first);
        let is_byline = first.is_empty()
            || authors.contains(&bare)
            || (first.split_whitespace().count() <= 12
                && authors.iter().any(|a| bare.starts_with(a.as_str())));
        if is_byline {
            start += 1;
        } else {
            break;
        }
    }
    // The standfirst (the page's description again) and a line of metadata (a date, a
    // count of views) that Readability kept above the story.
    let description = meta.description.as_deref().map(collapse);
    while let Some(first) = ps.get(start) {
        let standfirst = description.as_deref() == Some(first.as_str()) && ps.len() > start + 1;
        let metadata = first.split_whitespace().count() <= 8
            && first.chars().any(|c| c.is_ascii_digit())
            && !first.ends_with(['.', '!', '?', '"', '”', '’', '»', '؟', '。'])
            && ps.len() > start + 1
            && !starts_with_time(first);
        if standfirst || metadata {
            start += 1;
        } else {
            break;
        }
    }
    ps.drain(..start);
    while ps.last().is_some_and(|p| is_copyright(p)) {
        ps.pop();
    }
    ps
}

/// A live blog entry ("16:40 Power is back"): its time is part of the story.
fn starts_with_time(p: &str) -> bool {
    p.split_whitespace().next().is_some_and(body::is_clock_time)
}

fn is_copyright(p: &str) -> bool {
    let lower = p.to_lowercase();
    (lower.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c) "))
        && p.split_whitespace().count() <= 30
}

fn words(ps: &[String]) -> usize {
    ps.iter().map(|p| p.split_whitespace().count()).sum()
}

fn first_words(p: &str) -> String {
    p.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
}

/// `Headline | Outlet` or `Outlet - Headline` → `Headline`.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    if let Some(outlet) = outlet {
        for sep in [" | ", " - ", " – ", " — ", " :: ", ": "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{outlet}")) {
                return head.trim().to_owned();
            }
            if let Some(head) = title.strip_prefix(&format!("{outlet}{sep}")) {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// A date from ISO 8601 (`2024-03-05T08:00:00-05:00`: the date as the publisher wrote it),
/// RFC 2822, or `March 5, 2024`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = s
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some(d);
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // "Wednesday, March 3, 2004": the weekday adds nothing.
    let s = s
        .split_once(", ")
        .filter(|(day, _)| day.parse::<chrono::Weekday>().is_ok())
        .map_or(s, |(_, rest)| rest);
    ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// An absolute address from a possibly relative link.
fn absolute(link: &str, base: Option<&str>) -> Option<String> {
    let link = link.trim();
    if link.starts_with("http://") || link.starts_with("https://") {
        return Some(link.to_owned());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if let Some(path) = link.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    let host = rest.split(['/', '?', '#']).next()?;
    link.starts_with('/')
        .then(|| format!("{scheme}://{host}{link}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 5);
        assert_eq!(parse_date("2024-03-05T23:30:00-05:00"), d);
        assert_eq!(parse_date("Tue, 05 Mar 2024 10:00:00 GMT"), d);
        assert_eq!(parse_date("March 5, 2024"), d);
        assert_eq!(parse_date("Tuesday, March 5, 2024"), d);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn relative_canonical() {
        assert_eq!(
            absolute("/a/b", Some("https://x.test/c?d")).as_deref(),
            Some("https://x.test/a/b")
        );
        assert_eq!(absolute("b", Some("https://x.test/c")), None);
    }
}
