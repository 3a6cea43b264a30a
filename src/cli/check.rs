//! `govreport check FILE...`: the template arithmetic (勾稽关系) of each report, readable.
//! Exit status 1 when any check fails or any file cannot be read.

use super::input::{MAX_BYTES, read_input, shown};
use govreport::Options;
use govreport::decode::EncodingChoice;
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
    /// Also read the files listed in FILE, one per line (`-`: the list on standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// Also list the checks that could not be made.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Input encoding: auto, utf-8, gb18030, big5, utf-16 (byte order from the BOM or the
    /// bytes), utf-16le, utf-16be.
    #[arg(long, default_value = "auto")]
    encoding: EncodingChoice,
    /// Refuse inputs larger than this many bytes (files, pipes and devices alike).
    #[arg(long, default_value_t = MAX_BYTES)]
    max_bytes: u64,
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
    args.files = super::input::gather(std::mem::take(&mut args.files), args.files_from.as_deref())?;
    let mut opts = Options::default();
    opts.encoding(args.encoding);
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
        match read_input(f, &name, args.max_bytes)
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
