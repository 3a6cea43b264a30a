//! Issue 14, "No silent wrong number, no lost file, outputs ready for analysis": one test
//! (or a few) per item, each through the binary and named after its item.

use crate::util::bin;
use std::path::Path;

/// A small report whose table prints a formula-like label, a lone `-` (not applicable)
/// and a signed number.
const DASHES: &str = "二、主动公开政府信息情况
信息内容 | 本年新制作数量 | 本年增/减 |
=TODAY() | - | -3 |
规范性文件 | 0 | 12 |
";

fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap())
        .collect()
}

fn stdout_of(args: &[&str], stdin: &str) -> Vec<u8> {
    bin()
        .args(args)
        .write_stdin(stdin)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone()
}

// ---------- item 4: formulas neutralised only under --excel ----------

/// Without `--excel` every field is as printed: the lone `-` stays `-` and even a
/// formula-like label is left alone (the data is not a spreadsheet).
#[test]
fn item4_csv_is_as_printed_without_excel() {
    let out = stdout_of(&["parse", "--format", "csv", "-"], DASHES);
    let recs = records(&out);
    let dash = recs
        .iter()
        .find(|r| &r[5] == "本年新制作数量" && &r[4] == "=TODAY()");
    let dash = dash.expect("the row label as printed");
    assert_eq!((&dash[7], &dash[8]), ("-", "na"));
}

/// Under `--excel` the formula is neutralised, never a lone `-` or a signed number.
#[test]
fn item4_excel_neutralises_formulas_not_dashes_or_numbers() {
    let out = stdout_of(&["parse", "--format", "csv", "--excel", "-"], DASHES);
    let recs = records(&out);
    let row: Vec<_> = recs.iter().filter(|r| &r[4] == "'=TODAY()").collect();
    assert_eq!(row.len(), 2, "{recs:?}");
    assert_eq!(&row[0][7], "-");
    assert_eq!((&row[1][6], &row[1][7]), ("-3", "-3"));
}

// ---------- item 2: an output that is an input is refused ----------

/// `parse x.txt -o x.txt`, `panel b.txt -o ./b.txt` (another name for the same file) and
/// a hard link are refused with exit 2, and the input is left intact.
#[test]
fn item2_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("x.txt");
    std::fs::write(&x, DASHES).unwrap();
    let link = dir.path().join("link.txt");
    std::fs::hard_link(&x, &link).unwrap();
    let x = x.to_str().unwrap();
    let dotted = format!("{}/./x.txt", dir.path().display());
    let cases: [&[&str]; 4] = [
        &["parse", x, "-o", x],
        &["parse", "--format", "csv", x, "-o", &dotted],
        &["panel", x, "-o", link.to_str().unwrap()],
        &[
            "convert",
            &format!("{}/values.csv", dir.path().display()),
            "-o",
            dir.path().to_str().unwrap(),
        ],
    ];
    std::fs::write(dir.path().join("values.csv"), "keep me").unwrap();
    for args in cases {
        bin()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("the output is also an input"));
        assert_eq!(std::fs::read_to_string(&link).unwrap(), DASHES, "{args:?}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("values.csv")).unwrap(),
        "keep me"
    );
    // standard input that is the output file
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(["parse", "-", "-o", x])
        .stdin(std::fs::File::open(x).unwrap())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(x).unwrap(), DASHES);
}

// ---------- item 3: convert --excel ----------

/// `convert --excel` starts every CSV with a BOM and neutralises formulas as `parse
/// --excel` does; without it the CSVs have no BOM and hold the text as printed.
#[test]
fn item3_convert_excel() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), DASHES).unwrap();
    for excel in [false, true] {
        let out = dir.path().join(format!("out-{excel}"));
        let mut cmd = bin();
        cmd.args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        if excel {
            cmd.arg("--excel");
        }
        cmd.assert().code(0);
        for f in ["values.csv", "checks.csv", "panel.csv", "manifest.csv"] {
            let bytes = std::fs::read(out.join(f)).unwrap();
            assert_eq!(bytes.starts_with("\u{feff}".as_bytes()), excel, "{f}");
        }
        let values = records(&std::fs::read(out.join("values.csv")).unwrap());
        let label = if excel { "'=TODAY()" } else { "=TODAY()" };
        let row: Vec<_> = values.iter().filter(|r| &r[4] == label).collect();
        assert_eq!(row.len(), 2, "{excel}: {values:?}");
        assert_eq!(&row[0][7], "-");
        assert_eq!(&row[1][7], "-3");
    }
}

