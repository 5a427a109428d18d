//! A table's rows as the table tabs sort and find them: each row's cells as
//! shown and a sort key per column (text, or an exact figure). One helper
//! for every table tab: sort by any column (`s`/`S`), keep the order stable.

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// What a column sorts by.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    Text(String),
    /// A figure; `None` (n/a) sorts after every figure.
    Num(Option<Decimal>),
}

fn cmp(a: &Key, b: &Key) -> Ordering {
    match (a, b) {
        (Key::Num(Some(x)), Key::Num(Some(y))) => x.cmp(y),
        (Key::Num(Some(_)), Key::Num(None)) => Ordering::Less,
        (Key::Num(None), Key::Num(Some(_))) => Ordering::Greater,
        (Key::Text(x), Key::Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        _ => Ordering::Equal,
    }
}

/// Row indices in the order drawn: as given when `sort` is 0, else by
/// column `sort − 1` (ties in the given order), reversed if `desc`.
pub fn order(keys: &[Vec<Key>], sort: usize, desc: bool) -> Vec<usize> {
    let mut out: Vec<usize> = (0..keys.len()).collect();
    if sort == 0 {
        return out;
    }
    let c = sort - 1;
    out.sort_by(|&a, &b| {
        let o = match (keys[a].get(c), keys[b].get(c)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        let o = if desc { o.reverse() } else { o };
        o.then(a.cmp(&b))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn sorts_by_a_column_na_last_ties_stable() {
        let k = |t: &str, x: Option<Decimal>| vec![Key::Text(t.into()), Key::Num(x)];
        let keys = vec![
            k("b", Some(dec!(2))),
            k("A", None),
            k("c", Some(dec!(2))),
            k("d", Some(dec!(1))),
        ];
        assert_eq!(order(&keys, 0, false), vec![0, 1, 2, 3]);
        assert_eq!(order(&keys, 1, false), vec![1, 0, 2, 3]);
        assert_eq!(order(&keys, 2, false), vec![3, 0, 2, 1]);
        assert_eq!(order(&keys, 2, true), vec![1, 0, 2, 3]);
    }
}
