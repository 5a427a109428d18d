//! `exposure`: each partner's contribution and risk share over the horizon,
//! stacked (a refund, a negative risk share, runs back from zero as Excel
//! stacks it), for one scenario, from the Pools table's "All pools" rows.

use super::hbar::{entry, text_px, Bar, HBars, LabelAt};
use super::style::{self, Mark};
use super::{body, cabinet, starts, text, total, Inputs};
use crate::report::cabinet::{CabTable, Value};

/// The Pools table's name for the rows over every pool and every partner.
pub const ALL_POOLS: &str = "All pools";
pub const ALL_PARTNERS: &str = "All partners";

/// Partner × (contribution, risk share, exposure), horizon totals.
pub fn table(i: &Inputs<'_>) -> Result<CabTable, String> {
    let pools = cabinet(i, "pools")?;
    let mut rows = vec![];
    for r in &pools.rows {
        let partner = text(r, 2);
        if !starts(r, &[&i.scenario, ALL_POOLS]) || partner == ALL_PARTNERS {
            continue;
        }
        let at = match text(r, 3).as_str() {
            "Contribution" => 1,
            "Risk share" => 2,
            "Exposure" => 3,
            _ => continue,
        };
        if at == 1 {
            rows.push(body(vec![
                Value::text(&partner),
                Value::Empty,
                Value::Empty,
                Value::Empty,
            ]));
        }
        if let Some(row) = rows.last_mut() {
            row.cells[at] = total(r);
        }
    }
    if rows.is_empty() {
        return Err(format!(
            "the pools table has no partners for scenario {}",
            i.scenario
        ));
    }
    let u = i.scale.label();
    Ok(CabTable {
        slug: "chart-exposure",
        sheet: "Chart exposure",
        title: format!(
            "Contributions and risk share by partner over the horizon, {}, {} ({})",
            i.scenario,
            i.scale.unit.label(),
            i.scale.terms()
        ),
        columns: vec![
            "Partner".into(),
            format!("Contribution {u}"),
            format!("Risk share {u}"),
            format!("Exposure {u}"),
        ],
        rows,
        notes: vec![u],
    })
}

/// Stacked bars: contribution, then risk share.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let mut bars = vec![];
    let mut words = vec![];
    for (i, r) in t.rows.iter().enumerate() {
        let c = style::coord(&r.cells[1]);
        let s = style::coord(&r.cells[2]);
        let (from, to) = if s >= 0.0 { (c, c + s) } else { (0.0, s) };
        // Both labels after the stack's end: "contribution + risk share".
        let end = c.max(to).max(0.0);
        let first = style::label(&r.cells[1]).unwrap_or_default();
        let plus = 6 + text_px(&first);
        bars.push(Bar {
            row: i,
            band: (0.2, 0.8),
            series: 0,
            from: 0.0,
            to: c,
            label: Some(first),
            label_at: LabelAt::Beyond(end, 6),
        });
        words.push((i, end, plus + 4, "+".to_string()));
        bars.push(Bar {
            row: i,
            band: (0.2, 0.8),
            series: 1,
            from,
            to,
            label: style::label(&r.cells[2]),
            label_at: LabelAt::Beyond(end, plus + 18),
        });
    }
    let unit = t.notes.first().cloned().unwrap_or_default();
    super::hbar::render(&HBars {
        title: "Contributions and risk share by partner".into(),
        subtitle: t.title.clone(),
        axis: unit,
        rows: t.rows.iter().map(|r| text(r, 0)).collect(),
        bars,
        rules: vec![],
        words,
        series: vec![
            entry("Contribution", 0, Mark::Solid),
            entry(
                "Risk share (overspend borne; a refund is negative)",
                1,
                Mark::Hatched,
            ),
        ],
        notes: vec![
            "Labels: contribution + risk share. Exposure = contribution + risk share.".into(),
        ],
    })
}
