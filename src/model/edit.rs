//! Undoable changes to a project. Applying an edit returns its inverse, which is what the
//! undo history stores; every change to a project, from the window or the CLI, goes
//! through here (see [`super::Plan`]).

use super::{
    Annotation, AnnotationId, Article, ArticleId, Assignments, ClaimGroup, ClaimGroupId, Decision,
    Entity, EntityId, FactCheck, LabelSchema, Layer, LayerRole, Project, SuggestionKey,
};
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddAnnotation {
        layer: String,
        annotation: Annotation,
    },
    RemoveAnnotation(AnnotationId),
    /// Many annotations into one layer at once (an import, a merge): linear where one
    /// `AddAnnotation` each would scan the project per annotation.
    AddAnnotations {
        layer: String,
        annotations: Vec<Annotation>,
    },
    /// Remove these annotations, wherever they are (the inverse of `AddAnnotations`).
    RemoveAnnotations(Vec<AnnotationId>),
    /// Replace the annotation with the same id (in whatever layer holds it).
    ReplaceAnnotation(Annotation),
    AddEntity(Entity),
    RemoveEntity(EntityId),
    AddEntities(Vec<Entity>),
    RemoveEntities(Vec<EntityId>),
    /// Replace the entity with the same id (name, aliases …).
    ReplaceEntity(Entity),
    SetDone {
        article: ArticleId,
        done: bool,
    },
    AddArticles(Vec<Article>),
    RemoveArticles(Vec<ArticleId>),
    /// Add a whole layer (a colleague's work brought in, the adjudicated layer …). Its
    /// name must not be taken.
    AddLayer(Layer),
    /// Remove the layer with this annotator name, with all its annotations; `unregister`
    /// also drops the name from the project's annotators (undoing the layer's creation).
    RemoveLayer {
        annotator: String,
        unregister: bool,
    },
    /// Change what a layer is (an annotator's, the adjudicated result).
    SetLayerRole {
        annotator: String,
        role: LayerRole,
    },
    /// Replace the verdict scale and tag list (another project's levels brought in).
    ReplaceSchema(LabelSchema),
    /// Remember that the user rejected a suggestion (it is not offered again).
    RejectSuggestion(SuggestionKey),
    /// Forget a rejection (the inverse of `RejectSuggestion`).
    UnrejectSuggestion(SuggestionKey),
    /// Append an entry to the review log.
    AddDecision(Decision),
    /// Remove the last review-log entry equal to this one (the inverse of `AddDecision`).
    RemoveDecision(Decision),
    /// Replace who annotates which articles, the done marks and blind mode (a value from
    /// `model::Assignments`' functions: `with_assigned`, `with_plan`, `with_done` …).
    SetAssignments(Assignments),
    /// Add published fact-checks to the library; their urls must be new.
    AddFactChecks(Vec<FactCheck>),
    /// Remove the library's checks with these urls (the inverse of `AddFactChecks`).
    RemoveFactChecks(Vec<String>),
    /// Add the claim group to the layer, or replace the one with its id (see
    /// `model::group_edit` for the operations that build these).
    PutClaimGroup {
        layer: String,
        group: ClaimGroup,
    },
    /// Remove the claim group with this id from the layer.
    RemoveClaimGroup {
        layer: String,
        id: ClaimGroupId,
    },
    /// Several edits as one undo step (applied in order, undone in reverse).
    Batch(Vec<Edit>),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("annotation {0} no longer exists")]
    NoAnnotation(AnnotationId),
    #[error("entity {0} no longer exists")]
    NoEntity(EntityId),
    #[error("article {0} no longer exists")]
    NoArticle(ArticleId),
    #[error("id {0} is already in use")]
    IdInUse(u64),
    #[error("a layer named “{0}” already exists")]
    LayerExists(String),
    #[error("there is no layer named “{0}”")]
    NoLayer(String),
    #[error("that review decision is not in the log")]
    NoDecision,
    #[error("the library already has a fact-check at {0}")]
    FactCheckExists(String),
    #[error("the library has no fact-check at {0}")]
    NoFactCheck(String),
    #[error("claim group {group} is not in layer “{layer}”")]
    NoClaimGroup { layer: String, group: ClaimGroupId },
}

