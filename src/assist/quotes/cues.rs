//! Cue verbs: the words that report speech (said, told, tweeted, according to …).

use crate::assist::text::Token;
use crate::assist::words::TaggedWords;

/// Reporting verbs in the forms news writing uses, tagged `clause` when they can introduce
/// a reported clause ("said that …") and `addressee` when a listener may follow ("told
/// reporters that …").
static CUE_VERBS: TaggedWords = TaggedWords::from_text(include_str!("../words/cue_verbs.txt"));

/// Verbs that quote only a fragment after them ("calls it “a disgrace”").
static FRAGMENT_CUES: crate::assist::text::WordList =
    crate::assist::text::WordList::from_text(include_str!("../words/fragment_cues.txt"));

/// A verb at `i` that reports speech through the quoted fragment after it, used as a verb
/// (not "the calls", not "was called", not "described as “…”" with no object): see
/// `words/fragment_cues.txt`.
pub fn is_fragment_verb_at(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        t.is_word && !t.is_capitalized() && FRAGMENT_CUES.contains(t.text.to_lowercase().as_str())
    }) && !(i > 0
        && (marks_a_noun(&tokens[i - 1])
            || matches!(
                tokens[i - 1].lower(),
                "was" | "is" | "be" | "been" | "being" | "are" | "were" | "so" | "-"
            )))
        // "in conditions Silva described as “…”": after a name, "as" is the verb's own.
        && (tokens.get(i + 1).is_none_or(|t| t.lower() != "as")
            || (i > 0 && tokens[i - 1].is_word && tokens[i - 1].is_capitalized()))
}

/// Cue verbs are written in lower case ("The U.S. State Department" has no cue).
pub fn is_cue(tok: &Token) -> bool {
    tok.is_word && !tok.is_capitalized() && CUE_VERBS.contains(tok.text.to_lowercase().as_str())
}

pub fn is_clause_cue(tok: &Token) -> bool {
    tok.is_word
        && !tok.is_capitalized()
        && CUE_VERBS.has_tag(tok.text.to_lowercase().as_str(), "clause")
}

pub fn takes_addressee(tok: &Token) -> bool {
    CUE_VERBS.has_tag(tok.text.to_lowercase().as_str(), "addressee")
}

/// "according to" at token `i`.
pub fn is_according_to(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("according"))
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("to"))
}

/// Words after which a cue word is a noun ("the minister's claim", "their warning").
pub fn marks_a_noun(t: &Token) -> bool {
    matches!(
        t.lower(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "such"
            | "any"
            | "no"
            | "every"
            | "whose"
    ) || crate::assist::names::is_possessive(t)
        // "its 2027 report": a year or number before the word makes it a noun.
        || (t.text.len() >= 2 && t.text.bytes().all(|b| b.is_ascii_digit()))
}

/// The cue word at `i` used as a verb: not after a determiner or possessive ("the
/// minister's claim") and not followed by another cue ("Police reports suggested").
pub fn is_verb_at(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(is_cue)
        && !(i > 0 && marks_a_noun(&tokens[i - 1]))
        && !tokens.get(i + 1).is_some_and(is_cue)
}
