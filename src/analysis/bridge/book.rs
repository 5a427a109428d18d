//! The working lever list of a bridge, kept so a move costs O(log n): levers
//! by their place in the working order (A's lever i at i, B's added levers
//! after all of A's, in the order added), and indexes of which levers touch
//! each service, which reduce each service (invest-to-save), and which are
//! contribution or saving levers.

use crate::model::{Lever, LeverKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What one lever touches.
pub enum Touch {
    /// Service levers: these services' lines.
    Services(Vec<String>),
    /// Contribution levers: the contribution lines.
    Contributions,
    /// Saving levers: only the pool accounts.
    Pools,
    /// Commissioning a service: everything.
    All,
}

#[derive(Default)]
pub struct Book {
    pub levers: BTreeMap<usize, Lever>,
    by_service: HashMap<String, BTreeSet<usize>>,
    /// Target service → keys of levers (on other services) that reduce it.
    reducing: HashMap<String, BTreeSet<usize>>,
    contributions: BTreeSet<usize>,
    savings: BTreeSet<usize>,
}

fn reduces(l: &Lever) -> Option<&str> {
    match &l.kind {
        LeverKind::Volume {
            reduces: Some(r), ..
        } => Some(r.service.as_str()),
        _ => None,
    }
}

impl Book {
    /// What `l` touches, with every service whose line it can change: its
    /// own, what it reduces, and what the other levers on its service reduce
    /// (their "added" volume depends on the levers before them).
    pub fn touch(&self, l: &Lever) -> Touch {
        match &l.kind {
            LeverKind::Contribution { .. } => Touch::Contributions,
            LeverKind::Saving { .. } => Touch::Pools,
            LeverKind::Commission { .. } => Touch::All,
            k => {
                let Some(svc) = k.service() else {
                    return Touch::All;
                };
                let mut out = vec![svc.to_string()];
                out.extend(reduces(l).map(String::from));
                for key in self.by_service.get(svc).into_iter().flatten() {
                    out.extend(self.levers.get(key).and_then(reduces).map(String::from));
                }
                Touch::Services(out)
            }
        }
    }

    pub fn insert(&mut self, key: usize, l: Lever) {
        match &l.kind {
            LeverKind::Contribution { .. } => {
                self.contributions.insert(key);
            }
            LeverKind::Saving { .. } => {
                self.savings.insert(key);
            }
            k => {
                if let Some(s) = k.service() {
                    self.by_service
                        .entry(s.to_string())
                        .or_default()
                        .insert(key);
                }
                if let Some(t) = reduces(&l) {
                    self.reducing.entry(t.to_string()).or_default().insert(key);
                }
            }
        }
        self.levers.insert(key, l);
    }

    pub fn remove(&mut self, key: usize) -> Option<Lever> {
        let l = self.levers.remove(&key)?;
        self.contributions.remove(&key);
        self.savings.remove(&key);
        if let Some(s) = l.kind.service() {
            if let Some(v) = self.by_service.get_mut(s) {
                v.remove(&key);
            }
        }
        if let Some(t) = reduces(&l) {
            if let Some(v) = self.reducing.get_mut(t) {
                v.remove(&key);
            }
        }
        Some(l)
    }

    /// Every lever in working order.
    pub fn all(&self) -> Vec<Lever> {
        self.levers.values().cloned().collect()
    }

    fn pick(&self, keys: &BTreeSet<usize>) -> Vec<Lever> {
        keys.iter()
            .filter_map(|k| self.levers.get(k).cloned())
            .collect()
    }

    pub fn contribution_levers(&self) -> Vec<Lever> {
        self.pick(&self.contributions)
    }

    pub fn saving_levers(&self) -> Vec<Lever> {
        self.pick(&self.savings)
    }

    /// The services whose lines are needed to re-project `targets`: the
    /// targets and every service with a lever that reduces one of them.
    pub fn closure(&self, targets: &BTreeSet<String>) -> BTreeSet<String> {
        let mut out = targets.clone();
        for t in targets {
            for key in self.reducing.get(t).into_iter().flatten() {
                if let Some(s) = self.levers.get(key).and_then(|l| l.kind.service()) {
                    out.insert(s.to_string());
                }
            }
        }
        out
    }

    /// The levers on `services`, in working order.
    pub fn on(&self, services: &BTreeSet<String>) -> Vec<Lever> {
        let mut keys = BTreeSet::new();
        for s in services {
            keys.extend(self.by_service.get(s).into_iter().flatten().copied());
        }
        self.pick(&keys)
    }
}
