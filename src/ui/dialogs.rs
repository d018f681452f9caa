//! Native file dialogs behind a trait, so tests never open one.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub trait FileDialogs {
    /// Whether a native dialog can be shown at all; when not, the app asks for the path
    /// itself instead of doing nothing.
    fn available(&self) -> bool {
        true
    }
    fn open_project(&mut self) -> Option<PathBuf>;
    fn save_project(&mut self, suggested_name: &str) -> Option<PathBuf>;
    fn import_files(&mut self) -> Option<Vec<PathBuf>>;
    fn import_folder(&mut self) -> Option<PathBuf>;
    fn export_folder(&mut self) -> Option<PathBuf>;
    fn import_annotations(&mut self) -> Option<PathBuf>;
    /// A colleague's project to compare with.
    fn compare_project(&mut self) -> Option<PathBuf>;
}

/// Run the dialog the workbench asked for; an empty list means cancelled.
pub fn run(dialogs: &mut dyn FileDialogs, dialog: &crate::app::Dialog) -> Vec<PathBuf> {
    use crate::app::Dialog;
    match dialog {
        Dialog::OpenProject => dialogs.open_project().into_iter().collect(),
        Dialog::SaveProject { suggested_name } => {
            dialogs.save_project(suggested_name).into_iter().collect()
        }
        Dialog::ImportFiles => dialogs.import_files().unwrap_or_default(),
        Dialog::ImportFolder => dialogs.import_folder().into_iter().collect(),
        Dialog::ImportAnnotations => dialogs.import_annotations().into_iter().collect(),
        Dialog::CompareWith => dialogs.compare_project().into_iter().collect(),
        Dialog::ExportFolder => dialogs.export_folder().into_iter().collect(),
    }
}

/// The real dialogs (XDG portal, zenity fallback on Linux; native elsewhere).
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn available(&self) -> bool {
        native_dialog_available()
    }

    fn open_project(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open project")
            .add_filter("factdesk project", &["ron"])
            .pick_file()
    }

    fn save_project(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .set_title("Save project as")
            .add_filter("factdesk project", &["ron"])
            .set_file_name(suggested_name)
            .save_file()?;
        Some(if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path
        })
    }

    fn import_files(&mut self) -> Option<Vec<PathBuf>> {
        rfd::FileDialog::new()
            .set_title("Import articles")
            .add_filter("Articles", &["txt", "text", "jsonl", "html", "htm"])
            .pick_files()
    }

    fn import_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import a folder of articles")
            .pick_folder()
    }

    fn export_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export into folder")
            .pick_folder()
    }

    fn import_annotations(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import annotations (doccano .jsonl, Label Studio .json, brat .ann)")
            .add_filter("Annotations", &["jsonl", "json", "ann"])
            .pick_file()
    }

    fn compare_project(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Compare with a colleague's project")
            .add_filter("factdesk project", &["ron"])
            .pick_file()
    }
}

/// rfd shows dialogs through the XDG desktop portal (D-Bus) and falls back to zenity; with
/// neither it returns "cancelled" at once. Look for them before relying on it.
fn native_dialog_available() -> bool {
    if !cfg!(target_os = "linux") || std::env::var_os("FLATPAK_ID").is_some() {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal/xdg-desktop-portal",
        ]
        .iter()
        .any(|p| std::path::Path::new(p).exists());
    portal || on_path("zenity")
}

/// No dialog backend at all (tests of the in-app path entry).
#[derive(Clone, Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn available(&self) -> bool {
        false
    }
    fn open_project(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_project(&mut self, _: &str) -> Option<PathBuf> {
        None
    }
    fn import_files(&mut self) -> Option<Vec<PathBuf>> {
        None
    }
    fn import_folder(&mut self) -> Option<PathBuf> {
        None
    }
    fn export_folder(&mut self) -> Option<PathBuf> {
        None
    }
    fn import_annotations(&mut self) -> Option<PathBuf> {
        None
    }
    fn compare_project(&mut self) -> Option<PathBuf> {
        None
    }
}

/// Dialogs that answer from a queue, for tests: each call takes the next answer (`None`
/// = the user cancelled). Clone it to keep a handle for pushing answers.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Option<Vec<PathBuf>>>>>,
}

impl ScriptedDialogs {
    pub fn push(&self, answer: Option<PathBuf>) {
        self.push_many(answer.map(|p| vec![p]));
    }

    pub fn push_many(&self, answer: Option<Vec<PathBuf>>) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(answer);
        }
    }

    fn next(&self) -> Option<Vec<PathBuf>> {
        self.answers.lock().ok()?.pop_front().flatten()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_project(&mut self) -> Option<PathBuf> {
        self.next()?.into_iter().next()
    }
    fn save_project(&mut self, _: &str) -> Option<PathBuf> {
        self.next()?.into_iter().next()
    }
    fn import_files(&mut self) -> Option<Vec<PathBuf>> {
        self.next()
    }
    fn import_folder(&mut self) -> Option<PathBuf> {
        self.next()?.into_iter().next()
    }
    fn export_folder(&mut self) -> Option<PathBuf> {
        self.next()?.into_iter().next()
    }
    fn import_annotations(&mut self) -> Option<PathBuf> {
        self.next()?.into_iter().next()
    }
    fn compare_project(&mut self) -> Option<PathBuf> {
        self.next()?.into_iter().next()
    }
}
