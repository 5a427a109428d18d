//! Hand-worked pools-at-a-glance figures, and the matrix against the
//! engine's own exposure and the tidy export on the example workspace.

use super::*;
use crate::analysis::fixture::{budget, example, example_scenario, flat, svc};
use crate::engine::project;
use rust_decimal_macros::dec;

/// Pool p (a 1,000, b 500, host a, pro rata), one year: spend 2,000 + 50 =
/// 2,050 against 1,500, overspend 550 shared 1,000 : 500 → a 366.67, b 183.33.
fn projected() -> Projection {
    let s = svc("s", "c", "x", dec!(100), dec!(20));
    let t = svc("t", "c", "y", dec!(10), dec!(5));
    let b = budget(vec![s, t]);
    let mut sc = flat("s");
    sc.years = 1;
    project(&b, &sc).unwrap()
}

#[test]
fn one_pool_one_year_by_hand() {
    let p = projected();
    let f = pool_figures(&p, Span::Year(0)).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].contributions, f[0].spend, f[0].balance, f[0].overspend),
        (dec!(1500), dec!(2050), dec!(-550), dec!(550))
    );
    assert_eq!(f[0].closing_reserve, dec!(0));
    assert_eq!(total(&f).unwrap().overspend, dec!(550));
    let c = matrix(&p, Span::Year(0), Bears::Contribution).unwrap();
    assert_eq!(c.partners, vec!["a", "b"]);
    assert_eq!(c.cells, vec![vec![dec!(1000)], vec![dec!(500)]]);
    assert_eq!((c.pool_totals[0], c.total), (dec!(1500), dec!(1500)));
    let r = matrix(&p, Span::Horizon, Bears::RiskShare).unwrap();
    assert_eq!(r.partner_totals, vec![dec!(366.67), dec!(183.33)]);
    assert_eq!(r.total, dec!(550));
    let e = matrix(&p, Span::Horizon, Bears::Exposure).unwrap();
    assert_eq!(e.partner_totals, vec![dec!(1366.67), dec!(683.33)]);
    assert_eq!(e.total, dec!(2050));
}

#[test]
fn exposure_rows_equal_the_engine_exposure_and_pools_their_accounts() {
    let (b, scs) = example();
    let p = project(&b, &example_scenario(&scs, "worst-case")).unwrap();
    let e = matrix(&p, Span::Horizon, Bears::Exposure).unwrap();
    for (i, x) in p.exposure.iter().enumerate() {
        assert_eq!(
            e.partner_totals[i],
            sum(&x.values, "t").unwrap(),
            "{}",
            x.partner
        );
    }
    for t in 0..p.years {
        let c = matrix(&p, Span::Year(t), Bears::Contribution).unwrap();
        let r = matrix(&p, Span::Year(t), Bears::RiskShare).unwrap();
        let f = pool_figures(&p, Span::Year(t)).unwrap();
        for (j, l) in p.pools.iter().enumerate() {
            assert_eq!(c.pool_totals[j], l.contributions[t]);
            assert_eq!(
                total(&f).unwrap().overspend,
                p.pools.iter().map(|l| l.overspend[t]).sum()
            );
            assert_eq!(f[j].overspend, l.overspend[t]);
            // Shares sum to the overspend, or to minus a refunded underspend.
            let refunded = l.shares.iter().any(|s| s.values[t] < Decimal::ZERO);
            if !refunded {
                assert_eq!(r.pool_totals[j], l.overspend[t], "{} {t}", l.id);
            }
        }
    }
}

/// The tidy export's rows summed by partner and pool give the same cells.
#[test]
fn matrix_reconciles_with_the_tidy_export() {
    let (b, scs) = example();
    let p = project(&b, &example_scenario(&scs, "worst-case")).unwrap();
    let text = String::from_utf8(crate::report::tidy::tidy_bytes(&[&p])).unwrap();
    let m = matrix(&p, Span::Horizon, Bears::Exposure).unwrap();
    let mut header: Vec<&str> = vec![];
    let mut cells = vec![vec![Decimal::ZERO; m.pools.len()]; m.partners.len()];
    let mut exposure = vec![Decimal::ZERO; m.partners.len()];
    for line in text.lines() {
        let f: Vec<&str> = line.split(',').collect();
        if header.is_empty() {
            header = f;
            continue;
        }
        let col = |n: &str| f[header.iter().position(|h| *h == n).unwrap()];
        let Some(i) = m.partners.iter().position(|x| x == col("partner")) else {
            continue;
        };
        let v: Decimal = col("value").parse().unwrap();
        match col("measure") {
            "contribution" | "risk_share" => {
                let j = m.pools.iter().position(|x| x == col("pool")).unwrap();
                cells[i][j] += v;
            }
            "exposure" => exposure[i] += v,
            _ => {}
        }
    }
    assert_eq!(cells, m.cells);
    assert_eq!(exposure, m.partner_totals);
}