// ---------- item 7: UTF-16 byte order, stray bytes ----------

fn json_of(args: &[&str], stdin: Vec<u8>) -> serde_json::Value {
    let out = bin()
        .args(args)
        .write_stdin(stdin)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// `--encoding utf-16be` decodes big-endian; `utf-16le` little-endian; `utf-16` without
/// a BOM finds the order from the bytes.
#[test]
fn item7_utf16be_decodes_big_endian() {
    let be: Vec<u8> = DASHES.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let le: Vec<u8> = DASHES.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (enc, bytes, name) in [
        ("utf-16be", &be, "utf-16be"),
        ("utf-16le", &le, "utf-16le"),
        ("utf-16", &be, "utf-16be"),
        ("utf-16", &le, "utf-16le"),
    ] {
        let doc = json_of(&["parse", "--encoding", enc, "-"], bytes.clone());
        assert_eq!(doc["source"]["encoding"], name, "{enc}");
        let undecodable = doc["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "undecodable-bytes");
        assert!(!undecodable, "{enc}: {doc}");
        let table = doc["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["kind"] == "table")
            .expect("the table, decoded");
        assert_eq!(table["rows"][1]["path"][0], "规范性文件", "{enc}");
    }
}

/// One NUL byte in a report does not refuse the report: it is replaced by U+FFFD and a
/// `control-characters` warning names its line; the tables are read as without it.
#[test]
fn item7_stray_nul_is_replaced() {
    // a report of a few hundred characters, as the shortest real ones
    let text = format!(
        "{DASHES}{}",
        "本机关依法做好政府信息公开工作。\n".repeat(12)
    );
    let clean = json_of(&["parse", "-"], text.as_bytes().to_vec());
    let line3 = text.find("=TODAY()").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(line3 + 3, 0);
    let doc = json_of(&["parse", "-"], bytes);
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["code"] == "control-characters" && w["line"] == 3),
        "{warnings:?}"
    );
    let table = |d: &serde_json::Value| {
        d["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["kind"] == "table")
            .map(|t| t["rows"][1].clone())
    };
    assert_eq!(table(&doc), table(&clean));
    // the corpus: one NUL in the middle of each report refuses none of them
    for p in crate::util::corpus_texts().iter().take(3) {
        let mut bytes = std::fs::read(p).unwrap();
        let mid = bytes.len() / 2;
        let at = (mid..bytes.len())
            .find(|&i| bytes[i] == b'\n')
            .unwrap_or(mid);
        bytes.insert(at, 0);
        json_of(&["parse", "-"], bytes);
    }
}

// ---------- item 6: closed pipes, full disks, unbounded inputs ----------

/// Runs the binary with standard output a pipe whose reading end is closed before the
/// binary writes: the status and standard error.
fn with_closed_stdout(args: &[&str]) -> (std::process::ExitStatus, String) {
    use std::io::Read as _;
    // the reading end is closed before the child starts, so its first write fails
    // whatever the scheduling (closing it after the spawn races with a fast writer)
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(args)
        .current_dir(crate::util::root())
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap(), err)
}

fn small_report() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, DASHES).unwrap();
    let p = p.to_str().unwrap().to_string();
    (dir, p)
}

