//! When no native file dialog can be shown (no desktop portal, no zenity), the app asks
//! for the path itself: a text field starting in the current folder, completion from the
//! folder's entries, and recent folders. Nothing fails silently.

use crate::app::Dialog;
use egui::{Key, RichText};
use std::path::{Path, PathBuf};

/// The in-app path entry for one dialog request.
pub struct PathEntry {
    pub dialog: Dialog,
    pub text: String,
    focus: bool,
}

/// What the user did.
pub enum PathChoice {
    Chosen(PathBuf),
    Cancelled,
}

impl PathEntry {
    pub fn new(dialog: Dialog, start: &Path) -> Self {
        let mut text = start.display().to_string();
        if !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        if let Dialog::SaveProject { suggested_name } = &dialog {
            text.push_str(suggested_name);
        }
        Self {
            dialog,
            text,
            focus: true,
        }
    }

    fn title(&self) -> &'static str {
        match self.dialog {
            Dialog::OpenProject => "Open project",
            Dialog::SaveProject { .. } => "Save project as",
            Dialog::ImportFiles => "Import article file",
            Dialog::ImportFolder => "Import a folder of articles",
            Dialog::ImportAnnotations => "Import annotations",
            Dialog::CompareWith => "Compare with a colleague's project",
            Dialog::ExportFolder => "Export into folder",
        }
    }

    pub fn show(&mut self, ctx: &egui::Context, recent: &[PathBuf]) -> Option<PathChoice> {
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("factdesk-path-entry")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(self.title());
            ui.label(
                RichText::new(
                    "No file dialog is available on this system (install zenity or a desktop \
                     portal to get one). Type the path instead; Tab completes.",
                )
                .weak(),
            );
            let label = ui.label("Path");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(f32::INFINITY)
                        .lock_focus(true),
                )
                .labelled_by(label.id);
            if self.focus {
                r.request_focus();
                // The cursor goes to the end of what was completed or picked, not where
                // it was in the shorter text.
                let end = egui::text::CCursor::new(self.text.chars().count());
                let mut state = egui::TextEdit::load_state(ui.ctx(), r.id).unwrap_or_default();
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::one(end)));
                state.store(ui.ctx(), r.id);
                self.focus = false;
            }
            let candidates = completions(&self.text, self.dialog.extensions());
            if r.has_focus()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Tab))
                && let Some(common) = common_prefix(&candidates)
            {
                self.text = common;
                self.focus = true;
            }
            egui::ScrollArea::vertical()
                .max_height(180.0)
                .show(ui, |ui| {
                    for c in candidates.iter().take(40) {
                        if ui.small_button(c.display().to_string()).clicked() {
                            self.text = c.display().to_string();
                            if c.is_dir() {
                                self.text.push(std::path::MAIN_SEPARATOR);
                            }
                            self.focus = true;
                        }
                    }
                });
            let folders = recent_folders(recent);
            if !folders.is_empty() {
                ui.label(RichText::new("Recent folders").small());
                ui.horizontal_wrapped(|ui| {
                    for f in folders {
                        if ui.small_button(f.display().to_string()).clicked() {
                            self.text = format!("{}{}", f.display(), std::path::MAIN_SEPARATOR);
                            self.focus = true;
                        }
                    }
                });
            }
            let path = PathBuf::from(self.text.trim());
            let ok = match self.dialog {
                Dialog::SaveProject { .. } => path.file_name().is_some() && !path.is_dir(),
                Dialog::ImportFolder => path.is_dir(),
                Dialog::ImportFiles => path.exists(),
                _ => path.is_file(),
            };
            ui.horizontal(|ui| {
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if ui.add_enabled(ok, egui::Button::new("OK")).clicked() || (enter && ok) {
                    choice = Some(PathChoice::Chosen(path.clone()));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(PathChoice::Cancelled);
                }
                if !ok && !self.text.trim().is_empty() {
                    ui.label(RichText::new(problem(&self.dialog, &path)).weak().small());
                }
            });
        });
        choice
    }
}

fn problem(dialog: &Dialog, path: &Path) -> &'static str {
    match dialog {
        Dialog::SaveProject { .. } if path.is_dir() => "that is a folder: add a file name",
        Dialog::SaveProject { .. } => "needs a file name",
        Dialog::ImportFolder => "no such folder",
        _ => "no such file",
    }
}

impl Dialog {
    /// The file extensions this dialog picks; empty when it picks folders only. Side files
    /// (locks, backups, pids) are never listed.
    fn extensions(&self) -> &'static [&'static str] {
        match self {
            Dialog::OpenProject | Dialog::SaveProject { .. } | Dialog::CompareWith => &["ron"],
            Dialog::ImportFiles => &["txt", "text", "jsonl", "html", "htm"],
            Dialog::ImportAnnotations => &["jsonl", "json", "ann"],
            Dialog::ImportFolder | Dialog::ExportFolder => &[],
        }
    }
}

/// Entries of the typed path's folder that start with its last part: its folders, and the
/// files with one of `extensions`.
fn completions(typed: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let typed = Path::new(typed.trim());
    let (dir, prefix) = if typed.as_os_str().to_string_lossy().ends_with('/') || typed.is_dir() {
        (typed.to_owned(), String::new())
    } else {
        (
            typed.parent().map(Path::to_owned).unwrap_or_default(),
            typed
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let wanted = e.path().is_dir()
                || Path::new(&name)
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| extensions.iter().any(|w| x.eq_ignore_ascii_case(w)));
            name.starts_with(&prefix) && !name.starts_with('.') && wanted
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

fn common_prefix(paths: &[PathBuf]) -> Option<String> {
    let texts: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let first = texts.first()?;
    let mut len = first.len();
    for t in &texts[1..] {
        len = len.min(
            first
                .char_indices()
                .zip(t.chars())
                .take_while(|((_, a), b)| a == b)
                .last()
                .map_or(0, |((i, c), _)| i + c.len_utf8()),
        );
    }
    let mut common = first[..len].to_owned();
    if texts.len() == 1 && paths[0].is_dir() {
        common.push(std::path::MAIN_SEPARATOR);
    }
    Some(common)
}

/// Folders of recent projects, most recent first, without repeats.
fn recent_folders(recent: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for p in recent {
        if let Some(d) = p.parent()
            && !out.iter().any(|o| o == d)
        {
            out.push(d.to_owned());
        }
    }
    out.truncate(6);
    out
}
