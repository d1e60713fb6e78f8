"""Reads disclosures saved as text: narrative lines, and tables as tab-separated rows.

This is the form of ../shared/seed: "表 N" lines, a title, "单位：元", tab rows that may wrap or be
interrupted by blank lines at page breaks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import ReadError
from ..location import Location
from .items import GridItem, Item, LineItem, clean_cell

_ENCODINGS = ("utf-8-sig", "utf-16", "gb18030")


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8, UTF-16 (with BOM) or GBK/GB18030: text saved on Windows often is GBK."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReadError(path, "not_pdf", "无法识别的文字编码")


def _is_note(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    if len(filled) != 1:
        return False
    t = filled[0].strip().lstrip("（(")
    return t.startswith(("备注", "注：", "注:", "说明："))


def _lines(text: str) -> Iterator[tuple[int, int | None, str]]:
    """(line number, page, line): a form feed (as pdftotext writes) starts a page; without one, no pages."""
    chunks = text.split("\f")
    n = 0
    for pageno, chunk in enumerate(chunks, 1):
        for line in chunk.splitlines():
            n += 1
            yield n, (pageno if len(chunks) > 1 else None), line


def read_text(path: str, data: bytes | None = None) -> list[Item]:
    raw = data if data is not None else Path(path).read_bytes()
    text = decode(raw, path)
    if "\x00" in text:
        raise ReadError(path, "not_pdf", "含有二进制内容")
    items: list[Item] = []
    grid: GridItem | None = None
    for lineno, page, line in _lines(text):
        if "\t" in line:
            cells = line.split("\t")
            if all(set(c.strip()) <= {"-"} for c in cells):
                continue  # a ruler line such as "-----\t---"
            if _is_note(cells):
                grid = None
                items.append(LineItem(text=clean_cell(" ".join(cells)), page=page, line=lineno, indent=True,
                                      loc=Location(file=path, line=lineno)))
                continue
            if grid is None:
                grid = GridItem(rows=[], page=page)
                items.append(grid)
            grid.rows.append([clean_cell(c) for c in cells])
            grid.row_pages.append(page)
            grid.row_lines.append(lineno)
            continue
        stripped = line.strip()
        if not stripped:
            continue  # blank lines inside tables are page breaks; between paragraphs they separate
        if stripped.startswith("---") and set(stripped.replace("|", "").replace(" ", "")) <= {"-"}:
            continue
        grid = None
        items.append(LineItem(text=stripped, page=page, line=lineno, indent=True, short=True,
                              loc=Location(file=path, line=lineno)))
    return items
