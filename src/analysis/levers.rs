//! Lever identity and description for the bridge.
//!
//! Two levers are the same lever when they do the same thing over the same
//! window: equal kind (with every target and amount) and equal `from`, `to`
//! and `active`. Where a lever was written (`origin`) does not count, so a
//! lever a child inherits from its parent matches the parent's own.

use super::{pct, signed_pct};
use crate::model::numtext::grouped_plain;
use crate::model::{Lever, LeverKind, Op, Year};
use std::collections::{HashMap, VecDeque};

/// Do `a` and `b` do the same thing over the same window?
pub fn same_lever(a: &Lever, b: &Lever) -> bool {
    a.kind == b.kind && a.from == b.from && a.to == b.to && a.active == b.active
}

/// A bucket for matching: levers that can be the same lever share it. For
/// the common kinds it names everything `same_lever` compares (amounts
/// normalised, so `1.0` and `1.00` meet), so the first lever in a bucket
/// matches; for the rest a bucket is scanned.
fn bucket(l: &Lever) -> String {
    let op = |o: &Op| match o {
        Op::Change(x) => format!("change {}", x.normalize()),
        Op::By(x) => format!("by {}", x.normalize()),
        Op::Set(x) => format!("set {}", x.normalize()),
    };
    let what = match &l.kind {
        LeverKind::Contribution {
            partner,
            pool,
            op: o,
        } => {
            format!("contribution {partner} {pool} {}", op(o))
        }
        LeverKind::UnitCost { service, op: o } => format!("unit_cost {service} {}", op(o)),
        LeverKind::OutcomeRate { service, op: o } => format!("outcome_rate {service} {}", op(o)),
        LeverKind::Volume { service, op: o, .. } => format!("volume {service} {}", op(o)),
        LeverKind::Saving { pool, by } => format!("saving {pool} {}", by.normalize()),
        k => format!("{} {}", k.name(), k.service().unwrap_or_default()),
    };
    format!("{what} {} {:?} {}", l.from, l.to, l.active)
}

/// Match A's levers to B's, one to one, in order (each A lever takes the
/// first unmatched identical B lever). Returns the indices of A's levers that
/// B lacks (in A's order) and of B's levers that A lacks (in B's order).
/// B's levers are put in buckets first, so matching is linear in the number
/// of levers (a bucket is only scanned past levers that differ).
pub fn unmatched(a: &[Lever], b: &[Lever]) -> (Vec<usize>, Vec<usize>) {
    let mut buckets: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (j, lb) in b.iter().enumerate() {
        buckets.entry(bucket(lb)).or_default().push_back(j);
    }
    let mut taken = vec![false; b.len()];
    let mut only_a = vec![];
    for (i, la) in a.iter().enumerate() {
        let hit = buckets.get_mut(&bucket(la)).and_then(|q| {
            let k = q.iter().position(|&j| same_lever(la, &b[j]))?;
            q.remove(k)
        });
        match hit {
            Some(j) => taken[j] = true,
            None => only_a.push(i),
        }
    }
    let only_b = (0..b.len()).filter(|j| !taken[*j]).collect();
    (only_a, only_b)
}

fn op(o: &Op) -> String {
    match o {
        Op::Change(c) => format!("change {}", signed_pct(*c)),
        Op::By(b) => format!("by {}", grouped_plain(*b, 6)),
        Op::Set(s) => format!("set {}", grouped_plain(*s, 6)),
    }
}

fn window(l: &Lever, base: Year) -> String {
    if !l.active {
        return "outside the horizon".into();
    }
    let from = base.plus(l.from as i32);
    match l.to {
        Some(to) => format!("{from} to {}", base.plus(to as i32)),
        None => format!("from {from}"),
    }
}

