//! "Did you mean" suggestions, in time that does not grow with the product of
//! unknown words and known ids (issue 17 item 16: 2,000 unknown service ids
//! against 5,000 services took 24.6 s).
//!
//! A `Suggester` is built once over the known ids, bucketed by length. A
//! word is compared only with ids whose length is close enough for the
//! distance rule to allow them, a cheap letter-count bound skips most of
//! those, and at most `MAX_COMPARED` full distances (optimal string
//! alignment, `strsim::osa_distance`: insertions, deletions, substitutions
//! and swaps of neighbours each count one) are computed per word.

use std::collections::BTreeMap;

/// At most this many full distances are computed for one word.
pub const MAX_COMPARED: usize = 2_000;

/// Known ids, bucketed by length in characters; each keeps its position in
/// the list it came from (ties go to the earlier one).
#[derive(Debug, Clone, Default)]
pub struct Suggester<'a> {
    by_len: BTreeMap<usize, Vec<(usize, &'a str)>>,
}

/// The most edits a typo of a `len`-character word into an `olen`-character
/// option may have: one in three characters, at least one, and never the
/// whole word (`set` is not a typo of `to`).
fn allowed(len: usize, olen: usize) -> usize {
    let most = (len.max(olen) / 3).max(1);
    most.min(olen.min(len).max(1) - 1)
}

/// A lower bound of the edit distance: half the letters the two words do
/// not have in common (each edit changes at most two letter counts).
fn letter_bound(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 64];
    let slot = |c: char| (c as usize) % 64;
    for c in a.chars() {
        counts[slot(c)] += 1;
    }
    for c in b.chars() {
        counts[slot(c)] -= 1;
    }
    let diff: i32 = counts.iter().map(|x| x.abs()).sum();
    (diff as usize).div_ceil(2)
}

impl<'a> Suggester<'a> {
    pub fn new(options: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_len: BTreeMap<usize, Vec<(usize, &'a str)>> = BTreeMap::new();
        for (i, o) in options.into_iter().enumerate() {
            by_len.entry(o.chars().count()).or_default().push((i, o));
        }
        Suggester { by_len }
    }

    /// The closest known id to `word`, if it is close enough to be a typo.
    pub fn suggest(&self, word: &str) -> Option<&'a str> {
        let len = word.chars().count();
        let reach = (len / 2).max(1) + 1;
        let mut best: Option<(usize, usize, &'a str)> = None;
        let mut compared = 0;
        for (&olen, bucket) in self.by_len.range(len.saturating_sub(reach)..=len + reach) {
            let most = allowed(len, olen);
            if len.abs_diff(olen) > most {
                continue;
            }
            for &(i, o) in bucket {
                let limit = match best {
                    Some((d, _, _)) => d.min(most),
                    None => most,
                };
                if letter_bound(word, o) > limit {
                    continue;
                }
                if compared == MAX_COMPARED {
                    return best.map(|(_, _, o)| o);
                }
                compared += 1;
                let d = strsim::osa_distance(word, o);
                if d <= most && best.is_none_or(|(bd, bi, _)| (d, i) < (bd, bi)) {
                    best = Some((d, i, o));
                }
            }
        }
        best.map(|(_, _, o)| o)
    }
}

/// The closest of `options` to `word`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    Suggester::new(options.iter().copied()).suggest(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_of_the_old_hand_written_distance() {
        assert_eq!(
            did_you_mean("pay_inflaton", &["pay_inflation", "price_inflation"]),
            Some("pay_inflation")
        );
        assert_eq!(did_you_mean("nmae", &["name", "years"]), Some("name"));
        assert_eq!(
            did_you_mean("set", &["kind", "from", "to", "service"]),
            None
        );
        assert_eq!(did_you_mean("b", &["a"]), None);
        assert_eq!(did_you_mean("ab", &["ac"]), Some("ac"));
        assert_eq!(did_you_mean("zzzzzzzz", &["pay"]), None);
    }

    #[test]
    fn ties_go_to_the_earlier_option() {
        assert_eq!(did_you_mean("cat", &["bat", "cab", "cut"]), Some("bat"));
        assert_eq!(did_you_mean("cat", &["cut", "bat"]), Some("cut"));
    }

    #[test]
    fn many_options_of_one_length_are_capped_not_missed_when_close() {
        let ids: Vec<String> = (0..5000).map(|i| format!("svc{i:05}")).collect();
        let s = Suggester::new(ids.iter().map(String::as_str));
        assert_eq!(s.suggest("svc0042"), Some("svc00042"));
        let near = s.suggest("svc4999x").unwrap();
        assert!(strsim::osa_distance("svc4999x", near) <= 2, "{near}");
        assert_eq!(s.suggest("totally-different"), None);
    }
}
