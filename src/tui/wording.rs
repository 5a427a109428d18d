//! What the TUI calls the horizon sum of in-year gaps (issue 12 item 4): in
//! MTFS papers the "cumulative gap" of a year is that year's gap against
//! the base, so poolplan's sum of in-year gaps over the horizon is the
//! "total of in-year gaps over N years" (`analysis::mtfs::total_label`),
//! or "total of gaps, N years" where the room is short. The other bridge
//! measures keep the names `analysis::bridge` gives them.

use crate::analysis::bridge::Measure;
use crate::analysis::mtfs::total_label;

/// The short form: `total of gaps, 3 years`.
pub fn total_short(years: usize) -> String {
    match years {
        1 => "total of gaps, 1 year".into(),
        n => format!("total of gaps, {n} years"),
    }
}

/// The total of in-year gaps over `years`, long where `room` characters
/// allow it, else short.
pub fn total_of_gaps(years: usize, room: usize) -> String {
    let long = total_label(years);
    if long.chars().count() <= room {
        long
    } else {
        total_short(years)
    }
}

/// A bridge measure's name over `years` in `room` characters.
pub fn measure(m: &Measure, years: usize, room: usize) -> String {
    match m {
        Measure::Gap => total_of_gaps(years, room),
        m => m.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_where_it_fits_else_short_never_cumulative() {
        assert_eq!(
            measure(&Measure::Gap, 3, 80),
            "total of in-year gaps over 3 years"
        );
        assert_eq!(measure(&Measure::Gap, 3, 20), "total of gaps, 3 years");
        assert_eq!(total_of_gaps(1, 0), "total of gaps, 1 year");
        assert_eq!(measure(&Measure::Overspend, 3, 0), "cumulative overspend");
    }
}
