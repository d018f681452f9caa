//! The article body of a page: clutter removed (by element and by the class and id words in
//! `clutter.txt`), the main content found by `dom_smoothie` (Readability), then its text
//! laid out as paragraphs separated by a blank line.

use dom_query::{Document, NodeRef};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Elements that are never article text.
const REMOVE: &str = "script, style, noscript, template, nav, footer, aside, form, button, \
    select, iframe, svg, canvas, figcaption, figure, dialog, [role=navigation], \
    [role=contentinfo], [role=complementary], [role=dialog], [role=alert], [hidden], \
    blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, \
    amp-ad, amp-analytics, amp-consent, amp-sidebar, amp-social-share, amp-embed, \
    amp-iframe, amp-user-notification";

static CLUTTER: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("clutter.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Elements whose content starts and ends a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "tr",
    "ul",
];

/// Take everything that is not the article out of the page (in place).
pub fn remove_clutter(doc: &Document) {
    doc.select(REMOVE).remove();
    // A site header (holding navigation), not the article's own header nor a live blog
    // entry's (its time, with no navigation).
    for header in doc.select("header").nodes() {
        let in_article = header
            .ancestors(None)
            .iter()
            .any(|a| a.node_name().is_some_and(|n| &*n == "article"));
        let sel = dom_query::Selection::from(*header);
        let text = sel.text();
        let words: Vec<&str> = text.split_whitespace().collect();
        let entry_time = words.len() <= 4
            && words.last().is_some_and(|w| is_clock_time(w))
            && !sel.select("nav, ul, ol").exists();
        if entry_time {
            // Readability drops whatever is called a header, and a block that is all link;
            // the entry's time must stay: a plain paragraph of its own.
            sel.select("a").rename("span");
            sel.rename("p");
            sel.remove_attrs(&["class", "id"]);
        } else if !in_article {
            header.remove_from_parent();
        }
    }
    let mut doomed = Vec::new();
    for node in doc.select("[class], [id]").nodes() {
        if is_clutter(node) && !holds_article(node) {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

fn is_clutter(node: &NodeRef) -> bool {
    let name = node.node_name();
    if matches!(name.as_deref(), Some("html" | "body" | "article" | "main")) {
        return false;
    }
    let attrs = [node.attr("class"), node.attr("id")];
    attrs
        .iter()
        .flatten()
        .any(|value| value.split_whitespace().any(token_is_clutter))
}

/// `share`, `share-bar`, `b-share-bar`, `site_footer`, `ShareBar_bar__s1LkE` (CSS modules)
/// match `share` / `footer`: the token, one of its `-`/`_`/camel-case parts, or two
/// neighbouring parts (`most-read`).
fn token_is_clutter(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    if CLUTTER.contains(lower.as_str()) {
        return true;
    }
    let parts: Vec<&str> = lower.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| CLUTTER.contains(p))
        || parts
            .windows(2)
            .any(|w| CLUTTER.contains(format!("{}-{}", w[0], w[1]).as_str()))
    {
        return true;
    }
    // Camel case only where there is a capital: most class names are lower case, and
    // this runs on every class token of the page.
    token.bytes().any(|b| b.is_ascii_uppercase()) && camel_parts_are_clutter(token)
}

/// "NewsletterInline" is "newsletter" + "inline"; "ABTest" stays whole.
fn camel_parts_are_clutter(token: &str) -> bool {
    let mut word = String::new();
    for piece in token.split(['-', '_']) {
        let mut prev_lower = false;
        word.clear();
        for c in piece.chars() {
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                if CLUTTER.contains(word.as_str()) {
                    return true;
                }
                word.clear();
            }
            prev_lower = c.is_ascii_lowercase();
            word.push(c.to_ascii_lowercase());
        }
        if CLUTTER.contains(word.as_str()) {
            return true;
        }
    }
    false
}

/// "16:40", "07.10", "9:05 pm": a live blog entry's time standing alone.
pub(super) fn is_clock_time(p: &str) -> bool {
    let p = p.trim();
    let digits = p
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ')
        .trim_end();
    let Some((h, m)) = digits.split_once([':', '.']) else {
        return false;
    };
    p.len() <= 12
        && (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
}

/// Whether the element wraps the article itself (a `main`, an `article` or an
/// `articleBody`), so a clutter-like class on it must not remove the story.
fn holds_article(node: &NodeRef) -> bool {
    let sel = dom_query::Selection::from(*node);
    sel.select("article, main, [itemprop=articleBody]").exists()
}

/// The text of an HTML fragment as paragraphs: block elements and `<br><br>` end a
/// paragraph, whitespace runs become one space. A paragraph that is mostly link text (a
/// menu or a list of other stories left inside the content) is dropped.
pub fn paragraphs(html: &str) -> Vec<String> {
    let doc = Document::from(html);
    let mut out = Paragraphs::default();
    if let Some(root) = doc.select("body").nodes().first() {
        out.walk(root, 0);
    }
    out.flush();
    out.done.extend(out.time.take());
    out.done
}

#[derive(Default)]
struct Paragraphs {
    current: String,
    /// `<br>`s since the last text.
    breaks: usize,
    /// Characters of `current` inside links, and how deep in links the walk is.
    link_chars: usize,
    in_link: usize,
    /// A clock time waiting for the entry it labels.
    time: Option<String>,
    done: Vec<String>,
}

impl Paragraphs {
    fn walk(&mut self, node: &NodeRef, depth: usize) {
        if depth > 256 {
            return;
        }
        for child in node.children() {
            if child.is_text() {
                let t = child.text();
                if !t.trim().is_empty() {
                    if self.breaks >= 2 {
                        self.flush();
                    }
                    self.breaks = 0;
                }
                if self.in_link > 0 {
                    self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                }
                self.current.push_str(&t);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().unwrap_or_default();
            match &*name {
                "br" => {
                    self.breaks += 1;
                    self.current.push(' ');
                }
                "script" | "style" | "figcaption" | "figure" | "noscript" => {}
                "a" => {
                    self.in_link += 1;
                    self.walk(&child, depth + 1);
                    self.in_link -= 1;
                }
                n if BLOCKS.contains(&n) => {
                    self.flush();
                    self.walk(&child, depth + 1);
                    self.flush();
                }
                _ => self.walk(&child, depth + 1),
            }
        }
    }

    fn flush(&mut self) {
        let p = collapse(&self.current);
        let chars = p.chars().filter(|c| !c.is_whitespace()).count();
        // A live blog entry's time (often a link to the entry) labels the entry after it.
        if is_clock_time(&p) {
            if let Some(time) = self.time.replace(p) {
                self.done.push(time);
            }
        } else if !p.is_empty() && self.link_chars * 5 < chars * 3 {
            match self.time.take() {
                Some(time) => self.done.push(format!("{time} {p}")),
                None => self.done.push(p),
            }
        }
        self.current.clear();
        self.breaks = 0;
        self.link_chars = 0;
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text (JSON-LD `articleBody`) as paragraphs: line breaks end a paragraph.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    // Some sites put HTML in articleBody.
    if text.contains("</p>") || text.contains("<br") {
        return paragraphs(text);
    }
    text.split('\n')
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_double_breaks_make_paragraphs() {
        let html = "<div>One <b>bold</b>\n word.<br>Same paragraph.<br><br>Two.<p>Three.</p>Four<ul><li>Five</li></ul></div>";
        assert_eq!(
            paragraphs(html),
            [
                "One bold word. Same paragraph.",
                "Two.",
                "Three.",
                "Four",
                "Five"
            ]
        );
        let live = "<div><a href=#e2><time>16:40</time></a><p>Power is back.</p></div><div><a href=#e1>07:10</a><p>Good morning.</p></div>";
        assert_eq!(
            paragraphs(live),
            ["16:40 Power is back.", "07:10 Good morning."]
        );
        let menu = "<p><a href=a>Home</a> | <a href=b>News</a></p><p>Read <a href=c>the report</a> here.</p>";
        assert_eq!(paragraphs(menu), ["Read the report here."]);
    }

    #[test]
    fn clutter_tokens() {
        for t in [
            "share",
            "share-bar",
            "article_share",
            "cookie-banner",
            "pull-quote",
            "related-stories",
            "site-footer",
            "ShareBar_bar__s1LkE",
            "NewsletterInline_title__e1GzA",
            "article__standfirst",
            "adbox",
        ] {
            assert!(token_is_clutter(t), "{t}");
        }
        for t in [
            "article-body",
            "shared",
            "content",
            "headline",
            "adjacent",
            "story-text",
            "ArticleBody_body__3fK2p",
            "Paragraph_paragraph__Qm3xT",
        ] {
            assert!(!token_is_clutter(t), "{t}");
        }
    }
}
