//! `govreport check FILE...`: the template arithmetic (勾稽关系) of each report, readable.
//! Exit status 1 when any check fails or any file cannot be read.

use super::input::{MAX_BYTES, read_input};
use govreport::Options;
use govreport::decode::EncodingChoice;
use govreport::write::checks;
use std::io::Write;
use std::process::ExitCode;

/// Flags of `govreport check`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Also list the checks that could not be made.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Input encoding: auto, utf-8, gb18030, big5, utf-16 (byte order from the BOM or the
    /// bytes), utf-16le, utf-16be.
    #[arg(long, default_value = "auto")]
    encoding: EncodingChoice,
}

/// Checks every file and prints a report per file.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut opts = Options::default();
    opts.encoding(args.encoding);
    let mut out = super::output(None)?;
    let (mut failed_checks, mut failed_files) = (0, 0);
    for f in &args.files {
        match read_input(f, MAX_BYTES).and_then(|b| govreport::parse_bytes(&b, f, &opts)) {
            Ok(d) => {
                failed_checks += checks::tally(&d).1;
                checks::write_report(&d, args.verbose, &mut out)?;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("govreport: {e}");
                failed_files += 1;
            }
        }
    }
    out.flush()?;
    Ok(if failed_checks > 0 || failed_files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
