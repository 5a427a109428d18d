//! poolplan: plan pooled budgets across partners, exactly.
//!
//! Layers: `load` (files → validated `model`), `engine` (pure projection),
//! `report` (pure views: tables, tidy export, Cabinet exports), `tui`.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod engine;
pub mod load;
pub mod model;
pub mod report;
pub mod save;
pub mod session;
pub mod starter;
pub mod tui;