impl Edit {
    /// Apply to `project`; on success return the edit that undoes it. On error the project
    /// is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::AddAnnotation { layer, annotation } => Edit::AddAnnotations {
                layer,
                annotations: vec![annotation],
            }
            .apply(project)
            .map(|inverse| match inverse {
                Edit::RemoveAnnotations(ids) if ids.len() == 1 => Edit::RemoveAnnotation(ids[0]),
                other => other,
            }),
            Edit::AddAnnotations { annotations, .. } if annotations.is_empty() => {
                Ok(Edit::Batch(Vec::new()))
            }
            Edit::AddAnnotations { layer, annotations } => {
                let mut used: HashSet<AnnotationId> =
                    project.annotations().map(|(_, a)| a.id).collect();
                if let Some(a) = annotations.iter().find(|a| !used.insert(a.id)) {
                    return Err(EditError::IdInUse(a.id.0));
                }
                let ids: Vec<AnnotationId> = annotations.iter().map(|a| a.id).collect();
                if let Some(target) = project.layers.iter_mut().find(|l| l.annotator == layer) {
                    if annotations.len() == 1 {
                        annotations.into_iter().for_each(|a| target.insert(a));
                    } else {
                        target.annotations.extend(annotations);
                        target.sort();
                    }
                    return Ok(Edit::RemoveAnnotations(ids));
                }
                // The first annotations of a layer create it; undo removes both.
                let role = if layer == super::ADJUDICATED {
                    LayerRole::Adjudicated
                } else {
                    LayerRole::Annotator
                };
                let mut new = Layer::new(layer, role);
                new.annotations = annotations;
                new.sort();
                Edit::AddLayer(new).apply(project)
            }
            Edit::RemoveAnnotations(ids) => {
                let wanted: HashSet<AnnotationId> = ids.iter().copied().collect();
                let found = project
                    .annotations()
                    .filter(|(_, a)| wanted.contains(&a.id))
                    .count();
                if found != wanted.len() || wanted.len() != ids.len() {
                    let missing = ids
                        .iter()
                        .find(|id| project.find_annotation(**id).is_none())
                        .copied()
                        .unwrap_or(ids[0]);
                    return Err(EditError::NoAnnotation(missing));
                }
                let mut inverse = Vec::new();
                for layer in &mut project.layers {
                    let (gone, kept): (Vec<Annotation>, Vec<Annotation>) =
                        std::mem::take(&mut layer.annotations)
                            .into_iter()
                            .partition(|a| wanted.contains(&a.id));
                    layer.annotations = kept;
                    if !gone.is_empty() {
                        inverse.push(Edit::AddAnnotations {
                            layer: layer.annotator.clone(),
                            annotations: gone,
                        });
                        // Removed members leave their groups; undo puts the groups back.
                        inverse.extend(super::group_edit::drop_members(layer, &wanted));
                    }
                }
                Ok(match inverse.len() {
                    1 => inverse.remove(0),
                    _ => Edit::Batch(inverse),
                })
            }
            Edit::RemoveAnnotation(id) => {
                for layer in &mut project.layers {
                    if let Some(i) = layer.annotations.iter().position(|a| a.id == id) {
                        let annotation = layer.annotations.remove(i);
                        let add = Edit::AddAnnotation {
                            layer: layer.annotator.clone(),
                            annotation,
                        };
                        let groups = super::group_edit::drop_members(layer, &HashSet::from([id]));
                        if groups.is_empty() {
                            return Ok(add);
                        }
                        return Ok(Edit::Batch(std::iter::once(add).chain(groups).collect()));
                    }
                }
                Err(EditError::NoAnnotation(id))
            }
            Edit::ReplaceAnnotation(new) => {
                for layer in &mut project.layers {
                    if let Some(i) = layer.annotations.iter().position(|a| a.id == new.id) {
                        let moved = layer.annotations[i].span != new.span
                            || layer.annotations[i].article != new.article;
                        let unclaimed = !matches!(new.kind, super::AnnotationKind::Claim(_));
                        let id = new.id;
                        let old = std::mem::replace(&mut layer.annotations[i], new);
                        if moved {
                            layer.sort();
                        }
                        // A claim turned into another kind leaves its group.
                        let groups = if unclaimed {
                            super::group_edit::drop_members(layer, &HashSet::from([id]))
                        } else {
                            Vec::new()
                        };
                        if !groups.is_empty() {
                            let undo = std::iter::once(Edit::ReplaceAnnotation(old));
                            return Ok(Edit::Batch(undo.chain(groups).collect()));
                        }
                        return Ok(Edit::ReplaceAnnotation(old));
                    }
                }
                Err(EditError::NoAnnotation(new.id))
            }
            Edit::AddEntity(entity) => {
                if project.entity(entity.id).is_some() {
                    return Err(EditError::IdInUse(entity.id.0));
                }
                let id = entity.id;
                project.entities.push(entity);
                Ok(Edit::RemoveEntity(id))
            }
            Edit::RemoveEntity(id) => {
                let i = project
                    .entities
                    .iter()
                    .position(|e| e.id == id)
                    .ok_or(EditError::NoEntity(id))?;
                Ok(Edit::AddEntity(project.entities.remove(i)))
            }
            Edit::AddEntities(entities) => {
                let mut used: HashSet<EntityId> = project.entities.iter().map(|e| e.id).collect();
                if let Some(e) = entities.iter().find(|e| !used.insert(e.id)) {
                    return Err(EditError::IdInUse(e.id.0));
                }
                let ids = entities.iter().map(|e| e.id).collect();
                project.entities.extend(entities);
                Ok(Edit::RemoveEntities(ids))
            }
            Edit::RemoveEntities(ids) => {
                let wanted: HashSet<EntityId> = ids.iter().copied().collect();
                if let Some(id) = ids.iter().find(|id| project.entity(**id).is_none()) {
                    return Err(EditError::NoEntity(*id));
                }
                let (removed, kept) = std::mem::take(&mut project.entities)
                    .into_iter()
                    .partition(|e| wanted.contains(&e.id));
                project.entities = kept;
                Ok(Edit::AddEntities(removed))
            }
            Edit::ReplaceEntity(new) => {
                let slot = project
                    .entities
                    .iter_mut()
                    .find(|e| e.id == new.id)
                    .ok_or(EditError::NoEntity(new.id))?;
                Ok(Edit::ReplaceEntity(std::mem::replace(slot, new)))
            }
            Edit::SetDone { article, done } => {
                let a = project
                    .articles
                    .iter_mut()
                    .find(|a| a.id == article)
                    .ok_or(EditError::NoArticle(article))?;
                let was = std::mem::replace(&mut a.done, done);
                Ok(Edit::SetDone { article, done: was })
            }
            Edit::AddArticles(articles) => {
                let mut used: HashSet<ArticleId> = project.articles.iter().map(|a| a.id).collect();
                if let Some(a) = articles.iter().find(|a| !used.insert(a.id)) {
                    return Err(EditError::IdInUse(a.id.0));
                }
                let ids = articles.iter().map(|a| a.id).collect();
                project.articles.extend(articles);
                Ok(Edit::RemoveArticles(ids))
            }
            Edit::RemoveArticles(ids) => {
                let present: HashSet<ArticleId> = project.articles.iter().map(|a| a.id).collect();
                if let Some(id) = ids.iter().find(|id| !present.contains(id)) {
                    return Err(EditError::NoArticle(*id));
                }
                let wanted: HashSet<ArticleId> = ids.into_iter().collect();
                let (removed, kept) = std::mem::take(&mut project.articles)
                    .into_iter()
                    .partition(|a| wanted.contains(&a.id));
                project.articles = kept;
                // Assignments of the removed articles go with them (and come back on undo).
                let assignments = project
                    .assignments
                    .retain_articles(|a| !wanted.contains(&a));
                if assignments != project.assignments {
                    let was = std::mem::replace(&mut project.assignments, assignments);
                    return Ok(Edit::Batch(vec![
                        Edit::AddArticles(removed),
                        Edit::SetAssignments(was),
                    ]));
                }
                Ok(Edit::AddArticles(removed))
            }
            Edit::SetAssignments(assignments) => Ok(Edit::SetAssignments(std::mem::replace(
                &mut project.assignments,
                assignments,
            ))),
            Edit::AddLayer(layer) => {
                if project.layer(&layer.annotator).is_some() {
                    return Err(EditError::LayerExists(layer.annotator));
                }
                if let Some(a) = layer
                    .annotations
                    .iter()
                    .find(|a| project.find_annotation(a.id).is_some())
                {
                    return Err(EditError::IdInUse(a.id.0));
                }
                let annotator = layer.annotator.clone();
                let unregister = !project.annotators.contains(&annotator);
                if unregister {
                    project.annotators.push(annotator.clone());
                }
                project.layers.push(layer);
                project.layers.sort_by(|a, b| a.annotator.cmp(&b.annotator));
                Ok(Edit::RemoveLayer {
                    annotator,
                    unregister,
                })
            }
            Edit::RemoveLayer {
                annotator,
                unregister,
            } => {
                let i = project
                    .layers
                    .iter()
                    .position(|l| l.annotator == annotator)
                    .ok_or_else(|| EditError::NoLayer(annotator.clone()))?;
                if unregister
                    && let Some(j) = project.annotators.iter().rposition(|a| *a == annotator)
                {
                    project.annotators.remove(j);
                }
                Ok(Edit::AddLayer(project.layers.remove(i)))
            }
            Edit::SetLayerRole { annotator, role } => {
                let layer = project
                    .layers
                    .iter_mut()
                    .find(|l| l.annotator == annotator)
                    .ok_or_else(|| EditError::NoLayer(annotator.clone()))?;
                let was = std::mem::replace(&mut layer.role, role);
                Ok(Edit::SetLayerRole {
                    annotator,
                    role: was,
                })
            }
            Edit::ReplaceSchema(schema) => Ok(Edit::ReplaceSchema(std::mem::replace(
                &mut project.schema,
                schema,
            ))),
            Edit::RejectSuggestion(key) => {
                if project.rejected_suggestions.contains(&key) {
                    return Ok(Edit::Batch(Vec::new()));
                }
                project.reject_suggestion(key.clone());
                Ok(Edit::UnrejectSuggestion(key))
            }
            Edit::UnrejectSuggestion(key) => {
                if !project.rejected_suggestions.contains(&key) {
                    return Ok(Edit::Batch(Vec::new()));
                }
                project.unreject_suggestion(&key);
                Ok(Edit::RejectSuggestion(key))
            }
            Edit::AddDecision(decision) => {
                project.decisions.push(decision.clone());
                Ok(Edit::RemoveDecision(decision))
            }
            Edit::RemoveDecision(decision) => {
                let i = project
                    .decisions
                    .iter()
                    .rposition(|d| *d == decision)
                    .ok_or(EditError::NoDecision)?;
                Ok(Edit::AddDecision(project.decisions.remove(i)))
            }
            Edit::AddFactChecks(checks) => {
                let mut used: HashSet<&str> =
                    project.fact_checks.iter().map(|c| c.url.as_str()).collect();
                if let Some(c) = checks.iter().find(|c| !used.insert(c.url.as_str())) {
                    return Err(EditError::FactCheckExists(c.url.clone()));
                }
                let urls = checks.iter().map(|c| c.url.clone()).collect();
                project.fact_checks.extend(checks);
                Ok(Edit::RemoveFactChecks(urls))
            }
            Edit::RemoveFactChecks(urls) => {
                let wanted: HashSet<&str> = urls.iter().map(String::as_str).collect();
                let present: HashSet<&str> =
                    project.fact_checks.iter().map(|c| c.url.as_str()).collect();
                if let Some(url) = urls.iter().find(|u| !present.contains(u.as_str())) {
                    return Err(EditError::NoFactCheck(url.clone()));
                }
                let (removed, kept) = std::mem::take(&mut project.fact_checks)
                    .into_iter()
                    .partition(|c| wanted.contains(c.url.as_str()));
                project.fact_checks = kept;
                Ok(Edit::AddFactChecks(removed))
            }
            Edit::PutClaimGroup { layer, group } => {
                let target = project
                    .layers
                    .iter_mut()
                    .find(|l| l.annotator == layer)
                    .ok_or_else(|| EditError::NoLayer(layer.clone()))?;
                Ok(super::group_edit::put_group(target, group))
            }
            Edit::RemoveClaimGroup { layer, id } => {
                let target = project
                    .layers
                    .iter_mut()
                    .find(|l| l.annotator == layer)
                    .ok_or_else(|| EditError::NoLayer(layer.clone()))?;
                let i = target.claim_groups.iter().position(|g| g.id == id).ok_or(
                    EditError::NoClaimGroup {
                        layer: layer.clone(),
                        group: id,
                    },
                )?;
                let group = target.claim_groups.remove(i);
                Ok(Edit::PutClaimGroup { layer, group })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(project) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            // Roll back what was applied, so the project is unchanged. Each
                            // inverse undoes an edit applied just now, so it cannot fail.
                            for inv in inverses.into_iter().rev() {
                                let undone = inv.apply(project);
                                debug_assert!(undone.is_ok(), "rollback failed: {undone:?}");
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// True for an edit that changes nothing (an empty batch or bulk edit).
    pub fn is_noop(&self) -> bool {
        match self {
            Edit::Batch(edits) => edits.iter().all(Edit::is_noop),
            Edit::AddAnnotations { annotations, .. } => annotations.is_empty(),
            Edit::RemoveAnnotations(ids) => ids.is_empty(),
            Edit::AddEntities(v) => v.is_empty(),
            Edit::RemoveEntities(v) => v.is_empty(),
            Edit::AddArticles(v) => v.is_empty(),
            Edit::RemoveArticles(v) => v.is_empty(),
            Edit::AddFactChecks(v) => v.is_empty(),
            Edit::RemoveFactChecks(v) => v.is_empty(),
            _ => false,
        }
    }

    /// Applying this to `project` would change nothing a user can see: it replaces an
    /// annotation with an equal one (its modification time aside). Undo history uses it so
    /// that typing a letter and deleting it again leaves no step behind.
    pub fn changes_nothing_in(&self, project: &Project) -> bool {
        match self {
            Edit::ReplaceAnnotation(a) => {
                project.find_annotation(a.id).is_some_and(|(_, current)| {
                    Annotation {
                        modified: a.modified,
                        ..current.clone()
                    } == *a
                })
            }
            Edit::Batch(edits) => {
                !edits.is_empty() && edits.iter().all(|e| e.changes_nothing_in(project))
            }
            _ => false,
        }
    }

    /// The annotation an edit is about, for coalescing consecutive field edits.
    pub fn annotation(&self) -> Option<AnnotationId> {
        match self {
            Edit::ReplaceAnnotation(a) => Some(a.id),
            Edit::AddAnnotation { annotation, .. } => Some(annotation.id),
            Edit::RemoveAnnotation(id) => Some(*id),
            // A plan of edits to one annotation (a field edit built as a plan).
            Edit::Batch(edits) => {
                let first = edits.first()?.annotation()?;
                edits
                    .iter()
                    .all(|e| e.annotation() == Some(first))
                    .then_some(first)
            }
            _ => None,
        }
    }
}
