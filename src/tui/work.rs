//! Projecting an edit on a worker thread, so the screen stays live on a
//! large model. An edit is parsed at once (a typing error is reported at
//! once); resolving and projecting run on a thread, and the result comes
//! back to the event loop as `Action::Computed`. Each job carries the session
//! generation it started from: a result for a session that has changed
//! since (a reload) is dropped, never shown. While a job runs the event
//! loop keeps drawing and navigating, holds back every other edit until
//! the result is in (so an edit always builds on the last one), and the
//! status line says the figures shown are from before the edit.
//!
//! Off (`threaded` false, the default) the edit is projected in place:
//! what the `TestBackend` tests use, so they stay deterministic.

use crate::session::{Change, Session};
use std::sync::mpsc::{channel, Receiver, TryRecvError};

/// The edit in progress, if any.
#[derive(Debug, Default)]
pub struct Work {
    /// Project edits on a worker thread (the terminal UI turns this on).
    pub threaded: bool,
    pending: Option<(Edit, Receiver<Result<Change, String>>)>,
}

/// What an edit was: scenario, texts before and after, and its label.
#[derive(Debug, Clone)]
pub struct Edit {
    pub generation: u64,
    pub id: String,
    pub before: String,
    pub after: String,
    pub label: String,
}

/// A finished job: the edit and its checked change (or the error).
#[derive(Debug)]
pub struct Done {
    pub edit: Edit,
    pub result: Result<Change, String>,
}

impl Work {
    /// Is a projection running?
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// The status line while it runs.
    pub fn status(&self) -> Option<String> {
        self.pending.as_ref().map(|(e, _)| {
            format!(
                "{}: computing… (figures shown are from before this edit)",
                e.label
            )
        })
    }

    /// Start projecting `edit` (parse now: its errors are returned at once).
    pub fn start(&mut self, session: &Session, edit: Edit) -> Result<(), String> {
        let job = session.prepare(&edit.id, &edit.after)?;
        let shared = session.shared();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // The receiver may be gone (the app quit): nothing to do then.
            let _ = tx.send(job.run(&shared.budgets, &shared.declared));
        });
        self.pending = Some((edit, rx));
        Ok(())
    }

    /// The finished job, if it is; with `wait`, wait for it.
    pub fn take_done(&mut self, wait: bool) -> Option<Done> {
        let (_, rx) = self.pending.as_ref()?;
        let result = if wait {
            rx.recv().map_err(|_| TryRecvError::Disconnected)
        } else {
            rx.try_recv()
        };
        let result = match result {
            Ok(r) => r,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the projection stopped unexpectedly".into()),
        };
        let (edit, _) = self.pending.take()?;
        Some(Done { edit, result })
    }
}
