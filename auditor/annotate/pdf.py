"""Highlight annotations in a copy of a PDF: on the sentence of each 不通过/存疑 finding and on the
table cells it compared, each with the finding as its note, so any PDF reader shows them in place.

The reader keeps pages and table cells, not glyph boxes, so the boxes are found again here by
searching the page's text (pdfplumber) for the sentence and for each compared value near its row
name; pypdf writes the annotations (BSD licence, no AGPL code involved).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..atomic import replacing
from .common import AUTHOR, MARKED, belongs, findings

COLOR = {"fail": "ff6666", "warn": "ffd54f"}


def _pattern(text: str) -> str:
    """The text as a regex that lets line breaks and spaces fall anywhere between characters."""
    chars = [c for c in text if not c.isspace()]
    return r"\s*".join(re.escape(c) for c in chars)


def _boxes(match: dict[str, Any]) -> list[tuple[float, float, float, float]]:
    """One (x0, top, x1, bottom) per line of a match (a sentence wraps over lines)."""
    lines: dict[int, list[dict]] = {}
    for ch in match.get("chars") or []:
        lines.setdefault(round(ch["top"]), []).append(ch)
    if not lines:
        return [(match["x0"], match["top"], match["x1"], match["bottom"])]
    return [(min(c["x0"] for c in cs), min(c["top"] for c in cs), max(c["x1"] for c in cs), max(c["bottom"] for c in cs))
            for cs in lines.values()]


def _find(page: Any, text: str, near: float | None = None) -> list[tuple[float, float, float, float]]:
    if not text.strip():
        return []
    try:
        hits = page.search(_pattern(text[:200]), regex=True, return_chars=True)
    except Exception:  # noqa: BLE001 - a pattern pdfplumber cannot search is simply not marked
        return []
    if not hits:
        return []
    best = min(hits, key=lambda h: abs(h["top"] - near)) if near is not None else hits[0]
    return _boxes(best)


def _marks(pdf: Any, f: Any, path: str, group: list[str]) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
    out = []
    loc = f.where
    if belongs(loc, path, group) and loc.get("page") and f.text and loc["page"] <= len(pdf.pages):
        boxes = _find(pdf.pages[loc["page"] - 1], f.text)
        if boxes:
            out.append((loc["page"], boxes))
    for e in f.evidence:
        el = e.get("location") or {}
        if not belongs(el, path, group) or not el.get("page") or el["page"] > len(pdf.pages) or not e.get("value"):
            continue
        page = pdf.pages[el["page"] - 1]
        row = _find(page, (e.get("row") or "").split(" ")[-1])
        boxes = _find(page, e["value"], near=row[0][1] if row else None)
        if boxes:
            out.append((el["page"], boxes))
    return out


def annotate_pdf(src: str, dst: Path, entry: dict[str, Any], group: list[str]) -> int:
    import pdfplumber
    from pypdf import PdfWriter
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=src)
    n = 0
    with pdfplumber.open(src) as pdf:
        for f in findings(entry, MARKED):
            done: set = set()
            for pno, boxes in _marks(pdf, f, src, group):
                if (pno, tuple(boxes)) in done:  # two compared cells printing the same figure
                    continue
                done.add((pno, tuple(boxes)))
                height = float(pdf.pages[pno - 1].height)
                quads: list[float] = []
                for x0, top, x1, bottom in boxes:
                    quads += [x0, height - top, x1, height - top, x0, height - bottom, x1, height - bottom]
                rect = (min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                        max(b[2] for b in boxes), height - min(b[1] for b in boxes))
                annot = Highlight(rect=rect, quad_points=ArrayObject(FloatObject(q) for q in quads),
                                  highlight_color=COLOR[f.verdict], printing=True)
                annot[NameObject("/Contents")] = TextStringObject(f.note())
                annot[NameObject("/T")] = TextStringObject(AUTHOR)
                writer.add_annotation(page_number=pno - 1, annotation=annot)
                n += 1
    with replacing(Path(dst)) as tmp:
        with open(tmp, "wb") as fh:
            writer.write(fh)
    return n
