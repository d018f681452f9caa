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
                    egui::Grid::new("decisions")
                        .striped(true)
                        .num_columns(4)
                        .show(ui, |ui| {
                            for h in ["when", "who", "decision", "what"] {
                                ui.label(RichText::new(h).strong());
                            }
                            ui.end_row();
                            for d in decisions.iter().rev() {
                                ui.label(d.at.format("%Y-%m-%d %H:%M").to_string());
                                ui.label(&d.reviewer);
                                ui.label(d.action.as_str());
                                let title = d
                                    .article
                                    .and_then(|a| project.article(a))
                                    .map(|a| a.title.chars().take(40).collect::<String>())
                                    .unwrap_or_default();
                                let what = if d.changed.is_empty() {
                                    title
                                } else {
                                    format!("{title}: {}", d.changed)
                                };
                                ui.label(what);
                                ui.end_row();
                            }
                        });
                });
        });
    if !open {
        out.send(Command::CloseDecisions);
    }
}
