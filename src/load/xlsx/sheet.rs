//! One sheet's cells as the XML stores them: position, style index and
//! the stored value (a number's text, a string, a boolean, an error, or a
//! formula whose result was never saved), plus its merged ranges. What a
//! value means for poolplan is decided in `cell.rs`.

use super::xml::{attr, push_ref, reader, unescape_excel};
use quick_xml::events::{BytesStart, Event};

/// A stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// A number, as the text of its `<v>` (e.g. `1234.56`, `1E-7`).
    Number(String),
    Text(String),
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// An ISO 8601 date cell (`t="d"`).
    Date(String),
    /// A formula with no saved result.
    NoCache,
    /// A shared-string index that the table does not hold.
    BadString(String),
}

/// One cell: 1-based row, 0-based column.
#[derive(Debug, Clone)]
pub struct RawCell {
    pub row: usize,
    pub col: usize,
    pub style: Option<usize>,
    pub raw: Raw,
}

/// A sheet's cells (in document order) and merged ranges (`B3:B5`).
#[derive(Debug, Default)]
pub struct Sheet {
    pub cells: Vec<RawCell>,
    pub merges: Vec<String>,
}

/// Excel's limits: 1,048,576 rows, 16,384 columns.
const MAX_ROW: usize = 1 << 20;
const MAX_COL: usize = 1 << 14;

/// Split `G14` into (row 14, column 6).
pub fn parse_ref(r: &str) -> Option<(usize, usize)> {
    let r = r.trim().replace('$', "");
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut col = 0usize;
    for b in letters.bytes() {
        col = col * 26 + (b.to_ascii_uppercase() - b'A' + 1) as usize;
        if col > MAX_COL {
            return None;
        }
    }
    let row: usize = digits.parse().ok()?;
    (1..=MAX_ROW).contains(&row).then_some((row, col - 1))
}

#[derive(Default)]
struct Open {
    row: usize,
    col: usize,
    style: Option<usize>,
    kind: String,
    value: Option<String>,
    inline: Option<String>,
    formula: bool,
}

