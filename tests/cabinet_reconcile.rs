//! Reconciliation (SPEC §7, §8): every figure of every Cabinet table, in
//! every unit, cash and real, equals the tidy export's exact figure (summed
//! where the cell is a total, put in real terms per SPEC §6.6 where asked)
//! rounded on its own to the unit. Both exports are parsed back from their
//! CSV bytes; every value cell of every row is checked.

mod common;

use common::oracle::{check, Exp, Key, Scn, Terms, Tidy};
use common::Block;
use poolplan::engine::Projection;
use poolplan::load::Workspace;
use poolplan::report::cabinet::csv::single_file;
use poolplan::report::tidy::tidy_bytes;
use rust_decimal::Decimal;

struct Ctx<'a> {
    ws: &'a Workspace,
    ps: &'a [Projection],
    tidy: &'a Tidy,
    terms: Terms,
}

impl Ctx<'_> {
    fn scenario(&self, name: &str) -> (&Projection, Scn) {
        let p = self
            .ps
            .iter()
            .find(|p| p.scenario_name == name)
            .expect("scenario by name");
        (p, Scn::of(p))
    }
    fn pool_id(&self, p: &Projection, name: &str) -> String {
        p.pools
            .iter()
            .find(|x| x.name == name)
            .expect("pool")
            .id
            .clone()
    }
    fn partner_id(&self, p: &Projection, name: &str) -> String {
        let b = &self.ws.budgets[&p.budget_id];
        b.partners
            .iter()
            .find(|x| x.name == name)
            .expect("partner")
            .id
            .clone()
    }
    /// Year cells then the total cell of a cash series (`None` = blank year).
    fn series(
        &self,
        s: &Scn,
        header: &[String],
        cash: impl Fn(usize) -> Option<Decimal>,
        total: bool,
    ) -> Vec<Exp> {
        let mut sum = Decimal::ZERO;
        let mut out: Vec<Exp> = header[..header.len() - 1]
            .iter()
            .map(|h| match s.index(h).and_then(|t| cash(t).map(|c| (t, c))) {
                Some((t, c)) => {
                    let v = self.terms.terms(s, t, c);
                    sum += v;
                    Exp::Exact(self.terms.shown(v))
                }
                None => Exp::Empty,
            })
            .collect();
        out.push(if total {
            Exp::Exact(self.terms.shown(sum))
        } else {
            Exp::Empty
        });
        out
    }
}

fn check_row(row: &[String], labels: usize, exp: &[Exp], what: &str) -> usize {
    assert_eq!(row.len() - labels, exp.len(), "{what}: {row:?}");
    for (i, e) in exp.iter().enumerate() {
        check(
            &row[labels + i],
            e,
            &format!("{what}: {row:?} column {}", labels + i),
        );
    }
    exp.len()
}

fn headline(c: &Ctx, b: &Block) -> usize {
    let years = &b.header[2..];
    let mut n = 0;
    for r in &b.rows {
        let (_, s) = c.scenario(&r[0]);
        let any = |_: &Key| true;
        let one = |m: &str, t: usize| c.tidy.sum(&s.id, &s.label(t), m, any);
        let exp = match r[1].as_str() {
            "Reserves at year end" => c.series(
                &s,
                years,
                |t| {
                    Some(if t + 1 < s.years {
                        one("pool_carry_in", t + 1)
                    } else {
                        c.tidy
                            .once(&s.id, "closing_reserve")
                            .expect("closing reserve")
                    })
                },
                false,
            ),
            "In-year gap (spend less contributions; MTFS cumulative gap)" => {
                c.series(&s, years, |t| Some(one("in_year_gap", t)), false)
            }
            // gap[t] − gap[t−1] in the table's terms, gap[0] first; the
            // total is the last year's gap.
            "New gap in year (MTFS annual gap)" => {
                let gap = |t: usize| c.terms.terms(&s, t, one("in_year_gap", t));
                let mut exp: Vec<Exp> = years[..years.len() - 1]
                    .iter()
                    .map(|h| match s.index(h) {
                        Some(0) => Exp::Exact(c.terms.shown(gap(0))),
                        Some(t) => Exp::Exact(c.terms.shown(gap(t) - gap(t - 1))),
                        None => Exp::Empty,
                    })
                    .collect();
                exp.push(Exp::Exact(c.terms.shown(gap(s.years - 1))));
                exp
            }
            m if m.starts_with("Total of in-year gaps over ") => {
                assert_eq!(m, format!("Total of in-year gaps over {} years", s.years));
                let mut exp = vec![Exp::Empty; years.len() - 1];
                let total: Decimal = (0..s.years)
                    .map(|t| c.terms.terms(&s, t, one("in_year_gap", t)))
                    .sum();
                exp.push(Exp::Exact(c.terms.shown(total)));
                exp
            }
            m => {
                let measure = match m {
                    "Contributions" => "contributions",
                    "Spend" => "spend",
                    "Overspend after reserves" => "overspend",
                    "Benefit" => "benefit_total",
                    other => panic!("unexpected headline measure {other}"),
                };
                if c.terms.real && measure == "spend" {
                    for t in 0..s.years {
                        assert_eq!(c.terms.terms(&s, t, one("spend", t)), one("real_spend", t));
                    }
                }
                c.series(&s, years, |t| Some(one(measure, t)), true)
            }
        };
        n += check_row(r, 2, &exp, "headline");
    }
    n
}

