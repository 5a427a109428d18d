//! What a bridge explains (issue 18 item 2): the total of in-year gaps over
//! the horizon, the cumulative overspend, or a partner's (or every
//! partner's) cumulative exposure. Each is a sum over the horizon of figures
//! the engine gives in its pool accounts and exposure lines, so a bridge of
//! any measure reads the same projections at each step.
//!
//! Wording (issue 12 item 4): the gap measure is the sum of the years'
//! in-year gaps, which is not an MTFS's "cumulative gap" (that is one year's
//! gap against the base, methodology §7a), so it is called the **total of
//! in-year gaps over N years** (`title`), or `total in-year gap, N years`
//! where width is tight (`short`).

use crate::analysis::AnalysisError;
use crate::engine::arith::{sub, sum, R};
use crate::engine::{ExposureLine, PoolLine};
use crate::model::Budget;
use rust_decimal::Decimal;

/// The figure a bridge explains, summed over the horizon.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Measure {
    /// Σ years (Σ pools' spend − Σ pools' contributions): `totals.in_year_gap`.
    #[default]
    Gap,
    /// Σ years Σ pools' overspend after reserves and agreement offsets.
    Overspend,
    /// One partner's exposure (contributions + signed risk shares), or with
    /// `None` every partner's exposure added together.
    Exposure(Option<String>),
}

impl Measure {
    /// Parse `gap`, `overspend`, `exposure` or `exposure:PARTNER`.
    pub fn parse(s: &str) -> Result<Measure, String> {
        match s.trim() {
            "gap" => Ok(Measure::Gap),
            "overspend" => Ok(Measure::Overspend),
            "exposure" => Ok(Measure::Exposure(None)),
            x => match x.strip_prefix("exposure:") {
                Some(p) if !p.trim().is_empty() => Ok(Measure::Exposure(Some(p.trim().into()))),
                _ => Err(format!(
                    "unknown measure \"{x}\"; use gap, overspend, exposure (every partner) or exposure:PARTNER"
                )),
            },
        }
    }

    /// Check a named partner exists in the budget.
    pub fn check(&self, budget: &Budget) -> Result<(), AnalysisError> {
        if let Measure::Exposure(Some(p)) = self {
            if budget.partner(p).is_none() {
                let known: Vec<&str> = budget.partners.iter().map(|p| p.id.as_str()).collect();
                return Err(AnalysisError::UnknownPartner {
                    partner: p.clone(),
                    known: known.join(", "),
                });
            }
        }
        Ok(())
    }

    /// A machine id: `gap`, `overspend`, `exposure` (CSV column `{id}_change`).
    pub fn id(&self) -> &'static str {
        match self {
            Measure::Gap => "gap",
            Measure::Overspend => "overspend",
            Measure::Exposure(_) => "exposure",
        }
    }

    /// What a reader sees over a horizon of `years`: `total of in-year gaps
    /// over 3 years`, `cumulative overspend`, `nhs's cumulative exposure`,
    /// `all partners' cumulative exposure`.
    pub fn title(&self, years: usize) -> String {
        match self {
            Measure::Gap => format!("total of in-year gaps over {}", of_years(years)),
            _ => self.label(),
        }
    }

    /// `title`'s short form, where width is tight: `total in-year gap, 3
    /// years` (the other measures as `title`).
    pub fn short(&self, years: usize) -> String {
        match self {
            Measure::Gap => format!("total in-year gap, {}", of_years(years)),
            _ => self.label(),
        }
    }

    /// The label without the horizon. The TUI's Compare tab still shows it
    /// (`src/tui` moves to `title`/`short` with its own wording, issue 12
    /// item 4); the reports use `title`.
    pub fn label(&self) -> String {
        match self {
            Measure::Gap => "cumulative in-year gap".into(),
            Measure::Overspend => "cumulative overspend".into(),
            Measure::Exposure(Some(p)) => format!("{p}'s cumulative exposure"),
            Measure::Exposure(None) => "all partners' cumulative exposure".into(),
        }
    }

    /// The measure's value from a projection's pool accounts and exposure.
    pub fn value(&self, pools: &[PoolLine], exposure: &[ExposureLine]) -> R<Decimal> {
        match self {
            Measure::Gap => gap(pools),
            Measure::Overspend => {
                let per: Vec<Decimal> = pools
                    .iter()
                    .map(|p| sum(&p.overspend, "the cumulative overspend"))
                    .collect::<R<_>>()?;
                sum(&per, "the cumulative overspend")
            }
            Measure::Exposure(who) => {
                let per: Vec<Decimal> = exposure
                    .iter()
                    .filter(|e| who.as_ref().is_none_or(|p| *p == e.partner))
                    .map(|e| sum(&e.values, "the cumulative exposure"))
                    .collect::<R<_>>()?;
                sum(&per, "the cumulative exposure")
            }
        }
    }
}

/// `1 year`, `3 years`.
pub fn of_years(years: usize) -> String {
    match years {
        1 => "1 year".into(),
        n => format!("{n} years"),
    }
}

/// The total of in-year gaps from the pool accounts, summed as the engine's
/// headline does (each year Σ spend − Σ contributions, then over the years),
/// so it equals `analysis::cumulative_gap` exactly (tested).
pub fn gap(pools: &[PoolLine]) -> R<Decimal> {
    let what = "the total of in-year gaps";
    let n = pools.first().map_or(0, |p| p.spend.len());
    let mut by_year = Vec::with_capacity(n);
    for t in 0..n {
        let spend = sum(pools.iter().map(|p| &p.spend[t]), what)?;
        let contrib = sum(pools.iter().map(|p| &p.contributions[t]), what)?;
        by_year.push(sub(spend, contrib, what)?);
    }
    sum(&by_year, what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Measure::parse("gap"), Ok(Measure::Gap));
        assert_eq!(Measure::parse("overspend"), Ok(Measure::Overspend));
        assert_eq!(Measure::parse("exposure"), Ok(Measure::Exposure(None)));
        assert_eq!(
            Measure::parse("exposure:nhs"),
            Ok(Measure::Exposure(Some("nhs".into())))
        );
        let e = Measure::parse("exposure:").unwrap_err();
        assert!(e.contains("exposure:PARTNER"), "{e}");
        assert!(Measure::parse("npv").is_err());
    }

    #[test]
    fn the_gap_is_a_total_of_in_year_gaps_over_the_horizon() {
        assert_eq!(Measure::Gap.title(3), "total of in-year gaps over 3 years");
        assert_eq!(Measure::Gap.title(1), "total of in-year gaps over 1 year");
        assert_eq!(Measure::Gap.short(5), "total in-year gap, 5 years");
        assert_eq!(Measure::Overspend.title(3), "cumulative overspend");
        assert_eq!(
            Measure::Exposure(None).short(3),
            Measure::Exposure(None).label()
        );
    }

    #[test]
    fn labels() {
        assert_eq!(Measure::Overspend.label(), "cumulative overspend");
        assert_eq!(
            Measure::Exposure(Some("nhs".into())).label(),
            "nhs's cumulative exposure"
        );
        assert_eq!(
            Measure::Exposure(None).label(),
            "all partners' cumulative exposure"
        );
    }
}
