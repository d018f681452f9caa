//! What the app remembers between runs (eframe storage): who you are, recent projects,
//! theme, which layers you look at. Window size and pane widths are kept by eframe/egui.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            annotator: String::new(),
            recent: Vec::new(),
            dark: None,
            show_other_layers: true,
        }
    }
}

impl Settings {
    pub fn remember(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
