//! Projecting many scenarios on all cores. Scenarios are independent, so each
//! worker takes the next scenario, projects it and reduces it with the
//! caller's function at once (a projection of a large model is big; the
//! reduction usually is not). Deterministic: results are in input order.

use super::{project_on, EngineError, Projection};
use crate::model::{Budget, Scenario};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A reduction with the projection's warnings, or the engine's error.
pub type Reduced<T> = Result<(T, Vec<String>), EngineError>;

/// Project every scenario on its budget and reduce it with `f`.
pub fn project_each<T: Send>(
    budgets: &HashMap<String, Budget>,
    scenarios: &[Scenario],
    f: &(impl Fn(Projection) -> T + Sync),
) -> Vec<Reduced<T>> {
    project_each_with(budgets, scenarios, project_on, f)
}

/// A projection function: `project_on` or `project_money`.
pub type Projector = fn(&Budget, &Scenario, usize) -> Result<Projection, EngineError>;

/// `project_each` with the projection made by `project` (e.g.
/// `engine::project_money` for a caller that reads no benefit figure).
pub fn project_each_with<T: Send>(
    budgets: &HashMap<String, Budget>,
    scenarios: &[Scenario],
    project: Projector,
    f: &(impl Fn(Projection) -> T + Sync),
) -> Vec<Reduced<T>> {
    let (workers, inner) = split(scenarios.len());
    let one = |s: &Scenario| reduce(budgets, s, project, inner, f);
    if workers <= 1 {
        return scenarios.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Reduced<T>>>> =
        scenarios.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(s) = scenarios.get(i) else { break };
                let r = one(s);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err(EngineError::Overflow("a worker thread failed".into())))
        })
        .collect()
}

/// `project_each`, handing each reduction to `consume` on the calling
/// thread in scenario order as soon as it and those before it are ready,
/// while later scenarios are still being projected (the tidy export writes
/// each scenario's rows while the next is projected). When `consume`
/// returns false no further scenario is started and no further result is
/// handed over.
pub fn project_each_ordered<T: Send>(
    budgets: &HashMap<String, Budget>,
    scenarios: &[Scenario],
    f: &(impl Fn(Projection) -> T + Sync),
    mut consume: impl FnMut(usize, Reduced<T>) -> bool,
) {
    let (workers, inner) = split(scenarios.len());
    let one = |s: &Scenario| reduce(budgets, s, project_on, inner, f);
    let next = AtomicUsize::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Reduced<T>)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, one) = (&next, &stop, &one);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(s) = scenarios.get(i) else { break };
                    if tx.send((i, one(s))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Results that came early wait here for those before them.
        let mut early: HashMap<usize, Reduced<T>> = HashMap::new();
        let mut want = 0;
        for (i, r) in rx {
            early.insert(i, r);
            while let Some(r) = early.remove(&want) {
                want += 1;
                if !stop.load(Ordering::Relaxed) && !consume(want - 1, r) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
    });
}

/// Scenario workers for `n` scenarios, and the threads each one's service
/// loop may use (the cores the workers leave over).
fn split(n: usize) -> (usize, usize) {
    let workers = cores().min(n).max(1);
    (workers, (cores() / workers).max(1))
}

/// Project one scenario on its budget and reduce it with `f`.
fn reduce<T>(
    budgets: &HashMap<String, Budget>,
    s: &Scenario,
    project: Projector,
    inner: usize,
    f: &impl Fn(Projection) -> T,
) -> Reduced<T> {
    let b = budgets
        .get(&s.budget)
        .ok_or_else(|| EngineError::Overflow(format!("budget {} is not loaded", s.budget)))?;
    let p = project(b, s, inner)?;
    let warnings = p.warnings.clone();
    Ok((f(p), warnings))
}

/// How many threads one projection may use for its service loop when it
/// runs alone (the scenario workers of `project_each` already fill the cores).
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Below this many items a loop is not worth splitting across threads.
const MIN_CHUNK: usize = 2_048;

/// Split `0..len` into at most `threads` contiguous ranges of ≥ MIN_CHUNK.
fn ranges(len: usize, threads: usize) -> Vec<std::ops::Range<usize>> {
    let k = threads.min(len / MIN_CHUNK).max(1);
    let per = len.div_ceil(k);
    (0..k)
        .map(|i| (i * per).min(len)..((i + 1) * per).min(len))
        .collect()
}

