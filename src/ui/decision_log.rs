//! The review log: who decided what, when, and what changed; filterable by article.

use super::message::Outbox;
use crate::app::{Command, Workbench};
use egui::RichText;

/// The window's own state: only the current article, or all.
#[derive(Default)]
pub struct DecisionLogView {
    pub this_article_only: bool,
}

pub fn show(ctx: &egui::Context, wb: &Workbench, view: &mut DecisionLogView, out: &mut Outbox) {
    let mut open = true;
    let project = wb.project();
    egui::Window::new("Decision log")
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.checkbox(&mut view.this_article_only, "This article only");
            let decisions: Vec<_> = project
                .decisions
                .iter()
                .filter(|d| !view.this_article_only || d.article == wb.current_article())
                .collect();
            ui.label(RichText::new(format!("{} decision(s)", decisions.len())).weak());
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    // Fixed columns for when, who and what was decided; the last one
                    // wraps in what is left of the window instead of running off it.
                    let widths = [112.0, 90.0, 110.0];
                    ui.horizontal(|ui| {
                        for (h, w) in ["when", "who", "decision"].iter().zip(widths) {
                            ui.add_sized([w, 18.0], egui::Label::new(RichText::new(*h).strong()));
                        }
                        ui.label(RichText::new("what").strong());
                    });
                    for d in decisions.iter().rev() {
                        let title = d
                            .article
                            .and_then(|a| project.article(a))
                            .map(|a| crate::model::text::shorten(&a.title, 40))
                            .unwrap_or_default();
                        let what = if d.changed.is_empty() {
                            title
                        } else {
                            format!("{title}: {}", d.changed)
                        };
                        ui.separator();
                        ui.horizontal_top(|ui| {
                            let cells = [
                                d.at.format("%Y-%m-%d %H:%M").to_string(),
                                d.reviewer.clone(),
                                d.action.as_str().to_owned(),
                            ];
                            for (text, w) in cells.into_iter().zip(widths) {
                                ui.allocate_ui(egui::vec2(w, 18.0), |ui| {
                                    ui.set_width(w);
                                    ui.add(egui::Label::new(text).wrap());
                                });
                            }
                            ui.add(egui::Label::new(what).wrap());
                        });
                    }
                });
        });
    if !open {
        out.send(Command::CloseDecisions);
    }
}
