//! Reading one input file or standard input, with errors a user can act on.

use govreport::decode::EncodingChoice;
use govreport::model::Warning;
use govreport::{Error, ErrorKind, Options};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How every command reads its inputs: the flags `parse`, `check`, `panel`, `tables` and
/// `convert` share (each keeps its own positional inputs, which `--files-from` extends).
#[derive(clap::Args)]
pub struct ReadArgs {
    /// Also read the inputs listed in FILE, one per line (`-`: the list on standard input).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// Input encoding: auto, utf-8, gb18030, big5, utf-16 (byte order from the BOM or the
    /// bytes), utf-16le, utf-16be.
    #[arg(long, default_value = "auto")]
    pub encoding: EncodingChoice,
    /// Read every input as this format: text, html, docx or pdf (default: by extension,
    /// then by content).
    #[arg(long, value_name = "FORMAT")]
    pub from: Option<govreport::Format>,
    /// Refuse inputs larger than this many bytes (files, pipes and devices alike; in
    /// `convert` they are `failed` in the manifest).
    #[arg(long, default_value_t = MAX_BYTES)]
    pub max_bytes: u64,
}

impl ReadArgs {
    /// The inputs named on the command line followed by those `--files-from` lists.
    pub fn inputs(&self, named: Vec<PathBuf>) -> anyhow::Result<Vec<PathBuf>> {
        gather(named, self.files_from.as_deref())
    }

    /// The parse options these flags ask for.
    pub fn options(&self) -> Options {
        let mut opts = Options::default();
        opts.encoding(self.encoding).from(self.from);
        opts
    }
}

/// The name a path is shown and recorded under: the path itself when it is UTF-8, else
/// with each byte that is not shown as U+FFFD (`source.path`, messages).
pub fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The warning a document gets when its file name is not UTF-8.
pub fn path_not_utf8() -> Warning {
    Warning {
        line: None,
        code: "path-not-utf8".into(),
        message: "the file name is not valid UTF-8; `source.path` shows the bad bytes as U+FFFD"
            .into(),
    }
}

/// The exact bytes of a path that is not UTF-8, as text: valid UTF-8 kept, `%` as `%25`,
/// every other byte as `%XX` (so `%B2%E2%CD%A8.txt` for the GBK name 测通.txt). Empty for
/// a UTF-8 path, which is its own exact spelling.
///
/// Unix paths are bytes; elsewhere a path that is not Unicode is shown by its lossy form.
pub fn escaped(path: &Path) -> String {
    if path.to_str().is_some() {
        return String::new();
    }
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt as _;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('%', "%25"));
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inputs of a run: those named on the command line, then those `files_from` lists,
/// one per line (`-`: the list is read from standard input; blank lines are skipped, a
/// final CR dropped; on Unix a line is a file name's exact bytes).
pub fn gather(mut files: Vec<PathBuf>, files_from: Option<&Path>) -> anyhow::Result<Vec<PathBuf>> {
    if let Some(list) = files_from {
        let from_stdin = list.as_os_str() == "-";
        if from_stdin && files.iter().any(|f| f.as_os_str() == "-") {
            return Err(super::Usage(
                "`--files-from -` reads the list from standard input, so `-` cannot also be an input".into(),
            )
            .into());
        }
        let mut bytes = Vec::new();
        let read = if from_stdin {
            std::io::stdin().lock().read_to_end(&mut bytes)
        } else {
            std::fs::File::open(list).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        if let Err(e) = read {
            anyhow::bail!("{}: cannot read the list of files: {e}", list.display());
        }
        for line in bytes.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() {
                continue;
            }
            #[cfg(unix)]
            let p = {
                use std::os::unix::ffi::OsStrExt as _;
                PathBuf::from(std::ffi::OsStr::from_bytes(line))
            };
            #[cfg(not(unix))]
            let p = PathBuf::from(String::from_utf8_lossy(line).into_owned());
            files.push(p);
        }
    }
    if files.is_empty() {
        return Err(super::Usage("no input: name files or give --files-from".into()).into());
    }
    Ok(files)
}

/// Default size limit of one input file.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// Reads `file` (`-` for standard input), refusing directories and inputs over
/// `max_bytes`; errors name it as `path` (its [`shown`] name). The limit holds for pipes
/// and devices too (`/dev/zero` has no size to check first): at most `max_bytes + 1`
/// bytes are ever read.
pub fn read_input(file: &Path, path: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    if file.as_os_str() == "-" {
        return read_limited(std::io::stdin().lock(), path, max_bytes);
    }
    let meta = std::fs::metadata(file).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
    if meta.is_dir() {
        return Err(Error::new(path, ErrorKind::IsDirectory));
    }
    if meta.len() > max_bytes {
        return Err(Error::new(
            path,
            ErrorKind::TooLarge {
                bytes: meta.len(),
                limit: max_bytes,
            },
        ));
    }
    let file = std::fs::File::open(file).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
    read_limited(file, path, max_bytes)
}

/// Reads at most `max_bytes`; more is an error (the excess is never held).
fn read_limited(r: impl Read, path: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    r.take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
    if buf.len() as u64 > max_bytes {
        return Err(Error::new(
            path,
            ErrorKind::TooLarge {
                bytes: buf.len() as u64,
                limit: max_bytes,
            },
        ));
    }
    Ok(buf)
}
