//! Text that reaches a screen or a file (SPEC §9 "Settled later"). Two jobs:
//!
//! - `check_text`: the input rule. Names and other free text must not hold
//!   control characters (Unicode Cc, line breaks included: also U+2028 and
//!   U+2029), bidirectional overrides or isolates (U+202A–U+202E,
//!   U+2066–U+2069) or the non-characters U+FFFE and U+FFFF.
//! - `for_terminal` / `for_terminal_lines`: defense in depth for every string
//!   on its way to a terminal (CLI tables, diagnostics, the TUI): each such
//!   character, and the invisible format characters (zero-width spaces and
//!   joiners, U+200E/U+200F marks, word joiners, the BOM, the soft hyphen),
//!   is shown as `<U+001B>`, so a value can never move the cursor, set a
//!   title, write the clipboard or reorder what the user reads.

use std::borrow::Cow;

/// Is `c` refused in names and free text?
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Is `c` shown escaped on a terminal (forbidden, or invisible)?
pub fn is_hidden(c: char) -> bool {
    is_forbidden(c)
        || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{FEFF}')
        || ('\u{200B}'..='\u{200F}').contains(&c)
        || ('\u{2060}'..='\u{2064}').contains(&c)
}

/// `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

fn kind(c: char) -> &'static str {
    match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => "a line break",
        '\u{FFFE}' | '\u{FFFF}' => "a non-character",
        c if c.is_control() => "a control character",
        _ => "a bidirectional text control",
    }
}

/// `s.trim()`, without reading it a character at a time when it starts
/// and ends with a printable ASCII character (most cells do: nothing to
/// trim).
#[inline]
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// The input rule: `Err` names the first forbidden character as `U+001B`
/// and its position (1-based, in characters).
pub fn check_text(s: &str) -> Result<(), String> {
    // Printable ASCII (space to `~`) holds no refused character: most text
    // is that, and is checked a byte at a time.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Ok(());
    }
    match s.chars().enumerate().find(|(_, c)| is_forbidden(*c)) {
        None => Ok(()),
        Some((i, c)) => Err(format!(
            "the text holds {} ({}) at character {}; names and other text must not contain control characters, line breaks, bidirectional overrides or U+FFFE/U+FFFF: remove it",
            kind(c),
            code_point(c),
            i + 1
        )),
    }
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_hidden(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden(c) && !keep(c) {
            out.push('<');
            out.push_str(&code_point(c));
            out.push('>');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text as it is safe to show on a terminal.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

/// Several lines (`\n` kept) as they are safe to show on a terminal.
pub fn for_terminal_lines(s: &str) -> Cow<'_, str> {
    escape(s, |c| c == '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_named_with_their_position() {
        let e = check_text("Evil\u{1b}]52;c;x\u{7}").unwrap_err();
        assert!(
            e.contains("a control character (U+001B) at character 5"),
            "{e}"
        );
        let e = check_text("ab\u{202E}cd").unwrap_err();
        assert!(e.contains("(U+202E) at character 3"), "{e}");
        let e = check_text("x\u{FFFE}").unwrap_err();
        assert!(e.contains("a non-character (U+FFFE) at character 2"), "{e}");
        let e = check_text("two\nlines").unwrap_err();
        assert!(e.contains("a line break (U+000A) at character 4"), "{e}");
        for c in [
            '\t', '\u{2066}', '\u{2069}', '\u{FFFF}', '\u{85}', '\u{2028}',
        ] {
            assert!(check_text(&format!("a{c}")).is_err(), "{c:?}");
        }
    }

    /// The byte-at-a-time pass for printable ASCII agrees with the rule
    /// for every ASCII character, alone and inside other text.
    #[test]
    fn every_ascii_character_is_judged_by_the_rule() {
        for b in 0u8..=127 {
            let c = b as char;
            for s in [c.to_string(), format!("ab{c}cd")] {
                assert_eq!(check_text(&s).is_ok(), !is_forbidden(c), "{b:#x}");
            }
        }
    }

    /// `trim` is `str::trim`, Unicode spaces and empty text included.
    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{A0}a",
            "a\u{3000}",
            "\ta\n",
            "£5",
            "a b",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn ordinary_text_passes() {
        for s in ["Family support", "Café £5 – “quoted”", "", "Ünïcödé 日本"] {
            assert_eq!(check_text(s), Ok(()));
        }
    }

    #[test]
    fn terminal_escaping() {
        assert_eq!(for_terminal("a\u{1b}[2Jb"), "a<U+001B>[2Jb");
        assert_eq!(for_terminal("x\u{200B}y\u{202E}z"), "x<U+200B>y<U+202E>z");
        assert_eq!(for_terminal("l1\nl2"), "l1<U+000A>l2");
        assert_eq!(for_terminal_lines("l1\nl2\r"), "l1\nl2<U+000D>");
        assert!(matches!(for_terminal("plain £"), Cow::Borrowed(_)));
    }
}
