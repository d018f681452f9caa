//! Cue verbs: the words that report speech (said, told, tweeted, according to …).

use crate::assist::text::Token;

/// Reporting verbs in the forms news writing uses.
const CUE_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds",
    "added", "adding", "tweet", "tweets", "tweeted", "tweeting", "write", "writes", "wrote",
    "writing", "warn", "warns", "warned", "warning", "state", "states", "stated", "explain",
    "explains", "explained", "insist", "insists", "insisted", "argue", "argues", "argued",
    "claim", "claims", "claimed", "note", "notes", "noted", "continue", "continues",
    "continued", "ask", "asks", "asked", "reply", "replies", "replied", "respond",
    "responds", "responded", "declare", "declares", "declared", "announce", "announces",
    "announced", "report", "reports", "reported", "underscore", "underscores",
    "underscored", "post", "posts", "posted", "urge", "urges", "urged", "vow", "vows",
    "vowed", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
    "concede", "concedes", "conceded", "recall", "recalls", "recalled", "suggest",
    "suggests", "suggested", "complain", "complains", "complained", "shout", "shouts",
    "shouted", "chant", "chanted", "quip", "quipped", "predict", "predicts", "predicted",
    "confirm", "confirms", "confirmed", "deny", "denies", "denied", "stress", "stresses",
    "stressed", "emphasise", "emphasised", "emphasize", "emphasized", "emphasises",
    "emphasizes", "observe", "observed", "remark", "remarked", "comment", "commented",
    "maintain", "maintains", "maintained", "promise", "promised", "promises", "assure",
    "assured", "inform", "informed", "reiterate", "reiterated", "boast", "boasted",
    "joke", "joked", "cry", "cried", "yell", "yelled", "whisper", "whispered", "mutter",
    "muttered", "scoff", "scoffed", "sigh", "sighed", "plead", "pleaded", "pled", "beg",
    "begged", "allege", "alleged", "alleges", "contend", "contended", "contends", "counter",
    "countered", "retort", "retorted", "concluded", "conclude", "proclaimed", "proclaim",
    "posting", "texted", "messaged", "blogged", "wrote", "thundered", "fumed", "raged",
    "mused", "told", "estimate", "estimated", "estimates", "caution", "cautioned",
    "cautions", "testified", "testify", "admitted", "disclosed", "revealed", "reveals",
    "reveal", "noting", "arguing", "insisting", "warning", "explaining", "claiming",
    "asserted", "asserts", "assert", "recounted", "recounts",
];

/// Cue verbs that can introduce an indirect (reported) clause: "said that …".
const CLAUSE_CUES: &[&str] = &[
    "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "warn", "warns",
    "warned", "state", "states", "stated", "explain", "explains", "explained", "insist",
    "insists", "insisted", "argue", "argues", "argued", "claim", "claims", "claimed",
    "note", "notes", "noted", "declare", "declares", "declared", "announce", "announces",
    "announced", "report", "reports", "reported", "acknowledge", "acknowledges",
    "acknowledged", "admit", "admits", "admitted", "concede", "concedes", "conceded",
    "suggest", "suggests", "suggested", "predict", "predicts", "predicted", "confirm",
    "confirms", "confirmed", "deny", "denies", "denied", "stress", "stresses", "stressed",
    "emphasise", "emphasised", "emphasize", "emphasized", "maintain", "maintains",
    "maintained", "assure", "assured", "inform", "informed", "reiterate", "reiterated",
    "allege", "alleges", "alleged", "contend", "contends", "contended", "tweeted", "wrote",
    "writes", "estimated", "estimates", "cautioned", "warned", "testified", "disclosed",
    "revealed", "asserted", "asserts", "recalled", "recalls", "complained", "boasted",
    "promised", "vowed", "countered", "concluded", "posted",
];

/// Cues after which an addressee may come: "told reporters that …".
const TAKES_ADDRESSEE: &[&str] = &["tell", "tells", "told", "warn", "warns", "warned", "assure", "assured", "inform", "informed", "remind", "reminded", "promised", "cautioned"];

/// Cue verbs are written in lower case ("The U.S. State Department" has no cue).
pub fn is_cue(tok: &Token) -> bool {
    tok.is_word && !tok.is_capitalized() && CUE_VERBS.contains(&tok.text.to_lowercase().as_str())
}

pub fn is_clause_cue(tok: &Token) -> bool {
    tok.is_word && !tok.is_capitalized() && CLAUSE_CUES.contains(&tok.text.to_lowercase().as_str())
}

pub fn takes_addressee(tok: &Token) -> bool {
    TAKES_ADDRESSEE.contains(&tok.text.to_lowercase().as_str())
}

/// "according to" at token `i`.
pub fn is_according_to(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.text.eq_ignore_ascii_case("according"))
        && tokens.get(i + 1).is_some_and(|t| t.text.eq_ignore_ascii_case("to"))
}
