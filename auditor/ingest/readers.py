"""Which PDF reader is in force: pdfplumber (the reference, the default) or pdfium (fast).

A module of its own, importing nothing of the package, so that the page workers (pages.py) and the
package (__init__.py) both read the choice without importing each other.
"""

from __future__ import annotations

import contextlib
import os
from typing import Iterator

PDF_READERS = ("pdfium", "pdfplumber")
# pdfium reads 3x faster and the same as pdfplumber on 90 of the 93 PDFs compared in full
# (bench/readers.md), better on two, but worse on one (西安国资委: a garbled 三公 header costs a
# check): the reference stays the default
DEFAULT_PDF_READER = "pdfplumber"
_READER_ENV = "AUDITOR_PDF_READER"  # an environment variable: spawned batch and page workers inherit it


def pdf_reader() -> str:
    """The PDF reader in force: pdfplumber (the reference, the default) or pdfium (fast)."""
    name = os.environ.get(_READER_ENV, "")
    return name if name in PDF_READERS else DEFAULT_PDF_READER


@contextlib.contextmanager
def using_reader(name: str | None) -> Iterator[None]:
    """Read PDFs with this reader for the length of one call (None: leave the choice as it is)."""
    if name is None:
        yield
        return
    if name not in PDF_READERS:
        raise ValueError(f"未知的 PDF 读取方式：{name}（可选 {'、'.join(PDF_READERS)}）")
    before = os.environ.get(_READER_ENV)
    os.environ[_READER_ENV] = name
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(_READER_ENV, None)
        else:
            os.environ[_READER_ENV] = before
