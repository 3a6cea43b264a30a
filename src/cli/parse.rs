//! `govreport parse FILE... [--format json|jsonl|csv|md] [-o OUT]`.

use super::input::{ReadArgs, path_not_utf8, read_input, shown};
use clap::ValueEnum;
use govreport::write::{DocWriter, Format};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `govreport parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files; `-` reads standard input.
    #[arg(required_unless_present = "files_from")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 BOM so spreadsheets read it as UTF-8.
    #[arg(long)]
    excel: bool,
    /// The name recorded as `source.path` for standard input (`-`), e.g. the path of the
    /// report in a distributed store when govreport runs as a map step.
    #[arg(long, value_name = "NAME")]
    stdin_name: Option<String>,
    /// Only this table: its id (`t6`) or its template table key (`apply`, `active`,
    /// `review`, `stats`), as `govreport tables` lists them; the document keeps only its
    /// table blocks. A report without it fails.
    #[arg(long, value_name = "ID|KEY")]
    table: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Json,
    Jsonl,
    Csv,
    Md,
    /// The tidy values as Parquet (needs the cargo feature `parquet`).
    Parquet,
}

impl FormatArg {
    /// The writer's format; `None` for Parquet, which has its own writer.
    fn text(self) -> Option<Format> {
        match self {
            FormatArg::Json => Some(Format::Json),
            FormatArg::Jsonl => Some(Format::Jsonl),
            FormatArg::Csv => Some(Format::Csv),
            FormatArg::Md => Some(Format::Md),
            FormatArg::Parquet => None,
        }
    }
}

/// Parses every file; failures are reported on standard error and the others written.
///
/// Every format streams: each document is written and flushed as soon as it is parsed,
/// so memory does not grow with the number of files. Several
/// inputs give a JSON array (`[]` when none parsed); one input gives its object, and
/// nothing at all — no `-o` file either — when it fails.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut args = args;
    args.files = args.read.inputs(std::mem::take(&mut args.files))?;
    let opts = args.read.options();
    let mut failed = 0;
    super::refuse_output_among_inputs(
        args.output.as_deref(),
        args.files.iter().map(PathBuf::as_path),
    )?;
    let what = || {
        format!(
            "cannot write {}",
            super::output_name(args.output.as_deref())
        )
    };
    if args.format == FormatArg::Parquet {
        super::parquet_available()?;
    }
    let array = args.files.len() != 1;
    let parse = |f: &PathBuf| {
        let name = match &args.stdin_name {
            Some(n) if f.as_os_str() == "-" => n.clone(),
            _ => shown(f),
        };
        let mut doc = read_input(f, &name, args.read.max_bytes)
            .and_then(|b| govreport::parse_bytes(&b, &name, &opts))
            .map_err(|e| e.to_string())?;
        if f.to_str().is_none() {
            doc.warnings.push(path_not_utf8());
        }
        if let Some(sel) = &args.table
            && !super::tables::select(&mut doc, sel)
        {
            return Err(format!(
                "{name}: no table {sel:?} (govreport tables lists them)"
            ));
        }
        Ok::<_, String>(doc)
    };
    let Some(format) = args.format.text() else {
        return parquet(&args, parse);
    };
    // One JSON input that fails writes nothing: no document, and no empty `-o` file.
    let mut first = None;
    if !array && format == Format::Json {
        match parse(&args.files[0]) {
            Ok(d) => first = Some(d),
            Err(e) => {
                super::report(&e);
                return Ok(ExitCode::from(1));
            }
        }
    }
    let mut out = super::output(args.output.as_deref())?;
    let mut w = super::writing(DocWriter::new(format, args.excel, array, &mut out), what)?;
    let rest = if first.is_some() {
        &[][..]
    } else {
        &args.files[..]
    };
    for d in first.into_iter().map(Ok).chain(rest.iter().map(parse)) {
        match d {
            Ok(d) => {
                // flushed per document: a pipe reader gets each as soon as it is parsed
                super::writing(w.write(&d).and_then(|_| w.flush()), what)?;
            }
            Err(e) => {
                super::report(&e);
                failed += 1;
            }
        }
    }
    super::writing(w.finish().and_then(|_| out.flush()), what)?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--format parquet`: the tidy values of every input in one Parquet file, each
/// document's rows added as it is parsed (memory holds one batch of rows).
#[cfg(feature = "parquet")]
fn parquet(
    args: &Args,
    parse: impl Fn(&PathBuf) -> Result<govreport::Document, String>,
) -> anyhow::Result<ExitCode> {
    let what = || {
        format!(
            "cannot write {}",
            super::output_name(args.output.as_deref())
        )
    };
    let out = super::binary_output(args.output.as_deref())?;
    let mut w = super::writing(govreport::write::parquet::ValuesWriter::new(out), what)?;
    let mut failed = 0;
    for f in &args.files {
        match parse(f) {
            Ok(d) => super::writing(w.write(&d), what)?,
            Err(e) => {
                super::report(&e);
                failed += 1;
            }
        }
    }
    let mut out = super::writing(w.finish(), what)?;
    super::writing(out.flush(), what)?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Without the `parquet` feature `run` refuses `--format parquet` before this is reached.
#[cfg(not(feature = "parquet"))]
fn parquet(
    _: &Args,
    _: impl Fn(&PathBuf) -> Result<govreport::Document, String>,
) -> anyhow::Result<ExitCode> {
    super::parquet_available().map(|_| ExitCode::from(super::EXIT_USAGE))
}
