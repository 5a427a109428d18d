//! The headline measures of `summary` and `compare`: one snake_case id per
//! measure (as the tidy export spells it) for CSV and JSON, and a label a
//! finance lead reads in tables.

/// A measure's id (machine-readable output) and label (tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    pub id: &'static str,
    pub label: &'static str,
}

const fn m(id: &'static str, label: &'static str) -> Measure {
    Measure { id, label }
}

pub const CONTRIBUTIONS: Measure = m("contributions", "contributions");
pub const SPEND: Measure = m("spend", "spend");
/// The gap in each year: an MTFS's "cumulative gap" (`analysis::mtfs`).
pub const IN_YEAR_GAP: Measure = m("in_year_gap", "in-year gap (MTFS cumulative gap)");
/// gap[t] − gap[t−1]: an MTFS's "annual gap" (`analysis::mtfs`).
pub const NEW_GAP: Measure = m("new_gap", "new gap in year (MTFS annual gap)");
/// Σ in-year gaps over the horizon; labelled with its horizon in tables.
pub const TOTAL_OF_GAPS: Measure = m("total_of_in_year_gaps", "total of in-year gaps");
pub const OVERSPEND: Measure = m("overspend", "overspend");
/// Σ pools' carry into the next year (a balance: no total).
pub const RESERVE: Measure = m("reserve", "reserve");
pub const OUTCOMES: Measure = m("outcomes", "outcomes");
/// Always in £, whatever the units of the table.
/// Adds unlike outcomes together: labelled so (by measure: `summary`'s own table).
pub const COST_PER_OUTCOME: Measure = m("cost_per_outcome", "cost per outcome (£, all outcomes)");
pub const BENEFIT_TOTAL: Measure = m("benefit_total", "benefit");
pub const PV_COST: Measure = m("pv_cost", "PV of spend");
pub const PV_BENEFIT: Measure = m("pv_benefit", "PV of benefit");
pub const NPV: Measure = m("npv", "NPV");
pub const BCR: Measure = m("bcr", "BCR");
pub const PAYBACK_YEAR: Measure = m("payback_year", "payback year");
pub const CLOSING_RESERVE: Measure = m("closing_reserve", "closing reserve");
/// §11.4–11.5.
pub const FISCAL_BENEFIT: Measure = m("fiscal_benefit", "fiscal benefit");
pub const CASHABLE_BENEFIT: Measure = m("cashable_benefit", "cashable benefit");
pub const PV_FISCAL_BENEFIT: Measure = m("pv_fiscal_benefit", "PV of fiscal benefit");
pub const FINANCIAL_ROI: Measure = m("financial_roi", "financial ROI");
pub const FISCAL_PAYBACK_YEAR: Measure = m("fiscal_payback_year", "fiscal payback year");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_snake_case_and_unique() {
        let all = [
            CONTRIBUTIONS,
            SPEND,
            IN_YEAR_GAP,
            NEW_GAP,
            TOTAL_OF_GAPS,
            OVERSPEND,
            RESERVE,
            OUTCOMES,
            COST_PER_OUTCOME,
            BENEFIT_TOTAL,
            PV_COST,
            PV_BENEFIT,
            NPV,
            BCR,
            PAYBACK_YEAR,
            CLOSING_RESERVE,
            FISCAL_BENEFIT,
            CASHABLE_BENEFIT,
            PV_FISCAL_BENEFIT,
            FINANCIAL_ROI,
            FISCAL_PAYBACK_YEAR,
        ];
        let mut ids: Vec<&str> = all.iter().map(|m| m.id).collect();
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }
}
