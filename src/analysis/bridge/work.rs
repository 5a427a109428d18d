//! The working scenario of a bridge, moved one driver at a time from A
//! towards B, and its projection after each move.

use super::measure::Measure;
use super::notes::State;
use crate::analysis::drivers::{Move, Tag};
use crate::engine::arith::R;
use crate::engine::{project, EngineError, ExposureLine, PoolLine};
use crate::model::{Budget, Scenario};
use rust_decimal::Decimal;

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

/// A's scenario being moved towards B.
pub struct Work<'a> {
    budget: &'a Budget,
    scenario: Scenario,
    tags: Vec<Tag>,
}

impl<'a> Work<'a> {
    pub fn new(budget: &'a Budget, a: &Scenario, _b: &Scenario) -> Self {
        Work {
            budget,
            scenario: a.clone(),
            tags: (0..a.levers.len()).map(Tag::A).collect(),
        }
    }

    /// Project a whole scenario.
    pub fn full(&self, s: &Scenario) -> Result<Snapshot, EngineError> {
        let p = project(self.budget, s)?;
        Ok(Snapshot {
            pools: p.pools,
            exposure: p.exposure,
        })
    }

    /// Make one move.
    pub fn apply(&mut self, mv: &Move) {
        mv.apply(&mut self.scenario, &mut self.tags);
    }

    /// Project the working scenario.
    pub fn project(&mut self) -> Result<Snapshot, EngineError> {
        self.full(&self.scenario)
    }
}
