//! `govreport panel FILE... -o panel.csv`: one row per report, one column per stable key.

use super::input::{MAX_BYTES, read_input};
use govreport::Options;
use govreport::decode::EncodingChoice;
use govreport::write::panel;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `govreport panel`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Start the CSV with a UTF-8 BOM so spreadsheets read it as UTF-8.
    #[arg(long)]
    excel: bool,
    /// Input encoding: auto, utf-8, gb18030, big5, utf-16 (byte order from the BOM or the
    /// bytes), utf-16le, utf-16be.
    #[arg(long, default_value = "auto")]
    encoding: EncodingChoice,
    /// Refuse inputs larger than this many bytes (files, pipes and devices alike).
    #[arg(long, default_value_t = MAX_BYTES)]
    max_bytes: u64,
}

/// Parses every file and writes the panel; unreadable files are reported and left out.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut opts = Options::default();
    opts.encoding(args.encoding);
    super::refuse_output_among_inputs(
        args.output.as_deref(),
        args.files.iter().map(String::as_str),
    )?;
    let mut docs = Vec::new();
    let mut failed = 0;
    for f in &args.files {
        match read_input(f, args.max_bytes).and_then(|b| govreport::parse_bytes(&b, f, &opts)) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("govreport: {e}");
                failed += 1;
            }
        }
    }
    let mut out = super::output(args.output.as_deref())?;
    let written = panel::write_panel(&docs, args.excel, &mut out).and_then(|_| out.flush());
    super::writing(written, || {
        format!(
            "cannot write {}",
            super::output_name(args.output.as_deref())
        )
    })?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
