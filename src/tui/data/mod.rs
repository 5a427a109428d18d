//! Pure row-building behind the tabs that only the TUI shows (the
//! Levers tab's rows, the Services table's filter and sort). Figures come
//! from the engine and `analysis`; nothing here recomputes them.

pub mod glance;
pub mod lever_text;
pub mod levers;
pub mod providers;
pub mod services;
pub mod table;
