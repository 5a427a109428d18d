//! One generic table type for every report, rendered as aligned text, CSV or
//! JSON by separate functions (as hledger does). Cells keep exact values;
//! display rounding is applied only by the text renderer. A table has a
//! short id (what `--only` takes; the `table` column of a multi-table CSV)
//! and column ids; text tables may show human headers instead.

pub use super::cell::{Cell, Unit};

/// A titled table: column names and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// A short id: `headlines`, `bridge`, …
    pub id: String,
    pub title: String,
    /// Column ids (CSV headers, JSON keys).
    pub columns: Vec<String>,
    /// Headers of the text table, one per column; empty = the column ids.
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Notes printed under the text table.
    pub notes: Vec<String>,
}

impl Table {
    pub fn new(id: &str, title: impl Into<String>, columns: Vec<String>) -> Table {
        Table {
            id: id.to_string(),
            title: title.into(),
            columns,
            headers: vec![],
            rows: vec![],
            notes: vec![],
        }
    }

    /// Human headers for the text table (one per column).
    pub fn with_headers(mut self, headers: &[&str]) -> Table {
        self.headers = headers.iter().map(|h| h.to_string()).collect();
        self
    }

    /// The headers the text table shows.
    fn shown_headers(&self) -> &[String] {
        if self.headers.len() == self.columns.len() {
            &self.headers
        } else {
            &self.columns
        }
    }
}

/// Render tables as aligned text.
pub fn render_text(tables: &[Table], unit: Unit) -> String {
    let mut out = String::new();
    for (k, t) in tables.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if !t.title.is_empty() {
            out.push_str(&t.title);
            out.push('\n');
        }
        let cells: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.display(unit)).collect())
            .collect();
        let headers = t.shown_headers();
        let mut widths: Vec<usize> = headers.iter().map(|c| c.chars().count()).collect();
        for r in &cells {
            for (i, c) in r.iter().enumerate() {
                if i < widths.len() {
                    widths[i] = widths[i].max(c.chars().count());
                }
            }
        }
        let numeric: Vec<bool> = (0..t.columns.len())
            .map(|i| {
                i > 0
                    && t.rows
                        .iter()
                        .any(|r| r.get(i).is_some_and(Cell::is_numeric))
            })
            .collect();
        let line = |vals: &[String], out: &mut String| {
            let mut s = String::new();
            for (i, v) in vals.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                let pad = w.saturating_sub(v.chars().count());
                if i > 0 {
                    s.push_str("  ");
                }
                if numeric.get(i).copied().unwrap_or(false) {
                    s.push_str(&" ".repeat(pad));
                    s.push_str(v);
                } else {
                    s.push_str(v);
                    s.push_str(&" ".repeat(pad));
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        line(headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&rule, &mut out);
        for r in &cells {
            line(r, &mut out);
        }
        for n in &t.notes {
            out.push_str(n);
            out.push('\n');
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    super::format::csv_field(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

/// Render tables as CSV with raw numbers; with several tables, each starts
/// with a `table` column holding its id.
pub fn render_csv(tables: &[Table]) -> String {
    let mut out = String::new();
    let many = tables.len() > 1;
    for (k, t) in tables.iter().enumerate() {
        if k > 0 && many && t.columns != tables[k - 1].columns {
            out.push('\n');
        }
        if k == 0 || t.columns != tables[k - 1].columns {
            let mut cols = t.columns.clone();
            if many {
                cols.insert(0, "table".into());
            }
            out.push_str(
                &cols
                    .iter()
                    .map(|c| csv_field(c))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push('\n');
        }
        for r in &t.rows {
            let mut vals: Vec<String> = r.iter().map(Cell::raw).collect();
            if many {
                vals.insert(0, t.id.clone());
            }
            out.push_str(
                &vals
                    .iter()
                    .map(|c| csv_field(c))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push('\n');
        }
    }
    out
}

/// Render tables as JSON: a list of {table, title, columns, rows} with raw
/// numbers; `table` is the table's id.
pub fn render_json(tables: &[Table]) -> String {
    let v: Vec<serde_json::Value> = tables
        .iter()
        .map(|t| {
            let rows: Vec<serde_json::Value> = t
                .rows
                .iter()
                .map(|r| {
                    let mut m = serde_json::Map::new();
                    for (c, cell) in t.columns.iter().zip(r) {
                        m.insert(c.clone(), cell.json());
                    }
                    serde_json::Value::Object(m)
                })
                .collect();
            serde_json::json!({ "table": t.id, "title": t.title, "columns": t.columns, "rows": rows })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn sample() -> Table {
        let mut t = Table::new(
            "headline",
            "Headline",
            vec!["measure".into(), "2009-10".into()],
        );
        t.rows
            .push(vec![Cell::text("spend"), Cell::Money(dec!(1234567.891))]);
        t.rows.push(vec![Cell::text("cost per outcome"), Cell::NA]);
        t
    }

    #[test]
    fn text_is_aligned_and_grouped() {
        let s = render_text(&[sample()], Unit::Pounds);
        assert_eq!(
            s,
            "Headline\nmeasure             2009-10\n────────────────  ─────────\nspend             1,234,568\ncost per outcome        n/a\n"
        );
        let s = render_text(&[sample()], Unit::Millions);
        assert!(s.contains("\nspend                 1.2\n"), "{s}");
    }

    #[test]
    fn csv_is_raw() {
        assert_eq!(
            render_csv(&[sample()]),
            "measure,2009-10\nspend,1234567.89\ncost per outcome,n/a\n"
        );
    }

    #[test]
    fn csv_names_tables_by_id_and_text_shows_headers() {
        let two = [
            sample(),
            Table::new("other", "A long title", vec!["x".into()]),
        ];
        let csv = render_csv(&two);
        assert!(
            csv.starts_with("table,measure,2009-10\nheadline,spend,"),
            "{csv}"
        );
        assert!(!csv.contains("Headline"), "{csv}");
        let t = Table::new("t", "T", vec!["pv_cost".into()]).with_headers(&["PV of spend"]);
        assert_eq!(
            render_text(std::slice::from_ref(&t), Unit::Pounds),
            "T\nPV of spend\n───────────\n"
        );
        assert!(render_json(&[t]).contains("\"columns\": [\n      \"pv_cost\""));
    }

    #[test]
    fn json_has_numbers() {
        let j = render_json(&[sample()]);
        assert!(j.contains("\"2009-10\": 1234567.89"), "{j}");
        assert!(j.contains("null"), "{j}");
    }
}
