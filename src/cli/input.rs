//! Reading one input file or standard input, with errors a user can act on.

use govreport::{Error, ErrorKind};
use std::io::Read;

/// Default size limit of one input file.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// Reads `path` (`-` for standard input), refusing directories and files over `max_bytes`.
pub fn read_input(path: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes + 1)
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
        return Ok(buf);
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
    std::fs::read(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))
}
