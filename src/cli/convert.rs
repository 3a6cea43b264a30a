//! `govreport convert PATH... -o OUTDIR [--jobs N] [--glob '*.txt']`: a whole archive
//! into one output folder.
//!
//! Writes, in the sorted path order of the inputs whatever the thread count:
//! - `documents.jsonl`: one document per line;
//! - `values.csv`: the tidy values of every document (the columns of `parse --format csv`);
//! - `checks.csv` and `panel.csv`: the template checks and one panel row per document;
//! - `manifest.csv`: one row per input file, failures included;
//! - `datapackage.json`: a Frictionless Data Package describing the files and their columns;
//! - with `--parquet`, `values.parquet` and `panel.parquet` in place of `values.csv` and
//!   `panel.csv` (the cargo feature `parquet`).
//!
//! How it runs: the inputs are walked in sorted order (walkdir sorted by file name, which
//! is the component order of [`Path`]'s `Ord`). With `--jobs 1` one thread converts and
//! writes each file in turn. With more, a rayon pool of `--jobs` workers takes the next
//! input from the shared walk; a worker reads, parses and *renders* its document (the
//! JSON line, the CSV rows, the manifest row) into byte buffers, and the worker that
//! finishes the next file in input order appends it and any finished files after it
//! (others finishing meanwhile leave theirs to it and go on converting). At
//! most [`WINDOW_PER_JOB`] × jobs files are in flight, so memory stays flat however large
//! the archive is. Every output is written under a `.part` name and renamed when
//! complete; every 64 MiB written, a background thread syncs what is written so far, so
//! the final sync before the renames has little left to do.

use super::input::ReadArgs;
use anyhow::Context as _;
use govreport::model::Document;
use govreport::{Error, ErrorKind, Options};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

/// Flags of `govreport convert`.
#[derive(clap::Args)]
pub struct Args {
    /// Report files and folders; folders are walked for files matching `--glob`.
    #[arg(required_unless_present = "files_from")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Output folder (created if missing); its files are replaced when the run completes.
    #[arg(long, short = 'o')]
    output: PathBuf,
    /// Worker threads (default: the number of cores); 1 walks, converts and writes on one
    /// thread.
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// File-name pattern of the reports inside folders; files named on the command line are
    /// always read.
    /// Matched without regard to case.
    #[arg(long, default_value = "*.{txt,md,html,htm,docx,pdf}")]
    glob: String,
    /// The outputs to write, comma-separated (`manifest.csv` and `datapackage.json` always
    /// are); outputs of an earlier run in the folder that are not chosen are removed.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "documents,values,checks,panel"
    )]
    outputs: Vec<OutputKind>,
    /// For spreadsheets: start every CSV with a UTF-8 BOM and prefix text that would run as
    /// a formula with `'` (never a lone `-` or a signed number), as `parse --excel`.
    #[arg(long)]
    excel: bool,
    /// Write the values and the panel as Parquet (`values.parquet`, `panel.parquet`, typed
    /// columns) instead of CSV; needs the cargo feature `parquet`.
    #[arg(long)]
    parquet: bool,
    /// panel.csv: the key columns of every shipped template, not only of those the reports
    /// follow.
    #[arg(long)]
    all_keys: bool,
    /// panel.csv: also the numbers derived from the template's sums where the report
    /// prints none (without it the panel holds only printed numbers).
    #[arg(long)]
    derived: bool,
}

/// An output of `--outputs`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OutputKind {
    /// `documents.jsonl`
    Documents,
    /// `values.csv`
    Values,
    /// `checks.csv`
    Checks,
    /// `panel.csv`
    Panel,
}

/// The outputs a run writes besides the manifest and the data package.
pub struct Chosen {
    documents: bool,
    /// Written as CSV, in the order of [`CSV_OUTPUTS`].
    csv: Vec<&'static CsvOutput>,
    /// Written as Parquet instead (`--parquet`): the values, the panel.
    parquet: Vec<&'static CsvOutput>,
    /// `--excel`: every CSV starts with a BOM, formulas are neutralised.
    excel: bool,
    /// `--all-keys`: the panel keeps the columns of every template.
    all_keys: bool,
    /// `--derived`: the panel gives numbers derived from sums too.
    derived: bool,
}

impl Chosen {
    /// The outputs `kinds` name: a CSV output is chosen by its resource name, which is the
    /// name `--outputs` takes for it.
    fn of(kinds: &[OutputKind]) -> Chosen {
        use clap::ValueEnum as _;
        let chosen = |name: &str| {
            kinds
                .iter()
                .any(|k| k.to_possible_value().is_some_and(|v| v.get_name() == name))
        };
        Chosen {
            documents: chosen("documents"),
            csv: CSV_OUTPUTS.iter().filter(|o| chosen(o.name)).collect(),
            parquet: Vec::new(),
            excel: false,
            all_keys: false,
            derived: false,
        }
    }

    /// `--parquet`: the values and the panel move from CSV to Parquet.
    fn move_to_parquet(&mut self) {
        let (parquet, csv) = self
            .csv
            .iter()
            .partition(|o| o.file == VALUES.file || o.file == PANEL.file);
        self.parquet = parquet;
        self.csv = csv;
    }
}

/// The Parquet file of an output moved to Parquet by `--parquet`.
fn parquet_file(o: &CsvOutput) -> &'static str {
    if o.file == PANEL.file {
        PANEL_PARQUET
    } else {
        VALUES_PARQUET
    }
}

/// `values.parquet`, written by `--parquet` instead of `values.csv`.
const VALUES_PARQUET: &str = "values.parquet";
/// `panel.parquet`, written by `--parquet` instead of `panel.csv`.
const PANEL_PARQUET: &str = "panel.parquet";

/// Set when the run is interrupted (Ctrl-C, SIGTERM, SIGHUP).
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// From now on an interruption stops the run at the next file instead of killing the
/// process, so that [`Outputs::abandon`] can remove the `.part` files. A second
/// interruption ends the process at once (status 130).
fn watch_interrupts() {
    // An error means a handler is already set (a second run in one process): it stays.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(i32::from(super::EXIT_INTERRUPTED));
        }
    });
}

