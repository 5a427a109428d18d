//! SPEC §11.4–11.5: who receives the benefit. Each beneficiary's fiscal
//! (and cashable) benefit by year over all services, the scenario's
//! `benefit_fiscal` and `benefit_cashable`, their present values, the
//! financial return on investment and the fiscal payback year.
//!
//! Invariants: Σ beneficiaries' fiscal = benefit_fiscal, Σ cashable =
//! benefit_cashable (the unallocated rows are never fiscal).

use super::arith::{add, R};
use super::vfm::{financial_roi, payback, pv};
use super::{ServiceLine, Totals};
use crate::model::{Budget, Scenario, ValueKind};
use rust_decimal::Decimal;

/// One beneficiary of outcomes.csv: a partner or an outside agency.
#[derive(Debug, Clone, PartialEq)]
pub struct Beneficiary {
    pub id: String,
    /// False for an agency outside the partnership (`dwp`, `society`).
    pub partner: bool,
    /// Whether outcomes.csv gives it any fiscal row (then it has
    /// `fiscal_benefit_to` rows every year, even of 0).
    pub has_fiscal_row: bool,
    /// Σ over services of its fiscal `benefit_r[t]`.
    pub fiscal: Vec<Decimal>,
    /// The cashable part of `fiscal`.
    pub cashable: Vec<Decimal>,
}

/// The scenario's fiscal headlines.
#[derive(Debug, Clone, PartialEq)]
pub struct Fiscal {
    /// Σ of every fiscal `benefit_r[t]`.
    pub benefit_fiscal: Vec<Decimal>,
    /// Σ of every fiscal cashable `benefit_r[t]`.
    pub benefit_cashable: Vec<Decimal>,
    /// pv(benefit_fiscal).
    pub pv_fiscal_benefit: Decimal,
    /// pv(benefit_cashable).
    pub pv_cashable_benefit: Decimal,
    /// pv_fiscal_benefit / pv_cost, unrounded; `None` when pv_cost is 0.
    pub financial_roi: Option<Decimal>,
    /// First year whose cumulative real(benefit_fiscal − spend) ≥ 0.
    pub payback: Option<usize>,
}

/// Every beneficiary: partners.csv order first, then outside agencies in
/// the order outcomes.csv first names them.
pub fn project(b: &Budget, services: &[ServiceLine], n: usize) -> R<Vec<Beneficiary>> {
    let named = |id: &str| b.outcomes.iter().any(|o| o.beneficiary == id);
    let mut ids: Vec<(String, bool)> = b
        .partners
        .iter()
        .filter(|p| named(&p.id))
        .map(|p| (p.id.clone(), true))
        .collect();
    for o in &b.outcomes {
        if b.partner(&o.beneficiary).is_none() && !ids.iter().any(|(i, _)| *i == o.beneficiary) {
            ids.push((o.beneficiary.clone(), false));
        }
    }
    let what = "a beneficiary's fiscal benefit";
    ids.into_iter()
        .map(|(id, partner)| {
            let mut fiscal = vec![Decimal::ZERO; n];
            let mut cashable = vec![Decimal::ZERO; n];
            for row in services.iter().flat_map(|s| &s.value_rows) {
                if row.is_fiscal_to(&id) {
                    for t in 0..n {
                        fiscal[t] = add(fiscal[t], row.benefit[t], what)?;
                        if row.cashable {
                            cashable[t] = add(cashable[t], row.benefit[t], what)?;
                        }
                    }
                }
            }
            Ok(Beneficiary {
                has_fiscal_row: b
                    .outcomes
                    .iter()
                    .any(|o| o.beneficiary == id && o.kind == ValueKind::Fiscal),
                id,
                partner,
                fiscal,
                cashable,
            })
        })
        .collect()
}

/// The scenario's fiscal headlines from its services' value rows.
pub fn fiscal(
    s: &Scenario,
    deflator: &[Decimal],
    services: &[ServiceLine],
    totals: &Totals,
    n: usize,
) -> R<Fiscal> {
    let what = "the fiscal benefit";
    let mut benefit_fiscal = vec![Decimal::ZERO; n];
    let mut benefit_cashable = vec![Decimal::ZERO; n];
    for row in services.iter().flat_map(|s| &s.value_rows) {
        if row.kind != ValueKind::Fiscal {
            continue;
        }
        for t in 0..n {
            benefit_fiscal[t] = add(benefit_fiscal[t], row.benefit[t], what)?;
            if row.cashable {
                benefit_cashable[t] = add(benefit_cashable[t], row.benefit[t], what)?;
            }
        }
    }
    let d = s.rates.discount_rate;
    let pv_fiscal_benefit = pv(&benefit_fiscal, deflator, d)?;
    Ok(Fiscal {
        pv_cashable_benefit: pv(&benefit_cashable, deflator, d)?,
        financial_roi: financial_roi(pv_fiscal_benefit, totals.pv_cost),
        payback: payback(&benefit_fiscal, &totals.spend, deflator)?,
        pv_fiscal_benefit,
        benefit_fiscal,
        benefit_cashable,
    })
}
