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
        update(app, nudge(i));
        // Through `update`, as a key press would: the tab's derived views
        // are brought up to date before it is drawn.
        if tab != Tab::Levers {
            update(app, Action::GoTab(tab));
        }
        term.draw(|f| draw(f, app)).unwrap();
        times.push(start.elapsed());
        update(app, Action::GoTab(Tab::Levers));
    }
    report(
        label,
        &format!("lever edit → recompute → redraw {tab:?}"),
        times,
    );
}

fn nudge(i: usize) -> Action {
    if i.is_multiple_of(2) {
        Action::NudgeUp
    } else {
        Action::NudgeDown
    }
}

fn report(label: &str, what: &str, mut times: Vec<Duration>) {
    times.sort();
    let n = times.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label}: {what} (120×40): median {:.2} ms, worst {:.2} ms over {n} edits",
        ms(times[n / 2]),
        ms(times[n - 1])
    );
}

/// The terminal UI's way: the edit goes to the worker thread. Times how
/// long the screen is blocked (edit → redraw with "computing…") and how
/// long until the new figures are drawn.
fn measure_threaded(label: &str, app: &mut App, n: usize) {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    app.work.threaded = true;
    update(app, Action::GoTab(Tab::Overview));
    update(app, Action::GoTab(Tab::Levers));
    update(app, Action::Top);
    let (mut blocked, mut total) = (vec![], vec![]);
    for i in 0..n {
        let start = Instant::now();
        update(app, nudge(i));
        update(app, Action::GoTab(Tab::Overview));
        term.draw(|f| draw(f, app)).unwrap();
        blocked.push(start.elapsed());
        let done = app.work.take_done(true).expect("a projection");
        update(app, Action::Computed(Box::new(done)));
        term.draw(|f| draw(f, app)).unwrap();
        total.push(start.elapsed());
        update(app, Action::GoTab(Tab::Levers));
    }
    app.work.threaded = false;
    report(
        label,
        "worker thread: edit → redraw marked computing (UI blocked)",
        blocked,
    );
    report(
        label,
        "worker thread: edit → new figures drawn on Overview",
        total,
    );
}

fn main() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut app = app_for(example, (120, 40), true);
    // baseline: every other scenario extends it, so all six re-project.
    for tab in [Tab::Levers, Tab::Overview, Tab::Services] {
        measure("example (6 scenarios re-projected)", &mut app, tab, 200);
    }
    // POOLPLAN_TUI_SIZES=10000,100000 for the national-model case.
    let sizes = std::env::var("POOLPLAN_TUI_SIZES").unwrap_or_else(|_| "10000".into());
    for n in sizes
        .split(',')
        .filter_map(|x| x.trim().parse::<usize>().ok())
    {
        big(n);
    }
}

fn big(n: usize) {
    let d = tempfile::tempdir().unwrap();
    generate(d.path(), n);
    let label = format!("{n} services");
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
        "{label}: engine::project alone: {:.2} ms",
        start.elapsed().as_secs_f64() * 200.0
    );
    let text = big.session.text("central").unwrap().to_string();
    let start = Instant::now();
    for _ in 0..5 {
        big.session.check("central", &text).unwrap();
    }
    println!(
        "{label}: check (parse, resolve, project): {:.2} ms",
        start.elapsed().as_secs_f64() * 200.0
    );
    let runs = if n > 20_000 { 5 } else { 20 };
    for tab in [Tab::Levers, Tab::Overview, Tab::Services, Tab::Pools] {
        measure(&label, &mut big, tab, runs);
    }
    measure_threaded(&label, &mut big, runs);
}
