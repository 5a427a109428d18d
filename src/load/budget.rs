//! Loading one budget folder: the manifest and the six CSV tables, each row
//! parsed and every cross-reference checked. All problems are reported.

use super::diag::{Diagnostic, Owner, Sink};
use super::manifest::{parse_manifest, Manifest};
use super::read_file;
use super::refs::{Declared, Known};
use super::table::{read_table, Row, Table};
use crate::model::value::{
    parse_enum, parse_id, parse_money, parse_outcome_rate, parse_quantity, parse_rate,
};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A loaded budget, whether any error was found in it, and what its files
/// declare (for checking scenarios' references).
pub struct Loaded {
    pub budget: Budget,
    pub has_errors: bool,
    pub declared: Declared,
}

/// Row-level helpers: parse a cell and report a problem at its row and column.
struct Cells<'t, 's, 'd> {
    table: &'t Table,
    sink: &'s mut Sink<'d>,
}

impl Cells<'_, '_, '_> {
    fn report(&mut self, row: &Row, col: &str, msg: String) {
        let field = self.table.field(col);
        self.sink.error(Some(row.line), Some(field), msg);
    }

    /// A required text cell.
    fn required<'r>(&mut self, row: &'r Row, col: &str) -> Option<&'r str> {
        let v = self.table.cell(row, col);
        if v.is_empty() {
            self.report(
                row,
                col,
                format!("\"{col}\" is empty; this column is required"),
            );
            None
        } else {
            Some(v)
        }
    }

    fn id(&mut self, row: &Row, col: &str) -> Option<String> {
        let v = self.required(row, col)?;
        parse_id(v).map_err(|e| self.report(row, col, e)).ok()
    }

    fn parsed<T>(
        &mut self,
        row: &Row,
        col: &str,
        required: bool,
        default: T,
        f: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let v = self.table.cell(row, col);
        if v.is_empty() {
            if required {
                self.report(
                    row,
                    col,
                    format!("\"{col}\" is empty; this column is required"),
                );
                return None;
            }
            return Some(default);
        }
        f(v).map_err(|e| self.report(row, col, e)).ok()
    }
}

