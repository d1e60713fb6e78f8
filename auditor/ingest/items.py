"""What a reader produces before assembly: a page-ordered stream of text lines and table grids.

PDF and text readers both emit this stream, so the assembler (titles, units, continuation over
pages, narrative paragraphs) is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..location import Location, Origin

_FIGURE = re.compile(r"^-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)$")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def clean_cell(text: str | None) -> str:
    """Join a cell's wrapped lines. Chinese has no spaces, so whitespace next to CJK is layout."""
    if not text:
        return ""
    t = text.replace("\r", "").strip()
    if not t:
        return ""
    t = _CJK_SPACE.sub("", t)
    if " " in t or "\n" in t:
        joined = re.sub(r"\s+", "", t)
        if re.search(r"[,.]\d*\s", t) and _FIGURE.match(joined):
            return joined  # a figure wrapped in a narrow cell: "811,669.9" + "7"
    return re.sub(r"\s+", " ", t)


@dataclass
class LineItem:
    text: str
    page: int | None
    top: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    line: int | None = None  # source line number for text input
    indent: bool = False  # starts a new paragraph by layout
    short: bool = False  # ends before the right margin: the paragraph ends here
    loc: Location | None = None  # drafts: the sheet cell or Word paragraph it came from
    heading: int | None = None  # drafts: a heading level the author set (Word's 标题 1 …)
    page_number: bool = False  # the page's printed number ("- 46 -"): kept for its label, never text


@dataclass
class GridItem:
    rows: list[list[str]]
    page: int | None
    top: float = 0.0
    bottom: float = 0.0
    row_pages: list[int | None] = field(default_factory=list)
    row_lines: list[int | None] = field(default_factory=list)
    col_x: list[float] = field(default_factory=list)  # left edge of each column (PDF only)
    origin: Origin | None = None  # drafts: the sheet or Word table (row_lines hold its row numbers)


Item = LineItem | GridItem
