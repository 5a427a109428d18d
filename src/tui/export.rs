//! The export dialog (`x`): format (Cabinet CSV, Cabinet XLSX, tidy CSV),
//! units, which scenarios (the current one, or Compare's A and B) and the
//! path. Enter builds the files with the same code as `poolplan export`
//! (`report::cabinet::paper`, `report::tidy`; the monitoring table and, in
//! a workbook, the charts through `analysis::monitor::paper` and
//! `report::chart::set`) and queues them; the edge
//! never replaces a file without asking (it hands the write back, and the
//! dialog asks y/n). Figures with unsaved edits are marked in every table
//! title and in the provenance, which hashes the bytes the figures came
//! from. With errors in the files on disk nothing is exported.

use super::action::Action;
use super::app::{App, Effect, ExportForm, Popup, Written};
use super::strings as s;
use crate::analysis::monitor::paper::for_paper;
use crate::engine::Projection;
use crate::report::cabinet::paper::{self, Layout, Paper};
use crate::report::cabinet::Source;
use crate::report::chart::set::{for_export, Charted};
use crate::report::table::Unit;
use std::path::PathBuf;

/// The formats, in the dialog's order.
pub const FORMATS: [&str; 3] = [
    "Cabinet tables, CSV",
    "Cabinet tables, XLSX",
    "tidy figures, CSV",
];
const UNITS: [Unit; 3] = [Unit::Pounds, Unit::Thousands, Unit::Millions];

/// The ids exported, the reference first.
pub fn ids(app: &App, pair: bool) -> Vec<String> {
    let cur = app.current_id().unwrap_or_default().to_string();
    match app.compare_a_id() {
        Some(a) if pair && a != cur => vec![a.to_string(), cur],
        _ => vec![cur],
    }
}

fn default_path(app: &App, format: usize, pair: bool) -> String {
    let stem = ids(app, pair).join("-vs-");
    match format {
        0 => format!("exports/{stem}-cabinet.csv"),
        1 => format!("exports/{stem}-cabinet.xlsx"),
        _ => format!("exports/{stem}-tidy.csv"),
    }
}

/// `x`: open the dialog (or say why not).
pub fn open(app: &mut App) {
    if !app.errors.is_empty() {
        app.complain(s::EXPORT_INVALID);
        return;
    }
    if app.current_id().is_none() {
        return;
    }
    let pair = app.tab == super::app::Tab::Compare;
    app.popup = Some(Popup::Export(ExportForm {
        format: 0,
        unit: app.unit,
        pair,
        path: default_path(app, 0, pair),
        focus: 0,
        error: None,
        replace: None,
    }));
}

/// Keys in the dialog.
pub fn update(app: &mut App, a: Action) {
    let Some(Popup::Export(mut f)) = app.popup.take() else {
        return;
    };
    if let Some(e) = f.replace.take() {
        match a {
            Action::Char('y') => {
                let mut e = *e;
                if let Written::Export { replace } = &mut e.what {
                    *replace = true;
                }
                app.effects.push(e);
                app.popup = Some(Popup::Export(f));
            }
            Action::Char('n') | Action::Close => app.popup = Some(Popup::Export(f)),
            _ => {
                f.replace = Some(e);
                app.popup = Some(Popup::Export(f));
            }
        }
        return;
    }
    let was_default = f.path == default_path(app, f.format, f.pair);
    let step = |x: usize, n: usize, up: bool| if up { (x + 1) % n } else { (x + n - 1) % n };
    match a {
        Action::Close => return,
        Action::Enter => match build(app, &f) {
            // The dialog stays until the edge says how the write went.
            Ok(e) => app.effects.push(e),
            Err(e) => f.error = Some(e),
        },
        Action::NextField => f.focus = (f.focus + 1) % 4,
        Action::PrevField => f.focus = (f.focus + 3) % 4,
        Action::KindNext | Action::KindPrev => {
            let up = matches!(a, Action::KindNext);
            match f.focus {
                0 => f.format = step(f.format, FORMATS.len(), up),
                1 => {
                    let i = UNITS.iter().position(|u| *u == f.unit).unwrap_or(1);
                    f.unit = UNITS[step(i, UNITS.len(), up)];
                }
                2 => f.pair = !f.pair,
                _ => {}
            }
        }
        Action::Char(c) if f.focus == 3 => f.path.push(c),
        Action::Backspace if f.focus == 3 => {
            f.path.pop();
        }
        _ => {}
    }
    if was_default {
        f.path = default_path(app, f.format, f.pair);
    }
    app.popup = Some(Popup::Export(f));
}

