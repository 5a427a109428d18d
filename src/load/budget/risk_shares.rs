//! risk_shares.csv: agreed shares of a pool's over/underspend, totalling 100%.

use super::cells::Cells;
use super::Ctx;
use crate::load::diag::Sink;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::value::*;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

impl Ctx<'_, '_> {
    pub(super) fn risk_shares(
        &mut self,
        t: Option<(&Table, &str)>,
        b: &Budget,
        pools_file: &str,
    ) -> Vec<RiskShare> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let partners = Known::new(
            b.partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut out: Vec<RiskShare> = vec![];
        let mut lines: HashMap<(String, String), usize> = HashMap::new();
        // Pools named on any row, and pools with a rejected row (whose
        // total cannot be checked without repeating that row's error).
        let mut named: HashSet<String> = HashSet::new();
        let mut rejected: HashSet<String> = HashSet::new();
        let mut first_line: HashMap<String, usize> = HashMap::new();
        if let Some((t, file)) = t {
            let mut c = Cells {
                table: t,
                sink: &mut Sink {
                    out: self.diags,
                    owner: self.owner.clone(),
                    file: file.to_string(),
                },
            };
            for row in &t.rows {
                let written = t.cell(row, "pool").to_string();
                named.insert(written.clone());
                let pool = c
                    .id(row, "pool")
                    .filter(|p| pools.accept("pool", p, "pools.csv", |m| c.report(row, "pool", m)));
                let partner = c.id(row, "partner").filter(|p| {
                    partners.accept("partner", p, "partners.csv", |m| {
                        c.report(row, "partner", m)
                    })
                });
                let share = c
                    .parsed(row, "share", true, Decimal::ZERO, parse_rate)
                    .filter(|s| {
                        (Decimal::ZERO..=Decimal::ONE).contains(s) || {
                            c.report(
                                row,
                                "share",
                                format!(
                                    "the share \"{}\" is outside 0% to 100%; write each partner's share of the pool's over- or underspend, e.g. \"40%\"",
                                    t.cell(row, "share")
                                ),
                            );
                            false
                        }
                    });
                let (Some(pool), Some(partner), Some(share)) = (pool, partner, share) else {
                    rejected.insert(written);
                    continue;
                };
                if let Some(p) = b.pool(&pool) {
                    if p.risk_share != RiskRule::Agreed {
                        c.sink.warn(Some(row.line), Some(t.field("pool")), format!("pool \"{pool}\" shares risk {}, not agreed; this row is ignored (set risk_share = agreed in pools.csv to use it)", p.risk_share.name()));
                        continue;
                    }
                }
                if let Some(first) = lines.get(&(pool.clone(), partner.clone())) {
                    c.sink.error(Some(row.line), Some(t.field("partner")), format!("duplicate risk share for {partner} in {pool} (already on line {first}); give each (pool, partner) one row"));
                    rejected.insert(pool);
                    continue;
                }
                lines.insert((pool.clone(), partner.clone()), row.line);
                first_line.entry(pool.clone()).or_insert(row.line);
                out.push(RiskShare {
                    pool,
                    partner,
                    share,
                });
            }
        }
        for p in b.pools.iter().filter(|p| p.risk_share == RiskRule::Agreed) {
            if rejected.contains(&p.id) {
                continue;
            }
            let rows: Vec<&RiskShare> = out.iter().filter(|r| r.pool == p.id).collect();
            let Some((t, file)) = t.filter(|_| !rows.is_empty()) else {
                if named.contains(&p.id) {
                    continue;
                }
                let (line, field) = self
                    .pool_lines
                    .get(&p.id)
                    .cloned()
                    .map_or((None, None), |(l, f)| (Some(l), Some(f)));
                let where_ = if t.is_some() {
                    "risk_shares.csv has no rows for it"
                } else {
                    "there is no risk_shares.csv"
                };
                self.sink(pools_file).error(line, field, format!("pool \"{}\" has risk_share = agreed but {where_}; add one row per partner (pool,partner,share) to risk_shares.csv with shares totalling 100%, or use pro_rata or host", p.id));
                continue;
            };
            let total: Decimal = rows.iter().map(|r| r.share).sum();
            if total != Decimal::ONE {
                let pct = |d: Decimal| (d * Decimal::ONE_HUNDRED).normalize();
                let parts: Vec<String> = rows
                    .iter()
                    .map(|r| format!("{} {}%", r.partner, pct(r.share)))
                    .collect();
                let line = first_line.get(&p.id).copied();
                self.sink(file).error(
                    line,
                    Some(t.field("share")),
                    format!(
                        "the shares of pool \"{}\" total {}% ({}); they must total exactly 100%",
                        p.id,
                        pct(total),
                        parts.join(" + ")
                    ),
                );
            }
        }
        out
    }
}
