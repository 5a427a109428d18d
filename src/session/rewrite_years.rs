//! Editing one year of a rate given by year (SPEC §10.1) in a scenario
//! file's text: the year's entry is set, added or removed in place, keeping
//! the other entries, comments and spacing; a key this file does not set as
//! a table (inherited, or one rate) is written whole from `base`, the
//! entries in force, so `extends` (which replaces whole keys) keeps every
//! other year as it was.

use super::rewrite::{parse, put};
use toml_edit::{InlineTable, Item, Table, Value};

/// Set (`Some`) or remove (`None`) year `year` of `[section] key`;
/// `base` is the table in force (year label, value) when this file has none.
pub fn set_year(
    text: &str,
    section: &str,
    key: &str,
    year: &str,
    v: Option<Value>,
    base: &[(String, Value)],
) -> Result<String, String> {
    let mut doc = parse(text)?;
    if doc.get(section).is_none() {
        doc.insert(section, Item::Table(Table::new()));
    }
    let tbl = doc
        .get_mut(section)
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| format!("[{section}] in this file is not a table"))?;
    if let Some(it) = tbl
        .get_mut(key)
        .and_then(Item::as_value_mut)
        .and_then(Value::as_inline_table_mut)
    {
        if let Some(mut v) = v.clone().filter(|_| !it.contains_key(year)) {
            // Appended after the last entry: it takes over the space before `}`.
            if let Some((_, last)) = it.iter_mut().last() {
                let suffix = last.decor().suffix().cloned();
                last.decor_mut().set_suffix("");
                if let Some(sfx) = suffix {
                    v.decor_mut().set_suffix(sfx);
                }
            }
            v.decor_mut().set_prefix(" ");
            it.insert(year, v);
            return Ok(doc.to_string());
        }
    }
    if let Some(t) = tbl.get_mut(key).and_then(Item::as_table_like_mut) {
        match v {
            Some(v) => put(t, year, v),
            None => {
                t.remove(year);
            }
        }
        return Ok(doc.to_string());
    }
    let mut t = InlineTable::new();
    for (y, x) in base {
        t.insert(y, x.clone());
    }
    match v {
        Some(v) => {
            t.insert(year, v);
        }
        None => {
            t.remove(year);
        }
    }
    t.sort_values();
    put(tbl, key, Value::InlineTable(t));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "name = \"w\"\n\n# pay deal\n[rates]\npay_inflation = { 2010-11 = \"3%\", 2011-12 = \"2%\" } # agreed\n";

    #[test]
    fn one_year_changes_in_place_comments_kept() {
        let t = set_year(
            FILE,
            "rates",
            "pay_inflation",
            "2011-12",
            Some("2.5%".into()),
            &[],
        )
        .unwrap();
        assert_eq!(t, FILE.replace("\"2%\"", "\"2.5%\""));
        let t = set_year(
            FILE,
            "rates",
            "pay_inflation",
            "2012-13",
            Some("1%".into()),
            &[],
        )
        .unwrap();
        assert!(
            t.contains("2011-12 = \"2%\", 2012-13 = \"1%\" } # agreed"),
            "{t}"
        );
        let t = set_year(FILE, "rates", "pay_inflation", "2010-11", None, &[]).unwrap();
        assert!(
            t.contains("pay_inflation = { 2011-12 = \"2%\" } # agreed"),
            "{t}"
        );
        assert!(t.contains("# pay deal"));
    }

    #[test]
    fn an_inherited_or_single_rate_is_written_whole() {
        let base = vec![("2010-11".to_string(), Value::from("2.5%"))];
        let t = set_year(
            "name = \"x\"\n",
            "rates",
            "pay_inflation",
            "2011-12",
            Some("2%".into()),
            &base,
        )
        .unwrap();
        assert!(
            t.contains("pay_inflation = { 2010-11 = \"2.5%\", 2011-12 = \"2%\" }"),
            "{t}"
        );
        let one = "[rates]\npay_inflation = \"2.5%\" # one rate\n";
        let t = set_year(
            one,
            "rates",
            "pay_inflation",
            "2011-12",
            Some("2%".into()),
            &base,
        )
        .unwrap();
        assert!(
            t.contains("{ 2010-11 = \"2.5%\", 2011-12 = \"2%\" } # one rate"),
            "{t}"
        );
    }
}
