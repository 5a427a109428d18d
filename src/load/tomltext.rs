//! The text rule of SPEC §9 "Settled later" for TOML files: after TOML's
//! escapes are decoded (`"\u001b"` is an ESC), no key and no string value may
//! hold a control character, a line break, a bidirectional control or
//! U+FFFE/U+FFFF. Raw bytes are checked earlier (`text::binary_line`); this
//! walk sees what the escapes produce.

use super::diag::{Severity, Sink};
use super::toml_spans::{report, Src};
use crate::model::text::check_text;
use toml_edit::{Item, TableLike, Value};

/// Report every key and string value with a forbidden character.
pub fn check_document(doc: &dyn TableLike, src: &Src<'_>, sink: &mut Sink<'_>) {
    table(doc, src, sink, "");
}

fn table(t: &dyn TableLike, src: &Src<'_>, sink: &mut Sink<'_>, path: &str) {
    for (key, item) in t.iter() {
        let name = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        if let Err(e) = check_text(key) {
            let pos = t
                .key(key)
                .map(|k| src.span_pos(k.span()))
                .unwrap_or_else(|| src.item_pos(item));
            report(
                sink,
                Severity::Error,
                pos,
                Some(format!("key \"{name}\"")),
                format!("the key: {e}"),
            );
        }
        match item {
            Item::Table(inner) => table(inner, src, sink, &name),
            Item::ArrayOfTables(a) => {
                for inner in a.iter() {
                    table(inner, src, sink, &name);
                }
            }
            Item::Value(v) => value(v, src, sink, &name),
            Item::None => {}
        }
    }
}

fn value(v: &Value, src: &Src<'_>, sink: &mut Sink<'_>, name: &str) {
    match v {
        Value::String(s) => {
            if let Err(e) = check_text(s.value()) {
                report(
                    sink,
                    Severity::Error,
                    src.value_pos(v),
                    Some(format!("key \"{name}\"")),
                    e,
                );
            }
        }
        Value::Array(a) => {
            for x in a.iter() {
                value(x, src, sink, name);
            }
        }
        Value::InlineTable(t) => table(t, src, sink, name),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::diag::{Diagnostic, Owner};

    fn problems(raw: &str) -> Vec<Diagnostic> {
        let doc = toml_edit::ImDocument::parse(raw).unwrap();
        let mut out = vec![];
        let mut sink = Sink {
            out: &mut out,
            owner: Owner::Workspace,
            file: "s.toml".into(),
        };
        check_document(doc.as_table(), &Src::new(raw), &mut sink);
        out
    }

    #[test]
    fn escapes_are_checked_after_decoding() {
        let d = problems("name = \"Evil\\u001b]52;c;x\\u0007\"\n");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].col), (Some(1), Some(8)));
        assert!(
            d[0].message.contains("U+001B) at character 5"),
            "{}",
            d[0].message
        );
        let d = problems("[[levers]]\nname = \"a\\u202Eb\"\n[demand]\n\"x\\ny\" = \"1%\"\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].field.as_deref(), Some("key \"levers.name\""));
        assert!(d[1].message.starts_with("the key: "), "{}", d[1].message);
        let d = problems("description = \"\"\"\ntwo\nlines\"\"\"\n");
        assert!(d[0].message.contains("U+000A"), "{}", d[0].message);
    }

    #[test]
    fn ordinary_files_pass() {
        assert!(problems("name = \"Café – “x”\"\nyears = 3\n[rates]\npay = \"2%\"\n").is_empty());
    }
}
