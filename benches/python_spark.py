#!/usr/bin/env python3
"""Reports per second of the Python package and of Spark in local mode, beside the CLI's,
on the same generated reports (the figures of README, *Python* and *Spark*).

Needs: the CLI (`cargo build --release --features parquet`), the package installed
(`pip install ./python`), and for the Spark rows pyspark and Java 17. Run from the
repository root:

    python3 benches/python_spark.py --n 2000            # ~2 min on 2 cores

Every figure is the best of --repeat runs; the reports are made by the tests' copy of the
bench generator (python/tests/gen_corpus.py, seed 1). Spark runs `local[JOBS]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="generated reports (default 2000)")
    ap.add_argument("--bin", default=str(REPO / "target" / "release" / "govreport"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="threads / Spark cores")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()

    import govreport

    tmp = Path(tempfile.mkdtemp(prefix="govreport-bench-"))
    reports = tmp / "reports"
    subprocess.run(
        [sys.executable, str(REPO / "python" / "tests" / "gen_corpus.py"), "--n", str(args.n), "--seed", "1", "--out", str(reports)],
        check=True, capture_output=True,
    )
    paths = sorted(str(p) for p in reports.glob("*.txt"))
    mb = sum(os.path.getsize(p) for p in paths) / 1e6
    listing = tmp / "list.txt"
    listing.write_text("\n".join(paths) + "\n")
    n, jobs = len(paths), args.jobs
    rows: list[tuple[str, float]] = []

    def add(what: str, secs: float) -> None:
        rows.append((what, secs))
        print(f"{what:<62} {secs:7.2f} s {n / secs:8.0f} reports/s", flush=True)

    def cli(*a) -> None:
        subprocess.run([args.bin, *a], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    print(f"{n} reports, {mb:.1f} MB, {jobs} jobs, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    add("CLI parse --format jsonl --files-from (1 thread)", best(args.repeat, lambda: cli("parse", "--format", "jsonl", "--files-from", listing, "-o", tmp / "p.jsonl")))
    add("CLI convert --outputs documents --jobs 1", best(args.repeat, lambda: cli("convert", reports, "-o", tmp / "c1", "--outputs", "documents", "--jobs", "1")))
    add(f"CLI convert --outputs documents --jobs {jobs}", best(args.repeat, lambda: cli("convert", reports, "-o", tmp / "c2", "--outputs", "documents", "--jobs", str(jobs))))
    add(f"CLI convert (all outputs) --jobs {jobs}", best(args.repeat, lambda: cli("convert", reports, "-o", tmp / "c3", "--jobs", str(jobs))))

    add("Python govreport.parse(path), one thread", best(args.repeat, lambda: [govreport.parse(p) for p in paths]))
    with ThreadPoolExecutor(jobs) as pool:
        add(f"Python govreport.parse(path), {jobs} threads", best(args.repeat, lambda: list(pool.map(govreport.parse, paths))))
    add("Python govreport.parse(list) (rayon, all cores)", best(args.repeat, lambda: govreport.parse(paths)))
    add("Python govreport.parse_json(path), one thread", best(args.repeat, lambda: [govreport.parse_json(p) for p in paths]))
    with ThreadPoolExecutor(jobs) as pool:
        add(f"Python govreport.parse_json(path), {jobs} threads", best(args.repeat, lambda: list(pool.map(govreport.parse_json, paths))))
    add("Python govreport.values(path), one thread", best(args.repeat, lambda: [govreport.values(p) for p in paths]))
    with ThreadPoolExecutor(jobs) as pool:
        add(f"Python govreport.values(path), {jobs} threads", best(args.repeat, lambda: list(pool.map(govreport.values, paths))))
    try:
        import pandas  # noqa: F401

        add("Python govreport.values_frame(list)", best(args.repeat, lambda: govreport.values_frame(paths)))
    except ImportError:
        pass

    if not args.no_spark:
        spark_rows(args, paths, add)
    print(json.dumps({"n": n, "mb": round(mb, 2), "jobs": jobs, "rows": [[w, round(s, 3), round(n / s)] for w, s in rows]}, ensure_ascii=False))


def spark_rows(args, paths, add) -> None:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{args.jobs}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    rdd = sc.parallelize(paths, args.jobs * 4).cache()
    rdd.count()
    script = 'while IFS= read -r p; do "$0" parse - --format jsonl --stdin-name "$p" < "$p"; done'
    per_report = f"/bin/sh -c {shlex.quote(script)} {shlex.quote(args.bin)}"
    per_partition = f"{shlex.quote(args.bin)} parse --format jsonl --files-from -"

    def parse_partition(it):
        import govreport

        yield from govreport.parse_json(list(it))

    def values_partition(it):
        import govreport

        yield from govreport.values(list(it))

    add(f"Spark local[{args.jobs}] RDD.pipe, a process per report", best(args.repeat, lambda: rdd.pipe(per_report).count()))
    add(f"Spark local[{args.jobs}] RDD.pipe --files-from -, a process per partition", best(args.repeat, lambda: rdd.pipe(per_partition).count()))
    add(f"Spark local[{args.jobs}] mapPartitions govreport.parse_json", best(args.repeat, lambda: rdd.mapPartitions(parse_partition).count()))
    add(f"Spark local[{args.jobs}] mapPartitions govreport.values", best(args.repeat, lambda: rdd.mapPartitions(values_partition).count()))
    spark.stop()


if __name__ == "__main__":
    main()
