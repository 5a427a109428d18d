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
    #[default]
    Csv,
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
    /// The bridge of the cumulative in-year gap.
    Bridge,
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
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        #[arg(long, value_enum, default_value_t)]
        units: Units,
    },
    /// What changes from scenario A to scenario B, with a bridge of the gap.
    Compare {
        a: String,
        b: String,
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        #[arg(long, value_enum, default_value_t)]
        units: Units,
        /// Print only this table (with -O csv, `bridge` gives exactly step,driver,gap_change).
        #[arg(long, value_enum)]
        only: Option<CompareTable>,
    },
    /// Provider comparison within each service category.
    Providers {
        #[arg(long)]
        category: Option<String>,
        /// Financial year, e.g. 2010-11 (default: the base year).
        #[arg(long)]
        year: Option<String>,
        scenario: Option<String>,
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
    },
    /// Tornado of ±1 percentage point moves, and switching values.
    Sensitivity {
        scenario: String,
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
        #[arg(long, value_enum, default_value_t)]
        units: Units,
    },
    /// Exports: --tidy for the audit trail, else the Cabinet-paper tables.
    Export {
        /// Scenarios (file stems or paths); default: all.
        scenarios: Vec<String>,
        /// The tidy export (SPEC §7): one row per figure.
        #[arg(long)]
        tidy: bool,
        #[arg(long, value_enum, default_value_t)]
        units: Units,
        /// Real terms (base-year prices).
        #[arg(long)]
        real: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Write a UTF-8 byte-order mark (so Excel shows £).
        #[arg(long)]
        bom: bool,
        /// Output file or folder.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Replace existing output files.
        #[arg(long)]
        force: bool,
    },
    /// In-year monitoring: actuals to date, forecast outturn, variance, RAG
    /// and each partner's forecast risk share (SPEC §12).
    Monitor {
        /// The approved plan (default: baseline if it exists, else the first scenario).
        scenario: Option<String>,
        /// Financial year, e.g. 2009-10 (default: the latest year with actuals).
        #[arg(long)]
        year: Option<String>,
        /// Month of the year, 1–12 (1 = April) or a name such as Sep (default: the latest with actuals).
        #[arg(long)]
        period: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        method: MonitorMethod,
        /// Amber above this variance, a rate of the budget (default 1%).
        #[arg(long, value_name = "RATE")]
        amber: Option<String>,
        /// Red above this variance, a rate of the budget (default 5%).
        #[arg(long, value_name = "RATE")]
        red: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        units: Units,
        #[arg(short = 'O', long = "output", value_enum, default_value_t)]
        output: Output,
    },
    /// The interactive model.
    Tui { scenarios: Vec<String> },
}
