//! Cross-references between tables and from scenarios, checked so that one
//! mistake gives one message: a reference to a row that is written in its
//! table but was rejected (its own line already has an error), or into a
//! table that could not be read at all, is not reported again as unknown.

use crate::model::suggest::Suggester;
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a budget's files declare, valid or not.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    /// Ids written in partners.csv (`None`: the table could not be read).
    pub partners: Option<HashSet<String>>,
    pub pools: Option<HashSet<String>>,
    pub providers: Option<HashSet<String>>,
    pub services: Option<HashSet<String>>,
    /// (pool, partner) pairs written in contributions.csv.
    pub pairs: Option<HashSet<(String, String)>>,
    /// Whether budget.toml gave a valid base year and horizon (if not,
    /// horizon checks in scenarios would only repeat that problem).
    pub horizon_known: bool,
}

/// The ids a reference may name.
#[derive(Debug)]
pub struct Known<'a> {
    /// Ids of rows that loaded.
    pub valid: HashSet<&'a str>,
    /// Every id written in the table (`None`: the table could not be read).
    pub declared: Option<&'a HashSet<String>>,
    /// The valid ids, sorted and indexed for "did you mean" (built at the
    /// first unknown reference, then shared by every later one).
    hints: OnceLock<(Vec<&'a str>, Suggester<'a>)>,
}

/// A clone may be extended (`valid` is public), so its hints start afresh.
impl Clone for Known<'_> {
    fn clone(&self) -> Self {
        Known {
            valid: self.valid.clone(),
            declared: self.declared,
            hints: OnceLock::new(),
        }
    }
}

impl<'a> Known<'a> {
    /// These ids and `more` (e.g. services commissioned by levers).
    pub fn with_more<'s>(&self, more: impl IntoIterator<Item = &'s str>) -> Known<'s>
    where
        'a: 's,
    {
        Known {
            valid: self.valid.iter().copied().chain(more).collect(),
            declared: self.declared,
            hints: OnceLock::new(),
        }
    }

    pub fn new(
        valid: impl IntoIterator<Item = &'a str>,
        declared: Option<&'a HashSet<String>>,
    ) -> Self {
        Known {
            valid: valid.into_iter().collect(),
            declared,
            hints: OnceLock::new(),
        }
    }

    /// Whether a reference to `id` can be followed. When it names nothing
    /// written anywhere, `report` gets an "unknown …" message with a hint;
    /// when it names a rejected row or an unreadable table, it fails quietly.
    pub fn accept(&self, what: &str, id: &str, file: &str, report: impl FnOnce(String)) -> bool {
        if self.valid.contains(id) {
            return true;
        }
        if self.declared.is_some_and(|d| !d.contains(id)) {
            let (ids, suggester) = self.hints.get_or_init(|| hints(&self.valid));
            report(message(what, id, ids, suggester, file));
        }
        false
    }
}

fn hints<'a>(known: &HashSet<&'a str>) -> (Vec<&'a str>, Suggester<'a>) {
    let mut ids: Vec<&str> = known.iter().copied().collect();
    ids.sort_unstable();
    let suggester = Suggester::new(ids.iter().copied());
    (ids, suggester)
}

fn message(what: &str, id: &str, ids: &[&str], suggester: &Suggester<'_>, file: &str) -> String {
    let hint = match suggester.suggest(id) {
        Some(k) => format!("did you mean \"{k}\"?"),
        None if ids.is_empty() => format!("{file} lists none"),
        None if ids.len() <= 12 => format!("known: {}", ids.join(", ")),
        None => format!("see {file} for the {} known ids", ids.len()),
    };
    format!("unknown {what} \"{id}\"; {hint}")
}

/// An unknown-reference message with the known ids as a hint.
pub fn unknown(what: &str, id: &str, known: &HashSet<&str>, file: &str) -> String {
    let (ids, suggester) = hints(known);
    message(what, id, &ids, &suggester, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejected_rows_and_unreadable_tables_stay_quiet() {
        let declared: HashSet<String> = ["a".to_string(), "Bad Id".to_string()].into();
        let k = Known::new(["a"], Some(&declared));
        let mut msgs = vec![];
        assert!(k.accept("pool", "a", "pools.csv", |m| msgs.push(m)));
        assert!(!k.accept("pool", "Bad Id", "pools.csv", |m| msgs.push(m)));
        assert!(msgs.is_empty());
        assert!(!k.accept("pool", "b", "pools.csv", |m| msgs.push(m)));
        assert_eq!(msgs, vec!["unknown pool \"b\"; known: a".to_string()]);
        let unreadable = Known::new([], None);
        assert!(!unreadable.accept("pool", "b", "pools.csv", |m| msgs.push(m)));
        assert_eq!(msgs.len(), 1);
    }
}