/// A one-line description a finance lead can read, e.g.
/// `volume sw-permanent by 15,000 from 2010-11 (scenarios/workforce.toml:22)`.
pub fn describe(l: &Lever, base: Year) -> String {
    let what = match &l.kind {
        LeverKind::Contribution {
            partner,
            pool,
            op: o,
        } => {
            format!("contribution {partner} to {pool} {}", op(o))
        }
        LeverKind::UnitCost { service, op: o } => format!("unit_cost {service} {}", op(o)),
        LeverKind::Volume {
            service,
            op: o,
            reduces,
        } => match reduces {
            Some(r) => format!(
                "volume {service} {} reducing {} by {} a unit (lag {})",
                op(o),
                r.service,
                grouped_plain(r.per_unit, 6),
                r.lag
            ),
            None => format!("volume {service} {}", op(o)),
        },
        LeverKind::OutcomeRate { service, op: o } => format!("outcome_rate {service} {}", op(o)),
        LeverKind::Commission { service } => format!("commission {}", service.id),
        LeverKind::Decommission { service } => format!("decommission {service}"),
        LeverKind::Recommission {
            service,
            provider,
            unit_cost,
            outcome_rate,
        } => {
            let mut s = format!("recommission {service} to {provider}");
            if let Some(u) = unit_cost {
                s.push_str(&format!(" at {}", grouped_plain(*u, 6)));
            }
            if let Some(o) = outcome_rate {
                s.push_str(&format!(", outcome rate {}", pct(*o)));
            }
            s
        }
        LeverKind::Saving { pool, by } => format!("saving {pool} by {}", grouped_plain(*by, 2)),
    };
    let mut s = format!("{what} {}", window(l, base));
    if !l.origin.is_empty() {
        s.push_str(&format!(" ({})", l.origin));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn lever(kind: LeverKind, from: usize, origin: &str) -> Lever {
        Lever {
            kind,
            from,
            to: None,
            origin: origin.into(),
            active: true,
        }
    }

    fn vol(service: &str, by: rust_decimal::Decimal) -> LeverKind {
        LeverKind::Volume {
            service: service.into(),
            op: Op::By(by),
            reduces: None,
        }
    }

    #[test]
    fn origin_does_not_count() {
        let a = lever(vol("x", dec!(10)), 1, "scenarios/a.toml:3");
        let b = lever(vol("x", dec!(10)), 1, "scenarios/b.toml:9");
        assert!(same_lever(&a, &b));
        let c = lever(vol("x", dec!(10)), 2, "scenarios/b.toml:9");
        assert!(!same_lever(&a, &c));
    }

    #[test]
    fn matching_is_one_to_one_in_order() {
        let x = lever(vol("x", dec!(1)), 1, "");
        let y = lever(vol("y", dec!(1)), 1, "");
        let z = lever(vol("z", dec!(1)), 1, "");
        // A: x, x, y   B: y, x, z  → A lacks z; B lacks the second x.
        let (only_a, only_b) = unmatched(
            &[x.clone(), x.clone(), y.clone()],
            &[y.clone(), x.clone(), z],
        );
        assert_eq!(only_a, vec![1]);
        assert_eq!(only_b, vec![2]);
    }

    #[test]
    fn equal_amounts_written_differently_match() {
        let a = lever(vol("x", dec!(1.0)), 1, "");
        let b = lever(vol("x", dec!(1.00)), 1, "");
        assert_eq!(unmatched(&[a], &[b]), (vec![], vec![]));
    }

    #[test]
    fn levers_that_share_a_bucket_but_differ_do_not_match() {
        let r = |per_unit| LeverKind::Volume {
            service: "x".into(),
            op: Op::By(dec!(1)),
            reduces: Some(crate::model::Reduces {
                service: "y".into(),
                per_unit,
                lag: 1,
            }),
        };
        let (a, b) = (lever(r(dec!(1)), 1, ""), lever(r(dec!(2)), 1, ""));
        let (b2, a2) = (b.clone(), a.clone());
        // A: a   B: b, a  → b is B's only; the scan passes over it.
        assert_eq!(unmatched(&[a], &[b, a2]), (vec![], vec![0]));
        assert_eq!(
            unmatched(&[b2], &[lever(r(dec!(1)), 2, "")]),
            (vec![0], vec![0])
        );
    }

    #[test]
    fn descriptions() {
        let l = lever(
            vol("sw-permanent", dec!(15000)),
            1,
            "scenarios/workforce.toml:22",
        );
        assert_eq!(
            describe(&l, Year(2009)),
            "volume sw-permanent by 15,000 from 2010-11 (scenarios/workforce.toml:22)"
        );
        let mut l = lever(
            LeverKind::Contribution {
                partner: "nhs".into(),
                pool: "p".into(),
                op: Op::Change(dec!(-0.1)),
            },
            1,
            "",
        );
        l.to = Some(2);
        assert_eq!(
            describe(&l, Year(2009)),
            "contribution nhs to p change -10% 2010-11 to 2011-12"
        );
    }
}
