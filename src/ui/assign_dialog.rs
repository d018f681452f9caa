//! The assign dialog: which annotators, each article to how many of them (balanced,
//! seeded), which articles, and blind mode. It only asks; the workbench assigns.

use crate::app::{AssignRequest, AssignScope, Choice};
use egui::{RichText, Ui};

/// What the dialog holds while it is open.
pub struct AssignDraft {
    /// Filled from the project's annotators when the dialog opens.
    started: bool,
    annotators: String,
    /// How many annotators per article, as typed (empty or 0: all of them).
    each: String,
    seed: u64,
    scope: AssignScope,
    blind: bool,
}

impl Default for AssignDraft {
    fn default() -> Self {
        Self {
            started: false,
            annotators: String::new(),
            each: String::new(),
            seed: 1,
            scope: AssignScope::AllArticles,
            blind: false,
        }
    }
}

pub fn show(ui: &mut Ui, known: &[String], blind: bool, draft: &mut AssignDraft) -> Option<Choice> {
    if !draft.started {
        draft.annotators = known.join(", ");
        draft.blind = blind;
        draft.started = true;
    }
    ui.heading("Assign articles");
    ui.label(
        RichText::new(
            "Who annotates which articles. Each article can go to all of the annotators \
             named, or to k of them, balanced so everyone gets a fair share (the seed \
             makes the same choice again).",
        )
        .weak(),
    );
    let label = ui.label("Annotators (comma-separated)");
    ui.add(egui::TextEdit::singleline(&mut draft.annotators).hint_text("alice, bob, carol"))
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        let label = ui.label("Each article to");
        ui.add(
            egui::TextEdit::singleline(&mut draft.each)
                .hint_text("all")
                .desired_width(40.0),
        )
        .labelled_by(label.id);
        ui.label(if each(&draft.each) == Some(0) {
            "of them (all)"
        } else {
            "of them, balanced"
        });
        let label = ui.label("Seed");
        ui.add(egui::DragValue::new(&mut draft.seed))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        for (scope, name) in [
            (AssignScope::CurrentArticle, "This article"),
            (AssignScope::AllArticles, "All articles"),
            (AssignScope::Unassigned, "Unassigned articles"),
        ] {
            ui.radio_value(&mut draft.scope, scope, name);
        }
    });
    ui.checkbox(
        &mut draft.blind,
        "Blind mode: nobody sees a colleague's layer on an article before marking it done",
    );
    let k = each(&draft.each);
    if k.is_none() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Give a number of annotators per article",
        );
    }
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(k.is_some(), egui::Button::new("Assign"))
            .clicked()
        {
            choice = Some(Choice::Assign(AssignRequest {
                annotators: draft
                    .annotators
                    .split(',')
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty())
                    .collect(),
                each: k.unwrap_or(0),
                seed: draft.seed,
                scope: draft.scope,
                blind: draft.blind,
            }));
        }
        if ui.button("Cancel").clicked() {
            choice = Some(Choice::Close);
        }
    });
    if choice.is_some() {
        draft.started = false;
    }
    choice
}

/// The typed number of annotators per article: empty means all (0).
fn each(typed: &str) -> Option<usize> {
    let t = typed.trim();
    if t.is_empty() {
        Some(0)
    } else {
        t.parse().ok()
    }
}
