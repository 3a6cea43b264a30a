"""values(), panel() and their DataFrames hold what the command line's CSVs hold."""

from __future__ import annotations

import csv
import io
import math

import pytest

import govreport
from conftest import REPO, SEED, run_cli


def cli_csv(cli, *args) -> tuple[bytes, list[dict]]:
    out = run_cli(cli, *args).stdout
    return out, list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))


def test_seed_values_are_the_cli_csv_byte_for_byte(cli):
    raw, want = cli_csv(cli, "parse", "--format", "csv", SEED)
    got = govreport.values(str(SEED))
    assert len(got) == len(want) > 100
    assert got == want
    assert list(got[0]) == list(govreport.VALUES_COLUMNS)
    # written back with the csv module, the rows are the command's bytes
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=govreport.VALUES_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(got)
    assert buf.getvalue().encode("utf-8") == raw


def test_values_of_many_reports_are_the_cli_csv(cli, corpus_files, generated):
    files = corpus_files + generated[:50]
    _, want = cli_csv(cli, "parse", "--format", "csv", *files)
    assert govreport.values([str(p) for p in files]) == want


def test_values_frame_types(cli):
    pd = pytest.importorskip("pandas")
    # the seed, a report with not-applicable cells, one printed blank, one with 万元
    files = [SEED] + [REPO / "corpus" / f for f in ("shuyang-2025.txt", "template-2021-blank.txt", "shanghai-kewei-2024.txt")]
    _, rows = cli_csv(cli, "parse", "--format", "csv", *files)
    df = govreport.values_frame([str(f) for f in files])
    assert list(df.columns) == list(govreport.VALUES_COLUMNS)
    assert len(df) == len(rows)
    assert df["value"].dtype == "float64"
    assert df["line"].dtype == "int64"
    assert str(df["year"].dtype) == "Int64"
    kinds = set(df["kind"])
    assert {"number", "empty", "na"} <= kinds, kinds
    assert df["unit"].notna().any() and df["unit"].isna().any()
    for row, (_, got) in zip(rows, df.iterrows()):
        # numbers as numbers; empty, not applicable, text and missing cells as missing
        if row["kind"] == "number":
            assert got["value"] == float(row["value"])
        else:
            assert row["value"] == "" and math.isnan(got["value"])
        assert got["line"] == int(row["line"])
        if row["year"]:
            assert got["year"] == int(row["year"])
        else:
            assert pd.isna(got["year"])
        for col in ("doc", "table", "section", "row", "column", "raw", "kind"):
            assert got[col] == row[col], col
        # text the report may lack is missing where the CSV is empty
        for col in ("band", "unit", "row_key", "column_key", "table_title", "template", "agency"):
            if row[col] == "":
                assert pd.isna(got[col]), (col, got[col])
            else:
                assert got[col] == row[col], col


def test_values_frame_groupby_is_chart_ready(generated):
    pytest.importorskip("pandas")
    df = govreport.values_frame([str(p) for p in generated[:40]])
    new = df[(df.row_key == "apply.new") & (df.column_key == "applicant.total")]
    by_year = new.groupby("year")["value"].sum()
    assert len(new) == 40  # one cell per report
    assert by_year.sum() == new["value"].sum() > 0
    assert set(by_year.index) <= {2019, 2020}


def test_panel_is_the_cli_panel(cli, corpus_files, generated):
    files = corpus_files + generated[:30]
    _, want = cli_csv(cli, "panel", *files)
    got = govreport.panel([str(p) for p in files])
    assert got == want
    assert list(got[0])[:4] == ["file", "agency", "year", "template"]
    _, want_all = cli_csv(cli, "panel", "--all-keys", "--derived", *corpus_files)
    assert govreport.panel([str(p) for p in corpus_files], all_keys=True, derived=True) == want_all


def test_panel_frame_types(cli, corpus_files):
    pd = pytest.importorskip("pandas")
    _, want = cli_csv(cli, "panel", *corpus_files)
    df = govreport.panel_frame([str(p) for p in corpus_files])
    assert list(df.columns) == list(want[0])
    keys = list(df.columns)[4:-1]
    assert all(df[k].dtype == "float64" for k in keys)
    assert str(df["year"].dtype) == "Int64" and df["checks_failed"].dtype == "int64"
    for row, (_, got) in zip(want, df.iterrows()):
        for k in keys:
            if row[k] == "":
                assert pd.isna(got[k])
            else:
                assert got[k] == float(row[k]), k
        assert got["checks_failed"] == int(row["checks_failed"])
