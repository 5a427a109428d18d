//! What `poolplan export` was asked for, and what it means: the format
//! (from `--format` and the `-o` name, which must agree), where the files
//! go, and which options the tidy export refuses rather than ignores.

use crate::cli::Format;
use std::path::{Path, PathBuf};

/// What `poolplan export` was asked for.
#[derive(Debug, Clone)]
pub struct ExportArgs {
    pub scenarios: Vec<String>,
    pub units: Option<crate::cli::Units>,
    pub real: bool,
    pub format: Option<Format>,
    pub bom: bool,
    pub output: Option<PathBuf>,
    pub force: bool,
}

/// Why the tidy export refuses these options, if it does.
pub fn tidy_refusal(a: &ExportArgs) -> Option<String> {
    if a.format == Some(Format::Xlsx) {
        return Some("--format xlsx: the tidy export is CSV only (one row per figure); drop --format, or leave out --tidy for the Cabinet tables as XLSX".into());
    }
    if let Some(p) = a.output.as_deref().filter(|p| has_ext(p, "xlsx")) {
        return Some(format!("-o {} names an .xlsx file but the tidy export is CSV only; name a .csv file, or leave out --tidy for the Cabinet workbook", p.display()));
    }
    let mut given = vec![];
    if a.units.is_some() {
        given.push("--units");
    }
    if a.real {
        given.push("--real");
    }
    if a.bom {
        given.push("--bom");
    }
    let (verb, it) = if given.len() == 1 {
        ("applies", "it")
    } else {
        ("apply", "them")
    };
    (!given.is_empty()).then(|| {
        format!(
            "{} {verb} to the Cabinet tables, not the tidy export (always pounds to the penny, cash terms; its real_spend rows are real terms); drop {it} or leave out --tidy",
            given.join(" and ")
        )
    })
}

/// Where the export goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    File(PathBuf),
    Folder(PathBuf),
}

pub fn has_ext(p: &Path, ext: &str) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The format `-o` implies: `.xlsx` and `.csv` files say theirs; a folder
/// (no extension, or an existing folder) says none.
fn implied(output: &Path) -> Result<Option<Format>, String> {
    if has_ext(output, "xlsx") {
        Ok(Some(Format::Xlsx))
    } else if has_ext(output, "csv") {
        Ok(Some(Format::Csv))
    } else if output.extension().is_none() || output.is_dir() {
        Ok(None)
    } else {
        Err(format!(
            "-o {}: name a .xlsx file, a .csv file or a folder (a new folder's name has no extension)",
            output.display()
        ))
    }
}

/// The format and where it goes, from `--format` and `-o`; they must agree.
pub fn target(format: Option<Format>, output: Option<&Path>) -> Result<(Format, Target), String> {
    let implied = output.map(implied).transpose()?.flatten();
    let format = match (format, implied, output) {
        (Some(Format::Csv), Some(Format::Xlsx), Some(p)) => {
            return Err(format!(
                "-o {} names an .xlsx file but --format is csv; drop --format, or name a .csv file or a folder",
                p.display()
            ))
        }
        (Some(Format::Xlsx), Some(Format::Csv), Some(p)) => {
            return Err(format!(
                "-o {} names a .csv file but --format is xlsx; drop --format, or name a .xlsx file or a folder",
                p.display()
            ))
        }
        (Some(f), _, _) | (None, Some(f), _) => f,
        (None, None, _) => Format::Csv,
    };
    let folder = output.unwrap_or(Path::new("exports")).to_path_buf();
    Ok((
        format,
        match (format, implied) {
            (_, Some(_)) => Target::File(folder),
            (Format::Csv, None) => Target::Folder(folder),
            (Format::Xlsx, None) => Target::File(folder.join("cabinet.xlsx")),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(f: Option<Format>, o: Option<&str>) -> Result<(Format, Target), String> {
        target(f, o.map(Path::new))
    }

    #[test]
    fn the_format_follows_the_output_name() {
        let csv = |p: &str| Ok((Format::Csv, Target::File(p.into())));
        let folder = |p: &str| Ok((Format::Csv, Target::Folder(p.into())));
        let xlsx = |p: &str| Ok((Format::Xlsx, Target::File(p.into())));
        assert_eq!(t(None, None), folder("exports"));
        assert_eq!(t(None, Some("paper.CSV")), csv("paper.CSV"));
        assert_eq!(t(None, Some("out")), folder("out"));
        assert_eq!(t(None, Some("paper.xlsx")), xlsx("paper.xlsx"));
        assert_eq!(t(Some(Format::Csv), Some("out")), folder("out"));
        assert_eq!(t(Some(Format::Xlsx), None), xlsx("exports/cabinet.xlsx"));
        assert_eq!(t(Some(Format::Xlsx), Some("a.XLSX")), xlsx("a.XLSX"));
        assert_eq!(t(Some(Format::Xlsx), Some("out")), xlsx("out/cabinet.xlsx"));
    }

    #[test]
    fn contradictions_are_refused() {
        assert!(t(Some(Format::Xlsx), Some("a.csv")).is_err());
        assert!(t(Some(Format::Csv), Some("a.xlsx")).is_err());
        assert!(t(None, Some("a.xls")).is_err());
        assert!(t(Some(Format::Csv), Some("a.txt")).is_err());
    }
}
