//! Loading a budget's monitoring files (SPEC §12.1) and checking the
//! services and keys they name (§12.3): a service of services.csv or one a
//! scenario commissions. In `check` the test is "some scenario of the
//! budget has it"; when monitoring, "the monitored scenario's chain has it".

use super::diag::{Diagnostic, Owner, Severity, Sink};
use super::source::TableFiles;
use super::Workspace;
use crate::model::{Budget, LeverKind, Monitoring, Scenario, Year};
use std::collections::HashSet;

/// Load `actuals.csv` and `profiles.csv` of a budget folder (or their
/// sheets of budget.xlsx), if present.
/// `actuals`: actuals.csv when it is being read on another thread; its
/// place is kept here and it joins later (`Prefetch::join`).
pub fn load(
    source: &mut TableFiles,
    id: &str,
    horizon: Option<(Year, usize)>,
    mut actuals: Option<&mut super::prefetch::Prefetch>,
    diags: &mut Vec<Diagnostic>,
) -> Monitoring {
    let mut m = Monitoring::default();
    let owner = Owner::Budget(id.to_string());
    let tables: [(&str, &[&'static str]); 2] = [
        ("actuals.csv", &["service", "year", "period", "amount"]),
        ("profiles.csv", &["key", "period", "weight"]),
    ];
    for (name, required) in tables {
        if !source.exists(name) {
            continue;
        }
        if let Some(p) = actuals.as_deref_mut().filter(|_| name == "actuals.csv") {
            source.note_read(name, p.path.clone());
            p.at = Some((diags.len(), m.files.len()));
            continue;
        }
        let need = format!(
            "{name} needs a header row naming the columns {}",
            required.join(", ")
        );
        let before = source.files_read();
        let Some((t, file)) = source.table(name, &need, required, &["note"], diags) else {
            continue;
        };
        m.files.extend(source.files_since(before));
        let mut sink = Sink {
            out: diags,
            owner: owner.clone(),
            file: file.clone(),
        };
        if name == "actuals.csv" {
            m.actuals_file = file;
            m.service_field = t.field("service");
            m.actuals = super::actuals::actuals(&t, &mut sink, horizon);
        } else {
            m.profiles_file = file;
            m.key_field = t.field("key");
            m.profiles = super::profiles::profiles(&t, &mut sink);
        }
    }
    m
}

/// An error for each actuals row naming a service not in `known`, and (when
/// `warn_keys`) a warning for each profile key matching no service or category.
fn references(
    b: &Budget,
    known: &HashSet<&str>,
    categories: &HashSet<&str>,
    whose: &str,
    warn_keys: bool,
) -> Vec<Diagnostic> {
    let m = &b.monitoring;
    let owner = Owner::Budget(b.id.clone());
    let diag = |severity, file: &str, line, field: &str, message| Diagnostic {
        severity,
        owner: owner.clone(),
        file: file.to_string(),
        line: Some(line),
        col: None,
        field: Some(field.to_string()),
        message,
    };
    let mut out = vec![];
    for a in m.actuals.iter().filter(|a| !known.contains(&*a.service)) {
        let message = super::refs::unknown("service", &a.service, known, "services.csv");
        let message =
            format!("{message} (a service of services.csv or one commissioned by {whose})");
        out.push(diag(
            Severity::Error,
            &m.actuals_file,
            a.line,
            &m.service_field,
            message,
        ));
    }
    if warn_keys {
        let mut seen = HashSet::new();
        for p in &m.profiles {
            let key = p.key.as_str();
            if !known.contains(key) && !categories.contains(key) && seen.insert(key) {
                out.push(diag(
                    Severity::Warning,
                    &m.profiles_file,
                    p.line,
                    &m.key_field,
                    format!(
                        "\"{key}\" matches no service id or category; this profile is not used"
                    ),
                ));
            }
        }
    }
    out
}

/// The services (and their categories) of a budget and the services commissioned by `scenarios`.
fn known<'a>(b: &'a Budget, scenarios: &[&'a Scenario]) -> (HashSet<&'a str>, HashSet<&'a str>) {
    let mut ids: HashSet<&str> = b.services.iter().map(|s| s.id.as_str()).collect();
    let mut cats: HashSet<&str> = b.services.iter().map(|s| s.category.as_str()).collect();
    for s in scenarios {
        for l in &s.levers {
            if let LeverKind::Commission { service } = &l.kind {
                ids.insert(&service.id);
                cats.insert(&service.category);
            }
        }
    }
    (ids, cats)
}

/// `check`: every actuals row must name a service that some scenario of the
/// budget has. A budget with a scenario that failed to resolve is skipped
/// (its commissions are unknown; its own errors are already listed).
pub fn check_references(ws: &Workspace, resolved: &[Scenario]) -> Vec<Diagnostic> {
    let mut ids: Vec<&String> = ws.budgets.keys().collect();
    ids.sort();
    let mut out = vec![];
    for id in ids {
        let b = &ws.budgets[id];
        let m = &b.monitoring;
        if m.actuals.is_empty() && m.profiles.is_empty() {
            continue;
        }
        let failed_here = ws.scenario_ids.iter().any(|s| {
            !resolved.iter().any(|r| &r.id == s) && budget_of(ws, s).is_none_or(|bid| bid == *id)
        });
        if failed_here {
            continue;
        }
        let mine: Vec<&Scenario> = resolved.iter().filter(|s| &s.budget == id).collect();
        let (known, cats) = known(b, &mine);
        out.extend(references(
            b,
            &known,
            &cats,
            "a scenario of the budget",
            true,
        ));
    }
    out
}

/// The budget a scenario names, through its `extends` chain.
fn budget_of(ws: &Workspace, id: &str) -> Option<String> {
    ws.chain_ids(id).iter().find_map(|c| {
        let raw = ws.sources.get(c)?.raw.as_ref()?;
        raw.budget.as_ref().map(|b| b.v.clone())
    })
}

/// Monitoring one scenario: every actuals row must name a service of
/// services.csv or one commissioned in the scenario's chain (its levers
/// include its parents').
pub fn check_chain(b: &Budget, scenario: &Scenario) -> Vec<Diagnostic> {
    let (known, cats) = known(b, &[scenario]);
    let whose = format!("scenario \"{}\" or the scenarios it extends", scenario.id);
    references(b, &known, &cats, &whose, false)
}
