//! Identifiers (`[a-z0-9][a-z0-9_-]*`, SPEC §3) and fixed words (enums),
//! each with a message that shows a valid form.

/// Is `s` a valid identifier `[a-z0-9][a-z0-9_-]*`?
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_' || *c == b'-')
}

/// A valid identifier close to `s`: `"NHS Haringey"` → `nhs-haringey`.
pub fn suggest_id(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches(['-', '_']).to_string();
    if t.is_empty() {
        "an-id".into()
    } else {
        t
    }
}

/// Check an identifier, with a hint showing a valid form.
pub fn parse_id(raw: &str) -> Result<String, String> {
    let t = super::text::trim(raw);
    if is_id(t) {
        Ok(t.to_string())
    } else {
        Err(format!(
            "\"{t}\" is not a valid id; ids use lower-case letters, digits, - and _, starting with a letter or digit, e.g. \"{}\"",
            suggest_id(t)
        ))
    }
}

/// Parse one of a fixed set of words, case-insensitively.
pub fn parse_enum<T: Copy>(raw: &str, what: &str, options: &[(&str, T)]) -> Result<T, String> {
    let t = raw.trim().to_ascii_lowercase();
    options
        .iter()
        .find(|(name, _)| *name == t)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            format!(
                "\"{}\" is not a {what}; use one of: {}",
                raw.trim(),
                names.join(", ")
            )
        })
}
