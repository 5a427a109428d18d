//! In-year monitoring inputs (SPEC §12.1): the spend booked each month of a
//! financial year (actuals.csv) and the expected shape of a year's spend
//! (profiles.csv). Plain data: a `Monitoring` that exists holds only valid
//! rows (periods 1–12, weights ≥ 0, no duplicates, no all-zero profile).

use super::Year;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::sync::Arc;

/// The months of the financial year, April first: (full name, short form).
pub const MONTHS: [(&str, &str); 12] = [
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
];

/// A month of the financial year, 1 (April) to 12 (March).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period(u8);

impl Period {
    /// The period numbered `n`, if 1 ≤ n ≤ 12.
    pub fn new(n: u8) -> Option<Period> {
        (1..=12).contains(&n).then_some(Period(n))
    }

    /// The number, 1 to 12.
    pub fn number(self) -> u8 {
        self.0
    }

    /// Index into a 12-month array, 0 to 11.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// The short month name with a capital: `Apr`.
    pub fn short_name(self) -> String {
        let s = MONTHS[self.index()].1;
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    }

    /// Parse `1`–`12`, an English month name or its three-letter form,
    /// case-insensitive (`Apr`, `april`, `APRIL`).
    pub fn parse(raw: &str) -> Result<Period, String> {
        let t = raw.trim();
        let hint = "write the month of the financial year as 1–12 (1 = April … 12 = March) or a month name such as \"Apr\" or \"April\"";
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            return t
                .parse::<u8>()
                .ok()
                .and_then(Period::new)
                .ok_or_else(|| format!("the period \"{t}\" is not a month; {hint}"));
        }
        MONTHS
            .iter()
            .position(|(full, short)| t.eq_ignore_ascii_case(full) || t.eq_ignore_ascii_case(short))
            .and_then(|i| u8::try_from(i + 1).ok())
            .map(Period)
            .ok_or_else(|| format!("cannot read \"{t}\" as a period; {hint}"))
    }
}

/// FNV-1a: a fast hash for the short ids of local files (no untrusted
/// network input, so no need for SipHash's flood resistance). Used for the
/// maps a million actuals rows are looked up in.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by service id, with `IdHasher`.
pub type IdMap<'a, V> =
    std::collections::HashMap<&'a str, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Spend booked against one service in one month (a credit is negative).
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    /// Shared by every row of the service (a million-row file holds few ids).
    pub service: Arc<str>,
    pub year: Year,
    pub period: Period,
    pub amount: Decimal,
    /// Its line in actuals.csv (for messages about the service it names).
    pub line: usize,
}

/// The weight of one month in a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileWeight {
    /// A service id or a category.
    pub key: String,
    pub period: Period,
    pub weight: Decimal,
    pub line: usize,
}

/// A budget's monitoring inputs. Empty when the files are absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Monitoring {
    pub actuals: Vec<Actual>,
    pub profiles: Vec<ProfileWeight>,
    /// The monitoring files read (kept apart from the budget's plan files:
    /// monitoring is not part of the plan).
    pub files: Vec<PathBuf>,
    /// How actuals.csv's service column and profiles.csv's key column are
    /// named in messages (`column A "service"`).
    pub service_field: String,
    pub key_field: String,
    /// How the two tables are named in messages (a CSV file, or a sheet of budget.xlsx).
    pub actuals_file: String,
    pub profiles_file: String,
}

impl Monitoring {
    /// Whether any actuals were loaded.
    pub fn has_actuals(&self) -> bool {
        !self.actuals.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_by_number_and_name() {
        assert_eq!(Period::parse("1").unwrap().number(), 1);
        assert_eq!(Period::parse(" 12 ").unwrap().number(), 12);
        assert_eq!(Period::parse("Apr").unwrap().number(), 1);
        assert_eq!(Period::parse("april").unwrap().number(), 1);
        assert_eq!(Period::parse("MARCH").unwrap().number(), 12);
        assert_eq!(Period::parse("Sep").unwrap().number(), 6);
        assert_eq!(Period::parse("january").unwrap().number(), 10);
        assert_eq!(Period::parse("07").unwrap().number(), 7);
        assert_eq!(Period::new(10).unwrap().short_name(), "Jan");
    }

    #[test]
    fn bad_periods() {
        for bad in ["0", "13", "1.5", "Sept", "", "-1", "Apri"] {
            let e = Period::parse(bad).unwrap_err();
            assert!(e.contains("1 = April"), "{bad}: {e}");
        }
    }
}
