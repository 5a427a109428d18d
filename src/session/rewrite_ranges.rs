//! Editing one bound of a §14 range in a scenario file's text: `low`,
//! `mode` or `high` of `[ranges.<section>] key` is set in place, keeping
//! the other bounds, comments and spacing. A range this file does not write
//! (inherited through `extends`, which replaces a key's range whole) is
//! written whole from `base`, the bounds in force, so the others stay as
//! they were. Checking the new text is the loader's job.

use super::rewrite::{parse, put};
use toml_edit::{InlineTable, Item, Table, Value};

/// The bounds of a range, in the order written.
pub const BOUNDS: [&str; 3] = ["low", "mode", "high"];

/// Set bound `bound` of `[ranges.<section>] key` to `v`; `base` is the
/// range in force (bound, value) for a key this file does not range.
pub fn set_bound(
    text: &str,
    section: &str,
    key: &str,
    bound: &str,
    v: Value,
    base: &[(&str, Value)],
) -> Result<String, String> {
    let mut doc = parse(text)?;
    if doc.get("ranges").is_none() {
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert("ranges", Item::Table(t));
    }
    let ranges = doc
        .get_mut("ranges")
        .and_then(Item::as_table_like_mut)
        .ok_or("[ranges] in this file is not a table")?;
    if ranges.get(section).is_none() {
        ranges.insert(section, Item::Table(Table::new()));
    }
    let tbl = ranges
        .get_mut(section)
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| format!("[ranges.{section}] in this file is not a table"))?;
    if let Some(t) = tbl
        .get_mut(key)
        .and_then(Item::as_value_mut)
        .and_then(Value::as_inline_table_mut)
    {
        if t.contains_key(bound) {
            put(t, bound, v);
            return Ok(doc.to_string());
        }
        // A bound not written yet goes in its place (low, mode, high).
        let had: Vec<(String, Value)> = t.iter().map(|(k, x)| (k.to_string(), x.clone())).collect();
        let mut new = InlineTable::new();
        for b in BOUNDS {
            let x = if b == bound {
                Some(v.clone())
            } else {
                had.iter().find(|(k, _)| k == b).map(|(_, x)| x.clone())
            };
            if let Some(x) = x {
                new.insert(b, x);
            }
        }
        for (k, x) in had.iter().filter(|(k, _)| !BOUNDS.contains(&k.as_str())) {
            new.insert(k, x.clone());
        }
        new.fmt();
        put(tbl, key, Value::InlineTable(new));
        return Ok(doc.to_string());
    }
    // A range written as a table of its own: `[ranges.demand.fostering]`.
    if let Some(t) = tbl.get_mut(key).and_then(Item::as_table_like_mut) {
        put(t, bound, v);
        return Ok(doc.to_string());
    }
    let mut t = InlineTable::new();
    for b in BOUNDS {
        if b == bound {
            t.insert(b, v.clone());
        } else if let Some((_, x)) = base.iter().find(|(n, _)| *n == b) {
            t.insert(b, x.clone());
        }
    }
    put(tbl, key, Value::InlineTable(t));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "name = \"w\"\n\n[rates]\npay_inflation = \"4%\"\n\n# pay deal\n[ranges.rates]\npay_inflation = { low = \"1.5%\", high = \"5.5%\" } # NJC\n";

    #[test]
    fn one_bound_changes_in_place_comments_kept() {
        let t = set_bound(FILE, "rates", "pay_inflation", "low", "2%".into(), &[]).unwrap();
        assert_eq!(t, FILE.replace("\"1.5%\"", "\"2%\""));
        // A mode not written is added between the others' text.
        let t = set_bound(FILE, "rates", "pay_inflation", "mode", "3%".into(), &[]).unwrap();
        assert!(
            t.contains("{ low = \"1.5%\", mode = \"3%\", high = \"5.5%\" } # NJC"),
            "{t}"
        );
        assert!(t.contains("# pay deal\n[ranges.rates]\n"), "{t}");
    }

    #[test]
    fn an_inherited_range_is_written_whole_under_its_section() {
        let base = [("low", Value::from("2%")), ("high", Value::from("10%"))];
        let t = set_bound(
            "name = \"c\"\nextends = \"w\"\n",
            "demand",
            "fostering",
            "high",
            "12%".into(),
            &base,
        )
        .unwrap();
        assert_eq!(
            t,
            "name = \"c\"\nextends = \"w\"\n\n[ranges.demand]\nfostering = { low = \"2%\", high = \"12%\" }\n"
        );
        // Beside another section's ranges, which stay as written.
        let t = set_bound(FILE, "demand", "fostering", "low", "1%".into(), &base).unwrap();
        assert!(t.starts_with(FILE), "{t}");
        assert!(t.ends_with("[ranges.demand]\nfostering = { low = \"1%\", high = \"10%\" }\n"));
    }

    #[test]
    fn a_range_written_as_a_table_is_edited_in_it() {
        let f = "name = \"w\"\n[ranges.demand.fostering]\nlow = \"2%\"\nhigh = \"9%\"\n";
        let t = set_bound(f, "demand", "fostering", "high", "8%".into(), &[]).unwrap();
        assert_eq!(t, f.replace("9%", "8%"));
    }
}
