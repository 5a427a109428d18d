//! `poolplan check` run as a user runs it, on fixture workspaces.
//!
//! Each folder under `tests/fixtures/broken/` is the valid base workspace
//! (`tests/fixtures/valid-base`) broken in one way; `make_broken.py` there
//! writes them. For each, `check` must exit 1 and name the file, the line
//! and the problem — and report that one mistake once, not a cascade.

mod common;
use common::cli::check;

fn fixtures() -> PathBuf {
    common::example_dir().join("tests/fixtures")
}

use std::path::{Path, PathBuf};

fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error:")).collect()
}

/// A broken fixture: how many errors `check` reports, and what they must say.
/// The first expectation is where (`file:line`, with the column or key when
/// known); the rest are the key part of the message.
struct Case {
    name: &'static str,
    errors: usize,
    expect: &'static [&'static str],
}

const CASES: &[Case] = &[
    // --- CSV structure --------------------------------------------------
    Case {
        name: "missing-column",
        errors: 1,
        expect: &[
            "budgets/mini/providers.csv:1:",
            "missing required column \"name\"",
            "the header must name the columns id, name",
        ],
    },
    Case {
        name: "duplicate-column",
        errors: 1,
        expect: &[
            "budgets/mini/partners.csv:1, column C \"Name\"",
            "duplicate column name: column B is also \"name\"",
        ],
    },
    Case {
        name: "empty-csv",
        errors: 1,
        expect: &[
            "budgets/mini/providers.csv:1:",
            "the file is empty; it needs a header row with the columns id, name",
        ],
    },
    Case {
        name: "binary-csv",
        errors: 1,
        expect: &[
            "budgets/mini/providers.csv:1:",
            "binary data or control characters, not CSV text",
        ],
    },
    Case {
        name: "missing-csv",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:",
            "the file is missing; every budget needs services.csv",
        ],
    },
    Case {
        name: "semicolon-csv",
        errors: 1,
        expect: &[
            "budgets/mini/providers.csv:1:",
            "missing required columns \"id\", \"name\"",
            "semicolons (;)",
        ],
    },
    Case {
        name: "unclosed-quote",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:2:",
            "a quote (\") opened on this line is never closed",
        ],
    },
    Case {
        name: "short-row",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:4:",
            "this row has 3 cells but the header has 5 columns, so it gives no amount",
        ],
    },
    Case {
        name: "empty-required-cell",
        errors: 1,
        expect: &[
            "budgets/mini/providers.csv:3, column B \"name\"",
            "\"name\" is empty; this column is required",
        ],
    },
    // --- budget.toml ----------------------------------------------------
    Case {
        name: "missing-budget-toml",
        errors: 1,
        expect: &[
            "budgets/mini/budget.toml:",
            "the file is missing; every budget folder needs budget.toml",
        ],
    },
    Case {
        name: "manifest-missing-years",
        errors: 1,
        expect: &["budgets/mini/budget.toml, key \"years\"", "missing"],
    },
    Case {
        name: "manifest-bad-base-year",
        errors: 1,
        expect: &[
            "budgets/mini/budget.toml:2:13, key \"base_year\"",
            "cannot read \"2009\" as a financial year",
        ],
    },
    Case {
        name: "manifest-base-year-date",
        errors: 1,
        expect: &[
            "budgets/mini/budget.toml:2:13, key \"base_year\"",
            "found a date",
            "base_year = \"2009-10\"",
        ],
    },
    Case {
        name: "manifest-zero-years",
        errors: 1,
        expect: &[
            "budgets/mini/budget.toml:3:9, key \"years\"",
            "\"0\" is not a horizon",
            "from 1 to 100",
        ],
    },
    Case {
        name: "no-budgets",
        // The scenarios' budget is then unknown too: a second, true message.
        errors: 2,
        expect: &[
            "error: budgets/: no budgets: add a folder budgets/<id>/",
            "scenarios/base.toml:2:10, key \"budget\": unknown budget \"mini\"; budgets/ lists none",
        ],
    },
    // --- ids and references ---------------------------------------------
    Case {
        name: "bad-id",
        // The partner's id is now unreadable, so every row naming "nhs"
        // names a partner that does not exist: each says so once.
        errors: 6,
        expect: &[
            "budgets/mini/partners.csv:3, column A \"id\"",
            "\"NHS Borough\" is not a valid id",
            "e.g. \"nhs-borough\"",
            "budgets/mini/pools.csv:3, column C \"host\": unknown partner \"nhs\"",
        ],
    },
    Case {
        name: "duplicate-partner-id",
        errors: 1,
        expect: &[
            "budgets/mini/partners.csv:4, column A \"id\"",
            "duplicate id \"council\" (first used on line 2)",
        ],
    },
    Case {
        name: "duplicate-service-id",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:5, column A \"id\"",
            "duplicate id \"family-support\" (first used on line 2)",
        ],
    },
    Case {
        name: "unknown-partner-contribution",
        // The lever on (early-help, nhs) now has no row to change.
        errors: 2,
        expect: &[
            "budgets/mini/contributions.csv:3, column B \"partner\"",
            "unknown partner \"nhs-borough\"; known: council, nhs",
            "scenarios/plan.toml:5:8: partner \"nhs\" has no contributions.csv rows for pool \"early-help\"",
        ],
    },
    Case {
        name: "unknown-pool-contribution",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:4, column A \"pool\"",
            "unknown pool \"camhs-s75\"; known: camhs, early-help",
        ],
    },
    Case {
        name: "unknown-pool-host",
        errors: 1,
        expect: &[
            "budgets/mini/pools.csv:3, column C \"host\"",
            "unknown partner \"police\"; known: council, nhs",
        ],
    },
    Case {
        name: "unknown-service-pool",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:3, column C \"pool\"",
            "unknown pool \"early-years\"",
        ],
    },
    Case {
        name: "unknown-service-provider",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:4, column D \"provider\"",
            "unknown provider \"nhs-trust\"; known: charity, inhouse",
        ],
    },
    Case {
        name: "unknown-enum",
        errors: 1,
        expect: &[
            "budgets/mini/pools.csv:2, column E \"risk_share\"",
            "\"shared\" is not a risk-share rule; use one of: pro_rata, host, agreed",
        ],
    },
    // --- values ---------------------------------------------------------
    Case {
        name: "year-slash",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:3, column C \"year\"",
            "cannot read \"2009/10\" as a financial year; write it as YYYY-YY",
        ],
    },
    Case {
        name: "year-not-consecutive",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:4, column C \"year\"",
            "\"2009-11\" is not a financial year",
            "did you mean \"2009-10\"?",
        ],
    },
    Case {
        name: "bad-money",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:3, column D \"amount\"",
            "cannot read \"£1,2O0\" as money (found the letter \"O\")",
        ],
    },
    Case {
        name: "ambiguous-money",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:3, column G \"unit_cost\"",
            "\"1.000\" as money: it is ambiguous",
            "write \"1,000\" if you mean 1000, or \"1.00\" if you mean 1",
        ],
    },
    Case {
        name: "negative-contribution",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:4, column D \"amount\"",
            "the contribution \"(30,000)\" is negative",
        ],
    },
    Case {
        name: "negative-unit-cost",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:2, column G \"unit_cost\"",
            "the unit cost \"-2000\" is negative",
        ],
    },
    Case {
        name: "negative-volume",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:4, column H \"volume\"",
            "the volume \"-400\" is negative",
        ],
    },
    Case {
        name: "pay-share-out-of-range",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:3, column I \"pay_share\"",
            "the pay share \"120%\" is outside 0 to 1",
        ],
    },
    Case {
        name: "start-after-end",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:4, column O \"end\"",
            "the service ends (2010-11) before it starts (2011-12)",
        ],
    },
    Case {
        name: "duplicate-contribution",
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:6:",
            "duplicate contribution: nhs into early-help in 2009-10 is already on line 3",
        ],
    },
    // --- risk shares ----------------------------------------------------
    Case {
        name: "shares-not-100",
        errors: 1,
        expect: &[
            "budgets/mini/risk_shares.csv:2, column C \"share\"",
            "the shares of pool \"camhs\" total 90% (council 40% + nhs 50%); they must total exactly 100%",
        ],
    },
    Case {
        name: "agreed-without-shares",
        errors: 1,
        expect: &[
            "budgets/mini/pools.csv:3, column E \"risk_share\"",
            "pool \"camhs\" has risk_share = agreed but there is no risk_shares.csv",
        ],
    },
    Case {
        name: "share-out-of-range",
        errors: 2,
        expect: &[
            "budgets/mini/risk_shares.csv:2, column C \"share\"",
            "the share \"140%\" is outside 0% to 100%",
            "budgets/mini/risk_shares.csv:3, column C \"share\": the share \"-40%\" is outside 0% to 100%",
        ],
    },
    Case {
        name: "duplicate-risk-share",
        errors: 1,
        expect: &[
            "budgets/mini/risk_shares.csv:3, column B \"partner\"",
            "duplicate risk share for council in camhs (already on line 2)",
        ],
    },
    // --- scenario files -------------------------------------------------
    Case {
        name: "toml-syntax-error",
        errors: 1,
        expect: &["scenarios/base.toml:7:22:", "TOML syntax error"],
    },
    Case {
        name: "unquoted-year",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:8:15:",
            "TOML syntax error",
            "write a financial year in quotes: from = \"2010-11\"",
        ],
    },
    Case {
        name: "rate-without-percent",
        errors: 1,
        expect: &[
            "scenarios/base.toml:6:17, [rates] key \"pay_inflation\"",
            "did you mean \"2.5%\"?",
        ],
    },
    Case {
        name: "unknown-rate-key",
        errors: 1,
        expect: &[
            "scenarios/base.toml:6:1, key \"pay_inflaton\"",
            "unknown key in [rates]; did you mean \"pay_inflation\"?",
        ],
    },
    Case {
        name: "unknown-top-key",
        errors: 1,
        expect: &[
            "scenarios/base.toml:3:1, key \"year\"",
            "unknown key in a scenario file; did you mean \"years\"?",
        ],
    },
    Case {
        name: "deflator-minus-100",
        errors: 1,
        expect: &[
            "scenarios/base.toml:8:12, [rates] key \"deflator\"",
            "\"-100%\"",
            "use a rate above -100%",
        ],
    },
    Case {
        name: "scenario-without-budget",
        // Once, at the root of the chain: plan.toml inherits its budget.
        errors: 1,
        expect: &[
            "scenarios/base.toml, key \"budget\"",
            "no budget named; add budget = \"mini\"",
        ],
    },
    Case {
        name: "unknown-budget",
        errors: 1,
        expect: &[
            "scenarios/base.toml:2:10, key \"budget\"",
            "unknown budget \"minni\"; did you mean \"mini\"?",
        ],
    },
    Case {
        name: "child-different-budget",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:3:10, key \"budget\"",
            "names budget \"other\" but the scenario it extends uses \"mini\"",
        ],
    },
    Case {
        name: "extends-cycle",
        // One cycle, one message (both scenarios reach it).
        errors: 1,
        expect: &[
            "scenarios/base.toml:3:11, key \"extends\"",
            "extends makes a cycle: base → plan → base",
        ],
    },
    Case {
        name: "self-extends",
        errors: 1,
        expect: &[
            "scenarios/base.toml:3:11, key \"extends\"",
            "extends makes a cycle: base → base",
        ],
    },
    Case {
        name: "extends-unknown",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:2:11, key \"extends\"",
            "unknown scenario \"baseline\"; known: base, plan",
        ],
    },
    Case {
        name: "unknown-growth-partner",
        errors: 1,
        expect: &[
            "scenarios/base.toml:14:10, [contribution_growth] key \"police\"",
            "unknown partner \"police\"; known: council, nhs",
        ],
    },
    // --- levers ---------------------------------------------------------
    Case {
        name: "unknown-lever-kind",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:5:8, lever key \"kind\"",
            "unknown lever kind \"contributions\"; did you mean \"contribution\"?",
        ],
    },
    Case {
        name: "lever-without-kind",
        errors: 1,
        expect: &["scenarios/plan.toml:5:1:", "a lever without \"kind\""],
    },
    Case {
        name: "lever-change-and-by",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:10:6, lever key \"by\"",
            "takes exactly one of change, by or set; this one gives change and by",
        ],
    },
    Case {
        name: "lever-unknown-key",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:9:10, key \"chnage\"",
            "unknown key in a contribution lever; did you mean \"change\"?",
        ],
    },
    Case {
        name: "lever-unknown-service",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:13:11, lever key \"service\"",
            "unknown service \"family-suport\"; did you mean \"family-support\"?",
        ],
    },
    Case {
        name: "lever-unknown-pool",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:7:8, lever key \"pool\"",
            "unknown pool \"early-years\"",
        ],
    },
    Case {
        name: "lever-bad-year",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:8:8, lever key \"from\"",
            "cannot read \"2010\" as a financial year",
        ],
    },
    Case {
        name: "from-after-to",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:9:6, lever key \"to\"",
            "ends (2010-11) before it starts (2011-12)",
        ],
    },
    Case {
        name: "contribution-lever-no-rows",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:5:8:",
            "partner \"council\" has no contributions.csv rows for pool \"camhs\"",
        ],
    },
    Case {
        name: "commission-id-clash",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:23:6, commission key \"id\"",
            "services.csv already has a service \"parenting\"",
        ],
    },
    Case {
        name: "commission-missing-field",
        errors: 1,
        expect: &["scenarios/plan.toml:21:8:", "a commission lever needs unit"],
    },
    Case {
        name: "reduces-without-per-unit",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:16:11, lever key \"reduces\"",
            "needs per_unit",
        ],
    },
    Case {
        name: "negative-lag",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:18:7, lever key \"lag\"",
            "\"-1\" is not a lag",
        ],
    },
    Case {
        name: "outcome-rate-negative",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:35:7, lever key \"set\"",
            "the outcome rate \"-0.2\" is negative",
        ],
    },
    Case {
        name: "saving-with-change",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:35:10, key \"change\"",
            "a saving lever takes only by",
        ],
    },
    Case {
        name: "decommission-with-set",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:35:7, key \"set\"",
            "a decommission lever",
            "takes no change, by or set",
        ],
    },
    // --- outcomes and benefits (SPEC §11) --------------------------------
    Case {
        name: "outcomes-bad-beneficiary",
        errors: 1,
        expect: &[
            "budgets/mini/outcomes.csv:4, column B \"beneficiary\"",
            "\"DWP Jobcentre\" is not a valid id",
            "\"dwp-jobcentre\"",
        ],
    },
    Case {
        name: "outcomes-bad-kind",
        errors: 1,
        expect: &[
            "budgets/mini/outcomes.csv:5, column D \"kind\"",
            "\"socail\" is not a kind; use one of: fiscal, economic, social",
        ],
    },
    Case {
        name: "outcomes-cashable-not-fiscal",
        errors: 1,
        expect: &[
            "budgets/mini/outcomes.csv:5, column E \"cashable\"",
            "with kind social: only a fiscal saving can be cashable",
        ],
    },
    Case {
        name: "outcomes-bad-cashable",
        errors: 1,
        expect: &[
            "budgets/mini/outcomes.csv:3, column E \"cashable\"",
            "cashable \"maybe\" is not yes or no",
        ],
    },
    Case {
        name: "outcomes-duplicate",
        errors: 1,
        expect: &[
            "budgets/mini/outcomes.csv:6, column A \"outcome\"",
            "duplicate row for outcome \"Family-Stabilised\", beneficiary \"nhs\", kind fiscal (first on line 3)",
        ],
    },
    Case {
        name: "outcome-value-and-rows",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:2, column M \"outcome_value\"",
            "outcome_value is given but outcomes.csv has rows for the outcome \"family-stabilised\"",
        ],
    },
    Case {
        name: "commission-outcome-value-and-rows",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:33:17, commission key \"outcome_value\"",
            "outcome_value is given but outcomes.csv has rows for the outcome \"Family-Stabilised\"",
        ],
    },
    Case {
        name: "deadweight-out-of-range",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:2, column P \"deadweight\"",
            "the rate 1.5 is outside -1 to 1",
            "a share from 0 to 1",
        ],
    },
    Case {
        name: "benefit-years-fractional",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:2, column S \"benefit_years\"",
            "benefit_years \"3.0\" is not a whole number",
        ],
    },
    Case {
        name: "drop-off-over-100",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:2, column T \"drop_off\"",
            "the drop_off \"110%\" is outside 0 to 1",
        ],
    },
    Case {
        name: "commission-benefit-years-float",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:31:17, commission key \"benefit_years\"",
            "benefit_years \"2.5\" is not a whole number",
        ],
    },
    // --- encodings ------------------------------------------------------
    Case {
        name: "windows-1252-bad-value",
        // CRLF lines: the bad value is on line 3 (the csv crate alone says 2).
        errors: 1,
        expect: &[
            "budgets/mini/contributions.csv:3, column D \"amount\"",
            "cannot read \"£1,2O0\" as money",
            "warning: budgets/mini/contributions.csv: the file is not UTF-8; read it as Windows-1252",
        ],
    },
    // --- monitoring: actuals.csv and profiles.csv (SPEC §12.1) ----------
    Case {
        name: "actuals-bad-cells",
        errors: 5,
        expect: &[
            "budgets/mini/actuals.csv:5, column A \"service\": \"Family Support\" is not a valid id",
            "budgets/mini/actuals.csv:6, column B \"year\": cannot read \"2009/10\"",
            "budgets/mini/actuals.csv:7, column C \"period\": the period \"13\" is not a month",
            "budgets/mini/actuals.csv:8, column C \"period\": cannot read \"Sept\" as a period",
            "budgets/mini/actuals.csv:9, column D \"amount\": cannot read \"£1.2.3\" as money",
        ],
    },
    Case {
        name: "actuals-duplicate",
        errors: 1,
        expect: &[
            "budgets/mini/actuals.csv:5, column C \"period\"",
            "duplicate actuals row: family-support in 2009-10 period 1 (Apr) is already on line 2",
        ],
    },
    Case {
        name: "actuals-unknown-service",
        errors: 1,
        expect: &[
            "budgets/mini/actuals.csv:5, column A \"service\"",
            "unknown service \"family-suport\"; did you mean \"family-support\"?",
            "warning: budgets/mini/actuals.csv:6, column B \"year\": 2013-14 is outside the budget's horizon",
        ],
    },
    Case {
        name: "profiles-bad-cells",
        errors: 3,
        expect: &[
            "budgets/mini/profiles.csv:3, column C \"weight\": the weight \"-1\" is negative",
            "budgets/mini/profiles.csv:4, column B \"period\": cannot read \"Maj\" as a period",
            "budgets/mini/profiles.csv:5, column A \"key\": \"key\" is empty",
            "warning: budgets/mini/profiles.csv:6, column A \"key\": \"no-such-key\" matches no service id or category",
        ],
    },
    Case {
        name: "profiles-duplicate",
        errors: 1,
        expect: &[
            "budgets/mini/profiles.csv:3, column B \"period\"",
            "duplicate profile row: \"parenting\" period 1 (Apr) is already on line 2",
        ],
    },
    Case {
        name: "profiles-zero-sum",
        errors: 1,
        expect: &[
            "budgets/mini/profiles.csv:2, column C \"weight\"",
            "the weights of \"camhs\" sum to 0",
        ],
    },
    // --- SPEC §10 and §9 growth rates ------------------------------------
    Case {
        name: "rate-table-at-base",
        errors: 1,
        expect: &[
            "scenarios/base.toml:6:19, [rates] key \"pay_inflation\" year \"2009-10\"",
            "is not after the base year 2009-10",
        ],
    },
    Case {
        name: "rate-table-empty",
        errors: 1,
        expect: &[
            "scenarios/base.toml:6:1, [rates] key \"pay_inflation\"",
            "is empty",
        ],
    },
    Case {
        name: "rate-table-bad-year",
        errors: 1,
        expect: &[
            "scenarios/base.toml:10:20, [demand] key \"family-support\" year \"2010\"",
            "cannot read \"2010\" as a financial year",
        ],
    },
    Case {
        name: "rate-table-bad-rate",
        errors: 1,
        expect: &[
            "scenarios/base.toml:13:39, [contribution_growth] key \"council\" year \"2011-12\"",
            "did you mean \"3%\"?",
        ],
    },
    Case {
        name: "rate-table-year-twice",
        errors: 1,
        expect: &[
            "scenarios/base.toml:6:35, [rates] key \"pay_inflation\"",
            "2010-11 is listed twice",
        ],
    },
    Case {
        name: "discount-rate-table",
        errors: 1,
        expect: &[
            "scenarios/base.toml:8:1, [rates] key \"discount_rate\"",
            "not a table by year",
        ],
    },
    Case {
        name: "deflator-table-minus-100",
        errors: 1,
        expect: &[
            "scenarios/base.toml:8:30, [rates] key \"deflator\" year \"2011-12\"",
            "use a rate above -100%",
        ],
    },
    Case {
        name: "growth-plain-one",
        errors: 1,
        expect: &[
            "scenarios/base.toml:10:18, [demand] key \"family-support\"",
            "did you mean \"1%\"?",
        ],
    },
    Case {
        name: "lever-change-plain-one",
        errors: 1,
        expect: &[
            "scenarios/plan.toml:9:10, lever key \"change\"",
            "did you mean \"-1%\"?",
        ],
    },
    Case {
        name: "uplift-plain-one",
        errors: 1,
        expect: &[
            "budgets/mini/services.csv:4, column J \"uplift\"",
            "did you mean \"1%\"?",
        ],
    },
    Case {
        name: "reserve-negative",
        errors: 1,
        expect: &[
            "budgets/mini/pools.csv:2, column G \"opening_reserve\"",
            "is negative",
        ],
    },
    Case {
        name: "reserve-bad-money",
        errors: 1,
        expect: &[
            "budgets/mini/pools.csv:3, column G \"opening_reserve\"",
            "ambiguous",
        ],
    },
    Case {
        name: "agreement-bad-id",
        errors: 1,
        expect: &[
            "budgets/mini/pools.csv:2, column H \"agreement\"",
            "\"trust-s75\"",
        ],
    },
    Case {
        name: "cap-on-host",
        errors: 1,
        expect: &[
            "budgets/mini/risk_caps.csv:3, column B \"partner\"",
            "cannot be capped",
        ],
    },
    Case {
        name: "cap-negative",
        errors: 1,
        expect: &[
            "budgets/mini/risk_caps.csv:2, column C \"cap\"",
            "the cap \"-5%\" is negative",
        ],
    },
    Case {
        name: "cap-unknown-partner",
        errors: 1,
        expect: &[
            "budgets/mini/risk_caps.csv:2, column B \"partner\"",
            "unknown partner \"police\"",
        ],
    },
    Case {
        name: "cap-duplicate",
        errors: 1,
        expect: &[
            "budgets/mini/risk_caps.csv:3, column B \"partner\"",
            "duplicate cap for council in camhs (already on line 2)",
        ],
    },
    Case {
        name: "cap-bad-value",
        errors: 1,
        expect: &[
            "budgets/mini/risk_caps.csv:2, column C \"cap\"",
            "cannot read \"half\" as money",
        ],
    },
    Case {
        name: "schedule-neither",
        errors: 1,
        expect: &[
            "budgets/mini/schedules.csv:3: a schedule row needs unit_cost, volume or both",
        ],
    },
    Case {
        name: "schedule-unknown-service",
        errors: 1,
        expect: &[
            "budgets/mini/schedules.csv:2, column A \"service\"",
            "did you mean \"parenting\"?",
        ],
    },
    Case {
        name: "schedule-commissioned",
        errors: 1,
        expect: &[
            "budgets/mini/schedules.csv:2, column A \"service\"",
            "unknown service \"mst\"",
            "cannot be scheduled",
        ],
    },
    Case {
        name: "schedule-duplicate",
        errors: 1,
        expect: &[
            "budgets/mini/schedules.csv:3: duplicate schedule: parenting in 2010-11 is already on line 2",
        ],
    },
    Case {
        name: "schedule-negative",
        errors: 1,
        expect: &[
            "budgets/mini/schedules.csv:2, column D \"volume\"",
            "is negative",
        ],
    },
    Case {
        name: "schedule-bad-year-outside-horizon",
        errors: 1,
        expect: &[
            "budgets/mini/schedules.csv:2, column C \"unit_cost\"",
            "cannot read \"11OO\" as money",
            "warning: budgets/mini/schedules.csv:2, column B \"year\": 2019-20 is after the budget's horizon",
        ],
    },
    // --- several problems at once ---------------------------------------
    Case {
        name: "many-problems",
        errors: 5,
        expect: &[
            "budgets/mini/contributions.csv:3, column C \"year\"",
            "budgets/mini/services.csv:4, column H \"volume\"",
            "budgets/mini/risk_shares.csv:2, column C \"share\"",
            "scenarios/base.toml:6:1, key \"pay_inflaton\"",
            "scenarios/plan.toml:13:11, lever key \"service\"",
        ],
    },
];

