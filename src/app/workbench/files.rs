//! Files: open, save, import, drop; the prompts around them (unsaved changes, recovery,
//! which layer) and the answers to those prompts.

use super::Workbench;
use crate::app::{Choice, Dialog, Effect, Prompt, Session, Then};
use crate::import;
use crate::model::{ArticleId, Project};
use crate::store::{SaveError, recovery};
use std::path::{Path, PathBuf};

impl Workbench {
    pub(super) fn open_path(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => {
                self.replace_session(session);
                self.settings.remember(path);
                // Back where the user left off.
                if let Some(place) = self.settings.reading_place(path)
                    && self.project().article(ArticleId(place.article)).is_some()
                {
                    self.article = Some(ArticleId(place.article));
                    if place.offset > 0 {
                        self.scroll_to_top_of_view(place.offset);
                    }
                }
                self.status = format!("Opened {}", file_name(path));
                self.check_git(path);
                if let Some(rec) = recovery::newer(path) {
                    self.prompt = Some(Prompt::Recovery {
                        project: Some(path.to_owned()),
                        recovery: rec,
                    });
                }
            }
            Err(e) => match recovery::newer(path) {
                // The file is gone or broken, but autosaved work exists: offer that.
                Some(rec) => {
                    self.status = format!("Could not open {}: {e}", file_name(path));
                    self.prompt = Some(Prompt::Recovery {
                        project: Some(path.to_owned()),
                        recovery: rec,
                    });
                }
                None => self.error("Could not open the project", e),
            },
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.reset_suggestions();
        self.article = self.project().articles.first().map(|a| a.id);
        self.selected = None;
        self.selection = None;
        self.scroll_to = None;
        self.articles.reset();
        self.marks.invalidate();
        self.checks.invalidate();
    }

    pub(super) fn save(&mut self, effects: &mut Vec<Effect>) {
        if self.session.path().is_none() {
            return self.save_as(effects);
        }
        let result = self.session.save();
        self.after_saving(result, effects);
    }

    /// Carry on after a save, or tell why it did not happen and offer what can be done.
    fn after_saving(&mut self, result: Result<(), SaveError>, effects: &mut Vec<Effect>) {
        match result {
            Ok(()) => {
                if let Some(u) = self.untitled_path() {
                    recovery::discard(&u);
                }
                self.disk_change_told = false;
                self.saved(effects);
            }
            Err(SaveError::ChangedOnDisk { path }) => {
                self.status = "Not saved: the file changed on disk".into();
                self.prompt = Some(Prompt::ChangedOnDisk { path });
            }
            Err(SaveError::ReadOnly { path }) => {
                self.after_save = None;
                self.status = "Not saved: the file is read-only".into();
                self.prompt = Some(Prompt::ReadOnly { path });
            }
            Err(e) => {
                self.after_save = None;
                self.error("Could not save", e);
            }
        }
    }

    /// Once in a while: tell the user when the project file changed on disk.
    pub(super) fn check_disk(&mut self) {
        if self.disk_change_told || self.prompt.is_some() || !self.session.changed_on_disk() {
            return;
        }
        self.disk_change_told = true;
        if let Some(path) = self.session.path().map(Path::to_owned) {
            self.status = format!("{} changed on disk", file_name(&path));
            self.prompt = Some(Prompt::ChangedOnDisk { path });
        }
    }

    pub(super) fn save_as(&mut self, effects: &mut Vec<Effect>) {
        effects.push(Effect::Dialog(Dialog::SaveProject {
            suggested_name: format!("{}.ron", self.project().name),
        }));
    }

    fn save_to(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        let result = self.session.save_as(path);
        self.after_saving(result, effects);
    }

    fn saved(&mut self, effects: &mut Vec<Effect>) {
        if let Some(p) = self.session.path().map(Path::to_owned) {
            self.settings.remember(&p);
            self.status = format!("Saved {}", file_name(&p));
        }
        if let Some(then) = self.after_save.take() {
            self.proceed(then, effects);
        }
    }

