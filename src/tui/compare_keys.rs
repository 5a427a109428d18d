//! The keys the Compare tab reads itself: `t` opens or closes the
//! sensitivity view (moving through its rows, scrolling it sideways);
//! `M` cycles what the bridge
//! explains (the gap, the overspend, every partner's exposure, then each
//! partner's); the bridge is recomputed in `Derived`, not while drawing.

use super::action::Action;
use super::app::App;
use super::layout;
use super::view::{grid, sensitivity};
use crate::analysis::bridge::Measure;
use ratatui::layout::Rect;

/// The sensitivity table's scroll position as drawn now.
fn left_shown(app: &App) -> usize {
    let body = layout::areas(Rect::new(0, 0, app.size.0, app.size.1), app).body;
    sensitivity::grid(app).map_or(0, |g| grid::left_shown(&g, body.width))
}

/// The measure after `m` for a budget's partners (in partners.csv order).
pub fn next_measure(m: &Measure, partners: &[String]) -> Measure {
    match m {
        Measure::Gap => Measure::Overspend,
        Measure::Overspend => Measure::Exposure(None),
        Measure::Exposure(None) => partners
            .first()
            .map_or(Measure::Gap, |p| Measure::Exposure(Some(p.clone()))),
        Measure::Exposure(Some(p)) => {
            let i = partners.iter().position(|x| x == p);
            match i.and_then(|i| partners.get(i + 1)) {
                Some(n) => Measure::Exposure(Some(n.clone())),
                None => Measure::Gap,
            }
        }
    }
}

/// Keys the Compare tab reads itself; `true` when `a` was handled.
pub fn handle(app: &mut App, a: &Action) -> bool {
    let sv = &mut app.derived.sensitivity;
    match a {
        Action::Tornado => sv.on = !sv.on,
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
            if sv.on =>
        {
            let d: i64 = match a {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -10,
                Action::PageDown => 10,
                Action::Top => -1_000_000,
                _ => 1_000_000,
            };
            let n = sv.rows() as i64;
            sv.row = (sv.row as i64 + d).clamp(0, (n - 1).max(0)) as usize;
        }
        Action::ScrollLeft if sv.on => {
            app.derived.sensitivity.left = left_shown(app).saturating_sub(1)
        }
        Action::ScrollRight if sv.on => {
            app.derived.sensitivity.left = left_shown(app) + 1;
            app.derived.sensitivity.left = left_shown(app);
        }
        Action::Close if sv.on => sv.on = false,
        Action::CycleMeasure => {
            let partners: Vec<String> = app
                .current_id()
                .and_then(|id| app.session.budget_of(id))
                .map(|b| b.partners.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default();
            app.derived.measure = next_measure(&app.derived.measure, &partners);
            let years = app.years();
            let what = super::wording::measure(&app.derived.measure, years, usize::MAX);
            app.say(format!("bridge of the {what}"));
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_cycle_through_each_partner_and_back() {
        let ps = vec!["a".to_string(), "b".to_string()];
        let mut m = Measure::Gap;
        let mut seen = vec![];
        for _ in 0..5 {
            m = next_measure(&m, &ps);
            seen.push(m.clone());
        }
        assert_eq!(
            seen,
            vec![
                Measure::Overspend,
                Measure::Exposure(None),
                Measure::Exposure(Some("a".into())),
                Measure::Exposure(Some("b".into())),
                Measure::Gap
            ]
        );
    }
}
