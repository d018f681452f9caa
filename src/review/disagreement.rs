//! Review items: what two layers say about each stretch of an article, classified as an
//! agreement or one of the kinds of disagreement, with the differing fields by name.

use super::align::{Alignment, MatchKind, Pair, align};
use super::error::ReviewError;
use super::fields::{FieldDiff, diff};
use crate::model::{Annotation, ArticleId, Layer, Project};
use std::collections::HashMap;
use std::fmt;

/// What kind of (dis)agreement an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Same span, same label, same compared fields.
    Agreement,
    /// Same span and label; a compared field differs (verdict, speaker, tag label …).
    FieldDisagreement,
    /// Overlapping spans with the same label, different boundaries.
    BoundaryDisagreement,
    /// Aligned spans (same or overlapping) with different labels.
    LabelDisagreement,
    /// Only layer A marked this.
    OnlyInA,
    /// Only layer B marked this.
    OnlyInB,
    /// A claim both marked, grouped with other claims differently.
    GroupingDisagreement,
    /// Two groups holding the same claims, with different verdicts.
    GroupVerdictDisagreement,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Self::Agreement,
        Self::FieldDisagreement,
        Self::BoundaryDisagreement,
        Self::LabelDisagreement,
        Self::OnlyInA,
        Self::OnlyInB,
        Self::GroupingDisagreement,
        Self::GroupVerdictDisagreement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agreement => "agreement",
            Self::FieldDisagreement => "field disagreement",
            Self::BoundaryDisagreement => "boundary disagreement",
            Self::LabelDisagreement => "label disagreement",
            Self::OnlyInA => "only in A",
            Self::OnlyInB => "only in B",
            Self::GroupingDisagreement => "grouping disagreement",
            Self::GroupVerdictDisagreement => "group verdict disagreement",
        }
    }

    pub fn is_disagreement(self) -> bool {
        self != Self::Agreement
    }
}

/// Stable identity of a review item: the two layers and the annotation ids on each side.
/// Annotation ids never change, so the GUI can remember decided items by key across
/// sessions (it is also stored in `Decision::item`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemKey(pub String);

impl ItemKey {
    pub fn new(
        layer_a: &str,
        layer_b: &str,
        a: Option<&Annotation>,
        b: Option<&Annotation>,
    ) -> Self {
        let id = |x: Option<&Annotation>| x.map_or_else(|| "-".to_owned(), |x| x.id.to_string());
        Self(format!("{layer_a}|{layer_b}|{}|{}", id(a), id(b)))
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One thing for the reviewer to look at.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewItem {
    pub key: ItemKey,
    /// Name of layer A ("mine").
    pub layer_a: String,
    /// Name of layer B ("theirs").
    pub layer_b: String,
    pub article: ArticleId,
    pub category: Category,
    /// Layer A's ("mine") annotation, if it has one.
    pub a: Option<Annotation>,
    /// Layer B's ("theirs") annotation, if it has one.
    pub b: Option<Annotation>,
    /// Every field that differs, counted or not (free text is shown but not counted
    /// unless [`CompareOptions::free_text`] is set).
    pub fields: Vec<FieldDiff>,
    /// Set on an item about claim groups (see `review::group_items`).
    pub group: Option<super::group_items::GroupItem>,
}

impl ReviewItem {
    /// Start of the item in the text (the earlier of the two spans).
    pub fn start(&self) -> usize {
        let s = |x: &Option<Annotation>| x.as_ref().map_or(usize::MAX, |x| x.span.start);
        s(&self.a).min(s(&self.b))
    }

    /// The annotation ids this item is about.
    pub fn annotation_ids(&self) -> impl Iterator<Item = crate::model::AnnotationId> + '_ {
        self.a.iter().chain(self.b.iter()).map(|x| x.id)
    }
}

/// How two layers are compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompareOptions {
    /// Count differences in free-text fields (note, rationale, evidence, target).
    pub free_text: bool,
}

/// A layer's annotations grouped by article, each group in text order.
pub(crate) fn by_article(layer: &Layer) -> HashMap<ArticleId, Vec<&Annotation>> {
    let mut m: HashMap<ArticleId, Vec<&Annotation>> = HashMap::new();
    for x in &layer.annotations {
        m.entry(x.article).or_default().push(x);
    }
    m
}

/// The named layer, or a clear error.
pub fn find_layer<'p>(project: &'p Project, name: &str) -> Result<&'p Layer, ReviewError> {
    project
        .layer(name)
        .ok_or_else(|| ReviewError::NoLayer(name.to_owned()))
}

/// The alignment of two layers on every article, in the project's article order.
pub fn align_layers<'p>(
    project: &'p Project,
    a: &'p Layer,
    b: &'p Layer,
) -> Vec<(ArticleId, Alignment<'p>)> {
    let (ga, gb) = (by_article(a), by_article(b));
    let empty = Vec::new();
    project
        .articles
        .iter()
        .filter(|art| ga.contains_key(&art.id) || gb.contains_key(&art.id))
        .map(|art| {
            let al = align(
                ga.get(&art.id).unwrap_or(&empty),
                gb.get(&art.id).unwrap_or(&empty),
            );
            (art.id, al)
        })
        .collect()
}

/// The category of an aligned pair whose field differences are `fields`.
pub fn categorize(pair: &Pair, fields: &[FieldDiff]) -> Category {
    if !pair.same_label() {
        Category::LabelDisagreement
    } else if pair.kind == MatchKind::Overlap {
        Category::BoundaryDisagreement
    } else if fields.iter().any(|d| d.counted) {
        Category::FieldDisagreement
    } else {
        Category::Agreement
    }
}

