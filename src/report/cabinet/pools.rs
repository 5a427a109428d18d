//! Table (b): each pool by partner and year — contribution, risk share
//! (positive = overspend borne, negative = refund) and exposure
//! (contribution + risk share) — with the pool's total over partners, then
//! every partner's position over all pools and the scenario's grand total.
//! A pool's §10 terms follow its total where they are used: its opening
//! reserve, the offsets it received from and gave to the other pools of its
//! agreement, and each capped partner's excess borne by the host — all read
//! from the projection.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Source, Value, ROUNDING_NOTE};
use crate::engine::arith::{add, R};
use crate::engine::{PoolLine, Projection};
use rust_decimal::Decimal;

/// Contribution, risk share and exposure of one partner (or a total).
struct Position {
    contribution: Vec<Decimal>,
    risk_share: Vec<Decimal>,
}

impl Position {
    fn zero(n: usize) -> Position {
        Position {
            contribution: vec![Decimal::ZERO; n],
            risk_share: vec![Decimal::ZERO; n],
        }
    }
    fn add(&mut self, other: &Position) -> R<()> {
        accumulate(&mut self.contribution, &other.contribution)?;
        accumulate(&mut self.risk_share, &other.risk_share)
    }
    fn exposure(&self) -> R<Vec<Decimal>> {
        let mut e = self.contribution.clone();
        accumulate(&mut e, &self.risk_share)?;
        Ok(e)
    }
}

/// `a[t] += b[t]`, checked.
pub fn accumulate(a: &mut [Decimal], b: &[Decimal]) -> R<()> {
    for (x, y) in a.iter_mut().zip(b) {
        *x = add(*x, *y, "a table total")?;
    }
    Ok(())
}

/// The pools table of every scenario.
pub fn pools(scale: &Scale, sources: &[Source<'_>]) -> R<CabTable> {
    let mut columns: Vec<String> = ["Scenario", "Pool", "Partner", "Measure"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    columns.extend(scale.year_headers());
    columns.push(scale.header("Total"));
    let mut rows = vec![];
    for s in sources {
        scenario_rows(scale, s, &mut rows)?;
    }
    let mut notes = vec![
        "Risk share: a partner's share of the pool's overspend (positive) or of a returned underspend (negative). Exposure = contribution + risk share.".to_string(),
        ROUNDING_NOTE.to_string(),
    ];
    let terms = |l: &PoolLine| {
        !l.opening_reserve.is_zero()
            || l.offset.iter().any(|o| !o.is_zero())
            || l.cap_excess
                .iter()
                .any(|x| x.values.iter().any(|v| !v.is_zero()))
    };
    if sources.iter().any(|s| s.projection.pools.iter().any(terms)) {
        notes.insert(1, "Risk shares are after caps. Opening reserve: brought into the first year. Offsets: met from (received) or given to (given) other pools of the same agreement before partners share. Cap excess: the part of a capped partner's share above its cap, borne by the host.".to_string());
    }
    Ok(CabTable {
        slug: "pools",
        sheet: "Pools",
        title: format!(
            "Pools by partner and year, {} ({})",
            scale.unit.label(),
            scale.terms()
        ),
        columns,
        rows,
        notes,
    })
}

fn scenario_rows(scale: &Scale, s: &Source<'_>, rows: &mut Vec<Row>) -> R<()> {
    let p = s.projection;
    let n = p.years;
    let partner_name = |id: &str| {
        s.budget
            .partner(id)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut all: Vec<(String, Position)> = p
        .exposure
        .iter()
        .map(|e| (e.partner.clone(), Position::zero(n)))
        .collect();
    let mut grand = Position::zero(n);
    for pool in &p.pools {
        let mut pool_total = Position::zero(n);
        for partner in &s.budget.partners {
            let line = p
                .contributions
                .iter()
                .find(|c| c.pool == pool.id && c.partner == partner.id);
            let share = pool.shares.iter().find(|x| x.partner == partner.id);
            if line.is_none() && share.is_none() {
                continue;
            }
            let pos = Position {
                contribution: line.map_or_else(|| vec![Decimal::ZERO; n], |l| l.values.clone()),
                risk_share: share.map_or_else(|| vec![Decimal::ZERO; n], |l| l.values.clone()),
            };
            push(
                scale,
                p,
                [&pool.name, &partner.name],
                &pos,
                RowKind::Body,
                rows,
            )?;
            pool_total.add(&pos)?;
            if let Some((_, a)) = all.iter_mut().find(|(id, _)| *id == partner.id) {
                a.add(&pos)?;
            }
        }
        push(
            scale,
            p,
            [&pool.name, "All partners"],
            &pool_total,
            RowKind::Subtotal,
            rows,
        )?;
        grand.add(&pool_total)?;
        terms_rows(scale, p, pool, &partner_name, rows)?;
    }
    for (id, pos) in &all {
        push(
            scale,
            p,
            ["All pools", &partner_name(id)],
            pos,
            RowKind::Subtotal,
            rows,
        )?;
    }
    push(
        scale,
        p,
        ["All pools", "All partners"],
        &grand,
        RowKind::Total,
        rows,
    )
}

/// The pool's §10 terms, each row only where it is not all zero.
fn terms_rows(
    scale: &Scale,
    p: &Projection,
    pool: &PoolLine,
    partner_name: &dyn Fn(&str) -> String,
    rows: &mut Vec<Row>,
) -> R<()> {
    let n = p.years;
    let mut reserve = vec![Decimal::ZERO; n];
    if let Some(r) = reserve.first_mut() {
        *r = pool.opening_reserve;
    }
    let received: Vec<Decimal> = pool
        .offset
        .iter()
        .map(|o| (*o).max(Decimal::ZERO))
        .collect();
    let given: Vec<Decimal> = pool
        .offset
        .iter()
        .map(|o| (*o).min(Decimal::ZERO))
        .collect();
    let mut lines: Vec<(String, &str, Vec<Decimal>)> = vec![
        ("Pool account".into(), "Opening reserve", reserve),
        ("Pool account".into(), "Offset received", received),
        ("Pool account".into(), "Offset given", given),
    ];
    for x in &pool.cap_excess {
        let who = partner_name(&x.partner);
        lines.push((who, "Cap excess borne by host", x.values.clone()));
    }
    for (who, measure, series) in lines {
        if series.iter().all(|v| v.is_zero()) {
            continue;
        }
        let mut cells = vec![
            Value::text(&p.scenario_name),
            Value::text(&pool.name),
            Value::text(who),
            Value::text(measure),
        ];
        cells.extend(scale.money_cells(p, &series, true)?);
        rows.push(Row {
            kind: RowKind::Body,
            cells,
        });
    }
    Ok(())
}

fn push(
    scale: &Scale,
    p: &Projection,
    [pool, partner]: [&str; 2],
    pos: &Position,
    kind: RowKind,
    rows: &mut Vec<Row>,
) -> R<()> {
    let exposure = pos.exposure()?;
    for (measure, series) in [
        ("Contribution", &pos.contribution),
        ("Risk share", &pos.risk_share),
        ("Exposure", &exposure),
    ] {
        let mut cells = vec![
            Value::text(&p.scenario_name),
            Value::text(pool),
            Value::text(partner),
            Value::text(measure),
        ];
        cells.extend(scale.money_cells(p, series, true)?);
        rows.push(Row { kind, cells });
    }
    Ok(())
}
