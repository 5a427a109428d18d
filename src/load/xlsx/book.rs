//! Opening a workbook: the zip archive, the list of sheets (names, hidden
//! or not, and where each sheet's XML lies), the shared strings and the
//! styles. Reading one sheet's cells is `sheet.rs`.

use super::styles::Styles;
use super::xml::{attr, join, push_ref, reader, unescape_excel};
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// The most bytes one part of a workbook may expand to (a guard against
/// zip bombs; a real sheet of 100,000 services is well under this).
const MAX_PART_BYTES: u64 = 1 << 30;

/// One sheet as the workbook lists it.
#[derive(Debug, Clone)]
pub struct SheetInfo {
    pub name: String,
    /// The part holding its cells (`None`: the workbook names no part).
    pub path: Option<String>,
    pub hidden: bool,
}

/// An open workbook.
pub struct Book {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
    pub sheets: Vec<SheetInfo>,
    pub strings: Vec<String>,
    pub styles: Styles,
    /// Dates count from 1904 (old Mac workbooks), not 1900.
    pub date1904: bool,
}

impl std::fmt::Debug for Book {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Book")
            .field("sheets", &self.sheets)
            .finish()
    }
}

const SAVE_AS: &str = "save it from Excel with File › Save As › \"Excel Workbook (*.xlsx)\"";

impl Book {
    /// Open a workbook from its bytes.
    pub fn open(bytes: Vec<u8>) -> Result<Book, String> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(format!("this is an Excel 97–2003 workbook (.xls) or a password-protected one, which poolplan cannot read; remove any password and {SAVE_AS}"));
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("this is not an Excel .xlsx workbook ({e}); {SAVE_AS}"))?;
        let mut book = Book {
            archive,
            sheets: vec![],
            strings: vec![],
            styles: Styles::default(),
            date1904: false,
        };
        let root = book.part("_rels/.rels")?;
        let wb_path = rels(&root, "")?
            .into_iter()
            .find(|r| r.kind.ends_with("/officeDocument"))
            .map(|r| r.target)
            .unwrap_or_else(|| "xl/workbook.xml".into());
        let wb = book
            .part(&wb_path)?
            .ok_or_else(|| format!("the workbook has no {wb_path}; {SAVE_AS}"))?;
        let rel_path = join(&wb_path, &format!("_rels/{}.rels", file_name(&wb_path)));
        let links = rels(&book.part(&rel_path)?, &wb_path)?;
        let (sheets, date1904) = parse_workbook(&wb, &links)?;
        book.sheets = sheets;
        book.date1904 = date1904;
        let target = |kind: &str, default: &str| {
            links
                .iter()
                .find(|r| r.kind.ends_with(kind))
                .map_or_else(|| default.to_string(), |r| r.target.clone())
        };
        if let Some(b) = book.part(&target("/sharedStrings", "xl/sharedStrings.xml"))? {
            book.strings = shared_strings(&b)?;
        }
        if let Some(b) = book.part(&target("/styles", "xl/styles.xml"))? {
            book.styles = Styles::parse(&b)?;
        }
        Ok(book)
    }

    /// The bytes of one part, `None` when the archive has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let found = self
            .archive
            .file_names()
            .find(|n| *n == name)
            .or_else(|| {
                self.archive
                    .file_names()
                    .find(|n| n.eq_ignore_ascii_case(name))
            })
            .map(str::to_string);
        let Some(found) = found else { return Ok(None) };
        let file = self
            .archive
            .by_name(&found)
            .map_err(|e| format!("cannot read {name} in the workbook ({e})"))?;
        let mut out = vec![];
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| {
                format!("cannot read {name} in the workbook ({e}); is the file damaged?")
            })?;
        if out.len() as u64 > MAX_PART_BYTES {
            return Err(format!(
                "{name} in the workbook expands to more than {} MB; poolplan reads sheets up to that size",
                MAX_PART_BYTES >> 20
            ));
        }
        Ok(Some(out))
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

struct Rel {
    id: String,
    kind: String,
    target: String,
}

/// The relationships of a `.rels` part, targets resolved against `base`.
fn rels(bytes: &Option<Vec<u8>>, base: &str) -> Result<Vec<Rel>, String> {
    let Some(bytes) = bytes else {
        return Ok(vec![]);
    };
    let mut r = reader(bytes);
    let mut buf = vec![];
    let mut out = vec![];
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                if let (false, Some(id), Some(target)) =
                    (external, attr(&e, b"Id"), attr(&e, b"Target"))
                {
                    out.push(Rel {
                        id,
                        kind: attr(&e, b"Type").unwrap_or_default(),
                        target: join(base, &target),
                    });
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!(
                    "the workbook's relationships are not valid XML ({e}); {SAVE_AS}"
                ))
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn parse_workbook(bytes: &[u8], links: &[Rel]) -> Result<(Vec<SheetInfo>, bool), String> {
    let mut r = reader(bytes);
    let mut buf = vec![];
    let mut sheets = vec![];
    let mut date1904 = false;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"sheet" => {
                    let rid = attr(&e, b"id");
                    let path = rid.and_then(|id| {
                        links
                            .iter()
                            .find(|l| l.id == id && !l.kind.ends_with("/chartsheet"))
                            .map(|l| l.target.clone())
                    });
                    sheets.push(SheetInfo {
                        name: attr(&e, b"name").unwrap_or_default(),
                        path,
                        hidden: attr(&e, b"state").is_some_and(|s| s != "visible"),
                    });
                }
                b"workbookPr" => {
                    date1904 = attr(&e, b"date1904").is_some_and(|v| v == "1" || v == "true");
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!(
                    "the workbook's list of sheets is not valid XML ({e}); {SAVE_AS}"
                ))
            }
            _ => {}
        }
        buf.clear();
    }
    Ok((sheets, date1904))
}

/// The shared string table: each `<si>`'s text, rich-text runs joined,
/// phonetic guides (`<rPh>`) left out.
fn shared_strings(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut r = reader(bytes);
    let mut buf = vec![];
    let mut out = vec![];
    let mut cur = String::new();
    let (mut in_t, mut phonetic) = (false, false);
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => cur.clear(),
                b"rPh" => phonetic = true,
                b"t" => in_t = !phonetic,
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => out.push(unescape_excel(&cur)),
                b"rPh" => phonetic = false,
                b"t" => in_t = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_t => {
                cur.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Ok(Event::CData(t)) if in_t => cur.push_str(&String::from_utf8_lossy(&t)),
            Ok(Event::GeneralRef(g)) if in_t => push_ref(&g, &mut cur),
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!(
                    "the workbook's shared strings are not valid XML ({e}); {SAVE_AS}"
                ))
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}
