//! egui views only: they draw the workbench (`crate::app`) and turn input into its
//! commands; [`App`] hands those to `Workbench::apply`.

mod agreement_window;
mod annotation_facts;
mod app;
mod article_list;
mod assign_dialog;
mod claims_board;
mod decision_log;
pub mod dialogs;
mod earlier_checks;
mod export_dialog;
mod findings_window;
mod folding;
mod fonts;
mod icon;
mod message;
pub mod modals;
mod outlines;
mod panel;
mod path_entry;
mod reader;
mod reader_bidi;
mod reader_marks;
mod reader_underlines;
mod review_panel;
mod shaping;
mod shortcuts;
mod suggested_groups;
mod suggestion_panel;
mod theme;

pub use crate::app::Action;
pub use app::{App, StartOptions};

use std::path::PathBuf;

/// Open the main window, optionally on a project file. The `FACTDESK_ANNOTATOR`
/// environment variable, when set, names the annotator (instead of the remembered one).
pub fn run(project: Option<PathBuf>) -> anyhow::Result<()> {
    let annotator = std::env::var("FACTDESK_ANNOTATOR")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let viewport = egui::ViewportBuilder::default()
        .with_title("factdesk")
        .with_app_id(crate::app_id::APP_ID)
        .with_icon(icon::window_icon())
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([560.0, 400.0]);
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        crate::app_id::APP_ID,
        options,
        Box::new(move |cc| {
            Ok(Box::new(App::new(
                cc,
                StartOptions {
                    project,
                    annotator,
                    ..Default::default()
                },
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
