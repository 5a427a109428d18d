//! Every user-visible string of the TUI in one place.

pub const APP: &str = "poolplan";
pub const TAB_TITLES: [&str; 7] = [
    "1 Overview",
    "2 Pools",
    "3 Services",
    "4 Providers",
    "5 Compare",
    "6 Levers",
    "7 Monitor",
];
pub const TOO_SMALL: &str = "Terminal too small: poolplan needs at least 80×24";
pub const NO_SCENARIOS: &str =
    "No scenario could be loaded. Fix the errors below; poolplan reloads as soon as a file changes.";
pub const ERRORS_TITLE: &str =
    " Errors: the files on disk have problems; showing the last good model ";
pub const HELP_TITLE: &str = " Help: keys on this screen (j/k scroll, Esc closes) ";
pub const HELP_NOTES: &[&str] = &[
    "! beside a pool: it overspends this year, after its reserve is used",
    "● unsaved: the scenario has edits not yet saved (w saves, u undoes)",
    "Figures are exact; each is rounded only for display, half away from zero",
];
pub const PICK_TITLE: &str = " Scenario (Enter picks, Esc closes) ";
pub const PICK_A_TITLE: &str = " Compare: scenario A ";
pub const PICK_B_TITLE: &str = " Compare: scenario B ";
pub const CONFIRM_TITLE: &str = " Unsaved edits ";
pub const CONFIRM_TEXT: &str = "Quit without saving? y quits, n (or Esc) goes back; w saves.";
pub const FORM_ADD: &str = " Add a lever (Tab next field, ←/→ kind, Enter saves, Esc cancels) ";
pub const FORM_EDIT: &str = " Edit lever (Tab next field, Enter applies, Esc cancels) ";
pub const FILTER: &str = "filter: ";
pub const EDIT: &str = "new value: ";
pub const EDIT_LOW: &str = "new low: ";
pub const EDIT_MODE: &str = "new mode: ";
pub const EDIT_HIGH: &str = "new high: ";
/// After an edit that changed a scenario's §14 ranges.
pub const RANGES_MOVED: &str = "; ranges changed: the Risk view (R) recomputes its draws";
pub const NO_RANGE: &str =
    "this row has no range: add one under [ranges] in the scenario file (SPEC §14)";
pub const RANGE_KEYS: &str = "Enter types it, +/- nudge it by 0.5pp, b the next bound";
pub const RANGE_BACK: &str = "Enter and +/- edit the value again";
pub const CASH: &str = "cash";
pub const REAL: &str = "real (base-year prices)";
pub const UNSAVED: &str = "● unsaved";
pub const INHERITED: &str = "inherited: edit it in that scenario";
pub const NOTHING_TO_UNDO: &str = "nothing to undo";
pub const NOTHING_TO_REDO: &str = "nothing to redo";
pub const NOT_EDITABLE: &str = "this row cannot be nudged";
pub const NOTHING_SAVED: &str = "no unsaved edits in this scenario";
pub const BY_YEAR: &str = " by year";
pub const NUDGE_A_YEAR: &str =
    "a rate by year: +/- on one of its years below; y adds a year, d removes one";
pub const NO_YEAR_TABLE: &str = "only a rate, demand or contribution growth can be given by year";
pub const ONLY_YEAR: &str = "the table's only year: d on the rate's own row clears the whole rate";
pub const NOT_IN_FILE: &str = "nothing set in this file to clear";
pub const SAVE_AS_CLASH: &str = "a scenario with that name exists; choose another name";
pub const NA: &str = "n/a";
/// A total row's label; a column whose rows count different things.
pub const TOTAL: &str = "total";
pub const MIXED: &str = "mixed";
pub const OVERVIEW_CHART: &str = " Total of in-year gaps to date, by scenario ";
pub const POOL_LIST: &str = " Pools ";
pub const GLANCE_TITLE: &str = "Pools,";
pub const END_BALANCE: &str = "last balance";
pub const BEARS_TITLE: &str = "Who bears what:";
pub const GLANCE_HELP: &str =
    "Enter open pool · s/S sort · y year/horizon · c contribution/risk share/exposure · {/} scroll";