fn interrupted() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
}

/// Files in flight per worker: enough to keep every worker busy while the writer waits
/// for a slow file, small enough that memory does not grow with the archive.
const WINDOW_PER_JOB: usize = 16;

/// Most bytes reserved ahead for one rendered output of one file.
const RESERVE_MAX: usize = 64 << 20;

/// One CSV file of the output folder that has a row per something of a document: its
/// name, its columns (for `datapackage.json`) and how a document becomes rows.
///
/// This is the extension point for `checks.csv` and `panel.csv` (the templates work):
/// add a `CsvOutput` to [`CSV_OUTPUTS`] and both the rows and the data package follow.
pub struct CsvOutput {
    /// File name in the output folder.
    pub file: &'static str,
    /// Resource name in `datapackage.json`.
    pub name: &'static str,
    /// What one row is.
    pub description: &'static str,
    /// Columns: name, Table Schema type, description.
    pub fields: fn() -> &'static [Field],
    /// Writes the rows of one document (no header), as the run's flags say.
    pub rows: fn(&Document, &Chosen, &mut Vec<u8>) -> io::Result<()>,
}

/// A column of a CSV output: name, Table Schema type, description.
pub type Field = (&'static str, &'static str, &'static str);

/// The per-document CSV outputs, in the order they are listed in `datapackage.json`.
pub const CSV_OUTPUTS: &[CsvOutput] = &[VALUES, CHECKS, PANEL];

const VALUES: CsvOutput = CsvOutput {
    file: "values.csv",
    name: "values",
    description: "Tidy values: one row per cell of every table (as `govreport parse --format csv`).",
    fields: || VALUES_FIELDS,
    rows: |d, chosen, buf| {
        govreport::write::csv::write_doc(d, chosen.excel, buf);
        Ok(())
    },
};

const VALUES_FIELDS: &[Field] = &[
    ("doc", "string", "Source path of the document."),
    (
        "table",
        "string",
        "Table id (`t1`, `t2`, … in document order).",
    ),
    ("band", "string", "Band label of the table block, if any."),
    (
        "section",
        "string",
        "Heading path above the table, joined with ` > `.",
    ),
    ("row", "string", "Row-label path, joined with ` > `."),
    ("column", "string", "Column header path, joined with ` > `."),
    (
        "value",
        "number",
        "The number, for kind `number`; empty otherwise.",
    ),
    ("raw", "string", "The cell text as printed."),
    ("kind", "string", "number, empty, na, text or missing."),
    (
        "unit",
        "string",
        "Unit of the value (`万元`, `元`, `%`, …) as its cell, column or table states it; empty when none.",
    ),
    ("line", "integer", "Source line of the row."),
    (
        "row_key",
        "string",
        "Stable template key of the row (`apply.new`), empty when the label matches none.",
    ),
    (
        "column_key",
        "string",
        "Stable template key of the column (`applicant.total`), empty when none.",
    ),
    (
        "table_title",
        "string",
        "The table's printed caption, or the title of the heading it sits under.",
    ),
    (
        "template",
        "string",
        "Template the report follows (`gidr-2021`), empty if not recognised.",
    ),
    ("agency", "string", "Agency, from the title or text."),
    ("year", "integer", "Reporting year."),
];

const CHECKS: CsvOutput = CsvOutput {
    file: "checks.csv",
    name: "checks",
    description: "The template arithmetic (勾稽关系): one row per check of every report.",
    fields: || {
        &[
            ("doc", "string", "Source path of the document."),
            (
                "rule",
                "string",
                "Template and rule id, e.g. `gidr-2019/t3-balance`.",
            ),
            (
                "table",
                "string",
                "Table id the check reads (first cell involved).",
            ),
            (
                "column",
                "string",
                "Column path the check runs along, joined with ` > `; empty for row and text checks.",
            ),
            (
                "row",
                "string",
                "Row path the check runs along, joined with ` > `; empty for column and text checks.",
            ),
            (
                "status",
                "string",
                "pass, fail or skipped (the check could not be made).",
            ),
            (
                "expected",
                "number",
                "Sum of the parts (text checks: the number the text states); empty when skipped.",
            ),
            (
                "found",
                "number",
                "Total the report prints; empty when skipped.",
            ),
            ("first_line", "integer", "First source line involved."),
            ("last_line", "integer", "Last source line involved."),
            (
                "message",
                "string",
                "What the rule says and, for a failure or skip, why.",
            ),
        ]
    },
    rows: |d, chosen, buf| {
        with_csv(buf, |w| {
            govreport::write::checks::write_doc_csv(d, chosen.excel, w)
        })
    },
};

const PANEL: CsvOutput = CsvOutput {
    file: "panel.csv",
    name: "panel",
    description: "One row per report, one column per stable template key `ROW_KEY/COLUMN_KEY` of the templates the reports follow (every shipped template with --all-keys; meanings and units in codebook.csv), then checks_failed; a key cell holds the number the report prints, in the key's unit, empty when it has none there.",
    fields: panel_fields,
    rows: |d, chosen, buf| {
        with_csv(buf, |w| {
            w.write_record(govreport::write::panel::panel_row(
                d,
                govreport::write::panel::all_key_columns(),
                govreport::write::panel::PanelOptions {
                    excel: chosen.excel,
                    derived: chosen.derived,
                },
            ))
            .map_err(io::Error::from)
        })
    },
};

/// The panel's columns while it is written: the report, every template key (numbers),
/// the failed checks. [`panel_fields_of`] gives those of the finished file.
fn panel_fields() -> &'static [Field] {
    static FIELDS: std::sync::OnceLock<Vec<Field>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| panel_fields_of(govreport::write::panel::all_key_columns()))
}

/// The panel's columns over `keys`.
fn panel_fields_of(keys: &'static [String]) -> Vec<Field> {
    {
        let mut f: Vec<Field> = vec![
            ("file", "string", "Source path of the document."),
            ("agency", "string", "Agency, from the title or text."),
            ("year", "integer", "Reporting year."),
            (
                "template",
                "string",
                "Template the report follows, if recognised.",
            ),
        ];
        f.extend(keys.iter().map(|k| {
            (
                k.as_str(),
                "number",
                "The number the report prints in this template cell, in the key's unit (codebook.csv).",
            )
        }));
        f.push((
            govreport::write::panel::TRAIL,
            "integer",
            "How many of the report's template checks failed (checks.csv lists them).",
        ));
        f
    }
}

