//! All pools at a glance (issue 18 item 1): each pool's contributions,
//! spend, balance, overspend and closing reserve for one year or the whole
//! horizon, and a partner × pool matrix of who bears what (contribution,
//! risk share or exposure = contribution + risk share), with totals both
//! ways. Every cell is an engine figure or a sum of engine figures, so the
//! matrix reconciles with the tidy export's `contribution`, `risk_share`
//! and `exposure` rows to the penny.

use crate::engine::arith::{add, sum, R};
use crate::engine::Projection;
use rust_decimal::Decimal;

/// One year (index) or the whole horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Year(usize),
    Horizon,
}

impl Span {
    /// The value of a series over the span: the year's, or the sum.
    fn of(self, v: &[Decimal]) -> R<Decimal> {
        match self {
            Span::Year(t) => Ok(v.get(t).copied().unwrap_or_default()),
            Span::Horizon => sum(v, "the pools at a glance"),
        }
    }
}

/// One pool's figures over a span.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolFigures {
    pub id: String,
    pub name: String,
    pub contributions: Decimal,
    pub spend: Decimal,
    /// The year's balance; over the horizon, the last year's (balances
    /// include the carry-in, so their sum would count reserves twice).
    pub balance: Decimal,
    pub overspend: Decimal,
    /// The reserve carried out of the year (the next year's carry-in, or
    /// the closing reserve after the last year).
    pub closing_reserve: Decimal,
}

/// Every pool's figures, pools.csv order.
pub fn pool_figures(p: &Projection, span: Span) -> R<Vec<PoolFigures>> {
    let last = p.years.saturating_sub(1);
    p.pools
        .iter()
        .map(|l| {
            let t = match span {
                Span::Year(t) => t.min(last),
                Span::Horizon => last,
            };
            let closing = if t + 1 < p.years {
                l.carry_in.get(t + 1).copied().unwrap_or_default()
            } else {
                l.closing_reserve
            };
            Ok(PoolFigures {
                id: l.id.clone(),
                name: l.name.clone(),
                contributions: span.of(&l.contributions)?,
                spend: span.of(&l.spend)?,
                balance: l.balance.get(t).copied().unwrap_or_default(),
                overspend: span.of(&l.overspend)?,
                closing_reserve: closing,
            })
        })
        .collect()
}

/// The pools' figures summed (every column is a flow or a stock that adds
/// across pools: the partnership's contributions, spend, balance,
/// overspend and reserves).
pub fn total(figs: &[PoolFigures]) -> R<PoolFigures> {
    let what = "the pools' total";
    let s =
        |f: fn(&PoolFigures) -> Decimal| sum(figs.iter().map(f).collect::<Vec<_>>().iter(), what);
    Ok(PoolFigures {
        id: String::new(),
        name: "total".into(),
        contributions: s(|f| f.contributions)?,
        spend: s(|f| f.spend)?,
        balance: s(|f| f.balance)?,
        overspend: s(|f| f.overspend)?,
        closing_reserve: s(|f| f.closing_reserve)?,
    })
}

/// What the matrix shows in each cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bears {
    #[default]
    Contribution,
    RiskShare,
    /// Contribution + risk share (a partner's exposure in that pool).
    Exposure,
}

impl Bears {
    pub fn next(self) -> Bears {
        match self {
            Bears::Contribution => Bears::RiskShare,
            Bears::RiskShare => Bears::Exposure,
            Bears::Exposure => Bears::Contribution,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Bears::Contribution => "contribution",
            Bears::RiskShare => "risk share",
            Bears::Exposure => "exposure",
        }
    }
}

/// Partner × pool: `cells[partner][pool]`, with row, column and grand totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// Partners in the projection's exposure order (partners.csv).
    pub partners: Vec<String>,
    /// Pool ids, pools.csv order.
    pub pools: Vec<String>,
    pub cells: Vec<Vec<Decimal>>,
    /// Σ over pools, per partner.
    pub partner_totals: Vec<Decimal>,
    /// Σ over partners, per pool.
    pub pool_totals: Vec<Decimal>,
    pub total: Decimal,
}

/// Who bears what, over a span.
pub fn matrix(p: &Projection, span: Span, bears: Bears) -> R<Matrix> {
    let what = "the partner × pool matrix";
    let partners: Vec<String> = p.exposure.iter().map(|e| e.partner.clone()).collect();
    let pools: Vec<String> = p.pools.iter().map(|l| l.id.clone()).collect();
    let mut cells = vec![vec![Decimal::ZERO; pools.len()]; partners.len()];
    for (j, l) in p.pools.iter().enumerate() {
        for (i, partner) in partners.iter().enumerate() {
            let mut v = Decimal::ZERO;
            if bears != Bears::RiskShare {
                for c in p
                    .contributions
                    .iter()
                    .filter(|c| c.pool == l.id && c.partner == *partner)
                {
                    v = add(v, span.of(&c.values)?, what)?;
                }
            }
            if bears != Bears::Contribution {
                for s in l.shares.iter().filter(|s| s.partner == *partner) {
                    v = add(v, span.of(&s.values)?, what)?;
                }
            }
            cells[i][j] = v;
        }
    }
    let partner_totals = cells
        .iter()
        .map(|row| sum(row, what))
        .collect::<R<Vec<_>>>()?;
    let pool_totals = (0..pools.len())
        .map(|j| sum(cells.iter().map(|row| &row[j]), what))
        .collect::<R<Vec<_>>>()?;
    let total = sum(&partner_totals, what)?;
    Ok(Matrix {
        partners,
        pools,
        cells,
        partner_totals,
        pool_totals,
        total,
    })
}

#[cfg(test)]
mod tests;
