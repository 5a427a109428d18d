//! Tables of SPEC §11.5 "who pays, who benefits" and of cost per outcome by
//! outcome measure, for `summary` and `compare`. The figures come from
//! `analysis::who_pays` and `analysis::outcome_costs`; nothing is
//! recomputed here.

use super::table::{Cell, Table};
use crate::analysis::outcome_costs::OutcomeCost;
use crate::analysis::who_pays::{shares, WhoPays};
use crate::engine::Projection;

/// The columns of a who-pays table: (id for CSV/JSON, header for text).
pub const COLUMNS: [(&str, &str); 12] = [
    ("beneficiary", "partner or agency"),
    ("in_partnership", "in partnership"),
    ("pays", "pays"),
    ("share_of_pays", "share of pays"),
    ("receives_fiscal", "receives (fiscal)"),
    ("share_of_fiscal", "share of fiscal"),
    ("cashable", "of which cashable"),
    ("net", "net"),
    ("pv_pays", "pv pays"),
    ("pv_receives", "pv receives"),
    ("pv_cashable", "pv cashable"),
    ("pv_net", "pv net"),
];

/// One who-pays table: cash over the horizon with each row's share of the
/// payments and of the fiscal benefit, then present values.
pub fn who_pays_table(id: &str, title: impl Into<String>, rows: &[WhoPays]) -> Table {
    let headers: Vec<&str> = COLUMNS.iter().map(|c| c.1).collect();
    let mut t = Table::new(id, title, COLUMNS.iter().map(|c| c.0.to_string()).collect())
        .with_headers(&headers);
    for (r, (pays, receives)) in rows.iter().zip(shares(rows)) {
        t.rows.push(vec![
            Cell::text(r.id.clone()),
            Cell::text(if r.partner { "partner" } else { "outside" }),
            Cell::Money(r.pays),
            pays.map(Cell::Pct).unwrap_or(Cell::NA),
            Cell::Money(r.receives),
            receives.map(Cell::Pct).unwrap_or(Cell::NA),
            Cell::Money(r.cashable),
            Cell::Money(r.net),
            Cell::Money(r.pv_pays),
            Cell::Money(r.pv_receives),
            Cell::Money(r.pv_cashable),
            Cell::Money(r.pv_net),
        ]);
    }
    t.notes.push("pays = Σ exposure (contributions + risk shares; 0 for an agency outside the partnership); receives = Σ fiscal benefit; net = receives − pays; present values in base-year prices, discounted".into());
    t
}

/// Cost per outcome by outcome measure: one row per measure, years as
/// columns and the horizon total, always in whole pounds per outcome
/// (a £000 table would show most of them as 2 or 3).
pub fn outcome_cost_table(p: &Projection, rows: &[OutcomeCost]) -> Table {
    let mut cols = vec!["outcome".to_string()];
    cols.extend(p.year_labels());
    cols.push("total".into());
    cols.push("outcomes".into());
    let mut headers = cols.clone();
    headers[0] = "cost per outcome of".into();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(
        "cost_per_outcome_by_measure",
        format!(
            "{} ({}): cost per outcome by outcome measure (£ per outcome, cash)",
            p.scenario_name, p.scenario_id
        ),
        cols.clone(),
    )
    .with_headers(&headers);
    for o in rows {
        let mut r = vec![Cell::text(o.outcome.clone())];
        let pounds = |c: &Option<rust_decimal::Decimal>| {
            c.map(|x| Cell::Qty(crate::model::round_dp(x, 2), 0))
                .unwrap_or(Cell::NA)
        };
        r.extend(o.cost_per_outcome.iter().map(pounds));
        r.push(pounds(&o.total_cost_per_outcome));
        r.push(Cell::Qty(o.total_outcomes, 1));
        t.rows.push(r);
    }
    t
}

/// `compare`: who pays, who benefits in A and in B and the change (B − A),
/// over all pools, one row per partner and outside agency of either.
pub fn who_pays_compare(pa: &Projection, pb: &Projection) -> Table {
    use crate::analysis::who_pays::who_pays;
    let (ra, rb) = (
        who_pays(pa, None).unwrap_or_default(),
        who_pays(pb, None).unwrap_or_default(),
    );
    let (a, b) = (&pa.scenario_id, &pb.scenario_id);
    let mut cols = vec!["beneficiary".to_string()];
    let mut headers = vec!["partner or agency".to_string()];
    for (id, m) in [
        ("pays", "pays"),
        ("receives_fiscal", "receives (fiscal)"),
        ("net", "net"),
        ("pv_net", "pv net"),
    ] {
        cols.extend([
            format!("{id}_{a}"),
            format!("{id}_{b}"),
            format!("{id}_change"),
        ]);
        headers.extend([
            format!("{m} {a}"),
            format!("{m} {b}"),
            format!("{m} change"),
        ]);
    }
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(
        "who_pays",
        "Who pays, who benefits (all pools, cash; net = fiscal benefit received − paid)",
        cols.clone(),
    )
    .with_headers(&headers);
    let mut ids: Vec<&WhoPays> = ra.iter().collect();
    ids.extend(rb.iter().filter(|r| !ra.iter().any(|x| x.id == r.id)));
    for r in ids {
        let find = |rows: &[WhoPays]| rows.iter().find(|x| x.id == r.id).cloned();
        let (x, y) = (find(&ra), find(&rb));
        let mut row = vec![Cell::text(r.id.clone())];
        for f in [
            (|w: &WhoPays| w.pays) as fn(&WhoPays) -> rust_decimal::Decimal,
            |w| w.receives,
            |w| w.net,
            |w| w.pv_net,
        ] {
            let va = x.as_ref().map(f).unwrap_or_default();
            let vb = y.as_ref().map(f).unwrap_or_default();
            row.extend([
                Cell::Money(va),
                Cell::Money(vb),
                Cell::Money(vb.saturating_sub(va)),
            ]);
        }
        t.rows.push(row);
    }
    t
}
