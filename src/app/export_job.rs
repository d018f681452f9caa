//! An export running on a worker thread with progress and cancellation, so editing goes
//! on meanwhile (the worker has its own copy of the project).

use crate::export::{self, ExportOptions, ExportReport};
use crate::model::Project;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

pub struct ExportJob {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<Result<ExportReport, export::ExportError>>,
}

/// How far an export is: articles written of all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
}

impl ExportJob {
    pub fn start(project: Arc<Project>, options: ExportOptions) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, t, c) = (done.clone(), total.clone(), cancel.clone());
        let handle = std::thread::spawn(move || {
            export::run(&project, &options, &mut |n, of| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
                !c.load(Ordering::Relaxed)
            })
        });
        Self {
            done,
            total,
            cancel,
            handle,
        }
    }

    pub fn progress(&self) -> ExportProgress {
        ExportProgress {
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

    /// Wait for the result (immediate once `is_finished`).
    pub fn finish(self) -> Result<ExportReport, String> {
        match self.handle.join() {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(_) => Err("the export stopped unexpectedly".into()),
        }
    }
}
