//! Where each keyed cell of a document sits: the one index the checks and the derivation
//! of blank cells both read.

use crate::model::{Block, Document};
use rustc_hash::FxHashMap as HashMap;

/// A cell's place: block, row and column index.
pub type At = (usize, usize, usize);

/// Every (row key, column key) pair of the document's tables and where it is printed
/// first (a later repeat, as in a table continued after a page break, does not replace it).
pub fn index(doc: &Document) -> HashMap<(&str, &str), At> {
    let mut at = HashMap::default();
    for (bi, b) in doc.blocks.iter().enumerate() {
        let Block::Table(t) = b else { continue };
        for (ri, r) in t.rows.iter().enumerate() {
            let Some(rk) = &r.key else { continue };
            for (ci, c) in t.columns.iter().enumerate().take(r.cells.len()) {
                if let Some(ck) = &c.key {
                    at.entry((rk.as_str(), ck.as_str())).or_insert((bi, ri, ci));
                }
            }
        }
    }
    at
}
