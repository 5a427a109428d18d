//! Hand-worked monitoring figures on the analysis fixture: pool `p` hosted
//! by `a`, pro rata; partners `a` (1,000) and `b` (500) in 2009-10, rolled
//! forward flat; fixed-price services.

mod curve;
mod methods;
mod pools;
mod terms;

use super::*;
use crate::analysis::fixture::svc;
use crate::engine::project;
use crate::model::{Actual, ProfileWeight, Scenario};
use rust_decimal_macros::dec;

/// £100 × 12 weeks = £1,200 a year.
pub(super) fn s1() -> crate::model::Service {
    svc("s1", "care", "x", dec!(100), dec!(12))
}

pub(super) fn actual(service: &str, year: i32, period: u8, amount: Decimal) -> Actual {
    Actual {
        service: service.into(),
        year: Year(year),
        period: Period::new(period).unwrap(),
        amount,
        line: 2,
    }
}

pub(super) fn weight(key: &str, period: u8, weight: Decimal) -> ProfileWeight {
    ProfileWeight {
        key: key.into(),
        period: Period::new(period).unwrap(),
        weight,
        line: 2,
    }
}

/// Budget with actuals for s1 in 2009-10: 100, 100, 130 (and 999 in period 4).
pub(super) fn with_actuals(mut b: Budget) -> Budget {
    b.monitoring.actuals = vec![
        actual("s1", 2009, 1, dec!(100)),
        actual("s1", 2009, 2, dec!(100)),
        actual("s1", 2009, 3, dec!(130)),
        actual("s1", 2009, 4, dec!(999)),
    ];
    b
}

pub(super) fn run(b: &Budget, s: &Scenario, choice: Choice) -> MonitorReport {
    let plan = project(b, s).unwrap();
    monitor(b, &plan, &choice).unwrap()
}

pub(super) fn at(period: u8, method: Method) -> Choice {
    Choice {
        year: Some(Year(2009)),
        period: Period::new(period),
        method,
        thresholds: Thresholds::default(),
    }
}

pub(super) fn service<'r>(r: &'r MonitorReport, id: &str) -> &'r ServiceRow {
    r.pools
        .iter()
        .flat_map(|p| &p.services)
        .find(|s| s.id == id)
        .unwrap()
}
