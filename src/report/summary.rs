//! `poolplan summary`: per scenario, a table with years as columns
//! (contributions, spend, in-year gap, overspend, reserve, outcomes, cost per
//! outcome, benefit) and a total column, then NPV, BCR and payback.

use super::table::{Cell, Table};
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

/// The headline table of one scenario.
pub fn headline_table(p: &Projection) -> Table {
    let mut cols = vec!["measure".to_string()];
    cols.extend(p.year_labels());
    cols.push("total".into());
    let mut t = Table::new(format!("{} ({})", p.scenario_name, p.scenario_id), cols);
    let tot = &p.totals;
    let n = p.years;
    let money_row = |name: &str, v: &[Decimal], total: Option<Decimal>| {
        let mut r = vec![Cell::text(name)];
        r.extend(v.iter().map(|x| Cell::Money(*x)));
        r.push(total.map(Cell::Money).unwrap_or(Cell::Empty));
        r
    };
    let s = |v: &[Decimal]| v.iter().copied().sum::<Decimal>();
    t.rows.push(money_row(
        "contributions",
        &tot.contributions,
        Some(s(&tot.contributions)),
    ));
    t.rows
        .push(money_row("spend", &tot.spend, Some(s(&tot.spend))));
    t.rows.push(money_row(
        "in-year gap",
        &tot.in_year_gap,
        Some(s(&tot.in_year_gap)),
    ));
    t.rows.push(money_row(
        "overspend",
        &tot.overspend,
        Some(s(&tot.overspend)),
    ));
    let reserves: Vec<Decimal> = (0..n).map(|y| reserve(p, y)).collect();
    t.rows.push(money_row("reserve", &reserves, None));
    let mut r = vec![Cell::text("outcomes")];
    r.extend(tot.outcomes.iter().map(|x| Cell::Qty(*x, 1)));
    r.push(Cell::Qty(s(&tot.outcomes), 1));
    t.rows.push(r);
    // The sum of unlike outcomes: labelled as such (by measure: outcome_cost_table).
    let mut r = vec![Cell::text("cost per outcome (all outcomes)")];
    r.extend(
        (0..n).map(|y| Cell::money_or_na(cost_per_outcome(tot.service_cost[y], tot.outcomes[y]))),
    );
    r.push(Cell::money_or_na(cost_per_outcome(
        s(&tot.service_cost),
        s(&tot.outcomes),
    )));
    t.rows.push(r);
    t.rows.push(money_row(
        "benefit",
        &tot.benefit_total,
        Some(s(&tot.benefit_total)),
    ));
    let f = &p.fiscal;
    t.rows.push(money_row(
        "fiscal benefit",
        &f.benefit_fiscal,
        Some(s(&f.benefit_fiscal)),
    ));
    t.rows.push(money_row(
        "cashable benefit",
        &f.benefit_cashable,
        Some(s(&f.benefit_cashable)),
    ));
    t
}

/// The year a payback index names, or "none".
fn year_or_none(p: &Projection, y: Option<usize>) -> Cell {
    Cell::text(y.map(|y| p.year_label(y)).unwrap_or_else(|| "none".into()))
}

/// The value-for-money table of several scenarios: NPV, BCR, payback.
pub fn value_table(ps: &[&Projection]) -> Table {
    let cols = [
        "scenario",
        "pv_cost",
        "pv_benefit",
        "npv",
        "bcr",
        "payback_year",
        "closing_reserve",
        "pv_fiscal_benefit",
        "financial_roi",
        "fiscal_payback_year",
    ];
    let mut t = Table::new(
        "Value for money (present values, base-year prices)",
        cols.iter().map(|c| c.to_string()).collect(),
    );
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
            Cell::text(
                tot.payback
                    .map(|y| p.year_label(y))
                    .unwrap_or_else(|| "none".into()),
            ),
            Cell::Money(tot.closing_reserve),
            Cell::Money(p.fiscal.pv_fiscal_benefit),
            p.fiscal
                .financial_roi
                .map(|b| Cell::Qty(round_dp(b, 2), 2))
                .unwrap_or(Cell::NA),
            year_or_none(p, p.fiscal.payback),
        ]);
    }
    t
}

/// All summary tables: one headline table per scenario, then value for money.
pub fn summary_tables(ps: &[&Projection]) -> Vec<Table> {
    let mut out: Vec<Table> = ps.iter().map(|p| headline_table(p)).collect();
    out.push(value_table(ps));
    out
}

/// Summary as long CSV rows: scenario, year, measure, value (raw).
pub fn summary_long(ps: &[&Projection]) -> Table {
    let mut t = Table::new(
        "summary",
        ["scenario", "year", "measure", "value"]
            .iter()
            .map(|c| c.to_string())
            .collect(),
    );
    for p in ps {
        let h = headline_table(p);
        let years = &h.columns[1..];
        for row in &h.rows {
            let Cell::Text(measure) = &row[0] else {
                continue;
            };
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
                    Cell::text(measure_id(measure)),
                    cell,
                ]);
            }
        }
        let tot = &p.totals;
        for (m, c) in [
            ("pv_cost", Cell::Money(tot.pv_cost)),
            ("pv_benefit", Cell::Money(tot.pv_benefit)),
            ("npv", Cell::Money(tot.npv)),
            (
                "bcr",
                tot.bcr
                    .map(|b| Cell::Qty(round_dp(b, 4), 4))
                    .unwrap_or(Cell::NA),
            ),
            (
                "payback_year",
                Cell::text(
                    tot.payback
                        .map(|y| p.year_label(y))
                        .unwrap_or_else(|| "none".into()),
                ),
            ),
            ("closing_reserve", Cell::Money(tot.closing_reserve)),
            ("pv_fiscal_benefit", Cell::Money(p.fiscal.pv_fiscal_benefit)),
            (
                "financial_roi",
                p.fiscal
                    .financial_roi
                    .map(|b| Cell::Qty(round_dp(b, 4), 4))
                    .unwrap_or(Cell::NA),
            ),
            ("fiscal_payback_year", year_or_none(p, p.fiscal.payback)),
        ] {
            t.rows.push(vec![
                Cell::text(p.scenario_id.clone()),
                Cell::Empty,
                Cell::text(m),
                c,
            ]);
        }
    }
    t
}

/// A row label as a measure id: words joined by `_`, a parenthesised
/// qualifier dropped (`cost per outcome (all outcomes)` → `cost_per_outcome`).
fn measure_id(label: &str) -> String {
    label.split(" (").next().unwrap_or(label).replace(' ', "_")
}

/// §11.5 tables of one scenario: cost per outcome by outcome measure, and
/// who pays, who benefits — for the partnership and for each pool whose
/// services yield a fiscal benefit.
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
        out.push(who_pays_table(title(" (all pools)"), &rows));
    }
    for pool in who_pays::pools_with_fiscal_benefit(p) {
        if let Ok(mut rows) = who_pays::who_pays(p, Some(pool)) {
            rows.retain(|r| r.partner || !r.receives.is_zero());
            let mut t = who_pays_table(title(&format!(" in pool {pool}")), &rows);
            t.notes = vec![format!("in pool {pool}: pays = contributions to the pool + risk shares there; receives = fiscal benefit of the pool's own services")];
            out.push(t);
        }
    }
    out
}
