"""Reads a disclosure PDF with pdfium (pypdfium2): the default reader, pdfplumber the reference.

pdfminer's parse in Python was nearly all of the audit's time; pdfium parses the same page in C in
a few milliseconds. This reader builds, from pdfium's characters and path objects, the very
objects pdfplumber would give for the page (characters with pdfminer's boxes, lines, rectangles and
curves with their fill and colour) and hands them to the same page reader (`pdf._read_page`): the
word grouping, the table finder, the ruling repairs and everything after are one code for both
readers, so they can only differ where the two parsers see the page differently (bench/readers.py).

Geometry as pdfminer computes it, so the tolerances tuned on pdfplumber hold:
- a character's box runs from its origin to origin + advance, and from baseline + the font's
  descent to that plus the font size (not pdfium's tight glyph box);
- paths are split into subpaths; a lone segment is a line, a closed axis-aligned four-sided one a
  rectangle, anything else a curve through the end points of its segments;
- coordinates relative to the MediaBox, turned by the page's /Rotate, as pdfminer's interpreter.

Where pdfium cannot lay out a page's text (a CJK font neither embedded nor substituted: it drops
the characters, pdfminer reads them through the font's ToUnicode map), that page alone is read by
pdfplumber.
"""

from __future__ import annotations

from typing import Any

from ..errors import ReadError
from .items import Item, LineItem

def _open(path: str, data: bytes | None) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data if data is not None else path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise ReadError(path, "encrypted") from None
        # the reviewer reads Chinese: pdfium's own words ("Failed to load document") stay out
        why = {pdfium.raw.FPDF_ERR_FORMAT: "文件结构无法解析", pdfium.raw.FPDF_ERR_FILE: "文件无法打开",
               pdfium.raw.FPDF_ERR_SECURITY: "不支持的加密方式", pdfium.raw.FPDF_ERR_PAGE: "页面无法读取"}
        raise ReadError(path, "corrupt", why.get(code, "文件结构无法解析")) from None
    except Exception:  # noqa: BLE001 - anything pdfium cannot open is a damaged file
        raise ReadError(path, "corrupt", "文件结构无法解析") from None


_PAGE_CLASS: Any = None


def page_class() -> Any:
    """A subclass of pdfplumber's Page whose objects are given, not parsed: find_tables, filter,
    extract_words and edges then work on pdfium's objects exactly as on pdfminer's."""
    global _PAGE_CLASS
    if _PAGE_CLASS is None:
        from functools import lru_cache

        from pdfplumber.page import Page

        class _Page(Page):
            def __init__(self, objects: dict[str, list[dict]], bbox: tuple[float, ...], number: int) -> None:
                self.pdf = None
                self.root_page = self
                self.page_obj = None  # no pdfminer page: _undo_inverted_box has nothing to undo
                self.page_number = number
                self.initial_doctop = 0
                self.rotation = 0  # already applied to the coordinates
                self.mediabox = self.cropbox = self.bbox = bbox
                self._objects = objects
                self.get_textmap = lru_cache()(self._get_textmap)

            @property
            def objects(self) -> dict[str, list[dict]]:
                return self._objects

            def close(self) -> None:
                self._objects = {}

        _PAGE_CLASS = _Page
    return _PAGE_CLASS


def page_objects(page: Any, number: int) -> Any | None:
    """One pdfium page as a pdfplumber page (characters, lines, rects, curves); None when pdfium
    could not lay out some of its text, which only the reference reader then reads."""
    from .pdfium_objects import Frame, address, chars, paths

    frame = Frame(page)
    tp = page.get_textpage()
    try:
        drawn = paths(page, frame, number, address(tp.raw))
        if drawn.pop("lost_text"):
            return None
        objects: dict[str, list[dict]] = {"char": chars(tp, frame, number)}
    finally:
        tp.close()
    objects.update(drawn)
    return page_class()(objects, frame.bbox, number)


class _Reference:
    """pdfplumber, opened only when a page needs it."""

    def __init__(self, path: str, data: bytes | None) -> None:
        self.path, self.data, self.pdf = path, data, None

    def page(self, index: int) -> Any:
        if self.pdf is None:
            from .pdf import _open as open_with_pdfplumber

            self.pdf = open_with_pdfplumber(self.path, self.data)
        return self.pdf.pages[index]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def read_range(path: str, start: int, end: int, *, pdf: Any, data: bytes | None = None) -> tuple[list[Item], int, int]:
    """Pages start..end-1 (0-based) -> (items, characters, characters without a code map)."""
    from .pdf import _classify, _read_page

    items: list[Item] = []
    total_chars = cid_chars = 0
    reference = _Reference(path, data)
    try:
        for index in range(start, end):
            try:
                page = pdf[index]
            except Exception as exc:  # noqa: BLE001 - a page pdfium cannot load is a damaged file
                raise ReadError(path, "corrupt", f"第{index + 1}页无法读取") from None
            try:
                built = page_objects(page, index + 1)
                if built is None:  # a font pdfium cannot map: this page as pdfplumber reads it
                    built = reference.page(index)
                page_items, nchars = _read_page(built, index + 1)
                if built.page_obj is not None:
                    built.close()
            except ReadError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise _classify(path, exc, f"第{index + 1}页 ") from None
            finally:
                page.close()
            total_chars += nchars
            cid_chars += sum(1 for it in page_items if isinstance(it, LineItem) and "(cid:" in it.text)
            items.extend(page_items)
    finally:
        reference.close()
    return items, total_chars, cid_chars


def read_pdf(path: str, data: bytes | None = None, *,
             labels: dict[int, str] | None = None) -> tuple[list[Item], int]:
    """Return the page-ordered items and the page count, read in this process (pdfium is fast
    enough that page workers would cost more to start than they save)."""
    from .pdf import finish

    pdf = _open(path, data)
    try:
        npages = len(pdf)
        parts = [read_range(path, 0, npages, pdf=pdf, data=data)]
    finally:
        pdf.close()
    return finish(path, parts, npages, labels), npages
