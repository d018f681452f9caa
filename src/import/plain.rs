//! Plain-text articles in the shapes users bring (see the seed corpus):
//! - a title line, a blank line, then the body;
//! - a leading ` date YYYY-MM-DD` and the body on the same line (no title);
//! - otherwise just a body, titled after the file.

use super::ArticleDraft;
use crate::model::text;
use chrono::NaiveDate;
use std::path::Path;

/// Longest first line still taken as a title.
const MAX_TITLE_CHARS: usize = 300;
/// Length a title made from the first sentence is cut to.
const SENTENCE_TITLE_CHARS: usize = 100;

/// Parse one file's text. `None` when there is no text at all.
pub fn parse_plain(raw: &str, path: &Path) -> Option<ArticleDraft> {
    let normalized = text::normalize(raw);
    let all = normalized.trim();
    if all.is_empty() {
        return None;
    }
    let source = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    if let Some((date, body)) = date_header(all) {
        let body = body.trim();
        if body.is_empty() {
            return None;
        }
        let mut d = ArticleDraft::new(title_from_sentence(body), body.to_owned(), source);
        d.published = Some(date);
        return Some(d);
    }

    if let Some((first, rest)) = all.split_once("\n\n") {
        let first = first.trim();
        let body = rest.trim();
        if !first.contains('\n') && text::char_len(first) <= MAX_TITLE_CHARS && !body.is_empty() {
            return Some(ArticleDraft::new(first.to_owned(), body.to_owned(), source));
        }
    }
    Some(ArticleDraft::new(stem, all.to_owned(), source))
}

/// `date YYYY-MM-DD rest…` → (date, rest).
fn date_header(s: &str) -> Option<(NaiveDate, &str)> {
    let rest = s.strip_prefix("date")?.trim_start_matches([' ', '\t']);
    let (date, body) = (rest.get(..10)?, rest.get(10..)?);
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    if !body.is_empty() && !body.starts_with(char::is_whitespace) {
        return None;
    }
    Some((date, body))
}

/// The body's first sentence, cut at a word boundary to a title's length.
fn title_from_sentence(body: &str) -> String {
    let line = body.lines().next().unwrap_or(body);
    let end = line
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && i > 20
                && line[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map_or(line.len(), |(i, c)| i + c.len_utf8());
    let sentence = &line[..end];
    if text::char_len(sentence) <= SENTENCE_TITLE_CHARS {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(SENTENCE_TITLE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_body() {
        let d = parse_plain(
            "\u{feff}Headline here\r\n\r\nBody one.\r\n\r\nBody two.\r\n",
            Path::new("a.txt"),
        )
        .unwrap();
        assert_eq!(d.title, "Headline here");
        assert_eq!(d.text, "Body one.\n\nBody two.");
    }

    #[test]
    fn date_header() {
        let d = parse_plain(
            " date 2020-01-06 At the funeral of X on Monday, Y cried. More.",
            Path::new("b.txt"),
        )
        .unwrap();
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2020, 1, 6));
        assert_eq!(d.text, "At the funeral of X on Monday, Y cried. More.");
        assert_eq!(d.title, "At the funeral of X on Monday, Y cried.");
    }

    #[test]
    fn empty_and_untitled() {
        assert!(parse_plain(" \n\n\t", Path::new("c.txt")).is_none());
        assert!(parse_plain(" date 2020-01-06  ", Path::new("c.txt")).is_none());
        let d = parse_plain("just one paragraph", Path::new("dir/note.txt")).unwrap();
        assert_eq!(d.title, "note");
    }
}
