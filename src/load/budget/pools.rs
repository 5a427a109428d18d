//! pools.csv: each pool, its host, rules and (§10.3, §10.5) opening reserve
//! and agreement.

use super::cells::Cells;
use super::Ctx;
use crate::load::diag::Sink;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::value::*;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

impl Ctx<'_, '_> {
    pub(super) fn pools(&mut self, t: &Table, file: &str, partners: &[Partner]) -> Vec<Pool> {
        let known = Known::new(
            partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut lines = HashMap::new();
        let mut c = Cells {
            table: t,
            sink: &mut Sink {
                out: self.diags,
                owner: self.owner.clone(),
                file: file.to_string(),
            },
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let id = c.id(row, "id");
            let name = c.required(row, "name").map(str::to_string);
            let host = c.id(row, "host").filter(|h| {
                known.accept("partner", h, "partners.csv", |m| c.report(row, "host", m))
            });
            let basis = c.parsed(row, "basis", false, "other", |v| {
                parse_enum(v, "pool basis", POOL_BASES)
            });
            let risk = c.parsed(row, "risk_share", false, RiskRule::ProRata, |v| {
                parse_enum(v, "risk-share rule", RiskRule::ALL)
            });
            let under = c.parsed(row, "underspend", false, Underspend::CarryForward, |v| {
                parse_enum(v, "underspend rule", Underspend::ALL)
            });
            // §10.3: money ≥ 0, rounded to the penny as it is read (§11.6).
            let reserve = c
                .parsed(row, "opening_reserve", false, Decimal::ZERO, parse_money)
                .filter(|r| {
                    *r >= Decimal::ZERO || {
                        c.report(row, "opening_reserve", format!("the opening reserve \"{}\" is negative; a reserve must be 0 or more (a deficit brought forward is a scenario lever)", t.cell(row, "opening_reserve")));
                        false
                    }
                })
                .map(round);
            // §10.5: an id, or empty for none.
            let agreement = match t.cell(row, "agreement") {
                "" => Some(None),
                v => parse_id(v)
                    .map(Some)
                    .map_err(|e| c.report(row, "agreement", e))
                    .ok(),
            };
            if let (
                Some(id),
                Some(name),
                Some(host),
                Some(basis),
                Some(risk_share),
                Some(underspend),
                Some(opening_reserve),
                Some(agreement),
            ) = (id, name, host, basis, risk, under, reserve, agreement)
            {
                if Self::dup_check(&mut c, &mut seen, row, "id", &id) {
                    lines.insert(id.clone(), (row.line, t.field("risk_share")));
                    out.push(Pool {
                        id,
                        name,
                        host,
                        basis,
                        risk_share,
                        underspend,
                        opening_reserve,
                        agreement,
                    });
                }
            }
        }
        self.pool_lines = lines;
        out
    }
}
