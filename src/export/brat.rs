//! brat standoff: for each article a `.txt` with its text and an `.ann` with `T` (text
//! bound), `A` (attribute), `R` (relation) and `#` (note) lines, plus an `annotation.conf`
//! declaring every type used. Offsets are code points (brat is Python).
//!
//! brat types and attribute values must match `[A-Za-z0-9_-]+`: labels get such names from
//! [`BratNames`] (`Mostly true` → `Mostly_true`, `Célébrité` → `Celebrite`), the same in
//! every `.ann` file and in `annotation.conf`, and `visual.conf` shows the original labels
//! (and lets factdesk's brat import read them back exactly). A span that crosses line
//! breaks is written as fragments (`T1 quote 0 5;6 10`, tab-separated), as brat itself
//! does, and its text column joins the fragments with a space.

use super::brat_names::BratNames;
use super::names::{self, REL_CLAIM, REL_SPEAKER, SPEAKER, escape_line};
use super::{Dataset, ExportError, ExportReport, Exporter, Format, Output, Progress};
use crate::model::{AnnotationKind, KindName, Span};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;

pub struct Brat;

/// The fragments of a span: its runs between line feeds, in code points, the first and last
/// stretched to the span's ends (so line feeds at its edges are kept). A span of line feeds
/// only stays one fragment.
pub(crate) fn fragments(span: &Span) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run_start = None;
    let mut pos = span.start;
    for c in span.exact.chars() {
        if c == '\n' {
            if let Some(s) = run_start.take() {
                out.push((s, pos));
            }
        } else if run_start.is_none() {
            run_start = Some(pos);
        }
        pos += 1;
    }
    if let Some(s) = run_start {
        out.push((s, pos));
    }
    match (out.first_mut(), span.start) {
        (Some(first), start) => first.0 = start,
        (None, _) => out.push((span.start, span.end)),
    }
    if let Some(last) = out.last_mut() {
        last.1 = span.end;
    }
    out
}

/// The text column of a `T` line: the fragments' texts joined by a space, line feeds (only
/// left in a span of line feeds) shown as spaces.
pub(crate) fn fragment_text<'t>(slices: impl IntoIterator<Item = &'t str>) -> String {
    slices
        .into_iter()
        .map(|s| s.replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Ann<'n> {
    names: &'n mut BratNames,
    s: String,
    t: usize,
    a: usize,
    r: usize,
    notes: usize,
}

impl Ann<'_> {
    fn entity(&mut self, label: &str, span: &Span) -> String {
        self.t += 1;
        let frags = fragments(span);
        let offsets: Vec<String> = frags.iter().map(|(a, b)| format!("{a} {b}")).collect();
        // Slices of `exact` by code point, relative to the span start.
        let slices: Vec<String> = frags
            .iter()
            .map(|&(a, b)| {
                span.exact
                    .chars()
                    .skip(a - span.start)
                    .take(b - a)
                    .collect()
            })
            .collect();
        let _ = writeln!(
            self.s,
            "T{}\t{} {}\t{}",
            self.t,
            self.names.name(label),
            offsets.join(";"),
            fragment_text(slices.iter().map(String::as_str))
        );
        format!("T{}", self.t)
    }

    fn attribute(&mut self, name: &str, target: &str, value: &str) {
        self.a += 1;
        let value = self.names.name(value);
        let _ = writeln!(self.s, "A{}\t{name} {target} {value}", self.a);
    }

    fn relation(&mut self, name: &str, from: &str, to: &str) {
        self.r += 1;
        let _ = writeln!(self.s, "R{}\t{name} Arg1:{from} Arg2:{to}", self.r);
    }

    fn note(&mut self, kind: &str, target: &str, text: &str) {
        self.notes += 1;
        let _ = writeln!(
            self.s,
            "#{}\t{kind} {target}\t{}",
            self.notes,
            escape_line(text)
        );
    }
}

/// Types, relations and attribute names factdesk itself writes: already brat names, and
/// never given to a label.
const FIXED_NAMES: [&str; 10] = [
    "quote",
    "claim",
    "sentiment",
    SPEAKER,
    "QuoteType",
    "Cue",
    "CheckWorthiness",
    "Verdict",
    "Polarity",
    "Stance",
];

/// Values seen per attribute, for `annotation.conf`.
type AttrValues = HashMap<&'static str, BTreeSet<String>>;

