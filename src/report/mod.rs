//! Views: pure functions from projections to tables and bytes. Nothing here
//! reads files or the clock; rounding for display lives in `format`.

pub mod bridge;
pub mod cabinet;
pub mod cell;
pub mod chart;
pub mod compare;
pub mod format;
pub mod gap_rows;
pub mod measure;
pub mod monitor;
pub mod providers;
pub mod providers_sector;
pub mod risk;
pub mod sensitivity;
pub mod summary;
pub mod table;
pub mod terms;
pub mod tidy;
mod tidy_fmt;
pub mod who_pays;

#[cfg(test)]
mod tidy_s11_tests;
