//! The Levers tab shows a ranged input's §14 range (low, mode, high) beside
//! its value: `4.0% [1.5%, 4.0%, 5.5%]` (the tab's one-place style). A hook on `data::levers::rows`; the
//! ranges are the resolved scenario's (inherited through `extends`).

use super::data::levers::{Row, RowKind};
use crate::model::{RangeKey, Scenario, Section};

fn pct(r: rust_decimal::Decimal) -> String {
    crate::report::table::Cell::Pct(r).display(crate::report::table::Unit::Pounds)
}

/// Give each ranged row its range (shown beside the value).
pub fn annotate(sc: &Scenario, rows: &mut [Row]) {
    if sc.ranges.is_empty() {
        return;
    }
    for row in rows {
        let key = match &row.kind {
            RowKind::Rate(k) => RangeKey::new(Section::Rates, k),
            RowKind::Demand(k) => RangeKey::new(Section::Demand, k),
            RowKind::Growth(k) => RangeKey::new(Section::ContributionGrowth, k),
            _ => continue,
        };
        if let Some(r) = sc.ranges.get(&key) {
            row.range = Some(format!(
                "[{}, {}, {}]",
                pct(r.low),
                pct(r.mode),
                pct(r.high)
            ));
        }
    }
}
