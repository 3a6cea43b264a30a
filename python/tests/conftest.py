"""Shared fixtures: the repository, the command-line binary to compare with, generated
reports.

The command line is `$GOVREPORT_BIN`, else the release build, else the debug build of
the repository (`cargo build --release --features parquet` builds what every test needs).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "corpus" / "zhaotong-2020.txt"
GENERATOR = Path(__file__).resolve().parent / "gen_corpus.py"


def _find_cli() -> Path | None:
    env = os.environ.get("GOVREPORT_BIN")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        p = REPO / "target" / profile / "govreport"
        if p.exists():
            return p
    return None


@pytest.fixture(scope="session")
def cli() -> Path:
    p = _find_cli()
    if p is None or not p.exists():
        pytest.fail(
            "no govreport binary to compare with: run `cargo build --release --features parquet` "
            "at the repository root, or set GOVREPORT_BIN"
        )
    return p


def run_cli(cli: Path, *args, stdin: bytes | None = None, check: bool = True, cwd=None):
    """Runs the command line; returns the CompletedProcess (stdout as bytes)."""
    r = subprocess.run(
        [str(cli), *map(str, args)], input=stdin, capture_output=True, cwd=cwd
    )
    if check and r.returncode != 0:
        raise AssertionError(
            f"govreport {' '.join(map(str, args))} exited {r.returncode}: {r.stderr.decode()}"
        )
    return r


@pytest.fixture(scope="session")
def cli_parquet(cli, tmp_path_factory) -> Path:
    """The command line, when it was built with the `parquet` feature; the test is
    skipped otherwise, unless GOVREPORT_EXPECT_PARQUET=1 (CI), where it fails."""
    out = tmp_path_factory.mktemp("probe") / "v.parquet"
    r = run_cli(cli, "parse", "--format", "parquet", SEED, "-o", out, check=False)
    if r.returncode == 0:
        return cli
    why = f"{cli} has no Parquet support ({r.stderr.decode().strip()})"
    if os.environ.get("GOVREPORT_EXPECT_PARQUET") == "1":
        pytest.fail(why)
    pytest.skip(why + "; build with `cargo build --release --features parquet`")


def generate(out: Path, n: int, seed: int = 1) -> list[Path]:
    """`n` reports made by the bench generator (10 % GB18030, 10 % CRLF), sorted."""
    subprocess.run(
        [sys.executable, str(GENERATOR), "--n", str(n), "--seed", str(seed), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return sorted(out.glob("*.txt"))


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> list[Path]:
    """500 generated reports (absolute paths, sorted)."""
    return generate(tmp_path_factory.mktemp("gen") / "reports", 500)


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The text reports of corpus/ (absolute paths, sorted)."""
    return sorted((REPO / "corpus").glob("*.txt"))


def encoding_of(report: Path) -> str:
    """The encoding the generator wrote a report in (its manifest, beside the folder)."""
    manifest = report.parent.parent / (report.parent.name + ".manifest.tsv")
    for row in csv.DictReader(manifest.open(encoding="utf-8"), delimiter="\t"):
        if row["file"] == report.name:
            return row["encoding"]
    raise KeyError(report)
