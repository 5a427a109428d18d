//! The ids of one budget that a scenario's references may name.

use crate::load::refs::{Declared, Known};
use crate::model::Budget;
use std::collections::{HashMap, HashSet};

/// The ids of one budget that references may name: built once per budget
/// and shared by every scenario resolved on it (a national model has
/// 100,000 services and many scenarios).
pub struct Index<'b> {
    pub(super) horizon_known: bool,
    pub(super) pools: Known<'b>,
    pub(super) partners: Known<'b>,
    pub(super) providers: Known<'b>,
    pub(super) services: Known<'b>,
    pub(super) pairs: HashSet<(&'b str, &'b str)>,
    pub(super) declared_pairs: Option<&'b HashSet<(String, String)>>,
    /// The budget's service categories (`[demand]` keys may name them).
    pub(super) categories: HashSet<&'b str>,
}

impl<'b> Index<'b> {
    pub fn new(b: &'b Budget, d: &'b Declared) -> Self {
        Index {
            horizon_known: d.horizon_known,
            pools: Known::new(b.pools.iter().map(|p| p.id.as_str()), d.pools.as_ref()),
            partners: Known::new(
                b.partners.iter().map(|p| p.id.as_str()),
                d.partners.as_ref(),
            ),
            providers: Known::new(
                b.providers.iter().map(|p| p.id.as_str()),
                d.providers.as_ref(),
            ),
            services: Known::new(
                b.services.iter().map(|p| p.id.as_str()),
                d.services.as_ref(),
            ),
            pairs: b
                .contributions
                .iter()
                .map(|c| (c.pool.as_str(), c.partner.as_str()))
                .collect(),
            declared_pairs: d.pairs.as_ref(),
            categories: b.services.iter().map(|s| s.category.as_str()).collect(),
        }
    }
}

/// Per-budget indexes, built on first use.
pub type Indexes<'b> = HashMap<&'b str, Index<'b>>;
