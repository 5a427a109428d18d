//! `poolplan risk` run as a user runs it on the example workspace (SPEC §14).

mod common;
use common::cli::outcome;
use common::example_dir;

/// Run `poolplan --dir <the example> risk ARGS`: (exit code, stdout, stderr).
fn risk(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["risk"];
    all.extend_from_slice(args);
    outcome(&example_dir(), &all)
}

#[test]
fn the_same_seed_gives_byte_identical_output() {
    for fmt in ["csv", "json", "table"] {
        let a = risk(&["worst-case", "--draws", "300", "-O", fmt]);
        let b = risk(&["worst-case", "--draws", "300", "-O", fmt]);
        assert_eq!(a.0, 0, "{}", a.2);
        assert_eq!(a.1, b.1, "{fmt}");
        assert!(
            a.2.is_empty(),
            "no progress bar when stderr is not a terminal: {}",
            a.2
        );
    }
    let other = risk(&["worst-case", "--draws", "300", "--seed", "7", "-O", "csv"]);
    assert_ne!(
        other.1,
        risk(&["worst-case", "--draws", "300", "-O", "csv"]).1
    );
}

#[test]
fn the_table_says_how_likely_and_what_reserve() {
    let (code, out, err) = risk(&["worst-case", "--draws", "200", "--confidence", "95%"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Risk of scenario Worst case (worst-case): 200 draws, seed 1 (ChaCha8), 5 ranged inputs."), "{out}");
    assert!(
        out.contains("covers its total overspend at 95% confidence"),
        "{out}"
    );
    assert!(out.contains("(safeguarding-lac): overspends in "), "{out}");
    assert!(out.contains("reserve at 95%"), "{out}");
}

#[test]
fn csv_and_json_carry_the_tables() {
    let (_, csv, _) = risk(&["worst-case", "--draws", "50", "-O", "csv"]);
    assert!(csv.starts_with("table,input,low,mode,high,source\ninputs,rates.pay_inflation,0.015,0.04,0.055,scenarios/worst-case.toml:"), "{csv}");
    for t in [
        "\ndistribution,",
        "\npools,",
        "\nexposure,",
        "\ngap_by_year,",
    ] {
        assert!(csv.contains(t), "{t} in {csv}");
    }
    let (_, json, _) = risk(&["worst-case", "--draws", "50", "-O", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[2]["table"], "pools");
    assert!(v[2]["rows"][0]["reserve_needed"].is_number());
}

#[test]
fn bad_options_are_usage_errors() {
    let (code, _, err) = risk(&["worst-case", "--confidence", "150%"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--confidence 150%"), "{err}");
    let (code, _, err) = risk(&["worst-case", "--draws", "0"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = risk(&["no-such"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn the_readme_quotes_the_real_output() {
    let (code, out, err) = risk(&["worst-case", "--units", "thousands"]);
    assert_eq!(code, 0, "{err}");
    let readme = std::fs::read_to_string(example_dir().join("README.md")).unwrap();
    let head: Vec<&str> = out.lines().take(8).collect();
    assert!(
        readme.contains(&head.join("\n")),
        "README.md must quote:\n{}",
        head.join("\n")
    );
    let pools = out
        .lines()
        .skip_while(|l| !l.starts_with("Pools:"))
        .take(9)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(readme.contains(&pools), "README.md must quote:\n{pools}");
}
