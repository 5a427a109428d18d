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
    /// Who pays, who benefits: each partner's and outside agency's payments and fiscal benefit.
    WhoPays,
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
    /// The interactive model.
    Tui { scenarios: Vec<String> },
}
