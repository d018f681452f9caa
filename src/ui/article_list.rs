//! The project's articles: title, outlet, date, counts by kind, done mark; filterable.

use super::message::{Msg, Outbox};
use super::theme;
use crate::model::{ArticleId, KindName, Project};
use egui::{RichText, Ui};
use std::collections::HashMap;

/// Per-article annotation counts, rebuilt when the project revision changes.
#[derive(Default)]
pub struct ArticleCounts {
    revision: u64,
    counts: HashMap<ArticleId, [usize; 4]>,
}

impl ArticleCounts {
    pub fn get(&mut self, project: &Project, revision: u64) -> &HashMap<ArticleId, [usize; 4]> {
        if self.revision != revision || self.counts.is_empty() {
            self.counts.clear();
            for (_, a) in project.annotations() {
                let i = KindName::ALL
                    .iter()
                    .position(|k| *k == a.kind.name())
                    .unwrap_or(0);
                self.counts.entry(a.article).or_default()[i] += 1;
            }
            self.revision = revision;
        }
        &self.counts
    }
}

/// Articles whose title, outlet or text contains `filter` (case-insensitive).
pub fn matching(project: &Project, filter: &str) -> Vec<ArticleId> {
    let f = filter.trim().to_lowercase();
    project
        .articles
        .iter()
        .filter(|a| {
            f.is_empty()
                || a.title.to_lowercase().contains(&f)
                || a.outlet
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
                    .contains(&f)
                || a.text.to_lowercase().contains(&f)
        })
        .map(|a| a.id)
        .collect()
}

pub fn show(
    ui: &mut Ui,
    project: &Project,
    counts: &HashMap<ArticleId, [usize; 4]>,
    visible: &[ArticleId],
    current: Option<ArticleId>,
    filter: &mut String,
    out: &mut Outbox,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text("title, outlet or text")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.label(
        RichText::new(format!(
            "{} of {} articles",
            visible.len(),
            project.articles.len()
        ))
        .weak()
        .small(),
    );
    ui.separator();
    let dark = ui.visuals().dark_mode;
    let row_height = 58.0;
    egui::ScrollArea::vertical()
        .id_salt("articles")
        .auto_shrink(false)
        .show_rows(ui, row_height, visible.len(), |ui, range| {
            for id in &visible[range] {
                let Some(a) = project.article(*id) else {
                    continue;
                };
                let c = counts.get(id).copied().unwrap_or_default();
                let selected = current == Some(*id);
                let resp = ui
                    .push_id(id, |ui| {
                        ui.set_min_height(row_height - 6.0);
                        let title = format!(
                            "{}{}",
                            if a.done { "✔ " } else { "" },
                            crate::bidi::display_line(&a.title)
                        );
                        let r = ui.selectable_label(selected, RichText::new(title).strong());
                        ui.horizontal(|ui| {
                            let mut meta = Vec::new();
                            if let Some(o) = &a.outlet {
                                meta.push(o.clone());
                            }
                            if let Some(d) = a.published {
                                meta.push(d.to_string());
                            }
                            meta.push(if a.done {
                                "done".into()
                            } else {
                                "in progress".into()
                            });
                            ui.label(RichText::new(meta.join(" · ")).small().weak());
                            for (k, n) in KindName::ALL.iter().zip(c) {
                                if n > 0 {
                                    ui.label(
                                        RichText::new(format!("{}{n}", theme::kind_letter(*k)))
                                            .small()
                                            .color(theme::kind_color(*k, dark)),
                                    );
                                }
                            }
                        });
                        r
                    })
                    .inner;
                if selected && resp.gained_focus() {
                    resp.scroll_to_me(None);
                }
                if resp.clicked() {
                    out.send(Msg::SelectArticle(*id));
                }
                ui.separator();
            }
        });
}
