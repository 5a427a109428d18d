//! The starter `budget.xlsx`: a sheet per table with a bold, frozen
//! header, column widths, £ and % number formats, text-formatted year and
//! id columns (so Excel cannot turn `2025-26` into a date), drop-down
//! lists for every enumeration, the example rows, and a "Read me" sheet
//! explaining each column (poolplan never reads that sheet).

use super::{Column, Kind, TableSpec, TABLES};
use crate::model::value::{parse_money, parse_quantity, parse_rate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Rows a drop-down list covers below the header.
const LIST_ROWS: u32 = 5_000;
const MONEY: &str = "£#,##0.00;-£#,##0.00";
const PERCENT: &str = "0.0%";

/// The workbook's bytes (deterministic: a fixed creation time).
pub fn build(name: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2025, 4, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(name)
            .set_creation_datetime(&fixed),
    );
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border_bottom(FormatBorder::Thin);
    readme(wb.add_worksheet(), &header)?;
    for t in TABLES {
        table(wb.add_worksheet(), t, &header)?;
    }
    wb.save_to_buffer()
}

fn table(ws: &mut Worksheet, t: &TableSpec, header: &Format) -> Result<(), XlsxError> {
    ws.set_name(t.sheet())?;
    ws.set_freeze_panes(1, 0)?;
    let text = Format::new().set_num_format("@");
    for (c, col) in t.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, col.name, header)?;
        let widest = t
            .example
            .iter()
            .map(|r| r[c as usize].chars().count())
            .max()
            .unwrap_or(0);
        let width = widest.max(col.name.len()).clamp(10, 40) + 2;
        ws.set_column_width(c, width as f64)?;
        match col.kind {
            Kind::Money => ws.set_column_format(c, &Format::new().set_num_format(MONEY))?,
            Kind::Rate => ws.set_column_format(c, &Format::new().set_num_format(PERCENT))?,
            Kind::Quantity => ws,
            _ => ws.set_column_format(c, &text)?,
        };
        if let Kind::Choice(list, strict) = col.kind {
            ws.add_data_validation(1, c, LIST_ROWS, c, &choice(col, &list(), strict)?)?;
        }
        for (r, row) in t.example.iter().enumerate() {
            cell(ws, r as u32 + 1, c, col, row[c as usize], &text)?;
        }
    }
    Ok(())
}

fn choice(col: &Column, options: &[&str], strict: bool) -> Result<DataValidation, XlsxError> {
    let v = DataValidation::new()
        .allow_list_strings(options)?
        .set_error_title(format!("Not a {}", col.name))?
        .set_error_message(format!("Use one of: {}", options.join(", ")))?;
    Ok(if strict {
        v
    } else {
        // `uplift` also takes a rate such as 3%: a gentle reminder only.
        v.set_error_style(DataValidationErrorStyle::Information)
            .set_error_message(format!(
                "Use one of: {}, or a rate such as 3%",
                options.join(", ")
            ))?
    })
}

/// One example cell: money and rates as numbers in their formats, the rest
/// as text. Every number is parsed as a `Decimal` by the model's own
/// grammar and becomes a binary number only as it is written
/// ([`excel_number`]), so what the workbook holds reads back as exactly the
/// example's value.
pub(crate) fn cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    col: &Column,
    v: &str,
    text: &Format,
) -> Result<(), XlsxError> {
    if v.is_empty() {
        return Ok(());
    }
    let percent = Format::new().set_num_format("0%");
    let number = if v.ends_with('%') {
        parse_rate(v).ok().map(|d| (d, Some(percent)))
    } else {
        match col.kind {
            Kind::Money => parse_money(v)
                .ok()
                .map(|d| (d, Some(Format::new().set_num_format(MONEY)))),
            Kind::Quantity | Kind::Rate => parse_quantity(v).ok().map(|d| (d, None)),
            _ => None,
        }
    };
    match number.and_then(|(d, f)| Some((excel_number(d)?, f))) {
        Some((x, Some(f))) => ws.write_number_with_format(r, c, x, &f)?,
        Some((x, None)) => ws.write_number(r, c, x)?,
        None => ws.write_string_with_format(r, c, v, text)?,
    };
    Ok(())
}

/// The binary number Excel stores for an exact decimal: the nearest `f64`
/// to it (Rust's float parsing is correctly rounded), so the workbook
/// reader's shortest round-tripping decimal gives `d` back. Computing a
/// percentage as `7.35 / 100.0` in binary instead can miss that nearest
/// number. `None` past f64's range (never for a real budget).
pub(crate) fn excel_number(d: Decimal) -> Option<f64> {
    d.normalize()
        .to_string()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

fn readme(ws: &mut Worksheet, header: &Format) -> Result<(), XlsxError> {
    ws.set_name("Read me")?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_width(2, 10)?;
    ws.set_column_width(3, 90)?;
    let intro = [
        "poolplan reads each sheet named after a table (partners, pools, …); this sheet and any other sheet are ignored.",
        "Row 1 of a sheet is its header: columns are matched by name in any order; add your own note columns freely.",
        "Years are text such as 2025-26: keep those columns formatted as Text, or Excel turns them into dates (an error).",
        "Money may be typed as numbers (shown in £) or text such as £1.2m or 450k; percentages as % cells or text such as 2.5%.",
        "Formulas are fine: poolplan reads the value Excel saved. Run poolplan check after every change.",
    ];
    ws.write_string_with_format(0, 0, "poolplan budget workbook", &bold)?;
    for (i, line) in intro.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, *line)?;
    }
    let mut r = intro.len() as u32 + 2;
    for (c, h) in ["sheet", "column", "required", "what to write"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, header)?;
    }
    ws.set_freeze_panes(r + 1, 0)?;
    for t in TABLES {
        r += 1;
        ws.write_string_with_format(r, 0, t.sheet(), &bold)?;
        ws.write_string_with_format(r, 3, t.about, &wrap)?;
        for col in t.columns {
            r += 1;
            ws.write_string(r, 1, col.name)?;
            ws.write_string(r, 2, if col.required { "yes" } else { "" })?;
            let help = match col.kind {
                Kind::Choice(list, _) => format!("{} — one of: {}", col.help, list().join(", ")),
                _ => col.help.to_string(),
            };
            ws.write_string_with_format(r, 3, &help, &wrap)?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "workbook_tests.rs"]
mod tests;
