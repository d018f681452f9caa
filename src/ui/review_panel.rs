//! The annotation panel in review mode: which layers are compared, how many
//! disagreements are left, the current item side by side with what differs, one button
//! per decision (with its key), and the article's items.

use super::message::Outbox;
use super::theme;
use crate::app::{Action, Command, Workbench};
use crate::review::{Category, ReviewItem};
use egui::{ComboBox, RichText, Ui};

pub fn show(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let dark = ui.visuals().dark_mode;
    let Some(setup) = wb.review_setup() else {
        ui.heading("Review");
        ui.label("Bring a colleague's work in with File › Compare with…, then press R.");
        return;
    };
    ui.heading("Review");
    let layers = wb.reviewable_layers();
    let mut mine = setup.mine.clone();
    let mut theirs = setup.theirs.clone();
    ComboBox::from_label("Mine (A)")
        .selected_text(&mine)
        .show_ui(ui, |ui| {
            for l in &layers {
                ui.selectable_value(&mut mine, l.clone(), l);
            }
        });
    ComboBox::from_label("Theirs (B)")
        .selected_text(&theirs)
        .show_ui(ui, |ui| {
            for l in &layers {
                ui.selectable_value(&mut theirs, l.clone(), l);
            }
        });
    if mine != setup.mine || theirs != setup.theirs {
        out.send(Command::SetReviewLayers { mine, theirs });
    }
    let mut free = setup.free_text;
    if ui
        .checkbox(
            &mut free,
            "Count free-text differences (note, rationale, evidence)",
        )
        .changed()
    {
        out.send(Command::ReviewFreeText(free));
    }
    let p = wb.review_progress();
    ui.label(
        RichText::new(format!(
            "{} of {} disagreements left · {} of {} in this article",
            p.open, p.disagreements, p.article_open, p.article_disagreements
        ))
        .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        let label = format!(
            "{} ({})",
            Action::AcceptAllAgreements.label(),
            p.agreements_open
        );
        if ui
            .add_enabled(p.agreements_open > 0, egui::Button::new(label))
            .on_hover_text(Action::AcceptAllAgreements.description())
            .clicked()
        {
            out.action(Action::AcceptAllAgreements);
        }
        for a in [Action::ShowAgreement, Action::ShowDecisions] {
            if ui.button(a.button_text()).clicked() {
                out.action(a);
            }
        }
    });
    ui.separator();

    let editor_height = (ui.available_height() * 0.6).max(160.0);
    egui::ScrollArea::vertical()
        .id_salt("review-item")
        .max_height(editor_height)
        .auto_shrink([false, true])
        .show(ui, |ui| match wb.review_current() {
            Some(item) => current(ui, wb, item, dark, out),
            None => {
                ui.label(RichText::new("Press J for the next disagreement.").weak());
            }
        });
    ui.separator();
    project_open(ui, wb, out);
    let items: Vec<&ReviewItem> = wb.review_items_here().collect();
    ui.label(RichText::new(format!("Items in this article ({})", items.len())).strong());
    egui::ScrollArea::vertical()
        .id_salt("review-list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for item in items {
                let decided = wb.review_is_decided(item);
                let excerpt = item
                    .a
                    .as_ref()
                    .or(item.b.as_ref())
                    .map(|a| a.span.exact.chars().take(60).collect::<String>())
                    .unwrap_or_default()
                    .replace('\n', " ");
                let state = if decided {
                    "✔"
                } else if item.category.is_disagreement() {
                    "•"
                } else {
                    "="
                };
                let text = crate::bidi::display_line(&format!(
                    "{state} {}: {excerpt}",
                    category_text(item.category)
                ));
                let selected = wb.review_current().is_some_and(|c| c.key == item.key);
                let mut rich = RichText::new(text);
                if decided || !item.category.is_disagreement() {
                    rich = rich.weak();
                }
                if ui
                    .add(egui::Button::selectable(selected, rich).truncate())
                    .clicked()
                {
                    out.send(Command::SelectReviewItem(item.key.clone()));
                }
            }
        });
}

