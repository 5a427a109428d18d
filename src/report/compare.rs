//! `poolplan compare A B` tables: headlines, value for money, pools whose
//! balance moved, partners' exposure, and the services whose cost moved
//! most. Each by-year table has three rows per item: A, B and the change
//! (B − A), so the CSV is long and every figure is raw. Each side is put in
//! the report's terms (cash, or real through `Terms`) before the change is
//! taken.

use super::measure::{self as m, Measure};
use super::summary::{closing_reserve, reserve};
use super::table::{Cell, Table};
use super::terms::Terms;
use crate::engine::arith::{sub, sum, R};
use crate::engine::Projection;
use crate::model::round_dp;
use rust_decimal::Decimal;

/// How many services `compare` lists.
pub const TOP_SERVICES: usize = 10;

fn columns(first: &str, p: &Projection, total: bool) -> Vec<String> {
    let mut c = vec![first.to_string(), "scenario".to_string()];
    c.extend(p.year_labels());
    if total {
        c.push("total".into());
    }
    c
}

const WHAT: &str = "a comparison";

fn diff(a: &[Decimal], b: &[Decimal]) -> R<Vec<Decimal>> {
    a.iter().zip(b).map(|(x, y)| sub(*y, *x, WHAT)).collect()
}

/// The pair compared, and the terms both are put in.
#[derive(Clone, Copy)]
pub struct Pair<'a> {
    pub a: &'a Projection,
    pub b: &'a Projection,
    pub terms: Terms,
}

impl Pair<'_> {
    /// Both cash series in the pair's terms.
    fn series(&self, a: &[Decimal], b: &[Decimal]) -> R<(Vec<Decimal>, Vec<Decimal>)> {
        Ok((self.terms.series(self.a, a)?, self.terms.series(self.b, b)?))
    }
}

/// Three rows: A, B and the change, each by year with an optional total.
/// `a` and `b` are already in the pair's terms.
fn triple(
    t: &mut Table,
    name: Cell,
    pair: Pair<'_>,
    (a, b): (&[Decimal], &[Decimal]),
    with_total: bool,
    cell: fn(Decimal) -> Cell,
) -> R<()> {
    let d = diff(a, b)?;
    for (who, v) in [
        (pair.a.scenario_id.as_str(), a),
        (pair.b.scenario_id.as_str(), b),
        ("change", &d[..]),
    ] {
        let mut r = vec![name.clone(), Cell::text(who)];
        r.extend(v.iter().map(|x| cell(*x)));
        if with_total {
            r.push(cell(sum(v, WHAT)?));
        }
        t.rows.push(r);
    }
    Ok(())
}

/// A, B and the change of one money measure, in the pair's terms.
fn money_triple(
    t: &mut Table,
    pair: Pair<'_>,
    measure: Measure,
    cash: (&[Decimal], &[Decimal]),
) -> R<()> {
    let (a, b) = pair.series(cash.0, cash.1)?;
    triple(t, Cell::Measure(measure), pair, (&a, &b), true, Cell::Money)
}

fn qty(x: Decimal) -> Cell {
    Cell::Qty(x, 1)
}

/// Headline figures by year for A, B and the change.
pub fn headlines(pair: Pair<'_>) -> R<Table> {
    let mut t = Table::new("headlines", "Headlines", columns("measure", pair.a, true));
    let (ta, tb) = (&pair.a.totals, &pair.b.totals);
    money_triple(
        &mut t,
        pair,
        m::CONTRIBUTIONS,
        (&ta.contributions, &tb.contributions),
    )?;
    money_triple(&mut t, pair, m::SPEND, (&ta.spend, &tb.spend))?;
    t.rows
        .extend(super::gap_rows::compare_rows(pair.a, pair.b, pair.terms)?);
    money_triple(&mut t, pair, m::OVERSPEND, (&ta.overspend, &tb.overspend))?;
    let ra: Vec<Decimal> = (0..pair.a.years).map(|y| reserve(pair.a, y)).collect();
    let rb: Vec<Decimal> = (0..pair.b.years).map(|y| reserve(pair.b, y)).collect();
    let start = t.rows.len();
    money_triple(&mut t, pair, m::RESERVE, (&ra, &rb))?;
    for r in &mut t.rows[start..] {
        if let Some(last) = r.last_mut() {
            *last = Cell::Empty;
        }
    }
    triple(
        &mut t,
        Cell::Measure(m::OUTCOMES),
        pair,
        (&ta.outcomes, &tb.outcomes),
        true,
        qty,
    )?;
    money_triple(
        &mut t,
        pair,
        m::BENEFIT_TOTAL,
        (&ta.benefit_total, &tb.benefit_total),
    )?;
    Ok(t)
}

