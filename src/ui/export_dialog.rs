//! The export dialog: format, layer, split and folder; the export runs on a worker thread
//! with a progress bar and a Cancel button, and the result folder can be opened.

use crate::app::JobProgress;
use crate::export::{ExportOptions, ExportReport, Format, LayerChoice, Split};
use crate::model::Project;
use egui::{ComboBox, RichText};
use std::path::PathBuf;

/// What the dialog asks for (the App owns the file dialogs, the workbench the export).
#[derive(Debug, PartialEq)]
pub enum ExportRequest {
    ChooseFolder,
    Start(ExportOptions),
    Cancel,
}

/// The export form. The export itself runs in the workbench.
pub struct ExportDialog {
    pub open: bool,
    format: Format,
    /// `all`, `adjudicated`, or an annotator's name.
    layer: String,
    split: bool,
    train: u32,
    validation: u32,
    test: u32,
    seed: u64,
    pub folder: Option<PathBuf>,
    /// The user picked a layer (otherwise the adjudicated one is proposed when it exists).
    layer_chosen: bool,
    /// The folder as typed (the folder button fills it; typing works without a dialog).
    folder_text: String,
    /// Why the folder could not be shown in a file manager.
    open_problem: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::HuggingFace,
            layer: "all".into(),
            split: true,
            train: 80,
            validation: 10,
            test: 10,
            seed: 42,
            folder: None,
            layer_chosen: false,
            folder_text: String::new(),
            open_problem: None,
        }
    }
}

impl ExportDialog {
    /// A folder chosen with the dialog.
    pub fn set_folder(&mut self, dir: PathBuf) {
        self.folder_text = dir.display().to_string();
        self.folder = Some(dir);
    }

