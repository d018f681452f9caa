//! The fields of an annotation as named text values, for comparing two annotators'
//! versions of the same span and for showing what differs.

use crate::model::{Annotation, AnnotationKind, CheckWorthiness, EntityId, Project, QuoteType};

/// How a field takes part in comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRole {
    /// A category or choice: a difference is a disagreement.
    Compared,
    /// Free text (note, rationale, evidence, target): shown, counted only on request.
    FreeText,
}

/// One named field of an annotation, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldValue {
    pub name: &'static str,
    pub value: String,
    pub role: FieldRole,
}

/// A field whose value differs between the two sides of a review item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub name: &'static str,
    /// The value in layer A ("mine"); empty when A has no such field.
    pub a: String,
    /// The value in layer B ("theirs").
    pub b: String,
    /// Whether this difference counts as a disagreement under the options used.
    pub counted: bool,
}

/// Text for an optional value: `(none)` when unset.
const NONE: &str = "(none)";

fn entity_name(project: &Project, id: Option<EntityId>) -> String {
    match id {
        None => NONE.to_owned(),
        Some(id) => project
            .entity(id)
            .map_or_else(|| format!("entity {id}"), |e| e.name.clone()),
    }
}

pub(crate) fn quote_type_str(t: QuoteType) -> &'static str {
    match t {
        QuoteType::Direct => "direct",
        QuoteType::Indirect => "indirect",
        QuoteType::Mixed => "mixed",
    }
}

pub(crate) fn check_worthiness_str(c: CheckWorthiness) -> &'static str {
    match c {
        CheckWorthiness::NonFactual => "non-factual",
        CheckWorthiness::Unimportant => "unimportant",
        CheckWorthiness::CheckWorthy => "check-worthy",
    }
}

/// Every field of `a` with its role, label first.
pub fn fields(project: &Project, a: &Annotation) -> Vec<FieldValue> {
    let compared = |name, value: String| FieldValue {
        name,
        value,
        role: FieldRole::Compared,
    };
    let free = |name, value: String| FieldValue {
        name,
        value,
        role: FieldRole::FreeText,
    };
    let mut out = vec![compared("label", a.kind.label().to_owned())];
    match &a.kind {
        AnnotationKind::Quote(q) => {
            out.push(compared("speaker", entity_name(project, q.speaker)));
            out.push(compared("cue", q.cue.trim().to_lowercase()));
            out.push(compared(
                "quote type",
                quote_type_str(q.quote_type).to_owned(),
            ));
        }
        AnnotationKind::Claim(c) => {
            out.push(compared("claimant", entity_name(project, c.claimant)));
            out.push(compared(
                "check-worthiness",
                c.check_worthiness
                    .map_or(NONE, check_worthiness_str)
                    .to_owned(),
            ));
            out.push(compared(
                "verdict",
                c.verdict.clone().unwrap_or_else(|| NONE.to_owned()),
            ));
            out.push(free("rationale", c.rationale.clone()));
            let evidence: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
            out.push(free("evidence", evidence.join(" ")));
        }
        AnnotationKind::Sentiment(s) => {
            out.push(compared("polarity", format!("{:+}", s.polarity)));
            out.push(compared("stance", format!("{:?}", s.stance).to_lowercase()));
            out.push(free("target", s.target.clone()));
        }
        AnnotationKind::Tag { .. } => {}
    }
    out.push(free("note", a.note.clone()));
    out
}

/// The fields that differ between `a` and `b`, in a stable order. A field only one side
/// has (different kinds) shows as empty on the other.
pub fn diff(project: &Project, a: &Annotation, b: &Annotation, free_text: bool) -> Vec<FieldDiff> {
    let fa = fields(project, a);
    let fb = fields(project, b);
    let mut out = Vec::new();
    let value = |fs: &[FieldValue], name: &str| {
        fs.iter()
            .find(|f| f.name == name)
            .map(|f| (f.value.clone(), f.role))
    };
    let mut names: Vec<&'static str> = fa.iter().map(|f| f.name).collect();
    names.extend(
        fb.iter()
            .map(|f| f.name)
            .filter(|n| !fa.iter().any(|f| f.name == *n)),
    );
    for name in names {
        let (va, ra) = value(&fa, name).unwrap_or((String::new(), FieldRole::FreeText));
        let (vb, rb) = value(&fb, name).unwrap_or((String::new(), FieldRole::FreeText));
        if va != vb {
            let role = if ra == FieldRole::Compared || rb == FieldRole::Compared {
                FieldRole::Compared
            } else {
                FieldRole::FreeText
            };
            out.push(FieldDiff {
                name,
                a: va,
                b: vb,
                counted: role == FieldRole::Compared || free_text,
            });
        }
    }
    out
}
