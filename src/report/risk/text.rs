//! The reading of a risk run for a section 151 officer: how likely each
//! pool is to overspend and what reserve would cover it at the confidence,
//! then the tables.

use super::{confidence_label, risk_tables};
use crate::analysis::risk::Risk;
use crate::report::format::grouped;
use crate::report::sensitivity::amount;
use crate::report::table::{render_text, Cell, Unit};
use rust_decimal::Decimal;

fn share(x: Decimal) -> String {
    Cell::Pct(x).display(Unit::Pounds)
}

/// The headline sentences, one per line.
pub fn headline(r: &Risk, unit: Unit) -> Vec<String> {
    let conf = confidence_label(r);
    let mut out = vec![];
    let o = &r.overspend;
    out.push(if o.share_positive.is_zero() {
        "No pool overspends in any draw: no reserve is needed for these ranges.".to_string()
    } else {
        format!(
            "The partnership overspends in {} of draws; a reserve of {} covers its total overspend at {conf} confidence (as planned: {}).",
            share(o.share_positive),
            amount(o.at_confidence, unit),
            amount(r.deterministic.overspend, unit),
        )
    });
    for p in &r.pools {
        let s = &p.stat;
        out.push(if s.share_positive.is_zero() {
            format!("  {} ({}): does not overspend in any draw.", p.name, p.id)
        } else {
            format!(
                "  {} ({}): overspends in {} of draws; reserve needed at {conf}: {}.",
                p.name,
                p.id,
                share(s.share_positive),
                amount(s.at_confidence, unit)
            )
        });
    }
    out
}

/// The whole text output of `poolplan risk`.
pub fn risk_text(r: &Risk, unit: Unit) -> String {
    let o = &r.options;
    let n = r.inputs.len();
    let mut s = format!(
        "Risk of scenario {} ({}): {} draws, seed {} (ChaCha8), {} ranged input{}. Money in {} (cash terms).\n",
        r.scenario_name,
        r.scenario_id,
        grouped(Decimal::from(o.draws), 0),
        o.seed,
        n,
        if n == 1 { "" } else { "s" },
        unit.label()
    );
    if n == 0 {
        s.push_str("This scenario has no [ranges]: every draw is the scenario as planned.\n");
    }
    s.push('\n');
    for l in headline(r, unit) {
        s.push_str(&l);
        s.push('\n');
    }
    s.push('\n');
    let mut tables = risk_tables(r, false);
    tables.retain(|t| !(t.id == "inputs" && t.rows.is_empty()));
    s.push_str(&render_text(&tables, unit));
    s
}
