//! The status line after an edit: how the scenario's headline figures
//! moved, `gap 2,907 → 3,601 (+694) · overspend 2,934 → 3,015 (+81)`, read
//! from the engine's horizon totals before and after (`Projection::
//! horizon_totals`), in the app's units.

use crate::engine::Projection;
use crate::report::table::{Cell, Unit};
use rust_decimal::Decimal;

/// The scenario's total in-year gap and total overspend over the horizon.
pub fn headline(p: Option<&Projection>) -> Option<(Decimal, Decimal)> {
    let t = p?.horizon_totals().ok()?;
    Some((t.in_year_gap, t.overspend))
}

fn one(name: &str, a: Decimal, b: Decimal, unit: Unit) -> String {
    let d = b.checked_sub(a).unwrap_or_default();
    let sign = if d > Decimal::ZERO { "+" } else { "" };
    let show = |x: Decimal| Cell::Money(x).display(unit);
    format!("{name} {} → {} ({sign}{})", show(a), show(b), show(d))
}

/// `gap A → B (±d) · overspend A → B (±d)`, `plan unchanged (gap A ·
/// overspend B)` when neither moved, or nothing if either is unknown.
pub fn line(
    before: Option<(Decimal, Decimal)>,
    after: Option<(Decimal, Decimal)>,
    unit: Unit,
) -> String {
    match (before, after) {
        // A range or a label moves no planned figure: say so plainly.
        (Some(a), Some(b)) if a == b => {
            let show = |x: Decimal| Cell::Money(x).display(unit);
            format!(
                "plan unchanged (gap {} · overspend {})",
                show(a.0),
                show(a.1)
            )
        }
        (Some(a), Some(b)) => format!(
            "{} · {}",
            one("gap", a.0, b.0, unit),
            one("overspend", a.1, b.1, unit)
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn reads_like_the_issue() {
        let l = line(
            Some((dec!(2907000), dec!(100000))),
            Some((dec!(3601000), dec!(100000))),
            Unit::Thousands,
        );
        assert_eq!(l, "gap 2,907 → 3,601 (+694) · overspend 100 → 100 (0)");
        assert_eq!(line(None, None, Unit::Pounds), "");
    }

    #[test]
    fn says_when_nothing_moved() {
        let x = Some((dec!(6342436), dec!(6351299)));
        assert_eq!(
            line(x, x, Unit::Thousands),
            "plan unchanged (gap 6,342 · overspend 6,351)"
        );
    }
}
