"""Reading a disclosure: sniff the file, read it, assemble tables and narrative into a Document.

A narrative PDF and a tables PDF of the same disclosure (Jiangsu publishes some as two files) are
read together: pass both paths to load().
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReadError
from ..model import Document, Meta
from ..narrative.structure import build_narrative
from ..tables.reading import assess_document
from .assemble import assemble
from .items import GridItem, Item
from .pdf import read_pdf
from .text import read_text

MAX_BYTES = 200 * 1024 * 1024

_KINDS = ("部门预算", "单位预算", "部门决算", "单位决算")
_TITLE = re.compile(r"(?P<org>[^\s，。、；：:]{2,40}?)\s*(?P<year>20\d\d)\s*年度?\s*(?:[区市省县]级)?\s*(?P<kind>部门|单位)?\s*(?P<k2>预算|决算)")


def sniff(path: str, data: bytes) -> str:
    if not data:
        raise ReadError(path, "empty")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "not_pdf")
    return "text"


def read_items(path: str) -> tuple[list[Item], int | None, str]:
    p = Path(path)
    if not p.exists():
        raise ReadError(path, "not_found")
    if p.is_dir():
        raise ReadError(path, "not_pdf", "是目录")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(path, "too_large", f"{size // (1024 * 1024)} MB")
    data = p.read_bytes()
    kind = sniff(path, data)
    if kind == "pdf":
        items, pages = read_pdf(path, data)
        return items, pages, "pdf"
    return read_text(path, data), None, "text"


def load(*paths: str) -> Document:
    """Read one disclosure from one or more files (narrative and tables may be separate)."""
    all_items: list[Item] = []
    total_pages: int | None = None
    source = "text"
    offset = 0
    for path in paths:
        items, pages, source = read_items(path)
        if pages is not None:
            for it in items:  # number pages across the files of one disclosure
                if it.page is not None:
                    it.page += offset
                if hasattr(it, "row_pages"):
                    it.row_pages = [p + offset if p is not None else None for p in it.row_pages]
            offset += pages
            total_pages = offset
        all_items.extend(items)
    return _build(all_items, total_pages, source, [str(p) for p in paths])


def _pages_with_text(items: list[Item]) -> set[int]:
    pages = {it.page for it in items if it.page is not None and not isinstance(it, GridItem)}
    for it in items:
        if isinstance(it, GridItem):  # a blank ruled grid is no text
            pages |= {p for p, row in zip(it.row_pages, it.rows) if p is not None and any(row)}
    return pages


def load_string(text: str, name: str = "<text>") -> Document:
    """A disclosure given as text in the seed's form (rule examples, tests, pasted drafts)."""
    return _build(read_text(name, text.encode("utf-8")), None, "text", [name])


def _build(all_items: list[Item], total_pages: int | None, source: str, paths: list[str]) -> Document:
    asm = assemble(all_items)
    text, paragraphs, sections = build_narrative(asm.narrative, each_line_a_paragraph=(source == "text"))
    meta = _meta(asm.narrative, asm.tables, text, total_pages)
    meta.sources = list(paths)
    doc = Document(
        path=str(paths[0]),
        meta=meta,
        text=text,
        paragraphs=paragraphs,
        sections=sections,
        tables=asm.tables,
        source=source,
    )
    doc.toc = asm.toc  # type: ignore[attr-defined]
    last = total_pages or max((it.page for it in all_items if it.page is not None), default=0)
    doc.textless_pages = sorted(set(range(1, last + 1)) - _pages_with_text(all_items))
    assess_document(doc)  # each table's reading, once, before any rule reads it
    if not _looks_like_disclosure(doc):
        raise ReadError(str(paths[0]), "not_a_disclosure")
    return doc


def _meta(lines, tables, text: str, pages: int | None) -> Meta:
    meta = Meta(pages=pages)
    head = "".join(ln.text.replace(" ", "") for ln in lines[:4])
    m = _TITLE.search(head)
    if m is None:
        for t in tables:
            m = _TITLE.search(t.title)
            if m:
                break
    if m:
        org = m.group("org")
        org = re.sub(r"^(第[一二三四]部分|附件\d*[:：]?)", "", org)
        meta.organization = org or None
        meta.year = int(m.group("year"))
        meta.kind = (m.group("kind") or "部门") + m.group("k2")
    named = re.search(r"(?:预算主管部门|部门名称|单位名称)[:：]\s*([^\s，。；]{2,40})", text[:2000])
    if named:  # "预算主管部门：上海市普陀区人民政府万里街道办事处" names it better than the title
        meta.organization = named.group(1)
    body = text + "".join(t.title for t in tables)
    if meta.kind is None:
        counts = {k: body.count(k) for k in _KINDS}
        best = max(counts, key=counts.get)
        if counts[best]:
            meta.kind = best
        elif "决算" in body or "预算" in body:
            meta.kind = "部门决算" if body.count("决算") > body.count("预算") else "部门预算"
    if meta.year is None:
        years = re.findall(r"(20\d\d)\s*年", body)
        if years:
            meta.year = int(max(set(years), key=years.count))
    return meta


def _looks_like_disclosure(doc: Document) -> bool:
    words = ("预算", "决算")
    if any(t.kind != "other" for t in doc.tables):
        return True
    return sum(doc.text.count(w) for w in words) >= 3
