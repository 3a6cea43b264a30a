//! Subcommands of the binary. Files, threads and progress live here, never in the library.

pub mod check;
pub mod convert;
pub mod input;
pub mod panel;
pub mod parse;
pub mod tables;

use govreport::Document;
use std::path::Path;
use std::process::ExitCode;

/// Bad usage found after the flags were read (a bad pattern, an output that is an
/// input): exit status 2, as clap's own usage errors.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Refuses, as bad usage, an output file that is one of the inputs: writing it would
/// empty it before it is read. "The same" means the same file (device and inode, or the
/// platform's equivalent), so another name for it (`./x.txt`, a hard link, a symlink) is
/// caught too; `-` is compared with the file standard input reads. An output that does
/// not exist yet cannot be an input.
pub fn refuse_output_among_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> anyhow::Result<()> {
    let Some(out) = output.filter(|o| o.as_os_str() != "-") else {
        return Ok(());
    };
    let Ok(out_handle) = same_file::Handle::from_path(out) else {
        return Ok(());
    };
    for input in inputs {
        let handle = if input.as_os_str() == "-" {
            same_file::Handle::stdin()
        } else {
            same_file::Handle::from_path(input)
        };
        if handle.is_ok_and(|h| h == out_handle) {
            let input = if input.as_os_str() == "-" {
                "standard input".to_string()
            } else {
                input.display().to_string()
            };
            return Err(Usage(format!(
                "{}: the output is also an input ({input}); writing it would destroy the input",
                out.display()
            ))
            .into());
        }
    }
    Ok(())
}

/// The exit statuses, for `--help` (the contract: `docs/contract.md`).
pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0    every input parsed (check: and no check failed)
  1    some input could not be read or was not text (check: or a check failed); the others are written
  2    bad usage: an unknown flag, a bad --glob, an output that is one of the inputs
  3    an output could not be written: a full disk, a folder that cannot be made
  130  interrupted (Ctrl-C); convert removes its .part files
  141  standard output was closed (`| head`); nothing is printed";

/// Exit status of bad usage.
pub const EXIT_USAGE: u8 = 2;
/// Exit status when an output could not be written (a full disk, a folder that cannot be
/// created): apart from 1, a failed input, so a script can tell them apart.
pub const EXIT_OUTPUT: u8 = 3;
/// Exit status when standard output was closed (`govreport … | head`): 128 + SIGPIPE, what
/// a shell reports for a command a closed pipe stopped. Nothing is printed.
pub const EXIT_BROKEN_PIPE: u8 = 141;

/// Exit status of a run stopped by Ctrl-C or SIGTERM: 128 + SIGINT.
pub const EXIT_INTERRUPTED: u8 = 130;

/// The run was interrupted (Ctrl-C); its partial outputs were removed.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// An output could not be written or created; the message says which.
#[derive(Debug)]
pub struct OutputFailed(pub String);

impl std::fmt::Display for OutputFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OutputFailed {}

/// Marks the error of writing an output, `what` saying which (exit status
/// [`EXIT_OUTPUT`], or [`EXIT_BROKEN_PIPE`] for a closed pipe).
pub fn writing<T, E>(r: Result<T, E>, what: impl FnOnce() -> String) -> anyhow::Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    r.map_err(|e| anyhow::Error::new(e).context(OutputFailed(what())))
}

/// The exit status of an error, and whether to say nothing (a closed pipe).
pub fn exit_status(e: &anyhow::Error) -> (u8, bool) {
    if e.chain().any(is_broken_pipe) {
        (EXIT_BROKEN_PIPE, true)
    } else if e.downcast_ref::<Interrupted>().is_some() {
        (EXIT_INTERRUPTED, false)
    } else if e.downcast_ref::<Usage>().is_some() {
        (EXIT_USAGE, false)
    } else if e.downcast_ref::<OutputFailed>().is_some() {
        (EXIT_OUTPUT, false)
    } else {
        (1, false)
    }
}

