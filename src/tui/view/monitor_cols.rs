//! The Monitor tab's column layout and its one display rule:
//!
//! - the name column takes the width the figures leave (the four money
//!   columns as wide as their widest figure, `over/(under)` at least its
//!   header), so nothing is cut for a fixed width; where a name would still
//!   be cut, every row shows its id instead (ids are what the files use,
//!   and short), so at 80 columns the pools read `early-help`, not
//!   `Early interv`;
//! - a partner's "change %" (variance ÷ planned share, SPEC §12.3) is shown
//!   as n/a where the planned share is zero or the change exceeds ten times
//!   it (beyond ±1,000%): against a near-zero plan the percentage says
//!   nothing, and the change in £ beside it is the figure to read. The CSV
//!   keeps §12.3's exact ratio.

use super::super::app::App;
use super::super::fmt::{fit, money};
use super::super::strings as s;
use crate::analysis::monitor::ShareRow;
use crate::report::table::Cell as Fig;
use ratatui::layout::Constraint;
use rust_decimal::Decimal;

/// The header of the variance column (its column is at least this wide).
pub const OVER: &str = "over/(under)";

/// The four money columns' width: the widest of `figures` as shown, at least 8.
pub fn money_w(app: &App, figures: impl Iterator<Item = Decimal>) -> u16 {
    figures
        .map(|x| money(app, x).chars().count())
        .max()
        .unwrap_or(0)
        .max(8) as u16
}

/// The name column's width and every column's constraint: name, budget,
/// to date, forecast, over/(under), var %, then `extra`.
pub fn widths(inner: u16, money_w: u16, extra: &[u16]) -> (u16, Vec<Constraint>) {
    let over = money_w.max(OVER.len() as u16);
    let mut figs = vec![money_w, money_w, money_w, over, 7];
    figs.extend(extra);
    let fixed: u16 = figs.iter().sum::<u16>() + figs.len() as u16;
    let name_w = inner.saturating_sub(fixed).clamp(8, 60);
    let mut w = vec![Constraint::Length(name_w)];
    w.extend(figs.into_iter().map(Constraint::Length));
    (name_w, w)
}

/// Each row's label: its name where every name fits `w`, else its id.
pub fn labels(items: &[(&str, &str)], w: usize) -> Vec<String> {
    let all_fit = items.iter().all(|(name, _)| name.chars().count() <= w);
    items
        .iter()
        .map(|(name, id)| fit(if all_fit { name } else { id }, w))
        .collect()
}

/// A partner's change % as shown (see the module note).
pub fn change_pct(app: &App, sh: &ShareRow) -> String {
    let meaningful = sh
        .planned
        .abs()
        .checked_mul(Decimal::TEN)
        .is_some_and(|limit| sh.variance.abs() <= limit);
    match sh.variance_pct {
        Some(p) if meaningful => Fig::Pct(p).display(app.unit),
        _ => s::NA.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_replace_names_only_when_a_name_would_be_cut() {
        let items = [("Early help", "early-help"), ("Youth justice", "yj")];
        assert_eq!(labels(&items, 13), ["Early help", "Youth justice"]);
        assert_eq!(labels(&items, 12), ["early-help", "yj"]);
    }

    #[test]
    fn the_name_column_takes_what_the_figures_leave() {
        // 78 inside an 80-column frame: 8 × 3 + 12 + 7 + 5 + 6 spaces = 54.
        let (name_w, w) = widths(78, 8, &[5]);
        assert_eq!(name_w, 24);
        assert_eq!(w.len(), 7);
        assert_eq!(widths(300, 8, &[5]).0, 60, "at most 60");
    }
}
