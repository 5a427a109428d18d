//! `poolplan summary`: per scenario, a table with years as columns
//! (contributions, spend, in-year gap, overspend, reserve, outcomes, cost per
//! outcome, benefit) and a total column, then NPV, BCR and payback; in cash
//! or real terms. Rows are keyed by `measure` ids, shown by their labels.

use super::measure::{self as m, Measure};
use super::table::{Cell, Table};
use super::terms::Terms;
use crate::engine::arith::{sum, R};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use crate::model::round_dp;
use rust_decimal::Decimal;

/// Reserves held at the end of year `t`: Σ pools' carry into the next year.
pub fn reserve(p: &Projection, t: usize) -> Decimal {
    if t + 1 < p.years {
        p.pools.iter().map(|l| l.carry_in[t + 1]).sum()
    } else {
        p.totals.closing_reserve
    }
}

const TOTAL: &str = "a summary total";

/// The headline table of one scenario, in `terms`.
pub fn headline_table(p: &Projection, terms: Terms) -> R<Table> {
    let mut cols = vec!["measure".to_string()];
    cols.extend(p.year_labels());
    cols.push("total".into());
    let title = match terms {
        Terms::Cash => format!("{} ({})", p.scenario_name, p.scenario_id),
        Terms::Real => format!(
            "{} ({}), {} prices",
            p.scenario_name, p.scenario_id, p.base_year
        ),
    };
    let mut t = Table::new("headlines", title, cols);
    let tot = &p.totals;
    let n = p.years;
    let money_row = |measure: Measure, cash: &[Decimal], total: bool| -> R<Vec<Cell>> {
        let v = terms.series(p, cash)?;
        let mut r = vec![Cell::Measure(measure)];
        r.extend(v.iter().map(|x| Cell::Money(*x)));
        r.push(match total {
            true => Cell::Money(sum(&v, TOTAL)?),
            false => Cell::Empty,
        });
        Ok(r)
    };
    t.rows
        .push(money_row(m::CONTRIBUTIONS, &tot.contributions, true)?);
    t.rows.push(money_row(m::SPEND, &tot.spend, true)?);
    t.rows
        .push(money_row(m::IN_YEAR_GAP, &tot.in_year_gap, true)?);
    t.rows.push(money_row(m::OVERSPEND, &tot.overspend, true)?);
    let reserves: Vec<Decimal> = (0..n).map(|y| reserve(p, y)).collect();
    t.rows.push(money_row(m::RESERVE, &reserves, false)?);
    let mut r = vec![Cell::Measure(m::OUTCOMES)];
    r.extend(tot.outcomes.iter().map(|x| Cell::Qty(*x, 1)));
    let outcomes = sum(&tot.outcomes, TOTAL)?;
    r.push(Cell::Qty(outcomes, 1));
    t.rows.push(r);
    let cost = terms.series(p, &tot.service_cost)?;
    let mut r = vec![Cell::Measure(m::COST_PER_OUTCOME)];
    r.extend((0..n).map(|y| Cell::price_or_na(cost_per_outcome(cost[y], tot.outcomes[y]))));
    r.push(Cell::price_or_na(cost_per_outcome(
        sum(&cost, TOTAL)?,
        outcomes,
    )));
    t.rows.push(r);
    t.rows
        .push(money_row(m::BENEFIT_TOTAL, &tot.benefit_total, true)?);
    Ok(t)
}

/// The closing reserve in `terms` (held at the end of the last year).
pub fn closing_reserve(p: &Projection, terms: Terms) -> R<Decimal> {
    terms.at(p, p.totals.closing_reserve, p.years.saturating_sub(1))
}

fn payback(p: &Projection) -> String {
    p.totals
        .payback
        .map(|y| p.year_label(y))
        .unwrap_or_else(|| "none".into())
}

/// The value-for-money table of several scenarios: NPV, BCR, payback.
/// Present values are in base-year prices whatever `terms`.
pub fn value_table(ps: &[&Projection], terms: Terms) -> R<Table> {
    let measures = [
        m::PV_COST,
        m::PV_BENEFIT,
        m::NPV,
        m::BCR,
        m::PAYBACK_YEAR,
        m::CLOSING_RESERVE,
    ];
    let mut cols = vec!["scenario"];
    cols.extend(measures.iter().map(|m| m.id));
    let mut headers = vec!["scenario"];
    headers.extend(measures.iter().map(|m| m.label));
    let mut t = Table::new(
        "value",
        "Value for money (present values, base-year prices)",
        cols.iter().map(|c| c.to_string()).collect(),
    )
    .with_headers(&headers);
    for p in ps {
        let tot = &p.totals;
        t.rows.push(vec![
            Cell::text(p.scenario_id.clone()),
            Cell::Money(tot.pv_cost),
            Cell::Money(tot.pv_benefit),
            Cell::Money(tot.npv),
            tot.bcr
                .map(|b| Cell::Qty(round_dp(b, 2), 2))
                .unwrap_or(Cell::NA),
            Cell::text(payback(p)),
            Cell::Money(closing_reserve(p, terms)?),
        ]);
    }
    Ok(t)
}

/// Summary as long CSV rows: scenario, year, measure (its id), value (raw).
pub fn summary_long(ps: &[&Projection], terms: Terms) -> R<Table> {
    let mut t = Table::new(
        "summary",
        "summary",
        ["scenario", "year", "measure", "value"]
            .iter()
            .map(|c| c.to_string())
            .collect(),
    );
    for p in ps {
        let h = headline_table(p, terms)?;
        let years = &h.columns[1..];
        for row in &h.rows {
            let measure = row[0].raw();
            for (i, cell) in row[1..].iter().enumerate() {
                if matches!(cell, Cell::Empty) {
                    continue;
                }
                let cell = match cell {
                    Cell::Qty(x, _) => Cell::Qty(*x, 10),
                    c => c.clone(),
                };
                t.rows.push(vec![
                    Cell::text(p.scenario_id.clone()),
                    Cell::text(years[i].clone()),
                    Cell::text(measure.clone()),
                    cell,
                ]);
            }
        }
        let tot = &p.totals;
        for (measure, c) in [
            (m::PV_COST, Cell::Money(tot.pv_cost)),
            (m::PV_BENEFIT, Cell::Money(tot.pv_benefit)),
            (m::NPV, Cell::Money(tot.npv)),
            (
                m::BCR,
                tot.bcr
                    .map(|b| Cell::Qty(round_dp(b, 4), 4))
                    .unwrap_or(Cell::NA),
            ),
            (m::PAYBACK_YEAR, Cell::text(payback(p))),
            (m::CLOSING_RESERVE, Cell::Money(closing_reserve(p, terms)?)),
        ] {
            t.rows.push(vec![
                Cell::text(p.scenario_id.clone()),
                Cell::Empty,
                Cell::Measure(measure),
                c,
            ]);
        }
    }
    Ok(t)
}