/// Columns of `manifest.csv`.
pub const MANIFEST_FIELDS: &[Field] = &[
    (
        "path",
        "string",
        "The input file as found (not-UTF-8 bytes of a name shown as U+FFFD).",
    ),
    (
        "status",
        "string",
        "ok, warning (parsed, with warnings) or failed (not parsed).",
    ),
    (
        "encoding",
        "string",
        "The encoding the text was decoded from; empty when failed.",
    ),
    ("bytes", "integer", "Size of the file in bytes, when known."),
    ("tables", "integer", "Table blocks in the document."),
    (
        "values",
        "integer",
        "Rows of values.csv from this document.",
    ),
    ("warnings", "integer", "Warnings in the document."),
    ("reason", "string", "Why the file failed; empty otherwise."),
    (
        "path_escaped",
        "string",
        "For a file name that is not UTF-8, its exact bytes: valid UTF-8 as is, `%` as `%25`, every other byte as `%XX`; empty otherwise.",
    ),
];

/// Converts every input; see the module documentation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut args = args;
    args.paths = args.read.inputs(std::mem::take(&mut args.paths))?;
    if args.parquet {
        // before anything is made: a build without Parquet leaves no output folder
        super::parquet_available()?;
    }
    let started = Instant::now();
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let glob = globset::GlobBuilder::new(&args.glob)
        .literal_separator(true)
        .case_insensitive(true)
        .build()
        .map_err(|e| super::Usage(format!("bad --glob pattern {:?}: {e}", args.glob)))?
        .compile_matcher();
    // A named input that is one of the files this run replaces would be read while it
    // is being replaced.
    let finals = [
        DOCUMENTS,
        MANIFEST,
        DATAPACKAGE,
        CODEBOOK,
        VALUES_PARQUET,
        PANEL_PARQUET,
    ]
    .into_iter()
    .chain(CSV_OUTPUTS.iter().map(|o| o.file));
    for name in finals {
        let named = args.paths.iter().map(PathBuf::as_path);
        super::refuse_output_among_inputs(Some(&args.output.join(name)), named)?;
    }
    let cannot_write = || super::OutputFailed(format!("cannot write to {}", args.output.display()));
    super::writing(std::fs::create_dir_all(&args.output), || {
        format!("cannot create {}", args.output.display())
    })?;
    let mut chosen = Chosen::of(&args.outputs);
    if args.parquet {
        chosen.move_to_parquet();
    }
    chosen.excel = args.excel;
    chosen.all_keys = args.all_keys;
    chosen.derived = args.derived;
    // Watched before the first `.part` file exists, so that none is left by Ctrl-C.
    watch_interrupts();
    let out = Outputs::create(&args.output, &chosen).map_err(|e| e.context(cannot_write()))?;

    let opts = args.read.options();
    let mut roots = args.paths.clone();
    roots.sort();
    roots.dedup();
    let mut sink = Sink {
        out,
        stats: Stats::default(),
        progress: Progress::new(&roots, &glob),
        error: None,
    };
    let files = inputs(&roots, &glob);
    if jobs == 1 {
        // One thread does everything, in order: no pool, no hand-offs.
        for input in files {
            if interrupted() || !sink.take(convert(input, args.read.max_bytes, &opts, &chosen)) {
                break;
            }
        }
    } else {
        sink = in_parallel(jobs, files, args.read.max_bytes, &opts, &chosen, sink)?;
    }
    let Sink {
        out,
        stats,
        progress,
        error,
    } = sink;
    if interrupted() {
        progress.finish();
        let removed = out.abandon(&chosen);
        return Err(
            anyhow::Error::new(super::Interrupted).context(match removed {
                Ok(()) => format!(
                    "interrupted; its .part files were removed from {}",
                    args.output.display()
                ),
                Err(e) => format!(
                    "interrupted; could not remove its .part files from {}: {e}",
                    args.output.display()
                ),
            }),
        );
    }
    if let Some(e) = error {
        return Err(anyhow::Error::new(e).context(cannot_write()));
    }
    out.finish(&chosen, &stats.templates)
        .map_err(|e| anyhow::Error::new(e).context(cannot_write()))?;
    progress.finish();
    let secs = started.elapsed().as_secs_f64();
    if !super::quiet() {
        eprintln!(
            "govreport: convert: {} read, {} converted ({} with warnings), {} failed, {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} docs/s) -> {}",
            stats.read,
            stats.converted,
            stats.warned,
            stats.failed,
            stats.bytes as f64 / 1e6,
            secs,
            stats.bytes as f64 / 1e6 / secs.max(1e-9),
            stats.read as f64 / secs.max(1e-9),
            args.output.display()
        );
    }
    Ok(if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where converted files go, in input order: the output files, the counts, the progress
/// bar. Stops taking files after the first write error.
struct Sink {
    out: Outputs,
    stats: Stats,
    progress: Progress,
    error: Option<io::Error>,
}

impl Sink {
    /// Appends the next file in order; false once writing has failed.
    fn take(&mut self, c: Converted) -> bool {
        if let Some(reason) = &c.failed {
            self.progress
                .println(&format!("govreport: {}: {reason}", c.display));
        }
        self.stats.add(&c);
        self.progress.update(&self.stats);
        if self.error.is_none() {
            self.error = self.out.append(&c).err();
        }
        self.error.is_none()
    }
}

/// Converts on a rayon pool of `jobs` workers, each taking the next input from the shared
/// walk. There is no writer thread: the worker that finishes the next file in input order
/// writes it, and any finished files after it, so the cores parse and write without
/// hand-offs. The writing happens outside the order lock: a worker finishing while another
/// writes only leaves its file in `pending` for the writer's next batch. A worker more than
/// [`WINDOW_PER_JOB`] × jobs files ahead of the writing waits, so memory stays flat behind a
/// slow file.
fn in_parallel(
    jobs: usize,
    files: impl Iterator<Item = Input> + Send,
    max_bytes: u64,
    opts: &Options,
    chosen: &Chosen,
    sink: Sink,
) -> anyhow::Result<Sink> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("govreport-convert-{i}"))
        .build()
        .context("cannot start worker threads")?;
    let window = jobs * WINDOW_PER_JOB;
    let walk = Mutex::new(files.enumerate());
    let order = Mutex::new(InOrder {
        next: 0,
        pending: BTreeMap::new(),
        waiting: 0,
        writing: false,
        stop: false,
    });
    // Only the worker holding the writer's part (`InOrder::writing`) locks the sink, so the
    // order lock is never held while bytes are written.
    let sink = Mutex::new(sink);
    let room = Condvar::new();
    pool.broadcast(|_| {
        loop {
            if lock(&order).stop || interrupted() {
                return;
            }
            let Some((i, input)) = lock(&walk).next() else {
                return;
            };
            let mut o = lock(&order);
            while i >= o.next + window && !o.stop {
                o.waiting += 1;
                o = room.wait(o).unwrap_or_else(|e| e.into_inner());
                o.waiting -= 1;
            }
            drop(o);
            let c = convert(input, max_bytes, opts, chosen);
            let mut o = lock(&order);
            o.pending.insert(i, c);
            if o.writing {
                continue; // the writer takes it after its current batch
            }
            o.writing = true;
            loop {
                let mut ready = Vec::new();
                let st = &mut *o;
                while let Some(c) = st.pending.remove(&st.next) {
                    st.next += 1;
                    ready.push(c);
                }
                if ready.is_empty() {
                    o.writing = false;
                    break;
                }
                if o.waiting > 0 {
                    room.notify_all();
                }
                drop(o);
                let mut failed = false;
                let mut s = lock(&sink);
                for c in ready {
                    failed |= !s.take(c);
                }
                drop(s);
                o = lock(&order);
                if failed {
                    // Stop converting; the other workers end at their next file.
                    o.stop = true;
                    room.notify_all();
                }
            }
        }
    });
    Ok(sink.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// The files converted ahead of the next one to write.
struct InOrder {
    next: usize,
    pending: BTreeMap<usize, Converted>,
    /// Workers waiting for the writing to catch up.
    waiting: usize,
    /// A worker is writing the files before `next` (outside this lock).
    writing: bool,
    stop: bool,
}

/// Locks a mutex whatever a panicking worker left in it (a conversion does not panic;
/// if one did, the files already written stay consistent).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One input as the walker found it.
enum Input {
    /// A file (or anything that is not a folder) to read.
    File(PathBuf),
    /// A path the walker could not follow (a symlink loop, an unreadable folder).
    Broken(PathBuf, String),
}

/// Every input under `roots`, in sorted path order, each file once: a file reached twice
/// (`convert DIR ./DIR`, a folder and a file in it, a symlink to a file already found) is
/// read the first time only.
fn inputs<'a>(
    roots: &'a [PathBuf],
    glob: &'a globset::GlobMatcher,
) -> impl Iterator<Item = Input> + Send + 'a {
    let mut seen = std::collections::HashSet::new();
    let first_time = move |input: &Input| match input {
        Input::File(p) => file_id(p).is_none_or(|id| seen.insert(id)),
        Input::Broken(..) => true,
    };
    roots
        .iter()
        .flat_map(move |root| {
            let is_dir = std::fs::metadata(root).is_ok_and(|m| m.is_dir());
            // A file named on the command line is read whatever its name; a missing one
            // fails when read.
            let named = (!is_dir).then(|| Input::File(root.clone()));
            let entries = is_dir.then(|| {
                walkdir::WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(move |entry| found(entry, root, glob))
            });
            named.into_iter().chain(entries.into_iter().flatten())
        })
        .filter(first_time)
}

