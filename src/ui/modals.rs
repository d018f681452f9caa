//! Dialogs over the main window: shortcuts help, who-are-you, unsaved changes, recovery,
//! errors. Each returns what the user chose; the App acts on it.

use super::action::Action;
use egui::{Id, Key, Modal, RichText, Ui};
use std::path::PathBuf;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    New,
    Open(Option<PathBuf>),
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ModalKind {
    Help,
    Annotator,
    Unsaved(Then),
    /// A recovery file newer than the project (or for an untitled project).
    Recovery {
        project: Option<PathBuf>,
        recovery: PathBuf,
    },
    Error {
        title: String,
        message: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Close,
    AnnotatorSet(String),
    SaveThen(Then),
    DiscardThen(Then),
    Restore,
    DiscardRecovery,
}

pub fn show(ctx: &egui::Context, modal: &ModalKind, draft: &mut String) -> Option<Choice> {
    let mut choice = None;
    let resp = Modal::new(Id::unique("factdesk-modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match modal {
            ModalKind::Help => choice = help(ui),
            ModalKind::Annotator => choice = annotator(ui, draft),
            ModalKind::Unsaved(then) => {
                ui.heading("Save changes?");
                ui.label("This project has changes that are not saved yet.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(Choice::SaveThen(then.clone()));
                    }
                    if ui.button("Discard changes").clicked() {
                        choice = Some(Choice::DiscardThen(then.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Close);
                    }
                });
            }
            ModalKind::Recovery { project, recovery } => {
                ui.heading("Restore unsaved work?");
                let what = project
                    .as_ref()
                    .map_or("an untitled project".to_owned(), |p| p.display().to_string());
                ui.label(format!(
                    "factdesk found autosaved changes to {what} that are newer than the saved file. \
                     They were probably left by a crash."
                ));
                ui.label(RichText::new(recovery.display().to_string()).weak().small());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        choice = Some(Choice::Restore);
                    }
                    if ui.button("Discard autosave").clicked() {
                        choice = Some(Choice::DiscardRecovery);
                    }
                });
            }
            ModalKind::Error { title, message } => {
                ui.heading(title);
                ui.label(message);
                ui.add_space(8.0);
                if ui.button("OK").clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
                    choice = Some(Choice::Close);
                }
            }
        }
    });
    let closable = !matches!(modal, ModalKind::Annotator | ModalKind::Recovery { .. });
    if choice.is_none() && closable && resp.should_close() {
        choice = Some(Choice::Close);
    }
    choice
}

fn help(ui: &mut Ui) -> Option<Choice> {
    ui.heading("Keyboard shortcuts");
    ui.label(RichText::new("Single-letter keys work when no text field has focus.").weak());
    ui.add_space(6.0);
    egui::Grid::new("shortcuts")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for a in Action::ALL {
                let keys = a.shortcut_text(ui.ctx());
                if keys.is_empty() {
                    continue;
                }
                ui.label(RichText::new(keys).monospace());
                ui.label(a.label());
                ui.end_row();
            }
            ui.label(RichText::new("drag").monospace());
            ui.label("Select text");
            ui.end_row();
            ui.label(RichText::new("click").monospace());
            ui.label("Select the annotation under the pointer (again: the next overlapping one)");
            ui.end_row();
            ui.label(RichText::new("double click").monospace());
            ui.label("Select a word");
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.button("Close").clicked().then_some(Choice::Close)
}

fn annotator(ui: &mut Ui, draft: &mut String) -> Option<Choice> {
    ui.heading("Who is annotating?");
    ui.label("Your annotations go into a layer under this name, so a colleague can review them.");
    let label = ui.label("Your name");
    let r = ui
        .add(egui::TextEdit::singleline(draft).hint_text("e.g. Alice"))
        .labelled_by(label.id);
    if !r.has_focus() && !r.lost_focus() {
        r.request_focus();
    }
    let name = draft.trim().to_owned();
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    let ok = ui
        .add_enabled(!name.is_empty(), egui::Button::new("Continue"))
        .clicked();
    ((ok || enter) && !name.is_empty()).then_some(Choice::AnnotatorSet(name))
}
