//! Helpers over `toml_edit`'s spanned documents: positions of keys and values,
//! and the literal text of scalars (so `1234.56` is read exactly, never via f64).

use super::diag::{Severity, Sink};
use toml_edit::{Item, Value};

/// A 1-based line and column in a TOML file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// Maps byte offsets to line/column.
pub struct Src<'a> {
    pub raw: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Src<'a> {
    pub fn new(raw: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(raw.match_indices('\n').map(|(i, _)| i + 1));
        Src { raw, line_starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .raw
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        Pos {
            line: line + 1,
            col,
        }
    }

    pub fn span_pos(&self, span: Option<std::ops::Range<usize>>) -> Pos {
        span.map(|s| self.pos(s.start)).unwrap_or_default()
    }

    /// The position of an item.
    pub fn item_pos(&self, item: &Item) -> Pos {
        self.span_pos(item.span())
    }

    /// The position of a value.
    pub fn value_pos(&self, v: &Value) -> Pos {
        self.span_pos(v.span())
    }

    /// The text of a scalar as the user wrote it: a string's contents, a
    /// number's literal. Other kinds give `Err(kind name)`.
    pub fn scalar_text(&self, v: &Value) -> Result<String, &'static str> {
        match v {
            Value::String(s) => Ok(s.value().clone()),
            Value::Integer(i) => Ok(self.literal(v).unwrap_or_else(|| i.value().to_string())),
            // A TOML float's `.` is always a decimal point, so the money
            // grammar's European-thousands ambiguity (`12.345`), which SPEC §9
            // sets for strings, must not apply: a trailing zero keeps the
            // exact value and takes the literal out of that shape.
            Value::Float(f) => Ok(self
                .literal(v)
                .map(|l| match l.split_once('.') {
                    Some((_, frac))
                        if frac.len() == 3 && frac.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        format!("{l}0")
                    }
                    _ => l,
                })
                .unwrap_or_else(|| f.value().to_string())),
            Value::Boolean(_) => Err("true/false"),
            Value::Datetime(_) => Err("a date"),
            Value::Array(_) => Err("a list"),
            Value::InlineTable(_) => Err("a table"),
        }
    }

    fn literal(&self, v: &Value) -> Option<String> {
        let span = v.span()?;
        self.raw.get(span).map(|s| s.trim().replace('_', ""))
    }
}

/// Report a problem at a TOML position.
pub fn report(
    sink: &mut Sink<'_>,
    sev: Severity,
    pos: Pos,
    field: Option<String>,
    msg: impl Into<String>,
) {
    let (line, col) = if pos.line == 0 {
        (None, None)
    } else {
        (Some(pos.line), Some(pos.col))
    };
    sink.push(sev, line, col, field, msg);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_literals() {
        let raw = "a = 1\nb = 1234.56\nc = \"2.5%\"\n";
        let doc = toml_edit::ImDocument::parse(raw).unwrap();
        let src = Src::new(raw);
        let b = doc.get("b").unwrap().as_value().unwrap();
        assert_eq!(src.value_pos(b), Pos { line: 2, col: 5 });
        assert_eq!(src.scalar_text(b).unwrap(), "1234.56");
        let c = doc.get("c").unwrap().as_value().unwrap();
        assert_eq!(src.scalar_text(c).unwrap(), "2.5%");
    }
}
