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
    // A site header (holding navigation), not the article's own header.
    for header in doc.select("header").nodes() {
        let in_article = header
            .ancestors(None)
            .iter()
            .any(|a| a.node_name().is_some_and(|n| &*n == "article"));
        if !in_article {
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
    attrs.iter().flatten().any(|value| {
        value
            .split_whitespace()
            .any(|token| token_is_clutter(&token.to_ascii_lowercase()))
    })
}

/// `share`, `share-bar`, `b-share-bar`, `site_footer` match `share` / `footer`: the
/// token, one of its `-`/`_` parts, or two neighbouring parts (`most-read`).
fn token_is_clutter(token: &str) -> bool {
    if CLUTTER.contains(token) {
        return true;
    }
    let parts: Vec<&str> = token.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    parts.iter().any(|p| CLUTTER.contains(p))
        || parts
            .windows(2)
            .any(|w| CLUTTER.contains(format!("{}-{}", w[0], w[1]).as_str()))
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
        if !p.is_empty() && self.link_chars * 5 < chars * 3 {
            self.done.push(p);
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
        ] {
            assert!(!token_is_clutter(t), "{t}");
        }
    }
}
