//! egui views. Placeholder until the workbench lands.

use std::path::PathBuf;

pub fn run(project: Option<PathBuf>) -> anyhow::Result<()> {
    let project = match project {
        Some(p) => Some(crate::store::load(&p)?),
        None => None,
    };
    let options = eframe::NativeOptions::default();
    eframe::run_native(
        "factdesk",
        options,
        Box::new(move |_cc| Ok(Box::new(Placeholder { project }))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

struct Placeholder {
    project: Option<crate::model::Project>,
}

impl eframe::App for Placeholder {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| match &self.project {
            Some(p) => {
                ui.heading(&p.name);
                for a in &p.articles {
                    ui.label(&a.title);
                }
            }
            None => {
                ui.label("No project");
            }
        });
    }
}
