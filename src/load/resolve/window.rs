//! A lever's window as year indices, clipped to the horizon with warnings.

use super::checker::Checker;
use crate::load::diag::{Severity, Sink};
use crate::load::scenario::RawLever;
use crate::load::toml_spans::report;

impl Checker<'_, '_> {
    pub(super) fn window(&self, l: &RawLever, sink: &mut Sink<'_>) -> (usize, Option<usize>, bool) {
        let base = self.b.base_year.0 as i64;
        let last = self.n as i64 - 1;
        let from = l.from.as_ref().map(|f| f.v.0 as i64 - base).unwrap_or(0);
        let to = l.to.as_ref().map(|t| t.v.0 as i64 - base);
        let first_y = self.b.base_year;
        let last_y = first_y.plus(last as i32);
        if from > last || to.is_some_and(|t| t < 0) {
            let pos = l.from.as_ref().map(|f| f.pos).unwrap_or(l.pos);
            report(sink, Severity::Warning, pos, None, format!("this {} lever's window lies wholly outside the horizon ({first_y} to {last_y}); it has no effect", l.kind));
            return (0, Some(0), false);
        }
        if from < 0 {
            if let Some(f) = &l.from {
                report(
                    sink,
                    Severity::Warning,
                    f.pos,
                    Some("lever key \"from\"".into()),
                    format!(
                        "{} is before the base year; the lever is clipped to start in {first_y}",
                        f.v
                    ),
                );
            }
        }
        if let (Some(t), Some(at)) = (to, &l.to) {
            if t > last {
                report(sink, Severity::Warning, at.pos, Some("lever key \"to\"".into()), format!("{} is after the horizon's last year; the lever is clipped to end in {last_y}", at.v));
            }
        }
        (from.max(0) as usize, to.map(|t| t.min(last) as usize), true)
    }
}
