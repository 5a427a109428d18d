//! The Pools tab's SPEC §10 terms of the selected pool, below its account
//! (issue 12 item 3): the opening reserve it brought into the first year,
//! the offsets it received from and gave to the other pools of its
//! agreement (`pool_offset`), and each capped partner's share above its
//! cap, borne by the host (`cap_excess`). Every figure is the engine's own
//! (`PoolLine`); rows appear only where a term is in use, so a pool
//! without §10 terms looks as before.

use super::super::app::App;
use super::super::fmt::{fit, money, series};
use super::super::theme::Theme;
use super::num;
use crate::engine::arith::sum;
use crate::engine::{PoolLine, Projection};
use ratatui::style::Style;
use ratatui::widgets::{Cell, Row};
use rust_decimal::Decimal;

/// One row: label, a value per year (`None` = blank), total shown or not.
pub struct TermRow {
    pub label: String,
    pub values: Vec<Option<Decimal>>,
    pub total: bool,
    pub heading: bool,
}

fn heading(label: String) -> TermRow {
    TermRow {
        label,
        values: vec![],
        total: false,
        heading: true,
    }
}

fn line(label: String, v: &[Decimal]) -> TermRow {
    TermRow {
        label,
        values: v.iter().map(|x| Some(*x)).collect(),
        total: true,
        heading: false,
    }
}

/// The pool's §10 rows, in cash (the view puts them in its terms).
/// `agreement` is the pool's agreement id, if any.
pub fn term_rows(pool: &PoolLine, agreement: Option<&str>) -> Vec<TermRow> {
    let mut out = vec![];
    if !pool.opening_reserve.is_zero() {
        let mut values = vec![None; pool.carry_in.len()];
        if let Some(v) = values.first_mut() {
            *v = Some(pool.opening_reserve);
        }
        out.push(TermRow {
            label: "opening reserve (in carry-in)".into(),
            values,
            total: false,
            heading: false,
        });
    }
    if pool.offset.iter().any(|o| !o.is_zero()) {
        let name = agreement.unwrap_or("its agreement");
        out.push(heading(format!("offsets: {name}")));
        let part = |keep: fn(&Decimal) -> bool| -> Vec<Decimal> {
            pool.offset
                .iter()
                .map(|o| if keep(o) { o.abs() } else { Decimal::ZERO })
                .collect()
        };
        out.push(line("  received".into(), &part(|o| o.is_sign_positive())));
        out.push(line("  given".into(), &part(|o| o.is_sign_negative())));
    }
    let capped: Vec<_> = pool
        .cap_excess
        .iter()
        .filter(|x| x.values.iter().any(|v| !v.is_zero()))
        .collect();
    if !capped.is_empty() {
        out.push(heading(format!("above cap → {}", pool.host)));
        for x in capped {
            out.push(line(format!("  {}", x.partner), &x.values));
        }
    }
    out
}

/// The pool's §10.5 agreement id, if any.
fn agreement<'a>(app: &'a App, pool: &str) -> Option<&'a str> {
    let b = app.current_id().and_then(|id| app.session.budget_of(id))?;
    b.pool(pool)?.agreement.as_deref()
}

/// How many table rows [`rows`] draws for the pool.
pub fn height(app: &App, pool: &PoolLine) -> u16 {
    term_rows(pool, agreement(app, &pool.id)).len() as u16
}

/// The rows drawn in the account table's columns (label `label_w` wide, a
/// column per year, then the total), in the view's terms and units.
pub fn rows(
    app: &App,
    th: &Theme,
    p: &Projection,
    pool: &PoolLine,
    label_w: usize,
) -> Vec<Row<'static>> {
    term_rows(pool, agreement(app, &pool.id))
        .into_iter()
        .map(|r| {
            let mut cells = vec![Cell::from(fit(&r.label, label_w))];
            if r.heading {
                return Row::new(cells).style(th.header());
            }
            let cash: Vec<Decimal> = r.values.iter().map(|v| v.unwrap_or_default()).collect();
            let shown = series(app, p, &cash);
            cells.extend(r.values.iter().zip(&shown).map(|(v, x)| match v {
                Some(_) => num(money(app, *x)),
                None => Cell::from(""),
            }));
            cells.push(match r.total {
                true => sum(&shown, "a pool term")
                    .map(|t| num(money(app, t)))
                    .unwrap_or_else(|_| Cell::from("")),
                false => Cell::from(""),
            });
            Row::new(cells).style(Style::default())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ShareLine;
    use rust_decimal_macros::dec;

    fn pool() -> PoolLine {
        let z = vec![Decimal::ZERO; 3];
        PoolLine {
            id: "p".into(),
            name: "P".into(),
            host: "council".into(),
            opening_reserve: Decimal::ZERO,
            contributions: z.clone(),
            carry_in: z.clone(),
            saving: z.clone(),
            spend: z.clone(),
            balance: z.clone(),
            offset: z.clone(),
            overspend: z.clone(),
            closing_reserve: Decimal::ZERO,
            shares: vec![],
            cap_excess: vec![],
        }
    }

    #[test]
    fn a_pool_without_terms_has_no_rows() {
        assert!(term_rows(&pool(), None).is_empty());
    }

    #[test]
    fn reserve_offsets_and_caps_by_hand() {
        let mut p = pool();
        p.opening_reserve = dec!(250000);
        p.offset = vec![dec!(1200.50), dec!(-300), dec!(0)];
        p.cap_excess = vec![
            ShareLine {
                partner: "nhs".into(),
                values: vec![dec!(0), dec!(4000.01), dec!(0)],
            },
            ShareLine {
                partner: "police".into(),
                values: vec![dec!(0); 3],
            },
        ];
        let r = term_rows(&p, Some("s75-children"));
        let labels: Vec<&str> = r.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "opening reserve (in carry-in)",
                "offsets: s75-children",
                "  received",
                "  given",
                "above cap → council",
                "  nhs"
            ]
        );
        assert_eq!(r[0].values, [Some(dec!(250000)), None, None]);
        assert!(!r[0].total);
        assert_eq!(
            r[2].values,
            [Some(dec!(1200.50)), Some(dec!(0)), Some(dec!(0))]
        );
        assert_eq!(r[3].values, [Some(dec!(0)), Some(dec!(300)), Some(dec!(0))]);
        assert_eq!(r[5].values[1], Some(dec!(4000.01)));
    }
}
