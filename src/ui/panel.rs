//! The annotation panel: the selected annotation's fields as typed widgets, and below it
//! the article's annotations as a list.
//!
//! The panel edits a copy of the annotation; when the copy differs at the end of the
//! frame it sends one `ReplaceAnnotation` edit (rapid typing coalesces into one undo step).

use super::message::Outbox;
use super::theme;
use crate::app::{Action, Command, EntityLink, EntityRole, MarkRow, MarkTarget, Naming};
use crate::model::*;
use egui::{ComboBox, RichText, TextEdit, Ui};

/// Panel state that lives only while the app runs.
#[derive(Default)]
pub struct PanelState {
    pub entity_query: String,
    /// Aliases being typed for an entity, committed when the field loses focus.
    pub aliases: Option<(EntityId, String)>,
    aliases_focused: bool,
}

pub struct PanelView<'a> {
    pub project: &'a Project,
    /// The current article's text and the pending text selection in it.
    pub text: Option<&'a str>,
    pub selection: Option<std::ops::Range<usize>>,
    pub selected: Option<(&'a Layer, &'a Annotation)>,
    /// The current article's marks as list rows, in text order.
    pub rows: &'a [MarkRow],
    pub selected_target: Option<&'a MarkTarget>,
    /// The selected annotation may be changed (own layer, or adjudicated in review).
    pub editable: bool,
    /// The selected claim's earlier fact-checks.
    pub earlier: Option<&'a crate::app::EarlierChecks>,
}

/// Only the selected annotation's editor (review mode shows it under the review item).
pub fn editor_only(ui: &mut Ui, view: &PanelView<'_>, state: &mut PanelState, out: &mut Outbox) {
    if let Some((layer, a)) = view.selected {
        editor(ui, view, layer, a, state, out);
    }
}

pub fn show(ui: &mut Ui, view: &PanelView<'_>, state: &mut PanelState, out: &mut Outbox) {
    let editor_height = (ui.available_height() * 0.62).max(160.0);
    egui::ScrollArea::vertical()
        .id_salt("panel")
        .max_height(editor_height)
        .auto_shrink([false, true])
        .show(ui, |ui| match view.selected {
            Some((layer, a)) => editor(ui, view, layer, a, state, out),
            None => {
                ui.heading("No annotation selected");
                ui.label(
                    RichText::new(
                        "Select text in the article, then press Q (quote), C (claim), \
                         S (sentiment) or T (tag). Click a highlight to edit it.",
                    )
                    .weak(),
                );
            }
        });
    ui.separator();
    list(ui, view, out);
}

/// The article's marks (annotations and suggestions) as a list; a click selects one.
pub fn list(ui: &mut Ui, view: &PanelView<'_>, out: &mut Outbox) {
    let dark = ui.visuals().dark_mode;
    let rows = view.rows;
    ui.label(RichText::new(format!("Annotations in this article ({})", rows.len())).strong());
    // Only the visible rows are built: an article may have thousands of annotations.
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("panel-list")
        .auto_shrink(false)
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                let selected = view.selected_target == Some(&row.target);
                // The owner comes first, so a long excerpt never hides whose it is.
                let owner = if row.owner.is_empty() {
                    String::new()
                } else {
                    format!("[{}] ", row.owner)
                };
                let text = RichText::new(crate::bidi::display_line(&format!(
                    "{}  {owner}{}",
                    theme::kind_letter(row.kind),
                    row.excerpt
                )))
                .color(theme::kind_color(row.kind, dark));
                if ui
                    .add(egui::Button::selectable(selected, text).truncate())
                    .clicked()
                {
                    out.send(match &row.target {
                        MarkTarget::Annotation(id) => Command::SelectAnnotation(*id),
                        MarkTarget::Suggestion(key) => Command::SelectSuggestion(key.clone()),
                    });
                }
            }
        });
}

