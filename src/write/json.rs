//! JSON and JSON Lines: the document model of `docs/contract.md`, field for field.

use crate::model::Document;
use std::io::{self, Write};

/// One document as a pretty object; several as an array.
pub fn write_json<W: Write + ?Sized>(docs: &[Document], out: &mut W) -> io::Result<()> {
    if docs.len() == 1 {
        serde_json::to_writer_pretty(&mut *out, &docs[0])?;
    } else {
        serde_json::to_writer_pretty(&mut *out, docs)?;
    }
    out.write_all(b"\n")
}

/// One document on one line, newline-terminated. Generic so that a concrete writer (a
/// `Vec<u8>`) gets the many small writes of the serializer inlined.
pub fn write_jsonl<W: Write + ?Sized>(doc: &Document, out: &mut W) -> io::Result<()> {
    serde_json::to_writer(&mut *out, doc)?;
    out.write_all(b"\n")
}
