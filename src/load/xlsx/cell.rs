//! What a stored cell means as table text, by the rules of SPEC §13:
//!
//! - a number is the shortest decimal that gives back the same binary
//!   number (what Excel shows at full precision): typed 1234.56 is exactly
//!   "1234.56". It is never "European-ambiguous": a number such as 1.125
//!   is written "1.1250" (the same amount), so the money grammar, which
//!   rejects the text "1.125", reads it as the number it is;
//! - a number whose format shows it as a percentage is that percentage
//!   ("7.5%" for 0.075, of any size), computed in decimal, not in binary;
//! - a number shown as a date, or a date cell, is an error: a year that
//!   Excel turned into a date must be retyped as text;
//! - a formula gives its saved result; no saved result is an error, as is
//!   an error value (`#DIV/0!`);
//! - booleans read as "true" / "false".

use super::sheet::Raw;
use super::styles::{Shown, Styles};
use rust_decimal::Decimal;

/// The text a cell stands for, or the message of why it cannot be read.
pub fn text(
    raw: &Raw,
    style: Option<usize>,
    styles: &Styles,
    date1904: bool,
) -> Result<String, String> {
    match raw {
        Raw::Text(s) => Ok(s.clone()),
        Raw::Bool(b) => Ok(b.to_string()),
        Raw::Number(v) => {
            let x: f64 = v
                .parse()
                .ok()
                .filter(|x: &f64| x.is_finite())
                .ok_or_else(|| format!("the cell holds \"{v}\", which is not a number Excel writes; the file is damaged: open it in Excel and save it again"))?;
            match styles.shown(style, x) {
                Shown::Plain => Ok(unambiguous(&shortest(x))),
                Shown::Percent => percent(x),
                Shown::Date => Err(date_message(&serial_date(x, date1904), &styles.code(style))),
            }
        }
        Raw::Date(iso) => Err(date_message(iso.get(..10).unwrap_or(iso), "a date")),
        Raw::Error(e) => Err(format!(
            "the cell shows the error {e}: its formula cannot be calculated; correct the formula or type the value"
        )),
        Raw::NoCache => Err("the cell holds a formula with no saved result (the workbook was last saved by a program that does not calculate); open it in Excel, let it calculate (F9) and save it, or type the value".into()),
        Raw::BadString(i) => Err(format!(
            "the cell refers to shared text number {i}, which the workbook does not hold; the file is damaged: open it in Excel and save it again"
        )),
    }
}

