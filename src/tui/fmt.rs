//! Display helpers: the TUI's units and cash/real toggle applied to exact
//! figures, rounding through `report::table::Cell::display` so the TUI
//! rounds exactly as the CLI tables do.

use super::app::App;
use super::strings as s;
use crate::engine::vfm::real_series;
use crate::engine::Projection;
use crate::report::table::Cell;
use rust_decimal::Decimal;

/// Money in the app's units: `12,345`.
pub fn money(app: &App, x: Decimal) -> String {
    Cell::Money(x).display(app.unit)
}

/// Money or "n/a".
pub fn money_or_na(app: &App, x: Option<Decimal>) -> String {
    x.map(|v| money(app, v)).unwrap_or_else(|| s::NA.into())
}

/// A quantity to `dp` places with thousands separators.
pub fn qty(x: Decimal, dp: u32) -> String {
    Cell::Qty(x, dp).display(crate::report::table::Unit::Pounds)
}

/// A yearly cash series as shown: cash, or real terms (`round(x / (1+d)^t)`).
pub fn series(app: &App, p: &Projection, x: &[Decimal]) -> Vec<Decimal> {
    if app.real {
        real_series(x, &p.deflator).unwrap_or_else(|_| x.to_vec())
    } else {
        x.to_vec()
    }
}

/// One year's figure of a cash series, as shown.
pub fn at(app: &App, p: &Projection, x: &[Decimal], t: usize) -> Decimal {
    if app.real {
        let mut one = vec![Decimal::ZERO; t + 1];
        if let Some(v) = x.get(t) {
            one[t] = *v;
        }
        real_series(&one, &p.deflator)
            .ok()
            .and_then(|r| r.get(t).copied())
            .unwrap_or_default()
    } else {
        x.get(t).copied().unwrap_or_default()
    }
}

/// The units and terms label: `£000, cash`.
pub fn units_label(app: &App) -> String {
    format!(
        "{}, {}",
        app.unit.label(),
        if app.real { s::REAL } else { s::CASH }
    )
}

/// A rule's name as a finance lead says it: `pro_rata` → "pro rata",
/// `carry_forward` → "carried forward", `pv_cost` → "PV of cost".
pub fn human(word: &str) -> String {
    match word {
        "carry_forward" => "carried forward".into(),
        "pv_cost" => "PV of cost".into(),
        "pv_benefit" => "PV of benefit".into(),
        "payback_year" => "payback year".into(),
        w => w.replace('_', " "),
    }
}

/// Truncate text to `w` characters, with an ellipsis when cut.
pub fn fit(text: &str, w: usize) -> String {
    if text.chars().count() <= w {
        text.to_string()
    } else if w == 0 {
        String::new()
    } else {
        let mut t: String = text.chars().take(w - 1).collect();
        t.push('…');
        t
    }
}

/// How many of `width` cells `x` fills when `full` fills them all, rounded
/// half away from zero (`model::round_dp`, never banker's rounding); 0 for
/// `x` ≤ 0 or `full` ≤ 0, at most `width`.
pub fn cells(x: Decimal, full: Decimal, width: usize) -> usize {
    use rust_decimal::prelude::ToPrimitive;
    if x <= Decimal::ZERO || full <= Decimal::ZERO {
        return 0;
    }
    x.checked_div(full)
        .and_then(|r| r.checked_mul(Decimal::from(width)))
        .map(|c| crate::model::round_dp(c, 0))
        .and_then(|c| c.to_usize())
        .unwrap_or(width)
        .min(width)
}

/// The widest of some texts, in characters.
pub fn widest<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts
        .into_iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn cells_round_half_away_from_zero() {
        // 2.5 cells: banker's rounding gave 2; half away from zero is 3.
        assert_eq!(cells(dec!(1), dec!(4), 10), 3);
        assert_eq!(cells(dec!(0), dec!(4), 10), 0);
        assert_eq!(cells(dec!(5), dec!(4), 10), 10);
        assert_eq!(cells(dec!(-1), dec!(4), 10), 0);
    }
}
