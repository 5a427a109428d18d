//! The engine's largest buffer, the service lines of a projection: given
//! back when a projection has been read, and reused by the next. It
//! changes no value.

use super::{Projection, ServiceLine};
use std::sync::Mutex;

/// Line buffers finished projections gave back (`recycle`), for the next
/// projections on any thread: as many as there are cores, so each of
/// `parallel::project_each`'s workers keeps one, and the TUI's worker
/// reuses the buffer of the projection its result replaced.
static SPARE: Mutex<Vec<Vec<ServiceLine>>> = Mutex::new(Vec::new());

/// `len` lines for `line::build` to fill (each is reset first: they may
/// hold an earlier projection's lines), in a buffer given back if one is
/// large enough. Fresh memory is what a national model pays most for:
/// 20 scenarios × 100,000 lines of 1.4 KB each is 2.8 GB of pages the
/// system must find and clear, where a buffer reused is 140 MB.
pub fn lines(len: usize) -> Vec<ServiceLine> {
    let mut v = SPARE
        .lock()
        .ok()
        .and_then(|mut s| s.pop())
        .unwrap_or_default();
    if v.capacity() < len {
        v = Vec::with_capacity(len);
    }
    v.truncate(len);
    v.resize_with(len, ServiceLine::default);
    v
}

/// Give a projection's lines back for a later projection (multi-scenario
/// commands call it once they have read a projection; the session when a
/// projection is replaced). The lines keep what they held: `line::build`
/// resets each before filling it, and reuses its strings' memory.
pub fn recycle(p: Projection) {
    let v = p.services;
    if let Ok(mut s) = SPARE.lock() {
        if s.len() < super::parallel::cores() {
            s.push(v);
        }
    }
}

impl ServiceLine {
    /// Empty every field but the provider series (`line::build` keeps or
    /// rebuilds it), keeping the strings' and vectors' memory.
    pub(crate) fn reset(&mut self) {
        // Every field by name: a field added to `ServiceLine` must be reset here.
        let ServiceLine {
            id,
            name,
            pool,
            category,
            unit,
            outcome,
            provider,
            runs,
            unit_cost,
            volume,
            cost,
            outcome_rate,
            outcomes,
            benefit,
            value_rows,
            benefit_to,
            commissioned,
            pool_at,
        } = self;
        for s in [id, name, pool, category, unit, outcome] {
            s.clear();
        }
        // The provider series is kept: `line::build` reuses it when it
        // already names the line's provider in every year (no reference
        // count touched), else clears it.
        let _ = provider;
        runs.clear();
        for x in [unit_cost, volume, cost, outcome_rate, outcomes, benefit] {
            x.clear();
        }
        value_rows.clear();
        benefit_to.clear();
        *commissioned = false;
        *pool_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{budget, lever, run, scenario, svc};
    use super::*;
    use crate::model::*;
    use rust_decimal_macros::dec;

    /// A line reused from an earlier projection keeps its provider series
    /// only when it already names the line's provider in every year.
    #[test]
    fn reused_lines_name_each_years_provider() {
        let mut b = budget();
        b.services = vec![
            svc("a", "p", dec!(10), dec!(1)),
            svc("b", "p", dec!(5), dec!(2)),
        ];
        b.services[1].provider = "other".into();
        let mut swap = scenario(3);
        swap.levers = vec![lever(
            LeverKind::Recommission {
                service: "a".into(),
                provider: "other".into(),
                unit_cost: None,
                outcome_rate: None,
            },
            1,
            Some(1),
        )];
        let plain = scenario(3);
        let names = |p: &Projection| -> Vec<Vec<String>> {
            let line = |l: &ServiceLine| l.provider.iter().map(|x| x.to_string()).collect();
            p.services.iter().map(line).collect()
        };
        let (x, o) = ("prov".to_string(), "other".to_string());
        for _ in 0..3 {
            for (s, a) in [(&swap, [&x, &o, &x]), (&plain, [&x, &x, &x])] {
                let p = run(&b, s);
                let want = vec![a.map(|s| s.clone()).to_vec(), vec![o.clone(); 3]];
                assert_eq!(names(&p), want, "{}", s.id);
                recycle(p);
            }
        }
        // A projection without labels holds no provider series.
        let p = super::super::project_money(&b, &plain, 2).unwrap();
        assert!(p.services.iter().all(|l| l.provider.is_empty()));
        recycle(p);
    }
}
