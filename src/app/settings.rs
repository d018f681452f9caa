//! What the app remembers between runs (eframe storage): who you are, recent projects,
//! theme, which layers you look at. Window size and pane widths are kept by eframe/egui.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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
    /// The article last open in each project, to reopen where the user left off.
    pub last_article: BTreeMap<PathBuf, u64>,
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
            last_article: BTreeMap::new(),
            assist_off: BTreeSet::new(),
        }
    }
}

impl Settings {
    /// Whether another annotator's layer is shown.
    pub fn shows_layer(&self, layer: &str) -> bool {
        self.show_other_layers && !self.hidden_layers.contains(layer)
    }

    /// Remember the article open in a project (only for projects opened recently).
    pub fn remember_article(&mut self, project: &Path, article: u64) {
        let path = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_owned());
        self.last_article.insert(path, article);
        let recent = &self.recent;
        if self.last_article.len() > 2 * MAX_RECENT {
            self.last_article.retain(|p, _| recent.contains(p));
        }
    }

    /// The article last open in this project.
    pub fn last_article(&self, project: &Path) -> Option<u64> {
        let path = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_owned());
        self.last_article.get(&path).copied()
    }

    pub fn remember(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
