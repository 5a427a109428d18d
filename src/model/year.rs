//! UK financial years, `YYYY-YY`.

use std::fmt;

/// The last financial year a horizon may reach: `9999-00`.
pub const LAST_YEAR: i32 = 9999;

/// A financial year, stored as the calendar year it starts in (2009 for `2009-10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Year(pub i32);

impl Year {
    /// Parse `YYYY-YY`; the second part must be the year after the first.
    pub fn parse(s: &str) -> Result<Year, String> {
        let t = s.trim();
        let b = t.as_bytes();
        let shape_ok = b.len() == 7
            && b[4] == b'-'
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[5..].iter().all(u8::is_ascii_digit);
        if !shape_ok {
            return Err(format!(
                "cannot read \"{t}\" as a financial year; write it as YYYY-YY, e.g. \"2009-10\""
            ));
        }
        let first: i32 = t[..4].parse().map_err(|_| "bad year".to_string())?;
        let second: i32 = t[5..].parse().map_err(|_| "bad year".to_string())?;
        if (first + 1) % 100 != second {
            let next = Year(first);
            return Err(format!(
                "\"{t}\" is not a financial year: the second part must be the year after the first; did you mean \"{next}\"?"
            ));
        }
        Ok(Year(first))
    }

    /// Check that a horizon of `years` years from `self` ends by `9999-00`
    /// (years are written with four digits: `10000-01` is refused on input).
    pub fn horizon_fits(self, years: usize) -> Result<(), String> {
        let last = i64::from(self.0) + years as i64 - 1;
        if last <= i64::from(LAST_YEAR) {
            return Ok(());
        }
        let most = (i64::from(LAST_YEAR) - i64::from(self.0) + 1).max(0);
        Err(format!(
            "a horizon of {years} years from {self} would run past 9999-00, the last year poolplan handles; use at most {most} years"
        ))
    }

    /// The year `n` years later.
    pub fn plus(self, n: i32) -> Year {
        Year(self.0 + n)
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        assert_eq!(Year::parse("2009-10").unwrap(), Year(2009));
        assert_eq!(Year::parse(" 1999-00 ").unwrap(), Year(1999));
        assert_eq!(Year(1999).to_string(), "1999-00");
        assert_eq!(Year(2009).plus(2).to_string(), "2011-12");
    }

    #[test]
    fn horizons_end_by_9999() {
        assert_eq!(Year(9995).horizon_fits(5), Ok(()));
        let e = Year(9995).horizon_fits(6).unwrap_err();
        assert!(e.contains("from 9995-96 would run past 9999-00"), "{e}");
        assert!(e.contains("at most 5 years"), "{e}");
    }

    #[test]
    fn rejects_bad_years() {
        let e = Year::parse("2009-11").unwrap_err();
        assert!(e.contains("did you mean \"2009-10\""), "{e}");
        assert!(Year::parse("2009").is_err());
        assert!(Year::parse("2009/10").is_err());
        assert!(Year::parse("09-10").is_err());
        assert!(Year::parse("２００９-10").is_err());
    }
}
