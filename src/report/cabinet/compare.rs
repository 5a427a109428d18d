//! Table (d): each scenario compared with the first named — the difference
//! (scenario minus reference) by year and over the horizon, for the
//! headline measures, each partner's exposure and the NPV. Only the years
//! both scenarios cover are compared; each side is put in this export's
//! terms (cash, or real at its own deflator) before the difference is taken.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Source, Value, ROUNDING_NOTE};
use crate::engine::arith::{add, sub, R};
use crate::engine::Projection;
use crate::report::summary::reserve;
use rust_decimal::Decimal;

/// The comparison table (rows only when two or more scenarios are named).
pub fn comparison(scale: &Scale, sources: &[Source<'_>]) -> R<CabTable> {
    let mut columns: Vec<String> = ["Scenario", "Compared with", "Measure", "Partner"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    columns.extend(scale.year_headers());
    columns.push(scale.header("Change"));
    let mut rows = vec![];
    let mut notes = vec![];
    if let Some((first, rest)) = sources.split_first() {
        for b in rest {
            compare(scale, first, b, &mut rows)?;
            if first.projection.years != b.projection.years
                || first.projection.base_year != b.projection.base_year
            {
                notes.push(format!(
                    "{} and {} cover different years: only the years both cover are compared.",
                    b.projection.scenario_name, first.projection.scenario_name
                ));
            }
        }
    }
    let reference = sources
        .first()
        .map(|s| s.projection.scenario_name.clone())
        .unwrap_or_default();
    if rows.is_empty() {
        notes.push(
            "Name two or more scenarios to compare them: each is compared with the first named."
                .into(),
        );
    } else {
        notes.push(format!("Each figure is the scenario's less {reference}'s: positive means higher in the scenario. Change is the difference over the years compared; reserves are a balance, so they have none. Net present value is in base-year prices."));
        notes.push(ROUNDING_NOTE.into());
    }
    Ok(CabTable {
        slug: "comparison",
        sheet: "Comparison",
        title: format!(
            "Change from {reference} by scenario and year, {} ({})",
            scale.unit.label(),
            scale.terms()
        ),
        columns,
        rows,
        notes,
    })
}

fn compare(scale: &Scale, a: &Source<'_>, b: &Source<'_>, rows: &mut Vec<Row>) -> R<()> {
    let (pa, pb) = (a.projection, b.projection);
    let mut push = |measure: &str, partner: &str, cells: Vec<Value>| {
        let mut all = vec![
            Value::text(&pb.scenario_name),
            Value::text(&pa.scenario_name),
            Value::text(measure),
            Value::text(partner),
        ];
        all.extend(cells);
        rows.push(Row {
            kind: RowKind::Body,
            cells: all,
        });
    };
    let reserves = |p: &Projection| (0..p.years).map(|y| reserve(p, y)).collect::<Vec<_>>();
    let (ta, tb) = (&pa.totals, &pb.totals);
    let (ra, rb) = (reserves(pa), reserves(pb));
    let measures: [(&str, &[Decimal], &[Decimal], bool); 6] = [
        ("Contributions", &ta.contributions, &tb.contributions, true),
        ("Spend", &ta.spend, &tb.spend, true),
        (
            "In-year gap (spend less contributions)",
            &ta.in_year_gap,
            &tb.in_year_gap,
            true,
        ),
        (
            "Overspend after reserves",
            &ta.overspend,
            &tb.overspend,
            true,
        ),
        ("Reserves at year end", &ra, &rb, false),
        ("Benefit", &ta.benefit_total, &tb.benefit_total, true),
    ];
    for (name, xa, xb, change) in measures {
        push(name, "", difference(scale, pa, xa, pb, xb, change)?);
    }
    let mut partners: Vec<&str> = pa.exposure.iter().map(|e| e.partner.as_str()).collect();
    for e in &pb.exposure {
        if !partners.contains(&e.partner.as_str()) {
            partners.push(&e.partner);
        }
    }
    for id in partners {
        let series = |p: &Projection| {
            p.exposure
                .iter()
                .find(|e| e.partner == id)
                .map_or_else(|| vec![Decimal::ZERO; p.years], |e| e.values.clone())
        };
        let name = b
            .budget
            .partner(id)
            .or_else(|| a.budget.partner(id))
            .map_or(id, |x| x.name.as_str());
        push(
            "Exposure",
            name,
            difference(scale, pa, &series(pa), pb, &series(pb), true)?,
        );
    }
    let mut npv: Vec<Value> = scale.years.iter().map(|_| Value::Empty).collect();
    npv.push(scale.money(sub(tb.npv, ta.npv, "the comparison")?));
    push("Net present value", "", npv);
    Ok(())
}

/// `b − a` by year (in this export's terms) where both cover the year, then
/// the rounded exact change over those years when `change`.
fn difference(
    scale: &Scale,
    pa: &Projection,
    xa: &[Decimal],
    pb: &Projection,
    xb: &[Decimal],
    change: bool,
) -> R<Vec<Value>> {
    let (va, vb) = (scale.in_terms(pa, xa)?, scale.in_terms(pb, xb)?);
    let mut cells = vec![];
    let mut total = Decimal::ZERO;
    for y in &scale.years {
        match (scale.index(pa, *y), scale.index(pb, *y)) {
            (Some(i), Some(j)) => {
                let d = sub(vb[j], va[i], "the comparison")?;
                total = add(total, d, "the comparison")?;
                cells.push(scale.money(d));
            }
            _ => cells.push(Value::Empty),
        }
    }
    cells.push(if change {
        scale.money(total)
    } else {
        Value::Empty
    });
    Ok(cells)
}
