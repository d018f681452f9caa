//! Earlier fact-checks of a claim, a claim candidate or a board row: each match ("Checked
//! before: False, by X on date", its score and address) with a button to link it, then a
//! few "possibly related" checks below the match threshold. A linked check whose proposed
//! verdict differs from the one given offers to apply it (never applied silently).

use super::message::Outbox;
use crate::app::{Action, CheckCommand, Command, EarlierChecks, ShownCheck};
use crate::claims::retrieval::MATCH_THRESHOLD;
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, checks: Option<&EarlierChecks>, editable: bool, out: &mut Outbox) {
    let Some(e) = checks else {
        return;
    };
    if e.matches.is_empty() && e.related.is_empty() {
        ui.label(RichText::new("No earlier fact-check in the library for this claim.").weak());
        return;
    }
    ui.push_id(("earlier checks", e.text.as_str()), |ui| {
        if e.matches.is_empty() {
            ui.label(
                RichText::new(format!(
                    "No earlier check matches (none scores {MATCH_THRESHOLD:.2} or more)."
                ))
                .weak(),
            );
        } else {
            ui.label(RichText::new("Earlier checks").strong());
        }
        for (i, c) in e.matches.iter().enumerate() {
            ui.push_id(("match", i), |ui| match_row(ui, e, c, editable, out));
        }
        if !e.related.is_empty() {
            ui.label(RichText::new("Possibly related").weak().strong());
            for (i, c) in e.related.iter().enumerate() {
                ui.push_id(("related", i), |ui| related_line(ui, e, c, editable, out));
            }
        }
        if e.link_target().is_none() {
            ui.label(
                RichText::new("Accept the suggestion to link a check to the claim.")
                    .weak()
                    .small(),
            );
        }
    });
}

/// A check below the threshold, on one line: what it rated, its score, a link button; its
/// wording, address and proposal on hover.
fn related_line(ui: &mut Ui, e: &EarlierChecks, c: &ShownCheck, editable: bool, out: &mut Outbox) {
    ui.horizontal_wrapped(|ui| {
        ui.label(&c.headline).on_hover_text(format!(
            "“{}”\n{}\nProposes: {}",
            c.claim_reviewed,
            c.url,
            c.proposed.as_deref().unwrap_or("nothing on this scale")
        ));
        ui.label(
            RichText::new(format!("score {:.2}", c.score))
                .weak()
                .small(),
        );
        if c.linked {
            ui.label(RichText::new("linked").weak());
        } else if let Some(target) = e.link_target()
            && ui
                .add_enabled(editable, egui::Button::new("Link").small())
                .on_hover_text("Link it anyway: its review as evidence, its verdict proposed")
                .clicked()
        {
            out.send(Command::Checks(CheckCommand::Link {
                target: target.clone(),
                url: c.url.clone(),
            }));
        }
    });
}

/// A match, in a frame of its own: what it rated, its score, wording and address, and a
/// button to link it (or, linked, to apply its verdict over another).
fn match_row(ui: &mut Ui, e: &EarlierChecks, c: &ShownCheck, editable: bool, out: &mut Outbox) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&c.headline).strong());
            ui.label(
                RichText::new(format!("match {:.2}", c.score))
                    .weak()
                    .small(),
            );
        });
        if !c.claim_reviewed.trim().is_empty() {
            ui.label(
                RichText::new(crate::bidi::display_line(&format!(
                    "“{}”",
                    c.claim_reviewed
                )))
                .italics()
                .weak(),
            );
        }
        ui.hyperlink(&c.url);
        ui.horizontal_wrapped(|ui| {
            let proposal = c.proposed.as_deref().unwrap_or("nothing on this scale");
            let Some(target) = e.link_target() else {
                ui.label(RichText::new(format!("Proposes: {proposal}")).weak());
                return;
            };
            if c.linked {
                ui.label(format!("Linked as evidence; proposes: {proposal}"));
                if let Some(p) = &c.proposed {
                    if e.verdict.as_deref() == Some(p.as_str()) {
                        ui.label(RichText::new("(the verdict given)").weak());
                    } else if ui
                        .add_enabled(editable, egui::Button::new(format!("Apply verdict {p}")))
                        .on_hover_text(format!(
                            "Replace the verdict {} with the check's",
                            e.verdict.as_deref().unwrap_or("— none")
                        ))
                        .clicked()
                    {
                        out.send(Command::Checks(CheckCommand::ApplyVerdict {
                            target: target.clone(),
                            verdict: p.clone(),
                        }));
                    }
                }
                return;
            }
            ui.label(RichText::new(format!("Proposes: {proposal}")).weak());
            let best = e.best_unlinked().is_some_and(|b| b.url == c.url);
            let text = if best {
                format!("Link ({})", Action::LinkEarlierCheck.shortcut_text())
            } else {
                "Link".to_owned()
            };
            if ui
                .add_enabled(editable, egui::Button::new(text))
                .on_hover_text(Action::LinkEarlierCheck.description())
                .clicked()
            {
                out.send(Command::Checks(CheckCommand::Link {
                    target: target.clone(),
                    url: c.url.clone(),
                }));
            }
        });
    });
}