/// Load `budgets/<id>/`.
pub fn load_budget(root: &Path, id: &str, diags: &mut Vec<Diagnostic>) -> Loaded {
    let before = diags.len();
    let dir = root.join("budgets").join(id);
    let show = |f: &str| format!("budgets/{id}/{f}");
    let owner = Owner::Budget(id.to_string());
    let mut files = Vec::new();
    let mut sink_for =
        |f: &str, need: &str, diags: &mut Vec<Diagnostic>| -> (Option<Vec<u8>>, String) {
            let path = dir.join(f);
            files.push(path.clone());
            let shown = show(f);
            match read_file(&path) {
                Ok(b) => (Some(b), shown),
                Err(e) => {
                    let message = if path.exists() {
                        e
                    } else {
                        format!("{e}; {need}")
                    };
                    diags.push(Diagnostic {
                        severity: super::diag::Severity::Error,
                        owner: owner.clone(),
                        file: shown.clone(),
                        line: None,
                        col: None,
                        field: None,
                        message,
                    });
                    (None, shown)
                }
            }
        };

    let (bytes, file) = sink_for(
        "budget.toml",
        "every budget folder needs budget.toml with name, base_year (e.g. \"2009-10\") and years (e.g. 3)",
        diags,
    );
    let manifest = bytes.and_then(|b| {
        let mut sink = Sink {
            out: diags,
            owner: owner.clone(),
            file,
        };
        let text = super::text::decode_toml(&b, &mut sink)?;
        parse_manifest(&text, &mut sink)
    });

    let mut budget = Budget {
        id: id.to_string(),
        name: manifest
            .as_ref()
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string()),
        base_year: manifest.as_ref().map(|m| m.base_year).unwrap_or(Year(2000)),
        years: manifest.as_ref().map(|m| m.years).unwrap_or(1),
        currency: manifest
            .as_ref()
            .map(|m| m.currency.clone())
            .unwrap_or_else(|| "GBP".into()),
        description: manifest
            .as_ref()
            .map(|m| m.description.clone())
            .unwrap_or_default(),
        partners: vec![],
        pools: vec![],
        contributions: vec![],
        providers: vec![],
        services: vec![],
        risk_shares: vec![],
        files: vec![],
        monitoring: Default::default(),
    };

    let mut tables: HashMap<&str, (Table, String)> = HashMap::new();
    let specs: &[(&str, &[&'static str], &[&'static str], bool)] = &[
        ("partners.csv", &["id", "name"], &["kind"], true),
        (
            "pools.csv",
            &["id", "name", "host"],
            &["basis", "risk_share", "underspend"],
            true,
        ),
        (
            "contributions.csv",
            &["pool", "partner", "year", "amount"],
            &["note"],
            true,
        ),
        (
            "providers.csv",
            &["id", "name"],
            &["sector", "rating"],
            true,
        ),
        (
            "services.csv",
            &[
                "id",
                "name",
                "pool",
                "provider",
                "category",
                "unit",
                "unit_cost",
                "volume",
            ],
            &[
                "pay_share",
                "uplift",
                "outcome",
                "outcome_rate",
                "outcome_value",
                "start",
                "end",
            ],
            true,
        ),
        ("risk_shares.csv", &["pool", "partner", "share"], &[], false),
    ];
    for (name, req, opt, required) in specs {
        if !*required && !dir.join(name).exists() {
            continue;
        }
        let need = format!(
            "every budget needs {name} with a header row naming the columns {}",
            req.join(", ")
        );
        let (bytes, file) = sink_for(name, &need, diags);
        if let Some(b) = bytes {
            let mut sink = Sink {
                out: diags,
                owner: owner.clone(),
                file: file.clone(),
            };
            if let Some(t) = read_table(&b, &mut sink, req, opt) {
                tables.insert(name, (t, file));
            }
        }
    }
    budget.files = files;

    // Every id written in each table, valid or not (unknown if rows were lost).
    let ids = |name: &str, col: &str| {
        tables
            .get(name)
            .filter(|(t, _)| !t.truncated)
            .map(|(t, _)| {
                t.rows
                    .iter()
                    .chain(&t.short)
                    .map(|r| t.cell(r, col).to_string())
                    .collect::<HashSet<String>>()
            })
    };
    let declared = Declared {
        partners: ids("partners.csv", "id"),
        pools: ids("pools.csv", "id"),
        providers: ids("providers.csv", "id"),
        services: ids("services.csv", "id"),
        pairs: tables
            .get("contributions.csv")
            .filter(|(t, _)| !t.truncated)
            .map(|(t, _)| {
                t.rows
                    .iter()
                    .chain(&t.short)
                    .map(|r| {
                        (
                            t.cell(r, "pool").to_string(),
                            t.cell(r, "partner").to_string(),
                        )
                    })
                    .collect()
            }),
        horizon_known: manifest.is_some(),
    };

    let m = manifest.as_ref();
    let mut ctx = Ctx {
        diags,
        owner: owner.clone(),
        declared: &declared,
        pool_lines: HashMap::new(),
    };
    if let Some((t, f)) = tables.get("partners.csv") {
        budget.partners = ctx.partners(t, f);
    }
    if let Some((t, f)) = tables.get("providers.csv") {
        budget.providers = ctx.providers(t, f);
    }
    if let Some((t, f)) = tables.get("pools.csv") {
        budget.pools = ctx.pools(t, f, &budget.partners);
    }
    if let Some((t, f)) = tables.get("contributions.csv") {
        budget.contributions = ctx.contributions(t, f, &budget, m);
    }
    if let Some((t, f)) = tables.get("services.csv") {
        budget.services = ctx.services(t, f, &budget, m);
    }
    let shares_file = tables.get("risk_shares.csv");
    budget.risk_shares = ctx.risk_shares(
        shares_file.map(|(t, f)| (t, f.as_str())),
        &budget,
        &show("pools.csv"),
    );
    budget.monitoring =
        super::monitoring::load(&dir, id, m.map(|m| (m.base_year, m.years)), ctx.diags);
    let has_errors = diags[before..].iter().any(Diagnostic::is_error);
    Loaded {
        budget,
        has_errors,
        declared,
    }
}

struct Ctx<'d, 'k> {
    diags: &'d mut Vec<Diagnostic>,
    owner: Owner,
    declared: &'k Declared,
    /// Each loaded pool's line and the column of its risk_share cell.
    pool_lines: HashMap<String, (usize, String)>,
}

