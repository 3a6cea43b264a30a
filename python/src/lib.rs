//! `govreport._native`: the Python binding of the govreport library.
//!
//! Every function reads its reports, parses them with [`govreport::parse_bytes`] and
//! renders them with the library's writers ([`govreport::write`]), with the GIL released
//! for all of it; only the last step, making Python objects of the result, holds the GIL.
//! A list of reports is parsed on the rayon pool, in input order. The package's Python
//! code (`govreport/__init__.py`) normalises the arguments and makes the public API.
//!
//! Errors raise `govreport.GovreportError` (a `ValueError`: the bytes are not a report)
//! or `govreport.GovreportFileError` (also an `OSError`: the file could not be read),
//! with the file and the reason; nothing here panics on any input.

use govreport::decode::EncodingChoice;
use govreport::write::{checks, json, panel, values};
use govreport::{Document, Error, ErrorKind, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;
use std::path::PathBuf;

/// Inputs larger than this are refused, as the command line's default `--max-bytes`.
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// One report to read: a file, or bytes with the name recorded as `source.path`.
enum Input {
    Path(String),
    Bytes(String, PyBackedBytes),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Input {
    type Error = PyErr;

    /// A `str` path, or a `(name, bytes)` tuple (the Python side makes one of these of
    /// every source it is given).
    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Input> {
        if let Ok(t) = ob.cast::<PyTuple>() {
            let (name, data): (String, PyBackedBytes) = t.extract()?;
            return Ok(Input::Bytes(name, data));
        }
        Ok(Input::Path(ob.extract()?))
    }
}

impl Input {
    /// Reads and parses the report (the GIL is released by the caller).
    fn parse(&self, opts: &Options) -> Result<Document, Error> {
        match self {
            Input::Bytes(name, data) => check_size(name, data.len() as u64)
                .and_then(|_| govreport::parse_bytes(data, name, opts)),
            Input::Path(path) => {
                let bytes = read(path)?;
                govreport::parse_bytes(&bytes, path, opts)
            }
        }
    }
}

/// Reads a file as the command line does: a folder or a file over [`MAX_BYTES`] is
/// refused with the error the command line gives.
fn read(path: &str) -> Result<Vec<u8>, Error> {
    let io = |e| Error::new(path, ErrorKind::Io(e));
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(Error::new(path, ErrorKind::IsDirectory));
    }
    check_size(path, meta.len())?;
    std::fs::read(PathBuf::from(path)).map_err(io)
}

fn check_size(path: &str, bytes: u64) -> Result<(), Error> {
    if bytes > MAX_BYTES {
        return Err(Error::new(
            path,
            ErrorKind::TooLarge {
                bytes,
                limit: MAX_BYTES,
            },
        ));
    }
    Ok(())
}

/// The parsing options of a call: `encoding` as the command line's `--encoding`,
/// `input_format` as its `--from`.
fn options(encoding: Option<&str>, input_format: Option<&str>) -> PyResult<Options> {
    let mut opts = Options::default();
    if let Some(e) = encoding {
        let choice: EncodingChoice = e.parse().map_err(|_| {
            PyValueError::new_err(format!(
                "unknown encoding {e:?}: expected auto, utf-8, gb18030, big5, utf-16, utf-16le or utf-16be"
            ))
        })?;
        opts.encoding(choice);
    }
    if let Some(f) = input_format {
        let f: govreport::Format = f.parse().map_err(PyValueError::new_err)?;
        opts.from(Some(f));
    }
    Ok(opts)
}

/// What a failed report gives back to Python: the file, the line if any, the reason,
/// and the OS error number when the file could not be read.
struct Failure {
    path: String,
    line: Option<u32>,
    message: String,
    reason: String,
    os: Option<(Option<i32>, String)>,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        let message = e.to_string();
        let prefix = match e.line() {
            Some(l) => format!("{}:{l}: ", e.path()),
            None => format!("{}: ", e.path()),
        };
        let reason = message
            .strip_prefix(&prefix)
            .unwrap_or(&message)
            .to_string();
        let os = match e.kind() {
            ErrorKind::Io(io) => Some((io.raw_os_error(), io.to_string())),
            ErrorKind::IsDirectory => Some((Some(21), "Is a directory".to_string())),
            _ => None,
        };
        Failure {
            path: e.path().to_string(),
            line: e.line(),
            message,
            reason,
            os,
        }
    }
}