/// Parse a worksheet part. `strings` is the shared string table.
pub fn parse(bytes: &[u8], strings: &[String]) -> Result<Sheet, String> {
    let mut r = reader(bytes);
    let mut buf = vec![];
    let mut sheet = Sheet::default();
    let (mut row, mut col): (usize, Option<usize>) = (0, None);
    let mut cell: Option<Open> = None;
    // Where text goes: the `<v>` value, or an inline string's `<t>`.
    let (mut in_v, mut in_t, mut phonetic) = (false, false, false);
    loop {
        let ev = r.read_event_into(&mut buf).map_err(|e| {
            format!("the sheet's XML is damaged ({e}); open it in Excel and save it again")
        })?;
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                row = attr(&e, b"r")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(row + 1);
                col = None;
            }
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                cell = Some(open_cell(&e, &mut row, &mut col));
            }
            Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                open_cell(&e, &mut row, &mut col);
            }
            Event::Start(e) => match e.local_name().as_ref() {
                b"v" => in_v = true,
                b"f" => set_formula(&mut cell),
                b"is" => {
                    if let Some(c) = cell.as_mut() {
                        c.inline = Some(String::new());
                    }
                }
                b"t" => in_t = !phonetic,
                b"rPh" => phonetic = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"f" => set_formula(&mut cell),
                b"v" => {
                    if let Some(c) = cell.as_mut() {
                        c.value.get_or_insert_with(String::new);
                    }
                }
                b"mergeCell" => sheet.merges.extend(attr(&e, b"ref")),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"v" => in_v = false,
                b"t" => in_t = false,
                b"rPh" => phonetic = false,
                b"c" => {
                    if let Some(c) = cell.take() {
                        if let Some(raw) = finish(c.kind.as_str(), &c, strings) {
                            sheet.cells.push(RawCell {
                                row: c.row,
                                col: c.col,
                                style: c.style,
                                raw,
                            });
                        }
                    }
                    (in_v, in_t) = (false, false);
                }
                _ => {}
            },
            Event::Text(t) if in_v || in_t => {
                let text = t.xml10_content().map_err(|e| e.to_string())?;
                push_text(&mut cell, in_v, &text);
            }
            Event::CData(t) if in_v || in_t => {
                push_text(&mut cell, in_v, &String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(g) if in_v || in_t => {
                let mut s = String::new();
                push_ref(&g, &mut s);
                push_text(&mut cell, in_v, &s);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(sheet)
}

fn open_cell(e: &BytesStart<'_>, row: &mut usize, col: &mut Option<usize>) -> Open {
    let (r, c) = match attr(e, b"r").as_deref().and_then(parse_ref) {
        Some((r, c)) => (r, c),
        None => ((*row).max(1), col.map_or(0, |c| c + 1)),
    };
    *row = r;
    *col = Some(c);
    Open {
        row: r,
        col: c,
        style: attr(e, b"s").and_then(|s| s.trim().parse().ok()),
        kind: attr(e, b"t").unwrap_or_default(),
        ..Default::default()
    }
}

fn set_formula(cell: &mut Option<Open>) {
    if let Some(c) = cell.as_mut() {
        c.formula = true;
    }
}

fn push_text(cell: &mut Option<Open>, in_v: bool, text: &str) {
    if let Some(c) = cell.as_mut() {
        let slot = if in_v { &mut c.value } else { &mut c.inline };
        slot.get_or_insert_with(String::new).push_str(text);
    }
}

/// The stored value, `None` for an empty cell.
fn finish(kind: &str, c: &Open, strings: &[String]) -> Option<Raw> {
    let v = c.value.as_deref();
    let empty_v = v.is_none_or(|v| v.trim().is_empty());
    Some(match kind {
        "s" => {
            let v = v?.trim();
            match v.parse::<usize>().ok().and_then(|i| strings.get(i)) {
                Some(s) => Raw::Text(s.clone()),
                None => Raw::BadString(v.to_string()),
            }
        }
        "inlineStr" => Raw::Text(unescape_excel(c.inline.as_deref().or(v).unwrap_or(""))),
        "str" if c.formula && v.is_none() => Raw::NoCache,
        "str" => Raw::Text(unescape_excel(v.unwrap_or(""))),
        "b" if empty_v && c.formula => Raw::NoCache,
        "b" => Raw::Bool(matches!(v?.trim(), "1" | "true")),
        "e" => Raw::Error(v.unwrap_or("#VALUE!").trim().to_string()),
        "d" if empty_v && c.formula => Raw::NoCache,
        "d" => Raw::Date(v?.trim().to_string()),
        _ if empty_v && c.formula => Raw::NoCache,
        _ if empty_v => return None,
        _ => Raw::Number(v?.trim().to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs() {
        assert_eq!(parse_ref("A1"), Some((1, 0)));
        assert_eq!(parse_ref("G14"), Some((14, 6)));
        assert_eq!(parse_ref("AA3"), Some((3, 26)));
        assert_eq!(parse_ref("$B$2"), Some((2, 1)));
        assert_eq!(parse_ref("XFD1048576"), Some((1_048_576, 16_383)));
        assert_eq!(parse_ref("XFE1"), None);
        assert_eq!(parse_ref("A0"), None);
        assert_eq!(parse_ref("12"), None);
    }

    #[test]
    fn cells_of_every_kind() {
        let xml = br#"<worksheet xmlns="x"><sheetData>
          <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> &amp; b</t></r></is></c></row>
          <row r="3"><c r="A3" s="1"><v>1234.56</v></c><c t="b"><v>1</v></c><c r="D3"><f>1/0</f><v></v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3" s="2"/></row>
          <row><c r="A4" t="str"><f>"x"</f><v>x</v></c><c r="C4" t="s"><v>9</v></c></row>
        </sheetData><mergeCells><mergeCell ref="B3:B5"/></mergeCells></worksheet>"#;
        let s = parse(xml, &["id".to_string()]).unwrap();
        let got: Vec<(usize, usize, Raw)> = s
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.raw.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, 0, Raw::Text("id".into())),
                (1, 1, Raw::Text("a & b".into())),
                (3, 0, Raw::Number("1234.56".into())),
                (3, 1, Raw::Bool(true)),
                (3, 3, Raw::NoCache),
                (3, 4, Raw::Error("#DIV/0!".into())),
                (4, 0, Raw::Text("x".into())),
                (4, 2, Raw::BadString("9".into())),
            ]
        );
        assert_eq!(s.cells[2].style, Some(1));
        assert_eq!(s.merges, vec!["B3:B5".to_string()]);
    }
}
