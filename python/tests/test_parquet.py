"""The Parquet files (`--format parquet`, `convert --parquet`), read back with DuckDB, hold
what the CSVs hold, typed."""

from __future__ import annotations

import csv
import json
import math
import shutil

import pytest

import govreport
from conftest import SEED, run_cli

duckdb = pytest.importorskip("duckdb")


def sql(query: str):
    """A DuckDB cursor over `query` (the DB-API, the same in DuckDB 1.x and 2.x)."""
    return duckdb.connect().execute(query)


def number_text(v: float) -> str:
    """A number as the CSVs print it (`model::number_text`): integral without a fraction."""
    if v.is_integer() and abs(v) < 9.0e15:
        return str(int(v))
    text = repr(v)
    assert "e" not in text, text  # the CSV never prints an exponent
    return text


def as_csv_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return number_text(v)
    return str(v)


def read_csv(path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def read_parquet(path) -> tuple[list[str], list[list[str]]]:
    cur = sql(f"SELECT * FROM read_parquet('{path}')")
    columns = [d[0] for d in cur.description]
    return columns, [[as_csv_text(v) for v in row] for row in cur.fetchall()]


def column_types(path) -> dict[str, str]:
    rows = sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    return {name: kind for name, kind, *_ in rows}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, corpus_files, generated):
    """corpus/ and the 500 generated reports in one folder."""
    d = tmp_path_factory.mktemp("archive")
    for p in corpus_files:
        shutil.copy(p, d / p.name)
    for p in generated:
        shutil.copy(p, d / ("gen-" + p.name))
    return d


def test_values_parquet_is_the_csv(cli_parquet, tmp_path, archive):
    files = sorted(archive.iterdir())
    run_cli(cli_parquet, "parse", "--format", "parquet", *files, "-o", tmp_path / "v.parquet")
    run_cli(cli_parquet, "parse", "--format", "csv", *files, "-o", tmp_path / "v.csv")
    header, want = read_csv(tmp_path / "v.csv")
    columns, got = read_parquet(tmp_path / "v.parquet")
    assert columns == header == list(govreport.VALUES_COLUMNS)
    assert len(got) == len(want) > 500 * 100
    assert got == want
    types = column_types(tmp_path / "v.parquet")
    assert types["value"] == "DOUBLE"
    assert types["line"] == types["year"] == "BIGINT"
    assert types["row_key"] == types["kind"] == types["raw"] == "VARCHAR"
    # numbers are numbers, and only where the cell prints one
    bad = sql(
        f"SELECT count(*) FROM read_parquet('{tmp_path / 'v.parquet'}') "
        "WHERE (kind = 'number') <> (value IS NOT NULL)"
    ).fetchone()[0]
    assert bad == 0
    # the repeated text columns are dictionary-encoded
    encodings = dict(
        sql(
            f"SELECT path_in_schema, encodings FROM parquet_metadata('{tmp_path / 'v.parquet'}')"
        ).fetchall()
    )
    for col in ("doc", "row_key", "column_key", "kind", "agency"):
        assert "DICTIONARY" in encodings[col], (col, encodings[col])


def test_panel_parquet_is_the_csv(cli_parquet, tmp_path, archive):
    files = sorted(archive.iterdir())
    for extra in ([], ["--all-keys", "--derived"]):
        run_cli(cli_parquet, "panel", "--format", "parquet", *extra, *files, "-o", tmp_path / "p.parquet")
        run_cli(cli_parquet, "panel", *extra, *files, "-o", tmp_path / "p.csv")
        header, want = read_csv(tmp_path / "p.csv")
        columns, got = read_parquet(tmp_path / "p.parquet")
        assert columns == header
        assert got == want
        types = column_types(tmp_path / "p.parquet")
        assert types["apply.new/applicant.total"] == "DOUBLE"
        assert types["year"] == types["checks_failed"] == "BIGINT"


def test_convert_parquet_is_convert_csv(cli_parquet, tmp_path, archive):
    pq, csv_dir = tmp_path / "pq", tmp_path / "csv"
    run_cli(cli_parquet, "convert", archive, "-o", pq, "--parquet", "--jobs", "2")
    run_cli(cli_parquet, "convert", archive, "-o", csv_dir, "--jobs", "2")
    written = sorted(p.name for p in pq.iterdir())
    assert "values.parquet" in written and "panel.parquet" in written
    assert "values.csv" not in written and "panel.csv" not in written
    for name in ("documents.jsonl", "checks.csv", "manifest.csv", "codebook.csv"):
        assert (pq / name).read_bytes() == (csv_dir / name).read_bytes(), name
    for table in ("values", "panel"):
        header, want = read_csv(csv_dir / f"{table}.csv")
        columns, got = read_parquet(pq / f"{table}.parquet")
        assert columns == header, table
        assert got == want, table
    package = json.loads((pq / "datapackage.json").read_text())
    formats = {r["path"]: r.get("format") for r in package["resources"]}
    assert formats["values.parquet"] == formats["panel.parquet"] == "parquet"
    # a later CSV run in the same folder leaves no Parquet file of this one behind
    run_cli(cli_parquet, "convert", archive, "-o", pq, "--outputs", "values")
    assert not (pq / "values.parquet").exists() and (pq / "values.csv").exists()


def test_the_readme_query_gives_the_csv_answer(cli_parquet, tmp_path, archive):
    out = tmp_path / "out"
    run_cli(cli_parquet, "convert", archive, "-o", out, "--parquet")
    run_cli(cli_parquet, "convert", archive, "-o", tmp_path / "csv")
    # the README's example, on the Parquet file and on the CSV
    on_parquet = sql(f"""
        SELECT agency, year, sum(value) AS new_requests
        FROM '{out}/values.parquet'
        WHERE row_key = 'apply.new' AND column_key = 'applicant.total'
        GROUP BY agency, year
        ORDER BY new_requests DESC, agency, year
    """).fetchall()
    on_csv = sql(f"""
        SELECT agency, CAST(year AS BIGINT), sum(CAST(value AS DOUBLE)) AS new_requests
        FROM read_csv('{tmp_path}/csv/values.csv', all_varchar = true)
        WHERE row_key = 'apply.new' AND column_key = 'applicant.total'
        GROUP BY 1, 2
        ORDER BY new_requests DESC, 1, 2
    """).fetchall()
    assert len(on_parquet) > 100
    assert on_parquet == on_csv


def test_values_frame_is_the_parquet_file(cli_parquet, tmp_path):
    pd = pytest.importorskip("pandas")
    run_cli(cli_parquet, "parse", "--format", "parquet", SEED, "-o", tmp_path / "v.parquet")
    from_parquet = sql(f"SELECT * FROM read_parquet('{tmp_path / 'v.parquet'}')").df()
    frame = govreport.values_frame(str(SEED))
    assert list(frame.columns) == list(from_parquet.columns)
    assert len(frame) == len(from_parquet)
    for col in frame.columns:
        for a, b in zip(frame[col], from_parquet[col]):
            if pd.isna(a) or pd.isna(b):
                assert pd.isna(a) and pd.isna(b), col
            else:
                assert a == b, col
    assert not math.isnan(frame["value"].dropna().sum())
