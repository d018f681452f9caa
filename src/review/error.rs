//! What can go wrong in review: a named layer that does not exist, an action that does
//! not fit the item.

use crate::model::AnnotationId;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("there is no layer named {0:?}")]
    NoLayer(String),
    #[error("need two different layers to compare, got {0:?} twice")]
    SameLayer(String),
    #[error("this item has no annotation in {side} layer to accept")]
    MissingSide { side: &'static str },
    #[error("“accept both” needs two different annotations; this item is an agreement")]
    NotTwoThings,
    #[error("the edited annotation is on another article than the item")]
    WrongArticle,
    #[error("item was already decided (decision on annotation {0})")]
    AlreadyDecided(AnnotationId),
    #[error("this item is not decided yet: there is nothing to reopen")]
    NotDecided,
    #[error(
        "take the claim into the adjudicated layer first (decide its own item, or accept all agreements)"
    )]
    ClaimNotAdjudicated,
    #[error(
        "a claim's group and a group's verdict come from one side: take A, take B or reject (edit groups on the claims board)"
    )]
    OneSideOnly,
    #[error(transparent)]
    Group(#[from] crate::model::group_edit::GroupError),
}
