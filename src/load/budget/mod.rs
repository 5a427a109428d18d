//! Loading one budget folder: the manifest and the six CSV tables, each row
//! parsed and every cross-reference checked. All problems are reported.

use super::diag::{Diagnostic, Owner, Sink};
use super::manifest::parse_manifest;
use super::refs::Declared;
use super::source::Source;
use super::table::Table;
use crate::model::*;
use ctx::Ctx;
use std::collections::{HashMap, HashSet};
use std::path::Path;

mod benefit_fields;
mod cells;
mod contributions;
mod ctx;
mod fields;
mod outcomes;
mod partners;
mod pools;
mod risk_caps;
mod risk_shares;
mod schedules;
mod services;

/// A loaded budget, whether it has errors, and what its files declare.
pub struct LoadedBudget {
    pub budget: Budget,
    pub has_errors: bool,
    pub declared: Declared,
}

/// Load `budgets/<id>/` from disk.
pub fn load_budget(root: &Path, id: &str, diags: &mut Vec<Diagnostic>) -> LoadedBudget {
    load_budget_from(&Source::Disk, root, id, diags)
}
/// Load `budgets/<id>/` from `src` (the disk or files in memory).
pub fn load_budget_from(
    src: &Source,
    root: &Path,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) -> LoadedBudget {
    let before = diags.len();
    let dir = root.join("budgets").join(id);
    let show = |f: &str| format!("budgets/{id}/{f}");
    let owner = Owner::Budget(id.to_string());
    let mut files = Vec::new();
    let mut sink_for =
        |f: &str, need: &str, diags: &mut Vec<Diagnostic>| -> (Option<Vec<u8>>, String) {
            let path = dir.join(f);
            files.push(path.clone());
            let shown = show(f);
            match src.read(&path) {
                Ok(b) => (Some(b), shown),
                Err(e) => {
                    let message = if src.exists(&path) {
                        e
                    } else {
                        format!("{e}; {need}")
                    };
                    diags.push(Diagnostic {
                        severity: super::diag::Severity::Error,
                        owner: owner.clone(),
                        file: shown.clone(),
                        line: None,
                        col: None,
                        field: None,
                        message,
                    });
                    (None, shown)
                }
            }
        };

    let (bytes, file) = sink_for(
        "budget.toml",
        "every budget folder needs budget.toml with name, base_year (e.g. \"2009-10\") and years (e.g. 3)",
        diags,
    );
    let manifest = bytes.and_then(|b| {
        let mut sink = Sink {
            out: diags,
            owner: owner.clone(),
            file,
        };
        let text = super::text::decode_toml(&b, &mut sink)?;
        parse_manifest(&text, &mut sink)
    });

    let mut budget = Budget {
        id: id.to_string(),
        name: manifest
            .as_ref()
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string()),
        base_year: manifest.as_ref().map(|m| m.base_year).unwrap_or(Year(2000)),
        years: manifest.as_ref().map(|m| m.years).unwrap_or(1),
        currency: manifest
            .as_ref()
            .map(|m| m.currency.clone())
            .unwrap_or_else(|| "GBP".into()),
        description: manifest
            .as_ref()
            .map(|m| m.description.clone())
            .unwrap_or_default(),
        partners: vec![],
        pools: vec![],
        contributions: vec![],
        providers: vec![],
        services: vec![],
        risk_shares: vec![],
        outcomes: vec![],
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    };

    let mut tables: HashMap<&str, (Table, String)> = HashMap::new();
    let specs: &[(&str, &[&'static str], &[&'static str], bool)] = &[
        ("partners.csv", &["id", "name"], &["kind"], true),
        (
            "pools.csv",
            &["id", "name", "host"],
            &[
                "basis",
                "risk_share",
                "underspend",
                "opening_reserve",
                "agreement",
            ],
            true,
        ),
        (
            "contributions.csv",
            &["pool", "partner", "year", "amount"],
            &["note"],
            true,
        ),
        (
            "providers.csv",
            &["id", "name"],
            &["sector", "rating"],
            true,
        ),
        (
            "services.csv",
            &SERVICE_COLUMNS[..SERVICE_REQUIRED],
            &SERVICE_COLUMNS[SERVICE_REQUIRED..],
            true,
        ),
        ("risk_shares.csv", &["pool", "partner", "share"], &[], false),
        (
            "outcomes.csv",
            &["outcome", "beneficiary", "value"],
            &["kind", "cashable", "note"],
            false,
        ),
        (
            "risk_caps.csv",
            &["pool", "partner", "cap"],
            &["note"],
            false,
        ),
        (
            "schedules.csv",
            &["service", "year"],
            &["unit_cost", "volume", "note"],
            false,
        ),
    ];
    // Each table from its CSV file or its sheet of budget.xlsx (load::source).
    let mut source = super::source::TableFiles::open(src, &dir, &show(""), owner.clone(), diags);
    let horizon = manifest.as_ref().map(|m| (m.base_year, m.years));
    // actuals.csv on its own thread while the rest loads (load::prefetch).
    let mut actuals = super::prefetch::start(&source, &owner, horizon);
    for (name, req, opt, required) in specs {
        if !*required && !source.exists(name) {
            continue;
        }
        let need = format!(
            "every budget needs {name} with a header row naming the columns {}",
            req.join(", ")
        );
        if let Some(t) = source.table(name, &need, req, opt, diags) {
            tables.insert(name, t);
        }
    }
    budget.monitoring = super::monitoring::load(&mut source, id, horizon, actuals.as_mut(), diags);
    files.extend(source.finish(diags));
    budget.files = files;

    // Every id written in each table, valid or not (unknown if rows were lost).
    let ids = |name: &str, col: &str| {
        tables
            .get(name)
            .filter(|(t, _)| !t.truncated)
            .map(|(t, _)| {
                t.rows
                    .iter()
                    .chain(&t.short)
                    .map(|r| t.cell(r, col).to_string())
                    .collect::<HashSet<String>>()
            })
    };
    let declared = Declared {
        partners: ids("partners.csv", "id"),
        pools: ids("pools.csv", "id"),
        providers: ids("providers.csv", "id"),
        services: ids("services.csv", "id"),
        pairs: tables
            .get("contributions.csv")
            .filter(|(t, _)| !t.truncated)
            .map(|(t, _)| {
                t.rows
                    .iter()
                    .chain(&t.short)
                    .map(|r| {
                        (
                            t.cell(r, "pool").to_string(),
                            t.cell(r, "partner").to_string(),
                        )
                    })
                    .collect()
            }),
        horizon_known: manifest.is_some(),
    };

    let m = manifest.as_ref();
    let mut ctx = Ctx {
        diags,
        owner: owner.clone(),
        declared: &declared,
        pool_lines: HashMap::new(),
    };
    if let Some((t, f)) = tables.get("partners.csv") {
        budget.partners = ctx.partners(t, f);
    }
    if let Some((t, f)) = tables.get("providers.csv") {
        budget.providers = ctx.providers(t, f);
    }
    if let Some((t, f)) = tables.get("pools.csv") {
        budget.pools = ctx.pools(t, f, &budget.partners);
    }
    if let Some((t, f)) = tables.get("contributions.csv") {
        budget.contributions = ctx.contributions(t, f, &budget, m);
    }
    let outcomes = tables
        .get("outcomes.csv")
        .map(|(t, f)| (ctx.outcomes(t, f), f));
    if let Some((rows, _)) = &outcomes {
        budget.outcomes = rows.rows.clone();
    }
    if let Some((t, f)) = tables.get("services.csv") {
        budget.services = ctx.services(t, f, &budget, m);
    }
    if let Some((rows, f)) = &outcomes {
        // Outcomes as written on every services.csv row, valid or not.
        let used: HashSet<String> = tables
            .get("services.csv")
            .map(|(t, _)| {
                t.rows
                    .iter()
                    .map(|r| OutcomeValue::key(t.cell(r, "outcome")))
                    .collect()
            })
            .unwrap_or_default();
        ctx.unused_outcomes(f, rows, &used);
    }
    let shares_file = tables.get("risk_shares.csv");
    budget.risk_shares = ctx.risk_shares(
        shares_file.map(|(t, f)| (t, f.as_str())),
        &budget,
        &tables
            .get("pools.csv")
            .map_or_else(|| show("pools.csv"), |(_, f)| f.clone()),
    );
    if let Some((t, f)) = tables.get("risk_caps.csv") {
        budget.risk_caps = ctx.risk_caps(t, f, &budget);
    }
    if let Some((t, f)) = tables.get("schedules.csv") {
        budget.schedules = ctx.schedules(t, f, &budget, m);
    }
    if let Some(p) = actuals {
        p.join(&mut budget.monitoring, diags);
    }
    super::source::one_error_per_cell(diags, before);
    let has_errors = diags[before..].iter().any(Diagnostic::is_error);
    LoadedBudget {
        budget,
        has_errors,
        declared,
    }
}

pub use super::refs::unknown;
pub use fields::{ServiceFields, SERVICE_COLUMNS, SERVICE_REQUIRED};
pub use services::both_given;
