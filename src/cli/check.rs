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
    #[arg(required = true)]
    files: Vec<PathBuf>,
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
}

/// Checks every file and prints a report per file.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut opts = Options::default();
    opts.encoding(args.encoding);
    let mut out = super::output(None)?;
    let what = || "cannot write standard output".to_string();
    let (mut failed_checks, mut failed_files) = (0, 0);
    for f in &args.files {
        let name = shown(f);
        match read_input(f, &name, args.max_bytes)
            .and_then(|b| govreport::parse_bytes(&b, &name, &opts))
        {
            Ok(d) => {
                failed_checks += checks::tally(&d).1;
                super::writing(checks::write_report(&d, args.verbose, &mut out), what)?;
            }
            Err(e) => {
                super::writing(out.flush(), what)?;
                eprintln!("govreport: {e}");
                failed_files += 1;
            }
        }
    }
    super::writing(out.flush(), what)?;
    Ok(if failed_checks > 0 || failed_files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