#[test]
fn every_broken_fixture_fails_with_file_line_and_message() {
    let mut failures = vec![];
    for case in CASES {
        let dir = fixtures().join("broken").join(case.name);
        assert!(dir.is_dir(), "no fixture {}", dir.display());
        let (code, stderr) = check(&dir);
        let errors = error_lines(&stderr);
        let mut problems = vec![];
        if code != 1 {
            problems.push(format!("exit code {code}, expected 1"));
        }
        if errors.len() != case.errors {
            problems.push(format!(
                "{} error lines, expected {}",
                errors.len(),
                case.errors
            ));
        }
        for want in case.expect {
            if !stderr.contains(want) {
                problems.push(format!("missing {want:?}"));
            }
        }
        if !stderr.contains("check failed: ") {
            problems.push("missing the \"check failed\" summary".to_string());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n--- stderr ---\n{stderr}",
                case.name,
                problems.join("; ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_folder_is_in_the_table_and_there_are_at_least_30() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures().join("broken"))
        .expect("tests/fixtures/broken exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut in_table: Vec<String> = CASES.iter().map(|c| c.name.to_string()).collect();
    in_table.sort();
    assert_eq!(on_disk, in_table);
    assert!(CASES.len() >= 30);
}

#[test]
fn all_problems_are_listed_not_just_the_first() {
    // Five independent mistakes in five files: a year, a volume, risk
    // shares, a rate key and a lever's service.
    let (code, stderr) = check(&fixtures().join("broken/many-problems"));
    assert_eq!(code, 1, "{stderr}");
    let errors = error_lines(&stderr);
    let files: Vec<&str> = errors
        .iter()
        .filter_map(|l| l.strip_prefix("error: "))
        .filter_map(|l| l.split([':', ',']).next())
        .collect();
    assert_eq!(
        files,
        [
            "budgets/mini/contributions.csv",
            "budgets/mini/services.csv",
            "budgets/mini/risk_shares.csv",
            "scenarios/base.toml",
            "scenarios/plan.toml",
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains("check failed: 1 budget, 2 scenarios: 5 errors, 0 warnings"),
        "{stderr}"
    );
}

#[test]
fn the_example_workspace_passes() {
    let (code, stderr) = check(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("check passed"), "{stderr}");
    assert!(error_lines(&stderr).is_empty(), "{stderr}");
}

#[test]
fn the_valid_base_passes_with_no_warnings() {
    let (code, stderr) = check(&fixtures().join("valid-base"));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("check passed: 1 budget, 2 scenarios: 0 errors, 0 warnings"),
        "{stderr}"
    );
}

#[test]
fn bom_crlf_windows_1252_and_trailing_empty_columns_load_with_warnings_only() {
    let (code, stderr) = check(&fixtures().join("valid-odd-encoding"));
    assert_eq!(code, 0, "{stderr}");
    assert!(error_lines(&stderr).is_empty(), "{stderr}");
    for want in [
        "warning: budgets/mini/contributions.csv: the file is not UTF-8; read it as Windows-1252",
        "warning: budgets/mini/budget.toml: the file is not UTF-8; read it as Windows-1252",
        "check passed: 1 budget, 2 scenarios: 0 errors, 2 warnings",
    ] {
        assert!(stderr.contains(want), "missing {want:?} in\n{stderr}");
    }
    // The BOM, CRLF and Excel's empty trailing header cells are not news.
    assert!(!stderr.contains("partners.csv"), "{stderr}");
    assert!(!stderr.contains("plan.toml"), "{stderr}");
}

#[test]
fn a_header_only_table_is_zero_rows_not_an_error() {
    let (code, stderr) = check(&fixtures().join("valid-header-only"));
    assert_eq!(code, 0, "{stderr}");
    assert!(error_lines(&stderr).is_empty(), "{stderr}");
}

#[test]
fn a_folder_that_is_not_a_workspace_exits_1() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("is not a poolplan workspace: it has no budgets/ folder"),
        "{stderr}"
    );
}

#[test]
fn a_bad_flag_is_a_usage_error() {
    let out = common::cli::cmd(&fixtures().join("valid-base"), &["check", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--no-such-flag"), "{stderr}");
}
