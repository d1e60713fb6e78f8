"""Reading a disclosure: sniff the file, read it, assemble tables and narrative into a Document.

A narrative PDF and a tables PDF of the same disclosure (Jiangsu publishes some as two files) are
read together: pass both paths to load().
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReadError
from ..model import Document
from ..narrative.structure import build_narrative
from ..tables.reading import assess_document
from .assemble import assemble
from .gate import judge
from .items import GridItem, Item
from .meta import detect_meta
from .pdf import read_pdf
from .readers import DEFAULT_PDF_READER, PDF_READERS, pdf_reader, using_reader  # noqa: F401 - the API
from .text import read_text

MAX_BYTES = 200 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_OFFICE_SUFFIXES = (".docx", ".xlsx", ".xlsm", ".docm", ".xls", ".doc", ".wps", ".et")


def _sniff_zip(path: str, data: bytes) -> str:
    """A zip is a draft when it holds a Word or Excel package; anything else zipped is refused."""
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReadError(path, "corrupt", "zip 包不完整") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise ReadError(path, "not_office" if path.lower().endswith(_OFFICE_SUFFIXES) else "not_pdf")


_CAPTIONED = re.compile(r"^(?:编制部门|编制单位|填报单位)[:：]\s*([^\s，。；]{2,40})")


def sniff(path: str, data: bytes) -> str:
    if not data:
        raise ReadError(path, "empty")
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(path, data)
    if data.startswith(_OLE):
        # an encrypted .xlsx/.docx is an OLE container holding EncryptionInfo; otherwise an old
        # .xls/.doc binary file
        raise ReadError(path, "encrypted_office" if _OLE_ENCRYPTED in data else "old_office")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "not_pdf")
    return "text"


def read_items(path: str, labels: dict[int, str] | None = None) -> tuple[list[Item], int | None, str]:
    """The file's items, its page count (PDF) and its kind; `labels` receives a PDF's printed page numbers."""
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
        if pdf_reader() == "pdfium":
            from .pdfium import read_pdf as read_with_pdfium

            items, pages = read_with_pdfium(path, data, labels=labels)
        else:
            items, pages = read_pdf(path, data, labels=labels)
        return items, pages, "pdf"
    if kind in ("xlsx", "docx"):
        from .xlsx import check_size

        check_size(path, data, MAX_BYTES)
        if kind == "xlsx":
            from .xlsx import read_xlsx

            return read_xlsx(path, data), None, "xlsx"
        from .docx import read_docx

        return read_docx(path, data), None, "docx"
    return read_text(path, data), None, "text"


def load(*paths: str) -> Document:
    """Read one disclosure from one or more files (narrative and tables may be separate)."""
    all_items: list[Item] = []
    total_pages: int | None = None
    source = "text"
    offset = 0
    offsets: list[int | None] = []
    kinds: list[str] = []
    printed: dict[int, str] = {}
    for path in paths:
        labels: dict[int, str] = {}
        items, pages, source = read_items(path, labels)
        printed.update({page + offset: label for page, label in labels.items()})
        kinds.append(source)
        offsets.append(offset if pages is not None else None)
        if pages is not None:
            for it in items:  # number pages across the files of one disclosure
                if it.page is not None:
                    it.page += offset
                if hasattr(it, "row_pages"):
                    it.row_pages = [p + offset if p is not None else None for p in it.row_pages]
            offset += pages
            total_pages = offset
        all_items.extend(items)
    if "pdf" in kinds:
        source = "pdf"
    elif len(set(kinds)) == 1:
        source = kinds[0]
    doc = _build(all_items, total_pages, source, [str(p) for p in paths], kinds)
    doc.meta.page_offsets = offsets
    doc.meta.printed_pages = printed
    return doc


def _pages_with_text(items: list[Item]) -> set[int]:
    pages = {it.page for it in items if it.page is not None and not isinstance(it, GridItem)}
    for it in items:
        if isinstance(it, GridItem):  # a blank ruled grid is no text
            pages |= {p for p, row in zip(it.row_pages, it.rows) if p is not None and any(row)}
    return pages


def load_string(text: str, name: str = "<text>") -> Document:
    """A disclosure given as text in the seed's form (rule examples, tests, pasted drafts)."""
    return _build(read_text(name, text.encode("utf-8")), None, "text", [name], refuse=False)


def _build(all_items: list[Item], total_pages: int | None, source: str, paths: list[str],
           kinds: list[str] | None = None, *, refuse: bool = True) -> Document:
    """The Document from the items of its files. `refuse`: a file that is no disclosure (ingest/gate.py)
    is a ReadError; text handed in as a disclosure (load_string: rule examples, pasted drafts) is not."""
    asm = assemble(all_items)
    for path, kind in zip(paths, kinds or []):
        # a workbook is the tables of a disclosure: without one we know, it is not a draft we can read
        if kind == "xlsx" and not any(t.kind != "other" and t.origin and t.origin.file == path for t in asm.tables):
            raise ReadError(path, "no_table")
    text, paragraphs, sections = build_narrative(asm.narrative, each_line_a_paragraph=(source == "text"))
    # the top of the document: its first lines, and a form's title (a 绩效目标申报表 is all one table)
    head = [ln.text for ln in asm.narrative[:8]] + asm.preamble[:3] + [t.title for t in asm.tables[:2]]
    gate = judge(head, sections, asm.toc, asm.tables)
    if refuse and not gate.is_disclosure and "xlsx" not in (kinds or []):
        # decided before the reading checks and meta: a refused file costs no more than its parse
        raise ReadError(str(paths[0]), "not_a_disclosure", gate.why_not())
    meta = detect_meta([ln.text for ln in asm.narrative[:6]], [t.title for t in asm.tables], text, total_pages,
                       [str(p) for p in paths if not str(p).startswith("<")],
                       table_texts=[" ".join([r.name, *(c.text for c in r.cells.values())]) for t in asm.tables
                                    for r in t.rows] + [n for t in asm.tables for n in t.notes]
                       + [" ".join(c for c in h if c) for t in asm.tables for h in t.header_rows])
    if meta.organization is None or re.search(r"[XＸ]{2}", meta.organization or ""):
        # a draft's tables name the body in their caption line: "编制部门：上海市普陀区示例局"
        named = next((m.group(1) for ln in asm.preamble if (m := _CAPTIONED.search(ln))), None)
        meta.organization = named or meta.organization
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
    doc.part = gate.part
    last = total_pages or max((it.page for it in all_items if it.page is not None), default=0)
    doc.textless_pages = sorted(set(range(1, last + 1)) - _pages_with_text(all_items))
    assess_document(doc)  # each table's reading, once, before any rule reads it
    return doc
