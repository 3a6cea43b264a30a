//! `govreport parse FILE... [--format json|jsonl|csv|md] [-o OUT]`.

use super::input::{MAX_BYTES, read_input};
use anyhow::Context as _;
use clap::ValueEnum;
use govreport::Options;
use govreport::decode::EncodingChoice;
use govreport::write::{self, Format};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `govreport parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Input encoding: auto, utf-8, gb18030, big5, utf-16.
    #[arg(long, default_value = "auto")]
    encoding: EncodingChoice,
    /// Read every input as this format: text, html, docx or pdf (default: by extension,
    /// then by content).
    #[arg(long, value_name = "FORMAT")]
    from: Option<govreport::Format>,
    /// Start CSV output with a UTF-8 BOM so spreadsheets read it as UTF-8.
    #[arg(long)]
    excel: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = MAX_BYTES)]
    max_bytes: u64,
    /// The name recorded as `source.path` for standard input (`-`), e.g. the path of the
    /// report in a distributed store when govreport runs as a map step.
    #[arg(long, value_name = "NAME")]
    stdin_name: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Jsonl,
    Csv,
    Md,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
            FormatArg::Md => Format::Md,
        }
    }
}

/// Parses every file; failures are reported on standard error and the others written.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut opts = Options::default();
    opts.encoding(args.encoding).from(args.from);
    let mut docs = Vec::new();
    let mut failed = 0;
    // JSON Lines streams: each document is written (and flushed, for pipes) as soon as
    // it is parsed, so memory does not grow with the number of files.
    let stream = matches!(args.format, FormatArg::Jsonl);
    let mut out = super::output(args.output.as_deref())?;
    for f in &args.files {
        let name = match (f.as_str(), &args.stdin_name) {
            ("-", Some(n)) => n.as_str(),
            _ => f.as_str(),
        };
        match read_input(f, args.max_bytes).and_then(|b| govreport::parse_bytes(&b, name, &opts)) {
            Ok(d) if stream => {
                let written = write::json::write_jsonl(&d, &mut out).and_then(|_| out.flush());
                match written {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        return Ok(ExitCode::SUCCESS);
                    }
                    r => r.context("cannot write output")?,
                }
            }
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("govreport: {e}");
                failed += 1;
            }
        }
    }
    if (!docs.is_empty() || matches!(args.format, FormatArg::Csv))
        && let Err(e) = write::write_all(&docs, args.format.into(), args.excel, &mut out)
            .and_then(|_| out.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("cannot write output");
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
