//! `govreport tables FILE...`: the tables of each report, one line each, and the
//! selection of one table that `parse --table ID|KEY` makes.

use super::input::{ReadArgs, read_input, shown};
use govreport::model::{Block, Document, Table};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `govreport tables`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required_unless_present = "files_from")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

/// The header of `govreport tables`.
pub const HEADER: &str = "file\ttable\tkey\tlines\trows\tcolumns\tstyle\ttitle\tband";

/// Lists the tables of every file: tab-separated, a header line, one line per table.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut args = args;
    args.files = args.read.inputs(std::mem::take(&mut args.files))?;
    let opts = args.read.options();
    let mut out = super::output(None)?;
    let what = || "cannot write standard output".to_string();
    super::writing(writeln!(out, "{HEADER}"), what)?;
    let mut failed = 0;
    for f in &args.files {
        let name = shown(f);
        match read_input(f, &name, args.read.max_bytes)
            .and_then(|b| govreport::parse_bytes(&b, &name, &opts))
        {
            Ok(d) => {
                for t in d.tables() {
                    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
                    let line = format!(
                        "{}\t{}\t{}\t{}-{}\t{}\t{}\t{}\t{}\t{}",
                        clean(&d.source.path),
                        t.id,
                        table_key(t).unwrap_or(""),
                        t.lines[0],
                        t.lines[1],
                        t.rows.len(),
                        t.columns.len(),
                        t.style,
                        clean(t.title.as_deref().unwrap_or("")),
                        clean(t.band.as_deref().unwrap_or("")),
                    );
                    super::writing(writeln!(out, "{line}"), what)?;
                }
                super::writing(out.flush(), what)?;
            }
            Err(e) => {
                super::writing(out.flush(), what)?;
                super::report(&e);
                failed += 1;
            }
        }
    }
    super::writing(out.flush(), what)?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The template table a table's rows belong to: the first segment of its first row key
/// (`apply` for `apply.new`), if any row has a key.
pub fn table_key(t: &Table) -> Option<&str> {
    t.rows
        .iter()
        .find_map(|r| r.key.as_deref())
        .map(|k| k.split('.').next().unwrap_or(k))
}

/// Keeps, of the document's blocks, only the tables `selector` names: a table id (`t6`)
/// or a template table key (`apply`, `active`, `review`, `stats`; every block of a banded
/// table). False when it names none.
pub fn select(d: &mut Document, selector: &str) -> bool {
    d.blocks.retain(|b| match b {
        Block::Table(t) => t.id == selector || table_key(t) == Some(selector),
        _ => false,
    });
    !d.blocks.is_empty()
}