impl Ctx<'_, '_> {
    fn sink(&mut self, file: &str) -> Sink<'_> {
        Sink {
            out: self.diags,
            owner: self.owner.clone(),
            file: file.to_string(),
        }
    }

    fn dup_check(
        c: &mut Cells,
        seen: &mut HashMap<String, usize>,
        row: &Row,
        col: &str,
        id: &str,
    ) -> bool {
        if let Some(first) = seen.get(id) {
            c.report(row, col, format!("duplicate id \"{id}\" (first used on line {first}); ids must be unique in the table"));
            false
        } else {
            seen.insert(id.to_string(), row.line);
            true
        }
    }

    fn partners(&mut self, t: &Table, file: &str) -> Vec<Partner> {
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let id = c.id(row, "id");
            let name = c.required(row, "name").map(str::to_string);
            let kind = c.parsed(row, "kind", false, PartnerKind::Other, |v| {
                parse_enum(v, "partner kind", PartnerKind::ALL)
            });
            if let (Some(id), Some(name), Some(kind)) = (id, name, kind) {
                if Self::dup_check(&mut c, &mut seen, row, "id", &id) {
                    out.push(Partner { id, name, kind });
                }
            }
        }
        out
    }

    fn providers(&mut self, t: &Table, file: &str) -> Vec<Provider> {
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let id = c.id(row, "id");
            let name = c.required(row, "name").map(str::to_string);
            let sector = c.parsed(row, "sector", false, "other", |v| {
                parse_enum(v, "sector", SECTORS)
            });
            let rating = t.cell(row, "rating").to_string();
            if let (Some(id), Some(name), Some(sector)) = (id, name, sector) {
                if Self::dup_check(&mut c, &mut seen, row, "id", &id) {
                    out.push(Provider {
                        id,
                        name,
                        sector,
                        rating,
                    });
                }
            }
        }
        out
    }

    fn pools(&mut self, t: &Table, file: &str, partners: &[Partner]) -> Vec<Pool> {
        let known = Known::new(
            partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut lines = HashMap::new();
        let mut c = Cells {
            table: t,
            sink: &mut Sink {
                out: self.diags,
                owner: self.owner.clone(),
                file: file.to_string(),
            },
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let id = c.id(row, "id");
            let name = c.required(row, "name").map(str::to_string);
            let host = c.id(row, "host").filter(|h| {
                known.accept("partner", h, "partners.csv", |m| c.report(row, "host", m))
            });
            let basis = c.parsed(row, "basis", false, "other", |v| {
                parse_enum(v, "pool basis", POOL_BASES)
            });
            let risk = c.parsed(row, "risk_share", false, RiskRule::ProRata, |v| {
                parse_enum(v, "risk-share rule", RiskRule::ALL)
            });
            let under = c.parsed(row, "underspend", false, Underspend::CarryForward, |v| {
                parse_enum(v, "underspend rule", Underspend::ALL)
            });
            if let (
                Some(id),
                Some(name),
                Some(host),
                Some(basis),
                Some(risk_share),
                Some(underspend),
            ) = (id, name, host, basis, risk, under)
            {
                if Self::dup_check(&mut c, &mut seen, row, "id", &id) {
                    lines.insert(id.clone(), (row.line, t.field("risk_share")));
                    out.push(Pool {
                        id,
                        name,
                        host,
                        basis,
                        risk_share,
                        underspend,
                    });
                }
            }
        }
        self.pool_lines = lines;
        out
    }

    fn contributions(
        &mut self,
        t: &Table,
        file: &str,
        b: &Budget,
        m: Option<&Manifest>,
    ) -> Vec<Contribution> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let partners = Known::new(
            b.partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen: HashMap<(String, String, Year), usize> = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let pool = c
                .id(row, "pool")
                .filter(|p| pools.accept("pool", p, "pools.csv", |m| c.report(row, "pool", m)));
            let partner = c.id(row, "partner").filter(|p| {
                partners.accept("partner", p, "partners.csv", |m| {
                    c.report(row, "partner", m)
                })
            });
            let year = c.parsed(row, "year", true, Year(0), Year::parse);
            let amount = c.parsed(row, "amount", true, Decimal::ZERO, parse_money);
            let amount = amount.filter(|a| {
                *a >= Decimal::ZERO || {
                    c.report(row, "amount", format!("the contribution \"{}\" is negative; a contribution must be 0 or more (record a cut as a scenario lever)", t.cell(row, "amount")));
                    false
                }
            });
            if let (Some(y), Some(m)) = (year, m) {
                let last = m.base_year.plus(m.years as i32 - 1);
                if y < m.base_year {
                    c.sink.warn(
                        Some(row.line),
                        Some(t.field("year")),
                        format!(
                            "{y} is before the base year {}; this row is never used",
                            m.base_year
                        ),
                    );
                } else if y > last {
                    c.sink.warn(Some(row.line), Some(t.field("year")), format!("{y} is after the budget's horizon ({} to {last}); it is used only by scenarios with a longer horizon", m.base_year));
                }
            }
            if let (Some(pool), Some(partner), Some(year), Some(amount)) =
                (pool, partner, year, amount)
            {
                let key = (pool.clone(), partner.clone(), year);
                if let Some(first) = seen.get(&key) {
                    c.sink.error(Some(row.line), None, format!("duplicate contribution: {partner} into {pool} in {year} is already on line {first}; give each (pool, partner, year) one row"));
                    continue;
                }
                seen.insert(key, row.line);
                out.push(Contribution {
                    pool,
                    partner,
                    year,
                    amount: round(amount),
                    note: t.cell(row, "note").to_string(),
                });
            }
        }
        out
    }

    fn services(
        &mut self,
        t: &Table,
        file: &str,
        b: &Budget,
        m: Option<&Manifest>,
    ) -> Vec<Service> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let providers = Known::new(
            b.providers.iter().map(|p| p.id.as_str()),
            self.declared.providers.as_ref(),
        );
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let get = |col: &str| t.cell(row, col).to_string();
            let fields = ServiceFields {
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
            };
            let mut report = |col: &str, msg: String, warn: bool| {
                if warn {
                    c.sink.warn(Some(row.line), Some(t.field(col)), msg);
                } else {
                    c.report(row, col, msg);
                }
            };
            let horizon = m.map(|m| (m.base_year, m.years));
            if let Some(s) = fields.parse(&pools, &providers, horizon, &mut report) {
                if Self::dup_check(&mut c, &mut seen, row, "id", &s.id) {
                    out.push(s);
                }
            }
        }
        out
    }

    fn risk_shares(
        &mut self,
        t: Option<(&Table, &str)>,
        b: &Budget,
        pools_file: &str,
    ) -> Vec<RiskShare> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let partners = Known::new(
            b.partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut out: Vec<RiskShare> = vec![];
        let mut lines: HashMap<(String, String), usize> = HashMap::new();
        // Pools named on any row, and pools with a rejected row (whose
        // total cannot be checked without repeating that row's error).
        let mut named: HashSet<String> = HashSet::new();
        let mut rejected: HashSet<String> = HashSet::new();
        let mut first_line: HashMap<String, usize> = HashMap::new();
        if let Some((t, file)) = t {
            let mut c = Cells {
                table: t,
                sink: &mut Sink {
                    out: self.diags,
                    owner: self.owner.clone(),
                    file: file.to_string(),
                },
            };
            for row in &t.rows {
                let written = t.cell(row, "pool").to_string();
                named.insert(written.clone());
                let pool = c
                    .id(row, "pool")
                    .filter(|p| pools.accept("pool", p, "pools.csv", |m| c.report(row, "pool", m)));
                let partner = c.id(row, "partner").filter(|p| {
                    partners.accept("partner", p, "partners.csv", |m| {
                        c.report(row, "partner", m)
                    })
                });
                let share = c
                    .parsed(row, "share", true, Decimal::ZERO, parse_rate)
                    .filter(|s| {
                        (Decimal::ZERO..=Decimal::ONE).contains(s) || {
                            c.report(
                                row,
                                "share",
                                format!(
                                    "the share \"{}\" is outside 0% to 100%; write each partner's share of the pool's over- or underspend, e.g. \"40%\"",
                                    t.cell(row, "share")
                                ),
                            );
                            false
                        }
                    });
                let (Some(pool), Some(partner), Some(share)) = (pool, partner, share) else {
                    rejected.insert(written);
                    continue;
                };
                if let Some(p) = b.pool(&pool) {
                    if p.risk_share != RiskRule::Agreed {
                        c.sink.warn(Some(row.line), Some(t.field("pool")), format!("pool \"{pool}\" shares risk {}, not agreed; this row is ignored (set risk_share = agreed in pools.csv to use it)", p.risk_share.name()));
                        continue;
                    }
                }
                if let Some(first) = lines.get(&(pool.clone(), partner.clone())) {
                    c.sink.error(Some(row.line), Some(t.field("partner")), format!("duplicate risk share for {partner} in {pool} (already on line {first}); give each (pool, partner) one row"));
                    rejected.insert(pool);
                    continue;
                }
                lines.insert((pool.clone(), partner.clone()), row.line);
                first_line.entry(pool.clone()).or_insert(row.line);
                out.push(RiskShare {
                    pool,
                    partner,
                    share,
                });
            }
        }
        for p in b.pools.iter().filter(|p| p.risk_share == RiskRule::Agreed) {
            if rejected.contains(&p.id) {
                continue;
            }
            let rows: Vec<&RiskShare> = out.iter().filter(|r| r.pool == p.id).collect();
            let Some((t, file)) = t.filter(|_| !rows.is_empty()) else {
                if named.contains(&p.id) {
                    continue;
                }
                let (line, field) = self
                    .pool_lines
                    .get(&p.id)
                    .cloned()
                    .map_or((None, None), |(l, f)| (Some(l), Some(f)));
                let where_ = if t.is_some() {
                    "risk_shares.csv has no rows for it"
                } else {
                    "there is no risk_shares.csv"
                };
                self.sink(pools_file).error(line, field, format!("pool \"{}\" has risk_share = agreed but {where_}; add one row per partner (pool,partner,share) to risk_shares.csv with shares totalling 100%, or use pro_rata or host", p.id));
                continue;
            };
            let total: Decimal = rows.iter().map(|r| r.share).sum();
            if total != Decimal::ONE {
                let pct = |d: Decimal| (d * Decimal::ONE_HUNDRED).normalize();
                let parts: Vec<String> = rows
                    .iter()
                    .map(|r| format!("{} {}%", r.partner, pct(r.share)))
                    .collect();
                let line = first_line.get(&p.id).copied();
                self.sink(file).error(
                    line,
                    Some(t.field("share")),
                    format!(
                        "the shares of pool \"{}\" total {}% ({}); they must total exactly 100%",
                        p.id,
                        pct(total),
                        parts.join(" + ")
                    ),
                );
            }
        }
        out
    }
}