fn ann_file(
    data: &Dataset<'_>,
    doc: &super::Doc<'_>,
    seen: &mut AttrValues,
    names: &mut BratNames,
) -> String {
    let mut f = Ann {
        names,
        s: String::new(),
        t: 0,
        a: 0,
        r: 0,
        notes: 0,
    };
    let mut t_of: HashMap<u64, String> = HashMap::new();
    let mut links: Vec<(String, u64)> = Vec::new();
    let several_layers = data.layers.len() > 1;
    let mut attr = |f: &mut Ann, name: &'static str, t: &str, v: &str| {
        seen.entry(name).or_default().insert(v.to_owned());
        f.attribute(name, t, v);
    };
    for item in &doc.items {
        let a = item.annotation;
        let t = f.entity(a.kind.label(), &a.span);
        t_of.insert(a.id.0, t.clone());
        match &a.kind {
            AnnotationKind::Quote(q) => {
                attr(&mut f, "QuoteType", &t, names::quote_type(q.quote_type));
                if !q.cue.is_empty() {
                    attr(&mut f, "Cue", &t, &q.cue);
                }
                if let Some(name) = data.entity_name(q.speaker) {
                    f.note("Speaker", &t, name);
                }
                if let Some(s) = &q.speaker_span {
                    let st = f.entity(SPEAKER, s);
                    f.relation(REL_SPEAKER, &t, &st);
                }
                links.extend(q.claims.iter().map(|c| (t.clone(), c.0)));
            }
            AnnotationKind::Claim(c) => {
                if let Some(cw) = c.check_worthiness {
                    attr(&mut f, "CheckWorthiness", &t, names::check_worthiness(cw));
                }
                if let Some(v) = &c.verdict {
                    attr(&mut f, "Verdict", &t, v);
                }
                if !c.rationale.is_empty() {
                    f.note("Rationale", &t, &c.rationale);
                }
                if let Some(name) = data.entity_name(c.claimant) {
                    f.note("Claimant", &t, name);
                }
            }
            AnnotationKind::Sentiment(s) => {
                attr(&mut f, "Polarity", &t, &s.polarity.to_string());
                attr(&mut f, "Stance", &t, names::stance(s.stance));
                if !s.target.is_empty() {
                    f.note("Target", &t, &s.target);
                }
            }
            AnnotationKind::Tag { .. } => {}
        }
        if !a.note.is_empty() {
            f.note("AnnotatorNotes", &t, &a.note);
        }
        if several_layers {
            f.note("Annotator", &t, item.layer);
        }
    }
    for (quote, claim) in links {
        if let Some(ct) = t_of.get(&claim) {
            f.relation(REL_CLAIM, &quote, ct);
        }
    }
    f.s
}

fn annotation_conf(data: &Dataset<'_>, seen: &AttrValues, names: &mut BratNames) -> String {
    let mut labels: BTreeSet<String> = data.project.schema.tags.iter().cloned().collect();
    for d in &data.docs {
        for i in &d.items {
            labels.insert(i.annotation.kind.label().to_owned());
        }
    }
    let kinds = [KindName::Quote, KindName::Claim, KindName::Sentiment].map(KindName::as_str);
    let mut s = String::from(
        "# Written by factdesk. Names are brat names; visual.conf shows the labels.\n[entities]\n",
    );
    for k in kinds.iter().chain([&SPEAKER]) {
        let _ = writeln!(s, "{k}");
        labels.remove(*k);
    }
    for l in &labels {
        let _ = writeln!(s, "{}", names.name(l));
    }
    let _ = writeln!(s, "\n[relations]");
    let _ = writeln!(s, "{REL_SPEAKER}\tArg1:quote, Arg2:{SPEAKER}");
    let _ = writeln!(s, "{REL_CLAIM}\tArg1:quote, Arg2:claim");
    let _ = writeln!(
        s,
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"
    );
    let _ = writeln!(s, "\n[events]\n\n[attributes]");
    let fixed: [(&str, &str, Vec<String>); 6] = [
        (
            "QuoteType",
            "quote",
            vec!["Direct".into(), "Indirect".into(), "Mixed".into()],
        ),
        ("Cue", "quote", Vec::new()),
        (
            "CheckWorthiness",
            "claim",
            vec![
                "NonFactual".into(),
                "Unimportant".into(),
                "CheckWorthy".into(),
            ],
        ),
        (
            "Verdict",
            "claim",
            data.project
                .schema
                .verdicts
                .iter()
                .map(|v| v.label.clone())
                .collect(),
        ),
        (
            "Polarity",
            "sentiment",
            (-2..=2).map(|p: i8| p.to_string()).collect(),
        ),
        (
            "Stance",
            "sentiment",
            vec!["Favor".into(), "Against".into(), "None".into()],
        ),
    ];
    for (name, arg, values) in fixed {
        let mut all: BTreeSet<String> = values.iter().cloned().collect();
        if let Some(extra) = seen.get(name) {
            all.extend(extra.iter().cloned());
        }
        if all.is_empty() {
            continue;
        }
        // Declared order: the fixed values first, then any others seen.
        let mut ordered: Vec<String> = values.clone();
        ordered.extend(all.into_iter().filter(|v| !values.contains(v)));
        let vals: Vec<String> = ordered.iter().map(|v| names.name(v)).collect();
        let _ = writeln!(s, "{name}\tArg:{arg}, Value:{}", vals.join("|"));
    }
    s
}

impl Exporter for Brat {
    fn format(&self) -> Format {
        Format::Brat
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let mut seen = AttrValues::new();
        let mut names = BratNames::reserving(FIXED_NAMES);
        for doc in &data.docs {
            let stem = out.unique_stem(&doc.article.title, &["txt", "ann"]);
            let ann = ann_file(data, doc, &mut seen, &mut names);
            out.write(&format!("{stem}.txt"), doc.article.text.as_bytes())?;
            let name = format!("{stem}.ann");
            let mut w = out.file(&name)?;
            w.write_all(ann.as_bytes())
                .map_err(ExportError::io(out.path_of(&name)))?;
            out.finish(&name, w)?;
            report.records += 1;
            progress.step()?;
        }
        let conf = annotation_conf(data, &seen, &mut names);
        out.write("annotation.conf", conf.as_bytes())?;
        out.write("visual.conf", names.visual_conf().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_line_feeds() {
        let text = "ab\n\ncd😀\ne\n";
        let s = Span::from_text(text, 1, 9).unwrap();
        assert_eq!(fragments(&s), vec![(1, 2), (4, 7), (8, 9)]);
        let edges = Span::from_text(text, 2, 10).unwrap();
        assert_eq!(fragments(&edges), vec![(2, 7), (8, 10)]);
        let nl = Span::from_text(text, 2, 4).unwrap();
        assert_eq!(fragments(&nl), vec![(2, 4)]);
        assert_eq!(fragment_text(["\n\n"]), "  ");
    }
}
