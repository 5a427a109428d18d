//! The rows of the Overview table: the selected year's contributions,
//! spend, in-year gap (an MTFS's cumulative gap), new gap arising in the
//! year (an MTFS's annual gap, `analysis::mtfs`), overspend and reserve;
//! the gap and new gap of each other year (tall screens); the total of
//! in-year gaps over the horizon, labelled so; NPV, BCR and cost per
//! outcome. Each row is a label and a function of a projection.

use super::super::app::App;
use super::super::fmt::{money, series};
use super::super::strings as s;
use crate::analysis::mtfs;
use crate::engine::arith::sum;
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use rust_decimal::Decimal;

/// A row: its label and its cell for one scenario.
pub type Measure<'a> = (String, Box<dyn Fn(&Projection) -> Option<String> + 'a>);

/// The rows; `compact` (a short screen) keeps the selected year's figures
/// and the totals; `room` is the label column's widest.
pub fn measures<'a>(
    app: &'a App,
    years: usize,
    base: &Projection,
    compact: bool,
    room: usize,
) -> Vec<Measure<'a>> {
    let t = app.year;
    let mut out: Vec<Measure> = vec![];
    let at = move |v: Vec<Decimal>| v.get(t).copied();
    let yl = base.year_label(t);
    let m = |x: Decimal| money(app, x);
    // The gap in each year in the view's terms, and the new gap arising.
    let gap = move |p: &Projection| series(app, p, &p.totals.in_year_gap);
    let new_gap = move |p: &Projection| mtfs::new_gaps(&gap(p)).unwrap_or_default();
    out.push((
        format!("contributions {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.contributions)).map(m)),
    ));
    out.push((
        format!("spend {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.spend)).map(m)),
    ));
    out.push((
        format!("in-year gap {yl}"),
        Box::new(move |p| gap(p).get(t).copied().map(m)),
    ));
    out.push((
        format!("new gap in year {yl}"),
        Box::new(move |p| new_gap(p).get(t).copied().map(m)),
    ));
    out.push((
        format!("overspend {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.overspend)).map(m)),
    ));
    out.push((
        format!("reserve end {yl}"),
        Box::new(move |p| {
            let r = p.reserve_by_year().ok()?;
            at(series(app, p, &r)).map(m)
        }),
    ));
    // Short screens keep the selected year's gap and the total only; the
    // selected year's gap is not repeated.
    for y in (0..years).filter(|&y| !compact && y != t) {
        let yl = base.year_label(y);
        out.push((
            format!("in-year gap {yl}"),
            Box::new(move |p| gap(p).get(y).copied().map(m)),
        ));
        out.push((
            format!("new gap in year {yl}"),
            Box::new(move |p| new_gap(p).get(y).copied().map(m)),
        ));
    }
    // Cash totals are the projection's own; real ones the checked sum of
    // the real series.
    let total = move |p: &Projection, v: &[Decimal], cash: Decimal| {
        if app.real {
            sum(&series(app, p, v), "the total").ok().map(m)
        } else {
            Some(m(cash))
        }
    };
    // The horizon's total, labelled for what it is (shorter where the
    // label column is narrow).
    let label = super::super::wording::total_of_gaps(years, room);
    out.push((
        label,
        Box::new(move |p| mtfs::total_of_gaps(&gap(p)).ok().map(m)),
    ));
    // A short screen has the selected year's overspend only.
    if !compact {
        out.push((
            "overspend, all years".into(),
            Box::new(move |p| {
                let h = p.horizon_totals().ok()?;
                total(p, &p.totals.overspend, h.overspend)
            }),
        ));
    }
    out.push((
        "NPV (present value)".into(),
        Box::new(move |p| Some(m(p.totals.npv))),
    ));
    out.push((
        "BCR".into(),
        Box::new(|p| {
            Some(
                p.totals
                    .bcr
                    .map(|b| crate::report::table::Cell::Qty(b, 2).display(Default::default()))
                    .unwrap_or_else(|| s::NA.into()),
            )
        }),
    ));
    out.push((
        "cost per outcome".into(),
        Box::new(|p| {
            let h = p.horizon_totals().ok()?;
            Some(
                cost_per_outcome(h.service_cost, h.outcomes)
                    .map(|x| format!("£{}", crate::report::format::grouped(x, 0)))
                    .unwrap_or_else(|| s::NA.into()),
            )
        }),
    ));
    out
}
