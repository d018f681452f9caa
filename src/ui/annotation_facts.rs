//! Another layer's annotation, shown as what it says rather than as greyed-out fields: text
//! that looks like text cannot be mistaken for something to edit (the user copies it to
//! their own layer to change it).

use crate::model::{
    Annotation, AnnotationKind, CheckWorthiness, EntityId, EvidenceStance, Project, QuoteType,
    Stance, Status,
};
use egui::{RichText, Ui};

/// One line of the summary.
struct Fact {
    name: &'static str,
    value: String,
}

/// The annotation's fields that have a value, as name–value rows.
pub fn show(ui: &mut Ui, project: &Project, a: &Annotation) {
    let facts = facts(project, a);
    if facts.is_empty() {
        ui.label(RichText::new("No fields filled in.").weak());
        return;
    }
    egui::Grid::new(("annotation-facts", a.id.0))
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for f in facts {
                ui.label(RichText::new(f.name).weak());
                ui.add(egui::Label::new(crate::bidi::display_line(&f.value)).wrap());
                ui.end_row();
            }
        });
}

fn facts(project: &Project, a: &Annotation) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut put = |name: &'static str, value: String| {
        if !value.trim().is_empty() {
            out.push(Fact { name, value });
        }
    };
    let entity = |id: Option<EntityId>| {
        id.and_then(|id| project.entity(id))
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    match &a.kind {
        AnnotationKind::Quote(q) => {
            put("Speaker", entity(q.speaker));
            put("Cue", q.cue.clone());
            put(
                "Type",
                match q.quote_type {
                    QuoteType::Direct => "Direct",
                    QuoteType::Indirect => "Indirect",
                    QuoteType::Mixed => "Mixed",
                }
                .into(),
            );
            if !q.claims.is_empty() {
                put("Claims in it", q.claims.len().to_string());
            }
        }
        AnnotationKind::Claim(c) => {
            put("Claimant", entity(c.claimant));
            put(
                "Check-worthiness",
                match c.check_worthiness {
                    None => "",
                    Some(CheckWorthiness::CheckWorthy) => "Check-worthy",
                    Some(CheckWorthiness::Unimportant) => "Unimportant",
                    Some(CheckWorthiness::NonFactual) => "Non-factual",
                }
                .into(),
            );
            put(
                "Verdict",
                c.verdict.clone().unwrap_or_else(|| "not checked".into()),
            );
            put("Rationale", c.rationale.clone());
            for ev in &c.evidence {
                let stance = match ev.stance {
                    EvidenceStance::Supports => "supports",
                    EvidenceStance::Refutes => "refutes",
                    EvidenceStance::Context => "context",
                };
                let quote = if ev.quote.is_empty() {
                    String::new()
                } else {
                    format!(": “{}”", ev.quote)
                };
                put("Evidence", format!("{} ({stance}){quote}", ev.url));
            }
        }
        AnnotationKind::Sentiment(s) => {
            put("Polarity", format!("{:+}", s.polarity));
            put("Target", s.target.clone());
            put(
                "Stance",
                match s.stance {
                    Stance::Favor => "Favor",
                    Stance::Against => "Against",
                    Stance::None => "None",
                }
                .into(),
            );
        }
        AnnotationKind::Tag { label } => put("Tag", label.clone()),
    }
    put("Note", a.note.clone());
    put(
        "Status",
        match a.status {
            Status::Draft => "Draft",
            Status::Done => "Done",
            Status::Flagged => "Flagged",
        }
        .into(),
    );
    out
}