fn value_for_money(c: &Ctx, b: &Block) -> usize {
    let mut n = 0;
    for r in &b.rows {
        let (_, s) = c.scenario(&r[0]);
        let pv = |m: &str| Exp::Exact(c.terms.shown(c.tidy.once(&s.id, m).expect("pv")));
        let bcr = match c.tidy.once(&s.id, "bcr") {
            Some(x) => Exp::Near(x, Decimal::new(50001, 7)),
            None => Exp::NA,
        };
        n += check_row(
            &r[..5],
            1,
            &[pv("pv_cost"), pv("pv_benefit"), pv("npv"), bcr],
            "value for money",
        );
    }
    n
}

fn pools(c: &Ctx, b: &Block) -> usize {
    let years = &b.header[4..];
    let mut n = 0;
    for r in &b.rows {
        let (p, s) = c.scenario(&r[0]);
        let pool = (r[1] != "All pools").then(|| c.pool_id(p, &r[1]));
        let partner =
            (r[2] != "All partners" && r[2] != "Pool account").then(|| c.partner_id(p, &r[2]));
        let keep = |k: &Key| {
            pool.as_ref().is_none_or(|x| *x == k.pool)
                && partner.as_ref().is_none_or(|x| *x == k.partner)
        };
        let get = |m: &str, t: usize| c.tidy.sum(&s.id, &s.label(t), m, keep);
        let exp = c.series(
            &s,
            years,
            |t| {
                Some(match r[3].as_str() {
                    "Contribution" => get("contribution", t),
                    "Risk share" => get("risk_share", t),
                    "Exposure" => {
                        let e = get("contribution", t) + get("risk_share", t);
                        if pool.is_none() && partner.is_some() {
                            assert_eq!(e, get("exposure", t), "exposure identity");
                        }
                        e
                    }
                    // §10.3–10.5 rows of the pool account.
                    "Opening reserve" if t == 0 => get("pool_carry_in", t),
                    "Opening reserve" => Decimal::ZERO,
                    "Offset received" => get("pool_offset", t).max(Decimal::ZERO),
                    "Offset given" => get("pool_offset", t).min(Decimal::ZERO),
                    "Cap excess borne by host" => get("cap_excess", t),
                    other => panic!("unexpected pools measure {other}"),
                })
            },
            true,
        );
        n += check_row(r, 4, &exp, "pools");
    }
    n
}

/// Who pays, who benefits: pays = Σ exposure, receives = Σ fiscal_benefit_to
/// over the horizon (cash, whatever the terms), per partner or agency; the
/// total row's cashable = Σ benefit_cashable.
fn who_pays(c: &Ctx, b: &Block) -> usize {
    assert_eq!(b.header[3], format!("Pays (cash) {}", c.terms.unit.label()));
    let mut n = 0;
    for r in &b.rows {
        let (_, s) = c.scenario(&r[0]);
        let total = r[1] == "Total";
        let keep = |k: &Key| total || k.partner == r[1];
        let over = |m: &str| -> Decimal {
            (0..s.years)
                .map(|t| c.tidy.sum(&s.id, &s.label(t), m, keep))
                .sum()
        };
        check(
            &r[3],
            &Exp::Exact(c.terms.shown(over("exposure"))),
            "who pays: pays",
        );
        check(
            &r[4],
            &Exp::Exact(c.terms.shown(over("fiscal_benefit_to"))),
            "who pays: receives",
        );
        n += 2;
        if total {
            check(
                &r[5],
                &Exp::Exact(c.terms.shown(over("benefit_cashable"))),
                "who pays: cashable",
            );
            n += 1;
        }
    }
    n
}

#[test]
fn every_figure_reconciles_with_the_tidy_export() {
    let (ws, ps) = common::load(&common::example_dir());
    let refs: Vec<&Projection> = ps.iter().collect();
    let tidy = Tidy::parse(&tidy_bytes(&refs));
    for (unit, real) in common::all_modes() {
        let (tables, prov) = common::tables(&ws, &ps, unit, real);
        let blocks = common::parse_blocks(&single_file(&tables, &prov, false));
        assert_eq!(blocks.len(), 7, "six tables and the provenance block");
        let c = Ctx {
            ws: &ws,
            ps: &ps,
            tidy: &tidy,
            terms: Terms { unit, real },
        };
        let checked = headline(&c, &blocks[0])
            + value_for_money(&c, &blocks[1])
            + pools(&c, &blocks[2])
            + services::services(&c, &blocks[3])
            + services::comparison(&c, &blocks[4])
            + who_pays(&c, &blocks[5]);
        assert!(checked > 5000, "{checked} cells checked");
    }
}

#[path = "cabinet_reconcile/services.rs"]
mod services;
