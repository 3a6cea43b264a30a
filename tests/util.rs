//! Helpers shared by the test modules: corpus paths, in-process parsing with a cache (a
//! parse of the seed takes seconds in a debug build, so each corpus file is parsed once
//! per test run), and the binary under test.

use govreport::{Document, Options};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `corpus/` of the crate.
pub fn corpus_dir() -> PathBuf {
    root().join("corpus")
}

/// The seed report.
pub fn seed_path() -> PathBuf {
    corpus_dir().join("zhaotong-2020.txt")
}

/// Every `corpus/*.txt`, sorted by name. Fails when the corpus is missing, so that a
/// checkout without it cannot pass the corpus tests vacuously.
pub fn corpus_texts() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .map(|e| e.expect("readable corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert!(
        v.len() >= 17,
        "corpus/ should hold the 17 texts of corpus/README.md, found {}",
        v.len()
    );
    v
}

/// The file name without `.txt`.
pub fn stem(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .expect("utf-8 file name")
        .to_string()
}

/// Parses `bytes` with default options; the test fails if the parser refuses them.
pub fn parse(bytes: &[u8], path: &str) -> Document {
    govreport::parse_bytes(bytes, path, &Options::default())
        .unwrap_or_else(|e| panic!("{path}: parse failed: {e}"))
}

/// Every corpus text with its bytes and parsed document, parsed once per test run.
pub fn corpus_docs() -> &'static [(PathBuf, Vec<u8>, Document)] {
    static DOCS: OnceLock<Vec<(PathBuf, Vec<u8>, Document)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        corpus_texts()
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).expect("readable corpus file");
                let rel = format!("corpus/{}.txt", stem(&p));
                let doc = parse(&bytes, &rel);
                (p, bytes, doc)
            })
            .collect()
    })
}

/// The parsed seed report (from the corpus cache).
pub fn seed_doc() -> &'static Document {
    let seed = seed_path();
    &corpus_docs()
        .iter()
        .find(|(p, _, _)| *p == seed)
        .expect("seed in corpus")
        .2
}

/// The `govreport` binary of this build, run from the crate root.
pub fn bin() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_govreport"));
    c.current_dir(root());
    c
}
