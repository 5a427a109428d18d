//! The text fields of one service, shared by services.csv and `commission`
//! levers, and their parsing.

use crate::load::refs::Known;
use crate::model::text::trim;
use crate::model::value::*;
use crate::model::*;
use rust_decimal::Decimal;

/// Every services.csv column, which is also every `commission` lever key:
/// the first `SERVICE_REQUIRED` are required. The one list of them.
pub const SERVICE_COLUMNS: &[&str] = &[
    "id",
    "name",
    "pool",
    "provider",
    "category",
    "unit",
    "unit_cost",
    "volume",
    "pay_share",
    "uplift",
    "outcome",
    "outcome_rate",
    "outcome_value",
    "start",
    "end",
    "deadweight",
    "attribution",
    "optimism_bias",
    "benefit_years",
    "drop_off",
];
/// How many of `SERVICE_COLUMNS` are required.
pub const SERVICE_REQUIRED: usize = 8;

/// The text fields of one service (a services.csv row or a `commission`
/// lever), borrowed from the table or the scenario file.
pub struct ServiceFields<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub pool: &'a str,
    pub provider: &'a str,
    pub category: &'a str,
    pub unit: &'a str,
    pub unit_cost: &'a str,
    pub volume: &'a str,
    pub pay_share: &'a str,
    pub uplift: &'a str,
    pub outcome: &'a str,
    pub outcome_rate: &'a str,
    pub outcome_value: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub deadweight: &'a str,
    pub attribution: &'a str,
    pub optimism_bias: &'a str,
    pub benefit_years: &'a str,
    pub drop_off: &'a str,
}

impl<'a> ServiceFields<'a> {
    /// The fields from a getter of each column's (or key's) text.
    pub fn read(get: impl Fn(&str) -> &'a str) -> Self {
        ServiceFields {
            id: get("id"),
            name: get("name"),
            pool: get("pool"),
            provider: get("provider"),
            category: get("category"),
            unit: get("unit"),
            unit_cost: get("unit_cost"),
            volume: get("volume"),
            pay_share: get("pay_share"),
            uplift: get("uplift"),
            outcome: get("outcome"),
            outcome_rate: get("outcome_rate"),
            outcome_value: get("outcome_value"),
            start: get("start"),
            end: get("end"),
            deadweight: get("deadweight"),
            attribution: get("attribution"),
            optimism_bias: get("optimism_bias"),
            benefit_years: get("benefit_years"),
            drop_off: get("drop_off"),
        }
    }

