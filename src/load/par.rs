//! Parsing a large table's rows (or resolving many scenarios) on every
//! core: each item is done on its own (messages kept with it), and the
//! caller replays the results in order, so messages and results are the
//! same as a sequential pass.

/// Below this many rows a table is parsed on one thread.
const MIN_ROWS: usize = 4_096;

/// `f` of every row, in row order, on up to every core.
pub fn map_rows<T: Sync, U: Send>(rows: &[T], f: &(impl Fn(&T) -> U + Sync)) -> Vec<U> {
    map_each(rows, MIN_ROWS, f)
}

/// `f` of every item, in order, on up to every core, each thread given at
/// least `min` items.
pub fn map_each<T: Sync, U: Send>(rows: &[T], min: usize, f: &(impl Fn(&T) -> U + Sync)) -> Vec<U> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let k = cores.min(rows.len() / min.max(1)).max(1);
    if k == 1 {
        return rows.iter().map(f).collect();
    }
    let per = rows.len().div_ceil(k);
    let parts: Vec<Vec<U>> = std::thread::scope(|scope| {
        let hs: Vec<_> = rows
            .chunks(per)
            .map(|c| scope.spawn(move || c.iter().map(f).collect::<Vec<U>>()))
            .collect();
        hs.into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut out = Vec::with_capacity(rows.len());
    for p in parts {
        out.extend(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::map_rows;

    #[test]
    fn results_come_back_in_row_order_at_any_size() {
        for n in [0, 1, 4_095, 4_096, 8_192, 10_001, 50_000] {
            let rows: Vec<usize> = (0..n).collect();
            let out = map_rows(&rows, &|r| r * 3);
            assert_eq!(out, rows.iter().map(|r| r * 3).collect::<Vec<_>>(), "{n}");
        }
    }
}
