//! The Cabinet-paper exports (SPEC §8 `export`): headline, value for money,
//! pools, services and comparison tables, rendered as CSV or XLSX bytes.
//!
//! Pure: projections and budgets in, tables and bytes out; nothing here reads
//! files or the clock. Invariants every table keeps:
//! - each figure is the exact engine figure (cash, or real terms per SPEC §6.6
//!   to the penny) divided by the unit and rounded on its own, half away from
//!   zero (`model::round_dp`);
//! - every total is the rounded exact total, never a sum of rounded figures;
//! - text cells are made safe against formula injection only when rendered
//!   (`safe`), so the tables themselves hold the names as written.

mod compare;
pub mod csv;
pub mod headline;
pub mod monitoring;
pub mod paper;
mod pools;
pub mod provenance;
mod risk;
pub mod risk_gap;
pub mod safe;
mod scale;
mod services;
mod who_pays;
pub mod xlsx;
mod xlsx_charts;
mod xlsx_fan;
mod xlsx_in_place;

use crate::engine::{EngineError, Projection};
use crate::model::Budget;
use rust_decimal::Decimal;

pub use provenance::{InputFile, Provenance};
pub use scale::Scale;

/// The note under every table whose totals may differ from the sum of its
/// rounded figures.
pub const ROUNDING_NOTE: &str = "Figures may not sum because of rounding.";

/// One cell of a Cabinet table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, as written (made safe when rendered).
    Text(String),
    /// A number already rounded to `dp` places, shown with exactly `dp` places.
    Num(Decimal, u32),
    /// "n/a": a ratio without a denominator.
    NA,
    /// Nothing (a year the line does not cover).
    Empty,
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }
}

/// How a row is shown: totals and subtotals are bold in XLSX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Body,
    Subtotal,
    Total,
}

/// One row of a Cabinet table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Value>,
}

/// A titled table: one CSV file (or block) and one XLSX sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct CabTable {
    /// File stem in a CSV folder, e.g. `headline`.
    pub slug: &'static str,
    /// XLSX sheet name (at most 31 characters).
    pub sheet: &'static str,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// Lines shown under the table.
    pub notes: Vec<String>,
}

/// One scenario's projection and the budget it ran on (for partner and
/// provider names).
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub projection: &'a Projection,
    pub budget: &'a Budget,
}

/// Why the Cabinet tables cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CabinetError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// Real terms need one price base for every scenario in the export.
    #[error("real-terms tables need one price base, but these scenarios start in different years ({0}); export them separately")]
    MixedPriceBase(String),
    /// rust_xlsxwriter refused the workbook.
    #[error("cannot build the spreadsheet: {0}")]
    Xlsx(String),
}

/// Build every Cabinet table, scenarios in the order given (the first is
/// the reference for the comparison).
pub fn build_tables(
    sources: &[Source<'_>],
    unit: crate::report::table::Unit,
    real: bool,
) -> Result<Vec<CabTable>, CabinetError> {
    let ps: Vec<&Projection> = sources.iter().map(|s| s.projection).collect();
    let scale = Scale::new(unit, real, &ps)?;
    Ok(vec![
        headline::headline(&scale, &ps)?,
        headline::value_for_money(&scale, &ps),
        pools::pools(&scale, sources)?,
        services::services(&scale, sources)?,
        compare::comparison(&scale, sources)?,
        who_pays::who_pays_table(&scale, &ps)?,
    ])
}