/// What makes a file the same file whatever its path: device and inode.
#[cfg(unix)]
fn file_id(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

/// What makes a file the same file whatever its path: its canonical path.
#[cfg(not(unix))]
fn file_id(p: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(p).ok()
}

/// What the walker found under `root`: a file to read, a broken entry to report, or
/// nothing (a folder, a file not matching the glob).
fn found(
    entry: walkdir::Result<walkdir::DirEntry>,
    root: &Path,
    glob: &globset::GlobMatcher,
) -> Option<Input> {
    match entry {
        Ok(e) if e.file_type().is_dir() => None,
        Ok(e) => glob
            .is_match(e.file_name())
            .then(|| Input::File(e.into_path())),
        Err(e) => {
            let path = e.path().unwrap_or(root).to_path_buf();
            let reason = match e.loop_ancestor() {
                Some(a) => format!("symlink loop back to {}", a.display()),
                None => match e.io_error() {
                    Some(io) => format!("cannot read: {io}"),
                    None => e.to_string(),
                },
            };
            // A broken entry is reported when it would have been read (its name
            // matches) or when it hides files (a folder, a folder loop).
            let wanted = e.loop_ancestor().is_some()
                || e.depth() == 0
                || path.file_name().is_some_and(|n| glob.is_match(n))
                || std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
            wanted.then_some(Input::Broken(path, reason))
        }
    }
}

/// One input, converted and rendered.
struct Converted {
    /// The path for messages (lossy for names that are not UTF-8).
    display: String,
    bytes: Option<u64>,
    failed: Option<String>,
    warnings: usize,
    /// The `documents.jsonl` line.
    jsonl: Vec<u8>,
    /// Rows of each chosen CSV output.
    csv: Vec<Vec<u8>>,
    /// The `manifest.csv` row.
    manifest: Vec<u8>,
    /// The template the document follows.
    template: Option<String>,
    /// The document, kept for the Parquet outputs (`--parquet`), which the writing
    /// thread fills.
    doc: Option<Document>,
}

fn convert(input: Input, max_bytes: u64, opts: &Options, chosen: &Chosen) -> Converted {
    let (path, broken) = match input {
        Input::File(p) => (p, None),
        Input::Broken(p, r) => (p, Some(r)),
    };
    let display = path.to_string_lossy().into_owned();
    let not_utf8 = path.to_str().is_none();
    let mut c = Converted {
        display: display.clone(),
        bytes: None,
        failed: None,
        warnings: 0,
        jsonl: Vec::new(),
        csv: vec![Vec::new(); chosen.csv.len()],
        manifest: Vec::new(),
        template: None,
        doc: None,
    };
    let parsed = match broken {
        Some(reason) => Err(reason),
        None => read_file(&path, &display, max_bytes)
            .and_then(|b| {
                c.bytes = Some(b.len() as u64);
                govreport::parse_bytes(&b, &display, opts)
            })
            .map_err(|e| reason_of(&e)),
    };
    let (encoding, tables, values) = match parsed {
        Ok(mut doc) => {
            if not_utf8 {
                doc.warnings.push(super::input::path_not_utf8());
            }
            c.warnings = doc.warnings.len();
            c.template = doc.meta.template.clone();
            if let Err(e) = render(&doc, &mut c, chosen) {
                c.failed = Some(format!("cannot render: {e}"));
                c.jsonl.clear();
                c.csv.iter_mut().for_each(Vec::clear);
            }
            let tables = doc.tables().count();
            let values: usize = doc.tables().map(|t| t.rows.len() * t.columns.len()).sum();
            let encoding = doc.source.encoding.clone();
            if !chosen.parquet.is_empty() && c.failed.is_none() {
                c.doc = Some(doc);
            }
            (encoding, tables.to_string(), values.to_string())
        }
        Err(reason) => {
            c.failed = Some(reason);
            (String::new(), String::new(), String::new())
        }
    };
    let status = match (&c.failed, c.warnings) {
        (Some(_), _) => "failed",
        (None, 0) => "ok",
        (None, _) => "warning",
    };
    let mut w = csv::WriterBuilder::new().from_writer(&mut c.manifest);
    let row = [
        govreport::write::csv::safe(&display, chosen.excel).into_owned(),
        status.to_string(),
        encoding,
        c.bytes.map_or(String::new(), |b| b.to_string()),
        tables,
        values,
        if c.failed.is_some() {
            String::new()
        } else {
            c.warnings.to_string()
        },
        c.failed.clone().unwrap_or_default(),
        super::input::escaped(&path),
    ];
    let _ = w
        .write_record(&row)
        .and_then(|_| w.flush().map_err(Into::into));
    drop(w);
    c
}

fn render(doc: &Document, c: &mut Converted, chosen: &Chosen) -> io::Result<()> {
    // The document line and the values are each about four times the input: reserved
    // once rather than grown by doubling (capped: a huge input reserves no more).
    let expect = (c.bytes.unwrap_or(0) as usize)
        .saturating_mul(4)
        .min(RESERVE_MAX);
    if chosen.documents {
        c.jsonl.reserve(expect);
        govreport::write::json::write_jsonl(doc, &mut c.jsonl)?;
    }
    for (out, buf) in chosen.csv.iter().zip(c.csv.iter_mut()) {
        if out.file == VALUES.file {
            buf.reserve(expect);
        }
        (out.rows)(doc, chosen, buf)?;
    }
    Ok(())
}

/// Runs `rows` on a CSV writer appending to `buf`.
fn with_csv(
    buf: &mut Vec<u8>,
    rows: impl FnOnce(&mut csv::Writer<&mut Vec<u8>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(buf);
    rows(&mut w)?;
    w.flush()
}

/// The reason of a failure without the path (the manifest has it in its own column).
fn reason_of(e: &Error) -> String {
    let full = e.to_string();
    let prefix = match e.line() {
        Some(l) => format!("{}:{l}: ", e.path()),
        None => format!("{}: ", e.path()),
    };
    match full.strip_prefix(&prefix) {
        Some(r) => match e.line() {
            Some(l) => format!("line {l}: {r}"),
            None => r.to_string(),
        },
        None => full,
    }
}

/// Reads a regular file of at most `max_bytes`. FIFOs, sockets and devices are refused
/// (reading a FIFO would wait forever for a writer).
fn read_file(path: &Path, display: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let io_err = |e: io::Error| Error::new(display, ErrorKind::Io(e));
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if meta.is_dir() {
        return Err(Error::new(display, ErrorKind::IsDirectory));
    }
    if !meta.is_file() {
        return Err(io_err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, socket or device)",
        )));
    }
    if meta.len() > max_bytes {
        return Err(Error::new(
            display,
            ErrorKind::TooLarge {
                bytes: meta.len(),
                limit: max_bytes,
            },
        ));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    File::open(path)
        .and_then(|f| f.take(max_bytes + 1).read_to_end(&mut buf))
        .map_err(io_err)?;
    if buf.len() as u64 > max_bytes {
        // grew while we read it
        return Err(Error::new(
            display,
            ErrorKind::TooLarge {
                bytes: buf.len() as u64,
                limit: max_bytes,
            },
        ));
    }
    Ok(buf)
}

