"""Which PDF reader is in force: pdfium (fast, the default) or pdfplumber (the reference).

A module of its own, importing nothing of the package, so that the page workers (pages.py) and the
package (__init__.py) both read the choice without importing each other.
"""

from __future__ import annotations

import contextlib
import os
from typing import Iterator

PDF_READERS = ("pdfium", "pdfplumber")
# pdfium reads about 3x faster and gives the same tables and results as pdfplumber on every PDF of
# corpus and regions and on 164 of 167 of wide; on the other three it reads better (商务局's overprinted
# headers, 北京人社's overflowing cells) or differently with the same results (西安国资委's garbled 三公
# header): bench/readers.md. pdfplumber stays the reference (--reader pdfplumber).
DEFAULT_PDF_READER = "pdfium"
_READER_ENV = "AUDITOR_PDF_READER"  # an environment variable: spawned batch and page workers inherit it


def pdf_reader() -> str:
    """The PDF reader in force: pdfium (the default) or pdfplumber (the reference)."""
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
