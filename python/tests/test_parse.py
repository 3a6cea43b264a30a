"""parse() and check() give the command line's documents, whatever the report is given as."""

from __future__ import annotations

import csv
import io
import json
import pathlib

import govreport
from conftest import SEED, encoding_of, run_cli


def test_parse_is_the_cli_json(cli):
    want = json.loads(run_cli(cli, "parse", SEED).stdout)
    assert govreport.parse(str(SEED)) == want
    # os.PathLike is a path too
    assert govreport.parse(pathlib.Path(SEED)) == want
    assert want["schema"] == govreport.SCHEMA
    assert want["meta"]["agency"] == "昭通市政务服务管理局"


def test_parse_json_is_the_cli_jsonl_line_byte_for_byte(cli, corpus_files):
    out = run_cli(cli, "parse", "--format", "jsonl", *corpus_files).stdout.decode("utf-8")
    lines = out.split("\n")
    assert lines.pop() == ""
    assert govreport.parse_json([str(p) for p in corpus_files]) == lines
    assert govreport.parse_json(str(corpus_files[0])) == lines[0]


def test_bytes_are_standard_input(cli):
    data = SEED.read_bytes()
    # bytes alone are recorded as "-", as the command line records standard input
    want = json.loads(run_cli(cli, "parse", "-", stdin=data).stdout)
    assert govreport.parse(data) == want
    assert govreport.parse(bytearray(data)) == want
    assert govreport.parse(memoryview(data)) == want
    # a name, as --stdin-name; a (name, bytes) pair is the same
    named = json.loads(run_cli(cli, "parse", "-", "--stdin-name", "store/a.txt", stdin=data).stdout)
    assert named["source"]["path"] == "store/a.txt"
    assert govreport.parse(data, name="store/a.txt") == named
    assert govreport.parse(("store/a.txt", data)) == named


def test_a_list_gives_one_document_each_in_order(cli, corpus_files):
    out = run_cli(cli, "parse", "--format", "jsonl", *corpus_files).stdout
    want = [json.loads(line) for line in out.splitlines()]
    got = govreport.parse([str(p) for p in corpus_files])
    assert len(got) == len(corpus_files) > 10
    assert got == want


def test_encoding_and_input_format_are_the_cli_flags(cli, generated):
    gb = [p for p in generated if encoding_of(p) == "gb18030"][:3]
    assert gb, "the generator writes GB18030 reports"
    for p in gb:
        want = json.loads(run_cli(cli, "parse", "--encoding", "gb18030", p).stdout)
        assert govreport.parse(str(p), encoding="gb18030") == want
        # forced to another encoding: what the command line gives, not an error
        forced = json.loads(run_cli(cli, "parse", "--encoding", "big5", p).stdout)
        assert govreport.parse(str(p), encoding="big5") == forced
    html = b"<html><body><h2>\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\xe6\x83\x85\xe5\x86\xb5</h2></body></html>"
    want = json.loads(run_cli(cli, "parse", "-", "--from", "html", stdin=html).stdout)
    assert govreport.parse(html, input_format="html") == want
    assert want["source"]["format"] == "html"


def test_check_is_the_cli_check_json(cli, corpus_files):
    r = run_cli(cli, "check", "--format", "json", *corpus_files, check=False)
    want = json.loads(r.stdout)
    assert govreport.check([str(p) for p in corpus_files]) == want
    one = govreport.check(str(SEED))
    assert one == want[[w["path"] for w in want].index(str(SEED))]
    assert one["pass"] > 0 and one["template"] == "gidr-2019"


def test_codebook_is_govreport_keys(cli):
    want = list(csv.DictReader(io.StringIO(run_cli(cli, "keys").stdout.decode())))
    assert govreport.codebook() == want
    assert len(want) > 100
