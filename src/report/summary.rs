//! `poolplan summary`: per scenario, a table with years as columns
//! (contributions, spend, in-year gap, new gap in year and the total of
//! in-year gaps (`analysis::mtfs`), overspend, reserve, outcomes, cost per
//! outcome, benefit, fiscal and cashable benefit) and a total column, then
//! NPV, BCR, payback, financial ROI and fiscal payback; in cash or real
//! terms; and the §11.5 tables (cost per outcome by outcome measure, who
//! pays, who benefits), in cash. Rows are keyed by `measure` ids, shown by their labels.

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
    t.rows.extend(super::gap_rows::rows(p, terms)?);
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
    let f = &p.fiscal;
    t.rows
        .push(money_row(m::FISCAL_BENEFIT, &f.benefit_fiscal, true)?);
    t.rows
        .push(money_row(m::CASHABLE_BENEFIT, &f.benefit_cashable, true)?);
    Ok(t)
}

/// The closing reserve in `terms` (held at the end of the last year).
pub fn closing_reserve(p: &Projection, terms: Terms) -> R<Decimal> {
    terms.at(p, p.totals.closing_reserve, p.years.saturating_sub(1))
}

fn payback(p: &Projection) -> String {
    year_or_none(p, p.totals.payback)
}

/// The year a payback index names, or "none".
fn year_or_none(p: &Projection, y: Option<usize>) -> String {
    y.map(|y| p.year_label(y)).unwrap_or_else(|| "none".into())
}

/// §11.4 financial ROI to `dp` places, or n/a.
fn roi(p: &Projection, dp: u32) -> Cell {
    p.fiscal
        .financial_roi
        .map(|b| Cell::Qty(round_dp(b, dp), dp))
        .unwrap_or(Cell::NA)
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
        m::PV_FISCAL_BENEFIT,
        m::FINANCIAL_ROI,
        m::FISCAL_PAYBACK_YEAR,
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
            Cell::Money(p.fiscal.pv_fiscal_benefit),
            roi(p, 2),
            Cell::text(year_or_none(p, p.fiscal.payback)),
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
            (
                m::PV_FISCAL_BENEFIT,
                Cell::Money(p.fiscal.pv_fiscal_benefit),
            ),
            (m::FINANCIAL_ROI, roi(p, 4)),
            (
                m::FISCAL_PAYBACK_YEAR,
                Cell::text(year_or_none(p, p.fiscal.payback)),
            ),
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

/// §11.5 tables of one scenario (cash): cost per outcome by outcome
/// measure, and who pays, who benefits — for the partnership and for each
/// pool whose services yield a fiscal benefit.
pub fn benefit_tables(p: &Projection) -> Vec<Table> {
    use crate::analysis::{outcome_costs, who_pays};
    use crate::report::who_pays::{outcome_cost_table, who_pays_table};
    let mut out = vec![];
    if let Ok(rows) = outcome_costs::by_outcome(p, None) {
        if !rows.is_empty() {
            out.push(outcome_cost_table(p, &rows));
        }
    }
    let title = |what: &str| {
        format!(
            "{} ({}): who pays, who benefits{what}",
            p.scenario_name, p.scenario_id
        )
    };
    if let Ok(rows) = who_pays::who_pays(p, None) {
        out.push(who_pays_table("who_pays", title(" (all pools)"), &rows));
    }
    for pool in who_pays::pools_with_fiscal_benefit(p) {
        if let Ok(mut rows) = who_pays::who_pays(p, Some(pool)) {
            rows.retain(|r| r.partner || !r.receives.is_zero());
            let mut t = who_pays_table("who_pays_pool", title(&format!(" in pool {pool}")), &rows);
            t.notes = vec![format!("in pool {pool}: pays = contributions to the pool + risk shares there; receives = fiscal benefit of the pool's own services")];
            out.push(t);
        }
    }
    out
}