impl Failure {
    /// `govreport.GovreportError`, or `govreport.GovreportFileError` when the file could
    /// not be read, with `path`, `line`, `reason` (and `errno`, `filename`, `strerror`).
    fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let made = (|| -> PyResult<PyErr> {
            let errors = py.import("govreport._errors")?;
            let class = if self.os.is_some() {
                "GovreportFileError"
            } else {
                "GovreportError"
            };
            let exc = errors.getattr(class)?.call1((self.message.as_str(),))?;
            exc.setattr("path", self.path.as_str())?;
            exc.setattr("line", self.line)?;
            exc.setattr("reason", self.reason.as_str())?;
            if let Some((errno, strerror)) = &self.os {
                exc.setattr("errno", *errno)?;
                exc.setattr("filename", self.path.as_str())?;
                exc.setattr("strerror", strerror.as_str())?;
            }
            Ok(PyErr::from_value(exc))
        })();
        made.unwrap_or_else(|e| e)
    }

    /// `(path, message)`, what `errors="skip"` reports for each failed report.
    fn pair(&self) -> (String, String) {
        (self.path.clone(), self.message.clone())
    }
}

/// Parses every input with the GIL released (a list on the rayon pool, in input order)
/// and renders each document with `render` there too. With `skip`, failed reports are
/// returned apart; without, the first failure (in input order) is raised.
fn run<T: Send>(
    py: Python<'_>,
    inputs: &[Input],
    opts: &Options,
    skip: bool,
    render: impl Fn(Document) -> T + Sync + Send,
) -> PyResult<(Vec<T>, Vec<Failure>)> {
    let results: Vec<Result<T, Failure>> = py.detach(|| {
        let one = |i: &Input| i.parse(opts).map(&render).map_err(Failure::from);
        if inputs.len() == 1 {
            inputs.iter().map(one).collect()
        } else {
            inputs.par_iter().map(one).collect()
        }
    });
    let mut done = Vec::with_capacity(results.len());
    let mut failed = Vec::new();
    for r in results {
        match r {
            Ok(t) => done.push(t),
            Err(f) if skip => failed.push(f),
            Err(f) => return Err(f.into_pyerr(py)),
        }
    }
    Ok((done, failed))
}

/// The reports `errors="skip"` left out: `(path, message)` each.
type Skipped = Vec<(String, String)>;

fn failures(failed: &[Failure]) -> Skipped {
    failed.iter().map(Failure::pair).collect()
}

/// The documents of `inputs` as JSON text, one compact `govreport/1` document each: the
/// line `govreport parse --format jsonl` writes, without its newline.
#[pyfunction]
#[pyo3(signature = (inputs, encoding=None, input_format=None, skip=false))]
fn parse_json(
    py: Python<'_>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    input_format: Option<&str>,
    skip: bool,
) -> PyResult<(Vec<String>, Skipped)> {
    let opts = options(encoding, input_format)?;
    let (docs, failed) = run(py, &inputs, &opts, skip, |d| {
        let mut line = Vec::new();
        // writing to memory fails only if the document cannot be serialised, which the
        // model rules out (every number is finite, every key a string)
        let _ = json::write_jsonl(&d, &mut line);
        line.pop();
        String::from_utf8(line).unwrap_or_default()
    })?;
    Ok((docs, failures(&failed)))
}

/// The checks of `inputs` as JSON text, one object each as `govreport check --format
/// json` prints it.
#[pyfunction]
#[pyo3(signature = (inputs, encoding=None, input_format=None, skip=false))]
fn check_json(
    py: Python<'_>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    input_format: Option<&str>,
    skip: bool,
) -> PyResult<(Vec<String>, Skipped)> {
    let opts = options(encoding, input_format)?;
    let (out, failed) = run(py, &inputs, &opts, skip, |d| {
        checks::summary(&d).to_string()
    })?;
    Ok((out, failures(&failed)))
}

