//! The provider comparison (SPEC §8 `providers`): for one year of one
//! scenario, every running service line of each category with its provider,
//! unit cost, volume, cost, outcomes and cost per outcome, ranked by unit
//! cost, against the category's volume-weighted median unit cost.
//!
//! Categories come in the order they first appear among the services (the
//! order of services.csv, then commissioned services); lines within a
//! category by rank, ties by service id. The provider is the one delivering
//! the service in that year (a recommission changes it).

use super::median::{diff_from_median, ranks, saving_at_median, weighted_median};
use super::AnalysisError;
use crate::engine::arith::{add, R};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::{EngineError, Projection};
use crate::model::{Budget, Provider};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One service line in the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub service: String,
    pub service_name: String,
    pub provider: String,
    pub provider_name: String,
    pub sector: String,
    /// The provider's rating from providers.csv (may be empty).
    pub rating: String,
    pub unit: String,
    /// Unrounded.
    pub unit_cost: Decimal,
    /// Unrounded.
    pub volume: Decimal,
    pub cost: Decimal,
    pub outcomes: Decimal,
    /// The outcome measure those outcomes count (empty if none).
    pub outcome: String,
    pub cost_per_outcome: Option<Decimal>,
    pub rank: usize,
    /// (unit_cost − median) / median; `None` without a median.
    pub diff_from_median: Option<Decimal>,
    pub saving_at_median: Decimal,
    /// Within its sector (issue 18 item 5): rank by unit cost among the
    /// category's lines of the same sector (1 = cheapest).
    pub sector_rank: usize,
    /// The volume-weighted median unit cost of the category's lines of the
    /// same sector; `None` when they have no volume.
    pub sector_median_unit_cost: Option<Decimal>,
    /// (unit cost − sector median) / sector median.
    pub sector_diff_from_median: Option<Decimal>,
    /// Saving if this line were paid its sector's median (0 at or below it).
    pub sector_saving_at_median: Decimal,
}

/// One category: its lines, median and totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub category: String,
    pub lines: Vec<Line>,
    /// `None` when the category has no volume that year.
    pub median_unit_cost: Option<Decimal>,
    pub volume: Decimal,
    pub cost: Decimal,
    pub outcomes: Decimal,
    /// `None` also when the lines count different outcome measures (unlike
    /// outcomes are never added into one cost per outcome): see `mixed_outcomes`.
    pub cost_per_outcome: Option<Decimal>,
    /// True when the lines count more than one outcome measure.
    pub mixed_outcomes: bool,
    pub saving_at_median: Decimal,
    /// Each sector of the category (first-seen order in the ranked lines):
    /// its within-sector median and saving.
    pub sectors: Vec<sector::Sector>,
    /// Σ lines' saving at their sector's median (the within-sector saving,
    /// beside `saving_at_median`, the across-sector one).
    pub sector_saving_at_median: Decimal,
}

fn category(
    providers: &HashMap<&str, &Provider>,
    p: &Projection,
    t: usize,
    name: &str,
) -> R<Category> {
    let running: Vec<_> = p
        .services
        .iter()
        .filter(|s| s.category == name && s.runs.get(t).copied().unwrap_or(false))
        .collect();
    let costs: Vec<Decimal> = running.iter().map(|s| s.unit_cost[t]).collect();
    let rank = ranks(&costs);
    let pairs: Vec<(Decimal, Decimal)> = running
        .iter()
        .map(|s| (s.unit_cost[t], s.volume[t]))
        .collect();
    let median = weighted_median(&pairs)?;
    let mut c = Category {
        category: name.to_string(),
        lines: vec![],
        median_unit_cost: median,
        volume: Decimal::ZERO,
        cost: Decimal::ZERO,
        outcomes: Decimal::ZERO,
        cost_per_outcome: None,
        mixed_outcomes: false,
        saving_at_median: Decimal::ZERO,
        sectors: vec![],
        sector_saving_at_median: Decimal::ZERO,
    };
    for (s, rank) in running.iter().zip(rank) {
        let provider = s.provider[t].to_string();
        let known = providers.get(provider.as_str()).copied();
        let (u, v) = (s.unit_cost[t], s.volume[t]);
        let saving = match median {
            Some(m) => saving_at_median(u, v, m)?,
            None => Decimal::ZERO,
        };
        c.volume = add(c.volume, v, "the category's volume")?;
        c.cost = add(c.cost, s.cost[t], "the category's cost")?;
        c.outcomes = add(c.outcomes, s.outcomes[t], "the category's outcomes")?;
        c.saving_at_median = add(c.saving_at_median, saving, "the saving at median")?;
        c.lines.push(Line {
            service: s.id.clone(),
            service_name: s.name.clone(),
            provider_name: known
                .map(|k| k.name.clone())
                .unwrap_or_else(|| provider.clone()),
            sector: known.map(|k| k.sector.to_string()).unwrap_or_default(),
            rating: known.map(|k| k.rating.clone()).unwrap_or_default(),
            provider,
            unit: s.unit.clone(),
            unit_cost: u,
            volume: v,
            cost: s.cost[t],
            outcomes: s.outcomes[t],
            outcome: s.outcome.trim().to_string(),
            cost_per_outcome: cost_per_outcome(s.cost[t], s.outcomes[t]),
            rank,
            diff_from_median: median.and_then(|m| diff_from_median(u, m)),
            saving_at_median: saving,
            sector_rank: 0,
            sector_median_unit_cost: None,
            sector_diff_from_median: None,
            sector_saving_at_median: Decimal::ZERO,
        });
    }
    let mut measures: Vec<String> = running
        .iter()
        .filter(|s| !s.outcome.trim().is_empty())
        .map(|s| crate::model::OutcomeValue::key(&s.outcome))
        .collect();
    measures.sort_unstable();
    measures.dedup();
    c.mixed_outcomes = measures.len() > 1;
    if !c.mixed_outcomes {
        c.cost_per_outcome = cost_per_outcome(c.cost, c.outcomes);
    }
    c.lines
        .sort_by(|a, b| (a.rank, a.service.as_str()).cmp(&(b.rank, b.service.as_str())));
    sector::within_sectors(&mut c)?;
    Ok(c)
}

/// Every category's comparison for year index `t` (or just `only`).
pub fn compare_providers(
    budget: &Budget,
    p: &Projection,
    t: usize,
    only: Option<&str>,
) -> Result<Vec<Category>, AnalysisError> {
    let mut names: Vec<&str> = vec![];
    let mut seen = std::collections::HashSet::new();
    for s in &p.services {
        if seen.insert(s.category.as_str()) {
            names.push(&s.category);
        }
    }
    if let Some(c) = only {
        if !names.contains(&c) {
            return Err(AnalysisError::UnknownCategory {
                category: c.to_string(),
                known: names.join(", "),
            });
        }
        names = vec![c];
    }
    let wrap = |e: EngineError| AnalysisError::Engine {
        scenario: p.scenario_id.clone(),
        source: e,
    };
    // Looked up once per line: an index, not a scan of providers.csv.
    let providers: HashMap<&str, &Provider> = budget
        .providers
        .iter()
        .map(|x| (x.id.as_str(), x))
        .collect();
    let mut out = vec![];
    for name in names {
        let c = category(&providers, p, t, name).map_err(wrap)?;
        if !c.lines.is_empty() || only.is_some() {
            out.push(c);
        }
    }
    Ok(out)
}

pub mod drill;
pub mod savings;
pub mod sector;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_sector;
