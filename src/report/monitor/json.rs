//! `monitor -O json`: the whole report with raw numbers (money to the
//! penny, fractions as in the CSV), pools nesting their services and shares.

use super::pct_field;
use crate::analysis::monitor::{MonitorReport, ShareRow};
use crate::report::format::money;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn num(s: String) -> Value {
    s.parse().map(Value::Number).unwrap_or(Value::Null)
}

fn m(x: Decimal) -> Value {
    num(money(x))
}

fn pct(x: Option<Decimal>) -> Value {
    x.map_or(Value::Null, |x| num(pct_field(Some(x))))
}

fn share(s: &ShareRow) -> Value {
    json!({
        "partner": s.partner,
        "planned": m(s.planned),
        "forecast": m(s.forecast),
        "variance": m(s.variance),
        "variance_pct": pct(s.variance_pct),
    })
}

/// Render the report as JSON.
pub fn render_json(r: &MonitorReport) -> String {
    let pools: Vec<Value> = r
        .pools
        .iter()
        .map(|p| {
            let services: Vec<Value> = p
                .services
                .iter()
                .map(|s| {
                    json!({
                        "service": s.id, "name": s.name, "runs": s.runs,
                        "budget": m(s.budget), "actual": m(s.actual), "last": m(s.last),
                        "profile_share": num(crate::report::format::plain(s.p, 6)),
                        "forecast": m(s.forecast), "variance": m(s.variance),
                        "variance_pct": pct(s.variance_pct), "rag": s.rag.name(), "method": s.method,
                    })
                })
                .collect();
            json!({
                "pool": p.id, "name": p.name,
                "budget": m(p.budget), "actual": m(p.actual), "forecast": m(p.forecast),
                "variance": m(p.variance), "variance_pct": pct(p.variance_pct), "rag": p.rag.name(),
                "saving": m(p.saving), "income": m(p.income),
                "planned_balance": m(p.planned_balance), "forecast_balance": m(p.forecast_balance),
                "offset": m(p.offset), "forecast_overspend": m(p.overspend), "carry_forward": m(p.carry_out),
                "services": services,
                "risk_shares": p.shares.iter().map(share).collect::<Vec<_>>(),
            })
        })
        .collect();
    let t = &r.total;
    let v = json!({
        "scenario": r.scenario_id,
        "scenario_name": r.scenario_name,
        "year": r.year.to_string(),
        "period": r.period.number(),
        "method": r.method.name(),
        "amber": num(crate::report::format::plain(r.thresholds.amber, 10)),
        "red": num(crate::report::format::plain(r.thresholds.red, 10)),
        "pools": pools,
        "total": {
            "budget": m(t.budget), "actual": m(t.actual), "forecast": m(t.forecast),
            "variance": m(t.variance), "variance_pct": pct(t.variance_pct), "rag": t.rag.name(),
        },
        "partners": r.partners.iter().map(share).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
