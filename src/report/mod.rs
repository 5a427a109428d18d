//! Views: pure functions from projections to tables and bytes. Nothing here
//! reads files or the clock; rounding for display lives in `format`.

pub mod bridge;
pub mod cabinet;
pub mod compare;
pub mod format;
pub mod monitor;
pub mod providers;
pub mod sensitivity;
pub mod summary;
pub mod table;
pub mod tidy;
