//! The working scenario of a bridge, moved one driver at a time from A
//! towards B, and its pool accounts after each move.
//!
//! Re-projection is incremental (issue 17 item 16): the service and
//! contribution lines are kept, and a lever move re-projects only the lines
//! it can change (a service lever: its service, what it and its service's
//! other levers reduce, on a budget holding those services and the services
//! that reduce them; a contribution lever: the contribution lines; a saving:
//! nothing) before the pools are settled again from every line, with the
//! engine's own functions (`engine::partial`). A rate, demand or
//! contribution-growth move re-projects every line. Where A or B commissions
//! a service every step re-projects the whole scenario (a commissioned
//! service's line depends on where its lever sits in the list).

use super::book::{Book, Touch};
use super::measure::Measure;
use super::notes::State;
use crate::analysis::drivers::Move;
use crate::engine::arith::R;
use crate::engine::EngineError;
use crate::engine::{partial, ContributionLine, ExposureLine, PoolLine, ServiceLine};
use crate::model::{Budget, LeverKind, Scenario, Schedule};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

/// What a bridge reads of one projection: the pool accounts and exposure.
pub struct Snapshot {
    pub pools: Vec<PoolLine>,
    pub exposure: Vec<ExposureLine>,
}

impl Snapshot {
    pub fn value(&self, m: &Measure) -> R<Decimal> {
        m.value(&self.pools, &self.exposure)
    }
    pub fn view(&self) -> State<'_> {
        (&self.pools, &self.exposure)
    }
}

/// What must be re-projected before the next snapshot.
#[derive(Default)]
struct Dirty {
    all: bool,
    contributions: bool,
    services: BTreeSet<String>,
}

/// A's scenario being moved towards B.
pub struct Work<'a> {
    budget: &'a Budget,
    /// The working scenario without its levers (those are in `book`).
    shell: Scenario,
    book: Book,
    /// Keys given to B's levers as they are added.
    next_key: usize,
    /// False when A or B commissions a service: every step is a whole projection.
    incremental: bool,
    /// The budget without services or schedules, filled per step.
    mini: Budget,
    schedules: HashMap<String, Vec<Schedule>>,
    contributions: Vec<ContributionLine>,
    services: Vec<ServiceLine>,
    position: HashMap<String, usize>,
    dirty: Dirty,
}

impl<'a> Work<'a> {
    pub fn new(budget: &'a Budget, a: &Scenario, b: &Scenario) -> Self {
        let mut shell = a.clone();
        let mut book = Book::default();
        for (i, l) in std::mem::take(&mut shell.levers).into_iter().enumerate() {
            book.insert(i, l);
        }
        let commissions = a.levers.iter().chain(&b.levers);
        let incremental = !commissions
            .into_iter()
            .any(|l| matches!(l.kind, LeverKind::Commission { .. }));
        let mut schedules: HashMap<String, Vec<Schedule>> = HashMap::new();
        for s in &budget.schedules {
            schedules
                .entry(s.service.clone())
                .or_default()
                .push(s.clone());
        }
        let mut mini = budget.clone();
        mini.services.clear();
        mini.schedules.clear();
        mini.monitoring = Default::default();
        let position = budget
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Work {
            budget,
            shell,
            book,
            next_key: a.levers.len(),
            incremental,
            mini,
            schedules,
            contributions: vec![],
            services: vec![],
            position,
            dirty: Dirty {
                all: true,
                ..Dirty::default()
            },
        }
    }

    /// Project a whole scenario (A and B themselves).
    pub fn full(&self, s: &Scenario) -> Result<Snapshot, EngineError> {
        let p = crate::engine::project(self.budget, s)?;
        Ok(Snapshot {
            pools: p.pools,
            exposure: p.exposure,
        })
    }

    fn touch(&mut self, t: Touch) {
        match t {
            Touch::Services(v) => self.dirty.services.extend(v),
            Touch::Contributions => self.dirty.contributions = true,
            Touch::Pools => {}
            Touch::All => self.dirty.all = true,
        }
    }

    /// Make one move.
    pub fn apply(&mut self, mv: &Move) {
        match mv {
            Move::Add(_, l) => {
                let t = self.book.touch(l);
                self.book.insert(self.next_key, l.clone());
                self.next_key += 1;
                self.touch(t);
            }
            Move::Remove(i) => {
                if let Some(l) = self.book.remove(*i) {
                    let t = self.book.touch(&l);
                    self.touch(t);
                }
            }
            Move::Growth(..) => {
                mv.apply(&mut self.shell, &mut vec![]);
                self.dirty.contributions = true;
            }
            _ => {
                mv.apply(&mut self.shell, &mut vec![]);
                self.dirty.all = true;
            }
        }
    }

    /// Put back A's lever `key` (taken out by `Move::Remove(key)`) in its place.
    pub fn restore(&mut self, key: usize, l: &crate::model::Lever) {
        let t = self.book.touch(l);
        self.book.insert(key, l.clone());
        self.touch(t);
    }

    fn with_levers(&self, levers: Vec<crate::model::Lever>) -> Scenario {
        Scenario {
            levers,
            ..self.shell.clone()
        }
    }

    /// Re-project what the moves since the last snapshot changed.
    fn refresh(&mut self) -> R<()> {
        let b = self.budget;
        if self.dirty.all || !self.incremental {
            let s = self.with_levers(self.book.all());
            self.contributions = partial::contributions(b, &s)?;
            self.services = partial::services(b, &s)?;
            return Ok(());
        }
        if self.dirty.contributions {
            let s = self.with_levers(self.book.contribution_levers());
            self.contributions = partial::contributions(b, &s)?;
        }
        if !self.dirty.services.is_empty() {
            let need = self.book.closure(&self.dirty.services);
            self.mini.services = b
                .services
                .iter()
                .filter(|s| need.contains(&s.id))
                .cloned()
                .collect();
            self.mini.schedules = need
                .iter()
                .flat_map(|id| self.schedules.get(id).into_iter().flatten().cloned())
                .collect();
            let s = self.with_levers(self.book.on(&need));
            for line in partial::services(&self.mini, &s)? {
                if !self.dirty.services.contains(&line.id) {
                    continue;
                }
                if let Some(&i) = self.position.get(&line.id) {
                    self.services[i] = line;
                }
            }
        }
        Ok(())
    }

    /// The pool accounts of the working scenario.
    pub fn project(&mut self) -> Result<Snapshot, EngineError> {
        self.refresh()?;
        self.dirty = Dirty::default();
        let s = self.with_levers(self.book.saving_levers());
        let (pools, exposure) =
            partial::pools(self.budget, &s, &self.contributions, &self.services)?;
        Ok(Snapshot { pools, exposure })
    }

    /// The working scenario as a whole (for tests).
    #[cfg(test)]
    pub fn scenario(&self) -> Scenario {
        self.with_levers(self.book.all())
    }
}
