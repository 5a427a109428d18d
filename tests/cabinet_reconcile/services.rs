//! Reconciliation of the services and comparison tables.

use super::{check_row, Ctx};
use crate::common::oracle::{Exp, Key, Scn};
use crate::common::Block;
use rust_decimal::Decimal;

/// 4-place tidy figures summed `k` at a time are within `k × 0.00005`.
fn slack(k: usize) -> Decimal {
    Decimal::new(5, 5) * Decimal::from(k)
}

/// Quantities to one place: within half a unit of the place plus the slack.
fn qty(x: Decimal, k: usize) -> Exp {
    Exp::Near(x, Decimal::new(5, 2) + slack(k))
}

/// Cost per outcome in whole pounds, from outcomes known to `k × 0.00005`.
fn ratio(cost: Decimal, outcomes: Decimal, k: usize) -> Exp {
    if outcomes.is_zero() {
        return Exp::NA;
    }
    let e = slack(k);
    let tol =
        Decimal::new(5, 1) + cost.abs() * e / (outcomes * (outcomes - e)) + Decimal::new(1, 6);
    Exp::Near(cost / outcomes, tol)
}

pub fn services(c: &Ctx, b: &Block) -> usize {
    let years = &b.header[6..];
    let mut n = 0;
    for r in &b.rows {
        let (p, s) = c.scenario(&r[0]);
        let pool = (r[1] != "All pools").then(|| c.pool_id(p, &r[1]));
        let service = match r[2].as_str() {
            "All services" | "Savings to be identified" | "Pool spend" | "Spend net of savings" => {
                None
            }
            name => Some(
                p.services
                    .iter()
                    .find(|x| x.name == name && Some(&x.pool) == pool.as_ref())
                    .expect("service by name")
                    .id
                    .clone(),
            ),
        };
        let keep = |k: &Key| {
            pool.as_ref().is_none_or(|x| *x == k.pool)
                && service.as_ref().is_none_or(|x| *x == k.service)
        };
        let y = |t: usize| s.label(t);
        let runs = |t: usize| service.is_none() || c.tidy.has(&s.id, &y(t), "cost", keep);
        let get = |m: &str, t: usize| c.tidy.sum(&s.id, &y(t), m, keep);
        let count = |t: usize| if service.is_some() { 1 } else { p.services.len() } * (t + 1);
        let exp = match (r[2].as_str(), r[4].as_str()) {
            ("Savings to be identified", _) => {
                c.series(&s, years, |t| Some(-get("pool_saving", t)), true)
            }
            ("Pool spend", _) => c.series(&s, years, |t| Some(get("pool_spend", t)), true),
            ("Spend net of savings", _) => c.series(&s, years, |t| Some(get("spend", t)), true),
            (_, "Cost") => c.series(&s, years, |t| runs(t).then(|| get("cost", t)), true),
            (_, m @ ("Volume" | "Outcomes")) => {
                let measure = if m == "Volume" { "volume" } else { "outcomes" };
                let mut total = Decimal::ZERO;
                let mut out: Vec<Exp> = years[..years.len() - 1]
                    .iter()
                    .map(|h| match s.index(h).filter(|t| runs(*t)) {
                        Some(t) => {
                            total += get(measure, t);
                            qty(get(measure, t), count(0))
                        }
                        None => Exp::Empty,
                    })
                    .collect();
                out.push(qty(total, count(s.years)));
                out
            }
            (_, "Cost per outcome") => {
                per_outcome(c, &s, years, &runs, &get, count(0), count(s.years))
            }
            other => panic!("unexpected services row {other:?}"),
        };
        n += check_row(r, 6, &exp, "services");
    }
    n
}

fn per_outcome(
    c: &Ctx,
    s: &Scn,
    years: &[String],
    runs: &dyn Fn(usize) -> bool,
    get: &dyn Fn(&str, usize) -> Decimal,
    k_year: usize,
    k_total: usize,
) -> Vec<Exp> {
    let (mut cost, mut outcomes) = (Decimal::ZERO, Decimal::ZERO);
    let mut out: Vec<Exp> = years[..years.len() - 1]
        .iter()
        .map(|h| match s.index(h).filter(|t| runs(*t)) {
            Some(t) => {
                let ct = c.terms.terms(s, t, get("cost", t));
                cost += ct;
                outcomes += get("outcomes", t);
                ratio(ct, get("outcomes", t), k_year)
            }
            None => Exp::Empty,
        })
        .collect();
    out.push(ratio(cost, outcomes, k_total));
    out
}

pub fn comparison(c: &Ctx, b: &Block) -> usize {
    let years = &b.header[4..];
    let mut n = 0;
    for r in &b.rows {
        let (pb, sb) = c.scenario(&r[0]);
        let (_, sa) = c.scenario(&r[1]);
        if r[2] == "Net present value" {
            let npv = |s: &Scn| c.tidy.once(&s.id, "npv").expect("npv");
            let mut exp = vec![Exp::Empty; years.len() - 1];
            exp.push(Exp::Exact(c.terms.shown(npv(&sb) - npv(&sa))));
            n += check_row(r, 4, &exp, "comparison");
            continue;
        }
        let partner = (!r[3].is_empty()).then(|| c.partner_id(pb, &r[3]));
        let keep = |k: &Key| partner.as_ref().is_none_or(|x| *x == k.partner);
        let cash = |s: &Scn, t: usize| -> Decimal {
            let one = |m: &str, t: usize| c.tidy.sum(&s.id, &s.label(t), m, keep);
            match r[2].as_str() {
                "Contributions" => one("contributions", t),
                "Spend" => one("spend", t),
                "In-year gap (spend less contributions)" => one("in_year_gap", t),
                "Overspend after reserves" => one("overspend", t),
                "Benefit" => one("benefit_total", t),
                "Exposure" => one("exposure", t),
                "Reserves at year end" if t + 1 < s.years => one("pool_carry_in", t + 1),
                "Reserves at year end" => c.tidy.once(&s.id, "closing_reserve").expect("reserve"),
                other => panic!("unexpected comparison measure {other}"),
            }
        };
        let mut change = Decimal::ZERO;
        let mut exp: Vec<Exp> = years[..years.len() - 1]
            .iter()
            .map(|h| match (sa.index(h), sb.index(h)) {
                (Some(i), Some(j)) => {
                    let d =
                        c.terms.terms(&sb, j, cash(&sb, j)) - c.terms.terms(&sa, i, cash(&sa, i));
                    change += d;
                    Exp::Exact(c.terms.shown(d))
                }
                _ => Exp::Empty,
            })
            .collect();
        exp.push(if r[2] == "Reserves at year end" {
            Exp::Empty
        } else {
            Exp::Exact(c.terms.shown(change))
        });
        n += check_row(r, 4, &exp, "comparison");
    }
    n
}
