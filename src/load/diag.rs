//! Problems found while loading: every one names the file, the line (the
//! spreadsheet row for CSV), the column or key, the bad value and what would
//! be valid. Loading collects them all rather than stopping at the first.

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

    /// Where the problem is, as messages show it: `file:line:col` for CSV
    /// and TOML, `budget.xlsx [sheet] G14` (or `row 14`) for a sheet.
    pub fn location(&self) -> String {
        let mut s = self.file.clone();
        match (self.line, self.is_sheet(), self.column_letters()) {
            (Some(l), true, Some(c)) => s.push_str(&format!(" {c}{l}")),
            (Some(l), true, None) => s.push_str(&format!(" row {l}")),
            (Some(l), false, _) => {
                s.push_str(&format!(":{l}"));
                if let Some(c) = self.col {
                    s.push_str(&format!(":{c}"));
                }
            }
            (None, ..) => {}
        }
        s
    }

    /// Whether the file is a sheet of a workbook (`budget.xlsx [services]`).
    pub fn is_sheet(&self) -> bool {
        self.file.ends_with(']') && self.file.contains(".xlsx [")
    }

    /// The column letters of a `column G "unit_cost"` field.
    fn column_letters(&self) -> Option<&str> {
        let rest = self.field.as_deref()?.strip_prefix("column ")?;
        let end = rest
            .find(|c: char| !c.is_ascii_uppercase())
            .unwrap_or(rest.len());
        (end > 0 && rest[end..].chars().next().is_none_or(|c| c == ' ')).then(|| &rest[..end])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{tag}: {}", self.location())?;
        if let Some(field) = &self.field {
            write!(f, ", {field}")?;
        }
        write!(f, ": {}", self.message)
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
    fn display_sheet_cell() {
        let mut d = Diagnostic {
            severity: Severity::Error,
            owner: Owner::Workspace,
            file: "budgets/ct/budget.xlsx [services]".into(),
            line: Some(14),
            col: None,
            field: Some("column G \"unit_cost\"".into()),
            message: "cannot read".into(),
        };
        assert_eq!(
            d.to_string(),
            "error: budgets/ct/budget.xlsx [services] G14, column G \"unit_cost\": cannot read"
        );
        d.field = None;
        assert_eq!(
            d.to_string(),
            "error: budgets/ct/budget.xlsx [services] row 14: cannot read"
        );
        d.line = None;
        assert_eq!(
            d.to_string(),
            "error: budgets/ct/budget.xlsx [services]: cannot read"
        );
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
