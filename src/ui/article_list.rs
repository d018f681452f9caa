//! The project's articles: title, outlet, date, counts by kind, done mark; filterable.

use super::message::Outbox;
use super::theme;
use crate::app::{ArticleList, Command};
use crate::model::{ArticleId, KindName, Project};
use egui::{RichText, Ui};

/// `filter` is the text in the filter field (the view's own); a change is sent to the core.
pub fn show(
    ui: &mut Ui,
    project: &Project,
    list: &ArticleList,
    current: Option<ArticleId>,
    filter: &mut String,
    out: &mut Outbox,
) {
    let visible = list.visible();
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        let r = ui
            .add(
                egui::TextEdit::singleline(filter)
                    .hint_text("title, outlet or text")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if r.changed() {
            out.send(Command::Filter(filter.clone()));
        }
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
                let c = list.counts(*id).0;
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
                    out.send(Command::SelectArticle(*id));
                }
                ui.separator();
            }
        });
}
