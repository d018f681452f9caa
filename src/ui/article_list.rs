//! The project's articles: title, outlet, date, counts by kind, done mark; filterable, and
//! for a team the "Assigned to me" filter and progress per annotator.

use super::message::Outbox;
use super::theme;
use crate::app::{Action, Command, Workbench};
use crate::model::KindName;
use egui::{RichText, Ui};

/// `filter` is the text in the filter field (the view's own); a change is sent to the core.
pub fn show(ui: &mut Ui, wb: &Workbench, filter: &mut String, out: &mut Outbox) {
    let project = wb.project();
    let list = wb.articles();
    let current = wb.current_article();
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
    if let Some(url) = wb.link_fetching() {
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.label(RichText::new(format!("Fetching {url}")).small());
            if ui.small_button("Cancel").clicked() {
                out.send(Command::CancelLinkImport);
            }
        });
    }
    team(ui, wb, out);
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
                            if wb.is_done(*id) { "✔ " } else { "" },
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
                            let assigned = project.assignments.assigned(*id);
                            if !assigned.is_empty() {
                                meta.push(format!("for {}", assigned.join(", ")));
                            }
                            meta.push(if wb.is_done(*id) {
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

/// A team's view: "Assigned to me", blind mode, done / assigned per annotator, and the
/// button that opens the assign dialog.
fn team(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let progress = wb.team_progress();
    ui.horizontal_wrapped(|ui| {
        let mut mine = wb.articles().assigned_to().is_some();
        if !progress.is_empty() && ui.checkbox(&mut mine, "Assigned to me").changed() {
            out.send(Command::OnlyAssignedToMe(mine));
        }
        if ui
            .small_button(Action::AssignArticles.label())
            .on_hover_text(Action::AssignArticles.description())
            .clicked()
        {
            out.action(Action::AssignArticles);
        }
        if wb.git_missing().is_some()
            && ui
                .small_button("Set up git merging")
                .on_hover_text(
                    "This project is in a git repository that does not merge project files \
                     with factdesk yet: add the .gitattributes line and the merge driver \
                     (as `factdesk git-setup` does)",
                )
                .clicked()
        {
            out.send(Command::SetUpGit);
        }
        if wb.blind() {
            ui.label(RichText::new("blind mode").small().strong())
                .on_hover_text("Colleagues' layers show on an article once you mark it done (D)");
        }
    });
    if !progress.is_empty() {
        let line: Vec<String> = progress
            .iter()
            .map(|p| format!("{} {}/{}", p.annotator, p.done, p.assigned))
            .collect();
        ui.label(
            RichText::new(format!("Done: {}", line.join(" · ")))
                .small()
                .weak(),
        );
    }
}
