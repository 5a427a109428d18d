//! Formatting for the reports: the number formats (from
//! `model::numtext`, shared with analysis and the session) and CSV fields.

pub use crate::model::numtext::{grouped, grouped_plain, money, plain};

/// Append one CSV field, quoted only when it must be (RFC 4180).
pub fn csv_field(out: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        out.extend_from_slice(s.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(s.as_bytes());
    }
}