/// Present values, NPV, BCR and closing reserve of A and B and the change.
pub fn value(pair: Pair<'_>) -> R<Table> {
    let (pa, pb) = (pair.a, pair.b);
    let cols = ["measure", &pa.scenario_id, &pb.scenario_id, "change"];
    let mut t = Table::new(
        "value",
        "Value for money: present values in base-year prices",
        cols.iter().map(|c| c.to_string()).collect(),
    );
    let (ta, tb) = (&pa.totals, &pb.totals);
    let (ca, cb) = (
        closing_reserve(pa, pair.terms)?,
        closing_reserve(pb, pair.terms)?,
    );
    for (measure, a, b) in [
        (m::PV_COST, ta.pv_cost, tb.pv_cost),
        (m::PV_BENEFIT, ta.pv_benefit, tb.pv_benefit),
        (m::NPV, ta.npv, tb.npv),
        (m::CLOSING_RESERVE, ca, cb),
        (
            m::PV_FISCAL_BENEFIT,
            pa.fiscal.pv_fiscal_benefit,
            pb.fiscal.pv_fiscal_benefit,
        ),
    ] {
        t.rows.push(vec![
            Cell::Measure(measure),
            Cell::Money(a),
            Cell::Money(b),
            Cell::Money(sub(b, a, WHAT)?),
        ]);
    }
    let bcr = |x: Option<Decimal>| x.map(|b| Cell::Qty(round_dp(b, 4), 2)).unwrap_or(Cell::NA);
    let change = match (ta.bcr, tb.bcr) {
        (Some(a), Some(b)) => Cell::Qty(sub(round_dp(b, 4), round_dp(a, 4), WHAT)?, 2),
        _ => Cell::NA,
    };
    t.rows.push(vec![
        Cell::Measure(m::BCR),
        bcr(ta.bcr),
        bcr(tb.bcr),
        change,
    ]);
    Ok(t)
}

/// Every pool whose balance differs in any year.
pub fn pools(pair: Pair<'_>) -> R<Table> {
    let mut t = Table::new(
        "pools",
        "Pools whose balance moved (balance = income − spend; negative = overspend)",
        columns("pool", pair.a, false),
    );
    for la in &pair.a.pools {
        if let Some(lb) = pair.b.pools.iter().find(|l| l.id == la.id) {
            if la.balance != lb.balance {
                let (a, b) = pair.series(&la.balance, &lb.balance)?;
                triple(
                    &mut t,
                    Cell::text(&la.id),
                    pair,
                    (&a, &b),
                    false,
                    Cell::Money,
                )?;
            }
        }
    }
    if t.rows.is_empty() {
        t.notes.push("No pool's balance moved.".into());
    }
    Ok(t)
}

/// Every partner's exposure (contributions + risk shares) in A and B.
pub fn exposure(pair: Pair<'_>) -> R<Table> {
    let mut t = Table::new(
        "exposure",
        "Partners' exposure (contributions + share of overspends − refunds)",
        columns("partner", pair.a, true),
    );
    for ea in &pair.a.exposure {
        if let Some(eb) = pair.b.exposure.iter().find(|e| e.partner == ea.partner) {
            let (a, b) = pair.series(&ea.values, &eb.values)?;
            triple(
                &mut t,
                Cell::text(&ea.partner),
                pair,
                (&a, &b),
                true,
                Cell::Money,
            )?;
        }
    }
    Ok(t)
}

/// The services whose total cost over the horizon moved most (by absolute
/// change in the pair's terms, ties by id), at most `TOP_SERVICES`. A
/// service that exists in only one scenario (commissioned) costs 0 in the
/// other.
pub fn services(pair: Pair<'_>) -> R<Table> {
    let (pa, pb) = (pair.a, pair.b);
    let zero = vec![Decimal::ZERO; pa.years];
    let mut ids: Vec<&str> = pa.services.iter().map(|s| s.id.as_str()).collect();
    for s in &pb.services {
        if !ids.contains(&s.id.as_str()) {
            ids.push(&s.id);
        }
    }
    fn cost<'a>(p: &'a Projection, id: &str, zero: &'a [Decimal]) -> &'a [Decimal] {
        p.services
            .iter()
            .find(|s| s.id == id)
            .map_or(zero, |s| &s.cost[..])
    }
    let mut moved: Vec<(&str, Vec<Decimal>, Vec<Decimal>, Decimal)> = vec![];
    for id in ids {
        let (a, b) = pair.series(cost(pa, id, &zero), cost(pb, id, &zero))?;
        let change = sub(sum(&b, WHAT)?, sum(&a, WHAT)?, WHAT)?;
        if !change.is_zero() {
            moved.push((id, a, b, change));
        }
    }
    moved.sort_by(|x, y| y.3.abs().cmp(&x.3.abs()).then_with(|| x.0.cmp(y.0)));
    let mut t = Table::new(
        "services",
        format!("Services whose cost moved most (top {TOP_SERVICES} by total change)"),
        columns("service", pa, true),
    );
    for (id, a, b, _) in moved.iter().take(TOP_SERVICES) {
        triple(&mut t, Cell::text(*id), pair, (a, b), true, Cell::Money)?;
    }
    if t.rows.is_empty() {
        t.notes.push("No service's cost moved.".into());
    }
    Ok(t)
}
