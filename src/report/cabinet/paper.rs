//! The Cabinet paper as files, assembled once for every caller (`poolplan
//! export` and the TUI's export dialog): the tables in the scenarios'
//! order, closed by the provenance block, laid out as one XLSX workbook,
//! one CSV file, or one CSV file per table in a folder. Bytes only; the
//! caller writes them.

use super::provenance::{InputFile, Provenance};
use super::{build_tables, csv, xlsx, Scale, Source};
use crate::engine::Projection;
use crate::report::chart::ChartTable;
use crate::report::table::Unit;
use std::path::PathBuf;

/// How the paper is laid out on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// One workbook at this path.
    Xlsx(PathBuf),
    /// Every table in this one CSV file.
    CsvFile(PathBuf),
    /// One CSV file per table in this folder.
    CsvFolder(PathBuf),
}

/// What to export: the scenarios (the first is the comparison's
/// reference), the inputs they came from, and how to show money.
pub struct Paper<'a> {
    pub sources: &'a [Source<'a>],
    /// (id, display name) of each scenario, in order.
    pub names: Vec<(String, String)>,
    pub inputs: Vec<InputFile>,
    pub unit: Unit,
    pub real: bool,
    pub bom: bool,
    /// The in-year monitoring report to add as the monitoring table (when
    /// the budget has actuals), with the budget it ran on.
    pub monitoring: Option<(
        &'a crate::analysis::monitor::MonitorReport,
        &'a crate::model::Budget,
    )>,
    /// The risk runs of the scenarios with `[ranges]`
    /// (`analysis::risk::paper::for_paper`); empty: no risk table.
    pub risks: &'a [crate::analysis::risk::Risk],
}

/// The paper's tables, its scale and its provenance table: built once, then
/// laid out (and, for `poolplan export`, charted) from the same cells.
pub struct Built {
    pub tables: Vec<super::CabTable>,
    pub scale: Scale,
    pub provenance: super::CabTable,
}

/// Build the tables of the paper.
pub fn build(p: &Paper<'_>) -> Result<Built, String> {
    let provenance = Provenance::new(env!("CARGO_PKG_VERSION"), p.names.clone(), p.inputs.clone());
    let mut tables = build_tables(p.sources, p.unit, p.real).map_err(|e| e.to_string())?;
    let ps: Vec<&Projection> = p.sources.iter().map(|s| s.projection).collect();
    let scale = Scale::new(p.unit, p.real, &ps).map_err(|e| e.to_string())?;
    if let Some(t) = super::risk::risk_table(&scale, p.risks, &p.names) {
        tables.push(t);
    }
    if let Some(t) = super::risk_gap::risk_gap_table(&scale, p.risks, &p.names) {
        tables.push(t);
    }
    if let Some((report, budget)) = p.monitoring {
        tables.push(super::monitoring::monitoring(&scale, report, budget));
    }
    let provenance = provenance.table(&scale);
    Ok(Built {
        tables,
        scale,
        provenance,
    })
}

/// The built paper as files (a workbook carries the charts given).
pub fn lay_out(
    b: &Built,
    charts: &[ChartTable],
    bom: bool,
    layout: &Layout,
) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let (tables, prov) = (&b.tables, &b.provenance);
    Ok(match layout {
        Layout::Xlsx(path) => {
            let bytes = xlsx::workbook_bytes(tables, prov, charts).map_err(|e| e.to_string())?;
            vec![(path.clone(), bytes)]
        }
        Layout::CsvFile(path) => vec![(path.clone(), csv::single_file(tables, prov, bom))],
        Layout::CsvFolder(dir) => csv::per_table(tables, prov, bom)
            .into_iter()
            .map(|f| (dir.join(f.name), f.bytes))
            .collect(),
    })
}

/// Every file of the paper, with its bytes (no charts).
pub fn files(p: &Paper<'_>, layout: &Layout) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    lay_out(&build(p)?, &[], p.bom, layout)
}
