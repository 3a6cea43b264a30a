"""Bad input raises Python exceptions naming the file and the reason, the messages the
command line prints; nothing brings the interpreter down."""

from __future__ import annotations

import errno
import random
import warnings

import pytest

import govreport
from govreport import GovreportError, GovreportFileError, GovreportWarning
from conftest import SEED, run_cli


def cli_message(cli, *args, stdin=None) -> str:
    """The command line's `govreport: FILE: reason` for a failed input, without `govreport: `."""
    r = run_cli(cli, "parse", *args, stdin=stdin, check=False)
    assert r.returncode == 1, r
    line = r.stderr.decode().strip()
    assert line.startswith("govreport: ")
    return line[len("govreport: "):]


def test_missing_file(cli, tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(GovreportFileError) as e:
        govreport.parse(str(missing))
    err = e.value
    # an OSError and a ValueError: `except OSError` and `except ValueError` both catch it
    assert isinstance(err, OSError) and isinstance(err, ValueError)
    assert err.errno == errno.ENOENT and err.filename == str(missing)
    assert err.path == str(missing) and err.line is None
    assert "cannot read" in err.reason
    assert str(err) == cli_message(cli, missing)


def test_a_folder(cli, tmp_path):
    with pytest.raises(GovreportFileError) as e:
        govreport.values(str(tmp_path))
    assert "is a directory" in str(e.value)
    assert str(e.value) == cli_message(cli, tmp_path)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (bytes(range(256)) * 40, "binary file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy Word .doc"),
        (b"PK\x03\x04 word/ not really a zip", "cannot read as .docx"),
    ],
)
def test_bytes_that_are_no_report(cli, data, reason):
    with pytest.raises(GovreportError) as e:
        govreport.parse(data, name="in.bin")
    assert not isinstance(e.value, OSError)
    assert e.value.path == "in.bin"
    assert reason in e.value.reason
    assert str(e.value) == cli_message(cli, "-", "--stdin-name", "in.bin", stdin=data)


def test_bad_arguments_are_value_and_type_errors():
    with pytest.raises(ValueError, match="unknown encoding"):
        govreport.parse(str(SEED), encoding="latin-9")
    with pytest.raises(ValueError, match="unknown format"):
        govreport.parse(str(SEED), input_format="xls")
    with pytest.raises(ValueError, match="errors must be"):
        govreport.values([str(SEED)], errors="ignore")
    with pytest.raises(TypeError, match="a report is a path"):
        govreport.parse([42])
    with pytest.raises(TypeError, match="expected a report"):
        govreport.parse(42)


def test_a_bad_file_in_a_list(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    files = [str(SEED), str(bad), str(SEED)]
    with pytest.raises(GovreportError, match="empty.txt: empty file"):
        govreport.values(files)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = govreport.parse(files, errors="skip")
        rows = govreport.values(files, errors="skip")
    assert [d["source"]["path"] for d in docs] == [str(SEED), str(SEED)]
    assert rows == govreport.values([str(SEED), str(SEED)])
    messages = [str(w.message) for w in caught if issubclass(w.category, GovreportWarning)]
    assert messages == [f"{bad}: empty file (0 bytes)"] * 2
    # one report alone has nothing to give back: it raises whatever `errors` says
    with pytest.raises(GovreportError):
        govreport.parse(str(bad), errors="skip")


def test_arbitrary_bytes_never_crash_the_interpreter():
    """Mangled reports and random bytes: a document or a GovreportError, nothing else
    (a Rust panic would surface as a BaseException here, an abort would end the run)."""
    seed = SEED.read_bytes()
    rng = random.Random(15)
    parsed = failed = 0
    for i in range(300):
        if i % 3 == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
        else:
            data = bytearray(seed[: rng.randrange(1, len(seed))])
            for _ in range(rng.randrange(1, 50)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            data = bytes(data)
        try:
            govreport.values(data)
            govreport.parse(data)
            parsed += 1
        except GovreportError:
            failed += 1
    assert parsed > 100 and failed > 10
