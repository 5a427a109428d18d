//! A resolved scenario: `extends` applied, rates merged key by key, levers in
//! run order (parents first), every reference checked against its budget.

use super::{Service, Year, YearRate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The scenario's economic rates (fractions a year; §10.1: each but the
/// discount rate may change by year).
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    pub pay_inflation: YearRate,
    pub price_inflation: YearRate,
    pub deflator: YearRate,
    pub discount_rate: Decimal,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            pay_inflation: YearRate::default(),
            price_inflation: YearRate::default(),
            deflator: YearRate::default(),
            discount_rate: Decimal::new(35, 3),
        }
    }
}

/// How a lever changes its value in each year of its window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// Multiply by (1 + rate).
    Change(Decimal),
    /// Add a signed amount.
    By(Decimal),
    /// Replace with a value.
    Set(Decimal),
}

impl Op {
    /// Apply to `x` without rounding.
    pub fn apply(self, x: Decimal) -> Option<Decimal> {
        match self {
            Op::Change(c) => x.checked_mul(Decimal::ONE + c),
            Op::By(b) => x.checked_add(b),
            Op::Set(s) => Some(s),
        }
    }
}

/// An invest-to-save link: every unit a volume lever adds reduces another
/// service's volume by `per_unit`, `lag` years later.
#[derive(Debug, Clone, PartialEq)]
pub struct Reduces {
    pub service: String,
    pub per_unit: Decimal,
    pub lag: usize,
}

/// What a lever does.
#[derive(Debug, Clone, PartialEq)]
pub enum LeverKind {
    Contribution {
        partner: String,
        pool: String,
        op: Op,
    },
    UnitCost {
        service: String,
        op: Op,
    },
    Volume {
        service: String,
        op: Op,
        reduces: Option<Reduces>,
    },
    OutcomeRate {
        service: String,
        op: Op,
    },
    Commission {
        service: Box<Service>,
    },
    Decommission {
        service: String,
    },
    Recommission {
        service: String,
        provider: String,
        unit_cost: Option<Decimal>,
        outcome_rate: Option<Decimal>,
    },
    Saving {
        pool: String,
        by: Decimal,
    },
}

impl LeverKind {
    /// The word used in scenario files.
    pub fn name(&self) -> &'static str {
        match self {
            LeverKind::Contribution { .. } => "contribution",
            LeverKind::UnitCost { .. } => "unit_cost",
            LeverKind::Volume { .. } => "volume",
            LeverKind::OutcomeRate { .. } => "outcome_rate",
            LeverKind::Commission { .. } => "commission",
            LeverKind::Decommission { .. } => "decommission",
            LeverKind::Recommission { .. } => "recommission",
            LeverKind::Saving { .. } => "saving",
        }
    }

    /// The service the lever acts on, if any.
    pub fn service(&self) -> Option<&str> {
        match self {
            LeverKind::UnitCost { service, .. }
            | LeverKind::Volume { service, .. }
            | LeverKind::OutcomeRate { service, .. }
            | LeverKind::Decommission { service }
            | LeverKind::Recommission { service, .. } => Some(service),
            LeverKind::Commission { service } => Some(&service.id),
            _ => None,
        }
    }
}

/// One lever, with its window as year indices (already clipped to the horizon)
/// and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Lever {
    pub kind: LeverKind,
    /// First year index (inclusive).
    pub from: usize,
    /// Last year index (inclusive); `None` = to the end of the horizon.
    pub to: Option<usize>,
    /// File and line it was written at, e.g. `scenarios/central.toml:14`.
    pub origin: String,
    /// False when the window lies wholly outside the horizon (it then does nothing).
    pub active: bool,
}

impl Lever {
    /// Does the lever's window cover year index `t`?
    pub fn covers(&self, t: usize) -> bool {
        self.active && t >= self.from && self.to.is_none_or(|to| t <= to)
    }
}

/// A scenario ready for the engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The file stem.
    pub id: String,
    pub name: String,
    pub budget: String,
    /// The horizon in years.
    pub years: usize,
    pub description: String,
    pub rates: Rates,
    /// Demand growth a year, keyed by service id or category.
    pub demand: BTreeMap<String, YearRate>,
    /// Contribution growth a year, keyed by partner id.
    pub contribution_growth: BTreeMap<String, YearRate>,
    /// §14: ranges on single-rate inputs, in draw order (empty: none).
    pub ranges: super::Ranges,
    pub levers: Vec<Lever>,
    /// The chain of files, this scenario's first, then its parents.
    pub chain: Vec<PathBuf>,
    /// Stem of the parent, if it extends one.
    pub extends: Option<String>,
}

impl Scenario {
    /// Year label of index `t`.
    pub fn year_label(&self, base: Year, t: usize) -> String {
        base.plus(t as i32).to_string()
    }
}
