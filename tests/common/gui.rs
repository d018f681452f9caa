//! The real `App` under egui_kittest, built one way for every GUI test: a data folder of
//! the test's own, no real file dialogs, no autosave unless asked, 1400×900 unless asked.

use egui_kittest::Harness;
use factdesk::ui::dialogs::{FileDialogs, ScriptedDialogs};
use factdesk::ui::{App, StartOptions};
use std::path::{Path, PathBuf};

/// How to start the window for a test.
pub struct AppHarness {
    options: StartOptions,
    size: egui::Vec2,
    theme: Option<egui::Theme>,
    for_snapshots: bool,
    at_60hz: bool,
}

impl AppHarness {
    /// The app with its recovery files under `data_dir`.
    pub fn new(data_dir: &Path) -> Self {
        Self {
            options: StartOptions {
                project: None,
                dialogs: Box::new(ScriptedDialogs::default()),
                annotator: None,
                data_dir: Some(data_dir.to_owned()),
                autosave_seconds: 1e9,
            },
            size: egui::vec2(1400.0, 900.0),
            theme: None,
            for_snapshots: false,
            at_60hz: false,
        }
    }

    pub fn project(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.project = Some(path.into());
        self
    }

    pub fn maybe_project(mut self, path: Option<PathBuf>) -> Self {
        self.options.project = path;
        self
    }

    /// Who annotates (otherwise the app asks).
    pub fn annotator(mut self, name: &str) -> Self {
        self.options.annotator = Some(name.to_owned());
        self
    }

    pub fn maybe_annotator(mut self, name: Option<&str>) -> Self {
        self.options.annotator = name.map(str::to_owned);
        self
    }

    /// File dialogs that answer from a script (a clone shares its queue with the test).
    pub fn dialogs(mut self, dialogs: &ScriptedDialogs) -> Self {
        self.options.dialogs = Box::new(dialogs.clone());
        self
    }

    pub fn dialogs_boxed(mut self, dialogs: Box<dyn FileDialogs>) -> Self {
        self.options.dialogs = dialogs;
        self
    }

    pub fn autosave_every(mut self, seconds: f64) -> Self {
        self.options.autosave_seconds = seconds;
        self
    }

    pub fn size(mut self, width: f32, height: f32) -> Self {
        self.size = egui::vec2(width, height);
        self
    }

    pub fn theme(mut self, theme: egui::Theme) -> Self {
        self.theme = Some(theme);
        self
    }

    /// No painted cursor, and a few anti-aliasing pixels tolerated (they differ between
    /// CPUs; a changed word or widget differs in far more).
    pub fn for_snapshots(mut self) -> Self {
        self.for_snapshots = true;
        self
    }

    /// Frames at 60 Hz, so two clicks can make a double click.
    pub fn at_60hz(mut self) -> Self {
        self.at_60hz = true;
        self
    }

    /// The window after its first frames.
    pub fn build(self) -> Harness<'static, App> {
        let mut builder = Harness::builder().with_size(self.size);
        if let Some(theme) = self.theme {
            builder = builder.with_theme(theme);
        }
        if self.at_60hz {
            builder = builder.with_step_dt(1.0 / 60.0);
        }
        if self.for_snapshots {
            builder = builder
                .with_render_cursor(false)
                .with_options(egui_kittest::SnapshotOptions::new().max_failed_pixels(40));
        }
        let options = self.options;
        let mut h = builder.build_eframe(move |cc| App::new(cc, options));
        h.run();
        h
    }
}
