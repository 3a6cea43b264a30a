//! Arbitrary bytes read as an HTML page, as a Word file and as a text with raw HTML tables
//! (issue 12). Must never panic; every table row has one cell per column and every block
//! has lines `1 <= first <= last`.
//!
//! Run (stable toolchain; cargo-fuzz needs -Z flags, which RUSTC_BOOTSTRAP allows):
//!     cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run markup -- -max_total_time=600 -dict=markup.dict
#![no_main]

use govreport::{Format, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for f in [Format::Html, Format::Docx, Format::Text] {
        let mut opts = Options::default();
        opts.from(Some(f));
        let Ok(doc) = govreport::parse_bytes(data, "fuzz", &opts) else {
            continue;
        };
        for t in doc.tables() {
            assert!(t.rows.iter().all(|r| r.cells.len() == t.columns.len()));
        }
        for b in &doc.blocks {
            let [a, z] = b.lines();
            assert!(1 <= a && a <= z, "block lines {a}..{z}");
        }
    }
});
