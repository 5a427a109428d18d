//! SPEC §6.1: each (pool, partner) pair's planned series (base-year row,
//! then each year's row or last year's rolled forward by the partner's
//! growth, rounded), then the scenario's contribution levers, rounded at
//! every step.

use super::arith::{add, mul, R};
use super::{ContributionLine, EngineError};
use crate::model::YearRate;
use crate::model::{round, Budget, LeverKind, Op, Scenario};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub fn project(b: &Budget, s: &Scenario) -> R<Vec<ContributionLine>> {
    let n = s.years;
    let base = b.base_year.0;
    // Pairs in order of first appearance; rows by year index.
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    let mut rows: Vec<Vec<Option<Decimal>>> = vec![];
    let mut lines: Vec<ContributionLine> = vec![];
    for c in &b.contributions {
        let i = *index
            .entry((c.pool.as_str(), c.partner.as_str()))
            .or_insert_with(|| {
                lines.push(ContributionLine {
                    pool: c.pool.clone(),
                    partner: c.partner.clone(),
                    values: vec![],
                });
                rows.push(vec![None; n]);
                lines.len() - 1
            });
        let t = c.year.0 - base;
        if t >= 0 && (t as usize) < n {
            rows[i][t as usize] = Some(round(c.amount));
        }
    }
    for (line, rows) in lines.iter_mut().zip(&rows) {
        let zero = YearRate::default();
        let g = s.contribution_growth.get(&line.partner).unwrap_or(&zero);
        let mut v = Vec::with_capacity(n);
        for (t, row) in rows.iter().enumerate() {
            let x = match row {
                Some(a) => *a,
                None if t == 0 => Decimal::ZERO,
                None => {
                    let what = format!("contribution of {} to {}", line.partner, line.pool);
                    let factor = add(Decimal::ONE, g.at(b.base_year, t), &what)?;
                    round(mul(v[t - 1], factor, &what)?)
                }
            };
            v.push(x);
        }
        line.values = v;
    }
    // Levers, in run order.
    let mut last_lever: HashMap<(usize, usize), &str> = HashMap::new();
    for lever in &s.levers {
        let LeverKind::Contribution { partner, pool, op } = &lever.kind else {
            continue;
        };
        let Some(&i) = index.get(&(pool.as_str(), partner.as_str())) else {
            continue;
        };
        let what = format!("contribution of {partner} to {pool}");
        for t in 0..n {
            if !lever.covers(t) {
                continue;
            }
            let x = lines[i].values[t];
            lines[i].values[t] = round(match op {
                Op::Change(c) => mul(x, Decimal::ONE + c, &what)?,
                Op::By(by) => add(x, *by, &what)?,
                Op::Set(v) => *v,
            });
            last_lever.insert((i, t), &lever.origin);
        }
    }
    for (i, line) in lines.iter().enumerate() {
        for (t, v) in line.values.iter().enumerate() {
            if *v < Decimal::ZERO {
                return Err(EngineError::Negative {
                    what: format!("the contribution of {} to {}", line.partner, line.pool),
                    value: *v,
                    year: b.base_year.plus(t as i32).to_string(),
                    lever: last_lever.get(&(i, t)).copied().unwrap_or("?").to_string(),
                });
            }
        }
    }
    Ok(lines)
}
