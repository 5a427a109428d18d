//! The tables, their columns and example rows.

use crate::model::{PartnerKind, RiskRule, Underspend, POOL_BASES, SECTORS};

/// What a column takes (how the workbook formats and checks it).
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    Id,
    Year,
    Money,
    /// A rate or share: a percentage or a fraction.
    Rate,
    Quantity,
    /// One of a list; `strict` = nothing else is allowed.
    Choice(fn() -> Vec<&'static str>, bool),
    /// A month: 1–12 or a month name.
    Period,
}

/// One column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub kind: Kind,
    pub help: &'static str,
}

/// One table: its file, what it is for, columns and example rows.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    pub file: &'static str,
    pub about: &'static str,
    pub columns: &'static [Column],
    pub example: &'static [&'static [&'static str]],
}

impl TableSpec {
    /// The sheet name (the file name without `.csv`).
    pub fn sheet(&self) -> &'static str {
        self.file.trim_end_matches(".csv")
    }
}

const fn col(name: &'static str, required: bool, kind: Kind, help: &'static str) -> Column {
    Column {
        name,
        required,
        kind,
        help,
    }
}

fn names<T>(list: &'static [(&'static str, T)]) -> Vec<&'static str> {
    list.iter().map(|(n, _)| *n).collect()
}

fn partner_kinds() -> Vec<&'static str> {
    names(PartnerKind::ALL)
}
fn bases() -> Vec<&'static str> {
    names(POOL_BASES)
}
fn rules() -> Vec<&'static str> {
    names(RiskRule::ALL)
}
fn underspends() -> Vec<&'static str> {
    names(Underspend::ALL)
}
fn sectors() -> Vec<&'static str> {
    names(SECTORS)
}
fn uplifts() -> Vec<&'static str> {
    vec!["index", "none"]
}
fn outcome_kinds() -> Vec<&'static str> {
    vec!["fiscal", "economic", "social"]
}
fn yes_no() -> Vec<&'static str> {
    vec!["yes", "no"]
}

use Kind::*;

