//! The interactive model (`poolplan` in a terminal, or `poolplan tui`).
//!
//! State in `App`; keys and mouse mapped to `Action`s by `keymap` (one pure
//! function over one table, which also generates help); one
//! `update(&mut App, Action)`; drawing from `&App` only (`view`). Edits are
//! new scenario texts checked by the same parser, resolver and engine as
//! the files (`model`, `edit`). Only `run` touches the terminal, and only
//! `run` and `edge` touch files (watching, reading, atomic writes).

pub mod action;
pub mod app;
pub mod data;
pub mod edge;
pub mod edit;
pub mod editing;
pub mod fmt;
pub mod form;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod mouse;
pub mod run;
pub mod strings;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

pub use run::run;
