//! A validated budget: partners, pools, contributions, providers, services
//! and agreed risk shares, in file order.

use super::Year;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::PathBuf;

/// What kind of body a partner is (a label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerKind {
    Council,
    Nhs,
    Police,
    Schools,
    Grant,
    Voluntary,
    Other,
}

impl PartnerKind {
    pub const ALL: &'static [(&'static str, PartnerKind)] = &[
        ("council", PartnerKind::Council),
        ("nhs", PartnerKind::Nhs),
        ("police", PartnerKind::Police),
        ("schools", PartnerKind::Schools),
        ("grant", PartnerKind::Grant),
        ("voluntary", PartnerKind::Voluntary),
        ("other", PartnerKind::Other),
    ];
}

/// A partner of the pooled budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
}

/// How a pool's over/underspend is shared between partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskRule {
    ProRata,
    Host,
    Agreed,
    /// §11.3: weights are partners' fiscal benefit from the pool's services.
    Benefit,
}

impl RiskRule {
    pub const ALL: &'static [(&'static str, RiskRule)] = &[
        ("pro_rata", RiskRule::ProRata),
        ("host", RiskRule::Host),
        ("agreed", RiskRule::Agreed),
        ("benefit", RiskRule::Benefit),
    ];
    pub fn name(self) -> &'static str {
        match self {
            RiskRule::ProRata => "pro_rata",
            RiskRule::Host => "host",
            RiskRule::Agreed => "agreed",
            RiskRule::Benefit => "benefit",
        }
    }
}

/// What happens to a pool's underspend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Underspend {
    CarryForward,
    Return,
}

impl Underspend {
    pub const ALL: &'static [(&'static str, Underspend)] = &[
        ("carry_forward", Underspend::CarryForward),
        ("return", Underspend::Return),
    ];
    pub fn name(self) -> &'static str {
        match self {
            Underspend::CarryForward => "carry_forward",
            Underspend::Return => "return",
        }
    }
}

/// The legal basis of a pool (a label only).
pub const POOL_BASES: &[(&str, &str)] = &[
    ("s75", "s75"),
    ("s31", "s31"),
    ("aligned", "aligned"),
    ("grant", "grant"),
    ("other", "other"),
];

/// A pooled budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    pub id: String,
    pub name: String,
    pub host: String,
    pub basis: &'static str,
    pub risk_share: RiskRule,
    pub underspend: Underspend,
    /// §10.3: the reserve brought into the base year (≥ 0, to the penny).
    pub opening_reserve: Decimal,
    /// §10.5: the agreement whose pools offset each other's overspends.
    pub agreement: Option<String>,
}

/// Cash a partner puts into a pool in a year (rounded to the penny on entry).
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub pool: String,
    pub partner: String,
    pub year: Year,
    pub amount: Decimal,
    pub note: String,
}

/// Provider sectors.
pub const SECTORS: &[(&str, &str)] = &[
    ("in_house", "in_house"),
    ("voluntary", "voluntary"),
    ("private", "private"),
    ("nhs", "nhs"),
    ("other", "other"),
];

/// A provider of commissioned services.
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub sector: &'static str,
    pub rating: String,
}

/// How a service's unit cost is uprated each year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Uplift {
    /// Pay and price inflation, weighted by the pay share.
    Index,
    /// Fixed price.
    None,
    /// A contractual uplift a year.
    Rate(Decimal),
}

/// One commissioned service (a contract line).
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub pool: String,
    pub provider: String,
    pub category: String,
    pub unit: String,
    pub unit_cost: Decimal,
    pub volume: Decimal,
    pub pay_share: Decimal,
    pub uplift: Uplift,
    pub outcome: String,
    pub outcome_rate: Decimal,
    pub outcome_value: Decimal,
    /// §11.2 additionality and persistence (and whether outcome_value was written).
    pub benefit: super::BenefitTerms,
    pub start: Option<Year>,
    pub end: Option<Year>,
}

/// An agreed partner share of a pool's over/underspend.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskShare {
    pub pool: String,
    pub partner: String,
    pub share: Decimal,
}

/// §10.4: the most a partner bears of a pool's overspend in a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cap {
    /// Money (the limit is this, rounded to the penny).
    Money(Decimal),
    /// A share of the partner's own contribution to the pool that year.
    Share(Decimal),
}

/// A cap on one partner's share of one pool's overspend.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskCap {
    pub pool: String,
    pub partner: String,
    pub cap: Cap,
}

/// §10.2: a service's contracted figures for one year (cash prices).
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub service: String,
    pub year: Year,
    pub unit_cost: Option<Decimal>,
    pub volume: Option<Decimal>,
}

/// A whole validated budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub id: String,
    pub name: String,
    pub base_year: Year,
    pub years: usize,
    pub currency: String,
    pub description: String,
    pub partners: Vec<Partner>,
    pub pools: Vec<Pool>,
    pub contributions: Vec<Contribution>,
    pub providers: Vec<Provider>,
    pub services: Vec<Service>,
    pub risk_shares: Vec<RiskShare>,
    /// outcomes.csv rows (§11.1), file order.
    pub outcomes: Vec<super::OutcomeValue>,
    /// §10.4 risk_caps.csv rows.
    pub risk_caps: Vec<RiskCap>,
    /// §10.2 schedules.csv rows (every year, inside the horizon or not).
    pub schedules: Vec<Schedule>,
    /// Every input file read for this budget (for provenance).
    pub files: Vec<PathBuf>,
    /// In-year monitoring inputs (actuals and profiles), not part of the plan.
    pub monitoring: super::Monitoring,
}

impl Budget {
    pub fn partner_index(&self) -> HashMap<&str, usize> {
        self.partners
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect()
    }
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }
    pub fn pool(&self, id: &str) -> Option<&Pool> {
        self.pools.iter().find(|p| p.id == id)
    }
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|p| p.id == id)
    }
    /// The categories of the budget's services, in first-seen order.
    pub fn categories(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.services
            .iter()
            .filter(|s| seen.insert(s.category.as_str()))
            .map(|s| s.category.as_str())
            .collect()
    }
}
