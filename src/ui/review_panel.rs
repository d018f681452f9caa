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
    // Nothing here may be wider than the panel: a right panel whose content overflows
    // is pushed off the window's edge.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    let Some(setup) = wb.review_setup() else {
        ui.heading("Review");
        ui.label("Bring a colleague's work in with File › Compare with…, then press R.");
        return;
    };
    let layers = wb.reviewable_layers();
    let mut mine = setup.mine.clone();
    let mut theirs = setup.theirs.clone();
    // One line for the pair (a short window needs its height for the two versions).
    ui.horizontal_wrapped(|ui| {
        ui.strong("Review");
        // A layer is never compared with itself: the other side's layer is listed, marked,
        // and cannot be picked.
        let (a, b) = (setup.mine.as_str(), setup.theirs.as_str());
        for (label, value, other, other_side) in [
            ("Mine (A)", &mut mine, b, "B"),
            ("Theirs (B)", &mut theirs, a, "A"),
        ] {
            ComboBox::from_label(label)
                .selected_text(value.as_str())
                .show_ui(ui, |ui| {
                    for l in &layers {
                        if l == other {
                            ui.add_enabled(
                                false,
                                egui::Button::selectable(
                                    false,
                                    format!("{l} (already {other_side})"),
                                ),
                            )
                            .on_disabled_hover_text("A layer cannot be compared with itself");
                        } else {
                            ui.selectable_value(value, l.clone(), l);
                        }
                    }
                });
        }
    });
    if mine != setup.mine || theirs != setup.theirs {
        out.send(Command::SetReviewLayers { mine, theirs });
    }
    let p = wb.review_progress();
    ui.label(
        RichText::new(format!(
            "{} of {} disagreements left · {} of {} in this article",
            p.open, p.disagreements, p.article_open, p.article_disagreements
        ))
        .strong(),
    );
    ui.separator();

    // The current item comes first and gets most of the height: on a short window the
    // lists below shrink, never the two versions. A new item starts scrolled to its top.
    let available = ui.available_height();
    let item_height = (available * 0.6).max(available - 60.0).max(120.0);
    let current_key = wb.review_current().map(|i| i.key.clone());
    egui::ScrollArea::vertical()
        .id_salt(("review-item", current_key))
        .max_height(item_height)
        .auto_shrink([false, true])
        .show(ui, |ui| match wb.review_current() {
            Some(item) => current(ui, wb, item, dark, out),
            None => {
                ui.label(RichText::new("Press J for the next disagreement.").weak());
            }
        });
    ui.separator();
    // Everything else scrolls below it.
    egui::ScrollArea::vertical()
        .id_salt("review-rest")
        .auto_shrink(false)
        .show(ui, |ui| rest(ui, wb, setup.free_text, out));
}

fn rest(ui: &mut Ui, wb: &Workbench, free_text: bool, out: &mut Outbox) {
    let mut free = free_text;
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
    project_open(ui, wb, out);
    let items: Vec<&ReviewItem> = wb.review_items_here().collect();
    ui.label(RichText::new(format!("Items in this article ({})", items.len())).strong());
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
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{side} · {layer}")).small().weak());
                match a {
                    Some(a) => ui.label(
                        RichText::new(format!(
                            "{} {}–{}",
                            a.kind.label(),
                            a.span.start,
                            a.span.end
                        ))
                        .small()
                        .color(theme::kind_color(a.kind.name(), dark)),
                    ),
                    None => ui.label(RichText::new("(nothing marked here)").weak()),
                };
            });
            // The same text twice says nothing: B says so instead (saves a short window
            // the height the fields need).
            let same = side == "B"
                && item
                    .a
                    .as_ref()
                    .zip(a.as_ref())
                    .is_some_and(|(x, y)| x.span == y.span);
            if same {
                ui.label(RichText::new("(the same text)").weak());
            } else if let Some(a) = a {
                ui.label(RichText::new(crate::bidi::display_line(&a.span.exact)).italics());
            }
        });
    }
    fields(ui, item);
    if decided {
        ui.add_space(6.0);
        let a = Action::Reopen;
        if ui
            .button(a.button_text())
            .on_hover_text(a.description())
            .clicked()
        {
            out.action(a);
        }
        return;
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let both = item.a.is_some() && item.b.is_some();
        // A claim's group and a group's verdict come from one side.
        let annotation = item.group.is_none();
        for (a, enabled) in [
            (Action::AcceptMine, item.a.is_some()),
            (Action::AcceptTheirs, item.b.is_some()),
            (
                Action::AcceptBoth,
                both && annotation && item.category != Category::Agreement,
            ),
            (Action::EditThenAccept, annotation),
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

/// What differs, one field under another: its name, then each side's value on its own
/// wrapping line. A grid would not wrap, and a long value (a rationale, a note) would
/// push the whole panel out of the window.
fn fields(ui: &mut Ui, item: &ReviewItem) {
    if item.fields.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("What differs").strong());
    for f in &item.fields {
        let name = if f.counted {
            RichText::new(f.name)
                .strong()
                .color(ui.visuals().warn_fg_color)
        } else {
            RichText::new(format!("{} (not counted)", f.name)).weak()
        };
        ui.label(name);
        ui.indent(("review-field", f.name), |ui| {
            for (side, layer, value) in [("A", &item.layer_a, &f.a), ("B", &item.layer_b, &f.b)] {
                let value = if value.is_empty() { "(none)" } else { value };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("{side} · {layer}:")).small().weak());
                    ui.label(crate::bidi::display_line(value));
                });
            }
        });
    }
}

fn category_text(c: Category) -> &'static str {
    match c {
        Category::Agreement => "Agreement",
        Category::FieldDisagreement => "Fields differ",
        Category::BoundaryDisagreement => "Boundaries differ",
        Category::LabelDisagreement => "Labels differ",
        Category::OnlyInA => "Only in A",
        Category::OnlyInB => "Only in B",
        Category::GroupingDisagreement => "Grouped differently",
        Category::GroupVerdictDisagreement => "Group verdicts differ",
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