/// The file to write, built as `poolplan export` builds it.
fn build(app: &App, f: &ExportForm) -> Result<Effect, String> {
    let m = &app.session;
    let ids = ids(app, f.pair);
    let path = f.path.trim();
    if path.is_empty() {
        return Err("type a path".into());
    }
    let path = m.root.join(path);
    if path.starts_with(m.root.join("budgets")) || path.starts_with(m.root.join("scenarios")) {
        return Err("export to a folder other than budgets/ and scenarios/".into());
    }
    // Marked copies: every table title carries the scenario's name.
    let mut ps = vec![];
    for id in &ids {
        let mut p = m
            .projection(id)
            .ok_or_else(|| format!("no figures for {id}"))?
            .clone();
        p.scenario_name = m.export_name(id);
        ps.push(p);
    }
    let bytes = if f.format == 2 {
        let refs: Vec<&_> = ps.iter().collect();
        crate::report::tidy::tidy_bytes(&refs)
    } else {
        let mut sources = vec![];
        for p in &ps {
            let budget = m.budget_of(&p.scenario_id).ok_or("the budget is missing")?;
            sources.push(Source {
                projection: p,
                budget,
            });
        }
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        // The monitoring table and the charts, as `poolplan export` has
        // them (`analysis::monitor::paper`, `report::chart::set`).
        let plans: Vec<&Projection> = ps.iter().collect();
        let monitoring =
            for_paper(&plans, |id| m.budgets.get(id)).and_then(|(r, b)| r.ok().map(|r| (r, b)));
        let mut inputs = m.inputs(&refs)?;
        if let Some((_, b)) = &monitoring {
            inputs.extend(m.files_inputs(&b.monitoring.files)?);
            inputs.sort();
            inputs.dedup();
        }
        // The risk table, as `poolplan export` has it.
        let ranged: Vec<&crate::model::Scenario> = ps
            .iter()
            .filter_map(|p| m.scenarios.get(&p.scenario_id))
            .collect();
        let risks = crate::analysis::risk::paper::for_paper(&m.budgets, &ranged)
            .map_err(|e| format!("the risk table: {e}"))?;
        let paper = Paper {
            sources: &sources,
            names: ps
                .iter()
                .map(|p| (p.scenario_id.clone(), p.scenario_name.clone()))
                .collect(),
            inputs,
            unit: f.unit,
            real: app.real,
            bom: false,
            monitoring: monitoring.as_ref().map(|(r, b)| (r, *b)),
            risks: &risks,
        };
        let built = paper::build(&paper)?;
        let layout = if f.format == 1 {
            Layout::Xlsx(path.clone())
        } else {
            Layout::CsvFile(path.clone())
        };
        // A workbook carries the charts; a CSV file has none (as the CLI).
        let charts = match f.format {
            1 => {
                let mut cs = vec![];
                for p in &ps {
                    cs.push(Charted {
                        projection: p,
                        scenario: m
                            .scenarios
                            .get(&p.scenario_id)
                            .ok_or("the scenario is missing")?,
                        budget: m.budget_of(&p.scenario_id).ok_or("the budget is missing")?,
                    });
                }
                let built_tables = (&built.scale, &built.tables[..]);
                let mon = monitoring.as_ref().map(|x| &x.0);
                for_export(&cs, built_tables, mon)?.0
            }
            _ => vec![],
        };
        let mut files = paper::lay_out(&built, &charts, false, &layout)?;
        files.pop().map(|x| x.1).ok_or("nothing to write")?
    };
    Ok(Effect {
        path: PathBuf::from(&path),
        bytes,
        what: Written::Export { replace: false },
    })
}
