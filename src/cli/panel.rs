//! `govreport panel FILE... -o panel.csv`: one row per report, one column per stable key.
//!
//! The reports stream: each one's row (over the keys of every template) goes to an
//! anonymous temporary file as soon as it is parsed, and when all are read the panel is
//! written from it with the columns of the templates the reports follow. Memory holds one
//! document and one row, however many reports there are.

use super::input::{ReadArgs, read_input, shown};
use govreport::Options;
use govreport::write::panel;
use std::io::{Seek, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `govreport panel`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required_unless_present = "files_from")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Start the CSV with a UTF-8 BOM and neutralise formulas, for spreadsheets.
    #[arg(long)]
    excel: bool,
    /// The key columns of every shipped template, not only of those the reports follow.
    #[arg(long)]
    all_keys: bool,
    /// Also the numbers derived from the template's sums where the report prints none
    /// (without it the panel holds only printed numbers).
    #[arg(long)]
    derived: bool,
    /// Output format: `csv`, or `parquet` (typed columns; needs the cargo feature
    /// `parquet`).
    #[arg(long, short = 'f', value_enum, default_value = "csv")]
    format: PanelFormat,
}

/// Output formats of `govreport panel`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PanelFormat {
    Csv,
    Parquet,
}

/// Parses every file and writes the panel; unreadable files are reported and left out.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut args = args;
    args.files = args.read.inputs(std::mem::take(&mut args.files))?;
    let opts = args.read.options();
    super::refuse_output_among_inputs(
        args.output.as_deref(),
        args.files.iter().map(PathBuf::as_path),
    )?;
    if args.format == PanelFormat::Parquet {
        super::parquet_available()?;
        return parquet(&args, &opts);
    }
    let spool_err = || "cannot write the panel's temporary file".to_string();
    let all = panel::all_key_columns();
    let opts_row = panel::PanelOptions {
        excel: args.excel,
        derived: args.derived,
    };
    let mut spool = csv::Writer::from_writer(super::writing(tempfile::tempfile(), spool_err)?);
    let mut used: Vec<String> = Vec::new();
    let mut failed = 0;
    for f in &args.files {
        let name = shown(f);
        match read_input(f, &name, args.read.max_bytes)
            .and_then(|b| govreport::parse_bytes(&b, &name, &opts))
        {
            Ok(d) => {
                if let Some(t) = &d.meta.template
                    && !used.contains(t)
                {
                    used.push(t.clone());
                }
                super::writing(
                    spool.write_record(panel::panel_row(&d, all, opts_row)),
                    spool_err,
                )?;
            }
            Err(e) => {
                super::report(&e);
                failed += 1;
            }
        }
    }
    let mut spooled = super::writing(spool.into_inner().map_err(|e| e.into_error()), spool_err)?;
    super::writing(spooled.rewind(), spool_err)?;

    // The columns: the report's own four, the keys of the templates in use (or all), then
    // the failed checks.
    let used: Vec<&str> = used.iter().map(String::as_str).collect();
    let keys = if args.all_keys {
        all.to_vec()
    } else {
        panel::key_columns_of(&used)
    };
    let pick = panel::projection(&keys);

    let what = || {
        format!(
            "cannot write {}",
            super::output_name(args.output.as_deref())
        )
    };
    let mut out = super::output(args.output.as_deref())?;
    if args.excel {
        super::writing(out.write_all("\u{feff}".as_bytes()), what)?;
    }
    let mut w = csv::Writer::from_writer(&mut out);
    super::writing(w.write_record(panel::header(&keys)), what)?;
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(std::io::BufReader::new(spooled));
    let mut record = csv::StringRecord::new();
    while super::writing(rows.read_record(&mut record), spool_err)? {
        super::writing(
            w.write_record(pick.iter().map(|&i| record.get(i).unwrap_or(""))),
            what,
        )?;
    }
    super::writing(w.flush(), what)?;
    drop(w);
    super::writing(out.flush(), what)?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--format parquet`: the rows go, over every template's keys, to an anonymous Parquet
/// file as the reports are parsed; when all are read the panel is written from it with
/// the columns of the templates the reports follow (every template's with `--all-keys`).
#[cfg(feature = "parquet")]
fn parquet(args: &Args, opts: &Options) -> anyhow::Result<ExitCode> {
    use govreport::write::parquet::{PanelWriter, project_panel};
    let spool_err = || "cannot write the panel's temporary file".to_string();
    let all = panel::all_key_columns();
    let opts_row = panel::PanelOptions {
        excel: false,
        derived: args.derived,
    };
    let spool = super::writing(tempfile::tempfile(), spool_err)?;
    let mut spool = super::writing(PanelWriter::new(spool, all, opts_row), spool_err)?;
    let mut used: Vec<String> = Vec::new();
    let mut failed = 0;
    for f in &args.files {
        let name = shown(f);
        match read_input(f, &name, args.read.max_bytes)
            .and_then(|b| govreport::parse_bytes(&b, &name, opts))
        {
            Ok(d) => {
                if let Some(t) = &d.meta.template
                    && !used.contains(t)
                {
                    used.push(t.clone());
                }
                super::writing(spool.write(&d), spool_err)?;
            }
            Err(e) => {
                super::report(&e);
                failed += 1;
            }
        }
    }
    let mut spooled = super::writing(spool.finish(), spool_err)?;
    super::writing(spooled.rewind(), spool_err)?;
    let used: Vec<&str> = used.iter().map(String::as_str).collect();
    let keys = if args.all_keys {
        all.to_vec()
    } else {
        panel::key_columns_of(&used)
    };
    let what = || {
        format!(
            "cannot write {}",
            super::output_name(args.output.as_deref())
        )
    };
    let out = super::binary_output(args.output.as_deref())?;
    let mut out = super::writing(project_panel(spooled, &keys, out), what)?;
    super::writing(out.flush(), what)?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Without the `parquet` feature `run` refuses `--format parquet` before this is reached.
#[cfg(not(feature = "parquet"))]
fn parquet(_: &Args, _: &Options) -> anyhow::Result<ExitCode> {
    super::parquet_available().map(|_| ExitCode::from(super::EXIT_USAGE))
}
