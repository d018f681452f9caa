//! On the claims board: groups the suggester proposes (claims of my layer in different
//! articles that state the same thing), each to accept as a group or reject for good.

use super::message::Outbox;
use crate::app::{CheckCommand, Command, Workbench};
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let suggested = wb.board_suggestions();
    if suggested.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Suggested groups ({})", suggested.len()))
        .id_salt("suggested groups")
        .default_open(true)
        .show(ui, |ui| {
            for (i, s) in suggested.iter().enumerate() {
                ui.push_id(("suggested group", i), |ui| {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(format!(
                                    "{} outlets, similarity {:.2}",
                                    s.members.len(),
                                    s.score
                                ))
                                .weak()
                                .small(),
                            );
                            if ui
                                .button(if i == 0 {
                                    "Accept group (Alt+A)"
                                } else {
                                    "Accept group"
                                })
                                .on_hover_text("Group these claims (one verdict for all)")
                                .clicked()
                            {
                                out.send(Command::Checks(CheckCommand::AcceptGroup(s.key.clone())));
                            }
                            if ui
                                .button(if i == 0 {
                                    "Reject group (Alt+X)"
                                } else {
                                    "Reject group"
                                })
                                .on_hover_text(
                                    "They are not one claim: it will not be suggested again \
                                     (remembered in the project)",
                                )
                                .clicked()
                            {
                                out.send(Command::Checks(CheckCommand::RejectGroup(s.key.clone())));
                            }
                        });
                        for m in &s.members {
                            ui.horizontal_wrapped(|ui| {
                                let place = if m.outlet.is_empty() {
                                    m.article_title.clone()
                                } else {
                                    format!("{} — {}", m.outlet, m.article_title)
                                };
                                if ui.link(place).clicked() {
                                    out.send(Command::SelectAnnotation(m.annotation));
                                }
                                ui.label(
                                    RichText::new(crate::bidi::display_line(&m.text)).italics(),
                                );
                            });
                        }
                    });
                });
            }
        });
    ui.separator();
}
