//! Problems found while loading: every one names the file, the line (the
//! spreadsheet row for CSV), the column or key, the bad value and what would
//! be valid. Loading collects them all rather than stopping at the first.

use crate::model::text::for_terminal;
use std::fmt;

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// What a problem belongs to, so a command can ignore problems in files it
/// does not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Workspace,
    Budget(String),
    Scenario(String),
}

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub owner: Owner,
    /// Path as shown to the user (relative to the workspace).
    pub file: String,
    pub line: Option<usize>,
    /// Column number (1-based) for TOML.
    pub col: Option<usize>,
    /// e.g. `column D "amount"` or `key "pay_inflation"`.
    pub field: Option<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Every part may echo a bad value: shown escaped, never raw.
        write!(f, "{tag}: {}", for_terminal(&self.file))?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.col {
                write!(f, ":{c}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ", {}", for_terminal(field))?;
        }
        write!(f, ": {}", for_terminal(&self.message))
    }
}

/// A collector of diagnostics for one file.
#[derive(Debug)]
pub struct Sink<'a> {
    pub out: &'a mut Vec<Diagnostic>,
    pub owner: Owner,
    pub file: String,
}

impl Sink<'_> {
    pub fn push(
        &mut self,
        severity: Severity,
        line: Option<usize>,
        col: Option<usize>,
        field: Option<String>,
        message: impl Into<String>,
    ) {
        self.out.push(Diagnostic {
            severity,
            owner: self.owner.clone(),
            file: self.file.clone(),
            line,
            col,
            field,
            message: message.into(),
        });
    }
    pub fn error(
        &mut self,
        line: Option<usize>,
        field: Option<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, line, None, field, message);
    }
    pub fn warn(&mut self, line: Option<usize>, field: Option<String>, message: impl Into<String>) {
        self.push(Severity::Warning, line, None, field, message);
    }
}

/// Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA.
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(3), "D");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn display() {
        let d = Diagnostic {
            severity: Severity::Error,
            owner: Owner::Workspace,
            file: "budgets/ct/contributions.csv".into(),
            line: Some(14),
            col: None,
            field: Some("column D \"amount\"".into()),
            message: "cannot read".into(),
        };
        assert_eq!(
            d.to_string(),
            "error: budgets/ct/contributions.csv:14, column D \"amount\": cannot read"
        );
    }
}
