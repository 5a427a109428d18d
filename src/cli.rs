//! Command-line interface: subcommands and options (clap derive).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Plan pooled budgets across council, NHS, police, schools and grant
/// partners: exact, auditable multi-year scenarios.
#[derive(Debug, Parser)]
#[command(name = "poolplan", version, about, long_about = None)]
pub struct Cli {
    /// The workspace folder (default: this folder or the nearest parent with budgets/).
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output format of report commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Output {
    /// An aligned table.
    #[default]
    Table,
    /// CSV with raw numbers.
    Csv,
    /// JSON with raw numbers.
    Json,
}

/// Units for money in tables and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Units {
    /// Pounds.
    #[default]
    Pounds,
    /// Thousands of pounds (£000).
    Thousands,
    /// Millions of pounds (£m).
    Millions,
}

/// Cabinet export file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// CSV: one file per table in a folder, or every table in one .csv file.
    #[default]
    Csv,
    /// One Excel workbook, a sheet per table.
    Xlsx,
}

/// The tables of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareTable {
    /// Headline figures by year.
    Headlines,
    /// Present values, NPV, BCR, closing reserve.
    Value,
    /// Pools whose balance moved.
    Pools,
    /// Partners' exposure.
    Exposure,
    /// The services whose cost moved most.
    Services,
    /// The bridge of the total of in-year gaps over the horizon.
    Bridge,
    /// Who pays, who benefits: each partner's and outside agency's payments and fiscal benefit.
    WhoPays,
}

