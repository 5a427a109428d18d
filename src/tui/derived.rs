//! Views too costly to compute while drawing, computed when what they
//! depend on changes (a new session generation, another scenario, year or
//! compare pair), in `update`, never in `draw`: the provider comparison of
//! the current scenario and year, and the bridge from A to B (it
//! re-projects once per step), and who pays, who benefits (all pools and
//! each pool, with each row's shares). All come from `analysis`, the same
//! code as `poolplan providers`, `compare` and `summary`.

use crate::analysis::bridge::{bridge_of, Bridge, Measure};
use crate::analysis::glance::{matrix, pool_figures, total, Bears, Matrix, PoolFigures, Span};
use crate::analysis::outcome_costs::{by_outcome, OutcomeCost};
use crate::analysis::providers::{compare_providers, Category};
use crate::analysis::who_pays::{shares, who_pays, WhoPays};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use crate::session::Session;
use rust_decimal::Decimal;

/// What the derived views were computed for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Key {
    generation: u64,
    current: String,
    compare_a: String,
    year: usize,
}

/// Who pays, who benefits: the rows and each row's (share of pays, share
/// of fiscal benefit), from `analysis::who_pays` and `shares`.
pub type WhoTable = Result<(Vec<WhoPays>, Vec<(Option<Decimal>, Option<Decimal>)>), String>;

fn who_table(p: &Projection, pool: Option<&str>) -> WhoTable {
    let rows = who_pays(p, pool).map_err(|e| e.to_string())?;
    let sh = shares(&rows);
    Ok((rows, sh))
}

/// All pools at a glance over one span: each pool's figures and the
/// partner × pool matrix for each of contribution, risk share, exposure.
#[derive(Debug, Clone, PartialEq)]
pub struct Glance {
    pub pools: Vec<PoolFigures>,
    pub total: PoolFigures,
    pub matrices: [Matrix; 3],
}

impl Glance {
    pub fn matrix(&self, b: Bears) -> &Matrix {
        &self.matrices[b as usize]
    }
    /// The ranking's order (pool indices) and the pool at line `row`.
    pub fn ranked(&self, v: &super::state::PoolsView) -> (Vec<usize>, usize) {
        let o = super::data::glance::order(&self.pools, v.sort, v.desc);
        let i = o.get(v.row).or(o.last()).copied().unwrap_or(0);
        (o, i)
    }
}

fn glance(p: &Projection, span: Span) -> Result<Glance, String> {
    let m = |b| matrix(p, span, b).map_err(|e| e.to_string());
    let pools = pool_figures(p, span).map_err(|e| e.to_string())?;
    Ok(Glance {
        total: total(&pools).map_err(|e| e.to_string())?,
        pools,
        matrices: [
            m(Bears::Contribution)?,
            m(Bears::RiskShare)?,
            m(Bears::Exposure)?,
        ],
    })
}

/// Which derived views to bring up to date: those of the tab shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Views {
    All,
    /// The provider comparison (Providers tab).
    Providers,
    /// Who pays, who benefits (Pools tab).
    WhoPays,
    /// Cost per outcome by measure (Services tab).
    Outcomes,
    /// The bridge from A to B (Compare tab).
    Bridge,
    /// None of them (the other tabs).
    Nothing,
}

/// The derived views and what they were computed for. The provider
/// comparison, who pays, cost per outcome and the bridge are computed only
/// while their tab shows them (an edit on a 100,000-service model must not
/// wait for views nobody is looking at); a tab shown again brings its views
/// up to date first (`update` runs before every draw).
#[derive(Debug)]
pub struct Derived {
    key: Option<Key>,
    /// What each gated group was last computed for.
    providers_key: Option<Key>,
    who_key: Option<Key>,
    outcomes_key: Option<Key>,
    bridge_key: Option<(u64, String, String, Measure)>,
    /// What the Compare tab's bridge explains (`M` cycles).
    pub measure: Measure,
    /// The provider comparison of the current scenario and year.
    pub providers: Result<Vec<Category>, String>,
    /// The bridge from A (`compare_a`) to B (the current scenario).
    pub bridge: Option<Result<Bridge, String>>,
    /// Who pays, who benefits over all pools of the current scenario.
    pub who_pays: WhoTable,
    /// The same for each pool, in the projection's pool order.
    pub who_pays_pools: Vec<WhoTable>,
    /// Cost per outcome by outcome measure, and the all-outcomes figure
    /// (Σ cost / Σ outcomes of every measure) over the horizon.
    pub outcome_costs: Result<(Vec<OutcomeCost>, Option<Decimal>), String>,
    /// The pools at a glance in the selected year, and over the horizon.
    pub glance_year: Option<Result<Glance, String>>,
    pub glance_horizon: Option<Result<Glance, String>>,
    /// Savings at median by year, and the provider drilled into.
    pub providers_extra: super::providers_extra::ProvidersExtra,
    /// Each Levers row's effect on the gap and the overspend.
    pub lever_effects: super::lever_effects::LeverEffects,
    /// The Compare tab's sensitivity view (tornado, switching values).
    pub sensitivity: super::sensitivity::SensitivityView,
    /// The Monitor tab's state and report.
    pub monitor: super::monitor::MonitorView,
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            key: None,
            providers_key: None,
            who_key: None,
            outcomes_key: None,
            bridge_key: None,
            measure: Measure::Gap,
            providers: Ok(vec![]),
            bridge: None,
            who_pays: Ok((vec![], vec![])),
            who_pays_pools: vec![],
            outcome_costs: Ok((vec![], None)),
            glance_year: None,
            glance_horizon: None,
            sensitivity: Default::default(),
            lever_effects: Default::default(),
            providers_extra: Default::default(),
            monitor: Default::default(),
        }
    }
}

