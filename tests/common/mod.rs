//! Helpers shared by the integration tests: running the binary (`cli`),
//! the example workspace, its projections, and a reader for the Cabinet CSV
//! layout (blocks of title, header, rows and notes, separated by blank lines).
#![allow(dead_code)]

pub mod cli;
pub mod oracle;

use poolplan::engine::{project, Projection};
use poolplan::load::{load_for, Workspace};
use poolplan::report::cabinet::{self, CabTable, Provenance, Scale, Source};
use poolplan::report::table::Unit;
use std::path::{Path, PathBuf};

/// The repository root, which is the example workspace.
pub fn example_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture workspace under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    example_dir().join("tests").join("fixtures").join(name)
}

/// Load a workspace and project every scenario (sorted by id).
pub fn load(root: &Path) -> (Workspace, Vec<Projection>) {
    let (ws, scenarios) = load_for(root, &[]).expect("the workspace loads");
    let ps = scenarios
        .iter()
        .map(|s| project(&ws.budgets[&s.budget], s).expect("the scenario projects"))
        .collect();
    (ws, ps)
}

/// Every unit, cash and real.
pub fn all_modes() -> Vec<(Unit, bool)> {
    let mut out = vec![];
    for u in [Unit::Pounds, Unit::Thousands, Unit::Millions] {
        for real in [false, true] {
            out.push((u, real));
        }
    }
    out
}

/// The Cabinet tables and an (empty-file) provenance table, built in-process.
pub fn tables(
    ws: &Workspace,
    ps: &[Projection],
    unit: Unit,
    real: bool,
) -> (Vec<CabTable>, CabTable) {
    let sources: Vec<Source> = ps
        .iter()
        .map(|p| Source {
            projection: p,
            budget: &ws.budgets[&p.budget_id],
        })
        .collect();
    let tables = cabinet::build_tables(&sources, unit, real).expect("tables build");
    let refs: Vec<&Projection> = ps.iter().collect();
    let scale = Scale::new(unit, real, &refs).expect("scale");
    let prov = Provenance::new(
        "test",
        ps.iter()
            .map(|p| (p.scenario_id.clone(), p.scenario_name.clone()))
            .collect(),
        vec![],
    );
    (tables, prov.table(&scale))
}

/// One table as read back from CSV.
#[derive(Debug, Clone)]
pub struct Block {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub notes: Vec<String>,
}

/// Read the Cabinet CSV layout back (a leading BOM is skipped).
pub fn parse_blocks(bytes: &[u8]) -> Vec<Block> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    text.split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(b.as_bytes());
            let recs: Vec<Vec<String>> = rdr
                .records()
                .map(|r| r.expect("CSV record").iter().map(str::to_string).collect())
                .collect();
            let width = recs[1].len();
            let (rows, notes): (Vec<_>, Vec<_>) =
                recs[2..].iter().cloned().partition(|r| r.len() == width);
            Block {
                title: recs[0][0].clone(),
                header: recs[1].clone(),
                rows,
                notes: notes.into_iter().map(|r| r[0].clone()).collect(),
            }
        })
        .collect()
}
