//! The MTFS gap rows of `summary`'s and `compare`'s headline tables, from
//! `analysis::mtfs` in the table's terms: the gap in each year (no total:
//! each year's gap already counts every earlier year's), the new gap
//! arising in each year (total: the last year's gap), and the total of
//! in-year gaps over the horizon (only in the total column).

use super::measure as m;
use super::table::Cell;
use super::terms::Terms;
use crate::analysis::mtfs;
use crate::engine::arith::{sub, sum, R};
use crate::engine::Projection;
use rust_decimal::Decimal;

const WHAT: &str = "the MTFS gap rows";

/// One scenario's gaps in `terms`.
struct Gaps {
    gap: Vec<Decimal>,
    new: Vec<Decimal>,
    new_total: Decimal,
    total: Decimal,
}

fn gaps(p: &Projection, terms: Terms) -> R<Gaps> {
    let gap = terms.series(p, &p.totals.in_year_gap)?;
    let new = mtfs::new_gaps(&gap)?;
    Ok(Gaps {
        new_total: sum(&new, WHAT)?,
        total: mtfs::total_of_gaps(&gap)?,
        gap,
        new,
    })
}

fn row(lead: Vec<Cell>, v: &[Decimal], total: Cell) -> Vec<Cell> {
    let mut r = lead;
    r.extend(v.iter().map(|x| Cell::Money(*x)));
    r.push(total);
    r
}

fn total_row(lead: Vec<Cell>, years: usize, total: Decimal) -> Vec<Cell> {
    let mut r = lead;
    r.extend((0..years).map(|_| Cell::Empty));
    r.push(Cell::Money(total));
    r
}

/// `summary`'s rows: measure, a column per year, total.
pub fn rows(p: &Projection, terms: Terms) -> R<Vec<Vec<Cell>>> {
    let g = gaps(p, terms)?;
    let label = Cell::MeasureAs(m::TOTAL_OF_GAPS, mtfs::total_label(p.years));
    Ok(vec![
        row(vec![Cell::Measure(m::IN_YEAR_GAP)], &g.gap, Cell::Empty),
        row(
            vec![Cell::Measure(m::NEW_GAP)],
            &g.new,
            Cell::Money(g.new_total),
        ),
        total_row(vec![label], p.years, g.total),
    ])
}

/// `compare`'s rows: measure, scenario (A, B, `change`), a column per
/// year, total; the change is B − A of each figure.
pub fn compare_rows(a: &Projection, b: &Projection, terms: Terms) -> R<Vec<Vec<Cell>>> {
    let (ga, gb) = (gaps(a, terms)?, gaps(b, terms)?);
    let diff = |x: &[Decimal], y: &[Decimal]| -> R<Vec<Decimal>> {
        x.iter().zip(y).map(|(x, y)| sub(*y, *x, WHAT)).collect()
    };
    let change = Gaps {
        gap: diff(&ga.gap, &gb.gap)?,
        new: diff(&ga.new, &gb.new)?,
        new_total: sub(gb.new_total, ga.new_total, WHAT)?,
        total: sub(gb.total, ga.total, WHAT)?,
    };
    let sides = [
        (a.scenario_id.as_str(), &ga),
        (b.scenario_id.as_str(), &gb),
        ("change", &change),
    ];
    let lead = |c: &Cell, who: &str| vec![c.clone(), Cell::text(who)];
    let mut out = vec![];
    let gap = Cell::Measure(m::IN_YEAR_GAP);
    let new = Cell::Measure(m::NEW_GAP);
    let total = Cell::MeasureAs(m::TOTAL_OF_GAPS, mtfs::total_label(a.years));
    for (who, g) in sides {
        out.push(row(lead(&gap, who), &g.gap, Cell::Empty));
    }
    for (who, g) in sides {
        out.push(row(lead(&new, who), &g.new, Cell::Money(g.new_total)));
    }
    for (who, g) in sides {
        out.push(total_row(lead(&total, who), a.years, g.total));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{example, example_scenario};
    use rust_decimal_macros::dec;

    fn money(r: &[Cell]) -> Vec<Option<Decimal>> {
        r.iter()
            .map(|c| match c {
                Cell::Money(x) => Some(*x),
                _ => None,
            })
            .collect()
    }

    /// The example baseline: gaps −136,700.00, 781,364.19, 2,154,764.62.
    #[test]
    fn summary_rows_of_the_example_by_hand() {
        let (b, ss) = example();
        let p = crate::engine::project(&b, &example_scenario(&ss, "baseline")).unwrap();
        let r = rows(&p, Terms::new(false)).unwrap();
        let gap = [dec!(-136700.00), dec!(781364.19), dec!(2154764.62)];
        assert_eq!(
            money(&r[0])[1..],
            [Some(gap[0]), Some(gap[1]), Some(gap[2]), None]
        );
        // −136,700.00; 781,364.19 + 136,700.00; 2,154,764.62 − 781,364.19;
        // total: the last year's gap.
        let new = [dec!(-136700.00), dec!(918064.19), dec!(1373400.43)];
        assert_eq!(
            money(&r[1])[1..],
            [Some(new[0]), Some(new[1]), Some(new[2]), Some(gap[2])]
        );
        assert_eq!(
            money(&r[2])[1..],
            [None, None, None, Some(dec!(2799428.81))]
        );
        assert_eq!(
            r[2][0].display(Default::default()),
            "total of in-year gaps over 3 years"
        );
        assert_eq!(r[2][0].raw(), "total_of_in_year_gaps");
    }

    #[test]
    fn compare_rows_give_both_scenarios_and_the_change() {
        let (b, ss) = example();
        let pa = crate::engine::project(&b, &example_scenario(&ss, "baseline")).unwrap();
        let pb = crate::engine::project(&b, &example_scenario(&ss, "worst-case")).unwrap();
        let terms = Terms::new(false);
        let r = compare_rows(&pa, &pb, terms).unwrap();
        assert_eq!(r.len(), 9);
        let (ra, rb) = (rows(&pa, terms).unwrap(), rows(&pb, terms).unwrap());
        for k in 0..3 {
            let (a, b, c) = (&r[3 * k], &r[3 * k + 1], &r[3 * k + 2]);
            assert_eq!(a[1].raw(), "baseline");
            assert_eq!(c[1].raw(), "change");
            assert_eq!(money(&a[2..]), money(&ra[k][1..]));
            assert_eq!(money(&b[2..]), money(&rb[k][1..]));
            for ((x, y), z) in money(&a[2..])
                .iter()
                .zip(money(&b[2..]))
                .zip(money(&c[2..]))
            {
                assert_eq!(z, y.zip(*x).map(|(y, x)| y - x));
            }
        }
    }
}
