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
            let shown: String = label
                .chars()
                .map(|c| match c {
                    '|' => '¦',
                    c if c.is_control() => ' ',
                    c => c,
                })
                .collect();
            let _ = writeln!(s, "{name} | {shown}");
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

/// Read the `[labels]` section of a `visual.conf`: brat name → label.
pub fn read_visual_labels(conf: &str) -> HashMap<String, String> {
    let mut in_labels = false;
    let mut map = HashMap::new();
    for line in conf.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_labels = line == "[labels]";
            continue;
        }
        if !in_labels || line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('|').map(str::trim);
        if let (Some(name), Some(label)) = (parts.next(), parts.next())
            && !name.is_empty()
            && !label.is_empty()
        {
            map.insert(name.to_owned(), label.to_owned());
        }
    }
    map
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
    }
}
