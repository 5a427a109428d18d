//! What a CSV column holds, for the checks that look across a row's cells.
//! SPEC §9 "Settled later": an unquoted thousands comma (`380,000`) splits
//! a money cell in two and shifts the rest of the row; when the piece that
//! lands in the next cell is exactly three digits and that next column is
//! free text (or lies beyond the header), the row is an error, never £380.

use super::diag::{column_letter, Sink};
use super::table::Cells;
use crate::model::text::check_text;

/// Which columns of a table are money and which are free text.
#[derive(Debug, Clone, Copy)]
pub struct ColumnKinds {
    pub money: &'static [&'static str],
    pub free_text: &'static [&'static str],
}

impl ColumnKinds {
    /// The columns of every poolplan table, first and second edition:
    /// contributions `amount`, services `unit_cost`/`outcome_value`,
    /// schedules `unit_cost`, risk_caps `cap`, actuals `amount`. A table
    /// with a new money or text column adds its name here (or passes its own
    /// `ColumnKinds` to `read_table_with`).
    pub const STANDARD: ColumnKinds = ColumnKinds {
        money: &["amount", "unit_cost", "outcome_value", "cap"],
        free_text: &[
            "note",
            "notes",
            "name",
            "category",
            "unit",
            "outcome",
            "description",
            "comment",
        ],
    };
}

/// The thousands-comma check of one table.
pub struct Thousands<'n> {
    money: Vec<usize>,
    names: &'n [String],
    kinds: &'n ColumnKinds,
}

impl<'n> Thousands<'n> {
    /// `names`: the header's lower-cased names; `money`: the indices of its
    /// money columns.
    pub fn new(kinds: &'n ColumnKinds, names: &'n [String], money: Vec<usize>) -> Self {
        Thousands {
            money,
            names,
            kinds,
        }
    }

    /// Report every split money cell of a row; true if there was one.
    pub fn check(&self, cells: &(impl Cells + ?Sized), line: usize, sink: &mut Sink<'_>) -> bool {
        let text_or_beyond = |i: usize| {
            self.names
                .get(i)
                .is_none_or(|n| n.is_empty() || self.kinds.free_text.contains(&n.as_str()))
        };
        let mut found = false;
        for &m in &self.money {
            if let Some(msg) = split_thousands(cells, m, text_or_beyond) {
                let name = self.names.get(m).map_or("", String::as_str);
                let field = format!("column {} \"{name}\"", column_letter(m));
                sink.error(Some(line), Some(field), msg);
                found = true;
            }
        }
        found
    }
}

/// SPEC §9: no control character, line break (a quoted newline) or
/// bidirectional control in a cell that is read (`cols`: name and index).
pub fn check_cells(
    cells: &(impl Cells + ?Sized),
    cols: &[(&str, usize)],
    line: usize,
    sink: &mut Sink<'_>,
) {
    for &(name, i) in cols {
        if let Some(Err(e)) = cells.get(i).map(check_text) {
            let field = format!("column {} \"{name}\"", column_letter(i));
            sink.error(Some(line), Some(field), e);
        }
    }
}

/// Warn about values beyond the header's last column.
pub fn extra_cells(cells: &(impl Cells + ?Sized), line: usize, width: usize, sink: &mut Sink<'_>) {
    if cells.len() > width
        && (width..cells.len()).any(|i| cells.get(i).is_some_and(|c| !c.is_empty()))
    {
        sink.warn(
            Some(line),
            Some(format!("column {}", column_letter(width))),
            format!(
                "this row has {} cells but the header has {width} columns; the extra cells are ignored",
                cells.len()
            ),
        );
    }
}

/// The message for a money cell whose thousands were split off: `None`
/// when the row is fine. `cells` are the row's trimmed cells; `money` the
/// index of a money column; `text_or_beyond(i)` whether column `i` is free
/// text, unnamed, or beyond the header.
pub fn split_thousands(
    cells: &(impl Cells + ?Sized),
    money: usize,
    text_or_beyond: impl Fn(usize) -> bool,
) -> Option<String> {
    let amount = cells.get(money)?;
    let next = cells.get(money + 1)?;
    let three_digits = next.len() == 3 && next.bytes().all(|b| b.is_ascii_digit());
    if !amount.ends_with(|c: char| c.is_ascii_digit())
        || !three_digits
        || !text_or_beyond(money + 1)
    {
        return None;
    }
    Some(format!(
        "looks like an unquoted thousands separator: quote the amount (\"{amount},{next}\") or write {}{next}",
        amount.replace(',', "")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_split_amount_is_found() {
        let row = cells(&["youth-justice", "met-police", "2009-10", "380", "000"]);
        assert_eq!(
            split_thousands(&row, 3, |i| i >= 4).as_deref(),
            Some("looks like an unquoted thousands separator: quote the amount (\"380,000\") or write 380000")
        );
        let row = cells(&["a", "b", "2009-10", "1,380", "000", "a note"]);
        assert_eq!(
            split_thousands(&row, 3, |i| i == 4).as_deref(),
            Some("looks like an unquoted thousands separator: quote the amount (\"1,380,000\") or write 1380000")
        );
    }

    #[test]
    fn other_rows_are_fine() {
        let row = cells(&["a", "b", "2009-10", "380", "000"]);
        // The next column is not free text (e.g. a volume).
        assert_eq!(split_thousands(&row, 3, |_| false), None);
        for next in ["00", "0000", "12a", "", "a note"] {
            let row = cells(&["a", "b", "2009-10", "380", next]);
            assert_eq!(split_thousands(&row, 3, |_| true), None, "{next}");
        }
        let row = cells(&["a", "b", "2009-10", "380k", "000"]);
        assert_eq!(split_thousands(&row, 3, |_| true), None);
        let row = cells(&["a", "b", "2009-10", "380"]);
        assert_eq!(split_thousands(&row, 3, |_| true), None);
    }
}
