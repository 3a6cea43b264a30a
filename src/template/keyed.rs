//! Where each keyed cell of a document sits: the one index the checks and the derivation
//! of blank cells both read.

use super::data::Rule;
use crate::model::{Block, Document};
use rustc_hash::FxHashMap as HashMap;

/// A cell's place: block, row and column index.
pub type At = (usize, usize, usize);

/// Every (row key, column key) pair of the document's tables and where it is printed
/// first (a later repeat, as in a table continued after a page break, does not replace it).
pub fn index(doc: &Document) -> HashMap<(&str, &str), At> {
    let cells = doc.tables().map(|t| t.rows.len() * t.columns.len()).sum();
    let mut at = HashMap::with_capacity_and_hasher(cells, Default::default());
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

/// One equation of a rule: the cells (row key, column key) of `sum` add up to those of
/// `equals`.
#[derive(Debug, Clone)]
pub struct Equation {
    /// The cells added up.
    pub sum: Vec<(String, String)>,
    /// The cells their total must equal.
    pub equals: Vec<(String, String)>,
}

impl Equation {
    /// Every cell of the equation, with `true` for those summed.
    pub fn cells(&self) -> impl Iterator<Item = (&(String, String), bool)> {
        self.sum
            .iter()
            .map(|k| (k, true))
            .chain(self.equals.iter().map(|k| (k, false)))
    }
}

/// The equations of a `column` or `row` rule, one per key it runs along (none for
/// other rules).
pub fn equations(rule: &Rule) -> Vec<Equation> {
    let pair = |along: &str, other: &str| match rule.along.as_str() {
        "column" => (other.to_string(), along.to_string()),
        _ => (along.to_string(), other.to_string()),
    };
    if !matches!(rule.along.as_str(), "column" | "row") {
        return Vec::new();
    }
    rule.along_keys
        .iter()
        .map(|k| Equation {
            sum: rule.sum_keys.iter().map(|o| pair(k, o)).collect(),
            equals: rule.equals.iter().map(|o| pair(k, o)).collect(),
        })
        .collect()
}
