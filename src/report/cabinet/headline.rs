//! Table (a): the headline by scenario and year, and each scenario's value
//! for money over the horizon (NPV and BCR are once-only figures, so they
//! get their own table rather than a year column).

use super::scale::{qty, Scale};
use super::{CabTable, Row, RowKind, Value, ROUNDING_NOTE};
use crate::analysis::mtfs;
use crate::engine::arith::{sum, R};
use crate::engine::Projection;
use crate::report::summary::reserve;
use rust_decimal::Decimal;

/// Headline measures by scenario and year, with a Total column.
pub fn headline(scale: &Scale, ps: &[&Projection]) -> R<CabTable> {
    let mut columns = vec!["Scenario".to_string(), "Measure".to_string()];
    columns.extend(scale.year_headers());
    columns.push(scale.header("Total"));
    let mut rows = vec![];
    for p in ps {
        let t = &p.totals;
        let reserves: Vec<Decimal> = (0..p.years).map(|y| reserve(p, y)).collect();
        let measures: [(&str, &[Decimal], bool); 5] = [
            ("Contributions", &t.contributions, true),
            ("Spend", &t.spend, true),
            ("Overspend after reserves", &t.overspend, true),
            ("Reserves at year end", &reserves, false),
            ("Benefit", &t.benefit_total, true),
        ];
        let mut body = |name: &str, money: Vec<Value>| {
            let mut cells = vec![Value::text(&p.scenario_name), Value::text(name)];
            cells.extend(money);
            rows.push(Row {
                kind: RowKind::Body,
                cells,
            });
        };
        for (i, (name, series, total)) in measures.into_iter().enumerate() {
            body(name, scale.money_cells(p, series, total)?);
            if i == 1 {
                for (name, cells) in gap_rows(scale, p)? {
                    body(&name, cells);
                }
            }
        }
    }
    Ok(CabTable {
        slug: "headline",
        sheet: "Headline",
        title: format!(
            "Headline by scenario and year, {} ({})",
            scale.unit.label(),
            scale.terms()
        ),
        columns,
        rows,
        notes: vec![
            "In-year gap: positive is a shortfall; each year's gap is against the base, as an MTFS's cumulative gap (a recurrent saving stays made), so it has no total. New gap in year: the year's gap less the year before's (in the first year, its gap), as an MTFS's annual gap; the new gaps total the last year's gap. The total of in-year gaps adds every year's gap: it is what the comparison bridge explains. Reserves at year end are a balance, so they have no total."
                .into(),
            ROUNDING_NOTE.into(),
        ],
    })
}

/// The MTFS rows (`analysis::mtfs`) in the export's terms: label, then
/// year cells and the total cell.
fn gap_rows(scale: &Scale, p: &Projection) -> R<Vec<(String, Vec<Value>)>> {
    let gap = scale.in_terms(p, &p.totals.in_year_gap)?;
    let new = mtfs::new_gaps(&gap)?;
    let cells = |v: &[Decimal], total: Value| {
        let mut c = scale.spread(p, |t| scale.money(v[t]));
        c.push(total);
        c
    };
    let mut total = scale.spread(p, |_| Value::Empty);
    total.push(scale.money(mtfs::total_of_gaps(&gap)?));
    Ok(vec![
        (IN_YEAR_GAP.into(), cells(&gap, Value::Empty)),
        (
            NEW_GAP.into(),
            cells(&new, scale.money(sum(&new, "the new gaps")?)),
        ),
        (capital(&mtfs::total_label(p.years)), total),
    ])
}

/// The headline rows' labels (the reconciliation test reads them).
pub const IN_YEAR_GAP: &str = "In-year gap (spend less contributions; MTFS cumulative gap)";
pub const NEW_GAP: &str = "New gap in year (MTFS annual gap)";

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Present values (always in base-year prices), NPV, BCR and payback.
pub fn value_for_money(scale: &Scale, ps: &[&Projection]) -> CabTable {
    let pv_label = |what: &str| {
        let label = match scale.price_base {
            Some(b) => format!("{}, {b} prices", scale.unit.label()),
            None => scale.unit.label().to_string(),
        };
        format!("{what} {label}")
    };
    let columns = vec![
        "Scenario".to_string(),
        pv_label("Present value of spend"),
        pv_label("Present value of benefit"),
        pv_label("Net present value"),
        "Benefit-cost ratio".to_string(),
        "Payback year".to_string(),
        "Discount rate".to_string(),
    ];
    let rows = ps
        .iter()
        .map(|p| {
            let t = &p.totals;
            Row {
                kind: RowKind::Body,
                cells: vec![
                    Value::text(&p.scenario_name),
                    scale.money(t.pv_cost),
                    scale.money(t.pv_benefit),
                    scale.money(t.npv),
                    t.bcr.map(|b| qty(b, 2)).unwrap_or(Value::NA),
                    Value::text(
                        t.payback
                            .map(|y| p.year_label(y))
                            .unwrap_or_else(|| "none".into()),
                    ),
                    Value::text(percent(p.rates.discount_rate)),
                ],
            }
        })
        .collect();
    let base = match scale.price_base {
        Some(b) => format!("{b} prices"),
        None => "each scenario's base-year prices".into(),
    };
    CabTable {
        slug: "value-for-money",
        sheet: "Value for money",
        title: format!(
            "Value for money over the horizon, {} (present values in {base})",
            scale.unit.label()
        ),
        columns,
        rows,
        notes: vec![
            "Present values are in base-year prices whether the other tables are cash or real: real terms at the scenario's deflator, discounted at its discount rate (HM Treasury Green Book). Net present value = benefit less spend; payback is the first year whose cumulative real benefit covers cumulative real spend.".into(),
            ROUNDING_NOTE.into(),
        ],
    }
}

/// A rate as a percentage, e.g. `3.5%`.
fn percent(rate: Decimal) -> String {
    format!(
        "{}%",
        crate::report::format::plain(rate * Decimal::ONE_HUNDRED, 4)
    )
}
