//! `monitor` as aligned tables: one per pool (its services by id, then the
//! pool), the partnership total, each pool's planned and forecast risk
//! shares, and each partner's shares over all pools. Money in the chosen
//! unit; RAG is the last column so ANSI colour never upsets the alignment.

use super::heading;
use crate::analysis::monitor::{MonitorReport, Rag, ShareRow};
use crate::report::table::{render_text as render, Cell, Table, Unit};
use rust_decimal::Decimal;

fn rag_cell(rag: Rag, color: bool) -> Cell {
    let name = rag.name().to_uppercase();
    if !color {
        return Cell::Text(name);
    }
    let code = match rag {
        Rag::Red => "31",
        Rag::Amber => "33",
        Rag::Green => "32",
    };
    Cell::Text(format!("\x1b[{code}m{name}\x1b[0m"))
}

fn pct_cell(x: Option<Decimal>) -> Cell {
    x.map_or(Cell::NA, Cell::Pct)
}

fn columns(first: &str, unit: Unit) -> Vec<String> {
    let u = unit.label();
    let mut c = vec![first.to_string()];
    for name in ["budget", "actual to date", "forecast", "variance"] {
        c.push(format!("{name} {u}"));
    }
    c.extend(["variance %".into(), "method".into(), "RAG".into()]);
    c
}

fn shares_table(title: String, first: &str, unit: Unit, rows: Vec<(String, &ShareRow)>) -> Table {
    let u = unit.label();
    let cols = vec![
        first.to_string(),
        "partner".into(),
        format!("planned share {u}"),
        format!("forecast share {u}"),
        format!("change {u}"),
    ];
    let mut t = Table::new("monitor-shares", title, cols);
    for (label, s) in rows {
        t.rows.push(vec![
            Cell::Text(label),
            Cell::text(&s.partner),
            Cell::Money(s.planned),
            Cell::Money(s.forecast),
            Cell::Money(s.variance),
        ]);
    }
    t
}

/// Render the report as text tables in `unit`, RAG coloured when `color`.
pub fn render_text(r: &MonitorReport, unit: Unit, color: bool) -> String {
    let mut tables = vec![];
    for p in &r.pools {
        let mut t = Table::new(
            "monitor-pool",
            format!("{} ({})", p.name, p.id),
            columns("service", unit),
        );
        for s in &p.services {
            t.rows.push(vec![
                Cell::text(&s.id),
                Cell::Money(s.budget),
                Cell::Money(s.actual),
                Cell::Money(s.forecast),
                Cell::Money(s.variance),
                pct_cell(s.variance_pct),
                Cell::text(s.method),
                rag_cell(s.rag, color),
            ]);
        }
        t.rows.push(vec![
            Cell::text("pool"),
            Cell::Money(p.budget),
            Cell::Money(p.actual),
            Cell::Money(p.forecast),
            Cell::Money(p.variance),
            pct_cell(p.variance_pct),
            Cell::Empty,
            rag_cell(p.rag, color),
        ]);
        let shown = |x: Decimal| Cell::Money(x.abs()).display(unit);
        let balance = if p.forecast_balance < Decimal::ZERO {
            format!("forecast overspend {}", shown(p.forecast_balance))
        } else {
            format!("forecast underspend {}", shown(p.forecast_balance))
        };
        let offset = if p.offset.is_zero() {
            String::new()
        } else {
            format!("; agreement offset {}", Cell::Money(p.offset).display(unit))
        };
        t.notes.push(format!(
            "income {} − forecast {} = {balance}{offset} (plan balance {})",
            Cell::Money(p.income).display(unit),
            Cell::Money(p.forecast).display(unit),
            Cell::Money(p.planned_balance).display(unit),
        ));
        tables.push(t);
    }
    let mut t = Table::new("monitor-total", "Partnership", columns("", unit));
    let tot = &r.total;
    t.rows.push(vec![
        Cell::text("all pools"),
        Cell::Money(tot.budget),
        Cell::Money(tot.actual),
        Cell::Money(tot.forecast),
        Cell::Money(tot.variance),
        pct_cell(tot.variance_pct),
        Cell::Empty,
        rag_cell(tot.rag, color),
    ]);
    tables.push(t);
    let by_pool = r
        .pools
        .iter()
        .flat_map(|p| p.shares.iter().map(|s| (p.id.clone(), s)))
        .collect();
    tables.push(shares_table(
        "Risk share of each pool's over/underspend (+ borne, − refund)".into(),
        "pool",
        unit,
        by_pool,
    ));
    let totals = r
        .partners
        .iter()
        .map(|s| ("all pools".to_string(), s))
        .collect();
    tables.push(shares_table(
        "What each partner is forecast to bear over all pools".into(),
        "",
        unit,
        totals,
    ));
    let amber = crate::analysis::pct(r.thresholds.amber);
    let red = crate::analysis::pct(r.thresholds.red);
    let mut out = format!(
        "{}\nMoney in {}. RAG: red above +{red} of budget, amber above +{amber}. Figures are rounded for display; -O csv has them to the penny.\n\n",
        heading(r),
        unit.label()
    );
    out.push_str(&render(&tables, unit));
    out
}
