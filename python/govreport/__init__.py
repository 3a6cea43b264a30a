"""govreport: Chinese government information-disclosure annual reports
(政府信息公开工作年度报告) as data.

Every function takes one report or a list of them. A report is a path (``str`` or
``os.PathLike``), the report's bytes (``bytes``, ``bytearray``, ``memoryview``: recorded
as ``source.path`` ``"-"``, as the command line records standard input, unless
``name=`` says otherwise), or a ``(name, bytes)`` pair (what Spark's ``binaryFiles``
gives). Each is read and parsed by the Rust library with the GIL released, so a thread
pool runs them in parallel; a list is parsed on all cores, results in input order.

- :func:`parse`: the ``govreport/1`` document (a ``dict``, the command line's JSON);
- :func:`parse_json`: the same as JSON text, the line ``govreport parse --format jsonl``
  writes (for Spark and other JSON readers: no ``dict`` made on the way);
- :func:`values`: the tidy values, one ``dict`` per table cell with the columns of
  ``values.csv``, every field its text there;
- :func:`panel`: one ``dict`` per report with the columns of ``govreport panel``;
- :func:`check`: the template arithmetic (勾稽关系) per report;
- :func:`values_frame`, :func:`panel_frame`: the same as pandas DataFrames with typed
  columns (needs pandas);
- :func:`codebook`: every panel key with its template, printed labels and unit.

A report that cannot be parsed raises :class:`GovreportError` (a ``ValueError``), or
:class:`GovreportFileError` (also an ``OSError``) when the file cannot be read; with
``errors="skip"`` a list goes on without it and a :class:`GovreportWarning` names it.
"""

from __future__ import annotations

import json
import os
import warnings
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import GovreportError, GovreportFileError, GovreportWarning

__all__ = [
    "GovreportError",
    "GovreportFileError",
    "GovreportWarning",
    "SCHEMA",
    "VALUES_COLUMNS",
    "check",
    "codebook",
    "panel",
    "panel_frame",
    "parse",
    "parse_json",
    "values",
    "values_frame",
]

__version__: str = _native.__version__
#: The schema of the documents, ``govreport/1``.
SCHEMA: str = _native.SCHEMA
#: The columns of ``values.csv``, in order.
VALUES_COLUMNS: Tuple[str, ...] = tuple(_native.VALUES_COLUMNS)

_BYTES = (bytes, bytearray, memoryview)

#: One report: a path, its bytes, or a ``(name, bytes)`` pair.
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, Tuple[str, bytes]]


def parse(
    source: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    name: Optional[str] = None,
    input_format: Optional[str] = None,
    errors: str = "raise",
) -> Union[Dict[str, Any], List[Dict[str, Any]]]:
    """The ``govreport/1`` document of a report, as ``json.loads`` reads the command
    line's ``govreport parse`` output; a list of documents for a list of reports.

    ``encoding``: ``auto`` (default), ``utf-8``, ``gb18030``, ``big5``, ``utf-16``,
    ``utf-16le``, ``utf-16be`` (the command line's ``--encoding``). ``input_format``:
    ``text``, ``html``, ``docx`` or ``pdf`` (``--from``; by default told by the name, then
    the content). ``name``: the ``source.path`` of bytes given alone. ``errors``: for a
    list, ``"raise"`` (default) or ``"skip"`` (see the module).
    """
    items, single = _sources(source, name)
    docs, failed = _native.parse_json(items, encoding, input_format, _skip(errors, single))
    _warn(failed)
    loaded = [json.loads(d) for d in docs]
    return loaded[0] if single else loaded


def parse_json(
    source: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    name: Optional[str] = None,
    input_format: Optional[str] = None,
    errors: str = "raise",
) -> Union[str, List[str]]:
    """The ``govreport/1`` document of a report as compact JSON text: the line
    ``govreport parse --format jsonl`` writes for it, without the newline; a list of
    them for a list of reports. Arguments as :func:`parse`. Making the text takes no
    GIL at all, so this is the fastest way to hand documents to a JSON reader
    (``spark.read.json``, a ``.jsonl`` file)."""
    items, single = _sources(source, name)
    docs, failed = _native.parse_json(items, encoding, input_format, _skip(errors, single))
    _warn(failed)
    return docs[0] if single else docs


def check(
    source: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    name: Optional[str] = None,
    input_format: Optional[str] = None,
    errors: str = "raise",
) -> Union[Dict[str, Any], List[Dict[str, Any]]]:
    """The template arithmetic (勾稽关系) of a report, as ``govreport check --format json``
    gives it for each: ``path``, ``template``, the counts ``pass``, ``fail`` and
    ``skipped``, and ``checks`` (each with its ``rule``, ``status``, ``expected``,
    ``found``, ``lines`` and ``message``); a list for a list of reports."""
    items, single = _sources(source, name)
    out, failed = _native.check_json(items, encoding, input_format, _skip(errors, single))
    _warn(failed)
    loaded = [json.loads(c) for c in out]
    return loaded[0] if single else loaded


