"""Running headers and footers: lines a PDF prints at the top or bottom of page after page.

"第 2 页，共 45 页", "页(29)", or the disclosure's title repeated as a page header ("2026年深圳市水务局
部门预算") are not narrative: left in, they glue into the paragraph that runs over the page break
and split a sentence (or a figure) in two. A line is dropped when it is a page number in any of the
printed forms, or when the same line, digits aside, is the first or the last line of at least
three pages and of a quarter of them (its first print on the cover stays: it is the title). A
sentence (with 。，；) or the only line of a page is content, never a header.
A table's title repeated over its continuation pages is kept:
the assembler joins the pages by it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .items import Item, LineItem

# 第3页，共45页 · 第 2 页 共 45 页 · 共45页 第3页 · 页(29) · 3/45 · - 3 - · Page 3 of 45, possibly run together
_ONE = (r"(?:第\s*\d{1,4}\s*页\s*[，,、/]?\s*(?:共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[，,]?\s*第\s*\d{1,4}\s*页"
        r"|页\s*[（(]\s*\d{1,4}\s*[）)]|[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)")
PAGE_NUMBER = re.compile(rf"^\s*(?:{_ONE}\s*)+$", re.IGNORECASE)
MIN_PAGES = 3
MIN_SHARE = 0.25
# the page's own number in each printed form: 第3页 · 页(29) · - 46 - · 3/45 · page 3; "共45页" is no page's number
_NUMBER_OF_PAGE = re.compile(r"第\s*(\d{1,4})\s*页|页\s*[（(]\s*(\d{1,4})\s*[）)]|[-—–]\s*(\d{1,4})\s*[-—–]"
                             r"|(\d{1,4})\s*/\s*\d{1,4}|page\s*(\d{1,4})|^[-—–\s]*(\d{1,4})[-—–\s]*$", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _keeps(text: str) -> bool:
    """Lines that repeat at a page's top for a reason: a table's title or number, its 单位 line."""
    t = re.sub(r"\s+", "", text)
    return t.endswith("表") or re.search(r"单位[:：]", t) is not None or re.fullmatch(r"(?:表|公开)\d+表?", t) is not None \
        or t.startswith(("注", "备注", "说明"))  # a note under each table ("注：无。")


def drop_running_lines(items: list[Item]) -> list[Item]:
    pages: dict[int, list[Item]] = defaultdict(list)
    for it in items:
        if it.page is not None:
            pages[it.page].append(it)
    edge: dict[str, set[int]] = defaultdict(set)
    for page, its in pages.items():
        if len(its) < 2:
            continue  # a page's only line is its content, not a header over it
        ordered = sorted(its, key=lambda it: it.top)
        for it in (ordered[0], ordered[-1]):
            if isinstance(it, LineItem) and not _keeps(it.text) and not re.search(r"[。，；]", it.text):
                edge[_key(it.text)].add(page)
    need = max(MIN_PAGES, MIN_SHARE * len(pages))
    running = {k for k, ps in edge.items() if len(ps) >= need}
    out: list[Item] = []
    seen: set[str] = set()
    for it in items:
        if isinstance(it, LineItem):
            if it.page_number:
                continue  # the reader's page number at a page's edge
            key = _key(it.text)
            if PAGE_NUMBER.match(it.text):
                continue
            if key in running:
                first = key not in seen
                seen.add(key)
                if not (first and (it.page or 0) <= 2):
                    continue  # the cover's title, printed again as every page's header, stays once
        out.append(it)
    return out


def page_labels(items: list[Item]) -> dict[int, str]:
    """The number each page prints ("- 46 -" on the PDF's 48th page -> {48: "46"}), read from the page-number
    lines before they are dropped: a reviewer looks a page up by what is printed on it.

    A number is kept only where a neighbouring numbered page agrees with it (same distance from the
    PDF's own index), so a stray "3/45" in a page's text never renames a page."""
    found: dict[int, int] = {}
    for it in items:
        if isinstance(it, LineItem) and it.page is not None and it.page not in found and (
                it.page_number or PAGE_NUMBER.match(it.text)):
            m = _NUMBER_OF_PAGE.search(it.text)
            if m:
                found[it.page] = int(next(g for g in m.groups() if g))
    pages = sorted(found)
    out: dict[int, str] = {}
    for i, page in enumerate(pages):
        shift = found[page] - page
        near = [q for q in (pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None) if q]
        if any(found[q] - q == shift for q in near):
            out[page] = str(found[page])
    return out