    /// Parse and check; problems go to `report(column, message, is_warning)`.
    pub fn parse(
        &self,
        pools: &Known<'_>,
        providers: &Known<'_>,
        horizon: Option<(Year, usize)>,
        report: &mut dyn FnMut(&str, String, bool),
    ) -> Option<Service> {
        let mut ok = true;
        let req = |col: &str, v: &str, report: &mut dyn FnMut(&str, String, bool)| -> bool {
            if trim(v).is_empty() {
                report(
                    col,
                    format!("\"{col}\" is empty; this field is required"),
                    false,
                );
                false
            } else {
                true
            }
        };
        let id_of =
            |col: &str, v: &str, report: &mut dyn FnMut(&str, String, bool)| -> Option<String> {
                if !req(col, v, report) {
                    return None;
                }
                parse_id(v).map_err(|e| report(col, e, false)).ok()
            };
        let id = id_of("id", self.id, report);
        let pool = id_of("pool", self.pool, report)
            .filter(|p| pools.accept("pool", p, "pools.csv", |m| report("pool", m, false)));
        let provider = id_of("provider", self.provider, report).filter(|p| {
            providers.accept("provider", p, "providers.csv", |m| {
                report("provider", m, false)
            })
        });
        for (col, v) in [
            ("name", &self.name),
            ("category", &self.category),
            ("unit", &self.unit),
        ] {
            if trim(v).is_empty() {
                report(
                    col,
                    format!("\"{col}\" is empty; this field is required"),
                    false,
                );
                ok = false;
            }
        }
        let num = |col: &str,
                   v: &str,
                   required: bool,
                   default: Decimal,
                   f: fn(&str) -> Result<Decimal, String>,
                   report: &mut dyn FnMut(&str, String, bool)|
         -> Option<Decimal> {
            if trim(v).is_empty() {
                if required {
                    report(
                        col,
                        format!("\"{col}\" is empty; this field is required"),
                        false,
                    );
                    return None;
                }
                return Some(default);
            }
            f(v).map_err(|e| report(col, e, false)).ok()
        };
        let unit_cost = num(
            "unit_cost",
            self.unit_cost,
            true,
            Decimal::ZERO,
            parse_money,
            report,
        )
        .filter(|u| {
            *u >= Decimal::ZERO || {
                report(
                    "unit_cost",
                    format!(
                        "the unit cost \"{}\" is negative; a unit cost must be 0 or more",
                        self.unit_cost.trim()
                    ),
                    false,
                );
                false
            }
        });
        let volume = num(
            "volume",
            self.volume,
            true,
            Decimal::ZERO,
            parse_quantity,
            report,
        )
        .filter(|u| {
            *u >= Decimal::ZERO || {
                report(
                    "volume",
                    format!(
                        "the volume \"{}\" is negative; a volume must be 0 or more units a year",
                        self.volume.trim()
                    ),
                    false,
                );
                false
            }
        });
        let pay_share = num("pay_share", self.pay_share, false, Decimal::ZERO, parse_rate, report).filter(|p| {
            (Decimal::ZERO..=Decimal::ONE).contains(p) || {
                report("pay_share", format!("the pay share \"{}\" is outside 0 to 1; write the share of cost that is pay, e.g. 0.6 or \"60%\"", self.pay_share.trim()), false);
                false
            }
        });
        let uplift = match self.uplift.trim().to_ascii_lowercase().as_str() {
            "" | "index" => Some(Uplift::Index),
            "none" => Some(Uplift::None),
            other => match crate::model::growth::parse_growth(other) {
                Ok((r, warning)) => {
                    if let Some(w) = warning {
                        report("uplift", w, true);
                    }
                    Some(Uplift::Rate(r))
                }
                Err(e) => {
                    report("uplift", format!("{e}; or write \"index\" (pay/price inflation) or \"none\" (fixed price)"), false);
                    None
                }
            },
        };
        let outcome_rate = num(
            "outcome_rate",
            self.outcome_rate,
            false,
            Decimal::ZERO,
            parse_outcome_rate,
            report,
        );
        let outcome_value = num(
            "outcome_value",
            self.outcome_value,
            false,
            Decimal::ZERO,
            parse_money,
            report,
        );
        let year = |col: &str,
                    v: &str,
                    report: &mut dyn FnMut(&str, String, bool)|
         -> Result<Option<Year>, ()> {
            if trim(v).is_empty() {
                return Ok(None);
            }
            let y = Year::parse(v).map_err(|e| report(col, e, false))?;
            if let Some((base, n)) = horizon {
                let last = base.plus(n as i32 - 1);
                if y < base || y > last {
                    report(col, format!("{y} is outside the budget's horizon ({base} to {last}); it is clipped to the horizon"), true);
                }
            }
            Ok(Some(y))
        };
        let start = year("start", self.start, report);
        let end = year("end", self.end, report);
        if let (Ok(Some(s)), Ok(Some(e))) = (start, end) {
            if s > e {
                report("end", format!("the service ends ({e}) before it starts ({s}); end must be the same as or after start"), false);
                ok = false;
            }
        }
        let benefit = self.benefit_terms(report);
        if !ok {
            return None;
        }
        Some(Service {
            id: id?,
            name: trim(self.name).to_string(),
            pool: pool?,
            provider: provider?,
            category: trim(self.category).to_string(),
            unit: trim(self.unit).to_string(),
            unit_cost: unit_cost?,
            volume: volume?,
            pay_share: pay_share?,
            uplift: uplift?,
            outcome: trim(self.outcome).to_string(),
            outcome_rate: outcome_rate?,
            outcome_value: outcome_value?,
            benefit: benefit?,
            start: start.ok()?,
            end: end.ok()?,
        })
    }
}