    /// Run `then` now, or ask first if there are unsaved changes.
    pub(super) fn guard(&mut self, then: Then, effects: &mut Vec<Effect>) {
        if self.session.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.proceed(then, effects);
        }
    }

    fn proceed(&mut self, then: Then, effects: &mut Vec<Effect>) {
        match then {
            Then::New => {
                self.replace_session(Session::new(Project::new("Untitled"), None));
                self.status = "New project".into();
            }
            Then::Open(Some(path)) => self.open_path(&path),
            Then::Open(None) => effects.push(Effect::Dialog(Dialog::OpenProject)),
            Then::Quit => effects.push(Effect::Quit),
        }
    }

    pub(super) fn answer(&mut self, choice: Choice, effects: &mut Vec<Effect>) {
        let prompt = self.prompt.take();
        match choice {
            Choice::Close => {}
            Choice::AnnotatorSet(name) => {
                let name = name.trim().to_owned();
                if !name.is_empty() {
                    self.settings.annotator = name;
                    self.marks.invalidate();
                }
            }
            Choice::SaveThen(then) => {
                self.after_save = Some(then);
                self.save(effects);
            }
            Choice::DiscardThen(then) => {
                // The discarded edits must not come back as a "crash" recovery.
                let fallback = self.untitled_path();
                self.session.discard_changes(fallback.as_deref());
                self.proceed(then, effects);
            }
            Choice::Restore => {
                if let Some(Prompt::Recovery {
                    project,
                    recovery: rec,
                }) = prompt
                {
                    match recovery::load(&rec) {
                        Ok(p) => {
                            self.replace_session(Session::restored(p, project));
                            self.status = "Restored autosaved changes; save to keep them".into();
                        }
                        Err(e) => self.error("Could not restore", e),
                    }
                }
            }
            Choice::DiscardRecovery => {
                if let Some(Prompt::Recovery { recovery: rec, .. }) = prompt
                    && let Err(e) = std::fs::remove_file(&rec)
                    && e.kind() != std::io::ErrorKind::NotFound
                {
                    self.error(
                        "Could not remove the autosave",
                        format!("{}: {e}", rec.display()),
                    );
                }
            }
            Choice::ImportInto(layer) => {
                if let Some(Prompt::ImportLayer { file }) = prompt {
                    self.import_annotations(&file, layer.trim());
                }
            }
            Choice::AddUnmatchedArticles(add) => self.answer_compare(add),
            Choice::MergeDiskVersion => {
                if let Some(Prompt::ChangedOnDisk { path }) = prompt {
                    self.after_save = None;
                    self.compare_with(&path);
                    self.session.accept_disk_version();
                    self.disk_change_told = false;
                }
            }
            Choice::SaveElsewhere => self.save_as(effects),
            Choice::Overwrite => {
                let result = self.session.overwrite();
                self.after_saving(result, effects);
            }
            Choice::ReplaceExportFiles => self.replace_export_files(),
            Choice::Assign(request) => self.assign(request),
            Choice::ImportLink(url) => self.import_link(url),
        }
        if self.prompt.is_none() {
            self.ask_annotator_if_unknown();
        }
    }

    pub(super) fn chosen(
        &mut self,
        dialog: Dialog,
        paths: Vec<PathBuf>,
        effects: &mut Vec<Effect>,
    ) {
        let Some(first) = paths.first().cloned() else {
            // Cancelled: whatever waited for it is off.
            if matches!(dialog, Dialog::SaveProject { .. }) {
                self.after_save = None;
            }
            return;
        };
        match dialog {
            Dialog::OpenProject => self.open_path(&first),
            Dialog::SaveProject { .. } => self.save_to(&first, effects),
            Dialog::ImportFiles | Dialog::ImportFolder => self.import(paths),
            Dialog::ImportAnnotations => {
                self.prompt = Some(Prompt::ImportLayer { file: first });
            }
            Dialog::CompareWith => self.compare_with(&first),
            Dialog::ExportFolder => effects.push(Effect::ExportFolder(first)),
        }
    }

    /// Files dropped on the window: a project opens, article files are imported.
    pub(super) fn dropped(&mut self, paths: Vec<PathBuf>, effects: &mut Vec<Effect>) {
        if self.prompt.is_some() {
            return;
        }
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .filter(|p| !p.as_os_str().is_empty())
            .partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
        if let Some(p) = projects.into_iter().next() {
            self.guard(Then::Open(Some(p)), effects);
        } else if !articles.is_empty() {
            self.import(articles);
        }
    }

    fn import(&mut self, paths: Vec<PathBuf>) {
        match import::read_paths(&paths) {
            Ok(batch) => self.import_batch(batch),
            Err(e) => self.error("Import stopped; nothing was added", e),
        }
    }

    /// Add articles read from files or fetched from links, as one undoable step; the first
    /// new one opens.
    pub(super) fn import_batch(&mut self, batch: import::Batch) {
        let import::ArticleImport {
            plan,
            added,
            warnings,
        } = import::plan(self.project(), batch, &self.context());
        let n = added.len();
        let first = added.first().copied();
        if n > 0 {
            let label = format!("Import {n} article(s)");
            if !self.edit(plan.into_edit(), &label, false) {
                return;
            }
            self.article = first.or(self.article);
            self.selected = None;
            self.selection = None;
        }
        self.status = format!("Imported {n} article(s)");
        if !warnings.is_empty() {
            let list: Vec<String> = warnings.iter().map(ToString::to_string).collect();
            self.prompt = Some(Prompt::Notice {
                title: format!("Imported {n} article(s), with warnings"),
                message: list.join("\n"),
            });
        }
    }

    /// Bring another tool's annotations into `layer`, as one undoable step. The format
    /// follows the file: `.jsonl` doccano, `.json` Label Studio, `.ann` (or a folder) brat.
    pub(super) fn import_annotations(&mut self, path: &Path, layer: &str) {
        use crate::import::foreign::{self, ForeignFormat};
        if layer.is_empty() {
            return self.error("Import stopped", "the layer needs a name");
        }
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let format = match ext.as_deref() {
            Some("jsonl") => ForeignFormat::Doccano,
            Some("json") => ForeignFormat::LabelStudio,
            _ => ForeignFormat::Brat,
        };
        let docs = match foreign::read(format, path) {
            Ok(docs) => docs,
            Err(e) => return self.error("Import stopped; nothing was added", e),
        };
        let from = format!("{format}:{}", file_name(path));
        let foreign::ForeignImport { plan, report } =
            foreign::plan(self.project(), docs, &from, layer, &self.context());
        if !self.edit(plan.into_edit(), "Import annotations", false) {
            return;
        }
        let into = match report.layers.as_slice() {
            [one] => format!("the layer “{one}”"),
            many => format!(
                "{} layers: {}",
                many.len(),
                many.iter()
                    .map(|l| format!("“{l}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut message = format!(
            "{} annotation(s) from {} document(s) went into {into}: {} article(s) matched, {} created.",
            report.annotations, report.documents, report.articles_matched, report.articles_created
        );
        if let Some(note) = &report.layers_note {
            message.push_str(&format!("\n\nWhy several layers: {note}."));
        }
        if !report.skipped.is_empty() {
            message.push_str(&format!(
                "\n\n{} item(s) were left out:",
                report.skipped.len()
            ));
            for s in report.skipped.iter().take(30) {
                message.push_str(&format!("\n{s}"));
            }
        }
        self.status = format!("Imported {} annotation(s)", report.annotations);
        self.prompt = Some(Prompt::Notice {
            title: format!("Imported {format} annotations"),
            message,
        });
    }
}

/// The file name alone, for messages (the full path is in the title bar and recent list).
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