fn editor(
    ui: &mut Ui,
    view: &PanelView<'_>,
    layer: &Layer,
    a: &Annotation,
    state: &mut PanelState,
    out: &mut Outbox,
) {
    let dark = ui.visuals().dark_mode;
    let kind = a.kind.name();
    ui.horizontal(|ui| {
        ui.heading(RichText::new(kind_title(kind)).color(theme::kind_color(kind, dark)));
        ui.label(
            RichText::new(format!("{}–{}", a.span.start, a.span.end))
                .weak()
                .small(),
        );
    });
    ui.label(RichText::new(crate::bidi::display_line(&a.span.exact)).italics());
    super::claims_board::group_line(ui, layer, a, out);
    super::earlier_checks::show(ui, view.earlier, view.editable, out);
    let mine = view.editable;
    if !mine {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("In {}’s layer (read-only).", layer.annotator)).weak());
            if ui.button("Copy to my layer").clicked() {
                out.send(Command::CopyToMine(a.id));
            }
        });
        ui.add_space(6.0);
        super::annotation_facts::show(ui, view.project, a);
        return;
    }
    ui.add_space(6.0);

    let mut draft = a.clone();
    let mut naming: Option<Naming> = None;
    ui.add_enabled_ui(mine, |ui| {
        match &mut draft.kind {
            AnnotationKind::Quote(q) => {
                if let Some(name) =
                    entity_field(ui, "Speaker", view.project, &mut q.speaker, state, out)
                {
                    naming = Some(Naming {
                        role: EntityRole::Speaker,
                        name,
                        link: EntityLink::New,
                    });
                }
                speaker_span_field(ui, view, q, &mut naming);
                text_field(ui, a.id, "Cue", "said, tweeted, told…", &mut q.cue);
                ui.horizontal(|ui| {
                    ui.label("Type");
                    for (t, name) in [
                        (QuoteType::Direct, "Direct"),
                        (QuoteType::Indirect, "Indirect"),
                        (QuoteType::Mixed, "Mixed"),
                    ] {
                        ui.radio_value(&mut q.quote_type, t, name);
                    }
                });
                let claims: Vec<&Annotation> = layer
                    .of_article(a.article)
                    .filter(|c| matches!(c.kind, AnnotationKind::Claim(_)))
                    .collect();
                if !claims.is_empty() {
                    ui.label("Claims in this quote");
                    for c in claims {
                        let mut on = q.claims.contains(&c.id);
                        let label = crate::bidi::display_line(
                            &c.span.exact.chars().take(50).collect::<String>(),
                        );
                        if ui.checkbox(&mut on, label).changed() {
                            if on {
                                q.claims.push(c.id);
                            } else {
                                q.claims.retain(|x| *x != c.id);
                            }
                        }
                    }
                }
            }
            AnnotationKind::Claim(c) => {
                if let Some(name) =
                    entity_field(ui, "Claimant", view.project, &mut c.claimant, state, out)
                {
                    naming = Some(Naming {
                        role: EntityRole::Claimant,
                        name,
                        link: EntityLink::New,
                    });
                }
                ComboBox::from_label("Check-worthiness")
                    .selected_text(worthiness_text(c.check_worthiness))
                    .show_ui(ui, |ui| {
                        for w in [
                            None,
                            Some(CheckWorthiness::CheckWorthy),
                            Some(CheckWorthiness::Unimportant),
                            Some(CheckWorthiness::NonFactual),
                        ] {
                            ui.selectable_value(&mut c.check_worthiness, w, worthiness_text(w));
                        }
                    });
                ComboBox::from_label("Verdict")
                    .selected_text(c.verdict.clone().unwrap_or_else(|| "— not checked".into()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut c.verdict, None, "— not checked");
                        for v in &view.project.schema.verdicts {
                            ui.selectable_value(&mut c.verdict, Some(v.label.clone()), &v.label);
                        }
                    });
                multiline_field(ui, a.id, "Rationale", &mut c.rationale);
                ui.label(RichText::new("Evidence").strong());
                let mut remove = None;
                for (i, ev) in c.evidence.iter_mut().enumerate() {
                    ui.push_id(("evidence", i), |ui| {
                        ui.group(|ui| {
                            text_field(ui, a.id, "URL", "https://…", &mut ev.url);
                            multiline_field(ui, a.id, "Quoted evidence", &mut ev.quote);
                            ui.horizontal_wrapped(|ui| {
                                for (s, name) in [
                                    (EvidenceStance::Supports, "Supports"),
                                    (EvidenceStance::Refutes, "Refutes"),
                                    (EvidenceStance::Context, "Context"),
                                ] {
                                    ui.radio_value(&mut ev.stance, s, name);
                                }
                                if ui.small_button("Remove evidence").clicked() {
                                    remove = Some(i);
                                }
                            });
                        });
                    });
                }
                if let Some(i) = remove {
                    c.evidence.remove(i);
                }
                if ui.button("Add evidence").clicked() {
                    out.send(Command::AddEvidence(a.id));
                }
            }
            AnnotationKind::Sentiment(s) => {
                ui.add(egui::Slider::new(&mut s.polarity, -2..=2).text("Polarity"));
                text_field(ui, a.id, "Target", "who or what", &mut s.target);
                ui.horizontal(|ui| {
                    ui.label("Stance");
                    for (st, name) in [
                        (Stance::Favor, "Favor"),
                        (Stance::Against, "Against"),
                        (Stance::None, "None"),
                    ] {
                        ui.radio_value(&mut s.stance, st, name);
                    }
                });
            }
            AnnotationKind::Tag { label } => {
                ComboBox::from_label("Tag label")
                    .selected_text(if label.is_empty() {
                        "— choose"
                    } else {
                        label.as_str()
                    })
                    .show_ui(ui, |ui| {
                        for t in &view.project.schema.tags {
                            ui.selectable_value(label, t.clone(), t);
                        }
                    });
                text_field(ui, a.id, "Custom label", "or type a label", label);
            }
        }
        multiline_field(ui, a.id, "Note", &mut draft.note);
        ui.horizontal(|ui| {
            ui.label("Status");
            for (s, name) in [
                (Status::Draft, "Draft"),
                (Status::Done, "Done"),
                (Status::Flagged, "Flagged"),
            ] {
                ui.radio_value(&mut draft.status, s, name);
            }
        });
        ui.add_space(6.0);
        if ui.button("Delete annotation").clicked() {
            // The same path as the Delete key: it also unlinks the claim from quotes.
            out.action(Action::Delete);
        }
    });

    if draft != *a || naming.is_some() {
        out.send(match naming {
            Some(naming) => Command::UpdateAnnotationNaming {
                annotation: draft,
                naming,
            },
            None => Command::UpdateAnnotation(draft),
        });
    }
}

