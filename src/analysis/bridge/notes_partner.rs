//! The parts of one partner's exposure change in a bridge step: its
//! contributions, its share of overspends (after caps), refunds of
//! underspend to it, and what caps moved: the excess above its own cap that
//! passed to the host, and (as a host) other partners' excess it bears.
//! exposure = contributions + borne − refunds, exactly.

use super::notes::{signed, State};
use crate::engine::arith::{add, sub, R};
use crate::engine::PoolLine;
use rust_decimal::Decimal;

const WHAT: &str = "a bridge note";

#[derive(Default)]
struct Sums {
    exposure: Decimal,
    borne: Decimal,
    refund: Decimal,
    own_excess: Decimal,
    host_excess: Decimal,
}

fn sums(who: &str, (pools, exposure): State<'_>) -> R<Sums> {
    let mut s = Sums::default();
    for e in exposure.iter().filter(|e| e.partner == who) {
        for v in &e.values {
            s.exposure = add(s.exposure, *v, WHAT)?;
        }
    }
    for p in pools {
        pool(who, p, &mut s)?;
    }
    Ok(s)
}

fn pool(who: &str, p: &PoolLine, s: &mut Sums) -> R<()> {
    for line in p.shares.iter().filter(|l| l.partner == who) {
        for v in &line.values {
            if *v > Decimal::ZERO {
                s.borne = add(s.borne, *v, WHAT)?;
            } else {
                s.refund = sub(s.refund, *v, WHAT)?;
            }
        }
    }
    for line in &p.cap_excess {
        let own = line.partner == who;
        if !own && p.host != who {
            continue;
        }
        for v in &line.values {
            if own {
                s.own_excess = add(s.own_excess, *v, WHAT)?;
            } else {
                s.host_excess = add(s.host_excess, *v, WHAT)?;
            }
        }
    }
    Ok(())
}

/// The parts of `who`'s exposure change from `before` to `after`, each
/// only when it moved.
pub fn parts(who: &str, before: State<'_>, after: State<'_>) -> R<Vec<String>> {
    let (a, b) = (sums(who, before)?, sums(who, after)?);
    let d = |f: fn(&Sums) -> Decimal| sub(f(&b), f(&a), WHAT);
    let borne = d(|s| s.borne)?;
    let refund = d(|s| s.refund)?;
    let contrib = add(sub(d(|s| s.exposure)?, borne, WHAT)?, refund, WHAT)?;
    let mut out = vec![];
    if !contrib.is_zero() {
        out.push(format!("its contributions {}", signed(contrib)));
    }
    if !borne.is_zero() {
        out.push(format!("its share of overspends {}", signed(borne)));
    }
    if !refund.is_zero() {
        out.push(format!(
            "underspend returned to it {} (exposure {})",
            signed(refund),
            signed(-refund)
        ));
    }
    let own = d(|s| s.own_excess)?;
    if !own.is_zero() {
        out.push(format!(
            "capped: {} above its cap, borne by the host",
            signed(own)
        ));
    }
    let host = d(|s| s.host_excess)?;
    if !host.is_zero() {
        out.push(format!(
            "as host it bears {} of other partners' excess above their caps",
            signed(host)
        ));
    }
    Ok(out)
}
