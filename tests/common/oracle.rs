//! The test oracle: exact figures read back from the tidy export (SPEC §7),
//! put in the Cabinet export's terms and units by the rules of SPEC §6.6 and
//! §8 — independently of the Cabinet table code.

use poolplan::engine::Projection;
use poolplan::model::{round, round_dp};
use poolplan::report::table::Unit;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// One tidy row's entity columns.
#[derive(Debug, Clone)]
pub struct Key {
    pub pool: String,
    pub partner: String,
    pub service: String,
}

/// (scenario, year, measure).
type Index = (String, String, String);

/// The tidy export, indexed by (scenario, year, measure).
pub struct Tidy {
    rows: HashMap<Index, Vec<(Key, Option<Decimal>)>>,
}

impl Tidy {
    pub fn parse(bytes: &[u8]) -> Tidy {
        let mut rdr = csv::Reader::from_reader(bytes);
        let mut rows: HashMap<_, Vec<_>> = HashMap::new();
        for r in rdr.records() {
            let r = r.expect("tidy record");
            let key = (r[0].to_string(), r[1].to_string(), r[5].to_string());
            let value = Decimal::from_str(&r[6]).ok();
            let k = Key {
                pool: r[2].into(),
                partner: r[3].into(),
                service: r[4].into(),
            };
            rows.entry(key).or_default().push((k, value));
        }
        Tidy { rows }
    }

    /// Σ of a measure's rows in a year that `keep` selects (0 when none).
    pub fn sum(
        &self,
        scn: &str,
        year: &str,
        measure: &str,
        keep: impl Fn(&Key) -> bool,
    ) -> Decimal {
        self.rows
            .get(&(scn.into(), year.into(), measure.into()))
            .map(|v| {
                v.iter()
                    .filter(|(k, _)| keep(k))
                    .filter_map(|(_, x)| *x)
                    .sum()
            })
            .unwrap_or_default()
    }

    /// Is there any row of a measure in a year that `keep` selects?
    pub fn has(&self, scn: &str, year: &str, measure: &str, keep: impl Fn(&Key) -> bool) -> bool {
        self.rows
            .get(&(scn.into(), year.into(), measure.into()))
            .is_some_and(|v| v.iter().any(|(k, _)| keep(k)))
    }

    /// A once-only (empty-year) figure.
    pub fn once(&self, scn: &str, measure: &str) -> Option<Decimal> {
        self.rows
            .get(&(scn.into(), String::new(), measure.into()))
            .and_then(|v| v[0].1)
    }
}

/// What a scenario's tables need to know besides the tidy figures.
pub struct Scn {
    pub id: String,
    pub base: i32,
    pub years: usize,
    /// The deflator rate in force in each year (§10.1).
    pub deflator: Vec<Decimal>,
}

impl Scn {
    pub fn of(p: &Projection) -> Scn {
        Scn {
            id: p.scenario_id.clone(),
            base: p.base_year.0,
            years: p.years,
            deflator: (0..p.years)
                .map(|t| p.rates.deflator.at(p.base_year, t))
                .collect(),
        }
    }
    pub fn label(&self, t: usize) -> String {
        let y = self.base + t as i32;
        format!("{y}-{:02}", (y + 1) % 100)
    }
    /// The year index of a `YYYY-YY` label, if the scenario covers it.
    pub fn index(&self, label: &str) -> Option<usize> {
        let y: i32 = label.get(..4)?.parse().ok()?;
        let t = usize::try_from(y - self.base).ok()?;
        (t < self.years).then_some(t)
    }
}

/// Cash or real terms, and the unit.
#[derive(Clone, Copy)]
pub struct Terms {
    pub unit: Unit,
    pub real: bool,
}

impl Terms {
    pub fn dp(&self) -> u32 {
        if self.unit == Unit::Millions {
            1
        } else {
            0
        }
    }
    /// SPEC §6.6: `round(x / (1 + deflator)^t)`, or `x` in cash terms.
    pub fn terms(&self, s: &Scn, t: usize, cash: Decimal) -> Decimal {
        if !self.real {
            return cash;
        }
        let mut f = Decimal::ONE;
        for k in 1..=t {
            f *= Decimal::ONE + s.deflator[k];
        }
        round(cash / f)
    }
    /// Pounds → the unit, rounded on its own (SPEC §8).
    pub fn shown(&self, pounds: Decimal) -> Decimal {
        round_dp(pounds / self.unit.divisor(), self.dp())
    }
}

/// What one exported cell must hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Exp {
    Exact(Decimal),
    /// Within the tolerance of this value (quantities and ratios, which the
    /// tidy export holds only to 4 places).
    Near(Decimal, Decimal),
    NA,
    Empty,
}

/// Check one exported cell against its expectation.
pub fn check(cell: &str, exp: &Exp, ctx: &str) {
    match exp {
        Exp::Empty => assert_eq!(cell, "", "{ctx}: expected an empty cell"),
        Exp::NA => assert_eq!(cell, "n/a", "{ctx}"),
        Exp::Exact(x) => {
            let got = Decimal::from_str(cell)
                .unwrap_or_else(|_| panic!("{ctx}: {cell:?} is not a number"));
            assert_eq!(got, *x, "{ctx}");
        }
        Exp::Near(x, tol) => {
            let got = Decimal::from_str(cell)
                .unwrap_or_else(|_| panic!("{ctx}: {cell:?} is not a number"));
            assert!(
                (got - *x).abs() <= *tol,
                "{ctx}: {got} is not within {tol} of {x}"
            );
        }
    }
}
