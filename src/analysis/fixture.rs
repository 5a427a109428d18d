//! Small budgets and scenarios built in code for the analysis tests, and the
//! example workspace loaded from the repository root.

use crate::model::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

/// A service in pool `p`, fixed price, no outcomes.
pub fn svc(
    id: &str,
    category: &str,
    provider: &str,
    unit_cost: Decimal,
    volume: Decimal,
) -> Service {
    Service {
        id: id.into(),
        name: id.to_uppercase(),
        pool: "p".into(),
        provider: provider.into(),
        category: category.into(),
        unit: "week".into(),
        unit_cost,
        volume,
        pay_share: Decimal::ZERO,
        uplift: Uplift::None,
        outcome: String::new(),
        outcome_rate: Decimal::ZERO,
        outcome_value: Decimal::ZERO,
        benefit: BenefitTerms::default(),
        start: None,
        end: None,
    }
}

fn provider(id: &str, sector: &'static str) -> Provider {
    Provider {
        id: id.into(),
        name: format!("Provider {}", id.to_uppercase()),
        sector,
        rating: String::new(),
    }
}

/// One pool `p` hosted by `a` (pro rata), partners `a` and `b` putting in
/// 1,000 and 500 in 2009-10; three providers; the given services; 3 years.
pub fn budget(services: Vec<Service>) -> Budget {
    let partner = |id: &str| Partner {
        id: id.into(),
        name: id.to_uppercase(),
        kind: PartnerKind::Other,
    };
    let contrib = |partner: &str, amount: Decimal| Contribution {
        pool: "p".into(),
        partner: partner.into(),
        year: Year(2009),
        amount,
        note: String::new(),
    };
    Budget {
        id: "b".into(),
        name: "B".into(),
        base_year: Year(2009),
        years: 3,
        currency: "GBP".into(),
        description: String::new(),
        partners: vec![partner("a"), partner("b")],
        pools: vec![Pool {
            id: "p".into(),
            name: "P".into(),
            host: "a".into(),
            basis: "other",
            risk_share: RiskRule::ProRata,
            underspend: Underspend::CarryForward,
            opening_reserve: Decimal::ZERO,
            agreement: None,
        }],
        contributions: vec![contrib("a", dec!(1000)), contrib("b", dec!(500))],
        providers: vec![
            provider("x", "in_house"),
            provider("y", "private"),
            provider("z", "voluntary"),
        ],
        services,
        risk_shares: vec![],
        outcomes: vec![],
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    }
}

/// A scenario with no rates, growth or levers on budget `b`, 3 years.
pub fn flat(id: &str) -> Scenario {
    Scenario {
        id: id.into(),
        name: id.into(),
        budget: "b".into(),
        years: 3,
        description: String::new(),
        rates: Rates::default(),
        demand: BTreeMap::new(),
        contribution_growth: BTreeMap::new(),
        ranges: Default::default(),
        levers: vec![],
        chain: vec![],
        extends: None,
    }
}

/// A lever from year index `from` to the end of the horizon.
pub fn lever(kind: LeverKind, from: usize) -> Lever {
    Lever {
        kind,
        from,
        to: None,
        origin: String::new(),
        active: true,
    }
}

/// The example workspace at the repository root: its budget and every scenario.
pub fn example() -> (Budget, Vec<Scenario>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (ws, scenarios) = crate::load::load_for(root, &[]).expect("the example workspace loads");
    let budget = ws.budgets["haringey-ct-2009"].clone();
    (budget, scenarios)
}

/// One example scenario by id.
pub fn example_scenario(scenarios: &[Scenario], id: &str) -> Scenario {
    scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("scenario exists")
        .clone()
}