fn current(ui: &mut Ui, wb: &Workbench, item: &ReviewItem, dark: bool, out: &mut Outbox) {
    let decided = wb.review_is_decided(item);
    ui.label(
        RichText::new(format!(
            "{}{}",
            category_text(item.category),
            if decided { " — decided" } else { "" }
        ))
        .strong()
        .color(if item.category.is_disagreement() && !decided {
            ui.visuals().warn_fg_color
        } else {
            ui.visuals().text_color()
        }),
    );
    for (side, layer, a) in [("A", &item.layer_a, &item.a), ("B", &item.layer_b, &item.b)] {
        ui.group(|ui| {
            ui.label(RichText::new(format!("{side} · {layer}")).small().weak());
            match a {
                Some(a) => {
                    ui.label(
                        RichText::new(format!(
                            "{} {}–{}",
                            a.kind.label(),
                            a.span.start,
                            a.span.end
                        ))
                        .color(theme::kind_color(a.kind.name(), dark)),
                    );
                    ui.label(RichText::new(crate::bidi::display_line(&a.span.exact)).italics());
                }
                None => {
                    ui.label(RichText::new("(nothing marked here)").weak());
                }
            }
        });
    }
    if !item.fields.is_empty() {
        egui::Grid::new("review-fields")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                ui.label(RichText::new("field").strong());
                ui.label(RichText::new("A").strong());
                ui.label(RichText::new("B").strong());
                ui.end_row();
                for f in &item.fields {
                    let name = if f.counted {
                        RichText::new(f.name).strong()
                    } else {
                        RichText::new(format!("{} (not counted)", f.name)).weak()
                    };
                    ui.label(name);
                    ui.label(&f.a);
                    ui.label(&f.b);
                    ui.end_row();
                }
            });
    }
    if decided {
        return;
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let both = item.a.is_some() && item.b.is_some();
        for (a, enabled) in [
            (Action::AcceptMine, item.a.is_some()),
            (Action::AcceptTheirs, item.b.is_some()),
            (
                Action::AcceptBoth,
                both && item.category != Category::Agreement,
            ),
            (Action::EditThenAccept, true),
            (Action::Reject, true),
            (Action::Skip, true),
        ] {
            if ui
                .add_enabled(enabled, egui::Button::new(a.button_text()))
                .on_hover_text(a.description())
                .clicked()
            {
                out.action(a);
            }
        }
    });
}

fn category_text(c: Category) -> &'static str {
    match c {
        Category::Agreement => "Agreement",
        Category::FieldDisagreement => "Fields differ",
        Category::BoundaryDisagreement => "Boundaries differ",
        Category::LabelDisagreement => "Labels differ",
        Category::OnlyInA => "Only in A",
        Category::OnlyInB => "Only in B",
    }
}

/// Every open disagreement of the project, by article: a click goes there.
fn project_open(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let open: Vec<&ReviewItem> = wb
        .review_items()
        .iter()
        .filter(|i| i.category.is_disagreement() && !wb.review_is_decided(i))
        .collect();
    egui::CollapsingHeader::new(format!("Open in the project ({})", open.len()))
        .id_salt("review-project-open")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("review-project-list")
                .max_height(160.0)
                .show(ui, |ui| {
                    let mut last = None;
                    for item in open {
                        if last != Some(item.article) {
                            last = Some(item.article);
                            let title = wb
                                .project()
                                .article(item.article)
                                .map(|a| a.title.chars().take(50).collect::<String>())
                                .unwrap_or_default();
                            ui.label(
                                RichText::new(crate::bidi::display_line(&title))
                                    .small()
                                    .strong(),
                            );
                        }
                        let excerpt: String = item
                            .a
                            .as_ref()
                            .or(item.b.as_ref())
                            .map(|a| a.span.exact.chars().take(50).collect())
                            .unwrap_or_default();
                        let text = crate::bidi::display_line(&format!(
                            "{}: {}",
                            category_text(item.category),
                            excerpt.replace('\n', " ")
                        ));
                        if ui
                            .add(egui::Button::new(RichText::new(text).small()).truncate())
                            .clicked()
                        {
                            out.send(Command::SelectReviewItem(item.key.clone()));
                        }
                    }
                });
        });
}
