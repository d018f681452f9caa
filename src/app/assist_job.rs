//! Suggestions computed on a worker thread with progress and cancellation, so a big
//! project never freezes the window; the worker has its own copy of the project.

use crate::assist::{self, AssistError, Options, Suggestions};
use crate::model::Project;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

pub struct AssistJob {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<Result<Suggestions, AssistError>>,
    /// The project revision it works on.
    pub revision: u64,
}

/// How far the suggesters are: articles read of all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssistProgress {
    pub done: usize,
    pub total: usize,
}

impl AssistJob {
    pub fn start(project: Arc<Project>, options: Options, revision: u64) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(project.articles.len()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, t, c) = (done.clone(), total.clone(), cancel.clone());
        let handle = std::thread::spawn(move || {
            assist::suggest(
                &project,
                &options,
                &mut |p| {
                    d.store(p.done, Ordering::Relaxed);
                    t.store(p.total, Ordering::Relaxed);
                },
                &c,
            )
        });
        Self {
            done,
            total,
            cancel,
            handle,
            revision,
        }
    }

    pub fn progress(&self) -> AssistProgress {
        AssistProgress {
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    pub fn finish(self) -> Result<Suggestions, String> {
        match self.handle.join() {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(_) => Err("the suggesters stopped unexpectedly".into()),
        }
    }
}
