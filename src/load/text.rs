//! Turning file bytes into text: skip a UTF-8 byte-order mark; read invalid
//! UTF-8 as Windows-1252 (what Excel writes on Windows), with a warning.

/// Decoded text, and whether it had to be read as Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), true)
        }
    }
}

/// Does the text contain bytes that no spreadsheet writes (NUL or other
/// control characters besides tab, CR, LF)? Returns the first offending line.
pub fn binary_line(text: &str) -> Option<usize> {
    // Printable ASCII, tabs and line ends hold no such character: most
    // files are that, and are checked a byte at a time.
    let plain = |b: u8| (b' '..=b'~').contains(&b) || matches!(b, b'\t' | b'\r' | b'\n');
    if text.bytes().all(plain) {
        return None;
    }
    for (i, line) in text.split('\n').enumerate() {
        if line
            .chars()
            .any(|c| c.is_control() && c != '\t' && c != '\r')
        {
            return Some(i + 1);
        }
    }
    None
}

/// Decode a TOML file's bytes, reporting binary data (an error: `None`) and
/// a Windows-1252 reading (a warning) to the sink.
pub fn decode_toml(bytes: &[u8], sink: &mut super::diag::Sink<'_>) -> Option<String> {
    let (text, was_1252) = decode(bytes);
    if let Some(line) = binary_line(&text) {
        sink.error(
            Some(line),
            None,
            "the file holds binary data or control characters, not TOML text",
        );
        return None;
    }
    if was_1252 {
        sink.warn(
            None,
            None,
            "the file is not UTF-8; read it as Windows-1252. Save it as UTF-8 to be sure £ signs and accents are right",
        );
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped() {
        assert_eq!(decode(b"\xEF\xBB\xBFid,name"), ("id,name".into(), false));
    }

    #[test]
    fn windows_1252_pound() {
        let (t, w) = decode(b"amount\n\xA3450\n");
        assert_eq!(t, "amount\n£450\n");
        assert!(w);
    }

    #[test]
    fn control_characters_found() {
        assert_eq!(binary_line("a\nb\0c"), Some(2));
        assert_eq!(binary_line("a\r\nb\tc"), None);
    }

    /// The byte-at-a-time pass agrees with the character rule for every
    /// ASCII character and the C1 controls (two bytes in UTF-8).
    #[test]
    fn every_character_is_judged_by_the_rule() {
        for c in (0u8..=127).map(char::from).chain(['\u{85}', '\u{9F}', 'é']) {
            let refused = c.is_control() && !matches!(c, '\t' | '\r' | '\n');
            let text = format!("ok\nab{c}cd\n");
            assert_eq!(binary_line(&text), refused.then_some(2), "{:#x}", c as u32);
        }
    }
}
