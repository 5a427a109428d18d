//! The starter workspace of `poolplan new`: every table of SPEC §4, §10,
//! §11 and §12 with its columns, what each column takes, and one worked
//! example that `poolplan check` accepts. `text.rs` writes it as CSV files,
//! `workbook.rs` as one `budget.xlsx`; both read this one catalogue.

mod catalogue;
pub mod text;
pub mod workbook;

pub use catalogue::{Column, Kind, TableSpec, TABLES};

/// The starter budget's manifest values.
pub const BASE_YEAR: &str = "2025-26";
pub const YEARS: usize = 3;
