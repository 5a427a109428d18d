//! Charts for Cabinet papers (SPEC §13 issue 15): SVG pictures and the data
//! tables the XLSX export's native charts read.
//!
//! Each kind has a data table (a `CabTable`, a small sheet in the workbook)
//! whose cells are figures already computed elsewhere: copied from the
//! Cabinet tables (gap, exposure, benefits) or put on the export's scale from
//! `analysis` (bridge, providers). The SVG is drawn from that table, so every
//! figure label is a table cell formatted as the tables show it; f64 appears
//! only as a plot coordinate. Pure: tables in, SVG text out; no I/O, no clock,
//! the same bytes every run.

mod benefits;
mod bridge;
mod exposure;
mod fan;
mod gap;
mod hbar;
mod marks;
mod monitor;
mod providers;
pub mod set;
pub mod style;

pub use monitor::MonitorInput;

use crate::analysis::bridge::Bridge;
use crate::analysis::providers::Category;
use crate::report::cabinet::{CabTable, Row, Scale, Value};

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// The in-year gap by year, a line per scenario.
    Gap,
    /// The bridge (waterfall) of the total of in-year gaps from the first scenario to the second.
    Bridge,
    /// Each partner's contribution and risk share over the horizon, stacked.
    Exposure,
    /// Unit cost per service against the category's volume-weighted median.
    Providers,
    /// What each partner and outside agency pays against the fiscal benefit it receives.
    Benefits,
    /// Actual spend to date against the profile, month by month (when actuals exist).
    Monitor,
    /// The in-year gap by year under a scenario's ranges: P10–P90 band, P50, as planned.
    Fan,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Gap,
        Kind::Bridge,
        Kind::Exposure,
        Kind::Providers,
        Kind::Benefits,
        Kind::Monitor,
        Kind::Fan,
    ];

    /// The file stem, e.g. `gap` (`chart-gap.svg` in an export).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Gap => "gap",
            Kind::Bridge => "bridge",
            Kind::Exposure => "exposure",
            Kind::Providers => "providers",
            Kind::Benefits => "benefits",
            Kind::Monitor => "monitor",
            Kind::Fan => "fan",
        }
    }
}

/// The bridge to chart: the analysis and the two scenarios' names.
pub struct BridgeInput<'a> {
    pub bridge: &'a Bridge,
    pub from: String,
    pub to: String,
}

/// The provider category to chart, its scenario and year.
pub struct ProvidersInput<'a> {
    pub category: &'a Category,
    pub scenario: String,
    pub year: String,
}

/// What the charts are drawn from.
pub struct Inputs<'a> {
    pub scale: &'a Scale,
    /// The Cabinet tables (`cabinet::build_tables`).
    pub tables: &'a [CabTable],
    /// The scenario the one-scenario charts show (the first named).
    pub scenario: String,
    pub bridge: Option<BridgeInput<'a>>,
    pub providers: Option<ProvidersInput<'a>>,
    /// The monitoring curve (when the budget has actuals).
    pub monitor: Option<MonitorInput<'a>>,
}

/// A chart's data table, ready to draw or to write as a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTable {
    pub kind: Kind,
    pub table: CabTable,
    /// Where the figures already stand in a Cabinet table, when they are
    /// copied cells: the workbook's native chart then reads that sheet's
    /// ranges and no data sheet is written.
    pub in_place: Option<InPlace>,
}

/// Cell ranges of a Cabinet table's sheet (row indices into its rows).
#[derive(Debug, Clone, PartialEq)]
pub enum InPlace {
    /// A series per row: its name in column `name`, its values in columns
    /// `from..=to`, the categories the header cells above them.
    Rows {
        sheet: &'static str,
        rows: Vec<usize>,
        name: u16,
        from: u16,
        to: u16,
    },
    /// A series per column of `values` over rows `first..=last`: the
    /// categories in column `category`, each name the column's header.
    Columns {
        sheet: &'static str,
        first: usize,
        last: usize,
        category: u16,
        values: Vec<u16>,
    },
}

/// The data table of one kind.
pub fn table(kind: Kind, i: &Inputs<'_>) -> Result<ChartTable, String> {
    let table = match kind {
        Kind::Gap => gap::table(i)?,
        Kind::Bridge => {
            let b = i.bridge.as_ref().ok_or(
                "the bridge chart needs two scenarios on the same budget and horizon: name them, the first as the start",
            )?;
            bridge::table(i.scale, b)
        }
        Kind::Exposure => exposure::table(i)?,
        Kind::Providers => {
            let p = i
                .providers
                .as_ref()
                .ok_or("the providers chart needs a category with services")?;
            providers::table(p)
        }
        Kind::Benefits => benefits::table(i)?,
        Kind::Monitor => monitor::table(i)?,
        Kind::Fan => fan::table(i)?,
    };
    let in_place = match kind {
        Kind::Gap => gap::in_place(i).ok(),
        Kind::Benefits => benefits::in_place(i).ok(),
        Kind::Fan => fan::in_place(i).ok(),
        _ => None,
    };
    Ok(ChartTable {
        kind,
        table,
        in_place,
    })
}

/// The SVG text of a chart.
pub fn svg(t: &ChartTable) -> Result<String, String> {
    match t.kind {
        Kind::Gap => gap::svg(&t.table),
        Kind::Bridge => bridge::svg(&t.table),
        Kind::Exposure => exposure::svg(&t.table),
        Kind::Providers => providers::svg(&t.table),
        Kind::Benefits => benefits::svg(&t.table),
        Kind::Monitor => monitor::svg(&t.table),
        Kind::Fan => fan::svg(&t.table),
    }
}

/// The Cabinet table with this slug.
fn cabinet<'a>(i: &'a Inputs<'_>, slug: &str) -> Result<&'a CabTable, String> {
    i.tables
        .iter()
        .find(|t| t.slug == slug)
        .ok_or_else(|| format!("the {slug} table is missing"))
}

/// Whether a row's leading text cells are exactly `keys`.
fn starts(row: &Row, keys: &[&str]) -> bool {
    keys.len() <= row.cells.len()
        && keys
            .iter()
            .zip(&row.cells)
            .all(|(k, c)| matches!(c, Value::Text(s) if s == k))
}

/// A row's text cell (empty when not text).
fn text(row: &Row, i: usize) -> String {
    match row.cells.get(i) {
        Some(Value::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

/// A row's last cell (the Total column).
fn total(row: &Row) -> Value {
    row.cells.last().cloned().unwrap_or(Value::Empty)
}

/// The rows of a body row kind.
fn body(cells: Vec<Value>) -> Row {
    Row {
        kind: crate::report::cabinet::RowKind::Body,
        cells,
    }
}

#[cfg(test)]
mod tests;