pub use super::refs::unknown;

/// The text fields of one service (a services.csv row or a `commission` lever).
pub struct ServiceFields {
    pub id: String,
    pub name: String,
    pub pool: String,
    pub provider: String,
    pub category: String,
    pub unit: String,
    pub unit_cost: String,
    pub volume: String,
    pub pay_share: String,
    pub uplift: String,
    pub outcome: String,
    pub outcome_rate: String,
    pub outcome_value: String,
    pub start: String,
    pub end: String,
}

impl ServiceFields {
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
            if v.trim().is_empty() {
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
        let id = id_of("id", &self.id, report);
        let pool = id_of("pool", &self.pool, report)
            .filter(|p| pools.accept("pool", p, "pools.csv", |m| report("pool", m, false)));
        let provider = id_of("provider", &self.provider, report).filter(|p| {
            providers.accept("provider", p, "providers.csv", |m| {
                report("provider", m, false)
            })
        });
        for (col, v) in [
            ("name", &self.name),
            ("category", &self.category),
            ("unit", &self.unit),
        ] {
            if v.trim().is_empty() {
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
            if v.trim().is_empty() {
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
            &self.unit_cost,
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
            &self.volume,
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
        let pay_share = num("pay_share", &self.pay_share, false, Decimal::ZERO, parse_rate, report).filter(|p| {
            (Decimal::ZERO..=Decimal::ONE).contains(p) || {
                report("pay_share", format!("the pay share \"{}\" is outside 0 to 1; write the share of cost that is pay, e.g. 0.6 or \"60%\"", self.pay_share.trim()), false);
                false
            }
        });
        let uplift = match self.uplift.trim().to_ascii_lowercase().as_str() {
            "" | "index" => Some(Uplift::Index),
            "none" => Some(Uplift::None),
            other => match parse_rate(other) {
                Ok(r) => Some(Uplift::Rate(r)),
                Err(e) => {
                    report("uplift", format!("{e}; or write \"index\" (pay/price inflation) or \"none\" (fixed price)"), false);
                    None
                }
            },
        };
        let outcome_rate = num(
            "outcome_rate",
            &self.outcome_rate,
            false,
            Decimal::ZERO,
            parse_outcome_rate,
            report,
        );
        let outcome_value = num(
            "outcome_value",
            &self.outcome_value,
            false,
            Decimal::ZERO,
            parse_money,
            report,
        );
        let year = |col: &str,
                    v: &str,
                    report: &mut dyn FnMut(&str, String, bool)|
         -> Result<Option<Year>, ()> {
            if v.trim().is_empty() {
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
        let start = year("start", &self.start, report);
        let end = year("end", &self.end, report);
        if let (Ok(Some(s)), Ok(Some(e))) = (start, end) {
            if s > e {
                report("end", format!("the service ends ({e}) before it starts ({s}); end must be the same as or after start"), false);
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        Some(Service {
            id: id?,
            name: self.name.trim().to_string(),
            pool: pool?,
            provider: provider?,
            category: self.category.trim().to_string(),
            unit: self.unit.trim().to_string(),
            unit_cost: unit_cost?,
            volume: volume?,
            pay_share: pay_share?,
            uplift: uplift?,
            outcome: self.outcome.trim().to_string(),
            outcome_rate: outcome_rate?,
            outcome_value: outcome_value?,
            start: start.ok()?,
            end: end.ok()?,
        })
    }
}
