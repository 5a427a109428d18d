//! Small helpers over quick-xml for the parts of a workbook: attributes by
//! local name (producers differ in namespace prefixes), text with entity
//! references resolved, and Excel's `_xHHHH_` escapes decoded.

use quick_xml::escape::{resolve_xml_entity, unescape};
use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::Reader;

/// A reader over one part's bytes, whitespace kept (it is data in `<t>`).
pub fn reader(bytes: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(bytes);
    r.config_mut().trim_text(false);
    r
}

/// The value of the attribute whose local name is `name`, unescaped.
pub fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            match unescape(&raw) {
                Ok(v) => v.into_owned(),
                Err(_) => raw,
            }
        })
}

/// Append an entity or character reference (`&amp;`, `&#163;`) to `out`.
pub fn push_ref(r: &BytesRef<'_>, out: &mut String) {
    let Ok(name) = r.decode() else { return };
    if let Some(s) = resolve_xml_entity(&name) {
        out.push_str(s);
    } else if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
    }
}

/// Decode Excel's escapes of characters XML cannot hold: `_x000D_` is a
/// carriage return, `_x005F_` an underscore.
pub fn unescape_excel(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let hex = tail
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let closed = tail.as_bytes().get(6) == Some(&b'_');
        match (hex, closed) {
            (Some(h), true) => {
                let c = u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
                out.push(c.unwrap_or('\u{FFFD}'));
                rest = &tail[7..];
            }
            _ => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A part path relative to the folder of `base` (`xl/workbook.xml`):
/// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; an absolute
/// target (`/xl/...`) is taken from the root; `..` steps up.
pub fn join(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return normalise(abs.split('/').collect());
    } else {
        base.split('/').collect()
    };
    parts.pop();
    parts.extend(target.split('/'));
    normalise(parts)
}

fn normalise(parts: Vec<&str>) -> String {
    let mut out: Vec<&str> = vec![];
    for p in parts {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            _ => out.push(p),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape_excel("a_x000D_b"), "a\rb");
        assert_eq!(unescape_excel("x_x005F_y"), "x_y");
        assert_eq!(unescape_excel("no_xescape"), "no_xescape");
        assert_eq!(unescape_excel("_x00"), "_x00");
    }

    #[test]
    fn paths() {
        assert_eq!(
            join("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            join("xl/workbook.xml", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            join("xl/workbook.xml", "../docProps/a.xml"),
            "docProps/a.xml"
        );
        assert_eq!(join("", "xl/workbook.xml"), "xl/workbook.xml");
    }
}
