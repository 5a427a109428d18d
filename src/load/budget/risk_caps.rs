//! risk_caps.csv (SPEC §10.4): the most a partner bears of a pool's
//! overspend in a year, as money or as a percentage (`"100%"`) of its own
//! contribution that year. A plain number is money; one below 1 is a
//! warning (`did you mean "50%"?`, §11.6). Caps are ≥ 0; unknown pools or
//! partners, duplicate (pool, partner) rows and a cap on the host are errors.

use super::cells::Cells;
use super::Ctx;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::value::{parse_money, parse_rate};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A cap cell: `"50%"` is a share of the contribution, anything else money.
fn parse_cap(v: &str) -> Result<Cap, String> {
    let t = v.trim();
    let cap = if t.ends_with('%') {
        Cap::Share(parse_rate(t)?)
    } else {
        Cap::Money(parse_money(t)?)
    };
    match cap {
        Cap::Share(r) | Cap::Money(r) if r < Decimal::ZERO => Err(format!(
            "the cap \"{t}\" is negative; a cap must be 0 or more: money (e.g. 250000) or a percentage of the partner's contribution (e.g. \"100%\")"
        )),
        c => Ok(c),
    }
}

impl Ctx<'_, '_> {
    pub(super) fn risk_caps(&mut self, t: &Table, file: &str, b: &Budget) -> Vec<RiskCap> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let partners = Known::new(
            b.partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let pool = c
                .id(row, "pool")
                .filter(|p| pools.accept("pool", p, "pools.csv", |m| c.report(row, "pool", m)));
            let partner = c.id(row, "partner").filter(|p| {
                partners.accept("partner", p, "partners.csv", |m| {
                    c.report(row, "partner", m)
                })
            });
            let cap = c.parsed(row, "cap", true, Cap::Money(Decimal::ZERO), parse_cap);
            if let Some(Cap::Money(m)) = cap {
                if m > Decimal::ZERO && m < Decimal::ONE {
                    let written = t.cell(row, "cap");
                    let pct = (m * Decimal::ONE_HUNDRED).normalize();
                    c.sink.warn(Some(row.line), Some(t.field("cap")), format!("a plain number is money: \"{written}\" caps the share at £{written}; did you mean \"{pct}%\"?"));
                }
            }
            let (Some(pool), Some(partner), Some(cap)) = (pool, partner, cap) else {
                continue;
            };
            if let Some(p) = b.pool(&pool) {
                if p.host == partner {
                    c.report(row, "partner", format!("\"{partner}\" hosts pool \"{pool}\"; the host, as the accountable body, bears whatever exceeds the other partners' caps and cannot be capped (remove this row)"));
                    continue;
                }
            }
            if let Some(first) = seen.get(&(pool.clone(), partner.clone())) {
                c.report(row, "partner", format!("duplicate cap for {partner} in {pool} (already on line {first}); give each (pool, partner) one row"));
                continue;
            }
            seen.insert((pool.clone(), partner.clone()), row.line);
            out.push(RiskCap { pool, partner, cap });
        }
        out
    }
}
