//! Edits to a scenario file's text with `toml_edit::DocumentMut`: values are
//! replaced in place keeping their comments and spacing (a value's decor
//! holds its trailing `# comment`), new keys are appended to their table,
//! and everything not edited is written back byte for byte. Each function
//! takes the text and returns the new text; checking it is the model's job.

use crate::model::numtext::{grouped, plain};
use crate::model::round;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
pub use toml_edit::Value;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike};

pub(super) fn parse(text: &str) -> Result<DocumentMut, String> {
    text.parse::<DocumentMut>()
        .map_err(|e| format!("the file is not valid TOML: {e}"))
}

/// A typed value as it will be written: a whole number stays a TOML
/// integer, anything else is a string (so `"£2.5m"`, `"3%"` read as typed).
pub fn value_for(input: &str) -> Value {
    let t = input.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if !digits.is_empty() && digits.len() < 16 && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = t.parse::<i64>() {
            return Value::from(i);
        }
    }
    Value::from(t)
}

/// Put `v` under `key`, keeping the old value's comments and spacing.
pub(super) fn put(tbl: &mut dyn TableLike, key: &str, v: Value) {
    match tbl.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = v;
            *old.decor_mut() = decor;
        }
        None => {
            tbl.insert(key, Item::Value(v));
        }
    }
}

/// Set `[section] key = value` (creating the table if needed).
pub fn set_in_table(text: &str, section: &str, key: &str, v: Value) -> Result<String, String> {
    let mut doc = parse(text)?;
    if doc.get(section).is_none() {
        doc.insert(section, Item::Table(Table::new()));
    }
    let tbl = doc
        .get_mut(section)
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| format!("[{section}] in this file is not a table"))?;
    put(tbl, key, v);
    Ok(doc.to_string())
}

/// Remove `[section] key` (the table stays, even if empty).
pub fn remove_from_table(text: &str, section: &str, key: &str) -> Result<String, String> {
    let mut doc = parse(text)?;
    if let Some(t) = doc.get_mut(section).and_then(Item::as_table_like_mut) {
        t.remove(key);
    }
    Ok(doc.to_string())
}

/// Set a top-level key such as `name`.
pub fn set_top(text: &str, key: &str, v: Value) -> Result<String, String> {
    let mut doc = parse(text)?;
    put(doc.as_table_mut(), key, v);
    Ok(doc.to_string())
}

fn levers(doc: &mut DocumentMut) -> Result<&mut ArrayOfTables, String> {
    if doc.get("levers").is_none() {
        doc.insert("levers", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    doc.get_mut("levers")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| {
            "this file writes its levers as an inline list; edit it in a text editor, or write them as [[levers]] blocks".to_string()
        })
}

/// Replace the fields of lever `index` (0-based, in this file) with
/// `fields`, keeping the comments of the fields that stay.
pub fn set_lever(text: &str, index: usize, fields: &[(String, Value)]) -> Result<String, String> {
    let mut doc = parse(text)?;
    let arr = levers(&mut doc)?;
    let t = arr
        .get_mut(index)
        .ok_or_else(|| format!("this file has no lever number {}", index + 1))?;
    let stale: Vec<String> = t
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !fields.iter().any(|(f, _)| f == k))
        .collect();
    for k in stale {
        t.remove(&k);
    }
    for (k, v) in fields {
        put(t, k, v.clone());
    }
    Ok(doc.to_string())
}

/// Replace one field of lever `index`, keeping everything else as written.
pub fn set_lever_key(text: &str, index: usize, key: &str, v: Value) -> Result<String, String> {
    let mut doc = parse(text)?;
    let arr = levers(&mut doc)?;
    let t = arr
        .get_mut(index)
        .ok_or_else(|| format!("this file has no lever number {}", index + 1))?;
    put(t, key, v);
    Ok(doc.to_string())
}

/// Append a `[[levers]]` block.
pub fn add_lever(text: &str, fields: &[(String, Value)]) -> Result<String, String> {
    let mut doc = parse(text)?;
    let arr = levers(&mut doc)?;
    let mut t = Table::new();
    for (k, v) in fields {
        t.insert(k, Item::Value(v.clone()));
    }
    arr.push(t);
    // Comment lines at the end of the file belong to what they follow:
    // keep them there, above the new block, not under it.
    let trailing = doc.trailing().as_str().unwrap_or("").to_string();
    doc.set_trailing("");
    let prefix = if trailing.trim().is_empty() {
        "\n".to_string()
    } else {
        format!("{}\n\n", trailing.trim_end())
    };
    if let Some(t) = levers(&mut doc)?.iter_mut().last() {
        t.decor_mut().set_prefix(prefix);
    }
    Ok(doc.to_string())
}

