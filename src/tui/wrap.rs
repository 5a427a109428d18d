//! Word wrapping for notes drawn line by line (the Compare tab's step
//! notes), shared with `derived`'s line count so scrolling reaches the end.

/// `text` in lines of at most `width` characters, broken at spaces (a word
/// longer than the width is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = vec![];
    let mut line = String::new();
    for word in text.split_whitespace() {
        let n = line.chars().count();
        if n > 0 && n + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            line = line.chars().skip(width).collect();
            out.push(head);
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// The width a step note wraps to inside a pane `cols` wide (border and
/// the `  ↳ ` indent taken off).
pub fn note_width(cols: u16) -> usize {
    (cols as usize).saturating_sub(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(wrap("aaaa bbbb cc", 9), vec!["aaaa bbbb", "cc"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("abcdefghij", 8), vec!["abcdefgh", "ij"]);
    }
}
