//! budget.xlsx as input (SPEC §13): every broken CSV fixture converted to a
//! workbook gives the same errors at the same cells; the example converted
//! to a workbook (text cells or typed cells) gives a byte-identical tidy
//! export; and the cell rules: percentages, formulas, dates, merged cells,
//! hidden sheets, empty sheets, sheet names in another case.

mod xlsx_support;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::path::{Path, PathBuf};
use xlsx_support::{convert, copy_tree, csv_rows, errors, run, write_book, Cells, Rows, Sheets};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of a workspace in a temporary folder.
fn copy(from: &Path) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    copy_tree(&from.join("budgets"), &d.path().join("budgets"));
    if from.join("scenarios").is_dir() {
        copy_tree(&from.join("scenarios"), &d.path().join("scenarios"));
    }
    d
}

/// Fixtures whose problem is in the CSV text itself, with what the
/// workbook gives instead (a sheet has no bytes, quotes or short rows).
const CSV_ONLY: &[(&str, &str)] = &[
    ("binary-csv", ""),
    ("unclosed-quote", ""),
    ("short-row", "\"amount\" is empty; this column is required"),
    (
        "empty-csv",
        "the sheet is empty; it needs a header row with the columns id, name",
    ),
    ("missing-csv", "and budget.xlsx has no sheet \"services\""),
];

#[test]
fn every_broken_fixture_gives_the_same_errors_from_a_workbook() {
    let mut compared = 0;
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures/broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("budgets").is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (code, _, csv_err) = run(&dir, &["check"]);
        assert_eq!(code, 1, "{name}: the CSV fixture fails");
        for cells in [Cells::Text, Cells::Typed] {
            let ws = copy(&dir);
            convert(ws.path(), cells);
            let (code, _, book_err) = run(ws.path(), &["check"]);
            if let Some((_, instead)) = CSV_ONLY.iter().find(|(n, _)| *n == name) {
                if !instead.is_empty() {
                    assert!(book_err.contains(instead), "{name}: {book_err}");
                }
                continue;
            }
            assert_eq!(
                code, 1,
                "{name} ({cells:?}): the workbook fails too:\n{book_err}"
            );
            assert_eq!(
                errors(&book_err),
                errors(&csv_err),
                "{name} ({cells:?})\nCSV:\n{csv_err}\nworkbook:\n{book_err}"
            );
            // Positions are cells of the sheet.
            for l in book_err.lines().filter(|l| {
                l.starts_with("error: budgets/")
                    && !l.contains("/budget.toml")
                    && !l.starts_with("error: budgets/:")
            }) {
                assert!(
                    l.contains("/budget.xlsx ["),
                    "{name}: a budget error not on a sheet: {l}"
                );
            }
            compared += 1;
        }
    }
    assert!(compared > 60, "only {compared} fixtures compared");
}

#[test]
fn a_cell_position_reads_like_excel() {
    let ws = copy(&repo().join("tests/fixtures/broken/bad-money"));
    convert(ws.path(), Cells::Text);
    let (_, _, err) = run(ws.path(), &["check"]);
    assert!(
        err.contains("error: budgets/mini/budget.xlsx [contributions] D3, column D \"amount\": cannot read \"£1,2O0\" as money"),
        "{err}"
    );
}

fn tidy(root: &Path) -> String {
    let (code, out, err) = run(root, &["export", "--tidy"]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn the_example_as_a_workbook_gives_the_same_tidy_export() {
    let want = tidy(&repo());
    for cells in [Cells::Text, Cells::Typed] {
        let ws = copy(&repo());
        convert(ws.path(), cells);
        let (code, _, err) = run(ws.path(), &["check"]);
        assert_eq!(code, 0, "{cells:?}: {err}");
        assert!(
            tidy(ws.path()) == want,
            "{cells:?}: the tidy export differs"
        );
    }
}

/// The valid base fixture's tables, for building workbooks by hand.
fn base() -> (tempfile::TempDir, Sheets) {
    let ws = copy(&repo().join("tests/fixtures/valid-base"));
    let dir = ws.path().join("budgets/mini");
    let mut sheets = vec![];
    let mut csvs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    csvs.sort();
    for p in csvs {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        sheets.push((stem, csv_rows(&std::fs::read(&p).unwrap())));
        std::fs::remove_file(p).unwrap();
    }
    (ws, sheets)
}

fn book_path(ws: &tempfile::TempDir) -> PathBuf {
    ws.path().join("budgets/mini/budget.xlsx")
}

/// Write the base tables as text, except sheet `special`, written by `f`.
fn with_sheet(
    ws: &tempfile::TempDir,
    sheets: &[(String, Rows)],
    special: &str,
    f: impl Fn(&mut Worksheet, &[(u32, Vec<String>)]),
) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let s = wb.add_worksheet();
        s.set_name(name).unwrap();
        if name == special {
            f(s, rows);
            continue;
        }
        for (r, row) in rows {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                s.write_string(*r, c as u16, v).unwrap();
            }
        }
    }
    wb.save(book_path(ws)).unwrap();
}

