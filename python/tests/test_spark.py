"""Spark in local mode: `govreport parse - --format jsonl` as an `RDD.pipe` step, and the
Python package as a `mapPartitions` function, give the documents `convert` writes.

RDD.pipe writes each element of a partition as one line to the command's standard input,
so the elements are report paths and the step reads each report from its path — as on a
cluster, where the paths name files in the shared store (docs/distributed.md). (Piping the
report text itself would not do: pipe strips trailing newlines and adds one, which changes
`source.bytes` and `source.sha256`, and every document would be named `-`.)
"""

from __future__ import annotations

import csv
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

import pytest

from conftest import REPO, run_cli


def _java_problem() -> str | None:
    java = shutil.which("java")
    if java is None and os.environ.get("JAVA_HOME"):
        candidate = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
        java = candidate if os.path.exists(candidate) else None
    if java is None:
        return "no Java: Spark needs a JDK 17 (apt-get install openjdk-17-jre-headless)"
    r = subprocess.run([java, "-version"], capture_output=True)
    if r.returncode != 0:
        return f"`java -version` failed: {r.stderr.decode(errors='replace').strip()}"
    return None


pytestmark = pytest.mark.skipif(_java_problem() is not None, reason=str(_java_problem()))
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")


@pytest.fixture(scope="module")
def sc():
    # the executors' Python is this one, which has govreport installed
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("govreport-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    yield spark.sparkContext
    spark.stop()


def per_report_step(cli) -> str:
    """The map step of docs/distributed.md: one `govreport parse -` per report path."""
    script = (
        'while IFS= read -r p; do "$0" parse - --format jsonl --stdin-name "$p" < "$p"'
        ' || echo "govreport-failed: $p" >&2; done'
    )
    return f"/bin/sh -c {shlex.quote(script)} {shlex.quote(str(cli))}"


def per_partition_step(cli) -> str:
    """One process per partition: the paths as a list on standard input."""
    return f"{shlex.quote(str(cli))} parse --format jsonl --files-from -"


def converted(cli, folder, out) -> tuple[list[str], list[str]]:
    """convert's documents.jsonl lines, and the paths of the reports it parsed, in order."""
    run_cli(cli, "convert", folder, "-o", out, "--outputs", "documents")
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    with open(out / "manifest.csv", encoding="utf-8", newline="") as f:
        paths = [r["path"] for r in csv.DictReader(f) if r["status"] != "failed"]
    assert len(lines) == len(paths)
    return lines, paths


def parse_partition():
    """The Python package as a mapPartitions function: a partition's reports parsed as one
    list (all the executor's cores, GIL released), one JSON line each. (Made in a function
    so that Spark pickles it by value: the executors cannot import this test module.)"""

    def parse(paths):
        import govreport

        yield from govreport.parse_json(list(paths))

    return parse


def timed(what: str, n: int, run):
    t = time.perf_counter()
    out = run()
    secs = time.perf_counter() - t
    print(f"\n{what}: {n} reports in {secs:.2f} s, {n / secs:.0f} reports/s")
    return out


def test_pipe_over_corpus_is_convert(sc, cli, tmp_path):
    want, paths = converted(cli, REPO / "corpus", tmp_path / "out")
    assert len(paths) >= 17
    got = sc.parallelize(paths, 4).pipe(per_report_step(cli), checkCode=True).collect()
    assert got == want


def test_pipe_over_500_generated_reports_is_convert(sc, cli, generated, tmp_path):
    folder = generated[0].parent
    want, paths = converted(cli, folder, tmp_path / "out")
    assert len(paths) == 500
    rdd = sc.parallelize(paths, 8).cache()
    rdd.count()
    got = timed(
        "RDD.pipe, a process per report",
        len(paths),
        lambda: rdd.pipe(per_report_step(cli), checkCode=True).collect(),
    )
    assert got == want
    got = timed(
        "RDD.pipe, a process per partition (--files-from -)",
        len(paths),
        lambda: rdd.pipe(per_partition_step(cli), checkCode=True).collect(),
    )
    assert got == want
    got = timed(
        "mapPartitions with the Python package",
        len(paths),
        lambda: rdd.mapPartitions(parse_partition()).collect(),
    )
    assert got == want


def test_binary_files_pairs_through_the_package(sc, cli, generated, tmp_path):
    """The README's route: (path, bytes) pairs from sc.binaryFiles, parsed per partition by
    the package. Spark names each file by its URI, so the documents are convert's but for
    `source.path`."""
    folder = generated[0].parent
    want, paths = converted(cli, folder, tmp_path / "out")

    def parse_pairs(pairs):
        import govreport

        yield from govreport.parse_json(list(pairs), errors="skip")

    got = [json.loads(line) for line in sc.binaryFiles(str(folder), 8).mapPartitions(parse_pairs).collect()]
    assert len(got) == len(want) == 500
    by_path = {doc["source"]["path"].removeprefix("file:"): doc for doc in got}
    for line, path in zip(want, paths):
        doc = by_path[path]
        assert doc["source"]["path"] == "file:" + path
        doc["source"]["path"] = path
        assert doc == json.loads(line)


def test_a_failing_report_is_reported_and_the_others_kept(sc, cli, tmp_path, generated):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths = [str(generated[0]), str(bad), str(generated[1])]
    got = sc.parallelize(paths, 1).pipe(per_report_step(cli)).collect()
    assert [json.loads(line)["source"]["path"] for line in got] == [paths[0], paths[2]]
