//! Pool, risk-share and total rows of the monitoring report (SPEC §12.2).
//! A pool's budget, saving, income and planned shares are the plan's
//! figures; its forecast is Σ its services' forecasts − saving; the forecast
//! balance (plan income − forecast) of every pool is settled in one call to
//! the engine's `Settler` (weights, caps, agreement offsets as in the plan).

use super::service::{pct, ServiceRow};
use super::{Rag, Thresholds};
use crate::engine::arith::{add, sub, sum, R};
use crate::engine::settle::Settler;
use crate::engine::{PoolLine, Projection};
use crate::model::Budget;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A partner's planned and forecast risk share (+ borne, − refund).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    pub partner: String,
    pub planned: Decimal,
    pub forecast: Decimal,
    /// forecast − planned.
    pub variance: Decimal,
    /// variance ÷ planned to 4 dp; `None` where the planned share is 0.
    pub variance_pct: Option<Decimal>,
}

/// One pool's monitoring figures.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolRow {
    pub id: String,
    pub name: String,
    /// The plan's pool spend in the year (net of savings).
    pub budget: Decimal,
    pub actual: Decimal,
    /// Σ service forecasts − saving.
    pub forecast: Decimal,
    pub variance: Decimal,
    pub variance_pct: Option<Decimal>,
    pub rag: Rag,
    /// The plan's saving in the year.
    pub saving: Decimal,
    /// The plan's income in the year (contributions + carry-in).
    pub income: Decimal,
    /// The plan's balance (income − spend).
    pub planned_balance: Decimal,
    /// income − forecast: negative is a forecast overspend.
    pub forecast_balance: Decimal,
    /// What agreement offsets move into (+) or out of (−) the pool.
    pub offset: Decimal,
    /// The forecast overspend shared with partners, after offsets.
    pub overspend: Decimal,
    /// The forecast underspend carried forward.
    pub carry_out: Decimal,
    /// Service rows by service id.
    pub services: Vec<ServiceRow>,
    /// Partners whose planned or forecast share is non-zero, partners.csv order.
    pub shares: Vec<ShareRow>,
}

/// The total over all pools.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalRow {
    pub budget: Decimal,
    pub actual: Decimal,
    pub forecast: Decimal,
    pub variance: Decimal,
    pub variance_pct: Option<Decimal>,
    pub rag: Rag,
}

type Rows = (Vec<PoolRow>, TotalRow, Vec<ShareRow>);

pub(super) fn rows(
    budget: &Budget,
    plan: &Projection,
    t: usize,
    services: Vec<ServiceRow>,
    thresholds: &Thresholds,
) -> R<Rows> {
    let mut by_pool: HashMap<String, Vec<ServiceRow>> = HashMap::new();
    for s in services {
        by_pool.entry(s.pool.clone()).or_default().push(s);
    }
    let at = |xs: &[Decimal]| xs.get(t).copied().unwrap_or(Decimal::ZERO);
    let mut pools = Vec::with_capacity(budget.pools.len());
    let mut lines: Vec<Option<&PoolLine>> = vec![];
    for pool in &budget.pools {
        let what = format!("pool {}", pool.id);
        let line = plan.pools.iter().find(|l| l.id == pool.id);
        lines.push(line);
        let mut svcs = by_pool.remove(&pool.id).unwrap_or_default();
        svcs.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
        let (spend, saving, income) = match line {
            Some(l) => (
                at(&l.spend),
                at(&l.saving),
                add(at(&l.contributions), at(&l.carry_in), &what)?,
            ),
            None => (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
        };
        let forecast = sub(sum(svcs.iter().map(|s| &s.forecast), &what)?, saving, &what)?;
        let variance = sub(forecast, spend, &what)?;
        pools.push(PoolRow {
            id: pool.id.clone(),
            name: pool.name.clone(),
            budget: spend,
            actual: sum(svcs.iter().map(|s| &s.actual), &what)?,
            forecast,
            variance,
            variance_pct: pct(variance, spend)?,
            rag: thresholds.rag(spend, variance),
            saving,
            income,
            planned_balance: sub(income, spend, &what)?,
            forecast_balance: sub(income, forecast, &what)?,
            offset: Decimal::ZERO,
            overspend: Decimal::ZERO,
            carry_out: Decimal::ZERO,
            services: svcs,
            shares: vec![],
        });
    }
    let balances: Vec<Decimal> = pools.iter().map(|p| p.forecast_balance).collect();
    let settler = Settler::new(budget, &plan.contributions, &plan.services);
    let settled = settler.settle_year(t, &balances)?;
    let mut partner_totals: Vec<(Decimal, Decimal)> =
        vec![(Decimal::ZERO, Decimal::ZERO); budget.partners.len()];
    for (p, (row, s)) in pools.iter_mut().zip(&settled).enumerate() {
        row.offset = s.offset;
        row.overspend = s.overspend;
        row.carry_out = s.carry_out;
        let sharers = settler.sharers(p);
        for (k, partner) in budget.partners.iter().enumerate() {
            let planned = lines[p]
                .and_then(|l| l.shares.iter().find(|s| s.partner == partner.id))
                .map_or(Decimal::ZERO, |s| at(&s.values));
            let forecast = sharers
                .iter()
                .position(|q| *q == partner.id)
                .and_then(|i| s.shares.get(i).copied())
                .unwrap_or(Decimal::ZERO);
            if planned.is_zero() && forecast.is_zero() {
                continue;
            }
            let total = &mut partner_totals[k];
            total.0 = add(total.0, planned, "risk shares")?;
            total.1 = add(total.1, forecast, "risk shares")?;
            row.shares.push(share(&partner.id, planned, forecast)?);
        }
    }
    let partners = budget
        .partners
        .iter()
        .zip(partner_totals)
        .filter(|(_, (a, b))| !a.is_zero() || !b.is_zero())
        .map(|(p, (a, b))| share(&p.id, a, b))
        .collect::<R<Vec<_>>>()?;
    let what = "the total";
    let budget_total = sum(pools.iter().map(|p| &p.budget), what)?;
    let forecast_total = sum(pools.iter().map(|p| &p.forecast), what)?;
    let variance = sub(forecast_total, budget_total, what)?;
    let total = TotalRow {
        budget: budget_total,
        actual: sum(pools.iter().map(|p| &p.actual), what)?,
        forecast: forecast_total,
        variance,
        variance_pct: pct(variance, budget_total)?,
        rag: thresholds.rag(budget_total, variance),
    };
    Ok((pools, total, partners))
}

fn share(partner: &str, planned: Decimal, forecast: Decimal) -> R<ShareRow> {
    let variance = sub(forecast, planned, "risk shares")?;
    Ok(ShareRow {
        partner: partner.to_string(),
        planned,
        forecast,
        variance,
        variance_pct: pct(variance, planned)?,
    })
}