/// `f` over `0..len` on up to `threads` threads, results in index order. On
/// errors, the one at the lowest index is returned (as a sequential loop
/// would), so the outcome does not depend on the thread count.
pub fn map_range<T: Send, E: Send>(
    len: usize,
    threads: usize,
    f: &(impl Fn(usize) -> Result<T, E> + Sync),
) -> Result<Vec<T>, E> {
    let rs = ranges(len, threads);
    // Each part is sized before it is filled: `collect` into a `Result`
    // cannot know its length and would grow (and copy) the vector many times.
    let part = |r: std::ops::Range<usize>| -> Result<Vec<T>, E> {
        let mut v = Vec::with_capacity(r.len());
        for i in r {
            v.push(f(i)?);
        }
        Ok(v)
    };
    if rs.len() == 1 {
        return part(0..len);
    }
    let parts: Vec<Result<Vec<T>, E>> = std::thread::scope(|scope| {
        let hs: Vec<_> = rs
            .into_iter()
            .map(|r| scope.spawn(move || part(r)))
            .collect();
        hs.into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut out = Vec::with_capacity(len);
    for p in parts {
        out.extend(p?);
    }
    Ok(out)
}

/// `f` on every element of `xs` (with its index) on up to `threads`
/// threads; each call may push notes, returned in index order. The lowest
/// index's error wins, as in `map_range`.
pub fn for_each_mut<T: Send, E: Send>(
    xs: &mut [T],
    threads: usize,
    f: &(impl Fn(usize, &mut T, &mut Vec<String>) -> Result<(), E> + Sync),
) -> Result<Vec<String>, E> {
    let g = |i: usize, x: &mut T, notes: &mut Vec<String>, _: &mut ()| f(i, x, notes);
    for_each_mut_acc(xs, threads, &|| (), &g).map(|(notes, _)| notes)
}

/// `for_each_mut` where each thread also folds what it visits into its
/// own accumulator (started by `init`): the accumulators come back in
/// index order, one per contiguous part of `xs`, for the caller to merge
/// (sums taken while each element is still in the cache).
pub fn for_each_mut_acc<T: Send, A: Send, E: Send>(
    xs: &mut [T],
    threads: usize,
    init: &(impl Fn() -> A + Sync),
    f: &(impl Fn(usize, &mut T, &mut Vec<String>, &mut A) -> Result<(), E> + Sync),
) -> Result<(Vec<String>, Vec<A>), E> {
    let rs = ranges(xs.len(), threads);
    let run = |start: usize, chunk: &mut [T]| -> Result<(Vec<String>, A), E> {
        let mut notes = vec![];
        let mut acc = init();
        for (k, x) in chunk.iter_mut().enumerate() {
            f(start + k, x, &mut notes, &mut acc)?;
        }
        Ok((notes, acc))
    };
    if rs.len() == 1 {
        return run(0, xs).map(|(notes, acc)| (notes, vec![acc]));
    }
    let per = rs[0].len();
    let parts: Vec<Result<(Vec<String>, A), E>> = std::thread::scope(|scope| {
        let hs: Vec<_> = xs
            .chunks_mut(per)
            .enumerate()
            .map(|(i, c)| scope.spawn(move || run(i * per, c)))
            .collect();
        hs.into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let (mut notes, mut accs) = (vec![], Vec::with_capacity(parts.len()));
    for p in parts {
        let (n, a) = p?;
        notes.extend(n);
        accs.push(a);
    }
    Ok((notes, accs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_everything_once() {
        for (len, th) in [(0, 2), (1, 2), (5000, 2), (10_001, 3), (100_000, 2)] {
            let rs = ranges(len, th);
            assert_eq!(rs.first().map(|r| r.start), Some(0));
            assert_eq!(rs.last().map(|r| r.end), Some(len));
            assert!(rs.windows(2).all(|w| w[0].end == w[1].start));
        }
    }

    #[test]
    fn the_lowest_index_error_wins_whatever_the_threads() {
        let f = |i: usize| if i % 3000 == 2999 { Err(i) } else { Ok(i * 2) };
        for th in [1, 2, 4] {
            assert_eq!(map_range(10_000, th, &f), Err(2999));
            assert_eq!(map_range(2999, th, &f).map(|v| v.len()), Ok(2999));
        }
        let mut xs: Vec<usize> = (0..9000).collect();
        let g = |i: usize, x: &mut usize, n: &mut Vec<String>| {
            *x += 1;
            if i.is_multiple_of(4000) {
                n.push(i.to_string());
            }
            if i == 8500 {
                return Err(i);
            }
            Ok(())
        };
        assert_eq!(
            for_each_mut(&mut xs[..8000], 2, &g),
            Ok(vec!["0".into(), "4000".into()])
        );
        assert_eq!(for_each_mut(&mut xs, 2, &g), Err(8500));
    }
}
