//! `govreport convert` through the binary: the output folder, its order and determinism,
//! and one test per kind of bad input (each must be one manifest row, one stderr line,
//! and never stop the run).

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A small report with one grid table (fast to parse in a debug build).
pub fn report(agency: &str, n: u32) -> String {
    format!(
        "{agency}2024年政府信息公开工作年度报告\n\
         一、总体情况\n\
         本年度共收到政府信息公开申请{n}件。\n\
         二、主动公开政府信息情况\n\
         第二十条第（一）项 |\n\
         信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
         规章 | {n} | 0 | {n} |\n\
         规范性文件 | 1 | 2 | 3 |\n"
    )
}

pub fn govreport() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

/// Output of one run: exit code, stderr, and the parsed manifest rows.
pub struct Run {
    pub code: i32,
    pub stderr: String,
    pub out: PathBuf,
}

impl Run {
    pub fn manifest(&self) -> Vec<Vec<String>> {
        let mut r = csv::Reader::from_path(self.out.join("manifest.csv")).expect("manifest");
        r.records()
            .map(|x| x.expect("row").iter().map(str::to_string).collect())
            .collect()
    }

    /// The manifest row whose path ends with `name`.
    pub fn row(&self, name: &str) -> Vec<String> {
        self.manifest()
            .into_iter()
            .find(|r| r[0].ends_with(name))
            .unwrap_or_else(|| panic!("no manifest row for {name}: {:?}", self.manifest()))
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        fs::read(self.out.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }
}

pub fn convert(inputs: &[&Path], out: &Path, extra: &[&str]) -> Run {
    let mut cmd = govreport();
    cmd.arg("convert")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(extra);
    cmd.timeout(std::time::Duration::from_secs(120));
    let o = cmd.output().expect("run govreport");
    Run {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        out: out.to_path_buf(),
    }
}

/// A folder with `n` reports spread over nested folders, plus files the glob skips.
fn archive(n: u32) -> TempDir {
    let dir = TempDir::new().expect("tempdir");
    for i in 0..n {
        let sub = dir
            .path()
            .join(format!("y{}", i % 3))
            .join(format!("m{}", i % 2));
        fs::create_dir_all(&sub).expect("mkdir");
        fs::write(
            sub.join(format!("r{i:03}.txt")),
            report(&format!("第{i}区"), i),
        )
        .expect("write");
    }
    fs::write(dir.path().join("notes.json"), "not a report").expect("write");
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).expect("write");
    p
}