/// The output files, written under `.part` names until [`Outputs::finish`].
struct Outputs {
    dir: PathBuf,
    /// `documents.jsonl`, when chosen.
    jsonl: Option<BufWriter<File>>,
    csv: Vec<BufWriter<File>>,
    /// `values.parquet` and `panel.parquet`, when `--parquet`.
    parquet: ParquetOutputs,
    manifest: BufWriter<File>,
    /// Bytes appended so far, and the count at which the disk is next asked to catch up.
    written: u64,
    next_sync: u64,
    /// Syncs the files in the background while the run goes on (see [`SYNC_EVERY`]).
    syncer: Option<Syncer>,
}

/// Every this many bytes appended, the files written so far are synced in the background,
/// so the final sync (which the run waits for) has little left to write.
const SYNC_EVERY: u64 = 64 << 20;

/// A thread syncing the handles it is sent, keeping the first error for the end.
struct Syncer {
    tx: mpsc::Sender<File>,
    done: std::thread::JoinHandle<io::Result<()>>,
}

impl Syncer {
    fn start() -> io::Result<Syncer> {
        let (tx, rx) = mpsc::channel::<File>();
        let done = std::thread::Builder::new()
            .name("govreport-sync".into())
            .spawn(move || rx.into_iter().try_for_each(|f| f.sync_data()))?;
        Ok(Syncer { tx, done })
    }

