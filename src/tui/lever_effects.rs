//! Each Levers row's effect on the scenario's total of in-year gaps and
//! total overspend over the horizon (`analysis::effects`: with it minus
//! without it, the rest held),
//! computed in `Derived` when the session or the scenario changes — so
//! after every edit — never in `draw`.

use super::data::levers::{Row, RowKind};
use crate::analysis::effects::{effects, Effect, Effects, Input};
use crate::session::Session;

#[derive(Debug, Default)]
pub struct LeverEffects {
    /// The Levers tab is showing (set by the app before each update):
    /// the effects re-project once per input, so only then.
    pub active: bool,
    key: Option<(u64, String)>,
    pub result: Option<Result<Effects, String>>,
}

impl LeverEffects {
    /// Recompute when stale.
    pub fn update(&mut self, s: &Session, id: &str) {
        if !self.active {
            return;
        }
        let key = (s.generation, id.to_string());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.result = match (s.budget_of(id), s.scenario(id)) {
            (Some(b), Some(sc)) => Some(effects(b, sc).map_err(|e| e.to_string())),
            _ => None,
        };
        self.key = Some(key);
    }

    /// The effect of row `i` of `rows` (the Levers tab's rows): a rate,
    /// demand or growth key by name, a lever by its place in run order
    /// (parents' first, as the resolved scenario holds them).
    pub fn of<'a>(&'a self, rows: &[Row], i: usize) -> Option<&'a Effect> {
        let e = self.result.as_ref()?.as_ref().ok()?;
        let want = match &rows.get(i)?.kind {
            RowKind::Rate("pay_inflation") => Input::PayInflation,
            RowKind::Rate("price_inflation") => Input::PriceInflation,
            RowKind::Demand(k) => Input::Demand(k.clone()),
            RowKind::Growth(k) => Input::Growth(k.clone()),
            RowKind::Lever { .. } => {
                let n = rows[..i]
                    .iter()
                    .filter(|r| matches!(r.kind, RowKind::Lever { .. }))
                    .count();
                Input::Lever(n)
            }
            _ => return None,
        };
        e.effects.iter().find(|x| x.input == want)
    }
}
