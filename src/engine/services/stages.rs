//! The order the stages of the service projection run in. `staged` is
//! SPEC's order: build every line, apply the volume levers, finish every
//! line. `fused` gives the same lines, warnings and sums with one pass over
//! the lines instead of two: the few lines the volume levers touch are
//! built, levered and finished first, then every other line is finished as
//! soon as it is built, while it is still in the cache (a national model's
//! lines are 140 MB; each pass over them waits on memory).
//!
//! Why they agree: building and finishing a line read only that line and
//! what is fixed for the projection, and the volume levers read and change
//! only the lines they touch, so each line ends the same whichever order
//! the lines are taken in. Warnings are kept by line in index order, and
//! the sums are taken in index order by the same parts, in both.
//! Errors are another matter (which one SPEC reports depends on the order),
//! so on any error `project` runs `staged` and reports its error.

use super::finish::Finish;
use super::helpers::Plans;
use super::line::{self, Ctx};
use super::volume::VolumeLevers;
use super::LineSums;
use crate::engine::arith::R;
use crate::engine::parallel::{for_each_mut, for_each_mut_acc};
use crate::engine::ServiceLine;

/// Warnings in line order, and the sums of each contiguous part of the lines.
pub(super) type Done = (Vec<String>, Vec<LineSums>);

/// Everything the stages read.
pub(super) struct Stages<'a> {
    pub ctx: Ctx<'a>,
    pub plans: &'a Plans<'a>,
    pub volume: VolumeLevers<'a>,
    pub finish: Finish<'a>,
    pub threads: usize,
    /// Sums: `n` years, `pools` pools, with or without benefit.
    pub sums: (usize, usize, bool),
}

impl Stages<'_> {
    fn build(&self, i: usize, line: &mut ServiceLine) -> R<()> {
        line::build(&self.ctx, i, self.ctx.all[i], self.plans.of(i), line)
    }

    /// Empty sums for this projection.
    pub fn sums(&self) -> LineSums {
        let (n, pools, benefit) = self.sums;
        LineSums::new(n, pools, benefit)
    }

    /// SPEC's order: every line built, then passes 1–2, then pass 3.
    pub fn staged(&self, lines: &mut [ServiceLine]) -> R<Done> {
        for_each_mut(lines, self.threads, &|i, line, _| self.build(i, line))?;
        self.volume.apply(lines, self.ctx.n)?;
        let init = || self.sums();
        for_each_mut_acc(lines, self.threads, &init, &|i, line, notes, acc| {
            self.finish.line(i, line, notes)?;
            acc.add(line);
            Ok(())
        })
    }

    /// `staged`'s result in one pass over the lines (see the module text);
    /// on an error, `staged` says which error SPEC's order reports.
    pub fn fused(&self, lines: &mut [ServiceLine]) -> R<Done> {
        let touched = self.volume.touched();
        for &i in &touched {
            self.build(i, &mut lines[i])?;
        }
        self.volume.apply(lines, self.ctx.n)?;
        let mut held: Vec<Vec<String>> = Vec::with_capacity(touched.len());
        for &i in &touched {
            let mut notes = vec![];
            self.finish.line(i, &mut lines[i], &mut notes)?;
            held.push(notes);
        }
        let init = || self.sums();
        for_each_mut_acc(lines, self.threads, &init, &|i, line, notes, acc| {
            match touched.binary_search(&i) {
                Ok(k) => notes.extend_from_slice(&held[k]),
                Err(_) => {
                    self.build(i, line)?;
                    self.finish.line(i, line, notes)?;
                }
            }
            acc.add(line);
            Ok(())
        })
    }
}
