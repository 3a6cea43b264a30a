//! The `govreport` command line: flags, files, output. The library does the parsing.

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use govreport::decode::EncodingChoice;
use govreport::write::{self, Format};
use govreport::{Document, Error, ErrorKind, Options};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "govreport", version, about = "Turn government reports delivered as text into checked, analysable data")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse reports into the govreport/1 document model.
    Parse {
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
        /// Start CSV output with a UTF-8 BOM so spreadsheets read it as UTF-8.
        #[arg(long)]
        excel: bool,
        /// Refuse files larger than this many bytes.
        #[arg(long, default_value_t = 512 * 1024 * 1024)]
        max_bytes: u64,
    },
    /// Print the JSON Schema of the document model.
    Schema,
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("govreport: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Schema => {
            let schema = schemars::schema_for!(Document);
            println!("{}", serde_json::to_string_pretty(&schema)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Parse { files, format, output, encoding, excel, max_bytes } => {
            let mut opts = Options::default();
            opts.encoding(encoding);
            let mut docs = Vec::new();
            let mut failed = 0;
            for f in &files {
                match read_input(f, max_bytes).and_then(|b| govreport::parse_bytes(&b, f, &opts)) {
                    Ok(d) => docs.push(d),
                    Err(e) => {
                        eprintln!("govreport: {e}");
                        failed += 1;
                    }
                }
            }
            let mut out: Box<dyn Write> = match &output {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            if !docs.is_empty() || matches!(format, FormatArg::Csv) {
                if let Err(e) = write::write_all(&docs, format.into(), excel, &mut out).and_then(|_| out.flush()) {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        return Ok(ExitCode::SUCCESS);
                    }
                    return Err(e).context("cannot write output");
                }
            }
            Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// Reads one input, `-` for standard input, with the errors a user can act on.
fn read_input(path: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
        if buf.len() as u64 > max_bytes {
            return Err(Error::new(path, ErrorKind::TooLarge { bytes: buf.len() as u64, limit: max_bytes }));
        }
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
    if meta.is_dir() {
        return Err(Error::new(path, ErrorKind::IsDirectory));
    }
    if meta.len() > max_bytes {
        return Err(Error::new(path, ErrorKind::TooLarge { bytes: meta.len(), limit: max_bytes }));
    }
    std::fs::read(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))
}
