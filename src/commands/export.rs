//! `poolplan export`: the tidy export (`--tidy`), or the Cabinet-paper tables.
//!
//! The only place the exports touch the file system. The format follows
//! `-o` unless `--format` says it (and then they must agree, else exit 2):
//! - `-o FILE.xlsx`: XLSX, that one workbook;
//! - `-o FILE.csv`: CSV, every table in that one file;
//! - `-o DIR` (no extension, or an existing folder) or no `-o`: CSV, one
//!   file per table in the folder (default `exports/`), each closed by the
//!   provenance block; with `--format xlsx`, `cabinet.xlsx` in the folder.
//! - any other extension is refused (it would make a folder of that name).
//!
//! The tidy export is CSV only, always pounds to the penny in cash terms:
//! `--format xlsx`, an `.xlsx` name, `--units`, `--real` and `--bom` are
//! refused with it rather than ignored.
//!
//! No existing file is replaced without `--force`: every target is checked
//! before anything is written, and each file is written to a temporary name
//! and renamed (`save::write_atomic`).

pub use super::export_args::ExportArgs;
use super::export_args::{target, tidy_refusal, Target};
use super::output::Stream;
use super::{load_scenarios, project_all, Projected, INVALID, OK, USAGE};
use crate::cli::Format;
use crate::engine::parallel::project_each_ordered;
use crate::engine::Projection;
use crate::load::provenance::hash_files;
use crate::load::Workspace;
use crate::report::cabinet::paper::{self, Layout, Paper};
use crate::report::cabinet::{InputFile, Source};
use crate::report::chart;
use crate::report::tidy::{write_projection, HEADER};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub fn run_tidy(dir: Option<&Path>, a: &ExportArgs) -> u8 {
    if let Some(why) = tidy_refusal(a) {
        errln!("error: {why}; nothing was written");
        return USAGE;
    }
    let (ws, scenarios) = match load_scenarios(dir, &a.scenarios) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut out = match Stream::open(a.output.as_deref(), a.force) {
        Ok(out) => out,
        Err(code) => return code,
    };
    if let Err(code) = out.put(format!("{HEADER}\n").into_bytes()) {
        return code;
    }
    // Scenarios (sorted by id) are projected on every core and each is
    // turned into its rows at once; to a file, the rows are written in
    // scenario order while later scenarios are projected, and their
    // buffers reused (to stdout they are held until every scenario is done).
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(vec![]);
    let rows_of = |p: Projection| {
        let mut rows = spare
            .lock()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_default();
        rows.clear();
        write_projection(&p, &mut rows);
        crate::engine::recycle(p);
        rows
    };
    let mut code = OK;
    project_each_ordered(&ws.budgets, &scenarios, &rows_of, |i, r| match r {
        Ok((rows, warnings)) => {
            for w in &warnings {
                errln!("warning: scenario {}: {w}", scenarios[i].id);
            }
            match out.put(rows) {
                Ok(Some(rows)) => {
                    if let Ok(mut v) = spare.lock() {
                        v.push(rows);
                    }
                }
                Ok(None) => {}
                Err(c) => {
                    code = c;
                    return false;
                }
            }
            true
        }
        Err(e) => {
            errln!("error: scenario {}: {e}", scenarios[i].id);
            code = INVALID;
            false
        }
    });
    if code != OK {
        // Dropping `out` removes the temporary file: nothing is replaced.
        return code;
    }
    out.finish()
}

/// The projections in the order the scenarios were named (all, by id, when
/// none were): the first is the comparison's reference.
pub fn named_order<'a>(args: &[String], ps: &'a [Projection]) -> Vec<&'a Projection> {
    let mut out: Vec<&Projection> = vec![];
    for id in args.iter().map(|a| Workspace::scenario_id(a)) {
        if let Some(p) = ps.iter().find(|p| p.scenario_id == id) {
            if !out.iter().any(|q| q.scenario_id == id) {
                out.push(p);
            }
        }
    }
    if out.is_empty() {
        out = ps.iter().collect();
    }
    out
}

pub fn run_cabinet(dir: Option<&Path>, a: &ExportArgs) -> u8 {
    let (format, target) = match target(a.format, a.output.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            errln!("error: {e}; nothing was written");
            return USAGE;
        }
    };
    if a.bom && format == Format::Xlsx {
        errln!("warning: --bom applies to CSV only; an XLSX file needs none");
    }
    let loaded = match project_all(dir, &a.scenarios) {
        Ok(l) => l,
        Err(code) => return code,
    };
    match build(&loaded, a, (format, &target)) {
        Ok(writes) => write_all(&writes, a.force),
        Err(e) => {
            errln!("error: {e}; nothing was written");
            INVALID
        }
    }
}