/// One value row, owned: what crosses from the parsing threads to Python.
struct OwnedRow {
    text: [String; 17],
    value: Option<f64>,
    line: u32,
    year: Option<i32>,
}

/// The tidy values of `inputs`. With `typed` false: one dict per row, every field the
/// text `values.csv` holds (what `csv.DictReader` reads from it). With `typed` true: a
/// dict of columns (name → list), numbers as `float`/`int`, `None` where the document
/// has no such field.
#[pyfunction]
#[pyo3(signature = (inputs, encoding=None, input_format=None, skip=false, typed=false))]
fn values_rows<'py>(
    py: Python<'py>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    input_format: Option<&str>,
    skip: bool,
    typed: bool,
) -> PyResult<(Bound<'py, PyAny>, Skipped)> {
    let opts = options(encoding, input_format)?;
    let (docs, failed) = run(py, &inputs, &opts, skip, |d| {
        let mut rows = Vec::new();
        values::value_rows(&d, |r| {
            rows.push(OwnedRow {
                text: r.fields(),
                value: r.value,
                line: r.line,
                year: r.year,
            })
        });
        rows
    })?;
    let header = govreport::write::csv::HEADER;
    let keys: Vec<Bound<'py, PyString>> = header.iter().map(|h| PyString::intern(py, h)).collect();
    let rows = docs.iter().flatten();
    // One Python string per distinct text: the paths, keys and titles repeat from cell to
    // cell, and making a str (decoding UTF-8) is most of the work here, under the GIL.
    let mut strings = Strings::new(py);
    let out = if typed {
        let columns = PyDict::new(py);
        for (i, key) in keys.iter().enumerate() {
            let column = match header[i] {
                "value" => PyList::new(py, rows.clone().map(|r| r.value))?,
                "line" => PyList::new(py, rows.clone().map(|r| r.line))?,
                "year" => PyList::new(py, rows.clone().map(|r| r.year))?,
                // text the document may not have: None where the CSV prints nothing
                "band" | "unit" | "row_key" | "column_key" | "table_title" | "template"
                | "agency" => PyList::new(
                    py,
                    rows.clone().map(|r| {
                        let t = r.text[i].as_str();
                        (!t.is_empty()).then(|| strings.get(t))
                    }),
                )?,
                _ => PyList::new(py, rows.clone().map(|r| strings.get(&r.text[i])))?,
            };
            columns.set_item(key, column)?;
        }
        columns.into_any()
    } else {
        // each row a copy of one dict holding every key: no resizing as the keys go in
        let blank = PyDict::new(py);
        for k in &keys {
            blank.set_item(k, py.None())?;
        }
        let list = PyList::empty(py);
        for r in rows {
            let d = blank.copy()?;
            for (k, v) in keys.iter().zip(&r.text) {
                d.set_item(k, strings.get(v))?;
            }
            list.append(d)?;
        }
        list.into_any()
    };
    Ok((out, failures(&failed)))
}

/// Python strings made once per distinct text of a call.
struct Strings<'a, 'py> {
    py: Python<'py>,
    made: rustc_hash::FxHashMap<&'a str, Bound<'py, PyString>>,
}

impl<'a, 'py> Strings<'a, 'py> {
    fn new(py: Python<'py>) -> Self {
        Strings {
            py,
            made: Default::default(),
        }
    }

