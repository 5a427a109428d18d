//! The ids of one budget that a scenario's references may name.

use crate::load::refs::{Declared, Known};
use crate::model::Budget;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The ids of one budget that references may name: built once per budget
/// and shared by every scenario resolved on it (a national model has
/// 100,000 services and many scenarios). The large sets (services, their
/// categories, contribution pairs) are built at their first use: a
/// scenario that names no service — a rate edit in the TUI — never pays
/// for hashing 100,000 ids.
pub struct Index<'b> {
    b: &'b Budget,
    d: &'b Declared,
    pub(super) horizon_known: bool,
    pub(super) pools: Known<'b>,
    pub(super) partners: Known<'b>,
    pub(super) providers: Known<'b>,
    services: OnceLock<Known<'b>>,
    pairs: OnceLock<HashSet<(&'b str, &'b str)>>,
    pub(super) declared_pairs: Option<&'b HashSet<(String, String)>>,
    categories: OnceLock<HashSet<&'b str>>,
}

impl<'b> Index<'b> {
    pub fn new(b: &'b Budget, d: &'b Declared) -> Self {
        Index {
            b,
            d,
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
            services: OnceLock::new(),
            pairs: OnceLock::new(),
            declared_pairs: d.pairs.as_ref(),
            categories: OnceLock::new(),
        }
    }

    /// The budget's service ids.
    pub(super) fn services(&self) -> &Known<'b> {
        self.services.get_or_init(|| {
            let ids = self.b.services.iter().map(|p| p.id.as_str());
            Known::new(ids, self.d.services.as_ref())
        })
    }

    /// The (pool, partner) pairs that contributions.csv has.
    pub(super) fn pairs(&self) -> &HashSet<(&'b str, &'b str)> {
        self.pairs.get_or_init(|| {
            let c = &self.b.contributions;
            c.iter()
                .map(|c| (c.pool.as_str(), c.partner.as_str()))
                .collect()
        })
    }

    /// The budget's service categories (`[demand]` keys may name them).
    pub(super) fn categories(&self) -> &HashSet<&'b str> {
        let s = &self.b.services;
        (self.categories).get_or_init(|| s.iter().map(|s| s.category.as_str()).collect())
    }
}

/// Per-budget indexes (each builds its large sets on first use).
pub type Indexes<'b> = HashMap<&'b str, Index<'b>>;

/// An index for every budget that has its declared ids.
pub fn indexes<'b>(
    budgets: &'b HashMap<String, Budget>,
    declared: &'b HashMap<String, Declared>,
) -> Indexes<'b> {
    (budgets.iter())
        .filter_map(|(id, b)| Some((id.as_str(), Index::new(b, declared.get(id)?))))
        .collect()
}
