"""The exceptions and warnings of govreport."""

from __future__ import annotations

from typing import Optional


class GovreportError(ValueError):
    """A report could not be parsed: it is empty, binary, too large, a legacy ``.doc``,
    a broken ``.docx``, a PDF without ``pdftotext`` …

    ``str(error)`` is the command line's message, ``FILE: reason`` (``FILE:LINE: reason``
    when a line is known). Attributes: ``path`` (the file, or the name given with the
    bytes), ``line`` (or ``None``), ``reason`` (the message without the file).

    What the parser merely doubts inside a report is never an error: it becomes an entry
    of the document's ``warnings``.
    """

    path: Optional[str] = None
    line: Optional[int] = None
    reason: Optional[str] = None

    def __str__(self) -> str:
        # the message as the command line prints it, also for GovreportFileError (whose
        # OSError base would print "[Errno …]")
        return str(self.args[0]) if self.args else super().__str__()


class GovreportFileError(GovreportError, OSError):
    """The file could not be read (missing, unreadable, a folder): a
    :class:`GovreportError` that is also an :class:`OSError`, with ``errno``,
    ``strerror`` and ``filename`` set when the system gave them."""


class GovreportWarning(UserWarning):
    """A report left out of a batch by ``errors="skip"``; the message is the error's."""
