//! UK financial years, `YYYY-YY`.

use std::fmt;

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
    fn rejects_bad_years() {
        let e = Year::parse("2009-11").unwrap_err();
        assert!(e.contains("did you mean \"2009-10\""), "{e}");
        assert!(Year::parse("2009").is_err());
        assert!(Year::parse("2009/10").is_err());
        assert!(Year::parse("09-10").is_err());
        assert!(Year::parse("２００９-10").is_err());
    }
}
