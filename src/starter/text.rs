//! The starter workspace's text files: the CSV tables, `budget.toml`,
//! `scenarios/baseline.toml` and the workspace's README.md.

use super::{TableSpec, BASE_YEAR, TABLES, YEARS};

/// A table as CSV: the header and the example rows (fields quoted only
/// when needed).
pub fn csv(t: &TableSpec) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(vec![]);
    let header: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
    // Writing into a Vec cannot fail.
    let _ = w.write_record(&header);
    for row in t.example {
        let _ = w.write_record(*row);
    }
    w.into_inner().unwrap_or_default()
}

/// `budget.toml` of the starter budget.
pub fn manifest(name: &str) -> String {
    format!(
        "# The budget's manifest (SPEC §4). base_year is year 0; years is the horizon.\nname = {}\nbase_year = \"{BASE_YEAR}\"\nyears = {YEARS}\ncurrency = \"GBP\"\ndescription = \"Made by poolplan new: replace the example rows with your own\"\n",
        toml_string(name)
    )
}

/// `scenarios/baseline.toml`: central assumptions for the budget.
pub fn baseline(budget: &str) -> String {
    format!(
        r#"# A scenario (SPEC §5): assumptions and levers applied to the budget.
name = "Baseline"
budget = "{budget}"
description = "The budget rolled forward with central assumptions"

[rates]
pay_inflation = "3%"
price_inflation = "2%"
deflator = "2%"
discount_rate = "3.5%"

[demand]
# Volume growth a year, by category or service id.
family-support = "2%"
"#
    )
}

/// The workspace README: a line per file.
pub fn readme(budget: &str, name: &str, xlsx: bool) -> String {
    let mut s = format!(
        "# {name}\n\nA poolplan workspace made by `poolplan new`. Replace the example rows with your own, then run `poolplan check` in this folder, and `poolplan` to explore the scenarios.\n\n"
    );
    s.push_str(&format!("- `budgets/{budget}/budget.toml`: the budget's name, base year (year 0) and horizon in years.\n"));
    if xlsx {
        s.push_str(&format!("- `budgets/{budget}/budget.xlsx`: the budget's tables, one sheet each (the \"Read me\" sheet explains every column):\n"));
        for t in TABLES {
            s.push_str(&format!("  - sheet `{}`: {}.\n", t.sheet(), t.about));
        }
    } else {
        for t in TABLES {
            s.push_str(&format!("- `budgets/{budget}/{}`: {}.\n", t.file, t.about));
        }
    }
    s.push_str("- `scenarios/baseline.toml`: the baseline scenario: inflation, demand growth and the discount rate; copy it to make other scenarios.\n");
    s
}

fn toml_string(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}