/// Every command writing to a closed pipe ends quietly with 141 (128 + SIGPIPE), never a
/// panic (101), a silent 0 or a failure (1).
#[test]
fn item6_closed_stdout_ends_quietly_with_141() {
    let (_dir, a) = small_report();
    let cases: [&[&str]; 6] = [
        &["schema"],
        &["parse", &a],
        &["parse", "--format", "jsonl", &a, &a],
        &["parse", "--format", "csv", &a],
        &["check", &a],
        &["panel", &a],
    ];
    for args in cases {
        let (status, err) = with_closed_stdout(args);
        assert_eq!(status.code(), Some(141), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

/// A full disk is an output error: exit 3 and a message saying what could not be written.
#[test]
fn item6_full_disk_is_a_clear_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let (_dir, a) = small_report();
    let cases: [&[&str]; 5] = [
        &["schema"],
        &["parse", &a],
        &["parse", &a, "-o", "/dev/full"],
        &["check", &a],
        &["panel", &a],
    ];
    for args in cases {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_govreport"))
            .args(args)
            .stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(
            err.contains("cannot write") && err.contains("No space left"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// `--max-bytes` bounds devices and pipes, which have no size to check first.
#[test]
fn item6_max_bytes_bounds_devices_and_pipes() {
    for cmd in ["parse", "check", "panel"] {
        bin()
            .args([cmd, "/dev/zero", "--max-bytes", "1000"])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(predicates::str::contains("more than 1000 bytes"));
    }
    bin()
        .args(["parse", "-", "--max-bytes", "10"])
        .write_stdin(DASHES)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("more than 10 bytes"));
}

// ---------- item 8: exit statuses ----------

/// A bad `--glob` is bad usage (2); an output that cannot be written is 3, apart from a
/// failed input (1); `--help` lists the statuses.
#[test]
fn item8_exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DASHES).unwrap();
    let d = dir.path().to_str().unwrap();
    let out = format!("{d}/out");
    bin()
        .args(["convert", d, "-o", &out, "--glob", "[unclosed"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad --glob pattern"));
    // the output folder cannot be made: a file stands in its way
    let blocked = format!("{d}/a.txt/out");
    bin()
        .args(["convert", d, "-o", &blocked])
        .assert()
        .code(3)
        .stderr(predicates::str::contains("cannot create"));
    bin()
        .args([
            "parse",
            &format!("{d}/a.txt"),
            "-o",
            &format!("{d}/no/such/dir/x.json"),
        ])
        .assert()
        .code(3);
    bin()
        .args(["parse", &format!("{d}/missing.txt")])
        .assert()
        .code(1);
    for cmd in [
        &["--help"][..],
        &["parse", "--help"],
        &["convert", "--help"],
    ] {
        bin()
            .args(cmd)
            .assert()
            .code(0)
            .stdout(predicates::str::contains("Exit status:"))
            .stdout(predicates::str::contains(
                "3    an output could not be written",
            ));
    }
}

// ---------- item 10: output shape, -o -, duplicates, interruptions, streaming ----------

/// Several inputs always give an array, `[]` when none parsed (also in an `-o` file);
/// one input that fails writes nothing, not even an empty `-o` file.
#[test]
fn item10_several_inputs_always_an_array() {
    let (dir, a) = small_report();
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().unwrap();
    let out = bin().args(["parse", &a, missing]).assert().code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    let out = bin().args(["parse", missing, missing]).assert().code(1);
    assert_eq!(out.get_output().stdout, b"[]\n");
    let file = dir.path().join("out.json");
    let f = file.to_str().unwrap();
    bin()
        .args(["parse", missing, missing, "-o", f])
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&file).unwrap(), b"[]\n");
    std::fs::remove_file(&file).unwrap();
    bin()
        .args(["parse", missing, "-o", f])
        .assert()
        .code(1)
        .stdout("");
    assert!(!file.exists(), "no 0-byte file for a failed single input");
    // the streamed array is byte for byte serde_json's pretty array
    let two = bin().args(["parse", &a, &a]).assert().code(0);
    let docs: Vec<govreport::Document> = serde_json::from_slice(&two.get_output().stdout).unwrap();
    let mut want = serde_json::to_vec_pretty(&docs).unwrap();
    want.push(b'\n');
    assert!(
        two.get_output().stdout == want,
        "not serde_json's pretty array"
    );
}

/// `-o -` is standard output, for parse and panel.
#[test]
fn item10_dash_o_is_stdout() {
    let (dir, a) = small_report();
    for cmd in ["parse", "panel"] {
        let plain = bin()
            .args([cmd, &a])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        bin()
            .current_dir(dir.path())
            .args([cmd, &a, "-o", "-"])
            .assert()
            .code(0)
            .stdout(plain);
        assert!(!dir.path().join("-").exists(), "{cmd}: no file named -");
    }
}

/// `convert DIR ./DIR DIR/a.txt` converts each file once.
#[test]
fn item10_convert_dedups_inputs_by_real_path() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), DASHES).unwrap();
    std::fs::write(input.join("b.txt"), DASHES.replace("12", "13")).unwrap();
    let out = dir.path().join("out");
    bin()
        .current_dir(dir.path())
        .args(["convert", "in", "./in", "in/a.txt", "-o", "out"])
        .assert()
        .code(0);
    let manifest = records(&std::fs::read(out.join("manifest.csv")).unwrap());
    let paths: Vec<&str> = manifest.iter().skip(1).map(|r| &r[0]).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
}

