//! Articles from a link, in the window: the page is fetched and extracted on a worker
//! thread (the window stays responsive, with a Cancel), then imported like any file — one
//! undoable step, duplicates skipped with a warning.

use super::Workbench;
use crate::app::job::Job;
use crate::import::{self, Batch, ImportError};
use std::path::PathBuf;

/// A link being fetched.
pub(super) struct LinkImport {
    url: String,
    job: Job<Result<Batch, ImportError>>,
}

impl Workbench {
    pub(super) fn import_link(&mut self, url: String) {
        let url = url.trim().to_owned();
        if !import::web::is_link(&url) {
            return self.error(
                "Not a link",
                format!("“{url}” does not start with http:// or https://"),
            );
        }
        if self.link.is_some() {
            self.status = "Still fetching the last link (Cancel it first)".into();
            return;
        }
        let input = PathBuf::from(&url);
        let job = Job::start(move |t| {
            t.report(0, 1);
            import::read_inputs(&[input], &import::ReadOptions::default())
        });
        self.status = format!("Fetching {url}…");
        self.link = Some(LinkImport { url, job });
    }

    pub(super) fn cancel_link(&mut self) {
        if let Some(link) = self.link.take() {
            // The worker ends at its own timeout; its result is not waited for.
            link.job.cancel();
            self.status = format!("Stopped fetching {}", link.url);
        }
    }

    /// Once a frame: import what a finished fetch brought.
    pub(super) fn tick_link(&mut self) {
        if !self.link.as_ref().is_some_and(|l| l.job.is_finished()) {
            return;
        }
        let Some(link) = self.link.take() else { return };
        match link.job.finish() {
            Some(Ok(batch)) => self.import_batch(batch),
            Some(Err(e)) => self.error("Could not import the link; nothing was added", e),
            None => self.error(
                "Could not import the link",
                "the fetch stopped unexpectedly",
            ),
        }
    }

    /// The link being fetched, if any.
    pub fn link_fetching(&self) -> Option<&str> {
        self.link.as_ref().map(|l| l.url.as_str())
    }
}
