//! `poolplan compare A B` tables: headlines, value for money, pools whose
//! balance moved, partners' exposure, and the services whose cost moved
//! most. Each by-year table has three rows per item: A, B and the change
//! (B − A), so the CSV is long and every figure is raw.

use super::summary::reserve;
use super::table::{Cell, Table};
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

fn total(v: &[Decimal]) -> Decimal {
    v.iter().fold(Decimal::ZERO, |a, x| a.saturating_add(*x))
}

fn diff(a: &[Decimal], b: &[Decimal]) -> Vec<Decimal> {
    a.iter().zip(b).map(|(x, y)| y.saturating_sub(*x)).collect()
}

/// Three rows: A, B and the change, each by year with an optional total.
fn triple(
    t: &mut Table,
    name: &str,
    (pa, pb): (&Projection, &Projection),
    (a, b): (&[Decimal], &[Decimal]),
    with_total: bool,
    cell: fn(Decimal) -> Cell,
) {
    let d = diff(a, b);
    for (who, v) in [
        (pa.scenario_id.as_str(), a),
        (pb.scenario_id.as_str(), b),
        ("change", &d[..]),
    ] {
        let mut r = vec![Cell::text(name), Cell::text(who)];
        r.extend(v.iter().map(|x| cell(*x)));
        if with_total {
            r.push(cell(total(v)));
        }
        t.rows.push(r);
    }
}

fn qty(x: Decimal) -> Cell {
    Cell::Qty(x, 1)
}

/// Headline figures by year for A, B and the change.
pub fn headlines(pa: &Projection, pb: &Projection) -> Table {
    let mut t = Table::new("Headlines", columns("measure", pa, true));
    let (ta, tb) = (&pa.totals, &pb.totals);
    let both = (pa, pb);
    triple(
        &mut t,
        "contributions",
        both,
        (&ta.contributions, &tb.contributions),
        true,
        Cell::Money,
    );
    triple(
        &mut t,
        "spend",
        both,
        (&ta.spend, &tb.spend),
        true,
        Cell::Money,
    );
    triple(
        &mut t,
        "in_year_gap",
        both,
        (&ta.in_year_gap, &tb.in_year_gap),
        true,
        Cell::Money,
    );
    triple(
        &mut t,
        "overspend",
        both,
        (&ta.overspend, &tb.overspend),
        true,
        Cell::Money,
    );
    let ra: Vec<Decimal> = (0..pa.years).map(|y| reserve(pa, y)).collect();
    let rb: Vec<Decimal> = (0..pb.years).map(|y| reserve(pb, y)).collect();
    let start = t.rows.len();
    triple(&mut t, "reserve", both, (&ra, &rb), true, Cell::Money);
    for r in &mut t.rows[start..] {
        if let Some(last) = r.last_mut() {
            *last = Cell::Empty;
        }
    }
    triple(
        &mut t,
        "outcomes",
        both,
        (&ta.outcomes, &tb.outcomes),
        true,
        qty,
    );
    triple(
        &mut t,
        "benefit",
        both,
        (&ta.benefit_total, &tb.benefit_total),
        true,
        Cell::Money,
    );
    t
}

/// Present values, NPV, BCR and closing reserve of A and B and the change.
pub fn value(pa: &Projection, pb: &Projection) -> Table {
    let cols = ["measure", &pa.scenario_id, &pb.scenario_id, "change"];
    let mut t = Table::new(
        "Value for money: present values in base-year prices",
        cols.iter().map(|c| c.to_string()).collect(),
    );
    let (ta, tb) = (&pa.totals, &pb.totals);
    for (m, a, b) in [
        ("pv_cost", ta.pv_cost, tb.pv_cost),
        ("pv_benefit", ta.pv_benefit, tb.pv_benefit),
        ("npv", ta.npv, tb.npv),
        ("closing_reserve", ta.closing_reserve, tb.closing_reserve),
        (
            "pv_fiscal_benefit",
            pa.fiscal.pv_fiscal_benefit,
            pb.fiscal.pv_fiscal_benefit,
        ),
    ] {
        t.rows.push(vec![
            Cell::text(m),
            Cell::Money(a),
            Cell::Money(b),
            Cell::Money(b.saturating_sub(a)),
        ]);
    }
    let bcr = |x: Option<Decimal>| x.map(|b| Cell::Qty(round_dp(b, 4), 2)).unwrap_or(Cell::NA);
    let change = match (ta.bcr, tb.bcr) {
        (Some(a), Some(b)) => Cell::Qty(round_dp(b, 4).saturating_sub(round_dp(a, 4)), 2),
        _ => Cell::NA,
    };
    t.rows
        .push(vec![Cell::text("bcr"), bcr(ta.bcr), bcr(tb.bcr), change]);
    t
}

/// Every pool whose balance differs in any year.
pub fn pools(pa: &Projection, pb: &Projection) -> Table {
    let mut t = Table::new(
        "Pools whose balance moved (balance = income − spend; negative = overspend)",
        columns("pool", pa, false),
    );
    for la in &pa.pools {
        if let Some(lb) = pb.pools.iter().find(|l| l.id == la.id) {
            if la.balance != lb.balance {
                triple(
                    &mut t,
                    &la.id,
                    (pa, pb),
                    (&la.balance, &lb.balance),
                    false,
                    Cell::Money,
                );
            }
        }
    }
    if t.rows.is_empty() {
        t.notes.push("No pool's balance moved.".into());
    }
    t
}

/// Every partner's exposure (contributions + risk shares) in A and B.
pub fn exposure(pa: &Projection, pb: &Projection) -> Table {
    let mut t = Table::new(
        "Partners' exposure (contributions + share of overspends − refunds)",
        columns("partner", pa, true),
    );
    for ea in &pa.exposure {
        if let Some(eb) = pb.exposure.iter().find(|e| e.partner == ea.partner) {
            triple(
                &mut t,
                &ea.partner,
                (pa, pb),
                (&ea.values, &eb.values),
                true,
                Cell::Money,
            );
        }
    }
    t
}

/// The services whose total cost over the horizon moved most (by absolute
/// change, ties by id), at most `TOP_SERVICES`. A service that exists in
/// only one scenario (commissioned) costs 0 in the other.
pub fn services(pa: &Projection, pb: &Projection) -> Table {
    let zero = vec![Decimal::ZERO; pa.years];
    let mut ids: Vec<&str> = pa.services.iter().map(|s| s.id.as_str()).collect();
    for s in &pb.services {
        if !ids.contains(&s.id.as_str()) {
            ids.push(&s.id);
        }
    }
    let cost = |p: &Projection, id: &str| -> Vec<Decimal> {
        p.services
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.cost.clone())
            .unwrap_or_else(|| zero.clone())
    };
    let mut moved: Vec<(&str, Vec<Decimal>, Vec<Decimal>, Decimal)> = ids
        .into_iter()
        .map(|id| {
            let (a, b) = (cost(pa, id), cost(pb, id));
            let change = total(&b).saturating_sub(total(&a));
            (id, a, b, change)
        })
        .filter(|m| !m.3.is_zero())
        .collect();
    moved.sort_by(|x, y| y.3.abs().cmp(&x.3.abs()).then_with(|| x.0.cmp(y.0)));
    let mut t = Table::new(
        format!("Services whose cost moved most (top {TOP_SERVICES} by total change)"),
        columns("service", pa, true),
    );
    for (id, a, b, _) in moved.iter().take(TOP_SERVICES) {
        triple(&mut t, id, (pa, pb), (a, b), true, Cell::Money);
    }
    if t.rows.is_empty() {
        t.notes.push("No service's cost moved.".into());
    }
    t
}
