//! The open project: its file, unsaved state, revision counter and undo history.

use super::{Edit, EditError, History};
use crate::model::Project;
use crate::store::{self, LoadError, SaveError, recovery};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct Session {
    pub project: Project,
    /// Where it is saved; `None` for a new project never saved.
    pub path: Option<PathBuf>,
    /// Unsaved changes exist.
    pub dirty: bool,
    /// Bumped on every change, so views can cache what they derive from the project.
    pub revision: u64,
    /// Revision last written to the recovery file.
    autosaved: u64,
    history: History,
}

impl Session {
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        Self {
            project,
            path,
            dirty: false,
            revision: 1,
            autosaved: 1,
            history: History::default(),
        }
    }

    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Ok(Self::new(store::load(path)?, Some(path.to_owned())))
    }

    /// Apply an edit as one undo step. `coalesce` merges rapid edits of one annotation.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: &str,
        now: f64,
        coalesce: bool,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(&mut self.project)?;
        self.history.record(inverse, label, now, coalesce);
        self.changed();
        Ok(())
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    /// Undo the last step; returns its label.
    pub fn undo(&mut self) -> Option<String> {
        let (inverse, label) = self.history.pop_undo()?;
        match inverse.apply(&mut self.project) {
            Ok(redo) => {
                self.history.push_redo(redo, label.clone());
                self.changed();
                Some(label)
            }
            Err(_) => None,
        }
    }

    pub fn redo(&mut self) -> Option<String> {
        let (edit, label) = self.history.pop_redo()?;
        match edit.apply(&mut self.project) {
            Ok(undo) => {
                self.history.push_undo(undo, label.clone());
                self.changed();
                Some(label)
            }
            Err(_) => None,
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Save to the current path (atomic, with `.bak`); clears the recovery file.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError::Io {
                path: PathBuf::from("(untitled)"),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no file chosen yet"),
            });
        };
        self.save_as(&path)
    }

    /// Save under a (new) path. A project that would not load again is not written.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.project.sort();
        store::save_verified(path, &self.project)?;
        if let Some(old) = &self.path
            && old != path
        {
            recovery::discard(old);
        }
        recovery::discard(path);
        self.path = Some(path.to_owned());
        self.dirty = false;
        self.autosaved = self.revision;
        Ok(())
    }

    /// Write the recovery file if there are changes since the last save or autosave.
    /// Untitled projects autosave to `fallback` (in the app's data folder).
    pub fn autosave(&mut self, fallback: Option<&Path>) -> Result<Option<PathBuf>, SaveError> {
        if !self.dirty || self.autosaved == self.revision {
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
        format!("{}{name} — factdesk", if self.dirty { "● " } else { "" })
    }
}
