//! How annotation fields are spelled in exported files, shared with the importers so that
//! what one writes the other reads back.

use crate::model::{CheckWorthiness, EvidenceStance, KindName, QuoteType, Stance};

/// Label of a region that names a quote's speaker (Label Studio, brat).
pub const SPEAKER: &str = "speaker";
/// Relation from a quote to its speaker's region.
pub const REL_SPEAKER: &str = "speaker";
/// Relation from a quote to a claim made inside it.
pub const REL_CLAIM: &str = "claim";

pub fn quote_type(q: QuoteType) -> &'static str {
    match q {
        QuoteType::Direct => "Direct",
        QuoteType::Indirect => "Indirect",
        QuoteType::Mixed => "Mixed",
    }
}

pub fn check_worthiness(c: CheckWorthiness) -> &'static str {
    match c {
        CheckWorthiness::NonFactual => "NonFactual",
        CheckWorthiness::Unimportant => "Unimportant",
        CheckWorthiness::CheckWorthy => "CheckWorthy",
    }
}

pub fn stance(s: Stance) -> &'static str {
    match s {
        Stance::Favor => "Favor",
        Stance::Against => "Against",
        Stance::None => "None",
    }
}

pub fn evidence_stance(s: EvidenceStance) -> &'static str {
    match s {
        EvidenceStance::Supports => "Supports",
        EvidenceStance::Refutes => "Refutes",
        EvidenceStance::Context => "Context",
    }
}

fn find<T: Copy>(s: &str, all: &[T], name: fn(T) -> &'static str) -> Option<T> {
    let s = s.trim();
    all.iter()
        .copied()
        .find(|&v| name(v).eq_ignore_ascii_case(s))
}

pub fn parse_quote_type(s: &str) -> Option<QuoteType> {
    let all = [QuoteType::Direct, QuoteType::Indirect, QuoteType::Mixed];
    find(s, &all, quote_type)
}

pub fn parse_check_worthiness(s: &str) -> Option<CheckWorthiness> {
    let all = [
        CheckWorthiness::NonFactual,
        CheckWorthiness::Unimportant,
        CheckWorthiness::CheckWorthy,
    ];
    find(s, &all, check_worthiness)
}

pub fn parse_stance(s: &str) -> Option<Stance> {
    find(s, &[Stance::Favor, Stance::Against, Stance::None], stance)
}

/// The kind a label names (`quote`, `claim`, `sentiment`), or `None` for a tag label.
pub fn kind_of_label(label: &str) -> Option<KindName> {
    [KindName::Quote, KindName::Claim, KindName::Sentiment]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(label.trim()))
}

/// How [`encode_token`] writes the empty string (never the encoding of anything else).
const EMPTY_TOKEN: &str = "%EMPTY";

/// Make a label or value one whitespace-free token (brat types and attribute values, CoNLL
/// tags), reversibly: space → `_`; `_`, `%`, other whitespace, controls and the characters
/// brat's configuration syntax uses → `%XX` (UTF-8 bytes).
pub fn encode_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' ' => out.push('_'),
            c if c == '_'
                || c == '%'
                || c.is_whitespace()
                || c.is_control()
                || matches!(c, ':' | '|' | ',' | '=' | '<' | '>' | ';' | '#' | '!') =>
            {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    if out.is_empty() {
        out.push_str(EMPTY_TOKEN);
    }
    out
}

/// Inverse of [`encode_token`]; `None` for a malformed escape.
pub fn decode_token(s: &str) -> Option<String> {
    if s == EMPTY_TOKEN {
        return Some(String::new());
    }
    let mut bytes = Vec::with_capacity(s.len());
    let mut rest = s.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        match b {
            b'_' => {
                bytes.push(b' ');
                rest = tail;
            }
            b'%' => {
                let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).ok()
}

/// Escape a free-text value for one line of a text format: `\` → `\\`, line feed → `\n`,
/// carriage return → `\r`, tab → `\t`.
pub fn escape_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// Inverse of [`escape_line`]; an unknown escape is kept as written.
pub fn unescape_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        for s in [
            "Mostly true",
            "a_b c",
            "100%",
            "",
            " ",
            "x:y|z",
            "tab\there\nnl",
            "é😀 ok",
            "%41",
            "\u{0}",
        ] {
            let t = encode_token(s);
            assert!(!t.is_empty() && !t.contains(char::is_whitespace), "{t:?}");
            assert_eq!(decode_token(&t).as_deref(), Some(s), "{t}");
        }
        assert_eq!(encode_token("Mostly true"), "Mostly_true");
        assert_eq!(decode_token("%G1"), None);
        assert_eq!(decode_token("%4"), None);
    }

    #[test]
    fn lines_round_trip() {
        for s in ["a\\nb", "line\nbreak\r\tx", "\\", "plain"] {
            let e = escape_line(s);
            assert!(!e.contains(['\n', '\r', '\t']));
            assert_eq!(unescape_line(&e), s);
        }
    }

    #[test]
    fn names_parse_back() {
        assert_eq!(parse_quote_type("indirect"), Some(QuoteType::Indirect));
        assert_eq!(
            parse_check_worthiness("CheckWorthy"),
            Some(CheckWorthiness::CheckWorthy)
        );
        assert_eq!(parse_stance("nope"), None);
        assert_eq!(kind_of_label("Claim"), Some(KindName::Claim));
        assert_eq!(kind_of_label("Person"), None);
    }
}
