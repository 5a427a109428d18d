//! How long a lever edit takes to show: the edit is checked by the
//! scenario parser, every scenario that uses it is re-resolved and
//! re-projected, and the screen is redrawn into a `TestBackend` (120×40).
//! On the example workspace, and on a generated 10,000-service workspace.
//!
//! `cargo bench --bench tui_edit` prints median and worst times.

use poolplan::tui::action::Action;
use poolplan::tui::app::{App, Tab};
use poolplan::tui::run::app_for;
use poolplan::tui::update::update;
use poolplan::tui::view::draw;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

fn generate(root: &Path, services: usize) {
    let b = root.join("budgets/big");
    std::fs::create_dir_all(&b).unwrap();
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    let w = |name: &str, text: String| std::fs::write(b.join(name), text).unwrap();
    w(
        "budget.toml",
        "name = \"Big\"\nbase_year = \"2020-21\"\nyears = 5\n".into(),
    );
    let mut t = String::from("id,name,kind\n");
    (0..10).for_each(|i| writeln!(t, "p{i},Partner {i},council").unwrap());
    w("partners.csv", t);
    let mut t = String::from("id,name,host,risk_share\n");
    (0..20).for_each(|i| writeln!(t, "pool{i},Pool {i},p{},pro_rata", i % 10).unwrap());
    w("pools.csv", t);
    let mut t = String::from("pool,partner,year,amount\n");
    for i in 0..20 {
        for p in 0..10 {
            writeln!(
                t,
                "pool{i},p{p},2020-21,{}",
                2_000_000 + 13_457 * (i * 10 + p)
            )
            .unwrap();
        }
    }
    w("contributions.csv", t);
    let mut t = String::from("id,name,sector\n");
    (0..200).for_each(|i| writeln!(t, "prov{i},Provider {i},private").unwrap());
    w("providers.csv", t);
    let mut t = String::from("id,name,pool,provider,category,unit,unit_cost,volume,pay_share,uplift,outcome,outcome_rate,outcome_value\n");
    for i in 0..services {
        writeln!(
            t,
            "s{i},Service {i},pool{},prov{},cat{},week,{}.{:02},{},0.6,index,ok,0.02,20000",
            i % 20,
            i % 200,
            i % 50,
            100 + (i * 37) % 3000,
            i % 100,
            10 + (i * 11) % 500
        )
        .unwrap();
    }
    w("services.csv", t);
    std::fs::write(
        root.join("scenarios/central.toml"),
        "# central\nbudget = \"big\"\n\n[rates]\npay_inflation = \"2.5%\" # a year\nprice_inflation = \"2%\"\n",
    )
    .unwrap();
}

fn measure(label: &str, app: &mut App, tab: Tab, n: usize) {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    update(app, Action::GoTab(Tab::Levers));
    update(app, Action::Top);
    let mut times: Vec<Duration> = vec![];
    for i in 0..n {
        let start = Instant::now();
        update(
            app,
            if i % 2 == 0 {
                Action::NudgeUp
            } else {
                Action::NudgeDown
            },
        );
        app.tab = tab;
        term.draw(|f| draw(f, app)).unwrap();
        times.push(start.elapsed());
        app.tab = Tab::Levers;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label}: lever edit → recompute → redraw {tab:?} (120×40): median {:.2} ms, worst {:.2} ms over {n} edits",
        ms(times[n / 2]),
        ms(times[n - 1])
    );
}

fn main() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut app = app_for(example, (120, 40), true);
    // baseline: every other scenario extends it, so all six re-project.
    measure(
        "example (6 scenarios re-projected)",
        &mut app,
        Tab::Overview,
        200,
    );
    measure(
        "example (6 scenarios re-projected)",
        &mut app,
        Tab::Services,
        200,
    );
    let d = tempfile::tempdir().unwrap();
    generate(d.path(), 10_000);
    let mut big = app_for(d.path(), (120, 40), true);
    assert!(big.errors.is_empty(), "{:?}", big.errors);
    let (s, b) = (
        big.session.scenario("central").unwrap(),
        big.session.budget_of("central").unwrap(),
    );
    let start = Instant::now();
    for _ in 0..5 {
        poolplan::engine::project(b, s).unwrap();
    }
    println!(
        "10,000 services: engine::project alone: {:.2} ms",
        start.elapsed().as_secs_f64() * 200.0
    );
    let text = big.session.text("central").unwrap().to_string();
    let start = Instant::now();
    for _ in 0..5 {
        big.session.check("central", &text).unwrap();
    }
    println!(
        "10,000 services: check (parse, resolve, project): {:.2} ms",
        start.elapsed().as_secs_f64() * 200.0
    );
    measure("10,000 services", &mut big, Tab::Overview, 20);
    measure("10,000 services", &mut big, Tab::Services, 20);
}