/// How `monitor` forecasts a service's year-end outturn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum MonitorMethod {
    /// actual × 12 / months elapsed.
    #[default]
    Straight,
    /// actual ÷ the share of the year's profile expected by now.
    Profile,
    /// actual + the latest month × the months left.
    RunRate,
    /// actual + budget × the share of the profile still to come.
    Remaining,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every budget and scenario; list all problems.
    Check,
    /// Headline table per scenario and year, with NPV and BCR.
    Summary {
        /// Scenarios (file stems or paths); default: all.
        scenarios: Vec<String>,
        /// An aligned table, or CSV or JSON with raw numbers.
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        /// Units for money (cost per outcome is always in £).
        #[arg(long, value_enum, default_value_t)]
        units: Units,
        /// Real terms (each scenario's base-year prices, at its deflator).
        #[arg(long)]
        real: bool,
    },
    /// What changes from scenario A to scenario B, with a bridge of the gap.
    Compare {
        /// The scenario to start from (file stem or path).
        a: String,
        /// The scenario to compare with it: changes are B − A.
        b: String,
        /// An aligned table, or CSV or JSON with raw numbers.
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        /// Units for money.
        #[arg(long, value_enum, default_value_t)]
        units: Units,
        /// Real terms (base-year prices); the bridge stays in cash terms.
        #[arg(long)]
        real: bool,
        /// Print only this table (with -O csv, `bridge` gives exactly step,driver,gap_change).
        #[arg(long, value_enum)]
        only: Option<CompareTable>,
        /// What the bridge explains: gap (the total of in-year gaps over the horizon), overspend,
        /// exposure (every partner's together) or exposure:PARTNER.
        #[arg(long, value_parser = crate::analysis::bridge::Measure::parse, default_value = "gap")]
        measure: crate::analysis::bridge::Measure,
    },
    /// Provider comparison within each service category.
    Providers {
        /// Only this category (the `category` column of services.csv); default: every category.
        #[arg(long)]
        category: Option<String>,
        /// Financial year, e.g. 2010-11 (default: the base year).
        #[arg(long)]
        year: Option<String>,
        /// The scenario (file stem or path); default: baseline, or the first by id.
        scenario: Option<String>,
        /// An aligned table, or CSV or JSON with raw numbers.
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        /// Compare each line within its sector too (sector median and saving
        /// beside the across-sector ones), with the savings at median by year.
        #[arg(long)]
        by_sector: bool,
        /// One provider (providers.csv id): every service it delivers, in every
        /// category and year.
        #[arg(long, conflicts_with_all = ["by_sector", "category", "year"])]
        provider: Option<String>,
    },
    /// Tornado of ±1 percentage point moves, and switching values.
    Sensitivity {
        /// The scenario to test (file stem or path).
        scenario: String,
        /// An aligned table, or CSV or JSON with raw numbers.
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        /// Units for money.
        #[arg(long, value_enum, default_value_t)]
        units: Units,
    },
    /// Risk ranges (§14): how likely each pool is to overspend and the
    /// reserve that covers it, from draws over the scenario's [ranges].
    Risk(RiskArgs),
    /// Exports: --tidy for the audit trail, else the Cabinet-paper tables.
    Export {
        /// Scenarios (file stems or paths); default: all.
        scenarios: Vec<String>,
        /// The tidy export: one CSV row per figure, to the penny, in cash
        /// terms (the audit trail); to stdout unless -o names a file.
        #[arg(long)]
        tidy: bool,
        /// Units for money (Cabinet tables; default: pounds).
        #[arg(long, value_enum)]
        units: Option<Units>,
        /// Real terms (base-year prices; Cabinet tables).
        #[arg(long)]
        real: bool,
        /// File format (default: from the -o name: .xlsx is XLSX, .csv or a folder is CSV).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write a UTF-8 byte-order mark (so Excel shows £; Cabinet CSV).
        #[arg(long)]
        bom: bool,
        /// Output: a .xlsx file, a .csv file, or a folder (default: exports/;
        /// for --tidy, stdout).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Replace existing output files.
        #[arg(long)]
        force: bool,
        /// Also write every chart as SVG (chart-gap.svg, …) into this folder.
        #[arg(long, value_name = "DIR")]
        charts: Option<PathBuf>,
    },
    /// An SVG chart for a paper: gap, bridge, exposure, providers, benefits or monitor.
    Chart {
        /// What to draw.
        #[arg(value_enum)]
        kind: crate::report::chart::Kind,
        /// Scenarios (file stems or paths); default: all. The bridge goes
        /// from the first to the second; exposure, providers and benefits
        /// show the first.
        scenarios: Vec<String>,
        /// Units for money (unit costs are always in £).
        #[arg(long, value_enum, default_value_t = Units::Thousands)]
        units: Units,
        /// Real terms (base-year prices); the bridge stays in cash terms.
        #[arg(long)]
        real: bool,
        /// The providers chart's category (default: the one with the largest cost).
        #[arg(long)]
        category: Option<String>,
        /// The monitor chart's pool (an id; default: all pools).
        #[arg(long)]
        pool: Option<String>,
        /// The SVG file to write (default: stdout).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// In-year monitoring: actuals to date, forecast outturn, variance, RAG
    /// and each partner's forecast risk share at year end.
    Monitor {
        /// The approved plan (file stem or path); default: baseline, or the first by id.
        scenario: Option<String>,
        /// Financial year, e.g. 2009-10 (default: the latest year with actuals).
        #[arg(long)]
        year: Option<String>,
        /// Month of the year, 1–12 (1 = April) or a name such as Sep (default: the latest with actuals).
        #[arg(long)]
        period: Option<String>,
        /// How each service's year-end outturn is forecast from its actuals.
        #[arg(long, value_enum, default_value_t)]
        method: MonitorMethod,
        /// Amber above this variance, a rate of the budget (default 1%).
        #[arg(long, value_name = "RATE")]
        amber: Option<String>,
        /// Red above this variance, a rate of the budget (default 5%).
        #[arg(long, value_name = "RATE")]
        red: Option<String>,
        /// Units for money in the table.
        #[arg(long, value_enum, default_value_t)]
        units: Units,
        /// An aligned table, or CSV or JSON with raw numbers.
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
    },
    /// The interactive model.
    Tui {
        /// The scenario to open on (file stem); default: the first by id.
        #[arg(value_name = "SCENARIO")]
        scenarios: Vec<String>,
    },
    /// Start a workspace in a new (or empty) folder: a budget with example
    /// rows in every table, a baseline scenario and a README.
    New {
        /// The folder to create.
        dir: PathBuf,
        /// Write the tables as one Excel workbook (budget.xlsx) instead of CSV files.
        #[arg(long)]
        xlsx: bool,
        /// The budget's id (default: from the folder's name).
        #[arg(long, value_name = "ID")]
        budget: Option<String>,
    },
}

/// The options of `poolplan risk` (SPEC §14).
#[derive(Debug, Clone, clap::Args)]
pub struct RiskArgs {
    /// The scenario (file stem or path).
    pub scenario: String,
    /// How many draws (each an exact projection).
    #[arg(long, default_value_t = 2000)]
    pub draws: usize,
    /// The seed of the ChaCha8 generator (same seed, same draws, on every machine).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The confidence for the reserve needed, a rate (default 90%).
    #[arg(long, value_name = "RATE")]
    pub confidence: Option<String>,
    /// An aligned table, or CSV or JSON with raw numbers.
    #[arg(short = 'O', long = "output", value_enum, default_value_t)]
    pub output: Output,
    /// Units for money.
    #[arg(long, value_enum, default_value_t)]
    pub units: Units,
}
