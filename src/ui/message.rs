//! What views ask for. Views never change the project themselves: they push messages, and
//! `App::handle` applies them in one place (undo, dirty flag, autosave all follow).

use super::action::Action;
use super::reader::ReaderEvent;
use crate::app::Edit;
use crate::model::{AnnotationId, ArticleId};
use std::path::PathBuf;

#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Edit {
        edit: Box<Edit>,
        label: String,
        coalesce: bool,
    },
    SelectArticle(ArticleId),
    /// Select an annotation (and scroll the reader to it).
    SelectAnnotation(AnnotationId),
    Reader(ReaderEvent),
    OpenPath(PathBuf),
    /// Copy another annotator's annotation into your own layer.
    CopyToMine(AnnotationId),
}

/// Collects messages during a frame.
#[derive(Debug, Default)]
pub struct Outbox(pub Vec<Msg>);

impl Outbox {
    pub fn send(&mut self, msg: Msg) {
        self.0.push(msg);
    }

    pub fn action(&mut self, action: Action) {
        self.0.push(Msg::Action(action));
    }

    pub fn edit(&mut self, edit: Edit, label: impl Into<String>, coalesce: bool) {
        self.0.push(Msg::Edit {
            edit: Box::new(edit),
            label: label.into(),
            coalesce,
        });
    }
}
