//! The tidy export (SPEC §7): one CSV row per figure, the audit trail and the
//! test oracle. Rows come out already in SPEC order: scenario id, year,
//! measure, then pool, partner and service ids as byte strings; each
//! scenario's once-only rows follow its yearly rows.

use super::format::csv_field;
use super::tidy_fmt::{service_keys, Rows, V};
use crate::engine::Projection;
use rust_decimal::Decimal;
use std::io::{self, Write};

/// The header line.
pub const HEADER: &str = "scenario,year,pool,partner,service,measure,value";

/// The tidy rows of one projection, appended to `out`.
pub fn write_projection(p: &Projection, out: &mut Vec<u8>) {
    // About five rows of ~45 bytes per service-year: one allocation.
    out.reserve(p.services.len() * p.years * 5 * 48);
    let mut contribs: Vec<usize> = (0..p.contributions.len()).collect();
    contribs.sort_by(|a, b| {
        let (x, y) = (&p.contributions[*a], &p.contributions[*b]);
        (x.pool.as_bytes(), x.partner.as_bytes()).cmp(&(y.pool.as_bytes(), y.partner.as_bytes()))
    });
    let mut services: Vec<usize> = (0..p.services.len()).collect();
    services.sort_by(|a, b| {
        let (x, y) = (&p.services[*a], &p.services[*b]);
        (x.pool.as_bytes(), x.id.as_bytes()).cmp(&(y.pool.as_bytes(), y.id.as_bytes()))
    });
    let mut pools: Vec<usize> = (0..p.pools.len()).collect();
    pools.sort_by(|a, b| p.pools[*a].id.as_bytes().cmp(p.pools[*b].id.as_bytes()));
    let mut shares: Vec<(usize, usize)> = p
        .pools
        .iter()
        .enumerate()
        .flat_map(|(i, pl)| (0..pl.shares.len()).map(move |k| (i, k)))
        .collect();
    shares.sort_by(|a, b| {
        let (pa, pb) = (&p.pools[a.0], &p.pools[b.0]);
        (pa.id.as_bytes(), pa.shares[a.1].partner.as_bytes())
            .cmp(&(pb.id.as_bytes(), pb.shares[b.1].partner.as_bytes()))
    });
    let mut partners: Vec<usize> = (0..p.exposure.len()).collect();
    partners.sort_by(|a, b| {
        p.exposure[*a]
            .partner
            .as_bytes()
            .cmp(p.exposure[*b].partner.as_bytes())
    });
    let mut benefit_to: Vec<(usize, usize)> = p
        .services
        .iter()
        .enumerate()
        .flat_map(|(i, s)| (0..s.benefit_to.len()).map(move |k| (i, k)))
        .collect();
    benefit_to.sort_by(|a, b| {
        let (x, y) = (&p.services[a.0], &p.services[b.0]);
        let (bx, by) = (
            &x.benefit_to[a.1].beneficiary,
            &y.benefit_to[b.1].beneficiary,
        );
        (x.pool.as_bytes(), bx.as_bytes(), x.id.as_bytes()).cmp(&(
            y.pool.as_bytes(),
            by.as_bytes(),
            y.id.as_bytes(),
        ))
    });
    let mut fiscal_to: Vec<&crate::engine::Beneficiary> = p
        .beneficiaries
        .iter()
        .filter(|b| b.has_fiscal_row)
        .collect();
    fiscal_to.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));

    let (keys, key_at) = service_keys(p, &services);
    let key = |i: usize| &keys[key_at[i].clone()];
    let mut w = Rows {
        out,
        scenario: &p.scenario_id,
    };
    for t in 0..p.years {
        let y = p.year_label(t);
        let y = y.as_str();
        let mut head = vec![];
        csv_field(&mut head, &p.scenario_id);
        head.push(b',');
        csv_field(&mut head, y);
        head.push(b',');
        for &i in &contribs {
            let c = &p.contributions[i];
            w.row(
                y,
                &c.pool,
                &c.partner,
                "",
                "contribution",
                V::Money(c.values[t]),
            );
        }
        type Measure = (
            &'static str,
            fn(&crate::engine::ServiceLine, usize) -> V<'static>,
        );
        let service_measures: [Measure; 4] = [
            ("unit_cost", |s, t| V::Money(s.unit_cost[t])),
            ("volume", |s, t| V::Plain(s.volume[t], 4)),
            ("cost", |s, t| V::Money(s.cost[t])),
            ("outcomes", |s, t| V::Plain(s.outcomes[t], 4)),
        ];
        for (name, f) in service_measures {
            for &i in &services {
                let s = &p.services[i];
                if s.runs[t] {
                    w.fast(&head, key(i), name, f(s, t));
                }
            }
        }
        // §11.4: benefit continues after a service stops; benefit_to where non-zero.
        for &i in &services {
            let s = &p.services[i];
            if s.runs[t] || !s.benefit[t].is_zero() {
                w.fast(&head, key(i), "benefit", V::Money(s.benefit[t]));
            }
        }
        for &(i, k) in &benefit_to {
            let s = &p.services[i];
            let v = s.benefit_to[k].values[t];
            if !v.is_zero() {
                let who = &s.benefit_to[k].beneficiary;
                w.row(y, &s.pool, who, &s.id, "benefit_to", V::Money(v));
            }
        }
        type PoolMeasure = (&'static str, fn(&crate::engine::PoolLine) -> &Vec<Decimal>);
        let pool_measures: [PoolMeasure; 5] = [
            ("pool_contributions", |l| &l.contributions),
            ("pool_carry_in", |l| &l.carry_in),
            ("pool_saving", |l| &l.saving),
            ("pool_spend", |l| &l.spend),
            ("pool_balance", |l| &l.balance),
        ];
        for (name, f) in pool_measures {
            for &i in &pools {
                let l = &p.pools[i];
                w.row(y, &l.id, "", "", name, V::Money(f(l)[t]));
            }
        }
        // §10.5: rows only where non-zero.
        for &i in &pools {
            let l = &p.pools[i];
            if !l.offset[t].is_zero() {
                w.row(y, &l.id, "", "", "pool_offset", V::Money(l.offset[t]));
            }
        }
        for &(i, k) in &shares {
            let l = &p.pools[i];
            let v = l.shares[k].values[t];
            if !v.is_zero() {
                w.row(
                    y,
                    &l.id,
                    &l.shares[k].partner,
                    "",
                    "risk_share",
                    V::Money(v),
                );
            }
        }
        // §10.4: rows only where non-zero (aligned with the shares).
        for &(i, k) in &shares {
            let l = &p.pools[i];
            let v = l.cap_excess[k].values[t];
            if !v.is_zero() {
                w.row(
                    y,
                    &l.id,
                    &l.cap_excess[k].partner,
                    "",
                    "cap_excess",
                    V::Money(v),
                );
            }
        }
        for &i in &partners {
            let e = &p.exposure[i];
            w.row(y, "", &e.partner, "", "exposure", V::Money(e.values[t]));
        }
        for b in &fiscal_to {
            w.row(y, "", &b.id, "", "fiscal_benefit_to", V::Money(b.fiscal[t]));
        }
        let tot = &p.totals;
        for (name, v) in [
            ("contributions", tot.contributions[t]),
            ("spend", tot.spend[t]),
            ("in_year_gap", tot.in_year_gap[t]),
            ("overspend", tot.overspend[t]),
            ("benefit_total", tot.benefit_total[t]),
            ("benefit_fiscal", p.fiscal.benefit_fiscal[t]),
            ("benefit_cashable", p.fiscal.benefit_cashable[t]),
            ("real_spend", tot.real_spend[t]),
        ] {
            w.row(y, "", "", "", name, V::Money(v));
        }
    }
    let tot = &p.totals;
    w.row("", "", "", "", "pv_cost", V::Money(tot.pv_cost));
    w.row("", "", "", "", "pv_benefit", V::Money(tot.pv_benefit));
    w.row("", "", "", "", "npv", V::Money(tot.npv));
    w.row(
        "",
        "",
        "",
        "",
        "bcr",
        tot.bcr.map_or(V::Text(""), |b| V::Plain(b, 4)),
    );
    w.row(
        "",
        "",
        "",
        "",
        "closing_reserve",
        V::Money(tot.closing_reserve),
    );
    let f = &p.fiscal;
    w.row(
        "",
        "",
        "",
        "",
        "pv_fiscal_benefit",
        V::Money(f.pv_fiscal_benefit),
    );
    let roi = f.financial_roi.map_or(V::Text(""), |r| V::Plain(r, 4));
    w.row("", "", "", "", "financial_roi", roi);
}

/// The whole tidy export of several projections (sorted by scenario id).
pub fn tidy_bytes(projections: &[&Projection]) -> Vec<u8> {
    let mut sorted: Vec<&&Projection> = projections.iter().collect();
    sorted.sort_by(|a, b| a.scenario_id.as_bytes().cmp(b.scenario_id.as_bytes()));
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(HEADER.as_bytes());
    out.push(b'\n');
    for p in sorted {
        write_projection(p, &mut out);
    }
    out
}

/// Write the tidy export to any writer.
pub fn write_tidy(projections: &[&Projection], w: &mut dyn Write) -> io::Result<()> {
    w.write_all(&tidy_bytes(projections))
}
