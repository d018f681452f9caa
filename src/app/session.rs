//! The open project: its file, unsaved state, revision counter and undo history. Its
//! fields are private: every change goes through [`Session::apply`], so undo, the unsaved
//! mark and autosave can never miss one.

use super::history::StateId;
use super::{Edit, EditError, History};
use crate::model::Project;
use crate::store::{self, DiskStamp, LoadError, SaveError, recovery};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug)]
pub struct Session {
    /// Shared with background work (suggestions) as a snapshot; an edit while a snapshot
    /// is out copies the project once (copy on write), never changing what the job reads.
    project: Arc<Project>,
    /// Where it is saved; `None` for a new project never saved.
    path: Option<PathBuf>,
    /// Bumped on every change, so views can cache what they derive from the project.
    revision: u64,
    /// The history state that is on disk; `None` when no state of this session is
    /// (restored autosave, unsaved new project with changes).
    saved: Option<StateId>,
    /// Revision last written to the recovery file.
    autosaved: u64,
    history: History,
    /// What the file held when it was opened or last saved: a save refuses to overwrite a
    /// file that has changed since.
    stamp: Option<DiskStamp>,
}

/// An undo or redo that could not be carried out.
#[derive(Debug, thiserror::Error)]
#[error("could not {what} “{label}”: {source}")]
pub struct UndoError {
    pub what: &'static str,
    pub label: String,
    pub source: EditError,
}

impl Session {
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        Self {
            project: Arc::new(project),
            path,
            revision: 1,
            saved: Some(0),
            autosaved: 1,
            history: History::default(),
            stamp: None,
        }
    }

    /// A project restored from an autosave: it differs from the file until saved.
    pub fn restored(project: Project, path: Option<PathBuf>) -> Self {
        let mut s = Self::new(project, path);
        s.saved = None;
        s.revision += 1;
        s
    }

    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (project, stamp) = store::load_stamped(path)?;
        let mut s = Self::new(project, Some(path.to_owned()));
        s.stamp = Some(stamp);
        Ok(s)
    }

    /// Whether the file on disk changed since it was opened or saved (by content: a touch
    /// alone does not count).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.stamp) {
            (Some(path), Some(stamp)) => {
                stamp.looks_changed(path) && store::changed_since(path, stamp).unwrap_or(false)
            }
            _ => false,
        }
    }

    /// The user took the version on disk into account (merged it in): later saves may
    /// replace it.
    pub fn accept_disk_version(&mut self) {
        if let Some(path) = &self.path {
            self.stamp = DiskStamp::read(path).ok().flatten();
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project as it is now, to hand to background work without copying it.
    pub fn snapshot(&self) -> Arc<Project> {
        Arc::clone(&self.project)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Unsaved changes exist: the project is not in the state last saved (undoing back to
    /// it clears this).
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.history.state())
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Apply an edit as one undo step. `coalesce` merges rapid edits of one annotation.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: &str,
        now: f64,
        coalesce: bool,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(Arc::make_mut(&mut self.project))?;
        let project = &self.project;
        self.history.record(inverse, label, now, coalesce, |undo| {
            undo.changes_nothing_in(project)
        });
        self.revision += 1;
        Ok(())
    }

    /// Undo the last step; returns its label (`Ok(None)`: nothing to undo).
    pub fn undo(&mut self) -> Result<Option<String>, UndoError> {
        let Some((inverse, label)) = self.history.pop_undo() else {
            return Ok(None);
        };
        match inverse.apply(Arc::make_mut(&mut self.project)) {
            Ok(redo) => {
                self.history.undone(redo, label.clone());
                self.revision += 1;
                Ok(Some(label))
            }
            Err(source) => Err(UndoError {
                what: "undo",
                label,
                source,
            }),
        }
    }

    pub fn redo(&mut self) -> Result<Option<String>, UndoError> {
        let Some((edit, label)) = self.history.pop_redo() else {
            return Ok(None);
        };
        match edit.apply(Arc::make_mut(&mut self.project)) {
            Ok(undo) => {
                self.history.redone(undo, label.clone());
                self.revision += 1;
                Ok(Some(label))
            }
            Err(source) => Err(UndoError {
                what: "redo",
                label,
                source,
            }),
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Save to the current path (atomic, with `.bak`); clears the recovery file. Refused
    /// with [`SaveError::ChangedOnDisk`] if someone else changed the file meanwhile.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError::Io {
                path: PathBuf::from("(untitled)"),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no file chosen yet"),
            });
        };
        self.save_as(&path)
    }

    /// Save under a (new) path, replacing whatever is there (the user chose it). A project
    /// that would not load again is not written.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let expected = if self.path.as_deref() == Some(path) {
            self.stamp
        } else {
            None
        };
        self.write(path, expected.as_ref())
    }

    /// Save to the current path even though the file changed on disk (confirmed).
    pub fn overwrite(&mut self) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return self.save();
        };
        self.write(&path, None)
    }

    fn write(&mut self, path: &Path, expected: Option<&DiskStamp>) -> Result<(), SaveError> {
        // Sorting changes no content, only the order the file is written in.
        if !self.project.is_sorted() {
            Arc::make_mut(&mut self.project).sort();
        }
        let stamp = store::save_checked(path, &self.project, expected)?;
        self.stamp = Some(stamp);
        if let Some(old) = &self.path
            && old != path
        {
            recovery::discard(old);
        }
        recovery::discard(path);
        self.path = Some(path.to_owned());
        self.history.seal();
        self.saved = Some(self.history.state());
        self.autosaved = self.revision;
        Ok(())
    }

    /// The user chose to throw the unsaved changes away: forget them (and the autosave).
    pub fn discard_changes(&mut self, fallback: Option<&Path>) {
        if let Some(p) = self.path.as_deref().or(fallback) {
            recovery::discard(p);
        }
        self.saved = Some(self.history.state());
    }

    /// Write the recovery file if there are changes since the last save or autosave.
    /// Untitled projects autosave to `fallback` (in the app's data folder).
    pub fn autosave(&mut self, fallback: Option<&Path>) -> Result<Option<PathBuf>, SaveError> {
        if !self.is_dirty() || self.autosaved == self.revision {
            return Ok(None);
        }
        let Some(target) = self.path.as_deref().or(fallback) else {
            return Ok(None);
        };
        let written = recovery::write(target, &self.project)?;
        self.autosaved = self.revision;
        Ok(Some(written))
    }

    /// Title for the window: file name, unsaved mark.
    pub fn title(&self) -> String {
        let name = self
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_owned());
        format!(
            "{}{name} — factdesk",
            if self.is_dirty() { "● " } else { "" }
        )
    }
}
