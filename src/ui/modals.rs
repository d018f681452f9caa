//! Dialogs over the main window: shortcuts help, who-are-you, unsaved changes, recovery,
//! errors. Each returns what the user chose; the App acts on it.

use crate::app::{Action, Choice, Prompt};
use egui::{Id, Key, Modal, RichText, Ui};

/// Tests and older code name the prompt type this way.
pub use crate::app::Prompt as ModalKind;
pub use crate::app::Then;

/// Text being typed in a prompt (annotator name, layer name), kept between frames.
#[derive(Default)]
pub struct Drafts {
    pub annotator: String,
    pub layer: String,
    pub assign: super::assign_dialog::AssignDraft,
    pub link: String,
}

pub fn show(ctx: &egui::Context, modal: &Prompt, drafts: &mut Drafts) -> Option<Choice> {
    let mut choice = None;
    let resp = Modal::new(Id::unique("factdesk-modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match modal {
            Prompt::Help => choice = help(ui),
            Prompt::Annotator => choice = annotator(ui, &mut drafts.annotator),
            Prompt::Unsaved(then) => {
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
            Prompt::Recovery { project, recovery } => {
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
            Prompt::Error { title, message } | Prompt::Notice { title, message } => {
                ui.heading(title);
                egui::ScrollArea::vertical()
                    .max_height(ctx.content_rect().height() * 0.6)
                    .show(ui, |ui| ui.label(message));
                ui.add_space(8.0);
                if ui.button("OK").clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
                    choice = Some(Choice::Close);
                }
            }
            Prompt::ImportLayer { file } => choice = import_layer(ui, file, &mut drafts.layer),
            Prompt::ImportLink => choice = import_link(ui, &mut drafts.link),
            Prompt::Assign { annotators, blind } => {
                choice = super::assign_dialog::show(ui, annotators, *blind, &mut drafts.assign)
            }
            Prompt::ChangedOnDisk { path } => {
                ui.heading("The project changed on disk");
                ui.label(format!(
                    "{} was changed by another program (or a colleague) since you opened or \
                     saved it. Saving now would overwrite those changes.",
                    path.display()
                ));
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button("Merge it in")
                        .on_hover_text(
                            "Bring the other version's layers and articles in, as with \
                             Compare with…; then save",
                        )
                        .clicked()
                    {
                        choice = Some(Choice::MergeDiskVersion);
                    }
                    if ui.button("Save elsewhere…").clicked() {
                        choice = Some(Choice::SaveElsewhere);
                    }
                    if ui
                        .button("Overwrite")
                        .on_hover_text("Replace the other version with yours")
                        .clicked()
                    {
                        choice = Some(Choice::Overwrite);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Close);
                    }
                });
            }
            Prompt::ReadOnly { path } => {
                ui.heading("The project file is read-only");
                ui.label(format!(
                    "{} cannot be written. Nothing was changed; save your work under another name.",
                    path.display()
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save as…").clicked() {
                        choice = Some(Choice::SaveElsewhere);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Close);
                    }
                });
            }
            Prompt::ExportReplace { files } => {
                ui.heading("Replace files in the export folder?");
                ui.label(format!(
                    "{} file(s) of the same names are already there. Replace them all? \
                     (Either every file is replaced or none is.)",
                    files.len()
                ));
                egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                    for f in files {
                        ui.label(RichText::new(f.display().to_string()).small().weak());
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button("Replace").clicked() {
                        choice = Some(Choice::ReplaceExportFiles);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Close);
                    }
                });
            }
            Prompt::CompareArticles { file, titles } => {
                ui.heading("Articles only the other project has");
                ui.label(format!(
                    "{} has {} article(s) that this project does not. Add them, so their \
                     annotations can be reviewed too?",
                    file.display(),
                    titles.len()
                ));
                egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                    for t in titles {
                        ui.label(RichText::new(t).weak());
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button("Add them").clicked() {
                        choice = Some(Choice::AddUnmatchedArticles(true));
                    }
                    if ui.button("Leave them out").clicked() {
                        choice = Some(Choice::AddUnmatchedArticles(false));
                    }
                });
            }
        }
    });
    let closable = !matches!(
        modal,
        Prompt::Annotator | Prompt::Recovery { .. } | Prompt::CompareArticles { .. }
    );
    if choice.is_none() && closable && resp.should_close() {
        choice = Some(Choice::Close);
    }
    choice
}

fn help(ui: &mut Ui) -> Option<Choice> {
    ui.horizontal(|ui| {
        ui.heading("Keyboard shortcuts");
    });
    // Close is always visible, above the list that scrolls at any window size.
    if ui.button("Close").clicked() {
        return Some(Choice::Close);
    }
    ui.label(RichText::new("Single-letter keys work when no text field has focus.").weak());
    ui.add_space(6.0);
    let max_height = (ui.ctx().content_rect().height() - 160.0).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for a in Action::all() {
                        let keys = a.shortcut_text();
                        if keys.is_empty() {
                            continue;
                        }
                        ui.label(RichText::new(keys).monospace());
                        ui.label(a.label()).on_hover_text(a.description());
                        let modes: Vec<&str> = a.modes().iter().map(|m| m.name()).collect();
                        ui.label(RichText::new(modes.join(", ")).weak().small());
                        ui.end_row();
                    }
                    ui.label(RichText::new("drag").monospace());
                    ui.label("Select text");
                    ui.end_row();
                    ui.label(RichText::new("click").monospace());
                    ui.label(
                        "Select the annotation under the pointer (again: the next overlapping one)",
                    );
                    ui.end_row();
                    ui.label(RichText::new("double click").monospace());
                    ui.label("Select a word");
                    ui.end_row();
                });
        });
    None
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

fn import_link(ui: &mut Ui, draft: &mut String) -> Option<Choice> {
    ui.heading("Import an article from a link");
    ui.label(
        "The page is fetched and its article extracted (title, byline, outlet, date, \
         text without menus and boxes); where it came from is kept with the article.",
    );
    let label = ui.label("Link");
    let r = ui
        .add(egui::TextEdit::singleline(draft).hint_text("https://…"))
        .labelled_by(label.id);
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let url = draft.trim().to_owned();
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!url.is_empty(), egui::Button::new("Import"))
            .clicked()
            || (enter && !url.is_empty())
        {
            choice = Some(Choice::ImportLink(url.clone()));
        }
        if ui.button("Cancel").clicked() {
            choice = Some(Choice::Close);
        }
    });
    if choice.is_some() {
        draft.clear();
    }
    choice
}

fn import_layer(ui: &mut Ui, file: &std::path::Path, draft: &mut String) -> Option<Choice> {
    ui.heading("Import annotations into which layer?");
    ui.label(format!(
        "The annotations in {} go into one layer. Use your own name to take them over, or \
         the name of whoever made them to review their work.",
        file.display()
    ));
    let label = ui.label("Layer");
    ui.add(egui::TextEdit::singleline(draft).hint_text("annotator name"))
        .labelled_by(label.id);
    let name = draft.trim().to_owned();
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !name.is_empty(),
                egui::Button::new("Import into this layer"),
            )
            .clicked()
        {
            choice = Some(Choice::ImportInto(name.clone()));
        }
        if ui.button("Cancel").clicked() {
            choice = Some(Choice::Close);
        }
    });
    choice
}