pub const RISK_SHARE: &str = "risk share";
pub const BAR_TITLE: &str = " Contributions by partner ";
pub const DETAIL: &str = " Service detail (Esc closes) ";
pub const LEVERS_TOUCHING: &str = "Levers touching this service";
pub const NO_LEVERS: &str = "none";
pub const PROVIDERS_NOTE: &str =
    "bar: unit cost; │ marks the category's volume-weighted median; saving = paid at the median";
pub const BRIDGE_TITLE: &str = "Bridge:";
pub const SENSITIVITY_KEYS: &str =
    "t back to the bridge · j/k input · {/} scroll columns · each input moved ±1pp";
pub const EFFECT_HEAD: &str = "effect on gap / overspend, with it minus without";
pub const ACROSS: &str = "saving at the category median (across sectors)";
pub const WITHIN: &str = "saving at each line's sector median (within sector)";
pub const SAVINGS_ALL: &str = "saving at median over the horizon, across / within sector";
pub const PROVIDERS_KEYS: &str =
    "c category · s/S sort · Enter provider · / find · {/} columns · v bars · across = priced at the category median; within = at the line's own sector's median";
pub const NOTE: &str = "note";
pub const HEADLINES_TITLE: &str = " Headlines over the horizon ";
pub const LEVERS_HELP: &str =
    "Enter edit · +/- nudge · b range · y year · a lever · d delete · u undo · w save";
pub const RELOADED: &str = "reloaded: the files changed on disk";
pub const EXPORT_INVALID: &str = "nothing exported: the files on disk have errors (see the panel); the figures shown come from earlier files, so an export could not say which inputs made them. Fix the files first";
pub const RECOVERED: &str = "restored the unsaved edits from the recovery file (w saves them)";
pub const RECOVERY_KEPT: &str = "the recovery file is kept: poolplan asks again at the next start";
pub const FIND: &str = "find: ";
pub const FIND_FIRST: &str = "press / and type what to find first";
pub const FIXED: &str = "the files are fixed: figures loaded";
pub const NEW_HISTORY: &str = "undo starts afresh";
pub const ERRORS_START_TITLE: &str =
    " Errors: no figures are shown until the files are fixed (j/k scroll; poolplan reloads as you save) ";
pub const NO_ACTUALS: &str = "No actuals: this budget has no actuals.csv rows in the scenario's horizon, so there is nothing to monitor. Add budgets/<budget>/actuals.csv (service, year, period, amount).";
pub const MONITOR_KEYS: &str = "f method · </> period · Enter services · Esc back";
pub const CURVE_TITLE: &str = "actual to date against the profile";
pub const CURVE_PROFILE: &str = "profile";
pub const CURVE_ACTUAL: &str = "actual";
pub const CURVE_TO_DATE: &str = "to date";
pub const CURVE_FORECAST: &str = "forecast";
pub const CURVE_BUDGET: &str = "budget";
pub const ALL_POOLS: &str = "all pools";
pub const PARTNER_SHARES: &str = " Partners' forecast risk share against the plan ";
pub const KEPT_EDITS: &str = "your unsaved edits are kept";

/// The sections of the Levers tab.
pub const SECTION_RATES: &str = "Rates";
pub const SECTION_DEMAND: &str = "Demand growth a year (by category or service)";
pub const SECTION_GROWTH: &str = "Contribution growth a year (by partner)";
pub const SECTION_LEVERS: &str = "Levers (in run order: parents' first)";

/// Services detail: a year whose figures schedules.csv fixes (SPEC §10.2).
pub const SCHEDULED: &str = "scheduled";
pub const SCHEDULED_PRICE: &str = "sched. price";
pub const SCHEDULED_VOLUME: &str = "sched. volume";
