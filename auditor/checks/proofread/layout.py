"""Layout (P151): a blank page between content pages.

The readers list the pages where they found no text at all (Document.textless_pages); a text
disclosure has pages when form feeds separate them. The cover and
the last page are not checked; a page with only a picture has no text either, so the finding is 存疑.
"""

from __future__ import annotations

from ...model import Document
from ...results import Result
from .common import Findings, config


def check_blank_pages(doc: Document) -> list[Result]:
    """P151: a single page with no text between pages that have some."""
    f = Findings("P151")
    pages = doc.meta.pages or max((p.page for p in doc.paragraphs if p.page is not None), default=None)
    if not pages:
        return []  # a text disclosure without page breaks has no pages
    if pages < int(config()["layout"]["min_pages"]):
        return f.done(f"共{pages}页，页数过少，不核对空白页。")
    textless = set(doc.textless_pages)
    content = [p for p in range(1, pages + 1) if p not in textless]
    if not content:
        return []
    first, last = content[0], content[-1]
    for p in sorted(textless):
        if p - 1 in textless or p + 1 in textless:
            continue  # a run of pages without text is a part the reader could not read (or pictures), not a blank page
        if first < p < last:
            f.add("warn", f"第{p}页没有任何文字：空白页（或只有图片），请核对是否应删除或补全。", page=p,
                  anchor=f"page{p}")
    return f.done(f"第{first}–{last}页之间没有空白页。")


def check_layout(doc: Document) -> list[Result]:
    return check_blank_pages(doc)
