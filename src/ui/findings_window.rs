//! Project-wide findings: facts stated differently in different articles (each value
//! links to its place and the conflict becomes claims in one step), passages shared
//! between articles with their likely source, and name variants of one person.

use super::message::Outbox;
use crate::app::{Command, Workbench};
use crate::assist::SuggestionKind;
use crate::model::{ArticleId, Project};
use egui::{RichText, Ui};

pub fn show(ctx: &egui::Context, wb: &Workbench, out: &mut Outbox) {
    let mut open = true;
    let project = wb.project();
    egui::Window::new("Conflicts and shared passages")
        .open(&mut open)
        .default_width(620.0)
        .default_height(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
            suggesters(ui, wb, out);
            if let Some(p) = wb.assist_progress() {
                ui.add(
                    egui::ProgressBar::new(p.done as f32 / p.total.max(1) as f32)
                        .text(format!("Reading {} of {} articles…", p.done, p.total)),
                );
            }
            if let Some(e) = wb.assist_error() {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            let Some(s) = wb.suggestions() else {
                ui.label("Suggestions are being computed…");
                return;
            };
            let conflicts: Vec<_> = s
                .conflicts
                .iter()
                .filter(|c| wb.suggestion_applies(&c.key()))
                .collect();
            ui.heading(format!("Facts that differ ({})", conflicts.len()));
            for c in conflicts {
                ui.group(|ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(&c.fact).strong());
                        if c.possible_update {
                            ui.label(
                                RichText::new("possibly an update: the later article has more")
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                    });
                    for v in &c.values {
                        ui.horizontal_wrapped(|ui| {
                            if ui.link(format!("“{}”", v.text)).clicked() {
                                out.send(Command::GoTo {
                                    article: v.article,
                                    start: v.start,
                                    end: v.end,
                                });
                            }
                            ui.label(RichText::new(article_label(project, v.article)).weak());
                        });
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .button("Make claims")
                            .on_hover_text("A claim annotation at each place, in your layer")
                            .clicked()
                        {
                            out.send(Command::AcceptSuggestion(c.key()));
                        }
                        if ui.button("Not a conflict").clicked() {
                            out.send(Command::RejectSuggestion(c.key()));
                        }
                    });
                });
            }
            let passages: Vec<_> = s
                .passages
                .iter()
                .filter(|p| wb.suggestion_applies(&p.key()))
                .collect();
            ui.heading(format!("Shared passages ({})", passages.len()));
            for p in passages {
                ui.group(|ui| {
                    let text = crate::model::text::shorten(&p.text, 160);
                    ui.label(RichText::new(crate::bidi::display_line(&text)).italics());
                    ui.label(format!("{:.0}% similar", p.score * 100.0));
                    // The likely source is listed once, first, as a link where it has a
                    // place; the other places follow as "also in".
                    let source_place = p
                        .places
                        .iter()
                        .find(|place| Some(place.article) == p.likely_source);
                    if let Some(src) = p.likely_source {
                        let label = format!("Likely source: {}", article_label(project, src));
                        match source_place {
                            Some(place) => {
                                if ui.link(label).clicked() {
                                    out.send(Command::GoTo {
                                        article: place.article,
                                        start: place.start,
                                        end: place.end,
                                    });
                                }
                            }
                            None => {
                                ui.label(label);
                            }
                        }
                    }
                    for place in p
                        .places
                        .iter()
                        .filter(|place| Some(place.article) != p.likely_source)
                    {
                        if ui
                            .link(format!("also in {}", article_label(project, place.article)))
                            .clicked()
                        {
                            out.send(Command::GoTo {
                                article: place.article,
                                start: place.start,
                                end: place.end,
                            });
                        }
                    }
                    if ui.small_button("Dismiss").clicked() {
                        out.send(Command::RejectSuggestion(p.key()));
                    }
                });
            }
            let aliases: Vec<_> = s
                .aliases
                .iter()
                .filter(|g| wb.suggestion_applies(&g.key()))
                .collect();
            ui.heading(format!("Name variants ({})", aliases.len()));
            for g in aliases {
                ui.horizontal_wrapped(|ui| {
                    ui.label(g.names.join(" · "));
                    if ui
                        .button("Same person")
                        .on_hover_text("Keep them as one entity's aliases")
                        .clicked()
                    {
                        out.send(Command::AcceptSuggestion(g.key()));
                    }
                    if ui
                        .button("Different people")
                        .on_hover_text("Split: do not group them")
                        .clicked()
                    {
                        out.send(Command::RejectSuggestion(g.key()));
                    }
                });
            }
        });
    if !open {
        out.send(Command::CloseFindings);
    }
}

/// Each suggester with its switch.
pub fn suggesters(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Suggesters:");
        for k in SuggestionKind::ALL {
            let mut on = !wb.settings().assist_off.contains(k.as_str());
            if ui.checkbox(&mut on, k.as_str()).changed() {
                out.send(Command::ToggleSuggester(k));
            }
        }
    });
}

fn article_label(project: &Project, id: ArticleId) -> String {
    project.article(id).map_or_else(
        || "a removed article".to_owned(),
        |a| {
            let title = crate::model::text::shorten(&a.title, 50);
            match (&a.outlet, a.published) {
                (Some(o), Some(d)) => format!("{title} ({o}, {d})"),
                (Some(o), None) => format!("{title} ({o})"),
                (None, Some(d)) => format!("{title} ({d})"),
                (None, None) => title,
            }
        },
    )
}