/// Remove lever `index` with the comment lines above it.
pub fn delete_lever(text: &str, index: usize) -> Result<String, String> {
    let mut doc = parse(text)?;
    let arr = levers(&mut doc)?;
    if index >= arr.len() {
        return Err(format!("this file has no lever number {}", index + 1));
    }
    // Comments that `add_lever` moved above the last block go back to the
    // end of the file when that block goes.
    let last = index + 1 == arr.len();
    let prefix = arr
        .get(index)
        .and_then(|t| t.decor().prefix())
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string();
    arr.remove(index);
    if arr.is_empty() {
        doc.remove("levers");
    }
    if let Some((before, _)) = prefix
        .rsplit_once("\n\n")
        .filter(|(b, _)| last && b.contains('#'))
    {
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        doc.set_trailing(format!("{trailing}{before}\n"));
    }
    Ok(doc.to_string())
}

/// A rate as written in scenario files: `"2.5%"`.
pub fn rate_text(r: Decimal) -> String {
    format!("{}%", plain(r * Decimal::ONE_HUNDRED, 4))
}

/// A money amount as a finance lead writes it: `"£1,234.56"`, `"-£600,000"`.
pub fn money_text(x: Decimal) -> String {
    let x = round(x);
    let dp = if x.fract().is_zero() { 0 } else { 2 };
    let g = grouped(x.abs(), dp);
    if x.is_sign_negative() && !x.is_zero() {
        format!("-£{g}")
    } else {
        format!("£{g}")
    }
}

/// A nudged amount: ±1% of its size, to the penny (money) or 4 places.
pub fn nudge_amount(x: Decimal, up: bool, money: bool) -> Decimal {
    let step = x.abs() / Decimal::ONE_HUNDRED;
    let y = if up { x + step } else { x - step };
    if money {
        round(y)
    } else {
        crate::model::round_dp(y, 4)
    }
}

/// ±0.5 percentage points.
pub fn nudge_rate(r: Decimal, up: bool) -> Decimal {
    let step = Decimal::new(5, 3);
    if up {
        r + step
    } else {
        r - step
    }
}

/// How to write a nudged value so the file keeps its style: a whole number
/// written as an integer stays one; otherwise money gets `£` and commas.
pub fn amount_value(x: Decimal, was_integer: bool, money: bool) -> Value {
    if was_integer && x.fract().is_zero() {
        if let Some(i) = x.to_i64() {
            return Value::from(i);
        }
    }
    if money {
        Value::from(money_text(x))
    } else {
        Value::from(plain(x, 4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const SRC: &str = "# top\nname = \"X\"\n\n[rates]\npay_inflation = \"2.5%\"     # a year\nprice_inflation = \"2%\"\n\n# the cut\n[[levers]]\nkind = \"saving\"\npool = \"p\"\nby = 600000 # cash\n";

    #[test]
    fn set_keeps_comments() {
        let t = set_in_table(SRC, "rates", "pay_inflation", Value::from("3%")).unwrap();
        assert!(t.contains("pay_inflation = \"3%\"     # a year\n"), "{t}");
        assert!(t.starts_with("# top\n"));
        assert!(t.contains("# the cut\n[[levers]]"));
    }

    #[test]
    fn new_table_and_key() {
        let t = set_in_table("name = \"X\"\n", "demand", "fostering", Value::from("4%")).unwrap();
        assert_eq!(t, "name = \"X\"\n\n[demand]\nfostering = \"4%\"\n");
    }

    #[test]
    fn levers_edit_add_delete() {
        let f = vec![
            ("kind".to_string(), Value::from("saving")),
            ("pool".to_string(), Value::from("p")),
            ("by".to_string(), Value::from(606000)),
        ];
        let t = set_lever(SRC, 0, &f).unwrap();
        assert!(t.contains("by = 606000 # cash\n"), "{t}");
        let t = add_lever(&t, &f).unwrap();
        assert_eq!(t.matches("[[levers]]").count(), 2);
        let t2 = add_lever("[a]\nx = 1\n# about a\n", &f).unwrap();
        assert!(
            t2.starts_with("[a]\nx = 1\n# about a\n\n[[levers]]\n"),
            "{t2}"
        );
        assert_eq!(delete_lever(&t2, 0).unwrap(), "[a]\nx = 1\n# about a\n");
        let t = delete_lever(&t, 0).unwrap();
        assert!(!t.contains("# the cut"), "{t}");
        assert_eq!(t.matches("[[levers]]").count(), 1);
    }

    #[test]
    fn texts() {
        assert_eq!(rate_text(dec!(0.025)), "2.5%");
        assert_eq!(rate_text(dec!(-0.1)), "-10%");
        assert_eq!(money_text(dec!(-600000)), "-£600,000");
        assert_eq!(money_text(dec!(2.525)), "£2.53");
        assert_eq!(nudge_amount(dec!(600000), true, true), dec!(606000));
        assert_eq!(nudge_rate(dec!(-0.1), true), dec!(-0.095));
        assert_eq!(value_for("80").to_string(), "80");
        assert_eq!(value_for("3%").to_string(), "\"3%\"");
        assert_eq!(amount_value(dec!(606000), true, true).to_string(), "606000");
    }
}