/// An interrupted convert (Ctrl-C) stops, removes its `.part` files and exits 130.
#[test]
fn item10_interrupted_convert_removes_part_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let seed = std::fs::read(crate::util::seed_path()).unwrap();
    // enough that the run is still going when the signal comes, even in a release build
    for i in 0..400 {
        std::fs::write(input.join(format!("r{i:03}.txt")), &seed).unwrap();
    }
    let out = dir.path().join("out");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--jobs",
            "1",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !out.join(".manifest.csv.part").exists() {
        assert!(started.elapsed().as_secs() < 30, "convert never started");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let done = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    let left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// `parse --format json|csv` writes each document as soon as it is parsed: the first
/// input's output arrives while the second (standard input, still open) is unread.
#[test]
fn item10_parse_streams_json_and_csv() {
    use std::io::Read as _;
    let (_dir, a) = small_report();
    for (format, first) in [("csv", "doc,table"), ("json", "[\n  {")] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_govreport"))
            .args(["parse", "--format", format, &a, "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        // read until the first document is complete, or fail after a timeout
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&got);
                if text.contains("规范性文件") {
                    let _ = tx.send(text.into_owned());
                    return;
                }
            }
        });
        let text = rx.recv_timeout(std::time::Duration::from_secs(20));
        drop(stdin);
        let _ = child.wait();
        let text = text.unwrap_or_else(|_| panic!("{format}: nothing before the last input"));
        assert!(text.starts_with(first), "{format}: {text}");
    }
}

// ---------- item 9: file names that are not UTF-8 ----------

/// A GBK file name (`测通.txt` in GBK bytes) is read by parse, check and panel like any
/// other, shown lossily, with a `path-not-utf8` warning; convert keeps its exact bytes in
/// the manifest's `path_escaped`.
#[cfg(unix)]
#[test]
fn item9_non_utf8_file_names() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"\xb2\xe2\xcd\xa8%.txt");
    let p = dir.path().join(name);
    if std::fs::write(&p, DASHES).is_err() {
        return; // a file system that refuses such names
    }
    let good = dir.path().join("good.txt");
    std::fs::write(&good, DASHES).unwrap();
    let out = bin().arg("parse").arg(&p).arg(&good).assert().code(0);
    let docs: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let path = docs[0]["source"]["path"].as_str().unwrap();
    assert!(
        path.contains('\u{FFFD}') && path.ends_with("%.txt"),
        "{path}"
    );
    assert!(
        docs[0]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "path-not-utf8")
    );
    bin().arg("check").arg(&p).assert().code(0);
    let panel = bin().arg("panel").arg(&p).arg(&good).assert().code(0);
    assert_eq!(records(&panel.get_output().stdout).len(), 3);
    let outdir = dir.path().join("out");
    bin()
        .arg("convert")
        .arg(dir.path())
        .arg("-o")
        .arg(&outdir)
        .assert()
        .code(0);
    let manifest = records(&std::fs::read(outdir.join("manifest.csv")).unwrap());
    assert_eq!(manifest[0].get(8), Some("path_escaped"));
    let row = manifest
        .iter()
        .find(|r| r[0].ends_with("%.txt"))
        .expect("the GBK-named file in the manifest");
    assert_eq!(
        &row[8],
        // `CD A8` happens to be valid UTF-8 (U+0368) and is kept as such
        format!("{}/%B2%E2\u{368}%25.txt", dir.path().display())
    );
    let row = manifest
        .iter()
        .find(|r| r[0].ends_with("good.txt"))
        .unwrap();
    assert_eq!(&row[8], "");
}

// ---------- item 1: units ----------

fn fee_report(cell: &str, header: &str) -> String {
    format!(
        "二、主动公开政府信息情况\n第二十条第（八）项 |\n信息内容 | {header} |\n行政事业性收费 | {cell} |\n"
    )
}