/// Every file to write, with its bytes.
fn build(
    l: &Projected,
    a: &ExportArgs,
    (format, target): (Format, &Target),
) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let ws = &l.workspace;
    let ps = named_order(&a.scenarios, &l.projections);
    let mut sources = vec![];
    let mut files: Vec<&Path> = vec![];
    for p in &ps {
        let budget = ws
            .budgets
            .get(&p.budget_id)
            .ok_or("a scenario's budget is missing")?;
        files.extend(budget.files.iter().map(PathBuf::as_path));
        if let Some(s) = l.scenarios.iter().find(|s| s.id == p.scenario_id) {
            files.extend(s.chain.iter().map(PathBuf::as_path));
        }
        sources.push(Source {
            projection: p,
            budget,
        });
    }
    let monitoring = super::monitor::for_export(ws, &ps);
    if let Some((_, b)) = &monitoring {
        files.extend(b.monitoring.files.iter().map(PathBuf::as_path));
    }
    let hashes = hash_files(&ws.root, files)?;
    // The risk table: `poolplan risk`'s default run of each scenario with ranges.
    let ranged: Vec<&crate::model::Scenario> = ps
        .iter()
        .filter_map(|p| l.scenarios.iter().find(|s| s.id == p.scenario_id))
        .collect();
    let risks = crate::analysis::risk::paper::for_paper(&ws.budgets, &ranged)
        .map_err(|e| format!("the risk table: {e}"))?;
    let paper = Paper {
        sources: &sources,
        names: ps
            .iter()
            .map(|p| (p.scenario_id.clone(), p.scenario_name.clone()))
            .collect(),
        inputs: hashes
            .into_iter()
            .map(|(path, sha256)| InputFile { path, sha256 })
            .collect(),
        unit: super::unit(a.units.unwrap_or_default()),
        real: a.real,
        bom: a.bom,
        monitoring: monitoring.as_ref().map(|(r, b)| (r, *b)),
        risks: &risks,
    };
    let built = paper::build(&paper)?;
    let want_charts = a.charts.is_some() || format == Format::Xlsx;
    let charts = if want_charts {
        let mon = monitoring.as_ref().map(|m| &m.0);
        let cs = super::chart::charted(l, &ps)?;
        let (charts, warnings) = chart::set::for_export(&cs, (&built.scale, &built.tables), mon)?;
        for w in warnings {
            errln!("warning: {w}");
        }
        charts
    } else {
        vec![]
    };
    let layout = match (format, target) {
        (Format::Xlsx, Target::File(p)) | (Format::Xlsx, Target::Folder(p)) => {
            Layout::Xlsx(p.clone())
        }
        (Format::Csv, Target::File(p)) => Layout::CsvFile(p.clone()),
        (Format::Csv, Target::Folder(d)) => Layout::CsvFolder(d.clone()),
    };
    let mut out = paper::lay_out(&built, &charts, a.bom, &layout)?;
    if let Some(dir) = &a.charts {
        for c in &charts {
            let name = format!("chart-{}.svg", c.kind.name());
            out.push((dir.join(name), chart::svg(c)?.into_bytes()));
        }
    }
    Ok(out)
}

/// Write every file, or none when one would replace a file without `force`.
fn write_all(writes: &[(PathBuf, Vec<u8>)], force: bool) -> u8 {
    let mut existing = vec![];
    for (p, _) in writes {
        if p.is_dir() {
            errln!("error: {} is a folder; nothing was written", p.display());
            return INVALID;
        }
        if p.exists() {
            existing.push(p.display().to_string());
        }
    }
    if !existing.is_empty() && !force {
        errln!(
            "error: {} already exist{}; use --force to replace {} (nothing was written)",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" },
            if existing.len() == 1 { "it" } else { "them" },
        );
        return INVALID;
    }
    for (p, _) in writes {
        if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
            if parent.is_file() {
                errln!("error: {} is a file, not a folder; name a folder for one CSV file per table, or a .csv file for one file", parent.display());
                return INVALID;
            }
            if let Err(e) = std::fs::create_dir_all(parent) {
                errln!("error: cannot create the folder {}: {e}", parent.display());
                return INVALID;
            }
        }
    }
    if let Err(e) = crate::save::write_all_atomic(writes) {
        errln!("error: {e}");
        return INVALID;
    }
    for (p, _) in writes {
        errln!("wrote {}", p.display());
    }
    OK
}
