//! Names brat accepts for types and attribute values, and the labels they stand for.
//!
//! brat's configuration only allows `[A-Za-z0-9_-]+` as a type name; a label such as
//! `Célébrité` or `Left/Right (2020)` written as it is (or %-escaped) makes brat reject
//! `annotation.conf`. Each label gets an ASCII name once per export (accents dropped, other
//! characters → `_`, made unique with `-2`, `-3` …), used alike in every `.ann` file and in
//! `annotation.conf`; `visual.conf` maps the names back to the original labels, which brat
//! shows and factdesk's brat import reads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether brat accepts `name` as a type or value name.
pub fn is_brat_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The brat name of every label used in one export.
#[derive(Debug, Default)]
pub struct BratNames {
    by_label: HashMap<String, String>,
    used: HashSet<String>,
    /// name → label, for `visual.conf`, in name order.
    labels: BTreeMap<String, String>,
}

impl BratNames {
    /// Names that must keep their spelling (fixed types and attribute names) are reserved.
    pub fn reserving<'a>(fixed: impl IntoIterator<Item = &'a str>) -> Self {
        let mut names = Self::default();
        for f in fixed {
            debug_assert!(is_brat_name(f));
            names.by_label.insert(f.to_owned(), f.to_owned());
            names.used.insert(f.to_ascii_lowercase());
        }
        names
    }

    /// The brat name of `label`, the same every time within one export.
    pub fn name(&mut self, label: &str) -> String {
        if let Some(n) = self.by_label.get(label) {
            return n.clone();
        }
        let base = ascii_name(label);
        let mut name = base.clone();
        let mut n = 1;
        // Unique ignoring case: brat's configuration lookups are case-sensitive, but
        // two labels differing only in case would read as one to a person.
        while self.used.contains(&name.to_ascii_lowercase()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        self.used.insert(name.to_ascii_lowercase());
        self.by_label.insert(label.to_owned(), name.clone());
        self.labels.insert(name.clone(), label.to_owned());
        name
    }

    /// `visual.conf`: the readable label of every name given out.
    pub fn visual_conf(&self) -> String {
        let mut s = String::from(
            "# Written by factdesk: the labels behind brat's type and value names.\n[labels]\n",
        );
        for (name, label) in &self.labels {
            let _ = writeln!(s, "{name} | {}", escape_label(label));
        }
        s.push_str(
            "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n\
             ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n\
             ATTRIBUTE_DEFAULT\tglyph:*\n",
        );
        s
    }
}

/// `label` in brat's alphabet: accents dropped (NFD without combining marks), every run of
/// other characters one `_`, never empty.
fn ascii_name(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_matches('_');
    if trimmed.is_empty() {
        "label".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Read the `[labels]` section of a `visual.conf`: brat name → label. The label is taken
/// as written after `NAME | ` (up to a further ` | `), so labels with outer spaces, as
/// factdesk writes them, come back exactly.
pub fn read_visual_labels(conf: &str) -> HashMap<String, String> {
    let mut in_labels = false;
    let mut map = HashMap::new();
    for line in conf.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_labels = trimmed == "[labels]";
            continue;
        }
        if !in_labels || trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((name, rest)) = line.split_once('|') else {
            continue;
        };
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let label = rest.split(" | ").next().unwrap_or(rest);
        let name = name.trim();
        if !name.is_empty() && !label.trim().is_empty() {
            map.insert(name.to_owned(), unescape_label(label));
        }
    }
    map
}

/// A label on one `visual.conf` line: `\\`, and `\u{…}` for `|` (brat splits on it),
/// controls and the characters Python (brat) takes as line breaks.
fn escape_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == '|' || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Inverse of [`escape_label`]; anything else after a backslash is kept as written.
fn unescape_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('\\') {
            out.push('\\');
            rest = tail;
        } else if let Some(c) = after
            .strip_prefix("u{")
            .and_then(|t| t.split_once('}'))
            .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32)
        {
            out.push(c);
            rest = &after[after.find('}').unwrap_or(0) + 1..];
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The text column of a `T` line: the fragments' texts joined by a space, line feeds (only
/// left in a span of line feeds) shown as spaces.
pub fn fragment_text<'t>(slices: impl IntoIterator<Item = &'t str>) -> String {
    slices
        .into_iter()
        .map(|s| s.replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_brat_names_unique_and_stable() {
        let mut n = BratNames::reserving(["quote", "claim"]);
        assert_eq!(n.name("Célébrité"), "Celebrite");
        assert_eq!(n.name("Mostly true"), "Mostly_true");
        assert_eq!(n.name("Left/Right, (2020)!"), "Left_Right_2020");
        assert_eq!(n.name("Quote"), "Quote-2");
        assert_eq!(n.name("quote"), "quote");
        assert_eq!(n.name("مرحبا"), "label");
        assert_eq!(n.name("中文"), "label-2");
        assert_eq!(n.name("Célébrité"), "Celebrite");
        for l in ["Celebrite", "Mostly_true", "Left_Right_2020", "label-2"] {
            assert!(is_brat_name(l));
        }
        let labels = read_visual_labels(&n.visual_conf());
        assert_eq!(labels["Celebrite"], "Célébrité");
        assert_eq!(labels["label-2"], "中文");
        assert!(!labels.contains_key("quote"));
        let mut n = BratNames::default();
        let name = n.name("  padded ");
        assert_eq!(read_visual_labels(&n.visual_conf())[&name], "  padded ");
        for odd in ["a | b", "x\\y\nz\r\t\u{85}\u{2028}\u{1b}|", "\\u{41}", "\\"] {
            assert_eq!(unescape_label(&escape_label(odd)), odd);
            assert!(!escape_label(odd).contains(['\n', '\r', '|']) || odd.is_empty());
        }
    }
}
