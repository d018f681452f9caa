//! Claim candidates: sentences stating something checkable (numbers, quantities, dates,
//! percentages, comparisons, superlatives, causes, attributions), ranked by a
//! check-worthiness score. Boilerplate (`MORE:`, `Follow Us`, hashtag lines, captions) is
//! never suggested. Candidates are ranked, not filtered hard: check-worthiness models
//! collapse on news, so the person decides.

use super::suggestion::ClaimSuggestion;
use super::text::{Doc, Range, Token};
use crate::assist::text::WordList;
use crate::model::ArticleId;

static WEEKDAYS: WordList = WordList::new(&["yesterday", "today"]);
static QUANTITY_WORDS: WordList = WordList::from_text(include_str!("words/quantity_words.txt"));
static COMPARISONS: WordList = WordList::from_text(include_str!("words/comparisons.txt"));
static SUPERLATIVES: WordList = WordList::from_text(include_str!("words/superlatives.txt"));
static CAUSAL: WordList = WordList::from_text(include_str!("words/causal.txt"));
static ATTRIBUTION: WordList = WordList::from_text(include_str!("words/attribution.txt"));

/// A paragraph that is site furniture, not article content.
pub fn is_boilerplate(par: &str) -> bool {
    let p = par.trim();
    let lower = p.to_lowercase();
    let starts = [
        "more:",
        "read more",
        "related:",
        "follow us",
        "about post author",
        "sign up",
        "subscribe",
        "share this",
        "click here",
        "watch:",
        "photo:",
        "image:",
        "video:",
        "advertisement",
        "media contact",
        "for immediate release",
        "copyright",
        "©",
        "all rights reserved",
        "in this image",
        "in this picture",
        "in this photo",
        "pictured:",
        "(photo",
        "people mourn",
    ];
    if starts.iter().any(|s| lower.starts_with(s)) {
        return true;
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    if !words.is_empty()
        && words
            .iter()
            .all(|w| w.starts_with('#') || w.starts_with('@'))
    {
        return true;
    }
    // Photo credits and captions: "(Iran Press TV via AP)", "pic.twitter.com/…".
    lower.ends_with("via ap)")
        || lower.ends_with("/ap)")
        || lower.contains("pic.twitter.com")
        || (lower.ends_with(')') && lower.contains("(twitter/"))
}

fn has(tokens: &[Token], list: &WordList) -> bool {
    tokens.iter().any(|t| t.is_word && list.contains(t.lower()))
}

/// Claim candidates of one article, best first.
pub fn find(doc: &Doc, article: ArticleId) -> Vec<ClaimSuggestion> {
    let boiler: Vec<Range> = doc
        .paragraphs()
        .iter()
        .copied()
        .filter(|p| is_boilerplate(&doc.slice(p.start, p.end)))
        .collect();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let b = boiler.partition_point(|b| b.end <= s.start);
        if boiler.get(b).is_some_and(|b| b.overlaps(*s)) {
            continue;
        }
        let toks = doc.tokens_in(s.start, s.end);
        let words = toks.iter().filter(|t| t.is_word).count();
        if words < 5 || doc.chars[s.end - 1] == '?' {
            continue;
        }
        let mut reasons = Vec::new();
        let mut score: f32 = 0.0;
        let digits = toks
            .iter()
            .any(|t| t.is_word && t.text.chars().any(|c| c.is_ascii_digit()));
        let percent = toks
            .iter()
            .any(|t| t.text == "%" || matches!(t.lower(), "percent" | "per" | "percentage"));
        let year = toks.iter().any(|t| {
            t.text.len() == 4
                && t.text.chars().all(|c| c.is_ascii_digit())
                && matches!(t.text.as_bytes()[0], b'1' | b'2')
        });
        if percent {
            reasons.push("percentage");
            score += 0.35;
        }
        if digits && !percent || has(toks, &QUANTITY_WORDS) {
            reasons.push("number");
            score += 0.3;
        }
        if year
            || toks
                .iter()
                .any(|t| t.is_word && super::words::month(t.lower()).is_some())
            || (has(toks, &WEEKDAYS)
                || toks
                    .iter()
                    .any(|t| super::words::weekday(t.lower()).is_some()))
        {
            reasons.push("date");
            score += 0.15;
        }
        if has(toks, &COMPARISONS) {
            reasons.push("comparison");
            score += 0.15;
        }
        if has(toks, &SUPERLATIVES)
            || toks.iter().any(|t| {
                t.is_word
                    && t.text.len() > 5
                    && t.lower().ends_with("est")
                    && !matches!(
                        t.lower(),
                        "interest"
                            | "protest"
                            | "suggest"
                            | "request"
                            | "arrest"
                            | "honest"
                            | "modest"
                    )
            })
        {
            reasons.push("superlative");
            score += 0.15;
        }
        if has(toks, &CAUSAL) {
            reasons.push("cause");
            score += 0.15;
        }
        if has(toks, &ATTRIBUTION) {
            reasons.push("attribution");
            score += 0.1;
        }
        if reasons.is_empty() {
            continue;
        }
        out.push(ClaimSuggestion {
            article,
            start: s.start,
            end: s.end,
            text: doc.slice(s.start, s.end),
            score: score.min(1.0),
            reasons,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.start.cmp(&b.start)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_rank_high_and_boilerplate_is_skipped() {
        let doc = Doc::new(
            "MORE: Iranians Bake Cakes Thanking Trump for 50 Reasons\n\nAt least 50 people have been killed and more than 200 injured.\n\nThe weather was nice and everyone went home.\n\n#Iran #Soleimani",
        );
        let c = find(&doc, ArticleId(1));
        assert_eq!(c.len(), 1);
        assert!(c[0].text.starts_with("At least 50"));
        assert!(c[0].reasons.contains(&"number") && c[0].reasons.contains(&"comparison"));
    }
}