/// The entity's other spellings (Khameini, Zariff …), comma-separated; one undoable edit
/// when the field loses focus.
fn aliases_field(ui: &mut Ui, name: &str, e: &Entity, state: &mut PanelState, out: &mut Outbox) {
    let id = ui.make_persistent_id(("aliases", name));
    // Keep the typed text while the field has focus and in the frame it loses it (when
    // `lost_focus` commits); otherwise show the entity's current aliases.
    let editing = ui.memory(|m| m.has_focus(id)) || state.aliases_focused;
    let current = e.aliases.join(", ");
    if !editing || state.aliases.as_ref().is_none_or(|(eid, _)| *eid != e.id) {
        state.aliases = Some((e.id, current));
    }
    let Some((_, draft)) = &mut state.aliases else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Also known as");
        let r = ui
            .add(
                TextEdit::singleline(draft)
                    .id(id)
                    .hint_text("other spellings, comma-separated")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        state.aliases_focused = r.has_focus();
        if r.lost_focus() {
            let aliases: Vec<String> = draft.split(',').map(str::to_owned).collect();
            out.send(Command::SetAliases {
                entity: e.id,
                aliases,
            });
        }
    });
}

/// Where the speaker is named in the text: shown, cleared, or taken from the selection
/// (which also picks the entity of that name, or creates it).
fn speaker_span_field(
    ui: &mut Ui,
    view: &PanelView<'_>,
    q: &mut Quote,
    naming: &mut Option<Naming>,
) {
    ui.horizontal(|ui| {
        ui.label("Named in text:");
        match &q.speaker_span {
            Some(sp) => {
                ui.label(RichText::new(crate::bidi::display_line(&sp.exact)).strong());
                if ui.small_button("Clear speaker span").clicked() {
                    q.speaker_span = None;
                }
            }
            None => {
                ui.label(RichText::new("not marked").weak());
            }
        }
    });
    let (Some(range), Some(text)) = (view.selection.clone(), view.text) else {
        return;
    };
    if !ui.button("Mark selection as speaker").clicked() {
        return;
    }
    let Ok(span) = Span::from_text(text, range.start, range.end) else {
        return;
    };
    if q.speaker.is_none() {
        // The workbench links the name (the speaker rule) or makes a new entity.
        *naming = Some(Naming {
            role: EntityRole::Speaker,
            name: span.exact.clone(),
            link: EntityLink::ByName,
        });
    }
    q.speaker_span = Some(span);
}

