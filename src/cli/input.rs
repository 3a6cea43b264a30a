//! Reading one input file or standard input, with errors a user can act on.

use govreport::{Error, ErrorKind};
use std::io::Read;

/// Default size limit of one input file.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// Reads `path` (`-` for standard input), refusing directories and inputs over
/// `max_bytes`. The limit holds for pipes and devices too (`/dev/zero` has no size to
/// check first): at most `max_bytes + 1` bytes are ever read.
pub fn read_input(path: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    if path == "-" {
        return read_limited(std::io::stdin().lock(), path, max_bytes);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
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
    let file = std::fs::File::open(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
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
