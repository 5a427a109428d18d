//! One provider across the plan (issue 18 item 5): every service it
//! delivers, in every category and every year of the horizon it delivers
//! it, with the line's figures from that year's comparison (rank, the
//! category's and its sector's medians, both savings).

use super::{compare_providers, Line};
use crate::analysis::AnalysisError;
use crate::engine::Projection;
use crate::model::Budget;
use rust_decimal::Decimal;

/// One service-year of the provider.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillLine {
    /// Year index (0 = base year).
    pub year: usize,
    pub category: String,
    /// The category's volume-weighted median unit cost that year.
    pub median_unit_cost: Option<Decimal>,
    pub line: Line,
}

/// A provider's services, by year then category order then rank.
#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub provider: String,
    pub name: String,
    pub sector: String,
    pub rating: String,
    pub lines: Vec<DrillLine>,
}

/// Every service-year `provider` delivers in the projection. A provider id
/// providers.csv lacks is an error naming the known ones, unless a service
/// names it (its lines are then shown with the id as name).
pub fn provider_drill(
    budget: &Budget,
    p: &Projection,
    provider: &str,
) -> Result<Drill, AnalysisError> {
    let known = budget.provider(provider);
    let delivers = p
        .services
        .iter()
        .any(|s| s.provider.iter().any(|x| &**x == provider));
    if known.is_none() && !delivers {
        let ids: Vec<&str> = budget.providers.iter().map(|x| x.id.as_str()).collect();
        return Err(AnalysisError::UnknownProvider {
            provider: provider.into(),
            known: ids.join(", "),
        });
    }
    let mut lines = vec![];
    for t in 0..p.years {
        for c in compare_providers(budget, p, t, None)? {
            for l in c.lines.iter().filter(|l| l.provider == provider) {
                lines.push(DrillLine {
                    year: t,
                    category: c.category.clone(),
                    median_unit_cost: c.median_unit_cost,
                    line: l.clone(),
                });
            }
        }
    }
    Ok(Drill {
        provider: provider.into(),
        name: known.map_or_else(|| provider.to_string(), |k| k.name.clone()),
        sector: known.map(|k| k.sector.to_string()).unwrap_or_default(),
        rating: known.map(|k| k.rating.clone()).unwrap_or_default(),
        lines,
    })
}