/// `31.6441万元` and a bare `31.6441` under `（单位：万元）` are the same value in the same
/// unit, in the document, values.csv and the panel; so is `316441元` under a header that
/// states no unit (the template's column is in 万元).
#[test]
fn item1_units_never_mix_in_a_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("31.6441", "本年收费金额（单位：万元）"),
        ("31.6441万元", "本年收费金额（单位：万元）"),
        ("316441元", "本年收费金额"),
    ];
    let mut files = Vec::new();
    for (i, (cell, header)) in cases.iter().enumerate() {
        let p = dir.path().join(format!("r{i}.txt"));
        std::fs::write(&p, fee_report(cell, header)).unwrap();
        files.push(p.to_str().unwrap().to_string());
    }
    let mut args = vec!["parse".to_string()];
    args.extend(files.iter().cloned());
    let out = bin().args(&args).assert().code(0);
    let docs: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    for (i, d) in docs.as_array().unwrap().iter().enumerate() {
        let cell = d["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["kind"] == "table")
            .map(|t| t["rows"][0]["cells"][0].clone())
            .unwrap();
        assert_eq!(
            (&cell["value"], &cell["unit"]),
            (&serde_json::json!(31.6441), &serde_json::json!("万元")),
            "{i}: {cell}"
        );
    }
    args[0] = "panel".into();
    let out = bin().args(&args).assert().code(0);
    let rows = records(&out.get_output().stdout);
    let col = rows[0]
        .iter()
        .position(|h| h.starts_with("active.fees/active.fee_amount"))
        .unwrap();
    for r in &rows[1..] {
        assert_eq!(&r[col], "31.6441", "{r:?}");
    }
    args[0] = "parse".into();
    args.splice(1..1, ["--format".to_string(), "csv".to_string()]);
    let out = bin().args(&args).assert().code(0);
    let rows = records(&out.get_output().stdout);
    for r in &rows[1..] {
        assert_eq!((&r[6], &r[9]), ("31.6441", "万元"), "{r:?}");
    }
}

// ---------- item 5: outputs ready for analysis ----------

/// values.csv gets, after its first eleven columns, the row and column keys, the table
/// title, the template, the agency and the year.
#[test]
fn item5_values_csv_has_keys_title_template_agency_year() {
    let text = format!(
        "某某市人民政府办公室2021年政府信息公开工作年度报告\n{}",
        fee_report("3", "本年收费金额（单位：万元）")
    );
    let out = stdout_of(&["parse", "--format", "csv", "-"], &text);
    let recs = records(&out);
    assert_eq!(
        recs[0].iter().collect::<Vec<_>>(),
        [
            "doc",
            "table",
            "band",
            "section",
            "row",
            "column",
            "value",
            "raw",
            "kind",
            "unit",
            "line",
            "row_key",
            "column_key",
            "table_title",
            "template",
            "agency",
            "year"
        ]
    );
    let r = &recs[1];
    assert_eq!(
        r.iter().skip(11).collect::<Vec<_>>(),
        [
            "active.fees",
            "active.fee_amount",
            "主动公开政府信息情况",
            "gidr-2021",
            "某某市人民政府办公室",
            "2021"
        ],
        "{r:?}"
    );
}

