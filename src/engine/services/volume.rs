//! SPEC §6.3 passes 1–2: each service's own volume levers, in lever order,
//! then the invest-to-save reductions they cause (computed from pass 1's
//! additions: no cascade). Only the lines these levers name are read or
//! changed (`touched`), which lets the other lines be finished early.

use super::helpers::overflow;
use crate::engine::arith::{mul, sub, R};
use crate::engine::ServiceLine;
use crate::model::{Lever, Op, Reduces};
use rust_decimal::Decimal;

/// One volume lever: its service's line, the lever, its operation, and
/// the reduction it causes with the line that reduction cuts (`None` when
/// that service is not in the projection: nothing is cut).
pub(super) struct VolumeLever<'a> {
    pub at: usize,
    pub lever: &'a Lever,
    pub op: Op,
    pub reduces: Option<(&'a Reduces, Option<usize>)>,
}

/// The volume levers of a scenario, in lever order.
#[derive(Default)]
pub(super) struct VolumeLevers<'a>(pub Vec<VolumeLever<'a>>);

impl VolumeLevers<'_> {
    /// Every line the levers read or change (each lever's service and the
    /// service its reduction cuts), in index order, once each.
    pub fn touched(&self) -> Vec<usize> {
        let cut = |l: &VolumeLever<'_>| l.reduces.and_then(|(_, j)| j);
        let mut v: Vec<usize> = (self.0.iter())
            .flat_map(|l| [Some(l.at), cut(l)])
            .flatten()
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Passes 1 and 2 on `lines`, of which only the `touched` ones are
    /// read: those must be built (`line::build`) and not yet finished.
    pub fn apply(&self, lines: &mut [ServiceLine], n: usize) -> R<()> {
        let what = "the volume of a service";
        // Pass 1: each service's own volume levers; remember what each added.
        let mut reductions: Vec<(usize, &Reduces, Vec<Decimal>)> = vec![];
        for l in &self.0 {
            let line = &mut lines[l.at];
            let mut added = vec![Decimal::ZERO; n];
            for t in 0..n {
                if !(l.lever.covers(t) && line.runs[t]) {
                    continue;
                }
                let before = line.volume[t];
                let after =
                    (l.op.apply(before)).ok_or_else(|| overflow("the volume of", &line.id))?;
                line.volume[t] = after;
                added[t] = sub(after, before, what)?;
            }
            if let Some((r, Some(j))) = l.reduces {
                reductions.push((j, r, added));
            }
        }
        // Pass 2: invest-to-save reductions, computed from pass 1.
        for (j, r, added) in &reductions {
            let line = &mut lines[*j];
            for t in r.lag..n {
                if line.runs[t] {
                    let cut = mul(r.per_unit, added[t - r.lag], what)?;
                    line.volume[t] = sub(line.volume[t], cut, what)?;
                }
            }
        }
        Ok(())
    }
}
