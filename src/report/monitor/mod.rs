//! Views of the monitoring report (SPEC §12.2): the exact CSV, JSON with
//! raw numbers, and an aligned table in £/£000/£m with RAG coloured. Each
//! reads the one `MonitorReport`; nothing here recomputes a figure.

mod csv;
mod json;
mod text;

pub use csv::render_csv;
pub use json::render_json;
pub use text::render_text;

use crate::analysis::monitor::MonitorReport;
use crate::report::format::plain;
use rust_decimal::Decimal;

/// A variance percentage as the CSV writes it: 4 dp, trailing zeros
/// stripped, `0` for zero, never `-0`; empty where there is no base.
pub fn pct_field(x: Option<Decimal>) -> String {
    x.map(|x| plain(x, 4)).unwrap_or_default()
}

/// One line describing what was monitored.
pub fn heading(r: &MonitorReport) -> String {
    let first = crate::model::Period::new(1)
        .map(|p| p.short_name())
        .unwrap_or_default();
    format!(
        "Monitoring {} ({}): {} to date ({} to {}, period {} of 12), forecast method {}",
        r.scenario_name,
        r.scenario_id,
        r.year,
        first,
        r.period.short_name(),
        r.period.number(),
        r.method.name()
    )
}