/// The panel has only the keys of the templates present (all with `--all-keys`), ends
/// with `checks_failed`, and gives a number derived from sums only with `--derived`;
/// convert's panel.csv too.
#[test]
fn item5_panel_keys_checks_and_derived() {
    let kewei = "corpus/shanghai-kewei-2024.txt";
    let derived = "apply.carried_over/applicant.total";
    let panel = |extra: &[&str]| {
        let mut args = vec!["panel", kewei];
        args.extend_from_slice(extra);
        records(
            &bin()
                .args(&args)
                .assert()
                .code(0)
                .get_output()
                .stdout
                .clone(),
        )
    };
    let plain = panel(&[]);
    let header: Vec<&str> = plain[0].iter().collect();
    assert!(
        !header.iter().any(|h| h.starts_with("pre.")),
        "pre-2019 keys for a 2024 report"
    );
    assert_eq!(header.last(), Some(&"checks_failed"));
    assert_eq!(plain[1].get(header.len() - 1), Some("0"));
    let at = header.iter().position(|h| *h == derived).unwrap();
    assert_eq!(&plain[1][at], "", "a derived value without --derived");
    let with = panel(&["--derived"]);
    assert_eq!(&with[1][at], "1");
    let all = panel(&["--all-keys"]);
    assert!(all[0].iter().any(|h| h.starts_with("pre.")));
    assert!(all[0].len() > header.len());

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .args(["convert", kewei, "-o", out.to_str().unwrap()])
        .assert()
        .code(0);
    let conv = records(&std::fs::read(out.join("panel.csv")).unwrap());
    assert_eq!(conv[0].iter().collect::<Vec<_>>(), header);
    let dp: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    let panel_fields = dp["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "panel")
        .unwrap()["schema"]["fields"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(panel_fields, header.len());
}

/// `govreport keys` and convert's `codebook.csv`: key, template, printed Chinese label
/// path, unit.
#[test]
fn item5_codebook() {
    let out = bin()
        .args(["keys"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(
        recs[0].iter().collect::<Vec<_>>(),
        ["key", "template", "label", "unit"]
    );
    let fee = recs
        .iter()
        .find(|r| &r[0] == "active.fees/active.fee_amount" && &r[1] == "gidr-2021")
        .expect("the fee key");
    assert!(
        fee[2].contains("行政事业性收费") && fee[2].contains("本年收费金额"),
        "{fee:?}"
    );
    assert_eq!(&fee[3], "万元");
    bin()
        .args(["keys", "--template", "gidr-2099"])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .args([
            "convert",
            "corpus/fixture-fengxian-style-2025.txt",
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(0);
    let book = std::fs::read(out.join("codebook.csv")).unwrap();
    assert_eq!(records(&book), recs);
}

// ---------- item 11: what users expect of a command-line tool ----------

/// `--version` names the schema of the output.
#[test]
fn item11_version_shows_the_schema() {
    bin()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicates::str::contains(format!(
            "(schema {})",
            govreport::model::SCHEMA
        )));
}

/// `check --format json|csv`.
#[test]
fn item11_check_formats() {
    let (_dir, a) = small_report();
    let seed = "corpus/fixture-fengxian-style-2025.txt";
    let out = bin()
        .args(["check", "--format", "json", seed, &a])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["path"], seed);
    assert_eq!(reports[0]["template"], "gidr-2021");
    let n = reports[0]["checks"].as_array().unwrap().len() as u64;
    let sum: u64 = ["pass", "fail", "skipped"]
        .iter()
        .map(|k| reports[0][k].as_u64().unwrap())
        .sum();
    assert!(n > 0 && sum == n);
    let out = bin()
        .args(["check", "--format", "csv", seed])
        .assert()
        .code(0);
    let recs = records(&out.get_output().stdout);
    assert_eq!(
        recs[0].iter().collect::<Vec<_>>(),
        govreport::write::checks::HEADER
    );
    assert_eq!(recs.len() as u64, n + 1);
    let out = bin()
        .args(["check", "--format", "json", "/no/such.txt"])
        .assert()
        .code(1);
    assert_eq!(out.get_output().stdout, b"[]\n");
}

/// `--quiet` prints nothing on standard error for failed inputs, progress or summary;
/// the exit status still tells.
#[test]
fn item11_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    for cmd in ["parse", "check", "panel"] {
        bin()
            .args([cmd, "-q", missing.to_str().unwrap()])
            .assert()
            .code(1)
            .stderr("");
    }
    let out = dir.path().join("out");
    bin()
        .args([
            "convert",
            "--quiet",
            missing.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr("");
}

/// `--files-from FILE` and `--files-from -` (the list on standard input).
#[test]
fn item11_files_from() {
    let (dir, a) = small_report();
    let b = dir.path().join("b.txt");
    std::fs::write(&b, DASHES).unwrap();
    let b = b.to_str().unwrap();
    let list = dir.path().join("list.txt");
    std::fs::write(&list, format!("{a}\n\n{b}\r\n")).unwrap();
    let out = bin()
        .args(["parse", "--files-from", list.to_str().unwrap()])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [a.as_str(), b]);
    let out = bin()
        .args(["panel", "--files-from", "-"])
        .write_stdin(format!("{a}\n{b}\n"))
        .assert()
        .code(0);
    assert_eq!(records(&out.get_output().stdout).len(), 3);
    let outdir = dir.path().join("out");
    bin()
        .args([
            "convert",
            "--files-from",
            "-",
            "-o",
            outdir.to_str().unwrap(),
        ])
        .write_stdin(format!("{a}\n"))
        .assert()
        .code(0);
    bin()
        .args(["parse", "--files-from", "-", "-"])
        .assert()
        .code(2);
    bin()
        .args(["check", "--files-from", "/dev/null"])
        .assert()
        .code(2);
}

/// `govreport completions SHELL` and `govreport man`.
#[test]
fn item11_completions_and_man() {
    for shell in ["bash", "zsh", "fish"] {
        bin()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicates::str::contains("convert"));
    }
    bin()
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicates::str::contains(".TH govreport"));
    bin().args(["completions", "tcsh"]).assert().code(2);
}

/// `govreport tables FILE` lists each table with its id, template table key, lines, size,
/// style, title and band; `parse --table ID|KEY` keeps only that table.
#[test]
fn item11_tables_and_table_selection() {
    let seed = "corpus/zhaotong-2020.txt";
    let out = bin()
        .args(["tables", seed])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        lines[0],
        [
            "file", "table", "key", "lines", "rows", "columns", "style", "title", "band"
        ]
    );
    let apply = lines
        .iter()
        .find(|l| l[2] == "apply")
        .expect("the application table");
    assert_eq!(&apply[1..7], ["t6", "apply", "30-55", "23", "7", "pipe"]);
    assert_eq!(apply[7], "收到和处理政府信息公开申请情况");
    assert_eq!(lines.len(), 8);

    for sel in ["t6", "apply"] {
        let out = bin().args(["parse", "--table", sel, seed]).assert().code(0);
        let d: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let blocks = d["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 1, "{sel}");
        assert_eq!(blocks[0]["id"], "t6");
    }
    let csv = bin()
        .args(["parse", "--format", "csv", "--table", "review", seed])
        .assert()
        .code(0);
    let recs = records(&csv.get_output().stdout);
    assert!(recs.iter().skip(1).all(|r| &r[1] == "t7") && recs.len() == 16);
    bin()
        .args(["parse", "--table", "t99", seed])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no table \"t99\""));
}