/// A closed pipe, also when a CSV or JSON writer wrapped it.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(c) = e.downcast_ref::<csv::Error>() {
        return matches!(c.kind(), csv::ErrorKind::Io(i) if i.kind() == std::io::ErrorKind::BrokenPipe);
    }
    let Some(io) = e.downcast_ref::<std::io::Error>() else {
        return false;
    };
    io.kind() == std::io::ErrorKind::BrokenPipe
        || io.get_ref().is_some_and(|inner| {
            inner
                .downcast_ref::<csv::Error>()
                .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(i) if i.kind() == std::io::ErrorKind::BrokenPipe))
                || inner
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|i| i.kind() == std::io::ErrorKind::BrokenPipe)
        })
}

/// Flags of `govreport keys`.
#[derive(clap::Args)]
pub struct KeysArgs {
    /// Only the keys of this template (`gidr-2019`, `gidr-2021`, `gidr-pre2019`).
    #[arg(long)]
    template: Option<String>,
    /// Start the CSV with a UTF-8 BOM, for spreadsheets.
    #[arg(long)]
    excel: bool,
}

/// `govreport keys`: the codebook of the panel's key columns, as CSV
/// (`key,template,label,unit`).
pub fn keys(args: KeysArgs) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    if let Some(t) = &args.template
        && !govreport::write::panel::codebook()
            .iter()
            .any(|e| e.template == t)
    {
        return Err(Usage(format!(
            "no template {t:?} (gidr-2019, gidr-2021, gidr-pre2019)"
        ))
        .into());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let what = || "cannot write standard output".to_string();
    writing(
        govreport::write::panel::write_codebook(args.template.as_deref(), args.excel, &mut out)
            .and_then(|_| out.flush()),
        what,
    )?;
    Ok(ExitCode::SUCCESS)
}

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--quiet`: no message per failed input, no progress, no summary.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `--quiet` was given.
pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// Reports a failed input on standard error (`govreport: PATH: reason`), unless `--quiet`.
pub fn report(e: &dyn std::fmt::Display) {
    if !quiet() {
        eprintln!("govreport: {e}");
    }
}

/// Writes `bytes` to standard output.
pub fn print(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    writing(out.write_all(bytes).and_then(|_| out.flush()), || {
        "cannot write standard output".into()
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `govreport schema`: the JSON Schema of the document model.
pub fn schema() -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let schema = schemars::schema_for!(Document);
    let text = serde_json::to_string_pretty(&schema)?;
    let mut out = std::io::stdout().lock();
    writing(writeln!(out, "{text}").and_then(|_| out.flush()), || {
        "cannot write the schema to standard output".into()
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `-o FILE` or standard output (no `-o`, or `-o -`), buffered.
pub fn output(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn std::io::Write>> {
    Ok(match path.filter(|p| p.as_os_str() != "-") {
        Some(p) => Box::new(std::io::BufWriter::new(writing(
            std::fs::File::create(p),
            || format!("cannot create {}", p.display()),
        )?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// Opens `-o FILE` or standard output for a binary format (Parquet), buffered; standard
/// output only when it is not a terminal (bad usage otherwise: the bytes would garble it).
#[cfg(feature = "parquet")]
pub fn binary_output(
    path: Option<&std::path::Path>,
) -> anyhow::Result<Box<dyn std::io::Write + Send>> {
    use std::io::IsTerminal as _;
    Ok(match path.filter(|p| p.as_os_str() != "-") {
        Some(p) => Box::new(std::io::BufWriter::new(writing(
            std::fs::File::create(p),
            || format!("cannot create {}", p.display()),
        )?)),
        None if std::io::stdout().is_terminal() => {
            return Err(Usage(
                "Parquet is binary: give -o FILE, or redirect standard output to a file".into(),
            )
            .into());
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

/// Whether this build writes Parquet: bad usage, with how to get it, if not.
pub fn parquet_available() -> anyhow::Result<()> {
    if cfg!(feature = "parquet") {
        Ok(())
    } else {
        Err(Usage(NO_PARQUET.into()).into())
    }
}

/// Why Parquet is refused by a build without it, and how to get it.
pub const NO_PARQUET: &str = "this govreport was built without Parquet support: rebuild it with the `parquet` feature (`cargo install --path . --features parquet`, or `cargo build --release --features parquet`)";

/// The name of an output for messages: the file, or standard output.
pub fn output_name(path: Option<&std::path::Path>) -> String {
    match path.filter(|p| p.as_os_str() != "-") {
        Some(p) => p.display().to_string(),
        None => "standard output".into(),
    }
}
