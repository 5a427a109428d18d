//! Provider comparison within each category (SPEC §8 `providers`), for one
//! year: unit cost, volume, cost, outcomes, cost per outcome, rank by unit
//! cost, the volume-weighted median unit cost and the saving at the median.
//! A stand-in for the shared `providers` computation (see `data`).

use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use crate::model::round;
use rust_decimal::Decimal;

/// One service in a category.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderRow {
    pub service: String,
    pub service_name: String,
    pub provider: String,
    pub unit_cost: Decimal,
    pub volume: Decimal,
    pub cost: Decimal,
    pub outcomes: Decimal,
    pub cost_per_outcome: Option<Decimal>,
    /// 1 = cheapest unit cost.
    pub rank: usize,
    /// `round(max(0, unit_cost − median) × volume)`.
    pub saving_at_median: Decimal,
}

/// One category.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub name: String,
    pub median_unit_cost: Decimal,
    /// Rows in ascending unit cost (ties by service id).
    pub rows: Vec<ProviderRow>,
    pub saving_at_median: Decimal,
}

/// The volume-weighted median unit cost, by the same rule as `poolplan
/// providers` (`analysis::median`). With no volume at all, the plain median
/// row's unit cost (so a bar chart still has a line to draw).
pub fn weighted_median(pairs: &[(Decimal, Decimal)]) -> Decimal {
    match crate::analysis::median::weighted_median(pairs) {
        Ok(Some(m)) => m,
        _ => pairs
            .get(pairs.len().saturating_sub(1) / 2)
            .map(|p| p.0)
            .unwrap_or_default(),
    }
}

/// The comparison for year `t`, categories in first-seen order.
pub fn categories(p: &Projection, t: usize) -> Vec<Category> {
    let mut names: Vec<&str> = vec![];
    for s in &p.services {
        if !names.contains(&s.category.as_str()) {
            names.push(&s.category);
        }
    }
    let mut out = vec![];
    for name in names {
        let mut rows: Vec<ProviderRow> = p
            .services
            .iter()
            .filter(|s| s.category == name && s.runs.get(t).copied().unwrap_or(false))
            .map(|s| ProviderRow {
                service: s.id.clone(),
                service_name: s.name.clone(),
                provider: s.provider.get(t).map(|p| p.to_string()).unwrap_or_default(),
                unit_cost: s.unit_cost[t],
                volume: s.volume[t],
                cost: s.cost[t],
                outcomes: s.outcomes[t],
                cost_per_outcome: cost_per_outcome(s.cost[t], s.outcomes[t]),
                rank: 0,
                saving_at_median: Decimal::ZERO,
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        rows.sort_by(|a, b| {
            a.unit_cost
                .cmp(&b.unit_cost)
                .then(a.service.cmp(&b.service))
        });
        let pairs: Vec<(Decimal, Decimal)> = rows.iter().map(|r| (r.unit_cost, r.volume)).collect();
        let median = weighted_median(&pairs);
        let mut total = Decimal::ZERO;
        for (i, r) in rows.iter_mut().enumerate() {
            r.rank = i + 1;
            let over = (r.unit_cost - median).max(Decimal::ZERO);
            r.saving_at_median = round(over.checked_mul(r.volume).unwrap_or_default());
            total += r.saving_at_median;
        }
        out.push(Category {
            name: name.to_string(),
            median_unit_cost: median,
            rows,
            saving_at_median: total,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn median_by_volume() {
        // volumes 10, 10, 80: half is 50, reached at the third.
        let v = [
            (dec!(1), dec!(10)),
            (dec!(2), dec!(10)),
            (dec!(3), dec!(80)),
        ];
        assert_eq!(weighted_median(&v), dec!(3));
        // 30, 20, 50: cumulative 30, 50 reaches 50 at the second.
        let v = [
            (dec!(1), dec!(30)),
            (dec!(2), dec!(20)),
            (dec!(3), dec!(50)),
        ];
        assert_eq!(weighted_median(&v), dec!(2));
        assert_eq!(weighted_median(&[]), dec!(0));
    }
}
