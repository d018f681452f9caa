//! Undoable changes to a project. Applying an edit returns its inverse, which is what the
//! undo history stores; every change the GUI makes goes through here.

use crate::model::{Annotation, AnnotationId, Article, ArticleId, Entity, EntityId, Project};

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddAnnotation {
        layer: String,
        annotation: Annotation,
    },
    RemoveAnnotation(AnnotationId),
    /// Replace the annotation with the same id (in whatever layer holds it).
    ReplaceAnnotation(Annotation),
    AddEntity(Entity),
    RemoveEntity(EntityId),
    /// Replace the entity with the same id (name, aliases …).
    ReplaceEntity(Entity),
    SetDone {
        article: ArticleId,
        done: bool,
    },
    AddArticles(Vec<Article>),
    RemoveArticles(Vec<ArticleId>),
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
}

impl Edit {
    /// Apply to `project`; on success return the edit that undoes it. On error the project
    /// is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::AddAnnotation { layer, annotation } => {
                if project.find_annotation(annotation.id).is_some() {
                    return Err(EditError::IdInUse(annotation.id.0));
                }
                let id = annotation.id;
                project.layer_mut(&layer).insert(annotation);
                Ok(Edit::RemoveAnnotation(id))
            }
            Edit::RemoveAnnotation(id) => {
                for layer in &mut project.layers {
                    if let Some(i) = layer.annotations.iter().position(|a| a.id == id) {
                        let annotation = layer.annotations.remove(i);
                        return Ok(Edit::AddAnnotation {
                            layer: layer.annotator.clone(),
                            annotation,
                        });
                    }
                }
                Err(EditError::NoAnnotation(id))
            }
            Edit::ReplaceAnnotation(new) => {
                for layer in &mut project.layers {
                    if let Some(i) = layer.annotations.iter().position(|a| a.id == new.id) {
                        let moved = layer.annotations[i].span != new.span
                            || layer.annotations[i].article != new.article;
                        let old = std::mem::replace(&mut layer.annotations[i], new);
                        if moved {
                            layer.sort();
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
                if let Some(a) = articles.iter().find(|a| project.article(a.id).is_some()) {
                    return Err(EditError::IdInUse(a.id.0));
                }
                let ids = articles.iter().map(|a| a.id).collect();
                project.articles.extend(articles);
                Ok(Edit::RemoveArticles(ids))
            }
            Edit::RemoveArticles(ids) => {
                if let Some(id) = ids.iter().find(|id| project.article(**id).is_none()) {
                    return Err(EditError::NoArticle(*id));
                }
                let (removed, kept) = std::mem::take(&mut project.articles)
                    .into_iter()
                    .partition(|a| ids.contains(&a.id));
                project.articles = kept;
                Ok(Edit::AddArticles(removed))
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(project) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            // Roll back what was applied, so the project is unchanged.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(project);
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

    /// The annotation an edit is about, for coalescing consecutive field edits.
    pub fn annotation(&self) -> Option<AnnotationId> {
        match self {
            Edit::ReplaceAnnotation(a) => Some(a.id),
            Edit::AddAnnotation { annotation, .. } => Some(annotation.id),
            Edit::RemoveAnnotation(id) => Some(*id),
            _ => None,
        }
    }
}
