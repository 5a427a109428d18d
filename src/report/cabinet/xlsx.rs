//! XLSX bytes for the Cabinet tables (rust_xlsxwriter): one sheet per table
//! plus a Provenance sheet. Each sheet: the title (bold) in row 1, the bold
//! header in row 2, both frozen; numbers as numbers with `#,##0;(#,##0)`
//! style formats (negatives in brackets, the unit's places); totals and
//! subtotals bold; notes in italics under the table; column widths that fit.
//! Text goes through `safe`. The document's creation time is a constant, so
//! the same tables give the same workbook.

use super::safe::safe_text;
use super::xlsx_charts;
use super::{CabTable, CabinetError, RowKind, Value};
use crate::report::chart::ChartTable;
use crate::report::format::grouped;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, DocProperties, ExcelDateTime, Format,
    Workbook, Worksheet, XlsxError,
};

/// Widest a column is made, in characters.
const MAX_WIDTH: usize = 60;
/// First row of data (after the title and header rows).
pub const FIRST_ROW: u32 = 2;

fn err(e: XlsxError) -> CabinetError {
    CabinetError::Xlsx(e.to_string())
}

/// `#,##0;(#,##0)` with `dp` places.
fn num_format(dp: u32, bold: bool) -> Format {
    let frac = if dp == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(dp as usize))
    };
    let f = Format::new().set_num_format(format!("#,##0{frac};(#,##0{frac})"));
    if bold {
        f.set_bold()
    } else {
        f
    }
}

/// Is `c` allowed in XML 1.0 text (tab, LF, CR, U+0020–U+D7FF,
/// U+E000–U+FFFD, U+10000 and above)?
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// A cell's text: formula-safe (`safe`), and with any character XML cannot
/// hold (control characters, U+FFFE, U+FFFF) shown as `<U+FFFE>`, so the
/// workbook is always well-formed whatever reaches it.
fn text(s: &str) -> std::borrow::Cow<'_, str> {
    let safe = safe_text(s);
    if safe.chars().all(xml_char) {
        return safe;
    }
    let mut out = String::with_capacity(safe.len() + 8);
    for c in safe.chars() {
        if xml_char(c) {
            out.push(c);
        } else {
            out.push_str(&format!("<{}>", crate::model::text::code_point(c)));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The characters a cell shows (for column widths).
fn shown_width(v: &Value) -> usize {
    match v {
        Value::Text(s) => text(s).chars().count(),
        Value::Num(x, dp) => grouped(*x, *dp).chars().count() + 2,
        Value::NA => 3,
        Value::Empty => 0,
    }
}

/// Write one cell. The only f64 in poolplan: rust_xlsxwriter stores numbers
/// as f64, so the already-rounded Decimal is converted here, at the last step.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    bold: bool,
) -> Result<(), CabinetError> {
    let text_format = if bold {
        Format::new().set_bold()
    } else {
        Format::new()
    };
    match v {
        Value::Text(s) => ws
            .write_string_with_format(row, col, text(s), &text_format)
            .map_err(err)?,
        Value::Num(x, dp) => {
            let f = to_f64(*x)?;
            ws.write_number_with_format(row, col, f, &num_format(*dp, bold))
                .map_err(err)?
        }
        Value::NA => ws
            .write_string_with_format(row, col, "n/a", &text_format)
            .map_err(err)?,
        Value::Empty => ws,
    };
    Ok(())
}

fn to_f64(x: Decimal) -> Result<f64, CabinetError> {
    x.to_f64()
        .ok_or_else(|| CabinetError::Xlsx(format!("{x} cannot be stored as a spreadsheet number")))
}

fn sheet(wb: &mut Workbook, t: &CabTable) -> Result<(), CabinetError> {
    let ws = wb.add_worksheet();
    ws.set_name(t.sheet).map_err(err)?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, text(&t.title), &bold)
        .map_err(err)?;
    let mut widths: Vec<usize> = t.columns.iter().map(|c| text(c).chars().count()).collect();
    for (c, name) in t.columns.iter().enumerate() {
        ws.write_string_with_format(1, col(c)?, text(name), &bold)
            .map_err(err)?;
    }
    let mut r = FIRST_ROW;
    for row in &t.rows {
        let strong = row.kind != RowKind::Body;
        for (c, v) in row.cells.iter().enumerate() {
            write_cell(ws, r, col(c)?, v, strong)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown_width(v));
            }
        }
        r += 1;
    }
    let italic = Format::new().set_italic();
    r += 1;
    for n in &t.notes {
        ws.write_string_with_format(r, 0, text(n), &italic)
            .map_err(err)?;
        r += 1;
    }
    for (c, w) in widths.iter().enumerate() {
        let chars = u16::try_from(w.min(&MAX_WIDTH) + 2).unwrap_or(u16::MAX);
        ws.set_column_width(col(c)?, chars).map_err(err)?;
    }
    if let Some(c) = t
        .columns
        .iter()
        .position(|c| c == super::monitoring::RAG_COLUMN)
    {
        rag_colours(ws, col(c)?, r)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 0).map_err(err)?;
    Ok(())
}

