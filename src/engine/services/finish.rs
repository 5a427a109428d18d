//! SPEC §6.3 pass 3 and §6.4, §11.2 for one line whose volume is final:
//! floor the volume at zero (with a warning), zero every figure where the
//! service does not run, then cost, outcomes and benefit.

use super::helpers::overflow;
use super::tables::Persistence;
use crate::engine::arith::{mul, negative_value, R};
use crate::engine::benefit::{apply_rows, index, rows_of, OutcomeIndex};
use crate::engine::ServiceLine;
use crate::model::{round, Budget, RiskRule, Service};
use rust_decimal::Decimal;

/// What finishing a line reads, built once per projection.
pub(super) struct Finish<'a> {
    b: &'a Budget,
    all: &'a [&'a Service],
    n: usize,
    deflator: &'a [Decimal],
    /// Whether every line gets its value rows and benefit.
    benefit: bool,
    /// Pools that share risk by benefit (§11.3): their lines are valued
    /// even without the benefit pass, since their settlement reads them.
    by_benefit: Vec<&'a str>,
    valued: OutcomeIndex<'a>,
    keep: Persistence,
}

impl<'a> Finish<'a> {
    /// Without the benefit pass (`benefit` false) value rows, benefit and
    /// benefit_to stay empty/zero, except in pools that share risk by
    /// benefit; `bound` proves the skipped passes could not fail.
    /// `keep` is the persistence `Tables::build` made when `valued`.
    pub fn new(
        b: &'a Budget,
        all: &'a [&'a Service],
        n: usize,
        deflator: &'a [Decimal],
        benefit: bool,
        keep: Option<Persistence>,
    ) -> Self {
        let by_benefit: Vec<&str> = (b.pools.iter())
            .filter(|p| p.risk_share == RiskRule::Benefit)
            .map(|p| p.id.as_str())
            .collect();
        let some = Self::valued(b, benefit);
        Finish {
            b,
            all,
            n,
            deflator,
            benefit,
            valued: index(if some { &b.outcomes[..] } else { &[] }),
            keep: keep.unwrap_or_default(),
            by_benefit,
        }
    }

    /// Whether any line is valued: every line with the benefit pass, else
    /// those in pools that share risk by benefit.
    pub fn valued(b: &Budget, benefit: bool) -> bool {
        benefit || (b.pools.iter()).any(|p| p.risk_share == RiskRule::Benefit)
    }

    /// Finish line `i`; a volume floored at 0 pushes a warning to `notes`.
    pub fn line(&self, i: usize, line: &mut ServiceLine, notes: &mut Vec<String>) -> R<()> {
        let svc = self.all[i];
        let what = "a service";
        let n = self.n;
        // The series as slices, taken once (each index of a `Series` asks
        // whether it has spilled to the heap).
        let ServiceLine {
            id,
            runs,
            unit_cost,
            volume,
            cost,
            outcome_rate,
            outcomes,
            ..
        } = line;
        let (volume, cost, outcomes) = (&mut volume[..n], &mut cost[..n], &mut outcomes[..n]);
        let (runs, unit_cost, outcome_rate) = (&runs[..n], &unit_cost[..n], &outcome_rate[..n]);
        for t in 0..n {
            if !runs[t] {
                volume[t] = Decimal::ZERO;
                continue;
            }
            if negative_value(&volume[t]) {
                notes.push(format!(
                    "the volume of service {} would be {} in {}; floored at 0",
                    id,
                    volume[t].normalize(),
                    self.b.base_year.plus(t as i32)
                ));
                volume[t] = Decimal::ZERO;
            }
            cost[t] =
                round(mul(unit_cost[t], volume[t], what).map_err(|_| overflow("the cost of", id))?);
            outcomes[t] = mul(volume[t], outcome_rate[t], what)
                .map_err(|_| overflow("the outcomes of", id))?;
        }
        if self.benefit || self.by_benefit.contains(&svc.pool.as_str()) {
            let k = (self.keep).get(svc.benefit.drop_off, || {
                format!("the benefit of service {}", svc.id)
            })?;
            apply_rows(line, svc, rows_of(svc, &self.valued), k, self.deflator)?;
        }
        Ok(())
    }
}