fn kind_title(k: KindName) -> &'static str {
    match k {
        KindName::Quote => "Quote",
        KindName::Claim => "Claim",
        KindName::Sentiment => "Sentiment",
        KindName::Tag => "Tag",
    }
}

fn worthiness_text(w: Option<CheckWorthiness>) -> &'static str {
    match w {
        None => "— not rated",
        Some(CheckWorthiness::CheckWorthy) => "Check-worthy",
        Some(CheckWorthiness::Unimportant) => "Unimportant",
        Some(CheckWorthiness::NonFactual) => "Non-factual",
    }
}

fn text_field(ui: &mut Ui, id: AnnotationId, name: &str, hint: &str, value: &mut String) {
    ui.horizontal(|ui| {
        let label = ui.label(name);
        ui.add(
            TextEdit::singleline(value)
                .id_salt((id, name))
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
}

fn multiline_field(ui: &mut Ui, id: AnnotationId, name: &str, value: &mut String) {
    let label = ui.label(name);
    ui.add(
        TextEdit::multiline(value)
            .id_salt((id, name))
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

/// Pick an entity by name or alias, or ask for a new one: returns the new one's name.
fn entity_field(
    ui: &mut Ui,
    name: &str,
    project: &Project,
    value: &mut Option<EntityId>,
    state: &mut PanelState,
    out: &mut Outbox,
) -> Option<String> {
    ui.horizontal(|ui| {
        ui.label(format!("{name}:"));
        match value.and_then(|id| project.entity(id)) {
            Some(e) => {
                ui.label(RichText::new(&e.name).strong());
                if ui
                    .small_button("Clear")
                    .on_hover_text(format!("Remove the {}", name.to_lowercase()))
                    .clicked()
                {
                    *value = None;
                }
            }
            None => {
                ui.label(RichText::new("none").weak());
            }
        }
    });
    if let Some(e) = value.and_then(|id| project.entity(id)) {
        aliases_field(ui, name, e, state, out);
    }
    let label = ui.label(format!("Find or add {}", name.to_lowercase()));
    ui.add(
        TextEdit::singleline(&mut state.entity_query)
            .id_salt(("entity", name))
            .hint_text("name or alias")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let q = state.entity_query.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    let mut created = None;
    let mut exact = false;
    for e in &project.entities {
        let hit = e.name.to_lowercase().contains(&q)
            || e.aliases.iter().any(|al| al.to_lowercase().contains(&q));
        if !hit {
            continue;
        }
        exact |= e.answers_to(&q);
        let text = if e.aliases.is_empty() {
            e.name.clone()
        } else {
            format!("{} ({})", e.name, e.aliases.join(", "))
        };
        if ui.button(text).clicked() {
            *value = Some(e.id);
            state.entity_query.clear();
        }
    }
    if !exact
        && ui
            .button(format!(
                "New {}: “{}”",
                name.to_lowercase(),
                state.entity_query.trim()
            ))
            .clicked()
    {
        created = Some(state.entity_query.trim().to_owned());
        state.entity_query.clear();
    }
    created
}
