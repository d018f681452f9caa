//! Blind double annotation: while blind mode is on, an annotator does not see other
//! annotators' layers on an article (nor suggestions derived from them) until they have
//! marked the article done. Review and agreement are not annotating: they see every layer
//! and do not ask this module.

use super::{ArticleId, Project};

/// Which layers one annotator may see on one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerView<'a> {
    /// Every layer (blind mode off, or the annotator has marked the article done).
    All,
    /// Only the annotator's own layer.
    OnlyOwn(&'a str),
}

impl LayerView<'_> {
    /// Whether the layer of `annotator` (a layer's name) is shown.
    pub fn shows(&self, layer: &str) -> bool {
        match self {
            Self::All => true,
            Self::OnlyOwn(me) => *me == layer,
        }
    }
}

/// The layers `viewer` may see on `article` in `project`. With blind mode on and no viewer
/// known (an empty name: nobody has said who they are), no layer is shown.
pub fn visible_layers<'a>(project: &Project, viewer: &'a str, article: ArticleId) -> LayerView<'a> {
    let a = &project.assignments;
    if !a.blind || (!viewer.is_empty() && a.is_done(article, viewer)) {
        LayerView::All
    } else {
        LayerView::OnlyOwn(viewer)
    }
}

/// `project` as `viewer` may see it while annotating: other layers' annotations removed
/// from the articles they may not see yet (the layers themselves stay, empty or partial).
/// Suggestions computed from this copy cannot be derived from hidden work. Blind mode
/// off: the project as it is.
pub fn as_seen_by(project: &Project, viewer: &str) -> Project {
    let mut seen = project.clone();
    if !project.assignments.blind {
        return seen;
    }
    for layer in &mut seen.layers {
        if layer.annotator == viewer && !viewer.is_empty() {
            continue;
        }
        let name = layer.annotator.clone();
        layer
            .annotations
            .retain(|a| visible_layers(project, viewer, a.article).shows(&name));
    }
    // The review log names hidden annotations and what was decided about them.
    seen.decisions.retain(|d| {
        d.article
            .is_none_or(|a| visible_layers(project, viewer, a) == LayerView::All)
    });
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, AnnotationId, AnnotationKind, Article, Span};

    fn project() -> Project {
        let mut p = Project::new("blind");
        for id in [1, 2] {
            p.articles.push(Article::new(
                ArticleId(id),
                "t",
                "The crowd was large.".to_owned(),
            ));
        }
        let ann = |id, article| Annotation {
            id: AnnotationId(id),
            article: ArticleId(article),
            span: Span::from_text("The crowd was large.", 4, 9).unwrap(),
            kind: AnnotationKind::Tag {
                label: "Group".into(),
            },
            note: String::new(),
            status: Default::default(),
            provenance: Default::default(),
            created: chrono::DateTime::from_timestamp(0, 0).unwrap(),
            modified: chrono::DateTime::from_timestamp(0, 0).unwrap(),
        };
        p.layer_mut("alice").insert(ann(1, 1));
        p.layer_mut("bob").insert(ann(2, 1));
        p.layer_mut("bob").insert(ann(3, 2));
        p
    }

    #[test]
    fn off_shows_everything() {
        let p = project();
        assert_eq!(visible_layers(&p, "alice", ArticleId(1)), LayerView::All);
        assert_eq!(as_seen_by(&p, "alice"), p);
    }

    #[test]
    fn on_hides_colleagues_until_done() {
        let mut p = project();
        p.assignments = p.assignments.with_blind(true);
        let view = visible_layers(&p, "alice", ArticleId(1));
        assert!(view.shows("alice") && !view.shows("bob") && !view.shows("adjudicated"));
        let seen = as_seen_by(&p, "alice");
        assert_eq!(seen.layer("alice").unwrap().annotations.len(), 1);
        assert!(seen.layer("bob").unwrap().annotations.is_empty());
        assert!(seen.problems().is_empty());

        // Alice marks article 1 done: bob's layer there appears, not on article 2.
        p.assignments = p.assignments.with_done(&[ArticleId(1)], "alice", true);
        assert_eq!(visible_layers(&p, "alice", ArticleId(1)), LayerView::All);
        assert!(!visible_layers(&p, "alice", ArticleId(2)).shows("bob"));
        let seen = as_seen_by(&p, "alice");
        let bob: Vec<_> = seen
            .layer("bob")
            .unwrap()
            .annotations
            .iter()
            .map(|a| a.id.0)
            .collect();
        assert_eq!(bob, [2]);
        // Bob has not marked anything: he still sees only his own.
        assert!(!visible_layers(&p, "bob", ArticleId(1)).shows("alice"));
        // Nobody named: nobody's layer.
        assert!(!visible_layers(&p, "", ArticleId(1)).shows("alice"));
    }
}
