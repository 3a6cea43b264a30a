//! Issue 15: `--format parquet` (parse, panel) and `convert --parquet`, behind the cargo
//! feature `parquet`. Without the feature each is refused as bad usage saying how to build
//! it; with it, each writes a Parquet file (its contents, read back with DuckDB against the
//! CSV, are checked by the Python suite, `python/tests/test_parquet.py`, and the writer's
//! rows by the unit tests of `src/write/parquet.rs`).

use crate::util::{bin, seed_path};

/// Every way to ask for Parquet.
fn asks(out: &std::path::Path) -> Vec<Vec<String>> {
    let seed = seed_path().display().to_string();
    let o = |name: &str| out.join(name).display().to_string();
    vec![
        vec![
            "parse".into(),
            "--format".into(),
            "parquet".into(),
            seed.clone(),
            "-o".into(),
            o("v.parquet"),
        ],
        vec![
            "panel".into(),
            "--format".into(),
            "parquet".into(),
            seed.clone(),
            "-o".into(),
            o("p.parquet"),
        ],
        vec![
            "convert".into(),
            "--parquet".into(),
            seed,
            "-o".into(),
            o("folder"),
        ],
    ]
}

#[cfg(not(feature = "parquet"))]
#[test]
fn without_the_feature_parquet_is_refused_with_how_to_build_it() {
    let dir = tempfile::tempdir().unwrap();
    for args in asks(dir.path()) {
        let out = bin().args(&args).assert().code(2).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("built without Parquet support") && err.contains("--features parquet"),
            "{args:?}: {err}"
        );
    }
    // nothing was written, not even the output folder of convert
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[cfg(feature = "parquet")]
#[test]
fn with_the_feature_parquet_files_are_written() {
    let dir = tempfile::tempdir().unwrap();
    for args in asks(dir.path()) {
        bin().args(&args).assert().code(0);
    }
    let folder = dir.path().join("folder");
    for f in [
        dir.path().join("v.parquet"),
        dir.path().join("p.parquet"),
        folder.join("values.parquet"),
        folder.join("panel.parquet"),
    ] {
        let bytes = std::fs::read(&f).unwrap();
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "{}",
            f.display()
        );
    }
    // Parquet instead of the CSV, not beside it
    assert!(!folder.join("values.csv").exists() && !folder.join("panel.csv").exists());
    assert!(folder.join("checks.csv").exists() && folder.join("documents.jsonl").exists());
}
