//! Cash or real terms for the money of `summary` and `compare`. Real terms
//! are read through `engine::vfm::real_terms` (SPEC §6.6), as the Cabinet
//! export reads them: one computation of every real figure.

use crate::engine::arith::R;
use crate::engine::vfm::real_terms;
use crate::engine::Projection;
use crate::model::Year;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// Cash (nominal) or real terms (each scenario's base-year prices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Terms {
    #[default]
    Cash,
    Real,
}

impl Terms {
    pub fn new(real: bool) -> Terms {
        if real {
            Terms::Real
        } else {
            Terms::Cash
        }
    }

    /// A cash series of `p` in these terms, to the penny.
    pub fn series(self, p: &Projection, cash: &[Decimal]) -> R<Vec<Decimal>> {
        match self {
            Terms::Cash => Ok(cash.to_vec()),
            Terms::Real => real_terms(p, cash),
        }
    }

    /// One figure of year `t` in these terms (a balance such as the closing
    /// reserve is deflated at the year it is held at the end of).
    pub fn at(self, p: &Projection, cash: Decimal, t: usize) -> R<Decimal> {
        let mut v = vec![Decimal::ZERO; t + 1];
        v[t] = cash;
        Ok(self.series(p, &v)?[t])
    }

    /// `cash terms`, or `real terms, 2009-10 prices` (`real terms,
    /// base-year prices` when the scenarios start in different years).
    pub fn label(self, ps: &[&Projection]) -> String {
        match self {
            Terms::Cash => "cash terms".into(),
            Terms::Real => {
                let bases: BTreeSet<Year> = ps.iter().map(|p| p.base_year).collect();
                match (bases.len(), bases.first()) {
                    (1, Some(b)) => format!("real terms, {b} prices"),
                    _ => "real terms, each scenario's base-year prices".into(),
                }
            }
        }
    }
}