def values(
    source: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    name: Optional[str] = None,
    input_format: Optional[str] = None,
    errors: str = "raise",
) -> List[Dict[str, str]]:
    """The tidy values of one or more reports: one ``dict`` per table cell, keyed by the
    columns of ``values.csv`` (:data:`VALUES_COLUMNS`), each field the text the CSV holds
    (what ``csv.DictReader`` reads from ``govreport parse --format csv``). For numbers
    and missing values as such, use :func:`values_frame`."""
    items, single = _sources(source, name)
    rows, failed = _native.values_rows(
        items, encoding, input_format, _skip(errors, single), False
    )
    _warn(failed)
    return rows


def values_frame(
    source: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    name: Optional[str] = None,
    input_format: Optional[str] = None,
    errors: str = "raise",
):
    """The tidy values as a pandas DataFrame, one row per table cell, with the columns of
    ``values.csv`` typed as in the Parquet file (``docs/contract.md``): ``value`` float64
    (missing — NaN — unless the cell prints a number: ``kind`` says whether it was
    ``empty``, ``na``, ``text`` or ``missing``), ``line`` int64, ``year`` Int64 (nullable),
    ``unit`` the unit of ``value``; ``band``, ``unit``, ``row_key``, ``column_key``,
    ``table_title``, ``template`` and ``agency`` missing where the report has none."""
    pd = _pandas("values_frame")
    items, single = _sources(source, name)
    columns, failed = _native.values_rows(
        items, encoding, input_format, _skip(errors, single), True
    )
    _warn(failed)
    frame = pd.DataFrame(columns, columns=list(VALUES_COLUMNS))
    return frame.astype({"value": "float64", "line": "int64", "year": "Int64"})


def panel(
    sources: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    input_format: Optional[str] = None,
    errors: str = "raise",
    all_keys: bool = False,
    derived: bool = False,
) -> List[Dict[str, str]]:
    """One ``dict`` per report with the columns of ``govreport panel``: ``file``,
    ``agency``, ``year``, ``template``, one ``ROW_KEY/COLUMN_KEY`` per template cell of
    the templates the reports follow (of every template with ``all_keys``), then
    ``checks_failed``; each field the text ``panel.csv`` holds. ``derived`` also gives
    the numbers derived from the template's sums (``--derived``)."""
    items, single = _sources(sources, None)
    rows, failed = _native.panel_rows(
        items, encoding, input_format, _skip(errors, single), False, all_keys, derived
    )
    _warn(failed)
    return rows


def panel_frame(
    sources: Union[Source, Sequence[Source]],
    encoding: Optional[str] = None,
    *,
    input_format: Optional[str] = None,
    errors: str = "raise",
    all_keys: bool = False,
    derived: bool = False,
):
    """The panel as a pandas DataFrame: the key columns float64 (missing where the
    report prints no number in the key's unit), ``year`` Int64 (nullable),
    ``checks_failed`` int64."""
    pd = _pandas("panel_frame")
    items, single = _sources(sources, None)
    columns, failed = _native.panel_rows(
        items, encoding, input_format, _skip(errors, single), True, all_keys, derived
    )
    _warn(failed)
    names = list(columns)
    types = {k: "float64" for k in names[4:-1]}
    types.update({"year": "Int64", "checks_failed": "int64"})
    return pd.DataFrame(columns, columns=names).astype(types)


def codebook() -> List[Dict[str, str]]:
    """Every panel key with its template, printed labels (Chinese) and unit, as
    ``govreport keys`` lists them."""
    return [
        {"key": k, "template": t, "label": label, "unit": u}
        for k, t, label, u in _native.codebook()
    ]


def _one(source: Any, name: Optional[str]) -> Union[str, Tuple[str, bytes]]:
    """A path as ``str``, anything else as a ``(name, bytes)`` pair."""
    if isinstance(source, _BYTES):
        return (name if name is not None else "-", bytes(source))
    if _is_pair(source):
        return (source[0], bytes(source[1]))
    if isinstance(source, (str, os.PathLike)):
        return os.fsdecode(source)
    raise TypeError(
        "a report is a path (str or os.PathLike), bytes, or a (name, bytes) pair; got "
        + type(source).__name__
    )


def _is_pair(x: Any) -> bool:
    return (
        isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) and isinstance(x[1], _BYTES)
    )


def _sources(source: Any, name: Optional[str]) -> Tuple[list, bool]:
    """The reports of an argument, and whether it was one report (not a list)."""
    if isinstance(source, (str, os.PathLike) + _BYTES) or _is_pair(source):
        return [_one(source, name)], True
    if name is not None:
        raise TypeError("name= names the bytes of one report; give (name, bytes) pairs in a list")
    try:
        items = list(source)
    except TypeError:
        raise TypeError(
            "expected a report (a path, bytes, or a (name, bytes) pair) or a list of them; got "
            + type(source).__name__
        ) from None
    return [_one(s, None) for s in items], False


def _skip(errors: str, single: bool) -> bool:
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')
    # one report that fails has nothing to give back: it raises whatever errors says
    return errors == "skip" and not single


def _warn(failed: List[Tuple[str, str]]) -> None:
    for _path, message in failed:
        warnings.warn(message, GovreportWarning, stacklevel=3)


def _pandas(what: str):
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"govreport.{what} needs pandas: pip install pandas (or pip install './python[pandas]')"
        ) from e
    return pandas