/// Markdown: each document opens with a level-1 heading and documents are separated by a
/// thematic break; outline levels keep their punctuation (`一、` vs `（一）`).
#[test]
fn item11_markdown_separates_files_and_levels() {
    let seed = "corpus/zhaotong-2020.txt";
    let other = "corpus/fixture-fengxian-style-2025.txt";
    let out = bin()
        .args(["parse", "--format", "md", seed, other])
        .assert()
        .code(0);
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], format!("# {seed}"));
    assert!(lines.contains(&"## 一、总体情况"), "{md}");
    assert!(lines.contains(&"### （一）做好职能职责主动公开"));
    let rule = lines
        .iter()
        .position(|l| *l == "---")
        .expect("a break between the files");
    assert_eq!(
        lines[rule - 1],
        "",
        "a blank line before the break (else a setext heading)"
    );
    assert!(lines[rule + 1..].contains(&format!("# {other}").as_str()));
}

// ---------- item 12: README ----------

/// The README installs with `cargo install --path .`, names no command that needs files
/// outside the repository, has a LICENSE (MIT) and says why a value can be missing.
#[test]
fn item12_readme_install_license_missing_values() {
    let root = crate::util::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("cargo install --path ."));
    let license = std::fs::read_to_string(root.join("LICENSE")).unwrap();
    assert!(license.starts_with("MIT License"));
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(cargo.contains("license = \"MIT\""));
    let why = readme
        .split("## Why a value is missing")
        .nth(1)
        .expect("a section on missing values");
    let why = why.split("\n## ").next().unwrap();
    assert!(
        why.contains("`warnings`") && why.contains("`unplaced`"),
        "{why}"
    );
    // every command quoted in the README runs from a clone: no path out of the repository,
    // and every corpus file it names exists
    let mut commands: Vec<&str> = readme.split('`').skip(1).step_by(2).collect();
    commands.extend(readme.lines());
    for c in commands {
        let c = c.trim();
        if c.starts_with("govreport ") || c.starts_with("cargo ") || c.contains("tools/score") {
            assert!(
                !c.contains("../"),
                "a command needing files outside the repository: {c}"
            );
            for word in c.split_whitespace().filter(|w| w.starts_with("corpus/")) {
                assert!(
                    root.join(word).exists(),
                    "{c}: {word} is not in the repository"
                );
            }
        }
    }
    // the install block's commands run
    bin().arg("--version").assert().code(0);
    bin()
        .args(["parse", "corpus/zhaotong-2020.txt"])
        .assert()
        .code(0);
}
