//! `govreport check FILE...`: the template arithmetic (勾稽关系) of each report, readable.
//! Exit status 1 when any check fails or any file cannot be read.

use super::input::{ReadArgs, read_input, shown};
use govreport::write::checks;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `govreport check`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required_unless_present = "files_from")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Also list the checks that could not be made.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Output: `text` (a summary and the failures per report), `json` (an array, one object
    /// per report: path, template, pass, fail, skipped, checks) or `csv` (one row per check,
    /// the columns of convert's checks.csv).
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: CheckFormat,
}

/// Output formats of `govreport check`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    Csv,
}

/// Checks every file and prints a report per file.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut args = args;
    args.files = args.read.inputs(std::mem::take(&mut args.files))?;
    let opts = args.read.options();
    let mut out = super::output(None)?;
    let what = || "cannot write standard output".to_string();
    let (mut failed_checks, mut failed_files) = (0, 0);
    let mut written = 0usize;
    match args.format {
        CheckFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            super::writing(w.write_record(checks::HEADER), what)?;
            super::writing(w.flush(), what)?;
        }
        CheckFormat::Json => super::writing(out.write_all(b"["), what)?,
        CheckFormat::Text => {}
    }
    for f in &args.files {
        let name = shown(f);
        match read_input(f, &name, args.read.max_bytes)
            .and_then(|b| govreport::parse_bytes(&b, &name, &opts))
        {
            Ok(d) => {
                failed_checks += checks::tally(&d).1;
                let done = match args.format {
                    CheckFormat::Text => checks::write_report(&d, args.verbose, &mut out),
                    CheckFormat::Csv => {
                        let mut w = csv::Writer::from_writer(&mut out);
                        checks::write_doc_csv(&d, false, &mut w).and_then(|_| w.flush())
                    }
                    CheckFormat::Json => {
                        let one = checks::summary(&d);
                        let sep: &[u8] = if written == 0 { b"\n" } else { b",\n" };
                        out.write_all(sep)
                            .and_then(|_| serde_json::to_writer(&mut out, &one).map_err(Into::into))
                    }
                };
                written += 1;
                super::writing(done.and_then(|_| out.flush()), what)?;
            }
            Err(e) => {
                super::writing(out.flush(), what)?;
                super::report(&e);
                failed_files += 1;
            }
        }
    }
    if args.format == CheckFormat::Json {
        let end: &[u8] = if written == 0 { b"]\n" } else { b"\n]\n" };
        super::writing(out.write_all(end), what)?;
    }
    super::writing(out.flush(), what)?;
    Ok(if failed_checks > 0 || failed_files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
