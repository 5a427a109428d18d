//! Unit tests of the chart data tables, with hand-worked figures.

use super::*;
use crate::analysis::bridge::{Bridge, Step};
use crate::model::Year;
use crate::report::cabinet::RowKind;
use crate::report::table::Unit;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn scale() -> Scale {
    Scale {
        unit: Unit::Pounds,
        real: false,
        price_base: Some(Year(2009)),
        years: vec![Year(2009), Year(2010)],
    }
}

fn n(x: Decimal) -> Value {
    Value::Num(x, 0)
}

fn step(number: usize, gap_change: Decimal, gap_after: Decimal) -> Step {
    Step {
        number,
        driver: format!("driver {number}"),
        change: gap_change,
        after: gap_after,
        gap_change,
        gap_after,
        note: None,
    }
}

#[test]
fn the_bridge_table_floats_each_step_on_an_invisible_base() {
    let b = Bridge {
        measure: crate::analysis::bridge::Measure::Gap,
        years: 3,
        start: dec!(100),
        end: dec!(-80),
        steps: vec![
            step(1, dec!(50), dec!(150)),
            step(2, dec!(-200), dec!(-50)),
            step(3, dec!(-30), dec!(-80)),
        ],
        notes: vec![],
    };
    let input = BridgeInput {
        bridge: &b,
        from: "A".into(),
        to: "B".into(),
    };
    let t = bridge::table(&scale(), &input);
    let cols = |r: &Row| r.cells[2..].to_vec();
    let e = Value::Empty;
    // change, gap after, base, increase, decrease, total
    assert_eq!(
        cols(&t.rows[0]),
        [
            e.clone(),
            n(dec!(100)),
            n(dec!(0)),
            e.clone(),
            e.clone(),
            n(dec!(100))
        ]
    );
    assert_eq!(
        cols(&t.rows[1]),
        [
            n(dec!(50)),
            n(dec!(150)),
            n(dec!(100)),
            n(dec!(50)),
            e.clone(),
            e.clone()
        ]
    );
    // Crossing zero: Excel draws it from zero to the gap after.
    assert_eq!(
        cols(&t.rows[2]),
        [
            n(dec!(-200)),
            n(dec!(-50)),
            n(dec!(0)),
            e.clone(),
            n(dec!(-50)),
            e.clone()
        ]
    );
    // Below zero: the base is the upper end, the bar runs down.
    assert_eq!(
        cols(&t.rows[3]),
        [
            n(dec!(-30)),
            n(dec!(-80)),
            n(dec!(-50)),
            e.clone(),
            n(dec!(-30)),
            e.clone()
        ]
    );
    assert_eq!(
        cols(&t.rows[4]),
        [
            n(dec!(-180)),
            n(dec!(-80)),
            n(dec!(0)),
            e.clone(),
            e.clone(),
            n(dec!(-80))
        ]
    );
    assert_eq!(t.rows[4].cells[1], Value::text("B: total over 3 years"));
}

fn row(cells: &[Value]) -> Row {
    Row {
        kind: RowKind::Body,
        cells: cells.to_vec(),
    }
}

fn cab(slug: &'static str, rows: Vec<Row>) -> CabTable {
    CabTable {
        slug,
        sheet: "x",
        title: String::new(),
        columns: vec![],
        rows,
        notes: vec![],
    }
}

fn pools_row(partner: &str, measure: &str, total: Decimal) -> Row {
    let t = Value::text;
    row(&[
        t("S"),
        t("All pools"),
        t(partner),
        t(measure),
        e(),
        e(),
        n(total),
    ])
}

fn e() -> Value {
    Value::Empty
}