    /// The options the form describes (`None` without a folder).
    fn options(&self) -> Option<ExportOptions> {
        let folder = self.folder.clone()?;
        let mut options = ExportOptions::new(self.format, folder);
        options.layer = LayerChoice::parse(&self.layer);
        options.split = (self.split && self.format.splits()).then_some(Split {
            train: self.train,
            validation: self.validation,
            test: self.test,
            seed: self.seed,
        });
        Some(options)
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        progress: Option<JobProgress>,
        result: Option<&Result<ExportReport, String>>,
    ) -> Option<ExportRequest> {
        let mut request = None;
        let mut open = self.open;
        egui::Window::new("Export dataset")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(440.0)
            .show(ctx, |ui| {
                let busy = progress.is_some();
                ui.add_enabled_ui(!busy, |ui| {
                    ComboBox::from_label("Format")
                        .selected_text(self.format.name())
                        .show_ui(ui, |ui| {
                            for f in Format::ALL {
                                ui.selectable_value(&mut self.format, f, f.name());
                            }
                        });
                    ui.label(RichText::new(self.format.description()).weak().small());
                    // The review's result is what a training set wants, when there is one.
                    if !self.layer_chosen {
                        self.layer = LayerChoice::default_for(project).name().to_owned();
                    }
                    let layer_text = match self.layer.as_str() {
                        "all" => "All layers".to_owned(),
                        "adjudicated" => "Adjudicated".to_owned(),
                        name => name.to_owned(),
                    };
                    ComboBox::from_label("Layer")
                        .selected_text(layer_text)
                        .show_ui(ui, |ui| {
                            let before = self.layer.clone();
                            ui.selectable_value(&mut self.layer, "all".into(), "All layers");
                            for l in &project.layers {
                                ui.selectable_value(
                                    &mut self.layer,
                                    l.annotator.clone(),
                                    &l.annotator,
                                );
                            }
                            self.layer_chosen |= self.layer != before;
                        });
                    let annotator_layers = project
                        .layers
                        .iter()
                        .filter(|l| l.annotator != crate::model::ADJUDICATED)
                        .count();
                    if self.layer == "all" && annotator_layers > 1 {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            "All layers: where annotators disagree, the dataset holds \
                             contradictory duplicates. Export the adjudicated layer (review) \
                             or one annotator's layer for training.",
                        );
                    }
                    if self.format.splits() {
                        ui.checkbox(&mut self.split, "Split into train / validation / test");
                        if self.split {
                            ui.horizontal(|ui| {
                                ui.add(
                                    egui::DragValue::new(&mut self.train)
                                        .range(0..=100)
                                        .suffix("% train"),
                                );
                                ui.add(
                                    egui::DragValue::new(&mut self.validation)
                                        .range(0..=100)
                                        .suffix("% validation"),
                                );
                                ui.add(
                                    egui::DragValue::new(&mut self.test)
                                        .range(0..=100)
                                        .suffix("% test"),
                                );
                            });
                            ui.add(egui::DragValue::new(&mut self.seed).prefix("seed "));
                            let sum = self.train + self.validation + self.test;
                            let sizes = Split {
                                train: self.train,
                                validation: self.validation,
                                test: self.test,
                                seed: self.seed,
                            }
                            .sizes(project.articles.len());
                            let empty: Vec<&str> = ["train", "validation", "test"]
                                .into_iter()
                                .zip(sizes)
                                .filter(|(_, n)| *n == 0)
                                .map(|(name, _)| name)
                                .collect();
                            if sum == 100 && !empty.is_empty() {
                                ui.colored_label(
                                    ui.visuals().warn_fg_color,
                                    format!(
                                        "{} articles split {}/{}/{}: no {} file (splits go by \
                                         article).",
                                        project.articles.len(),
                                        self.train,
                                        self.validation,
                                        self.test,
                                        empty.join(" or ")
                                    ),
                                );
                            }
                            if sum != 100 {
                                ui.colored_label(
                                    ui.visuals().error_fg_color,
                                    format!("The split adds up to {sum}%, not 100%"),
                                );
                            }
                        }
                    }
                    if let Some(f) = &self.folder
                        && self.folder_text.is_empty()
                    {
                        self.folder_text = f.display().to_string();
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Choose folder…").clicked() {
                            request = Some(ExportRequest::ChooseFolder);
                        }
                        let label = ui.label("Folder");
                        let r = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.folder_text)
                                    .hint_text("type or choose a folder")
                                    .desired_width(f32::INFINITY),
                            )
                            .labelled_by(label.id);
                        if r.changed() {
                            let t = self.folder_text.trim();
                            self.folder = (!t.is_empty()).then(|| PathBuf::from(t));
                        }
                    });
                });
                ui.separator();
                if let Some(JobProgress { done, total }) = progress {
                    let fraction = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .text(format!("{done} of {total} articles")),
                    );
                    if ui.button("Cancel").clicked() {
                        request = Some(ExportRequest::Cancel);
                    }
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(50));
                } else {
                    let split_ok = !(self.split && self.format.splits())
                        || self.train + self.validation + self.test == 100;
                    let ready = self.folder.is_some() && split_ok;
                    if ui.add_enabled(ready, egui::Button::new("Export")).clicked()
                        && let Some(options) = self.options()
                    {
                        request = Some(ExportRequest::Start(options));
                    }
                }
                match result {
                    Some(Ok(report)) => {
                        ui.label(format!(
                            "Exported {} annotations of {} articles to {} file(s).",
                            report.annotations,
                            report.articles,
                            report.files.len()
                        ));
                        for note in &report.notes {
                            ui.label(RichText::new(note).weak().small());
                        }
                        if let Some(folder) = &self.folder
                            && ui.button("Open folder").clicked()
                        {
                            self.open_problem = open_folder(folder).err();
                        }
                        if let Some(problem) = &self.open_problem {
                            ui.colored_label(ui.visuals().warn_fg_color, problem);
                        }
                    }
                    Some(Err(e)) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("Export failed: {e}"),
                        );
                    }
                    None => {}
                }
            });
        self.open = open || progress.is_some();
        request
    }
}

/// Show the folder in the system's file manager; says why not when there is none.
fn open_folder(folder: &std::path::Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(drop)
        .map_err(|e| {
            format!(
                "Could not open a file manager ({program}: {e}); the files are in {}",
                folder.display()
            )
        })
}