    fn finish(self) -> io::Result<()> {
        drop(self.tx);
        self.done
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the sync thread failed")))
    }
}

const DOCUMENTS: &str = "documents.jsonl";
const MANIFEST: &str = "manifest.csv";
const DATAPACKAGE: &str = "datapackage.json";
const CODEBOOK: &str = "codebook.csv";

/// Columns of `codebook.csv`.
const CODEBOOK_FIELDS: &[Field] = &[
    ("key", "string", "The panel column `ROW_KEY/COLUMN_KEY`."),
    (
        "template",
        "string",
        "The template of the key (`gidr-2021`).",
    ),
    (
        "label",
        "string",
        "The printed labels in Chinese: table title, band, row labels, column header, joined with ` > `.",
    ),
    (
        "unit",
        "string",
        "The unit of the key's numbers (`万元`); empty for counts.",
    ),
];

/// The panel Parquet file, cut to the keys of the templates found, before it replaces the
/// one written over every template's keys.
const PANEL_PARQUET_PROJECTED: &str = "panel.parquet.projected";

/// The Parquet outputs of `--parquet`, written under `.part` names as the others; the
/// writing thread adds each document as it comes in input order.
#[cfg(feature = "parquet")]
struct ParquetOutputs {
    values: Option<govreport::write::parquet::ValuesWriter<BufWriter<File>>>,
    panel: Option<govreport::write::parquet::PanelWriter<BufWriter<File>>>,
}

#[cfg(feature = "parquet")]
impl ParquetOutputs {
    fn create(dir: &Path, chosen: &Chosen) -> anyhow::Result<ParquetOutputs> {
        use govreport::write::{panel, parquet};
        let open = |name: &str| -> anyhow::Result<BufWriter<File>> {
            let p = part(dir, name);
            let f = File::create(&p).with_context(|| format!("cannot create {}", p.display()))?;
            Ok(BufWriter::with_capacity(256 * 1024, f))
        };
        let wants = |o: &CsvOutput| chosen.parquet.iter().any(|c| c.file == o.file);
        let values = if wants(&VALUES) {
            Some(parquet::ValuesWriter::new(open(VALUES_PARQUET)?)?)
        } else {
            None
        };
        let panel = if wants(&PANEL) {
            let opts = panel::PanelOptions {
                excel: false,
                derived: chosen.derived,
            };
            Some(parquet::PanelWriter::new(
                open(PANEL_PARQUET)?,
                panel::all_key_columns(),
                opts,
            )?)
        } else {
            None
        };
        Ok(ParquetOutputs { values, panel })
    }

    fn append(&mut self, doc: &Document) -> io::Result<()> {
        if let Some(w) = &mut self.values {
            w.write(doc)?;
        }
        if let Some(w) = &mut self.panel {
            w.write(doc)?;
        }
        Ok(())
    }

    /// Writes the footers; gives the files to flush and sync.
    fn finish(self) -> io::Result<Vec<BufWriter<File>>> {
        let mut files = Vec::new();
        if let Some(w) = self.values {
            files.push(w.finish()?);
        }
        if let Some(w) = self.panel {
            files.push(w.finish()?);
        }
        Ok(files)
    }

    /// Rewrites the panel's `.part` file, written over every template's keys, with the
    /// columns of `keys` only (as [`project_panel`] does for the CSV).
    fn project_panel(dir: &Path, keys: &[String]) -> io::Result<()> {
        let from = part(dir, PANEL_PARQUET);
        let to = part(dir, PANEL_PARQUET_PROJECTED);
        let out = BufWriter::new(File::create(&to)?);
        let out = govreport::write::parquet::project_panel(File::open(&from)?, keys, out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&to, &from)
    }
}

/// Without the feature `parquet`, `--parquet` is refused before any output is made.
#[cfg(not(feature = "parquet"))]
struct ParquetOutputs;

#[cfg(not(feature = "parquet"))]
impl ParquetOutputs {
    fn create(_: &Path, _: &Chosen) -> anyhow::Result<ParquetOutputs> {
        Ok(ParquetOutputs)
    }

    fn append(&mut self, _: &Document) -> io::Result<()> {
        Ok(())
    }

    fn finish(self) -> io::Result<Vec<BufWriter<File>>> {
        Ok(Vec::new())
    }

    fn project_panel(_: &Path, _: &[String]) -> io::Result<()> {
        Ok(())
    }
}

fn part(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.part"))
}

impl Outputs {
    fn create(dir: &Path, chosen: &Chosen) -> anyhow::Result<Outputs> {
        let open = |name: &str| -> anyhow::Result<BufWriter<File>> {
            let p = part(dir, name);
            let f = File::create(&p).with_context(|| format!("cannot create {}", p.display()))?;
            Ok(BufWriter::with_capacity(256 * 1024, f))
        };
        let mut csv = Vec::new();
        for o in &chosen.csv {
            let mut w = open(o.file)?;
            write_header(&mut w, (o.fields)(), chosen.excel)?;
            csv.push(w);
        }
        let parquet = ParquetOutputs::create(dir, chosen)?;
        let mut manifest = open(MANIFEST)?;
        write_header(&mut manifest, MANIFEST_FIELDS, chosen.excel)?;
        Ok(Outputs {
            dir: dir.to_path_buf(),
            jsonl: chosen.documents.then(|| open(DOCUMENTS)).transpose()?,
            csv,
            parquet,
            manifest,
            written: 0,
            next_sync: SYNC_EVERY,
            syncer: Some(Syncer::start().context("cannot start the sync thread")?),
        })
    }

