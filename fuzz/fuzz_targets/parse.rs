//! Arbitrary bytes through the whole pipeline: decode, lines, blocks, tables, meta, and
//! every writer. Must never panic; the invariants of the output contract must hold.
//!
//! Run (stable toolchain; cargo-fuzz needs -Z flags, which RUSTC_BOOTSTRAP allows):
//!     cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run parse -- -max_total_time=600
#![no_main]

use govreport::model::Block;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = govreport::parse_bytes(data, "fuzz.txt", &govreport::Options::default()) else {
        return;
    };
    for t in doc.tables() {
        assert!(t.rows.iter().all(|r| r.cells.len() == t.columns.len()));
    }
    for b in &doc.blocks {
        let [a, z] = b.lines();
        assert!(1 <= a && a <= z, "block lines {a}..{z}");
    }
    let mut out = Vec::new();
    for f in [
        govreport::write::Format::Json,
        govreport::write::Format::Jsonl,
        govreport::write::Format::Csv,
        govreport::write::Format::Md,
    ] {
        out.clear();
        govreport::write::write_all(std::slice::from_ref(&doc), f, false, &mut out)
            .expect("writing to memory");
    }
    let _: Vec<Block> = doc.blocks;
});
