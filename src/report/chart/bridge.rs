//! `bridge`: the waterfall of the total of in-year gaps over the horizon
//! from the first scenario to the second (`analysis::bridge`), in cash
//! terms: the start total, each driver's change, the end total.
//!
//! The data table carries, besides each change and the gap after it, the
//! three columns a stacked-column waterfall in Excel needs: an invisible
//! base, the increase and the decrease (each the rounded exact figure).
//! Excel stacks negatives down from zero, so a step whose bar crosses zero
//! is drawn there from zero to the gap after it (its change is still the
//! label); the SVG draws every bar exactly.

use super::hbar::{entry, Bar, HBars, LabelAt};
use super::style::{self, Mark};
use super::{body, BridgeInput};
use crate::report::cabinet::{CabTable, Scale, Value};
use rust_decimal::Decimal;

/// Columns of the data table.
pub const CHANGE: usize = 2;
pub const AFTER: usize = 3;

/// Start, steps and end; base / increase / decrease / total for Excel.
pub fn table(scale: &Scale, b: &BridgeInput<'_>) -> CabTable {
    let cash = Scale {
        real: false,
        ..scale.clone()
    };
    let m = |x: Decimal| cash.money(x);
    let e = || Value::Empty;
    // The title says what is totalled; the end rows fit on one line.
    let years = crate::analysis::bridge::measure::of_years(b.bridge.years);
    let total = format!("total over {years}");
    let mut rows = vec![body(vec![
        e(),
        Value::text(format!("{}: {total}", b.from)),
        e(),
        m(b.bridge.start),
        m(Decimal::ZERO),
        e(),
        e(),
        m(b.bridge.start),
    ])];
    let mut before = b.bridge.start;
    for s in &b.bridge.steps {
        let after = s.gap_after;
        let (lo, hi) = (before.min(after), before.max(after));
        let (base, bar) = if lo >= Decimal::ZERO {
            (lo, hi - lo)
        } else if hi <= Decimal::ZERO {
            (hi, lo - hi)
        } else {
            (Decimal::ZERO, after)
        };
        let up = s.gap_change >= Decimal::ZERO;
        rows.push(body(vec![
            Value::Num(s.number.into(), 0),
            Value::text(&s.driver),
            m(s.gap_change),
            m(after),
            m(base),
            if up { m(bar) } else { e() },
            if up { e() } else { m(bar) },
            e(),
        ]));
        before = after;
    }
    rows.push(body(vec![
        e(),
        Value::text(format!("{}: {total}", b.to)),
        m(b.bridge.end - b.bridge.start),
        m(b.bridge.end),
        m(Decimal::ZERO),
        e(),
        e(),
        m(b.bridge.end),
    ]));
    let u = cash.label();
    let columns = [
        "Step",
        "Driver",
        "Change",
        "Gap after",
        "Base",
        "Increase",
        "Decrease",
        "Total",
    ]
    .iter()
    .enumerate()
    .map(|(i, c)| {
        if i < 2 {
            c.to_string()
        } else {
            format!("{c} {u}")
        }
    })
    .collect();
    let mut notes = vec![
        "Positive changes widen the gap. The bridge is in cash terms. Base, Increase, Decrease and Total draw the waterfall in Excel (Base is invisible).".to_string(),
    ];
    notes.extend(b.bridge.notes.iter().cloned());
    CabTable {
        slug: "chart-bridge",
        sheet: "Chart bridge",
        title: format!(
            "Bridge of the {}, {} to {}, {} (cash)",
            b.bridge.measure.title(b.bridge.years),
            b.from,
            b.to,
            cash.unit.label()
        ),
        columns,
        rows,
        notes,
    }
}

/// The waterfall, one row per step, top to bottom.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let n = t.rows.len();
    let mut bars = vec![];
    let mut before = 0.0;
    for (i, r) in t.rows.iter().enumerate() {
        let after = style::coord(&r.cells[AFTER]);
        let ends = i == 0 || i + 1 == n;
        let (from, series, label) = if ends {
            (0.0, 0, style::label(&r.cells[AFTER]))
        } else {
            let up = after >= before;
            (
                before,
                if up { 1 } else { 2 },
                style::label(&r.cells[CHANGE]),
            )
        };
        bars.push(Bar {
            row: i,
            band: (0.2, 0.8),
            series,
            from,
            to: after,
            label,
            // Right of the bar, whichever way it goes: clear of the names.
            label_at: LabelAt::Beyond(from.max(after), 4),
        });
        before = after;
    }
    let unit = t.columns[AFTER]
        .trim_start_matches("Gap after ")
        .to_string();
    super::hbar::render(&HBars {
        title: "Bridge of the total of in-year gaps".into(),
        subtitle: t.title.clone(),
        axis: format!("Total of in-year gaps, {unit} (cash)"),
        rows: t.rows.iter().map(|r| super::text(r, 1)).collect(),
        bars,
        words: vec![],
        rules: vec![],
        series: vec![
            entry("Total of in-year gaps", 0, Mark::Solid),
            entry("Widens the gap", 1, Mark::Hatched),
            entry("Narrows the gap", 3, Mark::Outline),
        ],
        notes: t.notes.iter().skip(1).cloned().collect(),
    })
}