    fn get(&mut self, s: &'a str) -> Bound<'py, PyString> {
        self.made
            .entry(s)
            .or_insert_with(|| PyString::new(self.py, s))
            .clone()
    }
}

/// One panel row, owned: the report's fields, the numbers over every template's keys,
/// the failed checks.
struct PanelRow {
    file: String,
    agency: Option<String>,
    year: Option<i32>,
    template: Option<String>,
    numbers: Vec<Option<f64>>,
    checks_failed: usize,
}

/// The panel of `inputs`: one row per report with the columns of `govreport panel` (the
/// keys of the templates the reports follow, or every template's with `all_keys`). With
/// `typed` false: one dict per row holding the text `panel.csv` holds. With `typed`
/// true: a dict of columns, numbers as `float`/`int`, `None` for an empty cell.
#[pyfunction]
#[pyo3(signature = (inputs, encoding=None, input_format=None, skip=false, typed=false, all_keys=false, derived=false))]
#[allow(clippy::too_many_arguments)]
fn panel_rows<'py>(
    py: Python<'py>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    input_format: Option<&str>,
    skip: bool,
    typed: bool,
    all_keys: bool,
    derived: bool,
) -> PyResult<(Bound<'py, PyAny>, Skipped)> {
    let opts = options(encoding, input_format)?;
    let all = panel::all_key_columns();
    let popts = panel::PanelOptions {
        excel: false,
        derived,
    };
    let (rows, failed) = run(py, &inputs, &opts, skip, |d| PanelRow {
        numbers: panel::panel_numbers(&d, all, popts),
        checks_failed: panel::checks_failed(&d),
        file: d.source.path,
        agency: d.meta.agency,
        year: d.meta.year,
        template: d.meta.template,
    })?;
    // the columns of the templates found, as the command line cuts them
    let keys: Vec<String> = if all_keys {
        all.to_vec()
    } else {
        let mut used: Vec<&str> = Vec::new();
        for t in rows.iter().filter_map(|r| r.template.as_deref()) {
            if !used.contains(&t) {
                used.push(t);
            }
        }
        panel::key_columns_of(&used)
    };
    let pick: Vec<usize> = keys
        .iter()
        .filter_map(|k| all.iter().position(|a| a == k))
        .collect();
    let header = panel::header(&keys);
    let out = if typed {
        let columns = PyDict::new(py);
        columns.set_item(header[0], PyList::new(py, rows.iter().map(|r| &r.file))?)?;
        columns.set_item(header[1], PyList::new(py, rows.iter().map(|r| &r.agency))?)?;
        columns.set_item(header[2], PyList::new(py, rows.iter().map(|r| r.year))?)?;
        columns.set_item(
            header[3],
            PyList::new(py, rows.iter().map(|r| &r.template))?,
        )?;
        for (k, &i) in keys.iter().zip(&pick) {
            columns.set_item(k, PyList::new(py, rows.iter().map(|r| r.numbers[i]))?)?;
        }
        columns.set_item(
            panel::TRAIL,
            PyList::new(py, rows.iter().map(|r| r.checks_failed))?,
        )?;
        columns.into_any()
    } else {
        let list = PyList::empty(py);
        for r in &rows {
            let d = PyDict::new(py);
            d.set_item(header[0], &r.file)?;
            d.set_item(header[1], r.agency.as_deref().unwrap_or(""))?;
            d.set_item(header[2], r.year.map(|y| y.to_string()).unwrap_or_default())?;
            d.set_item(header[3], r.template.as_deref().unwrap_or(""))?;
            for (k, &i) in keys.iter().zip(&pick) {
                let text = r.numbers[i]
                    .map(govreport::model::number_text)
                    .unwrap_or_default();
                d.set_item(k, text)?;
            }
            d.set_item(panel::TRAIL, r.checks_failed.to_string())?;
            list.append(d)?;
        }
        list.into_any()
    };
    Ok((out, failures(&failed)))
}

/// The codebook: one `(key, template, label, unit)` per panel key and template, as
/// `govreport keys` lists them.
#[pyfunction]
fn codebook() -> Vec<(String, String, String, String)> {
    panel::codebook()
        .iter()
        .map(|e| {
            (
                e.key.clone(),
                e.template.to_string(),
                e.label.clone(),
                e.unit.to_string(),
            )
        })
        .collect()
}

/// The extension module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SCHEMA", govreport::model::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("VALUES_COLUMNS", govreport::write::csv::HEADER.to_vec())?;
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(values_rows, m)?)?;
    m.add_function(wrap_pyfunction!(panel_rows, m)?)?;
    m.add_function(wrap_pyfunction!(codebook, m)?)?;
    Ok(())
}
