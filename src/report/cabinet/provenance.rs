//! The provenance block: what made these figures — poolplan's version, the
//! scenarios (in the order named), the units, and a SHA-256 of every input
//! file (the budget's files and each scenario's `extends` chain), sorted by
//! path, paths relative to the workspace. No timestamps, so it is as
//! deterministic as the tables.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Value};

/// One input file and its SHA-256 (lower-case hex).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// Relative to the workspace, with `/` separators.
    pub path: String,
    pub sha256: String,
}

/// Everything the provenance block says.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// poolplan's version (`CARGO_PKG_VERSION`).
    pub version: String,
    /// (id, display name), in the order named.
    pub scenarios: Vec<(String, String)>,
    /// Sorted by path, no duplicates.
    pub files: Vec<InputFile>,
}

impl Provenance {
    /// Sort and de-duplicate the files.
    pub fn new(version: &str, scenarios: Vec<(String, String)>, mut files: Vec<InputFile>) -> Self {
        files.sort();
        files.dedup();
        Provenance {
            version: version.to_string(),
            scenarios,
            files,
        }
    }

    /// The block as a table (`Item`, `Value`, `Detail`).
    pub fn table(&self, scale: &Scale) -> CabTable {
        let row = |a: &str, b: &str, c: &str| Row {
            kind: RowKind::Body,
            cells: vec![Value::text(a), Value::text(b), Value::text(c)],
        };
        let places = match scale.dp() {
            0 => "whole units".to_string(),
            1 => "one decimal place".to_string(),
            n => format!("{n} decimal places"),
        };
        let mut rows = vec![
            row("poolplan version", &self.version, ""),
            row("Money", scale.unit.label(), &scale.terms()),
            row(
                "Rounding",
                &places,
                "each figure rounded on its own, half away from zero; totals are the rounded exact totals",
            ),
        ];
        for (i, (id, name)) in self.scenarios.iter().enumerate() {
            let role = if i == 0 {
                "scenario (reference)"
            } else {
                "scenario"
            };
            rows.push(row(role, id, name));
        }
        for f in &self.files {
            rows.push(row("input file (SHA-256)", &f.path, &f.sha256));
        }
        CabTable {
            slug: "provenance",
            sheet: "Provenance",
            title: "Provenance".into(),
            columns: vec!["Item".into(), "Value".into(), "Detail".into()],
            rows,
            notes: vec![],
        }
    }
}
