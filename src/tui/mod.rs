//! The interactive model (`poolplan` in a terminal, or `poolplan tui`).
//!
//! Keys, layout and drawing over a `session::Session` (the editable
//! workspace, which does the loading, editing, re-resolving and
//! re-projecting). State in `App`; keys and mouse mapped to `Action`s by
//! `keymap` (one pure function over one table, which also generates help);
//! one `update(&mut App, Action)`; drawing from `&App` only (`view`). Only
//! `run` touches the terminal, and only `run` and `edge` touch files
//! (watching, reading, writing the `Effect`s that `update` queues).

pub mod action;
pub mod app;
pub mod compare_keys;
pub mod conflict;
pub mod data;
pub mod derived;
pub mod dialogs;
pub mod edge;
pub mod effects;
pub mod export;
pub mod files;
pub mod find;
pub mod fmt;
pub mod form;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod lever_edits;
pub mod lever_effects;
pub mod levers_ranges;
pub mod monitor;
pub mod monitor_keys;
pub mod mouse;
pub mod moved;
pub mod pools_keys;
pub mod providers_extra;
pub mod providers_keys;
pub mod reload;
pub mod risk_worker;
pub mod run;
pub mod save_as;
pub mod sensitivity;
pub mod services_keys;
pub mod state;
pub mod strings;
pub mod tab_views;
pub mod theme;
pub mod typing;
pub mod update;
pub mod view;
pub mod wording;
pub mod work;
pub mod wrap;
pub mod year_edits;

#[cfg(test)]
mod tests;

pub use run::run;