fn write_text(s: &mut Worksheet, rows: &[(u32, Vec<String>)], skip: Option<(u32, u16)>) {
    for (r, row) in rows {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            if skip != Some((*r, c as u16)) {
                s.write_string(*r, c as u16, v).unwrap();
            }
        }
    }
}

fn base_tidy() -> String {
    tidy(&repo().join("tests/fixtures/valid-base"))
}

#[test]
fn percent_cells_in_every_format_are_percentages() {
    let want = base_tidy();
    let (ws, sheets) = base();
    let shares = &sheets.iter().find(|(n, _)| n == "risk_shares").unwrap().1;
    assert_eq!(
        shares[0].1,
        ["pool", "partner", "share"],
        "the fixture's header"
    );
    for fmt in ["0%", "0.0%", "0.00%;[Red]-0.00%"] {
        with_sheet(&ws, &sheets, "risk_shares", |s, rows| {
            for (r, row) in rows {
                s.write_string(*r, 0, &row[0]).unwrap();
                s.write_string(*r, 1, &row[1]).unwrap();
                if *r == 0 {
                    s.write_string(0, 2, "share").unwrap();
                } else {
                    let pct: f64 = row[2].trim_end_matches('%').parse().unwrap();
                    s.write_number_with_format(
                        *r,
                        2,
                        pct / 100.0,
                        &Format::new().set_num_format(fmt),
                    )
                    .unwrap();
                }
            }
        });
        let (code, _, err) = run(ws.path(), &["check"]);
        assert_eq!(code, 0, "{fmt}: {err}");
        assert!(tidy(ws.path()) == want, "{fmt}: the tidy export differs");
    }
    // The same numbers without a percent format are fractions: 0.4 is 40%
    // too, so the figures agree; as plain 40 they would be an error.
    with_sheet(&ws, &sheets, "risk_shares", |s, rows| {
        write_text(s, rows, None);
        for (r, row) in rows.iter().skip(1) {
            let pct: f64 = row[2].trim_end_matches('%').parse().unwrap();
            s.write_number(*r, 2, pct).unwrap();
        }
    });
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("budget.xlsx [risk_shares] C2, column C \"share\": the rate 40 is outside -1 to 1 as a fraction; did you mean \"40%\"?"), "{err}");
}

/// The contributions sheet with the amount of row 2 (A1 row 2) replaced.
fn amount_cell(ws: &tempfile::TempDir, sheets: &[(String, Rows)], f: impl Fn(&mut Worksheet)) {
    with_sheet(ws, sheets, "contributions", |s, rows| {
        write_text(s, rows, Some((1, 3)));
        f(s);
    });
}

#[test]
fn formula_cells_use_their_saved_result() {
    let want = base_tidy();
    let (ws, sheets) = base();
    let rows = &sheets.iter().find(|(n, _)| n == "contributions").unwrap().1;
    assert_eq!(rows[0].1[3], "amount");
    let amount = rows[1].1[3].clone();
    let value: f64 = amount.replace([',', '£'], "").parse().unwrap();
    amount_cell(&ws, &sheets, |s| {
        s.write_formula(
            1,
            3,
            Formula::new(format!("={}/2*2", value)).set_result(value.to_string()),
        )
        .unwrap();
    });
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(tidy(ws.path()) == want);

    // The same formula saved without a result (as some programs write it).
    strip_formula_result(&book_path(&ws), "contributions");
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(lines.len(), 1, "one error for the cell:\n{err}");
    assert!(lines[0].starts_with("error: budgets/mini/budget.xlsx [contributions] D2, column D \"amount\": the cell holds a formula with no saved result"), "{err}");
}

