//! The dataset card (`README.md`) written with the Hugging Face export: YAML front matter
//! that the Hub and `datasets.load_dataset` read (features, splits with their sizes, data
//! files), then label counts, annotators, agreement between the exported annotator layers
//! and the export date.
//!
//! Dates are declared `date32`: pyarrow's JSON reader (which `datasets` uses) reads an ISO
//! date string as a timestamp, so a `string` feature would come back as
//! `"2020-01-07 00:00:00"`; as `date32` it is the date itself, and a split whose dates are
//! all null still loads with the declared type. `num_bytes` is the split file's size, which
//! `datasets` needs to accept the split sizes (it then checks `num_examples`).

use super::{Dataset, SplitName};
use crate::model::{AnnotationKind, LayerRole};
use crate::review::{self, Score};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Article-level features, in the order of the JSONL record (`spans` comes last).
pub(super) const ARTICLE_FEATURES: &[(&str, &str)] = &[
    ("id", "int64"),
    ("title", "string"),
    ("outlet", "string"),
    ("url", "string"),
    ("published", "date32"),
    ("language", "string"),
    ("text", "string"),
];

/// Span features, in the order of the JSONL span record. `claims` and `evidence` are lists.
pub(super) const SPAN_FEATURES: &[(&str, &str)] = &[
    ("start", "int64"),
    ("end", "int64"),
    ("label", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("annotation_id", "int64"),
    ("annotator", "string"),
    ("status", "string"),
    ("provenance", "string"),
    ("note", "string"),
    ("speaker", "string"),
    ("speaker_start", "int64"),
    ("speaker_end", "int64"),
    ("cue", "string"),
    ("quote_type", "string"),
    ("claims", "sequence:int64"),
    ("claimant", "string"),
    ("check_worthiness", "string"),
    ("verdict", "string"),
    ("verdict_value", "int64"),
    ("claim_group", "int64"),
    ("rationale", "string"),
    ("evidence", "evidence"),
    ("polarity", "int64"),
    ("target", "string"),
    ("stance", "string"),
];

const EVIDENCE_FEATURES: &[(&str, &str)] = &[
    ("url", "string"),
    ("quote", "string"),
    ("stance", "string"),
    ("accessed", "date32"),
];

/// A YAML scalar: JSON strings are valid YAML double-quoted scalars.
fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// A Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// A score for a table cell: three decimals, or "n/a" (the reason is in the legend).
fn score(k: Score) -> String {
    k.value()
        .map_or_else(|| "n/a".to_owned(), |k| format!("{k:.3}"))
}

/// Agreement between the exported annotator layers; when the adjudicated layer is exported,
/// how much was adjudicated and the agreement between the annotators before adjudication.
fn agreement_section(s: &mut String, data: &Dataset<'_>) {
    let p = data.project;
    let adjudicated = data.layers.iter().any(|l| l.role == LayerRole::Adjudicated);
    let raters: Vec<String> = if adjudicated {
        p.layers
            .iter()
            .filter(|l| l.role == LayerRole::Annotator)
            .map(|l| l.annotator.clone())
            .collect()
    } else {
        data.layers
            .iter()
            .filter(|l| l.role == LayerRole::Annotator)
            .map(|l| l.annotator.clone())
            .collect()
    };
    if adjudicated {
        let count: usize = data
            .layers
            .iter()
            .filter(|l| l.role == LayerRole::Adjudicated)
            .map(|l| l.annotations.len())
            .sum();
        let mut actions: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &p.decisions {
            *actions.entry(d.action.as_str()).or_default() += 1;
        }
        let _ = write!(
            s,
            "\n## Adjudication\n\n{count} annotations were adjudicated from {} annotator \
             layer(s)",
            raters.len()
        );
        if !actions.is_empty() {
            let list: Vec<String> = actions.iter().map(|(a, n)| format!("{a} {n}")).collect();
            let _ = write!(s, " (review decisions: {})", list.join(", "));
        }
        s.push_str(".\n");
    }
    if raters.len() < 2 {
        return;
    }
    let options = review::report::ReportOptions {
        layers: Some(raters),
    };
    let Ok(report) = review::agreement_report(p, &options) else {
        return;
    };
    s.push_str("\n## Agreement\n\n");
    if adjudicated {
        s.push_str("Between the annotator layers, before adjudication. ");
    } else {
        s.push_str("Between the exported annotator layers. ");
    }
    s.push_str(
        "Spans are aligned one to one per article; strict F1 counts the same span and label, \
         lenient F1 also overlapping spans with the same label. κ is Cohen's kappa and α \
         Krippendorff's alpha on the aligned pairs (ordinal for the verdict scale); n/a where \
         undefined (no pairs, or one category only). Same figures as `factdesk agree`.\n\n\
         | layers | spans | aligned | strict F1 | lenient F1 | label κ | verdict κ | check-worthiness κ | polarity κ | verdict α |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for g in &report.pairs {
        let _ = writeln!(
            s,
            "| {} / {} | {} / {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&g.a),
            cell(&g.b),
            g.counts.count_a,
            g.counts.count_b,
            g.counts.matched,
            score(g.span_f1.strict),
            score(g.span_f1.lenient),
            score(g.kappa.label),
            score(g.kappa.verdict),
            score(g.kappa.check_worthiness),
            score(g.kappa.polarity),
            score(g.alpha.verdict_ordinal),
        );
    }
}

/// The card for `data`; `split_bytes` gives each split file's size in bytes.
pub(super) fn dataset_card(data: &Dataset<'_>, split_bytes: &[(SplitName, u64)]) -> String {
    let p = data.project;
    let mut s = String::new();
    let splits = data.used_splits();

    // Front matter.
    s.push_str("---\n");
    let _ = writeln!(s, "pretty_name: {}", yaml_str(&p.name));
    let languages: BTreeSet<&str> = data
        .docs
        .iter()
        .filter_map(|d| d.article.language.as_deref())
        .collect();
    if !languages.is_empty() {
        s.push_str("language:\n");
        for l in &languages {
            let _ = writeln!(s, "- {}", yaml_str(l));
        }
    }
    s.push_str("task_categories:\n- token-classification\n");
    s.push_str("tags:\n- fact-checking\n- factdesk\n");
    s.push_str("configs:\n- config_name: default\n  data_files:\n");
    for (split, _) in &splits {
        let _ = writeln!(s, "  - split: {split}\n    path: {split}.jsonl");
    }
    s.push_str("dataset_info:\n  features:\n");
    for (name, dtype) in ARTICLE_FEATURES {
        let _ = writeln!(s, "  - name: {name}\n    dtype: {dtype}");
    }
    s.push_str("  - name: spans\n    list:\n");
    for (name, dtype) in SPAN_FEATURES {
        match *dtype {
            "sequence:int64" => {
                let _ = writeln!(s, "    - name: {name}\n      sequence: int64");
            }
            "evidence" => {
                let _ = writeln!(s, "    - name: {name}\n      list:");
                for (n, t) in EVIDENCE_FEATURES {
                    let _ = writeln!(s, "      - name: {n}\n        dtype: {t}");
                }
            }
            _ => {
                let _ = writeln!(s, "    - name: {name}\n      dtype: {dtype}");
            }
        }
    }
    s.push_str("  splits:\n");
    let mut total_bytes = 0;
    for (split, n) in &splits {
        let bytes = split_bytes
            .iter()
            .find(|(name, _)| name == split)
            .map_or(0, |(_, b)| *b);
        total_bytes += bytes;
        let _ = writeln!(
            s,
            "  - name: {split}\n    num_bytes: {bytes}\n    num_examples: {n}"
        );
    }
    let _ = writeln!(
        s,
        "  download_size: {total_bytes}\n  dataset_size: {total_bytes}"
    );
    s.push_str("---\n\n");

    // Body.
    let layer_names: Vec<String> = data
        .layers
        .iter()
        .map(|l| format!("`{}`", l.annotator.replace('`', "'")))
        .collect();
    let _ = writeln!(s, "# {}\n", cell(&p.name));
    let _ = writeln!(
        s,
        "Exported from factdesk on {}: {} articles and {} spans from the layer(s) {}.\n",
        data.date.format("%Y-%m-%d"),
        data.docs.len(),
        data.annotation_count(),
        if layer_names.is_empty() {
            "(none)".to_owned()
        } else {
            layer_names.join(", ")
        }
    );
    s.push_str(
        "Each line of a split file is one article with its metadata, its `text` and its \
         `spans`. `start` and `end` count Unicode code points, end exclusive, so in Python \
         `text[start:end] == span[\"text\"]`. Fields that do not apply to a span's kind are \
         null. `speaker_start`/`speaker_end` locate a quote's speaker in the same text; \
         `claims` lists the `annotation_id`s of claims made inside a quote; \
         `claim_group` names the group of claims that state the same thing across \
         articles (its `verdict` is the group's unless the claim overrides it).\n\n",
    );

    s.push_str("## Splits\n\n| split | articles | spans |\n|---|---:|---:|\n");
    for (split, n) in &splits {
        let spans: usize = data.docs_in(*split).map(|d| d.items.len()).sum();
        let _ = writeln!(s, "| {split} | {n} | {spans} |");
    }
    match &data.split {
        Some(sp) => {
            let _ = writeln!(
                s,
                "\nSplit by article ({}/{}/{} train/validation/test, seed {}); an article is \
                 never divided between splits.\n",
                sp.train, sp.validation, sp.test, sp.seed
            );
        }
        None => s.push_str("\nNo split was requested: every article is in `train`.\n\n"),
    }

    // Labels.
    let mut labels: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &data.docs {
        for i in &d.items {
            let k = &i.annotation.kind;
            *labels.entry((k.name().as_str(), k.label())).or_default() += 1;
            if let AnnotationKind::Claim(c) = k
                && let Some(v) = &c.verdict
            {
                *verdicts.entry(v.as_str()).or_default() += 1;
            }
        }
    }
    s.push_str("## Labels\n\n| kind | label | spans |\n|---|---|---:|\n");
    for ((kind, label), n) in &labels {
        let _ = writeln!(s, "| {kind} | {} | {n} |", cell(label));
    }
    if !verdicts.is_empty() {
        s.push_str("\n### Verdicts\n\n| verdict | value | claims |\n|---|---:|---:|\n");
        for level in &p.schema.verdicts {
            if let Some(n) = verdicts.remove(level.label.as_str()) {
                let _ = writeln!(s, "| {} | {} | {n} |", cell(&level.label), level.value);
            }
        }
        for (v, n) in verdicts {
            let _ = writeln!(s, "| {} | — | {n} |", cell(v));
        }
    }

    // Annotators.
    s.push_str("\n## Annotators\n\n| layer | role | spans in this export |\n|---|---|---:|\n");
    for l in &data.layers {
        let n: usize = data
            .docs
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.layer == l.annotator)
            .count();
        let role = match l.role {
            LayerRole::Annotator => "annotator",
            LayerRole::Adjudicated => "adjudicated",
        };
        let _ = writeln!(s, "| {} | {role} | {n} |", cell(&l.annotator));
    }

    // Agreement, with the same figures as `factdesk agree`.
    agreement_section(&mut s, data);
    let _ = writeln!(
        s,
        "\n---\n\nGenerated by factdesk on {}.",
        data.date.format("%Y-%m-%d")
    );
    s
}
