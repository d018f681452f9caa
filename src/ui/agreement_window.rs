//! Agreement figures: a table per pair of layers (span F1, kappa, alpha, counts) and a
//! per-label bar chart of span F1.

use super::message::Outbox;
use crate::app::Command;
use crate::review::{AgreementReport, PairReport, Score};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

pub fn show(ctx: &egui::Context, report: &Result<AgreementReport, String>, out: &mut Outbox) {
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
                pairs_table(ui, r);
                for pair in &r.pairs {
                    ui.separator();
                    ui.label(
                        RichText::new(format!("{} ↔ {}: span F1 per label", pair.a, pair.b))
                            .strong(),
                    );
                    label_chart(ui, pair);
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

fn pairs_table(ui: &mut Ui, r: &AgreementReport) {
    egui::Grid::new("agreement-pairs")
        .striped(true)
        .num_columns(10)
        .show(ui, |ui| {
            for h in [
                "A",
                "B",
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
                ui.label(&p.a);
                ui.label(if p.against_adjudicated {
                    format!("{} (final)", p.b)
                } else {
                    p.b.clone()
                });
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