impl Derived {
    /// Recompute what is stale for this session, scenario pair and year
    /// (of the gated views, only those `views` asks for).
    pub fn update(
        &mut self,
        s: &Session,
        current: String,
        compare_a: String,
        year: usize,
        views: Views,
    ) {
        let key = Key {
            generation: s.generation,
            current,
            compare_a,
            year,
        };
        let shown = |v: Views| views == Views::All || views == v;
        self.monitor.update(s, &key.current);
        self.sensitivity.update(s, &key.current);
        self.lever_effects.update(s, &key.current);
        self.providers_extra.update(s, &key.current);
        if shown(Views::Bridge) {
            self.update_bridge(s, &key);
        }
        let p = s.projection(&key.current);
        if shown(Views::Providers) && self.providers_key.as_ref() != Some(&key) {
            self.providers = match (p, s.budget_of(&key.current)) {
                (Some(p), Some(b)) => {
                    compare_providers(b, p, key.year, None).map_err(|e| e.to_string())
                }
                _ => Ok(vec![]),
            };
            self.providers_key = Some(key.clone());
        }
        if shown(Views::WhoPays) && self.who_key.as_ref() != Some(&key) {
            self.who_pays = p.map_or(Ok((vec![], vec![])), |p| who_table(p, None));
            self.who_pays_pools = p.map_or(vec![], |p| {
                p.pools.iter().map(|l| who_table(p, Some(&l.id))).collect()
            });
            self.who_key = Some(key.clone());
        }
        if shown(Views::Outcomes) && self.outcomes_key.as_ref() != Some(&key) {
            self.outcome_costs = p.map_or(Ok((vec![], None)), |p| {
                let rows = by_outcome(p, None).map_err(|e| e.to_string())?;
                let t = &p.totals;
                let cost = crate::engine::arith::sum(&t.service_cost, "the total");
                let outcomes = crate::engine::arith::sum(&t.outcomes, "the total");
                let all = cost.and_then(|c| Ok(cost_per_outcome(c, outcomes?)));
                Ok((rows, all.map_err(|e| e.to_string())?))
            });
            self.outcomes_key = Some(key.clone());
        }
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.glance_year = p.map(|p| glance(p, Span::Year(key.year)));
        self.glance_horizon = p.map(|p| glance(p, Span::Horizon));
        self.key = Some(key);
    }

    /// The bridge from A to B of the chosen measure, when any of them or
    /// the session changed (it re-projects once per step: never per frame).
    fn update_bridge(&mut self, s: &Session, key: &Key) {
        let bk = (
            key.generation,
            key.compare_a.clone(),
            key.current.clone(),
            self.measure.clone(),
        );
        if self.bridge_key.as_ref() == Some(&bk) {
            return;
        }
        self.bridge = match (s.scenario(&bk.1), s.scenario(&bk.2), s.budget_of(&bk.2)) {
            (Some(a), Some(b), Some(budget)) if a.budget == b.budget => {
                Some(bridge_of(budget, a, b, &bk.3).map_err(|e| e.to_string()))
            }
            (Some(_), Some(_), _) => Some(Err("A and B use different budgets: no bridge".into())),
            _ => None,
        };
        self.bridge_key = Some(bk);
    }

    /// The glance over the whole horizon or the selected year.
    pub fn glance(&self, horizon: bool) -> Option<&Result<Glance, String>> {
        if horizon {
            self.glance_horizon.as_ref()
        } else {
            self.glance_year.as_ref()
        }
    }

    /// Lines the Compare tab draws (headlines, then the bridge and notes).
    pub fn compare_lines(&self, cols: u16) -> usize {
        let bridge = match &self.bridge {
            Some(Ok(b)) => {
                let w = super::wrap::note_width(cols);
                let step_notes: usize = b
                    .steps
                    .iter()
                    .filter_map(|s| s.note.as_ref())
                    .map(|n| super::wrap::wrap(n, w).len())
                    .sum();
                b.steps.len() + 2 + b.notes.len() + step_notes
            }
            Some(Err(_)) => 1,
            None => 0,
        };
        // A hint line when A and B are the same scenario.
        let hint = usize::from(self.key.as_ref().is_some_and(|k| k.current == k.compare_a));
        10 + bridge + hint
    }

    /// Lines the Providers tab draws (two header lines, then each
    /// category's title and lines).
    pub fn providers_lines(&self) -> usize {
        match &self.providers {
            Ok(cats) => 2 + cats.iter().map(|c| 1 + c.lines.len()).sum::<usize>(),
            Err(_) => 1,
        }
    }
}