    fn append(&mut self, c: &Converted) -> io::Result<()> {
        if let Some(w) = &mut self.jsonl {
            w.write_all(&c.jsonl)?;
        }
        for (w, rows) in self.csv.iter_mut().zip(&c.csv) {
            w.write_all(rows)?;
        }
        if let Some(doc) = &c.doc {
            self.parquet.append(doc)?;
        }
        self.manifest.write_all(&c.manifest)?;
        self.written += (c.jsonl.len() + c.csv.iter().map(Vec::len).sum::<usize>()) as u64;
        if self.written >= self.next_sync {
            self.next_sync = self.written + SYNC_EVERY;
            self.sync_in_background()?;
        }
        Ok(())
    }

    /// Hands the files, flushed, to the sync thread.
    fn sync_in_background(&mut self) -> io::Result<()> {
        let Some(syncer) = &self.syncer else {
            return Ok(());
        };
        let files = self
            .jsonl
            .iter_mut()
            .chain(&mut self.csv)
            .chain(std::iter::once(&mut self.manifest));
        for w in files {
            w.flush()?;
            if syncer.tx.send(w.get_ref().try_clone()?).is_err() {
                break; // it stopped on an error, reported by finish
            }
        }
        Ok(())
    }

    /// Removes the `.part` files of an interrupted run; the folder keeps what an earlier
    /// run left under the final names.
    fn abandon(mut self, chosen: &Chosen) -> io::Result<()> {
        if let Some(s) = self.syncer.take() {
            let _ = s.finish();
        }
        drop(self.jsonl);
        drop(self.csv);
        // (a build without Parquet has nothing to close here)
        #[allow(clippy::drop_non_drop)]
        drop(self.parquet);
        drop(self.manifest);
        let names = [
            DOCUMENTS,
            MANIFEST,
            DATAPACKAGE,
            CODEBOOK,
            "panel.csv.projected",
            PANEL_PARQUET_PROJECTED,
        ]
        .into_iter()
        .chain(chosen.csv.iter().map(|o| o.file))
        .chain(chosen.parquet.iter().map(|o| parquet_file(o)));
        for name in names {
            match std::fs::remove_file(part(&self.dir, name)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }

    /// Flushes everything, writes `datapackage.json` and renames the files into place,
    /// the manifest last.
    /// `templates`: those of the converted documents (the panel's columns unless
    /// `--all-keys`).
    fn finish(mut self, chosen: &Chosen, templates: &[String]) -> io::Result<()> {
        if let Some(s) = self.syncer.take() {
            s.finish()?;
        }
        let mut names: Vec<&str> = Vec::new();
        if chosen.documents {
            names.push(DOCUMENTS);
        }
        names.extend(chosen.csv.iter().map(|o| o.file));
        names.extend(chosen.parquet.iter().map(|o| parquet_file(o)));
        // Flushed and synced side by side: the disk writes them at once.
        let files = self
            .jsonl
            .into_iter()
            .chain([self.manifest])
            .chain(self.csv)
            .chain(self.parquet.finish()?);
        std::thread::scope(|s| {
            let closing: Vec<_> = files
                .map(|w| {
                    s.spawn(move || {
                        let f = w.into_inner().map_err(|e| e.into_error())?;
                        f.sync_all()
                    })
                })
                .collect();
            closing.into_iter().try_for_each(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("a file could not be closed")))
            })
        })?;
        // The panel was written over every template's keys (the files stream through);
        // it keeps those of the templates found unless --all-keys.
        let panel_keys: &'static [String] = if chosen.all_keys {
            govreport::write::panel::all_key_columns()
        } else {
            let used: Vec<&str> = templates.iter().map(String::as_str).collect();
            // leaked once per run: the field names of the data package borrow them
            Box::leak(govreport::write::panel::key_columns_of(&used).into_boxed_slice())
        };
        if !chosen.all_keys && chosen.csv.iter().any(|o| o.file == PANEL.file) {
            project_panel(&self.dir, panel_keys, chosen.excel)?;
        }
        if !chosen.all_keys && chosen.parquet.iter().any(|o| o.file == PANEL.file) {
            ParquetOutputs::project_panel(&self.dir, panel_keys)?;
        }
        let mut codebook = Vec::new();
        govreport::write::panel::write_codebook(None, chosen.excel, &mut codebook)?;
        let mut f = File::create(part(&self.dir, CODEBOOK))?;
        f.write_all(&codebook)?;
        f.sync_all()?;
        names.push(CODEBOOK);
        let mut dp = serde_json::to_vec_pretty(&datapackage(chosen, panel_keys))?;
        dp.push(b'\n');
        let mut f = File::create(part(&self.dir, DATAPACKAGE))?;
        f.write_all(&dp)?;
        f.sync_all()?;
        names.push(DATAPACKAGE);
        names.push(MANIFEST);
        for name in &names {
            std::fs::rename(part(&self.dir, name), self.dir.join(name))?;
        }
        // An output of an earlier run that this run did not write would read as its own.
        let all = [DOCUMENTS, VALUES_PARQUET, PANEL_PARQUET]
            .into_iter()
            .chain(CSV_OUTPUTS.iter().map(|o| o.file));
        for stale in all.filter(|n| !names.contains(n)) {
            match std::fs::remove_file(self.dir.join(stale)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Rewrites the panel's `.part` file, written over every template's keys, with the
/// columns of `keys` only (and the report's columns before them and the checks after).
/// Reads and writes a row at a time: memory does not grow with the archive.
fn project_panel(dir: &Path, keys: &[String], excel: bool) -> io::Result<()> {
    let from = part(dir, PANEL.file);
    let to = part(dir, "panel.csv.projected");
    let pick = govreport::write::panel::projection(keys);
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(io::BufReader::new(File::open(&from)?));
    let mut out = BufWriter::new(File::create(&to)?);
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(&mut out);
    w.write_record(govreport::write::panel::header(keys))?;
    let mut record = csv::StringRecord::new();
    while rows.read_record(&mut record)? {
        w.write_record(pick.iter().map(|&i| record.get(i).unwrap_or("")))?;
    }
    w.flush()?;
    drop(w);
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&to, &from)
}

/// Writes the header row, after a UTF-8 BOM when `excel`.
fn write_header(w: &mut impl Write, fields: &[Field], excel: bool) -> anyhow::Result<()> {
    if excel {
        w.write_all("\u{feff}".as_bytes())?;
    }
    let mut c = csv::Writer::from_writer(w);
    c.write_record(fields.iter().map(|f| f.0))?;
    c.flush()?;
    Ok(())
}

/// The Frictionless Data Package (<https://specs.frictionlessdata.io/data-package/>) of the
/// output folder. Deterministic: no timestamps, so two runs give the same bytes.
fn datapackage(chosen: &Chosen, panel_keys: &'static [String]) -> serde_json::Value {
    use serde_json::json;
    let table = |file: &str, name: &str, description: &str, fields: &[Field]| {
        json!({
            "name": name,
            "path": file,
            "profile": "tabular-data-resource",
            "description": description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": true, "doubleQuote": true, "lineTerminator": "\n"},
            "schema": {
                "fields": fields.iter().map(|(n, t, d)| json!({"name": n, "type": t, "description": d})).collect::<Vec<_>>(),
                "missingValues": [""],
            },
        })
    };
    let mut resources = Vec::new();
    if chosen.documents {
        resources.push(json!({
            "name": "documents",
            "path": DOCUMENTS,
            "description": "One govreport/1 document per line (see `govreport schema`).",
            "format": "jsonl",
            "mediatype": "application/jsonl",
            "encoding": "utf-8",
        }));
    }
    for o in CSV_OUTPUTS {
        let fields = || {
            if o.file == PANEL.file {
                panel_fields_of(panel_keys)
            } else {
                (o.fields)().to_vec()
            }
        };
        if chosen.csv.iter().any(|c| c.file == o.file) {
            resources.push(table(o.file, o.name, o.description, &fields()));
        } else if chosen.parquet.iter().any(|c| c.file == o.file) {
            let mut r = table(parquet_file(o), o.name, o.description, &fields());
            if let Some(r) = r.as_object_mut() {
                for csv_only in ["encoding", "dialect"] {
                    r.remove(csv_only);
                }
                r.insert("format".into(), json!("parquet"));
                r.insert("mediatype".into(), json!("application/vnd.apache.parquet"));
                r.insert(
                    "description".into(),
                    json!(format!(
                        "{} Parquet: numbers Float64, counts Int64, repeated text dictionary-encoded, null where the CSV is empty.",
                        o.description
                    )),
                );
            }
            resources.push(r);
        }
    }
    resources.push(table(
        CODEBOOK,
        "codebook",
        "The panel's key columns: one row per key and template, with the printed labels and the unit (as `govreport keys`).",
        CODEBOOK_FIELDS,
    ));
    resources.push(table(
        MANIFEST,
        "manifest",
        "One row per input file, in the order of the other files.",
        MANIFEST_FIELDS,
    ));
    json!({
        "profile": "data-package",
        "name": "govreport-convert",
        "title": "Government information disclosure annual reports, converted by govreport",
        "description": format!("Written by govreport {} (schema {}).", env!("CARGO_PKG_VERSION"), govreport::model::SCHEMA),
        "resources": resources,
    })
}

#[derive(Default)]
struct Stats {
    read: u64,
    converted: u64,
    warned: u64,
    failed: u64,
    bytes: u64,
    /// The templates of the converted documents, in order of first use.
    templates: Vec<String>,
}

impl Stats {
    fn add(&mut self, c: &Converted) {
        self.read += 1;
        self.bytes += c.bytes.unwrap_or(0);
        if let Some(t) = &c.template
            && !self.templates.contains(t)
        {
            self.templates.push(t.clone());
        }
        if c.failed.is_some() {
            self.failed += 1;
        } else {
            self.converted += 1;
            if c.warnings > 0 {
                self.warned += 1;
            }
        }
    }
}

/// A progress bar on a terminal; on anything else, a line a minute (log-friendly).
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last_line: std::cell::Cell<Instant>,
}

