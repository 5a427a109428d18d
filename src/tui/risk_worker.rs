//! The Risk view's figures (SPEC §14): `analysis::risk` run on a worker
//! thread whenever the view is open and the session generation (an edit of
//! ranges, rates or the model) or the scenario has changed — never in
//! `draw`. While it runs the view shows "computing n/N"; a newer request
//! cancels the older run between chunks. Tests use the synchronous path.

use crate::analysis::risk::{risk, Options, Risk, RiskError};
use crate::session::Session;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;

/// Where the Risk view's figures stand.
#[derive(Debug, Default)]
pub enum RiskState {
    #[default]
    Idle,
    /// Draws running on the worker: `total` of them.
    Computing {
        total: usize,
    },
    Ready(Result<Box<Risk>, String>),
}

/// The Risk view's state.
#[derive(Debug, Default)]
pub struct RiskView {
    /// (session generation, scenario id) the figures are for.
    key: Option<(u64, String)>,
    pub state: RiskState,
    /// Draws done by the running worker.
    pub done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    rx: Option<Receiver<Result<Box<Risk>, String>>>,
    /// Run on the calling thread (tests).
    pub sync: bool,
}

impl RiskView {
    /// (draws done, total) while computing.
    pub fn progress(&self) -> Option<(usize, usize)> {
        match self.state {
            RiskState::Computing { total } => Some((self.done.load(Ordering::Relaxed), total)),
            _ => None,
        }
    }

    fn start(&mut self, app_session: &Session, id: &str) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.done = Arc::new(AtomicUsize::new(0));
        self.rx = None;
        let (Some(b), Some(s)) = (app_session.budget_of(id), app_session.scenario(id)) else {
            self.state = RiskState::Ready(Err(format!("scenario {id} has no figures")));
            return;
        };
        let budgets = HashMap::from([(b.id.clone(), b.clone())]);
        let s = s.clone();
        let o = Options::default();
        let (done, cancel) = (self.done.clone(), self.cancel.clone());
        let job = move || {
            let progress = |n: usize| {
                done.store(n, Ordering::Relaxed);
                !cancel.load(Ordering::Relaxed)
            };
            risk(&budgets, &s, &o, &progress)
                .map(Box::new)
                .map_err(|e| match e {
                    RiskError::Cancelled => String::new(),
                    e => e.to_string(),
                })
        };
        if self.sync {
            self.state = RiskState::Ready(job());
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(job());
        });
        self.rx = Some(rx);
        self.state = RiskState::Computing { total: o.draws };
    }

    fn poll(&mut self) {
        let Some(rx) = &self.rx else { return };
        match rx.try_recv() {
            Ok(r) => {
                self.state = RiskState::Ready(r);
                self.rx = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.state = RiskState::Ready(Err("the risk worker stopped".into()));
                self.rx = None;
            }
        }
    }
}

/// After every update: while the Risk view is `open`, start a run for
/// what changed (session generation or scenario `id`) and collect a
/// finished one.
pub fn refresh(view: &mut RiskView, open: bool, session: &Session, id: Option<&str>) {
    let (true, Some(id)) = (open, id) else { return };
    let key = (session.generation, id.to_string());
    if view.key.as_ref() != Some(&key) {
        view.key = Some(key);
        view.start(session, id);
    }
    view.poll();
}