#[test]
fn exposure_and_benefits_copy_the_pools_and_headline_cells() {
    let pools = cab(
        "pools",
        vec![
            pools_row("Council", "Contribution", dec!(90)),
            pools_row("Council", "Risk share", dec!(-4)),
            pools_row("Council", "Exposure", dec!(86)),
            pools_row("All partners", "Contribution", dec!(90)),
            pools_row("All partners", "Risk share", dec!(-4)),
            pools_row("All partners", "Exposure", dec!(86)),
        ],
    );
    let t = Value::text;
    let headline = cab(
        "headline",
        vec![row(&[t("S"), t("Benefit"), e(), e(), n(dec!(70))])],
    );
    let tables = [pools, headline];
    let s = scale();
    let i = Inputs {
        scale: &s,
        tables: &tables,
        scenario: "S".into(),
        bridge: None,
        providers: None,
        monitor: None,
    };
    let x = table(Kind::Exposure, &i).unwrap().table;
    assert_eq!(x.rows.len(), 1, "all partners is not a partner");
    assert_eq!(
        x.rows[0].cells,
        [t("Council"), n(dec!(90)), n(dec!(-4)), n(dec!(86))]
    );
    assert!(table(Kind::Benefits, &i).is_err(), "no who-pays table");
    assert!(table(Kind::Gap, &i).is_err(), "no gap rows is an error");
    assert!(table(Kind::Bridge, &i).is_err(), "no bridge is an error");
}

fn who_row(name: &str, kind: &str, v: [Decimal; 3]) -> Row {
    let t = Value::text;
    let mut c = vec![t("S"), t(name), t(kind)];
    c.extend(v.iter().map(|x| n(*x)));
    c.extend((0..5).map(|_| n(dec!(0))));
    row(&c)
}

#[test]
fn benefits_copy_the_who_pays_cells_of_the_scenario() {
    let t = Value::text;
    let mut total = who_row("Total", "", [dec!(100), dec!(75), dec!(10)]);
    total.kind = RowKind::Total;
    let who = cab(
        "who-pays",
        vec![
            who_row("council", "Partner", [dec!(100), dec!(40), dec!(10)]),
            who_row("dwp", "Outside", [dec!(0), dec!(35), dec!(0)]),
            who_row("society", "Outside", [dec!(0), dec!(0), dec!(0)]),
            total,
        ],
    );
    let tables = [who];
    let s = scale();
    let i = Inputs {
        scale: &s,
        tables: &tables,
        scenario: "S".into(),
        bridge: None,
        providers: None,
        monitor: None,
    };
    let b = table(Kind::Benefits, &i).unwrap().table;
    assert_eq!(b.rows.len(), 2, "no total, no all-zero row");
    assert_eq!(
        b.rows[0].cells,
        [t("council"), n(dec!(100)), n(dec!(40)), n(dec!(10))]
    );
    assert_eq!(
        b.rows[1].cells,
        [t("dwp (outside)"), n(dec!(0)), n(dec!(35)), n(dec!(0))]
    );
    assert!(
        b.notes.iter().any(|x| x.contains("society")),
        "{:?}",
        b.notes
    );
    let svg = svg(&ChartTable {
        kind: Kind::Benefits,
        table: b,
        in_place: None,
    })
    .unwrap();
    assert!(svg.contains("fill=\"#101010\">\n35\n</text>"), "{svg}");
}

#[test]
fn an_svg_is_the_same_every_time_and_labels_every_figure() {
    let t = Value::text;
    let ct = ChartTable {
        kind: Kind::Exposure,
        table: CabTable {
            slug: "chart-exposure",
            sheet: "Chart exposure",
            title: "t".into(),
            columns: vec!["Partner".into(), "C".into(), "R".into(), "E".into()],
            rows: vec![row(&[
                t("Council"),
                n(dec!(1234)),
                n(dec!(-56)),
                n(dec!(1178)),
            ])],
            notes: vec!["£".into()],
        },
        in_place: None,
    };
    let a = svg(&ct).unwrap();
    assert_eq!(a, svg(&ct).unwrap());
    assert!(a.contains("fill=\"#101010\">\n1,234\n</text>"), "{a}");
    assert!(a.contains("fill=\"#101010\">\n-56\n</text>"));
}