/// Conditional formats on a RAG column (rows FIRST_ROW..last): red, amber
/// and green fills, in Excel's own light shades with dark text.
fn rag_colours(ws: &mut Worksheet, c: u16, last: u32) -> Result<(), CabinetError> {
    for (word, fill, font) in [
        ("Red", "FFC7CE", "9C0006"),
        ("Amber", "FFEB9C", "9C5700"),
        ("Green", "C6EFCE", "006100"),
    ] {
        let cf = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(word.to_string()))
            .set_format(
                Format::new()
                    .set_background_color(fill)
                    .set_font_color(font),
            );
        ws.add_conditional_format(FIRST_ROW, c, last.max(FIRST_ROW), c, &cf)
            .map_err(err)?;
    }
    Ok(())
}

fn col(c: usize) -> Result<u16, CabinetError> {
    u16::try_from(c).map_err(|_| CabinetError::Xlsx("too many columns".into()))
}

/// The workbook: one sheet per table, then the provenance sheet, then the
/// charts (if any) and the data sheets they read.
pub fn workbook_bytes(
    tables: &[CabTable],
    provenance: &CabTable,
    charts: &[ChartTable],
) -> Result<Vec<u8>, CabinetError> {
    let mut wb = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    for t in tables.iter().chain([provenance]) {
        sheet(&mut wb, t)?;
    }
    xlsx_charts::add_sheet(&mut wb, charts)?;
    // A chart whose figures stand in a table reads them there.
    for c in charts.iter().filter(|c| c.in_place.is_none()) {
        sheet(&mut wb, &c.table)?;
    }
    xlsx_charts::insert(&mut wb, charts)?;
    wb.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

    #[test]
    fn xml_invalid_characters_never_reach_the_workbook() {
        let bad = "Evil\u{FFFE}\u{FFFF}\u{1b}]52\u{7}";
        let t = CabTable {
            slug: "t",
            sheet: "T",
            title: bad.into(),
            columns: vec![bad.into()],
            rows: vec![super::super::Row {
                kind: RowKind::Body,
                cells: vec![Value::Text(bad.into())],
            }],
            notes: vec![bad.into()],
        };
        let provenance = CabTable {
            sheet: "P",
            ..t.clone()
        };
        let bytes = workbook_bytes(std::slice::from_ref(&t), &provenance, &[]).unwrap();
        // Before the fix calamine could not parse sharedStrings.xml.
        let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let r = wb.worksheet_range("T").unwrap();
        assert_eq!(
            r.get_value((2, 0)),
            Some(&Data::String(
                "Evil<U+FFFE><U+FFFF><U+001B>]52<U+0007>".into()
            ))
        );
    }
}
