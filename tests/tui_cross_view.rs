//! One truth per figure across views: for the example workspace and a
//! generated one (with ties in unit cost, where ordinal and competition
//! ranks differ), the TUI's Providers and Compare tabs show the same ranks,
//! medians, savings and bridge steps as `poolplan providers -O csv` and
//! `poolplan compare -O csv`.

use poolplan::report::format::grouped;
use poolplan::report::table::Unit;
use poolplan::tui::action::Action;
use poolplan::tui::app::{App, Tab};
use poolplan::tui::update::update;
use poolplan::tui::view::draw;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::str::FromStr;

fn cli(root: &Path, args: &[&str]) -> Vec<Vec<String>> {
    let out = Command::new(env!("CARGO_BIN_EXE_poolplan"))
        .arg("--dir")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(out.stdout.as_slice());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn pounds(s: &str) -> String {
    grouped(Decimal::from_str(s).unwrap(), 0)
}

fn app(root: &Path, a: &str, b: &str) -> App {
    let mut app = poolplan::tui::run::app_for(root, (250, 200), false);
    poolplan::tui::run::choose(&mut app, &[a.to_string(), b.to_string()]).unwrap();
    app.unit = Unit::Pounds;
    app
}

fn same_figures(root: &Path, a: &str, b: &str) {
    // Providers: every line's rank, unit cost and saving; each category's median.
    let mut t = app(root, a, b);
    // The bar chart by category (`v`; the table is checked in the TUI's own tests).
    t.providers_view.bars = true;
    update(&mut t, Action::GoTab(Tab::Providers));
    let s = screen(&t);
    let rows = cli(root, &["providers", b, "-O", "csv"]);
    let mut lines = 0;
    for r in rows.iter().filter(|r| r[1] != "(total)") {
        let (rank, name, unit_cost, median, saving) = (&r[8], &r[11], &r[3], &r[9], &r[10]);
        let service = t
            .session
            .projection(b)
            .unwrap()
            .services
            .iter()
            .find(|x| x.id == r[1])
            .unwrap()
            .name
            .clone();
        let label = format!("{rank}. {service} ({name})");
        let line = s
            .lines()
            .find(|l| l.contains(&label))
            .unwrap_or_else(|| panic!("no line {label:?} in\n{s}"));
        let uc = grouped(Decimal::from_str(unit_cost).unwrap(), 2);
        assert!(line.contains(&uc), "{label}: unit cost {uc} not in {line}");
        assert!(
            line.trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with(&pounds(saving)),
            "{label}: saving {saving} not in {line}"
        );
        if !median.is_empty() {
            let m = format!(
                "{} median £{}",
                r[0],
                grouped(Decimal::from_str(median).unwrap(), 2)
            );
            assert!(s.contains(&m), "{m} not in\n{s}");
        }
        lines += 1;
    }
    assert!(lines > 3);
    // Compare: every bridge step, in order, with its change.
    update(&mut t, Action::GoTab(Tab::Compare));
    let s = screen(&t);
    let steps: Vec<Vec<String>> = cli(root, &["compare", a, b, "-O", "csv"])
        .into_iter()
        .filter(|r| r[0] == "bridge")
        .collect();
    assert!(!steps.is_empty());
    let mut from = 0;
    for r in &steps {
        let (driver, change) = (&r[2], pounds(&r[3]));
        let at = s[from..]
            .find(driver.as_str())
            .unwrap_or_else(|| panic!("step {driver:?} missing or out of order in\n{s}"));
        let line = s[from + at..].lines().next().unwrap();
        assert!(
            line.contains(&format!(" {change} ")),
            "{driver}: {change} not in {line}"
        );
        from += at + line.len();
    }
}

#[test]
fn the_example() {
    same_figures(Path::new(env!("CARGO_MANIFEST_DIR")), "baseline", "central");
}

/// A workspace with ties in unit cost and a zero-volume category.
fn generate(root: &Path) {
    let b = root.join("budgets/gen");
    std::fs::create_dir_all(&b).unwrap();
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    let w = |name: &str, text: String| std::fs::write(b.join(name), text).unwrap();
    w(
        "budget.toml",
        "name = \"Gen\"\nbase_year = \"2020-21\"\nyears = 3\n".into(),
    );
    w(
        "partners.csv",
        "id,name,kind\np0,Partner 0,council\np1,Partner 1,nhs\n".into(),
    );
    w(
        "pools.csv",
        "id,name,host,risk_share\npool0,Pool 0,p0,pro_rata\npool1,Pool 1,p1,pro_rata\n".into(),
    );
    let mut t = String::from("pool,partner,year,amount\n");
    for i in 0..2 {
        for p in 0..2 {
            writeln!(t, "pool{i},p{p},2020-21,{}", 900_000 + 10_000 * (i * 2 + p)).unwrap();
        }
    }
    w("contributions.csv", t);
    let mut t = String::from("id,name,sector\n");
    (0..6).for_each(|i| writeln!(t, "prov{i},Provider number {i},private").unwrap());
    w("providers.csv", t);
    let mut t = String::from("id,name,pool,provider,category,unit,unit_cost,volume,pay_share,uplift,outcome,outcome_rate,outcome_value\n");
    for i in 0..18 {
        // Unit costs repeat within a category (ties).
        writeln!(
            t,
            "s{i},Service {i},pool{},prov{},cat{},week,{},{},0.6,index,ok,0.3,2000",
            i % 2,
            i % 6,
            i % 3,
            100 + 50 * ((i / 3) % 3),
            5 + i
        )
        .unwrap();
    }
    w("services.csv", t);
    std::fs::write(
        root.join("scenarios/base.toml"),
        "budget = \"gen\"\n\n[rates]\npay_inflation = \"2.5%\"\nprice_inflation = \"2%\"\n",
    )
    .unwrap();
    std::fs::write(root.join("scenarios/plan.toml"), "extends = \"base\"\n\n[rates]\npay_inflation = \"4%\"\n\n[[levers]]\nkind = \"saving\"\npool = \"pool0\"\nfrom = \"2021-22\"\nby = \"£20,000\"\n").unwrap();
}

#[test]
fn a_generated_workspace_with_ties() {
    let d = tempfile::tempdir().unwrap();
    generate(d.path());
    same_figures(d.path(), "base", "plan");
}
