//! Work on a worker thread with progress and cancellation (exports, suggestions over a big
//! project), so the window never freezes; the worker gets its own copy of what it needs.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

/// How far a job is: items done of all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobProgress {
    pub done: usize,
    pub total: usize,
}

/// What the worker sees: where to report progress, whether to stop.
#[derive(Clone, Default)]
pub struct Tracker {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
}

impl Tracker {
    pub fn report(&self, done: usize, total: usize) {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The flag itself, for APIs that poll one.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }
}

pub struct Job<T> {
    tracker: Tracker,
    handle: JoinHandle<T>,
}

impl<T: Send + 'static> Job<T> {
    pub fn start(work: impl FnOnce(&Tracker) -> T + Send + 'static) -> Self {
        let tracker = Tracker::default();
        let worker = tracker.clone();
        let handle = std::thread::spawn(move || work(&worker));
        Self { tracker, handle }
    }

    pub fn progress(&self) -> JobProgress {
        JobProgress {
            done: self.tracker.done.load(Ordering::Relaxed),
            total: self.tracker.total.load(Ordering::Relaxed),
        }
    }

    pub fn cancel(&self) {
        self.tracker.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// The result (at once when `is_finished`); `None` if the worker died.
    pub fn finish(self) -> Option<T> {
        self.handle.join().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_progress_and_stops_when_cancelled() {
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let job = Job::start(move |t: &Tracker| {
            t.report(1, 3);
            wait.recv().ok();
            let mut n = 1;
            while !t.cancelled() && n < 1_000_000 {
                n += 1;
                std::thread::yield_now();
            }
            n
        });
        while job.progress().done == 0 {
            std::thread::yield_now();
        }
        assert_eq!(job.progress(), JobProgress { done: 1, total: 3 });
        job.cancel();
        go.send(()).unwrap();
        let n = job.finish().unwrap();
        assert!(n < 1_000_000, "stopped early");
    }
}
