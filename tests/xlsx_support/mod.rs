//! Helpers for the workbook tests: copy a workspace, convert its budgets'
//! CSV files into one `budget.xlsx` per budget (a sheet per table), run the
//! binary. The converter is independent of poolplan's reader: it splits
//! CSV with the `csv` crate and writes with rust_xlsxwriter.
#![allow(dead_code)]

use assert_cmd::Command;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A sheet's rows: (0-based row, cells).
pub type Rows = Vec<(u32, Vec<String>)>;
/// Sheets by name.
pub type Sheets = Vec<(String, Rows)>;

/// How CSV cells become workbook cells.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cells {
    /// Every cell a text cell.
    Text,
    /// Numbers as number cells (`40%` as 0.4 formatted `0%`), where the
    /// number holds the same value; everything else as text.
    Typed,
}

/// Copy a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// The rows of a CSV file: (0-based sheet row = line − 1, cells).
pub fn csv_rows(bytes: &[u8]) -> Rows {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let text = text.replace("\r\n", "\n");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    rdr.records()
        .filter_map(Result::ok)
        .map(|r| {
            let line = r.position().map_or(1, |p| p.line()) as u32;
            (line - 1, r.iter().map(str::to_string).collect())
        })
        .collect()
}

/// A number cell for `text` when it holds exactly the same value.
fn as_number(text: &str) -> Option<(f64, Option<&'static str>)> {
    let t = text.trim();
    let (body, pct) = match t.strip_suffix('%') {
        Some(b) => (b, true),
        None => (t, false),
    };
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return None;
    }
    // A European-looking `1.000` stays text (as a number it means 1).
    let european = body.split_once('.').is_some_and(|(i, f)| {
        (1..=3).contains(&i.trim_start_matches('-').len()) && !i.starts_with('0') && f.len() == 3
    });
    let exact = Decimal::from_str(body).ok()?;
    let value = if pct {
        exact / Decimal::from(100)
    } else {
        exact
    };
    let x: f64 = value.to_string().parse().ok()?;
    let back = Decimal::from_str(&format!("{x}")).ok()?;
    (back == value && !european).then_some((x, pct.then_some("0.0%")))
}

/// Write a workbook of sheets (name, rows).
pub fn write_book(path: &Path, sheets: &[(String, Rows)], cells: Cells) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows {
            for (c, v) in row.iter().enumerate() {
                if v.is_empty() {
                    continue;
                }
                let number = if cells == Cells::Typed && *r > 0 {
                    as_number(v)
                } else {
                    None
                };
                match number {
                    Some((x, Some(fmt))) => {
                        ws.write_number_with_format(
                            *r,
                            c as u16,
                            x,
                            &Format::new().set_num_format(fmt),
                        )
                        .unwrap();
                    }
                    Some((x, None)) => {
                        ws.write_number(*r, c as u16, x).unwrap();
                    }
                    None => {
                        ws.write_string(*r, c as u16, v).unwrap();
                    }
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// Replace every budget's CSV files by `budget.xlsx`.
pub fn convert(root: &Path, cells: Cells) {
    let Ok(rd) = std::fs::read_dir(root.join("budgets")) else {
        return;
    };
    for b in rd {
        let dir = b.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let mut csvs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect();
        if csvs.is_empty() {
            continue;
        }
        csvs.sort();
        let sheets: Sheets = csvs
            .iter()
            .map(|p| {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                (stem, csv_rows(&std::fs::read(p).unwrap()))
            })
            .collect();
        write_book(&dir.join("budget.xlsx"), &sheets, cells);
        for p in csvs {
            std::fs::remove_file(p).unwrap();
        }
    }
}

/// Run poolplan with `--dir root`: (exit code, stdout, stderr).
pub fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "poolplan panicked:\n{stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

/// An error line with its position made comparable between a CSV file and
/// its sheet: `services.csv:3, column G "x": m` and
/// `budget.xlsx [services] G3, column G "x": m` both become
/// `services|3|column G "x"|m`.
pub fn normalise(line: &str) -> String {
    let Some(rest) = line.strip_prefix("error: ") else {
        return line.to_string();
    };
    let csv = rest
        .split_once(".csv")
        .filter(|(a, _)| a.starts_with("budgets/") && !a.contains(' '));
    let Some((dir, tail)) = csv else {
        return sheet_key(rest).unwrap_or_else(|| rest.to_string());
    };
    let (folder, stem) = dir.rsplit_once('/').unwrap();
    let (line_no, tail) = match tail.strip_prefix(':') {
        Some(t) if t.starts_with(|c: char| c.is_ascii_digit()) => {
            let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
            (t[..end].to_string(), &t[end..])
        }
        _ => (String::new(), tail),
    };
    let (field, msg) = split_field(tail);
    format!("{folder}|{stem}|{line_no}|{field}|{msg}")
}

fn sheet_key(rest: &str) -> Option<String> {
    let (folder, tail) = rest.split_once("/budget.xlsx [")?;
    let (sheet, tail) = tail.split_once(']')?;
    let (line_no, tail) = match tail.strip_prefix(' ') {
        Some(t) => {
            let t = t.strip_prefix("row ").unwrap_or(t);
            let cell_end = t.find([',', ':']).unwrap_or(t.len());
            let digits: String = t[..cell_end].chars().filter(char::is_ascii_digit).collect();
            (digits, &t[cell_end..])
        }
        None => (String::new(), tail),
    };
    let (field, msg) = split_field(tail);
    Some(format!(
        "{folder}|{}|{line_no}|{field}|{msg}",
        sheet.to_ascii_lowercase()
    ))
}

fn split_field(tail: &str) -> (String, String) {
    if let Some(t) = tail.strip_prefix(", ") {
        // The field ends at the first `": ` (a quoted name) or `: `.
        if let Some(i) = t.find("\": ") {
            return (t[..=i].to_string(), t[i + 3..].to_string());
        }
        if let Some((f, m)) = t.split_once(": ") {
            return (f.to_string(), m.to_string());
        }
    }
    (String::new(), tail.trim_start_matches(": ").to_string())
}

/// The error lines of `check`, normalised.
pub fn errors(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .map(normalise)
        .collect()
}