/// Rewrite sheet `name`'s XML so its formulas have no `<v>` result.
fn strip_formula_result(path: &Path, name: &str) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    // Find the sheet's part: the sheets are written in order sheet1, sheet2, …
    let mut wbxml = String::new();
    zin.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut wbxml)
        .unwrap();
    let names: Vec<&str> = wbxml
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    let idx = names.iter().position(|n| *n == name).unwrap() + 1;
    let part = format!("xl/worksheets/sheet{idx}.xml");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let fname = f.name().to_string();
        let mut data = vec![];
        f.read_to_end(&mut data).unwrap();
        if fname == part {
            let text = String::from_utf8(data).unwrap();
            let mut fixed = String::new();
            for piece in text.split("</f>") {
                fixed.push_str(piece);
                fixed.push_str("</f>");
            }
            fixed.truncate(fixed.len() - 4);
            // `</f><v>…</v>` → `</f>`
            let mut s = fixed;
            while let Some(i) = s.find("</f><v>") {
                let end = s[i..].find("</v>").unwrap() + i + 4;
                s.replace_range(i + 4..end, "");
            }
            data = s.into_bytes();
        }
        let opts: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default();
        out.start_file(fname, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn a_year_excel_made_a_date_is_one_error_with_the_text_hint() {
    let (ws, sheets) = base();
    with_sheet(&ws, &sheets, "contributions", |s, rows| {
        write_text(s, rows, Some((1, 2)));
        let date = ExcelDateTime::from_ymd(2009, 10, 1).unwrap();
        s.write_datetime_with_format(1, 2, &date, &Format::new().set_num_format("mmm-yy"))
            .unwrap();
    });
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(lines.len(), 1, "one error for the cell:\n{err}");
    let l = lines[0];
    assert!(l.starts_with("error: budgets/mini/budget.xlsx [contributions] C2, column C \"year\": Excel has turned this cell into a date (2009-10-01"), "{l}");
    assert!(
        l.contains(": was it the year \"2009-10\"?") && l.contains("Format the column as Text"),
        "{l}"
    );
    // A built-in date format (numFmtId 14) is a date as well.
    with_sheet(&ws, &sheets, "contributions", |s, rows| {
        write_text(s, rows, Some((1, 2)));
        s.write_number_with_format(1, 2, 40087.0, &Format::new().set_num_format_index(14))
            .unwrap();
    });
    let (_, _, err) = run(ws.path(), &["check"]);
    assert!(err.contains("[contributions] C2, column C \"year\": Excel has turned this cell into a date (2009-10-01"), "{err}");
}

#[test]
fn merged_hidden_renamed_and_extra_sheets() {
    let want = base_tidy();
    let (ws, sheets) = base();
    let mut wb = Workbook::new();
    for (name, rows) in &sheets {
        let s = wb.add_worksheet();
        // A sheet named in another case is the same table.
        s.set_name(if name == "services" {
            "Services".to_string()
        } else {
            name.clone()
        })
        .unwrap();
        if name == "providers" {
            s.set_hidden(true);
        }
        for (r, row) in rows {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                s.write_string(*r, c as u16, v).unwrap();
            }
        }
        if name == "contributions" {
            // A note merged across two rows: only its first cell holds it.
            let note = rows[0]
                .1
                .iter()
                .position(|h| h == "note")
                .expect("a note column") as u16;
            s.merge_range(1, note, 2, note, "agreed at board", &Format::new())
                .unwrap();
        }
    }
    wb.add_worksheet()
        .set_name("Read me")
        .unwrap()
        .write_string(0, 0, "notes")
        .unwrap();
    wb.add_worksheet().set_name("partnerz").unwrap();
    wb.add_worksheet()
        .set_name("workings")
        .unwrap()
        .write_number(0, 0, 1.0)
        .unwrap();
    wb.save(book_path(&ws)).unwrap();
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("budget.xlsx [contributions] ")
            && err.contains("are merged: poolplan reads the value of"),
        "{err}"
    );
    assert!(
        err.contains("budget.xlsx [partnerz]: this sheet is not read")
            && err.contains("did you mean \"partners\"?"),
        "{err}"
    );
    assert!(
        !err.contains("[Read me]") && !err.contains("[workings]"),
        "{err}"
    );
    assert!(tidy(ws.path()) == want);
}

