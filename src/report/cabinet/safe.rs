//! Spreadsheet formula-injection safety (SPEC §8): a text cell that starts
//! with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`, so
//! Excel and LibreOffice show it as text instead of running it. Numbers are
//! never text, so they are never prefixed (a negative stays a number).

use std::borrow::Cow;

/// The characters that make a spreadsheet treat a cell as a formula.
pub const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text as it is safe to write into a cell.
pub fn safe_text(s: &str) -> Cow<'_, str> {
    if s.starts_with(TRIGGERS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_formula_starts() {
        for s in ["=SUM(A1)", "+44", "-cut", "@user", "\tTab", "\rCR"] {
            assert_eq!(safe_text(s), format!("'{s}"));
        }
    }

    #[test]
    fn leaves_plain_text_alone() {
        for s in ["Spend", "2010-11 £000", "", " =x", "'quoted", "1-2"] {
            assert_eq!(safe_text(s), s);
        }
    }
}