#[test]
fn converts_a_folder_in_sorted_order() {
    let dir = archive(7);
    // `a-c` sorts before `a/…` as a string but after it by path components
    fs::create_dir_all(dir.path().join("a")).unwrap();
    write(&dir.path().join("a"), "z.txt", report("甲", 1));
    write(dir.path(), "a-c.txt", report("乙", 2));
    let out = TempDir::new().unwrap();
    let run = convert(&[dir.path()], out.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let paths: Vec<String> = run.manifest().into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        paths.len(),
        9,
        "notes.json is skipped by the glob: {paths:?}"
    );
    let mut sorted: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    sorted.sort();
    let sorted: Vec<String> = sorted.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(paths, sorted);
    assert!(paths[0].ends_with("a/z.txt") && paths[1].ends_with("a-c.txt"));
    for r in run.manifest() {
        assert_eq!(&r[1..7], ["ok", "utf-8", &r[3], "1", "6", "0"], "{r:?}");
    }
    let jsonl = String::from_utf8(run.read("documents.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 9);
    for (line, path) in jsonl.lines().zip(&paths) {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(doc["source"]["path"], path.as_str());
        assert_eq!(doc["schema"], "govreport/1");
    }
    let names: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(
        names,
        [
            "checks.csv",
            "codebook.csv",
            "datapackage.json",
            "documents.jsonl",
            "manifest.csv",
            "panel.csv",
            "values.csv"
        ],
        "no .part file is left behind"
    );
    assert!(
        run.stderr
            .contains("9 read, 9 converted (0 with warnings), 0 failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn thread_count_does_not_change_a_byte() {
    let dir = archive(60);
    write(dir.path(), "bin.txt", [0u8, 1, 2, 3, 0, 0]);
    write(dir.path(), "empty.txt", "");
    let outs: Vec<TempDir> = (0..3).map(|_| TempDir::new().unwrap()).collect();
    let runs: Vec<Run> = [("1", &outs[0]), ("2", &outs[1]), ("2", &outs[2])]
        .iter()
        .map(|(j, o)| convert(&[dir.path()], o.path(), &["--jobs", j]))
        .collect();
    for name in [
        "documents.jsonl",
        "values.csv",
        "checks.csv",
        "panel.csv",
        "manifest.csv",
        "datapackage.json",
    ] {
        let first = runs[0].read(name);
        assert!(!first.is_empty());
        for r in &runs[1..] {
            assert!(r.read(name) == first, "{name} differs between runs");
        }
    }
    assert_eq!(runs[0].code, 1);
    assert_eq!(runs[0].manifest().len(), 62);
}

#[test]
fn values_csv_is_parse_format_csv() {
    let dir = archive(5);
    let out = TempDir::new().unwrap();
    let run = convert(&[dir.path()], out.path(), &["--jobs", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<String> = run.manifest().into_iter().map(|r| r[0].clone()).collect();
    let parsed = govreport()
        .arg("parse")
        .arg("--format")
        .arg("csv")
        .args(&files)
        .output()
        .unwrap();
    assert!(parsed.status.success());
    assert_eq!(
        String::from_utf8(run.read("values.csv")).unwrap(),
        String::from_utf8(parsed.stdout).unwrap()
    );
    let values: usize = run
        .manifest()
        .iter()
        .map(|r| r[5].parse::<usize>().unwrap())
        .sum();
    let csv_rows = String::from_utf8(run.read("values.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(values, csv_rows, "manifest `values` counts values.csv rows");
}

#[test]
fn datapackage_describes_every_file() {
    let dir = archive(2);
    let out = TempDir::new().unwrap();
    let run = convert(&[dir.path()], out.path(), &[]);
    let dp: serde_json::Value = serde_json::from_slice(&run.read("datapackage.json")).unwrap();
    let resources = dp["resources"].as_array().unwrap();
    let paths: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "documents.jsonl",
            "values.csv",
            "checks.csv",
            "panel.csv",
            "codebook.csv",
            "manifest.csv"
        ]
    );
    for r in resources.iter().filter(|r| r["format"] == "csv") {
        let text = String::from_utf8(run.read(r["path"].as_str().unwrap())).unwrap();
        let header = text.lines().next().unwrap();
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields.join(","), "{}", r["path"]);
        for f in r["schema"]["fields"].as_array().unwrap() {
            assert!(["string", "number", "integer"].contains(&f["type"].as_str().unwrap()));
        }
    }
}

#[test]
fn glob_and_explicit_files() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.report", report("甲", 1));
    write(dir.path(), "b.txt", report("乙", 2));
    let explicit = write(dir.path(), "c.dat", report("丙", 3));
    let out = TempDir::new().unwrap();
    let run = convert(
        &[dir.path(), &explicit],
        out.path(),
        &["--glob", "*.report"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let paths: Vec<String> = run.manifest().into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a.report") && paths[1].ends_with("c.dat"));
}

/// Issue 12: pages, Word files, PDFs and Markdown are reports by default, whatever the
/// case of their extension; other files are not.
#[test]
fn default_glob_takes_every_source_format() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", report("甲", 1));
    write(dir.path(), "b.MD", report("乙", 2));
    write(
        dir.path(),
        "c.HTML",
        "<html><body><h1>某局2021年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>4</td></tr></table></body></html>",
    );
    write(
        dir.path(),
        "d.htm",
        "<table><tr><td>项目</td><td>数量</td></tr><tr><td>规章</td><td>4</td></tr></table>",
    );
    write(dir.path(), "e.json", "{}");
    let out = TempDir::new().unwrap();
    let run = convert(&[dir.path()], out.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = run.manifest();
    let paths: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
    assert!(
        paths[2].ends_with("c.HTML") && paths[3].ends_with("d.htm"),
        "{paths:?}"
    );
    let values = String::from_utf8(run.read("values.csv")).unwrap();
    assert!(values.contains("c.HTML"), "{values}");
}

#[test]
fn replaces_old_outputs_only_when_complete() {
    let dir = archive(2);
    let out = TempDir::new().unwrap();
    write(out.path(), "documents.jsonl", "old\n");
    let run = convert(&[dir.path()], out.path(), &[]);
    assert_eq!(run.code, 0);
    assert_eq!(
        String::from_utf8(run.read("documents.jsonl"))
            .unwrap()
            .lines()
            .count(),
        2
    );
}

/// Runs convert on a folder holding one good report and the bad input `make` creates;
/// checks the good one is converted and returns the run.
fn with_bad(make: impl FnOnce(&Path), extra: &[&str]) -> Run {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good.txt", report("好", 7));
    make(dir.path());
    let out = TempDir::new().unwrap().keep();
    let run = convert(&[dir.path()], &out, extra);
    assert_eq!(run.row("good.txt")[1], "ok", "{}", run.stderr);
    let jsonl = String::from_utf8(run.read("documents.jsonl")).unwrap();
    assert!(jsonl.lines().count() >= 1);
    run
}

fn assert_failed(run: &Run, name: &str, reason: &str) {
    assert_eq!(run.code, 1, "exit status 1 when a file failed");
    let row = run.row(name);
    assert_eq!(row[1], "failed", "{row:?}");
    assert!(
        row[7].contains(reason),
        "reason {:?} lacks {reason:?}",
        row[7]
    );
    let line = format!("govreport: {}: ", row[0]);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with(&line) && l.contains(reason)),
        "stderr lacks {line}…{reason}: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" failed, "),
        "summary line: {}",
        run.stderr
    );
}

// Unreadable files: the tests run as root, for whom `chmod 000` changes nothing, so a
// dangling symlink stands for a file that cannot be opened.
#[test]
fn dangling_symlink_fails_alone() {
    let run = with_bad(
        |d| std::os::unix::fs::symlink(d.join("gone.txt"), d.join("link.txt")).unwrap(),
        &[],
    );
    assert_failed(&run, "link.txt", "cannot read");
}

#[test]
fn fifo_is_refused_not_waited_on() {
    let run = with_bad(
        |d| {
            let st = std::process::Command::new("mkfifo")
                .arg(d.join("pipe.txt"))
                .status()
                .unwrap();
            assert!(st.success());
        },
        &[],
    );
    assert_failed(&run, "pipe.txt", "not a regular file");
}

#[test]
fn binary_file_fails() {
    let run = with_bad(
        |d| {
            let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
            png.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
            write(d, "image.txt", png);
        },
        &[],
    );
    assert_failed(&run, "image.txt", "binary file");
}

#[test]
fn empty_file_fails() {
    let run = with_bad(|d| drop(write(d, "empty.txt", "")), &[]);
    assert_failed(&run, "empty.txt", "empty file");
}

#[test]
fn truncated_utf8_is_a_warning() {
    let run = with_bad(
        |d| {
            let text = report("截断", 3).repeat(3) + "报告完";
            // cut in the middle of the last character
            let cut = &text.as_bytes()[..text.len() - 1];
            write(d, "cut.txt", cut);
        },
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row = run.row("cut.txt");
    assert_eq!(&row[1..3], ["warning", "utf-8"], "{row:?}");
    assert_eq!(row[4], "3", "the tables survive the cut: {row:?}");
}

#[test]
fn wrong_encoding_is_a_warning_or_detected() {
    let gb = |d: &Path| {
        let text = report("国标", 4);
        let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
        write(d, "gb.txt", bytes);
    };
    // detected
    let run = with_bad(gb, &[]);
    assert_eq!(&run.row("gb.txt")[1..3], ["ok", "gb18030"]);
    // forced to the wrong one: decoded with replacements, warned, not failed
    let run = with_bad(gb, &["--encoding", "utf-8"]);
    assert_eq!(run.code, 0);
    let row = run.row("gb.txt");
    assert_eq!(&row[1..3], ["warning", "utf-8"], "{row:?}");
    assert_ne!(row[6], "0");
}

#[test]
fn too_large_file_fails_by_limit() {
    // A 1 GB file stands for itself through --max-bytes: the check is the same.
    let run = with_bad(
        |d| drop(write(d, "huge.txt", report("大", 1).repeat(20))),
        &["--max-bytes", "1000"],
    );
    assert_failed(&run, "huge.txt", "file too large");
}

#[test]
fn symlink_loops_fail() {
    let run = with_bad(
        |d| {
            fs::create_dir(d.join("sub")).unwrap();
            std::os::unix::fs::symlink(d, d.join("sub").join("back")).unwrap();
            std::os::unix::fs::symlink(d.join("y.txt"), d.join("x.txt")).unwrap();
            std::os::unix::fs::symlink(d.join("x.txt"), d.join("y.txt")).unwrap();
        },
        &[],
    );
    assert_failed(&run, "sub/back", "symlink loop");
    let x = run.row("x.txt");
    assert_eq!(x[1], "failed");
    assert!(x[7].contains("cannot read"), "{x:?}");
    assert_eq!(run.manifest().len(), 4, "{:?}", run.manifest());
}

#[test]
fn name_not_utf8_is_converted_with_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let run = with_bad(
        |d| {
            let name = std::ffi::OsStr::from_bytes(b"r\xff\xfe.txt");
            fs::write(d.join(name), report("名", 5)).unwrap();
        },
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row = run.row("r\u{FFFD}\u{FFFD}.txt");
    assert_eq!(&row[1..3], ["warning", "utf-8"], "{row:?}");
    let jsonl = String::from_utf8(run.read("documents.jsonl")).unwrap();
    assert!(jsonl.contains("path-not-utf8"));
}

#[test]
fn missing_input_fails_and_others_go_on() {
    let dir = archive(1);
    let out = TempDir::new().unwrap();
    let missing = dir.path().join("nope.txt");
    let run = convert(&[dir.path(), &missing], out.path(), &[]);
    assert_failed(&run, "nope.txt", "cannot read");
    assert_eq!(run.manifest().len(), 2);
}

/// `--outputs` writes only the chosen files, byte for byte as a full run writes them, lists
/// only them in the data package, and removes the outputs of an earlier run it did not
/// write (they would read as this run's).
#[test]
fn outputs_are_chosen() {
    let dir = archive(6);
    let full = TempDir::new().unwrap();
    let all = convert(&[dir.path()], full.path(), &[]);
    let out = TempDir::new().unwrap();
    convert(&[dir.path()], out.path(), &[]);
    let lean = convert(
        &[dir.path()],
        out.path(),
        &["--outputs", "values,panel", "--jobs", "2"],
    );
    assert_eq!(lean.code, 0, "{}", lean.stderr);
    for name in ["values.csv", "panel.csv", "manifest.csv"] {
        assert!(
            lean.read(name) == all.read(name),
            "{name} differs from the full run's"
        );
    }
    for gone in ["documents.jsonl", "checks.csv"] {
        assert!(
            !out.path().join(gone).exists(),
            "{gone} left from the earlier run"
        );
    }
    let dp: serde_json::Value = serde_json::from_slice(&lean.read("datapackage.json")).unwrap();
    let paths: Vec<&str> = dp["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["values.csv", "panel.csv", "codebook.csv", "manifest.csv"]
    );
    let bad = convert(&[dir.path()], out.path(), &["--outputs", "values,tables"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("tables"), "{}", bad.stderr);
}

#[test]
fn bad_usage_is_status_2() {
    let out = TempDir::new().unwrap();
    let run = convert(&[Path::new("x")], out.path(), &["--jobs", "many"]);
    assert_eq!(run.code, 2);
    // usage too since issue 14 item 8 (it was 1, the status of a failed input)
    let run = convert(&[Path::new("x")], out.path(), &["--glob", "a[b"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad --glob pattern"), "{}", run.stderr);
}

/// An interrupted run leaves `.part` files only, never a final name over half a file.
#[test]
fn killed_run_leaves_no_whole_looking_file() {
    let dir = TempDir::new().unwrap();
    // slow enough to be killed in the middle (about 2 s each in a debug build)
    let para = "这是一个很长的段落文字没有任何标点符号一直写下去直到结束\n".repeat(50_000);
    for i in 0..4 {
        write(dir.path(), &format!("big{i}.txt"), &para);
    }
    let out = TempDir::new().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_govreport"))
        .arg("convert")
        .arg(dir.path())
        .arg("-o")
        .arg(out.path())
        .args(["--jobs", "1"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    if child.try_wait().unwrap().is_some() {
        eprintln!("convert finished before it could be killed; nothing to check");
        return;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for e in fs::read_dir(out.path()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name.starts_with('.') && name.ends_with(".part"),
            "{name} exists after a killed run"
        );
    }
}

/// checks.csv holds every check of every report, as `govreport check` counts them, and
/// panel.csv one row per converted report whose key cells are the numbers `govreport
/// panel` gives for that report.
#[test]
fn checks_and_panel_follow_the_reports() {
    let dir = TempDir::new().unwrap();
    for name in [
        "zhaotong-2020.txt",
        "shuyang-2025.txt",
        "fixture-hangzhou-style-2025.txt",
    ] {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(name);
        fs::copy(&corpus, dir.path().join(name)).unwrap();
    }
    let out = TempDir::new().unwrap();
    let run = convert(&[dir.path()], out.path(), &["--jobs", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<String> = run.manifest().into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(files.len(), 3);
    let checks = String::from_utf8(run.read("checks.csv")).unwrap();
    let mut r = csv::Reader::from_reader(checks.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    for f in &files {
        let doc = crate::util::parse(&fs::read(f).unwrap(), f);
        let mine: Vec<&csv::StringRecord> = rows.iter().filter(|x| &x[0] == f.as_str()).collect();
        assert_eq!(mine.len(), doc.checks.len(), "{f}");
        assert!(
            !mine.is_empty(),
            "{f}: the generated report follows a template"
        );
        for (row, c) in mine.iter().zip(&doc.checks) {
            assert_eq!((&row[1], &row[5]), (c.rule.as_str(), c.status.as_str()));
        }
    }
    // the panel: same cells as `govreport panel` for each report, under the same keys
    let panel = String::from_utf8(run.read("panel.csv")).unwrap();
    let mut r = csv::Reader::from_reader(panel.as_bytes());
    let header = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), files.len());
    for f in &files {
        let one = govreport().args(["panel", f.as_str()]).output().unwrap();
        assert!(one.status.success());
        let mut pr = csv::Reader::from_reader(&one.stdout[..]);
        let ph = pr.headers().unwrap().clone();
        let prow = pr.records().next().unwrap().unwrap();
        let row = rows.iter().find(|x| &x[0] == f.as_str()).unwrap();
        let mut numbers = 0;
        for (k, v) in ph.iter().zip(prow.iter()) {
            let i = header
                .iter()
                .position(|h| h == k)
                .unwrap_or_else(|| panic!("{k} not in panel.csv"));
            assert_eq!(&row[i], v, "{f} {k}");
            numbers += usize::from(k.contains('/') && !v.is_empty());
        }
        assert!(
            numbers > 10,
            "{f}: the panel row holds the report's numbers"
        );
    }
}

/// A write error (here the file-size limit, as a full disk would give) ends the run with
/// an error naming the output folder, whatever the thread count: no worker waits forever
/// for a writer that stopped, and no output takes its final name.
#[cfg(unix)]
#[test]
fn write_error_stops_the_run() {
    let dir = TempDir::new().unwrap();
    // each document line is larger than the writer's buffer, so the first append writes
    let para = format!("{}\n", "公开".repeat(100_000));
    for i in 0..40 {
        write(
            dir.path(),
            &format!("r{i:02}.txt"),
            report("某区", i) + &para,
        );
    }
    for jobs in ["1", "2"] {
        let out = TempDir::new().unwrap();
        // bash's `ulimit -f` counts 1024-byte blocks; SIGXFSZ ignored makes write fail with EFBIG
        let o = std::process::Command::new("bash")
            .arg("-c")
            .arg(r#"trap "" XFSZ; ulimit -f 64; exec "$@""#)
            .arg("bash")
            .arg(env!("CARGO_BIN_EXE_govreport"))
            .arg("convert")
            .arg(dir.path())
            .arg("-o")
            .arg(out.path())
            .args(["--jobs", jobs])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_ne!(o.status.code(), Some(0), "jobs {jobs}: {stderr}");
        assert!(stderr.contains("cannot write to"), "jobs {jobs}: {stderr}");
        assert!(
            !out.path().join("documents.jsonl").exists(),
            "jobs {jobs}: a final name over a failed file"
        );
    }
}
