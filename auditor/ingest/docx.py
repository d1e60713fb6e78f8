"""Reads a Word draft (.docx) into the same item stream as PDF and text.

The body is walked in order: paragraphs (with the heading level the author set), tables, and
the text inside content controls (w:sdt, block or inline), which python-docx's own paragraph text
leaves out. Every block gets a number, counted the same way by the annotator (`blocks`), so the
evidence "第12段" and the Word comment written there point at the same paragraph.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterator

from ..errors import ReadError
from ..location import Location, Origin
from .items import GridItem, Item, LineItem, clean_cell

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def open_docx(path: str, data: bytes) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a broken package
        raise ReadError(path, "corrupt", "Word 文件结构无法解析") from None


def blocks(body: Any) -> Iterator[tuple[int, Any]]:
    """(number, element) for every w:p and w:tbl in reading order, content controls opened."""
    n = 0

    def walk(el: Any) -> Iterator[tuple[int, Any]]:
        nonlocal n
        for child in el.iterchildren():
            tag = child.tag
            if tag in (_W + "p", _W + "tbl"):
                n += 1
                yield n, child
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    yield from walk(content)

    yield from walk(body)


def element_text(el: Any) -> str:
    """All text of a paragraph, including runs inside inline content controls and hyperlinks."""
    out: list[str] = []
    for node in el.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if node.tag == _W + "t":
            out.append(node.text or "")
        elif node.tag == _W + "tab":
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def heading_level(p_el: Any, styles: dict[str, str]) -> int | None:
    ppr = p_el.find(_W + "pPr")
    if ppr is None:
        return None
    style = ppr.find(_W + "pStyle")
    if style is not None:
        name = styles.get(style.get(_W + "val"), style.get(_W + "val") or "")
        m = _HEADING.match(name.strip())
        if m:
            return int(m.group(1))
    outline = ppr.find(_W + "outlineLvl")
    if outline is not None and (outline.get(_W + "val") or "").isdigit() and int(outline.get(_W + "val")) < 9:
        return int(outline.get(_W + "val")) + 1
    return None


def _styles(doc: Any) -> dict[str, str]:
    try:
        return {s.style_id: s.name for s in doc.styles if s.style_id and s.name}
    except Exception:  # noqa: BLE001 - a document without a styles part
        return {}


def _table_rows(tbl: Any) -> list[list[str]]:
    """Cells as text; a cell merged across columns or rows is given once, the rest are empty,
    as a PDF table's merged header reads."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_W + "tr"):
        row: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            tcpr = tc.find(_W + "tcPr")
            span = 1
            merged_below = False
            if tcpr is not None:
                gs = tcpr.find(_W + "gridSpan")
                if gs is not None and (gs.get(_W + "val") or "").isdigit():
                    span = int(gs.get(_W + "val"))
                vm = tcpr.find(_W + "vMerge")
                merged_below = vm is not None and vm.get(_W + "val") != "restart"
            text = "" if merged_below else clean_cell("".join(element_text(p) for p in tc.iter(_W + "p")))
            row.append(text)
            row.extend([""] * (span - 1))
        rows.append(row)
    return rows


def read_docx(path: str, data: bytes) -> list[Item]:
    doc = open_docx(path, data)
    styles = _styles(doc)
    items: list[Item] = []
    for n, el in blocks(doc.element.body):
        if el.tag == _W + "tbl":
            rows = _table_rows(el)
            if any(any(c for c in r) for r in rows):
                items.append(GridItem(rows=rows, page=None, row_pages=[None] * len(rows),
                                      row_lines=list(range(1, len(rows) + 1)), origin=Origin(file=path, paragraph=n)))
            continue
        level = heading_level(el, styles)
        loc = Location(file=path, paragraph=n)
        for part in element_text(el).split("\n"):
            text = part.replace("\u3000", " ").strip()
            if text:
                items.append(LineItem(text=text, page=None, indent=True, short=True, loc=loc, heading=level))
    return items
