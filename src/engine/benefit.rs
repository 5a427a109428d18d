//! SPEC §11.1–11.2: a service's value rows (outcomes.csv rows for its
//! outcome, else its own `outcome_value` as one unallocated row), net
//! outcomes after deadweight, attribution and optimism bias, and each row's
//! benefit with persistence and drop-off:
//! `g_r[t] = Σ_{a=max(0,t−Y+1)}^{t} net[a] × v × (1 − d)^(t − a)`,
//! `benefit_r[t] = round(g_r[t] × P_deflator[t])`.
//!
//! Invariants: `benefit[t] = Σ_r benefit_r[t]` (a sum of rounded terms), and
//! the beneficiaries' `benefit_to` plus the unallocated row sum to it. Value
//! keeps flowing after a service stops, within the horizon only.

use super::arith::{is_exactly_one, powers, R};
use super::EngineError;
use super::{Series, ServiceLine};
use crate::model::{round, OutcomeValue, Service, ValueKind};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

/// One value row of a service: its benefit to one beneficiary, of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueLine {
    /// `None` for the unallocated row (a service's own `outcome_value`).
    /// (Shared: every row naming a beneficiary holds a reference count.)
    pub beneficiary: Option<Arc<str>>,
    pub kind: ValueKind,
    pub cashable: bool,
    /// `benefit_r[t]`, rounded to the penny, cash terms.
    pub benefit: Series<Decimal>,
}

impl ValueLine {
    /// Whether this row is a fiscal saving to `who`.
    pub fn is_fiscal_to(&self, who: &str) -> bool {
        self.kind == ValueKind::Fiscal && self.beneficiary.as_deref() == Some(who)
    }
}

/// A service's benefit to one beneficiary, every kind together (`benefit_to`).
#[derive(Debug, Clone, PartialEq)]
pub struct BenefitTo {
    pub beneficiary: Arc<str>,
    pub values: Series<Decimal>,
}

/// outcomes.csv rows by matching key (trimmed, lower case), each with its
/// beneficiary as a shared string.
/// (foldhash: every service looks its measure up, in every projection.)
pub type OutcomeIndex<'a> = super::FastMap<String, Vec<(&'a OutcomeValue, Arc<str>)>>;

pub fn index(rows: &[OutcomeValue]) -> OutcomeIndex<'_> {
    let mut ix: OutcomeIndex<'_> = Default::default();
    let mut names: HashMap<&str, Arc<str>> = HashMap::new();
    for r in rows {
        let who = names
            .entry(r.beneficiary.as_str())
            .or_insert_with(|| Arc::from(r.beneficiary.as_str()));
        ix.entry(OutcomeValue::key(&r.outcome))
            .or_default()
            .push((r, Arc::clone(who)));
    }
    ix
}

/// A service's value rows: (beneficiary, kind, cashable, value per outcome).
pub type Rows = smallvec::SmallVec<[(Option<Arc<str>>, ValueKind, bool, Decimal); 4]>;

/// The value rows of `svc`: the outcomes.csv rows of its outcome, else its
/// own `outcome_value` as one unallocated row.
pub fn rows_of(svc: &Service, ix: &OutcomeIndex<'_>) -> Rows {
    let found = if svc.outcome.trim().is_empty() {
        None
    } else if is_key(&svc.outcome) {
        ix.get(svc.outcome.as_str()) // already trimmed and lower case
    } else {
        ix.get(&OutcomeValue::key(&svc.outcome))
    };
    match found {
        Some(rows) => rows
            .iter()
            .map(|(r, who)| (Some(Arc::clone(who)), r.kind, r.cashable, r.value))
            .collect(),
        None => smallvec::smallvec![(None, ValueKind::Unallocated, false, svc.outcome_value)],
    }
}

/// Whether `s` is its own matching key (no allocation needed to look it up).
fn is_key(s: &str) -> bool {
    s.trim().len() == s.len() && s.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase())
}

