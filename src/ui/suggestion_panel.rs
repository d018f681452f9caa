//! The panel for a selected suggestion: what it proposes, how sure it is, and one key each
//! to accept or reject it (or all of its kind in the article).

use super::message::Outbox;
use super::theme;
use crate::app::{Action, Command, ShownSuggestion, Workbench};
use crate::model::KindName;
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, wb: &Workbench, s: &ShownSuggestion<'_>, out: &mut Outbox) {
    let dark = ui.visuals().dark_mode;
    let (kind, text, score) = match s {
        ShownSuggestion::Quote(q) => (KindName::Quote, q.text.as_str(), q.score),
        ShownSuggestion::Claim(c) => (KindName::Claim, c.text.as_str(), c.score),
    };
    ui.horizontal(|ui| {
        ui.heading(
            RichText::new(format!("Suggested {}", kind.as_str()))
                .color(theme::kind_color(kind, dark)),
        );
        ui.label(RichText::new(format!("{:.0}% sure", score * 100.0)).weak());
    });
    ui.label(RichText::new(crate::bidi::display_line(text)).italics());
    match s {
        ShownSuggestion::Quote(q) => {
            ui.label(format!(
                "Type: {}",
                crate::assist::suggestion::quote_type_name(q.quote_type)
            ));
            if !q.cue.is_empty() {
                ui.label(format!("Cue: {}", q.cue));
            }
            match &q.speaker {
                Some(sp) => {
                    let known = sp
                        .entity
                        .and_then(|id| wb.project().entity(id))
                        .map(|e| format!(" (known as {})", e.name))
                        .unwrap_or_default();
                    let what = if sp.descriptive {
                        " — a description, not a name"
                    } else {
                        ""
                    };
                    ui.label(format!("Speaker: {}{known}{what}", sp.name));
                }
                None => {
                    ui.label(RichText::new("Speaker: not found").weak());
                }
            }
        }
        ShownSuggestion::Claim(c) => {
            if !c.reasons.is_empty() {
                ui.label(format!("Checkable because of: {}", c.reasons.join(", ")));
            }
            super::earlier_checks::show(ui, wb.selection_checks(), false, out);
        }
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let key = s.key();
        if ui
            .button(Action::AcceptSuggestion.button_text())
            .on_hover_text(Action::AcceptSuggestion.description())
            .clicked()
        {
            out.send(Command::AcceptSuggestion(key.clone()));
        }
        if ui
            .button("Reject (Delete)")
            .on_hover_text("It will not be offered again (remembered in the project)")
            .clicked()
        {
            out.send(Command::RejectSuggestion(key));
        }
    });
    ui.horizontal_wrapped(|ui| {
        for a in [Action::AcceptAllOfKind, Action::RejectAllOfKind] {
            if ui
                .small_button(format!("{} ({})", a.label(), a.shortcut_text()))
                .on_hover_text(a.description())
                .clicked()
            {
                out.action(a);
            }
        }
    });
}