/// The shortest decimal that round-trips to `x` (Rust's `Display` for
/// `f64` is exactly that, never with an exponent).
pub fn shortest(x: f64) -> String {
    let s = format!("{x}");
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// A number's text that the money grammar cannot mistake for a European
/// thousands group: `1.125` → `1.1250`.
fn unambiguous(s: &str) -> String {
    let body = s.strip_prefix('-').unwrap_or(s);
    let european = body.split_once('.').is_some_and(|(i, f)| {
        (1..=3).contains(&i.len())
            && !i.starts_with('0')
            && i.bytes().all(|b| b.is_ascii_digit())
            && f.len() == 3
    });
    if european {
        format!("{s}0")
    } else {
        s.to_string()
    }
}

fn percent(x: f64) -> Result<String, String> {
    let d = Decimal::from_str_exact(&shortest(x))
        .ok()
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .ok_or_else(|| {
            format!(
                "the percentage {}% is too large or has too many digits to read exactly",
                x * 100.0
            )
        })?;
    let d = d.normalize();
    Ok(if d.is_zero() {
        "0%".into()
    } else {
        format!("{d}%")
    })
}

fn date_message(date: &str, format: &str) -> String {
    let hint = fy_from_date(date)
        .map(|fy| format!(": was it the year \"{fy}\"? poolplan's tables hold no dates"))
        .unwrap_or_else(|| "; poolplan's tables hold no dates".into());
    format!(
        "Excel has turned this cell into a date ({date}, format {format}){hint}. Format the column as Text (Home › Number Format › Text) and type the value again, e.g. 2009-10"
    )
}

/// `2009-10-01` is what Excel makes of a typed `2009-10`.
fn fy_from_date(date: &str) -> Option<String> {
    let y: i64 = date.get(..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    (date.get(8..10) == Some("01") && m == (y + 1) % 100).then(|| format!("{y}-{m:02}"))
}

/// The calendar date of an Excel serial number, `YYYY-MM-DD`.
pub fn serial_date(x: f64, date1904: bool) -> String {
    let n = x.floor() as i64;
    let days = if date1904 {
        n + 1462
    } else if n == 60 {
        return "1900-02-29".into(); // Lotus 1-2-3's leap-year bug, kept by Excel
    } else if n < 60 {
        n + 1
    } else {
        n
    };
    // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn plain(x: f64) -> String {
        text(&Raw::Number(shortest(x)), None, &Styles::default(), false).unwrap()
    }

    #[test]
    fn numbers_are_the_shortest_round_trip() {
        assert_eq!(plain(1234.56), "1234.56");
        assert_eq!(plain(0.1), "0.1");
        assert_eq!(plain(1e-7), "0.0000001");
        assert_eq!(plain(123456789.123), "123456789.123");
        assert_eq!(plain(52.0), "52");
        assert_eq!(plain(-0.0), "0");
        for (x, d) in [
            (1234.56, dec!(1234.56)),
            (0.1, dec!(0.1)),
            (1e-7, dec!(0.0000001)),
            (123456789.123, dec!(123456789.123)),
        ] {
            assert_eq!(crate::model::value::parse_money(&plain(x)), Ok(d));
        }
        // The stored text of a number is parsed the same way.
        for (stored, shown) in [
            ("1.0000000000000000E-7", "0.0000001"),
            ("1234.5599999999999", "1234.56"),
        ] {
            let raw = Raw::Number(stored.into());
            assert_eq!(text(&raw, None, &Styles::default(), false).unwrap(), shown);
        }
    }

    #[test]
    fn never_european() {
        assert_eq!(plain(1.125), "1.1250");
        assert_eq!(plain(-250.005), "-250.0050");
        assert_eq!(
            crate::model::value::parse_money(&plain(1.125)),
            Ok(dec!(1.125))
        );
        assert_eq!(plain(0.125), "0.125");
        assert_eq!(plain(1234.567), "1234.567");
    }

    #[test]
    fn percentages_in_decimal() {
        assert_eq!(percent(0.075).unwrap(), "7.5%");
        assert_eq!(percent(0.4).unwrap(), "40%");
        assert_eq!(percent(1.5).unwrap(), "150%");
        assert_eq!(percent(-0.1).unwrap(), "-10%");
        assert_eq!(percent(0.0).unwrap(), "0%");
        assert_eq!(percent(0.0123).unwrap(), "1.23%");
    }

    #[test]
    fn dates() {
        assert_eq!(serial_date(40087.0, false), "2009-10-01");
        assert_eq!(serial_date(1.0, false), "1900-01-01");
        assert_eq!(serial_date(61.0, false), "1900-03-01");
        assert_eq!(serial_date(0.0, true), "1904-01-01");
        assert_eq!(fy_from_date("2009-10-01").as_deref(), Some("2009-10"));
        assert_eq!(fy_from_date("2009-10-02"), None);
        let m = date_message("2009-10-01", "mmm-yy");
        assert!(
            m.contains("\"2009-10\"") && m.contains("Format the column as Text"),
            "{m}"
        );
    }

    #[test]
    fn other_values() {
        let s = Styles::default();
        assert_eq!(text(&Raw::Bool(true), None, &s, false).unwrap(), "true");
        assert!(text(&Raw::NoCache, None, &s, false)
            .unwrap_err()
            .contains("no saved result"));
        assert!(text(&Raw::Error("#REF!".into()), None, &s, false)
            .unwrap_err()
            .contains("#REF!"));
        assert!(
            text(&Raw::Date("2009-10-01T00:00:00".into()), None, &s, false)
                .unwrap_err()
                .contains("2009-10")
        );
    }
}