impl Progress {
    fn new(roots: &[PathBuf], glob: &globset::GlobMatcher) -> Progress {
        let now = Instant::now();
        if !io::stderr().is_terminal() || super::quiet() {
            return Progress {
                bar: None,
                started: now,
                last_line: std::cell::Cell::new(now),
            };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
        bar.set_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {pos}/{len} files {msg} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        // Count the inputs in the background for the ETA; the bar runs meanwhile.
        let counter = bar.clone();
        let roots = roots.to_vec();
        let glob = glob.clone();
        let _ = std::thread::Builder::new()
            .name("govreport-count".into())
            .spawn(move || {
                counter.set_length(inputs(&roots, &glob).count() as u64);
            });
        Progress {
            bar: Some(bar),
            started: now,
            last_line: std::cell::Cell::new(now),
        }
    }

    fn update(&self, s: &Stats) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mb = s.bytes as f64 / 1e6;
        match &self.bar {
            Some(bar) => {
                bar.set_position(s.read);
                bar.set_message(format!(
                    "{mb:.1} MB, {:.1} MB/s, {} failed",
                    mb / secs,
                    s.failed
                ));
            }
            None => {
                if !super::quiet() && self.last_line.get().elapsed() >= Duration::from_secs(60) {
                    self.last_line.set(Instant::now());
                    eprintln!(
                        "govreport: convert: {} files, {mb:.1} MB, {:.1} MB/s, {} failed so far",
                        s.read,
                        mb / secs,
                        s.failed
                    );
                }
            }
        }
    }

    fn println(&self, line: &str) {
        if super::quiet() {
            return;
        }
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every output can be chosen by `--outputs`, by its resource name; all of them by default.
    #[test]
    fn every_output_is_named_by_outputs() {
        use clap::ValueEnum as _;
        let all: Vec<OutputKind> = OutputKind::value_variants().to_vec();
        let chosen = Chosen::of(&all);
        assert!(chosen.documents);
        assert_eq!(chosen.csv.len(), CSV_OUTPUTS.len());
        for o in CSV_OUTPUTS {
            let one = OutputKind::from_str(o.name, false).expect("an --outputs name");
            let c = Chosen::of(&[one]);
            assert!(
                !c.documents && c.csv.len() == 1 && c.csv[0].file == o.file,
                "{}",
                o.name
            );
        }
    }
}