/// Every review item between layers `a` ("mine") and `b` ("theirs"), agreements included,
/// by article (project order) then position. Deterministic.
pub fn review_items(
    project: &Project,
    a: &str,
    b: &str,
    options: CompareOptions,
) -> Result<Vec<ReviewItem>, ReviewError> {
    if a == b {
        return Err(ReviewError::SameLayer(a.to_owned()));
    }
    let (la, lb) = (find_layer(project, a)?, find_layer(project, b)?);
    let mut out = Vec::new();
    let mut grouped = super::group_items::group_items(project, la, lb);
    for (article, al) in align_layers(project, la, lb) {
        let first = out.len();
        for p in &al.pairs {
            let fields = diff(project, p.a, p.b, options.free_text);
            out.push(ReviewItem {
                key: ItemKey::new(a, b, Some(p.a), Some(p.b)),
                layer_a: a.to_owned(),
                layer_b: b.to_owned(),
                article,
                category: categorize(p, &fields),
                a: Some(p.a.clone()),
                b: Some(p.b.clone()),
                fields,
                group: None,
            });
        }
        for (x, category) in al
            .only_a
            .iter()
            .map(|x| (x, Category::OnlyInA))
            .chain(al.only_b.iter().map(|x| (x, Category::OnlyInB)))
        {
            let (sa, sb) = match category {
                Category::OnlyInA => (Some(*x), None),
                _ => (None, Some(*x)),
            };
            out.push(ReviewItem {
                key: ItemKey::new(a, b, sa, sb),
                layer_a: a.to_owned(),
                layer_b: b.to_owned(),
                article,
                category,
                a: sa.cloned(),
                b: sb.cloned(),
                fields: Vec::new(),
                group: None,
            });
        }
        out.extend(grouped.remove(&article).unwrap_or_default());
        out[first..].sort_by_key(|i| (i.start(), i.key.clone()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationKind, Entity, EntityKind, Quote};
    use crate::review::test_support::{ann, claim, project_with, tag};

    #[test]
    fn classifies_every_case() {
        let mut note_only = claim(13, 0, 8, "True");
        note_only.note = "checked twice".into();
        let a = vec![
            claim(1, 0, 8, "True"),    // agreement (notes differ: not counted)
            claim(2, 14, 23, "False"), // field: verdict
            tag(3, 27, 35, "Number"),  // boundary
            tag(4, 40, 48, "Number"),  // label
            tag(5, 52, 58, "Date"),    // only in A
        ];
        let b = vec![
            note_only,
            claim(12, 14, 23, "Mostly false"),
            tag(14, 24, 35, "Number"),
            tag(15, 40, 48, "Place"),
        ];
        let p = project_with(a, b);
        let items = review_items(&p, "alice", "bob", CompareOptions::default()).unwrap();
        let got: Vec<(Category, Option<u64>, Option<u64>)> = items
            .iter()
            .map(|i| {
                (
                    i.category,
                    i.a.as_ref().map(|x| x.id.0),
                    i.b.as_ref().map(|x| x.id.0),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Category::Agreement, Some(1), Some(13)),
                (Category::FieldDisagreement, Some(2), Some(12)),
                (Category::BoundaryDisagreement, Some(3), Some(14)),
                (Category::LabelDisagreement, Some(4), Some(15)),
                (Category::OnlyInA, Some(5), None),
            ]
        );
        // The note difference is shown but not counted.
        assert_eq!(items[0].fields.len(), 1);
        assert_eq!(items[0].fields[0].name, "note");
        assert!(!items[0].fields[0].counted);
        let verdict = &items[1].fields[0];
        assert_eq!(
            (verdict.name, verdict.a.as_str(), verdict.b.as_str()),
            ("verdict", "False", "Mostly false")
        );
        assert_eq!(items[0].key.0, "alice|bob|1|13");
        assert_eq!(items[4].key.0, "alice|bob|5|-");

        // Asked to, free text counts.
        let strict = review_items(&p, "alice", "bob", CompareOptions { free_text: true }).unwrap();
        assert_eq!(strict[0].category, Category::FieldDisagreement);
        // Deterministic.
        assert_eq!(
            items,
            review_items(&p, "alice", "bob", CompareOptions::default()).unwrap()
        );
        assert!(matches!(
            review_items(&p, "alice", "carol", CompareOptions::default()),
            Err(ReviewError::NoLayer(_))
        ));
    }

    #[test]
    fn speaker_and_cue_by_name() {
        let quote = |id, speaker, cue: &str| {
            ann(
                id,
                0,
                8,
                AnnotationKind::Quote(Quote {
                    speaker,
                    cue: cue.into(),
                    ..Quote::default()
                }),
            )
        };
        let k = crate::model::EntityId(7);
        let mut p = project_with(
            vec![quote(1, Some(k), "Said ")],
            vec![quote(2, None, "said")],
        );
        p.entities.push(Entity {
            id: k,
            name: "Ali Khamenei".into(),
            aliases: vec![],
            kind: EntityKind::Person,
            wikidata: None,
        });
        let items = review_items(&p, "alice", "bob", CompareOptions::default()).unwrap();
        assert_eq!(items[0].category, Category::FieldDisagreement);
        assert_eq!(
            items[0].fields.len(),
            1,
            "cue compared case- and space-insensitively"
        );
        assert_eq!(items[0].fields[0].a, "Ali Khamenei");
        assert_eq!(items[0].fields[0].b, "(none)");
    }
}
