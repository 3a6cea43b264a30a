//! `govreport parse - --format jsonl` as a streaming map step: one report in on standard
//! input, one line out; the way `docs/distributed.md` runs it under GNU parallel, Hadoop
//! streaming and Spark's `RDD.pipe`.

use super::convert::{govreport, report};
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn each_report_piped_in_gives_one_line() {
    let reports: Vec<String> = (0..4).map(|i| report(&format!("第{i}局"), i)).collect();
    let mut lines = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let name = format!("hdfs://archive/2024/r{i}.txt");
        let out = govreport()
            .args(["parse", "-", "--format", "jsonl", "--stdin-name", &name])
            .write_stdin(r.as_bytes())
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "one report in, one line out");
        assert!(text.ends_with('\n'));
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["source"]["path"], name.as_str());
        assert_eq!(doc["meta"]["agency"], format!("第{i}局").as_str());
        lines.push(doc);
    }
    // without --stdin-name the path is `-`
    let out = govreport()
        .args(["parse", "-", "--format", "jsonl"])
        .write_stdin(reports[0].as_bytes())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["source"]["path"], "-");
    assert_eq!(doc["blocks"], lines[0]["blocks"]);
}

/// The shell pipeline of the GNU parallel / Hadoop streaming recipe: a mapper reads paths
/// line by line and pipes each file through `govreport parse -`.
#[test]
fn mapper_script_over_a_list_of_paths() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut list = String::new();
    for i in 0..5 {
        let p = dir.path().join(format!("r{i}.txt"));
        std::fs::write(&p, report(&format!("第{i}县"), i)).unwrap();
        list.push_str(&format!("{}\n", p.display()));
    }
    // one bad file: reported on stderr, the stream goes on
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0u8, 0, 0, 1]).unwrap();
    list.push_str(&format!("{}\n", bad.display()));
    let bin = env!("CARGO_BIN_EXE_govreport");
    let script = format!(
        r#"while IFS= read -r p; do "{bin}" parse - --format jsonl --stdin-name "$p" < "$p" || echo "failed: $p" >&2; done"#
    );
    let mut child = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let paths: Vec<String> = text
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).unwrap();
            d["source"]["path"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(paths.len(), 5);
    assert!(paths[4].ends_with("r4.txt"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("binary file") && err.contains("failed: "),
        "{err}"
    );
}

/// Several files in one call stream out in argument order, one line each.
#[test]
fn several_files_stream_in_order() {
    let dir = tempfile::TempDir::new().unwrap();
    let files: Vec<_> = (0..3)
        .map(|i| {
            let p = dir.path().join(format!("{}.txt", 3 - i));
            std::fs::write(&p, report("乡", i)).unwrap();
            p
        })
        .collect();
    let out = govreport()
        .args(["parse", "--format", "jsonl"])
        .args(&files)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let got: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(got, want);
}
