//! Agreement figures: a table per pair of layers (span F1, kappa, alpha, counts) and a
//! per-label bar chart of span F1 for the pair picked in the table (at first the pair
//! being reviewed).

use super::message::Outbox;
use crate::app::Command;
use crate::review::{AgreementReport, PairReport, Score};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

/// The pair whose chart is shown (A's and B's layer names).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Charted {
    a: String,
    b: String,
}

pub fn show(
    ctx: &egui::Context,
    report: &Result<AgreementReport, String>,
    reviewed: Option<(&str, &str)>,
    out: &mut Outbox,
) {
    let mut open = true;
    egui::Window::new("Agreement")
        .open(&mut open)
        .default_width(640.0)
        .vscroll(true)
        .show(ctx, |ui| match report {
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            Ok(r) if r.pairs.is_empty() => {
                ui.label("Agreement needs at least two layers.");
            }
            Ok(r) => {
                ui.label(
                    RichText::new(
                        "n/a: not computable (hover for why). Counts say how much each figure \
                         rests on.",
                    )
                    .weak()
                    .small(),
                );
                let id = ui.make_persistent_id("agreement-charted");
                let remembered: Option<Charted> = ui.data(|d| d.get_temp(id));
                let is = |p: &PairReport, c: &Charted| p.a == c.a && p.b == c.b;
                let reviewed_pair = r.pairs.iter().find(|p| {
                    reviewed.is_some_and(|(a, b)| (p.a == a && p.b == b) || (p.a == b && p.b == a))
                });
                let charted = remembered
                    .filter(|c| r.pairs.iter().any(|p| is(p, c)))
                    .or_else(|| {
                        reviewed_pair.or(r.pairs.first()).map(|p| Charted {
                            a: p.a.clone(),
                            b: p.b.clone(),
                        })
                    })
                    .unwrap_or_default();
                if let Some(picked) = pairs_table(ui, r, &charted) {
                    ui.data_mut(|d| d.insert_temp(id, picked));
                }
                if let Some(pair) = r.pairs.iter().find(|p| is(p, &charted)) {
                    ui.separator();
                    ui.label(
                        RichText::new(format!("{} ↔ {}: span F1 per label", pair.a, pair.b))
                            .strong(),
                    );
                    label_chart(ui, pair);
                    claim_groups(ui, pair);
                    egui::CollapsingHeader::new(format!("Per article ({} and {})", pair.a, pair.b))
                        .id_salt(("per-article", &pair.a, &pair.b))
                        .show(ui, |ui| per_article(ui, pair));
                }
            }
        });
    if !open {
        out.send(Command::CloseAgreement);
    }
}

fn score(ui: &mut Ui, s: Score) {
    match s {
        Score::Value(v) => {
            ui.label(format!("{v:.3}"));
        }
        Score::NotAvailable(why) => {
            ui.label(RichText::new("n/a").weak())
                .on_hover_text(why.to_string());
        }
    }
}

/// The figures of every pair; a click on a pair picks it for the chart (returned).
fn pairs_table(ui: &mut Ui, r: &AgreementReport, charted: &Charted) -> Option<Charted> {
    let mut picked = None;
    egui::Grid::new("agreement-pairs")
        .striped(true)
        .num_columns(9)
        .show(ui, |ui| {
            for h in [
                "pair (click to chart)",
                "F1 strict",
                "F1 lenient",
                "κ label",
                "κ verdict",
                "α label",
                "α verdict (ord.)",
                "matched",
                "only A / only B",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for p in &r.pairs {
                let final_mark = if p.against_adjudicated {
                    " (final)"
                } else {
                    ""
                };
                let selected = p.a == charted.a && p.b == charted.b;
                if ui
                    .selectable_label(selected, format!("{} ↔ {}{final_mark}", p.a, p.b))
                    .on_hover_text("Chart this pair")
                    .clicked()
                {
                    picked = Some(Charted {
                        a: p.a.clone(),
                        b: p.b.clone(),
                    });
                }
                score(ui, p.span_f1.strict);
                score(ui, p.span_f1.lenient);
                score(ui, p.kappa.label);
                score(ui, p.kappa.verdict);
                score(ui, p.alpha.label_nominal);
                score(ui, p.alpha.verdict_ordinal);
                ui.label(p.counts.matched.to_string());
                ui.label(format!("{} / {}", p.counts.only_a, p.counts.only_b));
                ui.end_row();
            }
        });
    picked
}

fn label_chart(ui: &mut Ui, pair: &PairReport) {
    let labels: Vec<&String> = pair.per_label.keys().collect();
    let bars = |lenient: bool| -> Vec<Bar> {
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let f = &pair.per_label[*l].span_f1;
                let v = if lenient { f.lenient } else { f.strict };
                let offset = if lenient { 0.2 } else { -0.2 };
                Bar::new(i as f64 + offset, v.value().unwrap_or(0.0))
                    .width(0.38)
                    .name(l.as_str())
            })
            .collect()
    };
    let names: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
    Plot::new(("labels", &pair.a, &pair.b))
        .height(160.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(1.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("strict", bars(false)));
            plot.bar_chart(BarChart::new("lenient", bars(true)));
        });
}

/// How the pair grouped the claims both marked: pairwise precision and recall of A against
/// B, and how many review items the differences make.
fn claim_groups(ui: &mut Ui, pair: &PairReport) {
    let g = &pair.groups;
    ui.label(RichText::new(format!("{} ↔ {}: claim groups", pair.a, pair.b)).strong());
    if g.groups_a == 0 && g.groups_b == 0 {
        ui.label(RichText::new("Neither layer has grouped claims.").weak());
        return;
    }
    egui::Grid::new(("groups", &pair.a, &pair.b))
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("claims both marked");
            ui.label(g.claims.to_string());
            ui.end_row();
            ui.label("groups A / B");
            ui.label(format!("{} / {}", g.groups_a, g.groups_b));
            ui.end_row();
            ui.label("pairs grouped by both / only A / only B");
            ui.label(format!(
                "{} / {} / {}",
                g.pairs_both, g.pairs_only_a, g.pairs_only_b
            ));
            ui.end_row();
            ui.label("pairwise precision");
            score(ui, g.precision);
            ui.end_row();
            ui.label("pairwise recall");
            score(ui, g.recall);
            ui.end_row();
            ui.label("pairwise F1");
            score(ui, g.f1);
            ui.end_row();
            ui.label("claims grouped differently");
            ui.label(g.grouping_differs.to_string());
            ui.end_row();
            ui.label("groups with different verdicts");
            ui.label(g.verdict_differs.to_string());
            ui.end_row();
        });
}

fn per_article(ui: &mut Ui, pair: &PairReport) {
    egui::Grid::new(("articles", &pair.a, &pair.b))
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                "article",
                "F1 strict",
                "F1 lenient",
                "κ label",
                "matched / only A / only B",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for a in pair.per_article.values() {
                let title: String = a.title.chars().take(48).collect();
                ui.label(crate::bidi::display_line(&title));
                score(ui, a.figures.span_f1.strict);
                score(ui, a.figures.span_f1.lenient);
                score(ui, a.label_kappa);
                let c = &a.figures.counts;
                ui.label(format!("{} / {} / {}", c.matched, c.only_a, c.only_b));
                ui.end_row();
            }
        });
}
