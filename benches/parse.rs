//! Per-stage and end-to-end throughput of the parser, each next to a baseline measured in
//! the same run: the floor, a pass that validates UTF-8 and counts lines (what any tool
//! reading the text must at least do).
//!
//! Inputs: the seed report (`corpus/zhaotong-2020.txt`) and a sample of the generated
//! corpus (every 20th of `bench-out/c2000`, made by `benches/convert.sh` or by
//! `python3 ../shared/bench/gen_corpus.py --n 2000 --seed 1 --out bench-out/c2000`;
//! this bench makes it when the script is there, and skips the group when it cannot).
//! Set `GOVREPORT_BENCH_CORPUS=DIR` to use another folder.
//!
//!     cargo bench --bench parse
//!
//! Groups: `<input>/floor`, `decode`, `lines`, `classify+tables`, `meta`, `json-write`,
//! `end-to-end` (parse_bytes + one JSON line), all in input bytes per second;
//! `header/review-15-columns` (the span search of one partial header, cold and remembered);
//! and `sums/flat-400-rows` (a table of 400 rows and no total whose rows the sums could
//! nest in many ways: all ones, the search's worst case, beside random counts), end to end.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use govreport::decode::{EncodingChoice, decode};
use govreport::model::Warning;
use govreport::{Options, classify, lines, meta, parse_bytes};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The generated corpus, made when missing and possible.
fn corpus_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("GOVREPORT_BENCH_CORPUS") {
        return Some(PathBuf::from(d));
    }
    let dir = root().join("bench-out/c2000");
    if dir.join("r01999.txt").exists() {
        return Some(dir);
    }
    let script = root().join("../shared/bench/gen_corpus.py");
    if !script.exists() {
        eprintln!(
            "bench: no generated corpus ({} missing); skipping the corpus group",
            script.display()
        );
        return None;
    }
    let ok = std::process::Command::new("python3")
        .arg(&script)
        .args(["--n", "2000", "--seed", "1", "--out"])
        .arg(&dir)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("bench: gen_corpus.py failed; skipping the corpus group");
        return None;
    }
    Some(dir)
}

fn sample(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .step_by(20)
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

/// The floor: validate UTF-8 and count lines.
fn floor(docs: &[Vec<u8>]) -> usize {
    docs.iter()
        .map(|d| {
            let valid = std::str::from_utf8(d).is_ok();
            memchr::memchr_iter(b'\n', d).count() + usize::from(valid)
        })
        .sum()
}

fn stages(c: &mut Criterion, name: &str, docs: &[Vec<u8>]) {
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    let opts = Options::default();

    // Inputs of each stage, prepared once (as the stage before gives them).
    let texts: Vec<String> = docs
        .iter()
        .map(|d| decode(d, EncodingChoice::Auto).text)
        .collect();
    let lined: Vec<Vec<lines::Line>> = texts.iter().map(|t| lines::split_lines(t)).collect();
    let blocks: Vec<_> = lined
        .iter()
        .map(|l| classify::blocks(l, &mut Vec::new()))
        .collect();
    let parsed: Vec<_> = docs
        .iter()
        .map(|d| parse_bytes(d, "bench.txt", &opts).expect("parses"))
        .collect();

    g.bench_function("floor", |b| b.iter(|| floor(black_box(docs))));
    g.bench_function("decode", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| decode(black_box(d), EncodingChoice::Auto).text.len())
                .sum::<usize>()
        })
    });
    g.bench_function("lines", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| lines::split_lines(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("classify+tables", |b| {
        b.iter(|| {
            lined
                .iter()
                .map(|l| {
                    let mut w: Vec<Warning> = Vec::new();
                    classify::blocks(black_box(l), &mut w).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("meta", |b| {
        b.iter(|| {
            blocks
                .iter()
                .zip(&texts)
                .map(|(bl, t)| meta::extract(black_box(bl), t).year.unwrap_or(0))
                .sum::<i32>()
        })
    });
    g.bench_function("json-write", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for d in &parsed {
                govreport::write::json::write_jsonl(black_box(d), &mut out).expect("write");
            }
            out.len()
        })
    });
    g.bench_function("end-to-end", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for d in docs {
                let doc = parse_bytes(black_box(d), "bench.txt", &opts).expect("parses");
                govreport::write::json::write_jsonl(&doc, &mut out).expect("write");
            }
            out.len()
        })
    });
    g.finish();
}

fn parse(c: &mut Criterion) {
    let seed = std::fs::read(root().join("corpus/zhaotong-2020.txt")).expect("seed report");
    stages(c, "seed", &[seed]);
    if let Some(dir) = corpus_dir() {
        let docs = sample(&dir);
        stages(c, "corpus-sample", &docs);
    }
}

/// The span search of the 2019 template's review header: cold (searched) and remembered.
fn header(c: &mut Criterion) {
    use govreport::table::header::{HeaderRow, rebuild, rebuild_uncached};
    let p = |cells: &[&str]| HeaderRow {
        cells: cells.iter().map(|s| s.to_string()).collect(),
        grid: false,
    };
    let rows = [
        p(&["行政复议", "行政诉讼"]),
        p(&[
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "未经复议直接起诉",
            "复议后起诉",
        ]),
        p(&[
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
        ]),
    ];
    let mut g = c.benchmark_group("header/review-15-columns");
    g.throughput(Throughput::Elements(1));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function(BenchmarkId::from_parameter("cold"), |b| {
        b.iter(|| rebuild_uncached(black_box(&rows), 15))
    });
    g.bench_function(BenchmarkId::from_parameter("remembered"), |b| {
        b.iter(|| rebuild(black_box(&rows), 15))
    });
    g.finish();
}

/// Parsing a Markdown table of 400 rows printing no total: the rows-head-their-sums
/// reading searches every row's subtree, bounded by the states it remembers.
fn flat_sums(c: &mut Criterion) {
    let table = |cell: &dyn Fn(usize) -> String| {
        let mut t = String::from("| 项目 | 甲 |\n|---|---|\n");
        for i in 0..400 {
            t.push_str(&format!("| 行{i} | {} |\n", cell(i)));
        }
        t.into_bytes()
    };
    let ones = table(&|_| "1".to_string());
    let counts = table(&|i| ((i * 7919) % 50 + 1).to_string());
    let opts = Options::default();
    let mut g = c.benchmark_group("sums/flat-400-rows");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    for (name, doc) in [("ones", &ones), ("counts", &counts)] {
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| parse_bytes(black_box(doc), "bench.md", &opts).expect("parses"))
        });
    }
    g.finish();
}

criterion_group!(benches, parse, header, flat_sums);
criterion_main!(benches);