/// Fill `line.value_rows`, `line.benefit_to` and `line.benefit` from its
/// (gross) outcomes, which must already be final.
pub fn apply(
    line: &mut ServiceLine,
    svc: &Service,
    ix: &OutcomeIndex<'_>,
    deflator: &[Decimal],
) -> R<()> {
    let keep = powers(-svc.benefit.drop_off, line.outcomes.len(), "").map_err(|_| too_big(svc))?;
    apply_rows(line, svc, rows_of(svc, ix), &keep, deflator)
}

fn too_big(svc: &Service) -> EngineError {
    EngineError::Overflow(format!("the benefit of service {}", svc.id))
}

/// `apply` with the value rows and the persistence series `keep[t] =
/// (1 − drop_off)^t` given (the engine builds them once per scenario).
pub fn apply_rows(
    line: &mut ServiceLine,
    svc: &Service,
    rows: Rows,
    keep: &[Decimal],
    deflator: &[Decimal],
) -> R<()> {
    let n = line.outcomes.len();
    let err = || too_big(svc);
    // Products by exactly 1 (a net factor with every default, persistence
    // in the first year, the deflator in the base year) are skipped: they
    // give the other operand, bit for bit, unless it is zero — and a zero
    // net outcome is skipped below, a zero term added changes no sum, and
    // a zero times the deflator is 0 either way.
    let k = svc.benefit.net_factor();
    let scaled: Series<Decimal>;
    let net: &[Decimal] = if is_exactly_one(&k) {
        &line.outcomes
    } else {
        scaled = (line.outcomes.iter())
            .map(|o| o.checked_mul(k).ok_or_else(err))
            .collect::<R<_>>()?;
        &scaled
    };
    let y = svc.benefit.benefit_years as usize;
    let mut total: Series<Decimal> = smallvec::smallvec![Decimal::ZERO; n];
    let benefit = &mut total[..];
    let to = &mut line.benefit_to;
    to.clear();
    line.value_rows.clear();
    line.value_rows.reserve_exact(rows.len());
    // 0 + x is x bit for bit (its scale included), so the first term of a
    // sum is taken as it is rather than added to 0.
    for (r, (who, kind, cashable, v)) in rows.into_iter().enumerate() {
        let mut row: Series<Decimal> = smallvec::smallvec![Decimal::ZERO; n];
        let b = &mut row[..];
        if !v.is_zero() {
            for t in 0..n {
                let mut g = Decimal::ZERO;
                let mut first = true;
                for a in t.saturating_sub(y - 1)..=t {
                    if net[a].is_zero() {
                        continue;
                    }
                    let keep = &keep[t - a];
                    let term = net[a]
                        .checked_mul(v)
                        .and_then(|x| {
                            if is_exactly_one(keep) {
                                Some(x)
                            } else {
                                x.checked_mul(*keep)
                            }
                        })
                        .ok_or_else(err)?;
                    g = if first {
                        term
                    } else {
                        g.checked_add(term).ok_or_else(err)?
                    };
                    first = false;
                }
                let d = &deflator[t];
                b[t] = round(if is_exactly_one(d) {
                    g
                } else {
                    g.checked_mul(*d).ok_or_else(err)?
                });
                benefit[t] = if r == 0 {
                    b[t]
                } else {
                    benefit[t].checked_add(b[t]).ok_or_else(err)?
                };
            }
        }
        if let Some(who) = &who {
            let i = match to.iter().position(|x| x.beneficiary == *who) {
                Some(i) => i,
                None => {
                    to.push(BenefitTo {
                        beneficiary: Arc::clone(who),
                        values: smallvec::smallvec![Decimal::ZERO; n],
                    });
                    to.len() - 1
                }
            };
            let entry = &mut to[i];
            for t in 0..n {
                entry.values[t] = entry.values[t].checked_add(b[t]).ok_or_else(err)?;
            }
        }
        line.value_rows.push(ValueLine {
            beneficiary: who,
            kind,
            cashable,
            benefit: row,
        });
    }
    line.benefit = total;
    Ok(())
}
