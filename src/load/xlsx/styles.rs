//! Number formats from `xl/styles.xml`: which cell styles show a number as
//! a percentage and which as a date. calamine drops these, and a `7.5%`
//! cell holds the number 0.075, so without them a percentage would be read
//! 100 times too small with nothing to signal it.
//!
//! A cell's `s` attribute indexes `<cellXfs>`; each `<xf>` names a
//! `numFmtId`, either built in (9 and 10 are percentages; 14–22, 27–36,
//! 45–47 and 50–58 dates and times) or defined in `<numFmts>` by a format
//! code, which is classified by [`classify`].

use super::xml::{attr, reader};
use quick_xml::events::Event;
use std::collections::HashMap;

/// How a number format shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Plain,
    Percent,
    Date,
}

/// Every cell style's number format.
#[derive(Debug, Default)]
pub struct Styles {
    /// Per `<cellXfs>` entry: the built-in id, or the custom format code.
    formats: Vec<Format>,
}

#[derive(Debug, Clone)]
enum Format {
    Builtin(u32),
    Code(String),
}

impl Styles {
    /// Parse `xl/styles.xml` (a missing part gives no styles: all plain).
    pub fn parse(bytes: &[u8]) -> Result<Styles, String> {
        let mut r = reader(bytes);
        let mut buf = vec![];
        let mut codes: HashMap<u32, String> = HashMap::new();
        let mut ids: Vec<u32> = vec![];
        let mut in_xfs = false;
        loop {
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                    b"numFmt" => {
                        let id = attr(&e, b"numFmtId").and_then(|v| v.trim().parse().ok());
                        if let (Some(id), Some(code)) = (id, attr(&e, b"formatCode")) {
                            codes.insert(id, code);
                        }
                    }
                    b"cellXfs" => in_xfs = true,
                    b"xf" if in_xfs => {
                        let id = attr(&e, b"numFmtId").and_then(|v| v.trim().parse().ok());
                        ids.push(id.unwrap_or(0));
                    }
                    _ => {}
                },
                Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
                Ok(Event::Eof) => break,
                Err(e) => return Err(format!("xl/styles.xml is not valid XML ({e})")),
                _ => {}
            }
            buf.clear();
        }
        let formats = ids
            .into_iter()
            .map(|id| match codes.get(&id) {
                Some(code) => Format::Code(code.clone()),
                None => Format::Builtin(id),
            })
            .collect();
        Ok(Styles { formats })
    }

    /// How style `s` shows the number `value`.
    pub fn shown(&self, s: Option<usize>, value: f64) -> Shown {
        match s.and_then(|i| self.formats.get(i)) {
            None => Shown::Plain,
            Some(Format::Builtin(id)) => builtin(*id),
            Some(Format::Code(code)) => classify(code, value),
        }
    }

    /// The format code of style `s`, for messages.
    pub fn code(&self, s: Option<usize>) -> String {
        match s.and_then(|i| self.formats.get(i)) {
            Some(Format::Code(c)) => c.clone(),
            Some(Format::Builtin(id)) => format!("built-in format {id}"),
            None => "General".into(),
        }
    }
}

fn builtin(id: u32) -> Shown {
    match id {
        9 | 10 => Shown::Percent,
        14..=22 | 27..=36 | 45..=47 | 50..=58 => Shown::Date,
        _ => Shown::Plain,
    }
}

/// Classify a format code for `value`. The code's sections are split on
/// `;` (positive; negative; zero; text) and the section Excel uses for the
/// value is read. Quoted text, `[...]` (colours, conditions, locales),
/// `\x` escapes and the `_x` / `*x` spacing and fill characters are
/// literal, not format; outside them a `%` makes a percentage, and any of
/// `d m y h s` (or `[h]` elapsed time) a date or time.
pub fn classify(code: &str, value: f64) -> Shown {
    let sections = split_sections(code);
    let i = match sections.len() {
        0 | 1 => 0,
        2 => usize::from(value < 0.0),
        _ if value < 0.0 => 1,
        _ if value == 0.0 => 2,
        _ => 0,
    };
    let section = sections.get(i).map(String::as_str).unwrap_or("");
    let mut date = false;
    let mut pct = false;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                let mut inner = String::new();
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                    inner.push(q);
                }
                let l = inner.to_ascii_lowercase();
                if !l.is_empty() && l.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    date = true;
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '%' => pct = true,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => date = true,
            _ => {}
        }
    }
    if pct {
        Shown::Percent
    } else if date {
        Shown::Date
    } else {
        Shown::Plain
    }
}

/// Split on `;` outside quotes and escapes.
fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if c == '"' {
            quoted = !quoted;
        } else if !quoted && (c == '\\' || c == '_' || c == '*') {
            escaped = true;
        } else if !quoted && c == ';' {
            out.push(String::new());
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        for code in ["0%", "0.0%", "0.00%;[Red]-0.00%", "#,##0.0%", "[Blue]0%"] {
            assert_eq!(classify(code, 0.5), Shown::Percent, "{code}");
        }
        assert_eq!(classify("0.00%;[Red]-0.00%", -0.5), Shown::Percent);
        // A literal % sign is not a percentage format.
        for code in ["0\"%\"", "0\\%", "General", "£#,##0.00", "#,##0;(#,##0)"] {
            assert_eq!(classify(code, 0.5), Shown::Plain, "{code}");
        }
    }

    #[test]
    fn dates() {
        for code in [
            "dd/mm/yyyy",
            "mmm-yy",
            "yyyy-mm-dd",
            "[h]:mm",
            "d-mmm",
            "[$-809]dd mmmm yyyy",
        ] {
            assert_eq!(classify(code, 40000.0), Shown::Date, "{code}");
        }
        for code in [
            "0.00",
            "[Red]0",
            "#,##0 \"days\"",
            "General",
            "0_);(0)",
            "0.00E+00",
        ] {
            assert_eq!(classify(code, 40000.0), Shown::Plain, "{code}");
        }
    }

    #[test]
    fn sections_by_sign() {
        assert_eq!(classify("0;0%", 1.0), Shown::Plain);
        assert_eq!(classify("0;0%", -1.0), Shown::Percent);
        assert_eq!(classify("0;0;0%", 0.0), Shown::Percent);
    }

    #[test]
    fn builtins_and_cellxfs() {
        let xml = br#"<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
            <cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>"#;
        let s = Styles::parse(xml).unwrap();
        assert_eq!(s.shown(Some(0), 1.0), Shown::Plain);
        assert_eq!(s.shown(Some(1), 1.0), Shown::Percent);
        assert_eq!(s.shown(Some(2), 1.0), Shown::Percent);
        assert_eq!(s.shown(Some(3), 1.0), Shown::Date);
        assert_eq!(s.shown(Some(4), 1.0), Shown::Plain);
        assert_eq!(s.shown(Some(9), 1.0), Shown::Plain);
        assert_eq!(s.shown(None, 1.0), Shown::Plain);
    }
}
