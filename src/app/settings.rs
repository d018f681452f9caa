//! What the app remembers between runs (eframe storage): who you are, recent projects,
//! theme, which layers you look at. Window size and pane widths are kept by eframe/egui.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// An article and the code point at the top of the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPlace {
    pub article: u64,
    pub offset: usize,
}

pub const STORAGE_KEY: &str = "factdesk-settings";
const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Your annotator name; new annotations go into this layer.
    pub annotator: String,
    pub recent: Vec<PathBuf>,
    /// `None` follows the system.
    pub dark: Option<bool>,
    /// Show other annotators' layers in the reader (read-only).
    pub show_other_layers: bool,
    /// Other annotators' layers hidden one by one.
    pub hidden_layers: BTreeSet<String>,
    /// Where the user was reading in each project, to reopen there.
    pub reading_places: BTreeMap<PathBuf, ReadingPlace>,
    /// Suggesters switched off (`quote`, `claim`, `passage`, `conflict`, `aliases`).
    pub assist_off: BTreeSet<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            annotator: String::new(),
            recent: Vec::new(),
            dark: None,
            show_other_layers: true,
            hidden_layers: BTreeSet::new(),
            reading_places: BTreeMap::new(),
            assist_off: BTreeSet::new(),
        }
    }
}

impl Settings {
    /// Whether another annotator's layer is shown.
    pub fn shows_layer(&self, layer: &str) -> bool {
        self.show_other_layers && !self.hidden_layers.contains(layer)
    }

    /// Remember where the user reads in a project (kept for recently opened projects).
    pub fn remember_place(&mut self, project: &Path, place: ReadingPlace) {
        let path = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_owned());
        self.reading_places.insert(path, place);
        let recent = &self.recent;
        if self.reading_places.len() > 2 * MAX_RECENT {
            self.reading_places.retain(|p, _| recent.contains(p));
        }
    }

    /// Where the user last read in this project.
    pub fn reading_place(&self, project: &Path) -> Option<ReadingPlace> {
        let path = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_owned());
        self.reading_places.get(&path).copied()
    }

    pub fn remember(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
