//! The Pools tab's glance: the ranking's columns and its order. The
//! figures are `analysis::glance`'s, computed in `Derived`.

use crate::analysis::glance::PoolFigures;
use rust_decimal::Decimal;

/// The ranking's columns, in order; every one sorts.
pub const COLUMNS: [&str; 6] = [
    "pool",
    "contributions",
    "spend",
    "balance",
    "overspend",
    "closing reserve",
];

/// The figure of column `col` (1…5) of a pool.
pub fn value(f: &PoolFigures, col: usize) -> Decimal {
    match col {
        1 => f.contributions,
        2 => f.spend,
        3 => f.balance,
        4 => f.overspend,
        _ => f.closing_reserve,
    }
}

/// Pool indices sorted by column `sort` (ties in pools.csv order), reversed
/// if `desc` (ties stay in file order either way).
pub fn order(figs: &[PoolFigures], sort: usize, desc: bool) -> Vec<usize> {
    let mut out: Vec<usize> = (0..figs.len()).collect();
    out.sort_by(|&a, &b| {
        let o = if sort == 0 {
            figs[a].name.cmp(&figs[b].name)
        } else {
            value(&figs[a], sort).cmp(&value(&figs[b], sort))
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

    fn pool(name: &str, over: Decimal) -> PoolFigures {
        PoolFigures {
            id: name.into(),
            name: name.into(),
            contributions: dec!(0),
            spend: dec!(0),
            balance: dec!(0),
            overspend: over,
            closing_reserve: dec!(0),
        }
    }

    #[test]
    fn largest_overspend_first_ties_in_file_order() {
        let f = vec![pool("b", dec!(5)), pool("a", dec!(9)), pool("c", dec!(5))];
        assert_eq!(order(&f, 4, true), vec![1, 0, 2]);
        assert_eq!(order(&f, 4, false), vec![0, 2, 1]);
        assert_eq!(order(&f, 0, false), vec![1, 0, 2]);
    }
}