/// Every table, in the order a budget is built.
pub const TABLES: &[TableSpec] = &[
    TableSpec {
        file: "partners.csv",
        about: "the bodies that pay into the pools",
        columns: &[
            col("id", true, Id, "short id, lower-case letters, digits, - and _ (e.g. nhs-icb)"),
            col("name", true, Text, "the partner's name as papers show it"),
            col("kind", false, Choice(partner_kinds, true), "what kind of body (default other)"),
        ],
        example: &[
            &["council", "Council children's services", "council"],
            &["nhs", "NHS integrated care board", "nhs"],
        ],
    },
    TableSpec {
        file: "pools.csv",
        about: "the pooled budgets and their risk-share terms",
        columns: &[
            col("id", true, Id, "short id of the pool"),
            col("name", true, Text, "the pool's name"),
            col("host", true, Id, "the partner id that holds the pool"),
            col("basis", false, Choice(bases, true), "legal basis, a label only (default other)"),
            col("risk_share", false, Choice(rules, true), "who bears an overspend: pro_rata to contributions (default), the host, or agreed shares (risk_shares)"),
            col("underspend", false, Choice(underspends, true), "carry_forward into next year (default) or return to partners"),
            col("opening_reserve", false, Money, "reserve brought into the base year, £ (default 0)"),
            col("agreement", false, Id, "pools naming the same agreement meet each other's overspends first (default none)"),
        ],
        example: &[&["early-help", "Early help pool", "council", "s75", "agreed", "carry_forward", "0", ""]],
    },
    TableSpec {
        file: "contributions.csv",
        about: "the cash each partner puts into each pool in a year",
        columns: &[
            col("pool", true, Id, "pool id"),
            col("partner", true, Id, "partner id"),
            col("year", true, Year, "financial year as text, e.g. 2025-26"),
            col("amount", true, Money, "£ in that year"),
            col("note", false, Text, "free text"),
        ],
        example: &[
            &["early-help", "council", "2025-26", "500000", "base budget"],
            &["early-help", "nhs", "2025-26", "250000", ""],
        ],
    },
    TableSpec {
        file: "providers.csv",
        about: "who delivers the services",
        columns: &[
            col("id", true, Id, "short id of the provider"),
            col("name", true, Text, "the provider's name"),
            col("sector", false, Choice(sectors, true), "in_house, voluntary, private, nhs or other (default)"),
            col("rating", false, Text, "free text, e.g. an inspection grade"),
        ],
        example: &[&["inhouse", "In-house family support", "in_house", "Good"]],
    },
    TableSpec {
        file: "services.csv",
        about: "the commissioned services (contract lines) each pool pays for",
        columns: &[
            col("id", true, Id, "short id of the service"),
            col("name", true, Text, "the service's name"),
            col("pool", true, Id, "the pool that funds it"),
            col("provider", true, Id, "provider id"),
            col("category", true, Text, "groups comparable services, e.g. residential-care"),
            col("unit", true, Text, "what is bought, e.g. placement-week"),
            col("unit_cost", true, Money, "£ per unit at base-year prices"),
            col("volume", true, Quantity, "units a year"),
            col("pay_share", false, Rate, "share of cost that is pay, 0% to 100% (default 0)"),
            col("uplift", false, Choice(uplifts, false), "index (pay/price inflation, default), none (fixed price) or a rate a year such as 3%"),
            col("outcome", false, Text, "the outcome measure's name"),
            col("outcome_rate", false, Quantity, "outcomes per unit (default 0)"),
            col("outcome_value", false, Money, "£ value of one outcome; leave empty when the outcomes sheet values it"),
            col("start", false, Year, "first year the service runs (default: the whole horizon)"),
            col("end", false, Year, "last year the service runs"),
            col("deadweight", false, Rate, "share of outcomes that would have happened anyway (default 0)"),
            col("attribution", false, Rate, "share of outcomes due to this service (default 100%)"),
            col("optimism_bias", false, Rate, "Green Book optimism-bias correction (default 0)"),
            col("benefit_years", false, Quantity, "years an outcome keeps its value, a whole number (default 1)"),
            col("drop_off", false, Rate, "fall in that value each later year (default 0)"),
        ],
        example: &[&[
            "family-support", "Family support", "early-help", "inhouse", "family-support", "family-week", "450", "1000", "60%",
            "index", "children supported", "0.5", "", "2025-26", "", "", "", "", "", "",
        ]],
    },
    TableSpec {
        file: "risk_shares.csv",
        about: "each partner's share of an agreed pool's over- or underspend (pools with risk_share = agreed)",
        columns: &[
            col("pool", true, Id, "pool id"),
            col("partner", true, Id, "partner id"),
            col("share", true, Rate, "the partner's share; a pool's shares total 100%"),
        ],
        example: &[&["early-help", "council", "60%"], &["early-help", "nhs", "40%"]],
    },
    TableSpec {
        file: "schedules.csv",
        about: "a contract's own figures for a year, replacing uprating and demand growth",
        columns: &[
            col("service", true, Id, "service id"),
            col("year", true, Year, "financial year as text"),
            col("unit_cost", false, Money, "£ per unit in that year's cash prices"),
            col("volume", false, Quantity, "units in that year"),
            col("note", false, Text, "free text"),
        ],
        example: &[&["family-support", "2026-27", "", "1100", "contracted volume"]],
    },
    TableSpec {
        file: "risk_caps.csv",
        about: "the most a partner bears of a pool's overspend in a year (not the host)",
        columns: &[
            col("pool", true, Id, "pool id"),
            col("partner", true, Id, "partner id (not the pool's host)"),
            col("cap", true, Money, "£ a year, or a percentage of the partner's own contribution (e.g. 100%)"),
            col("note", false, Text, "free text"),
        ],
        example: &[&["early-help", "nhs", "100%", "at most its own contribution"]],
    },
    TableSpec {
        file: "outcomes.csv",
        about: "the value of one outcome to each agency that gains",
        columns: &[
            col("outcome", true, Text, "the outcome measure, as in services"),
            col("beneficiary", true, Id, "a partner id, or another agency's id (e.g. dwp)"),
            col("value", true, Money, "£ value of one outcome to that beneficiary, base-year prices"),
            col("kind", false, Choice(outcome_kinds, true), "fiscal (default), economic or social"),
            col("cashable", false, Choice(yes_no, true), "yes if a fiscal saving can be taken out of a budget (default no)"),
            col("note", false, Text, "free text"),
        ],
        example: &[&["children supported", "nhs", "1200", "fiscal", "no", "avoided hospital admissions"]],
    },
    TableSpec {
        file: "actuals.csv",
        about: "spend booked to date, month by month (for poolplan monitor)",
        columns: &[
            col("service", true, Id, "service id"),
            col("year", true, Year, "financial year as text"),
            col("period", true, Period, "month of the financial year: 1 (April) to 12 (March), or a month name"),
            col("amount", true, Money, "£ booked in that month (a credit is negative)"),
            col("note", false, Text, "free text"),
        ],
        example: &[&["family-support", "2025-26", "Apr", "37500", ""]],
    },
    TableSpec {
        file: "profiles.csv",
        about: "the expected shape of a year's spend (for poolplan monitor)",
        columns: &[
            col("key", true, Text, "a service id or a category"),
            col("period", true, Period, "month: 1–12 or a month name"),
            col("weight", true, Quantity, "relative weight of that month, 0 or more"),
            col("note", false, Text, "free text"),
        ],
        example: &[&["family-support", "Apr", "1", "add a row for each month"]],
    },
];
