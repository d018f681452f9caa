//! The agreement report as plain-text tables for the terminal (`factdesk agree`).

use super::metrics::Score;
use super::report::AgreementReport;
use std::fmt::Write;

fn cell(s: Score) -> String {
    s.value()
        .map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"))
}

/// Pairs, then per label, then per article; n/a figures are explained under each table.
pub fn to_text(report: &AgreementReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "layers: {}", report.layers.join(", "));
    if let Some(adj) = &report.adjudicated {
        let _ = writeln!(s, "adjudicated layer: {adj} (compared with each annotator)");
    }
    if report.pairs.is_empty() {
        s.push_str("no pair of layers to compare (need two layers)\n");
        return s;
    }
    for p in &report.pairs {
        let _ = writeln!(s, "\n{} vs {}", p.a, p.b);
        let c = &p.counts;
        let _ = writeln!(
            s,
            "  annotations {} / {}   matched {} (exact {}, boundary {}, label {})   only in {} {}   only in {} {}",
            c.count_a,
            c.count_b,
            c.matched,
            c.exact,
            c.boundary,
            c.label_mismatch,
            p.a,
            c.only_a,
            p.b,
            c.only_b
        );
        let mut notes = Vec::new();
        let mut row = |name: &str, v: Score| {
            if let Some(r) = v.reason() {
                notes.push(format!("{name}: n/a, {r}"));
            }
            format!("{name} {}", cell(v))
        };
        let f1 = [
            row("span F1 strict", p.span_f1.strict),
            row("lenient", p.span_f1.lenient),
        ];
        let k = &p.kappa;
        let kappas = [
            row("κ label", k.label),
            row("verdict", k.verdict),
            row("check-worthiness", k.check_worthiness),
            row("polarity", k.polarity),
            row("quote type", k.quote_type),
            row("speaker", k.speaker),
        ];
        let a = &p.alpha;
        let alphas = [
            row("α label (nominal)", a.label_nominal),
            row("verdict (ordinal)", a.verdict_ordinal),
            row("polarity (ordinal)", a.polarity_ordinal),
            row("check-worthiness (ordinal)", a.check_worthiness_ordinal),
        ];
        let g = &p.groups;
        let groups = [
            format!(
                "claim groups {} / {} over {} shared claims: pairs both {}, only in {} {}, only in {} {}",
                g.groups_a,
                g.groups_b,
                g.claims,
                g.pairs_both,
                p.a,
                g.pairs_only_a,
                p.b,
                g.pairs_only_b
            ),
            row("pairwise P", g.precision),
            row("R", g.recall),
            row("F1", g.f1),
            format!(
                "grouped differently {}   group verdicts differ {}",
                g.grouping_differs, g.verdict_differs
            ),
        ];
        for line in [
            f1.join("   "),
            kappas.join("   "),
            alphas.join("   "),
            groups.join("   "),
        ] {
            let _ = writeln!(s, "  {line}");
        }
        for n in notes {
            let _ = writeln!(s, "    {n}");
        }
        let _ = writeln!(
            s,
            "  {:<24} {:>6} {:>6} {:>8} {:>8} {:>8}",
            "label",
            p.a.chars().take(6).collect::<String>(),
            p.b.chars().take(6).collect::<String>(),
            "exact",
            "strict",
            "lenient"
        );
        for (label, f) in &p.per_label {
            let _ = writeln!(
                s,
                "  {:<24} {:>6} {:>6} {:>8} {:>8} {:>8}",
                label,
                f.counts.count_a,
                f.counts.count_b,
                f.counts.exact,
                cell(f.span_f1.strict),
                cell(f.span_f1.lenient)
            );
        }
        let _ = writeln!(
            s,
            "  {:<40} {:>8} {:>8} {:>8}",
            "article", "matched", "strict", "lenient"
        );
        for (id, f) in &p.per_article {
            let title: String = f.title.chars().take(30).collect();
            let _ = writeln!(
                s,
                "  {:<40} {:>8} {:>8} {:>8}",
                format!("{id} {title}"),
                f.figures.counts.matched,
                cell(f.figures.span_f1.strict),
                cell(f.figures.span_f1.lenient)
            );
        }
    }
    s
}
