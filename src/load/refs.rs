//! Cross-references between tables and from scenarios, checked so that one
//! mistake gives one message: a reference to a row that is written in its
//! table but was rejected (its own line already has an error), or into a
//! table that could not be read at all, is not reported again as unknown.

use std::collections::HashSet;

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
#[derive(Debug, Clone)]
pub struct Known<'a> {
    /// Ids of rows that loaded.
    pub valid: HashSet<&'a str>,
    /// Every id written in the table (`None`: the table could not be read).
    pub declared: Option<&'a HashSet<String>>,
}

impl<'a> Known<'a> {
    pub fn new(
        valid: impl IntoIterator<Item = &'a str>,
        declared: Option<&'a HashSet<String>>,
    ) -> Self {
        Known {
            valid: valid.into_iter().collect(),
            declared,
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
            report(unknown(what, id, &self.valid, file));
        }
        false
    }
}

/// An unknown-reference message with the known ids as a hint.
pub fn unknown(what: &str, id: &str, known: &HashSet<&str>, file: &str) -> String {
    let mut ids: Vec<&str> = known.iter().copied().collect();
    ids.sort_unstable();
    let hint = match crate::model::value::did_you_mean(id, &ids) {
        Some(k) => format!("did you mean \"{k}\"?"),
        None if ids.is_empty() => format!("{file} lists none"),
        None if ids.len() <= 12 => format!("known: {}", ids.join(", ")),
        None => format!("see {file} for the {} known ids", ids.len()),
    };
    format!("unknown {what} \"{id}\"; {hint}")
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