#[test]
fn an_empty_sheet_is_like_an_empty_csv() {
    let (ws, sheets) = base();
    with_sheet(&ws, &sheets, "providers", |_, _| {});
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("error: budgets/mini/budget.xlsx [providers] row 1: the sheet is empty; it needs a header row with the columns id, name"), "{err}");
}

#[test]
fn a_table_as_csv_and_as_sheet_is_an_error() {
    let (ws, sheets) = base();
    write_book(&book_path(&ws), &sheets, Cells::Text);
    std::fs::write(
        ws.path().join("budgets/mini/partners.csv"),
        "id,name\ncouncil,Council\n",
    )
    .unwrap();
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("error: budgets/mini/budget.xlsx [partners]: the partners table is given twice, as partners.csv and as this sheet of budget.xlsx"), "{err}");
    // A table that is in neither says both.
    let rest: Vec<_> = sheets
        .iter()
        .filter(|(n, _)| n != "services")
        .cloned()
        .collect();
    std::fs::remove_file(ws.path().join("budgets/mini/partners.csv")).unwrap();
    write_book(&book_path(&ws), &rest, Cells::Text);
    let (_, _, err) = run(ws.path(), &["check"]);
    assert!(err.contains("error: budgets/mini/services.csv: the file is missing, and budget.xlsx has no sheet \"services\""), "{err}");
}

#[test]
fn a_file_that_is_not_a_workbook_is_one_error() {
    let (ws, sheets) = base();
    write_book(&book_path(&ws), &sheets, Cells::Text);
    std::fs::write(book_path(&ws), "id,name\n").unwrap();
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0]
            .starts_with("error: budgets/mini/budget.xlsx: this is not an Excel .xlsx workbook"),
        "{err}"
    );
}

#[test]
fn provenance_names_the_workbook() {
    let ws = copy(&repo().join("tests/fixtures/valid-base"));
    convert(ws.path(), Cells::Typed);
    let out = ws.path().join("cab.csv");
    let (code, _, err) = run(ws.path(), &["export", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(out).unwrap();
    assert!(text.contains("budgets/mini/budget.xlsx"), "{text}");
    assert!(!text.contains("services.csv"), "{text}");
}

#[test]
fn the_valid_fixtures_as_workbooks_give_the_same_tidy_export() {
    for name in ["valid-base", "valid-odd-encoding", "valid-header-only"] {
        let dir = repo().join("tests/fixtures").join(name);
        let want = tidy(&dir);
        for cells in [Cells::Text, Cells::Typed] {
            let ws = copy(&dir);
            convert(ws.path(), cells);
            let (code, _, err) = run(ws.path(), &["check"]);
            assert_eq!(code, 0, "{name} {cells:?}: {err}");
            // Only budget.toml can still be in Windows-1252.
            let sheets_warn = err
                .lines()
                .any(|l| l.starts_with("warning:") && !l.contains("budget.toml"));
            assert!(!sheets_warn, "{name} {cells:?}: {err}");
            assert!(
                tidy(ws.path()) == want,
                "{name} {cells:?}: the tidy export differs"
            );
        }
    }
}

#[test]
fn two_sheets_for_one_table_are_an_error() {
    let (ws, mut sheets) = base();
    let services = sheets
        .iter()
        .find(|(n, _)| n == "services")
        .unwrap()
        .1
        .clone();
    // Excel refuses two names that differ only in case, but not a space.
    sheets.push(("Services ".to_string(), services));
    write_book(&book_path(&ws), &sheets, Cells::Text);
    let (code, _, err) = run(ws.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: budgets/mini/budget.xlsx: 2 sheets could be the services.csv table: [services], [Services ]"),
        "{err}"
    );
}
