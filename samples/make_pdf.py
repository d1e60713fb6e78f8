#!/usr/bin/env python3
"""Render a sample disclosure text file (the conventions of samples/seed.txt) to an A4 PDF.

    python samples/make_pdf.py samples/seed.txt samples/seed.pdf

Narrative lines become wrapped paragraphs (real text, STSong-Light 10.5pt). Each table starts on a
new page: "表 N", the title centred, the 单位 line right-aligned, then the tab-separated rows as a
ruled grid. A header label followed by empty cells is drawn as a merged cell (SPAN), and an empty
header cell under a label extends that label downwards. Wide tables get a landscape page; long
tables continue on the next page with their header rows repeated. HTML fragments in cells are
stripped. Needs only reportlab (the CID font STSong-Light is built in, no font file).
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)

rl_config.invariant = 1  # no timestamps or random ids: the same text gives the same PDF bytes
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

MARGIN = 18 * mm
PORTRAIT, LANDSCAPE = A4, landscape(A4)
PAD = 3  # cell padding, points each side

TABLE_NO = re.compile(r"^表\s*\d+\s*$")
UNIT = re.compile(r"^单位[：:]")
AMOUNT = re.compile(r"^[-−(（]?\d[\d,]*(\.\d+)?[)）]?%?$")
CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")


# --------------------------------------------------------------------------- parsing


@dataclass
class TableBlock:
    number: str | None = None
    title: str | None = None
    unit: str | None = None
    pre: list[str] = field(default_factory=list)  # lines between the 单位 line and the grid
    rows: list[list[str]] = field(default_factory=list)
    post: list[str] = field(default_factory=list)  # notes under the grid


def parse(text: str) -> tuple[list[str], list[TableBlock]]:
    """Split a sample into narrative lines and table blocks."""
    narrative: list[str] = []
    tables: list[TableBlock] = []
    cur: TableBlock | None = None
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        if TABLE_NO.match(line.strip()):
            cur = TableBlock(number=line.strip())
            tables.append(cur)
            continue
        if cur is None:
            if line.strip():
                narrative.append(line.strip())
            continue
        if "\t" in line:
            cur.rows.append(line.split("\t"))
            continue
        s = line.strip()
        if not s:
            continue
        if cur.title is None and not cur.rows:
            cur.title = s
        elif UNIT.match(s) and not cur.rows:
            cur.unit = s
        elif s.endswith("表") and cur.rows:  # a further table printed without a "表 N" line
            cur = TableBlock(title=s)
            tables.append(cur)
        elif not cur.rows:
            cur.pre.append(s)
        else:
            cur.post.append(s)
    return narrative, tables


def clean(cell: str) -> str:
    """Strip HTML tags and entities, collapse whitespace."""
    s = re.sub(r"<[^>]*>", " ", cell)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def is_amount(s: str) -> bool:
    return bool(AMOUNT.match(s.replace(" ", "")))


# --------------------------------------------------------------------------- header and spans


def header_count(rows: list[list[str]]) -> int:
    """Leading rows that hold only labels: no amount, no classification code, no bare 合计/总计 row.

    A 合计 that is one label among others (the "三公" table's column headings) stays a header.
    """
    n = 0
    for r in rows:
        first = r[0].strip() if r else ""
        if any(is_amount(c) for c in r) or CODE.match(first):
            break
        if first in ("合计", "总计") and not any(c.strip() for c in r[1:]):
            break
        if any(c.strip().endswith(("：", ":")) for c in r):  # "项目名称*：" rows are key-value data
            break
        n += 1
    return min(n, 4) if n < len(rows) else 0


def spans(rows: list[list[str]], nhead: int, ncol: int, widths_of: list[int]) -> list[tuple]:
    """SPAN commands: merged header labels (right and down) and padded short data rows."""
    cmds = []
    owner = [[None] * ncol for _ in range(nhead)]  # header cell -> id of the label covering it
    extent: dict[int, tuple[int, int, int, int]] = {}  # id -> (c0, r0, c1, r1)
    nid = 0
    for r in range(nhead):
        row = rows[r]
        c = 0
        while c < ncol:
            if row[c]:
                nid += 1
                c1 = c
                while (c1 + 1 < ncol and not row[c1 + 1]
                       and (r == 0 or owner[r - 1][c1 + 1] == owner[r - 1][c])):
                    c1 += 1
                for k in range(c, c1 + 1):
                    owner[r][k] = nid
                extent[nid] = (c, r, c1, r)
                c = c1 + 1
            else:
                c += 1
        # empty cells: extend the label above downwards when it is empty across its whole width
        if r > 0:
            for c in range(ncol):
                if owner[r][c] is None and owner[r - 1][c] is not None:
                    up = owner[r - 1][c]
                    c0, r0, c1, _ = extent[up]
                    if all(owner[r][k] is None and not row[k] for k in range(c0, c1 + 1)):
                        for k in range(c0, c1 + 1):
                            owner[r][k] = up
                        extent[up] = (c0, r0, c1, r)
    for c0, r0, c1, r1 in extent.values():
        if c1 > c0 or r1 > r0:
            cmds.append(("SPAN", (c0, r0), (c1, r1)))
    # data rows: a row printed with fewer fields than the table has lets its last field take the rest;
    # a long text (a sentence, not a label or an amount) also takes the empty cells after it
    for r in range(nhead, len(rows)):
        row, k = rows[r], widths_of[r]
        c = 0
        while c < ncol:
            e = c
            if row[c] and c == k - 1 and k < ncol:
                e = ncol - 1
            elif len(row[c]) > 30 and not is_amount(row[c]):
                while e + 1 < ncol and not row[e + 1]:
                    e += 1
            if e > c:
                cmds.append(("SPAN", (c, r), (e, r)))
            c = e + 1
    return cmds


# --------------------------------------------------------------------------- rendering


def text_width(s: str, size: float) -> float:
    return pdfmetrics.stringWidth(s, FONT, size)


def column_widths(rows, nhead, ncol, size, avail, span_cells):
    """Natural widths from the content (capped so long text wraps), squeezed or stretched to `avail`."""
    cap = 16 * size  # a text cell wider than ~16 characters wraps
    nat = [2.2 * size + 2 * PAD] * ncol
    low = [2.2 * size + 2 * PAD] * ncol
    for r, row in enumerate(rows):
        for c, s in enumerate(row):
            if not s or (r, c) in span_cells:
                continue
            w = text_width(s, size) + 2 * PAD + 1
            if is_amount(s) and not (c == 0 and CODE.match(s)):
                low[c] = max(low[c], w)
                nat[c] = max(nat[c], w)
            else:
                w += size  # the text styles keep one character of right indent
                if r >= nhead:  # long codes and short labels should not wrap either
                    if len(s) <= 8:
                        low[c] = max(low[c], min(w, 9 * size + 2 * PAD))
                nat[c] = max(nat[c], min(w, cap))
    total = sum(nat)
    if total <= avail:
        return [w * avail / total for w in nat]
    squeeze = sum(n - lo for n, lo in zip(nat, low))
    need = total - avail
    if squeeze >= need:
        return [n - (n - lo) * need / squeeze for n, lo in zip(nat, low)]
    return [lo * avail / sum(low) for lo in low]


def build_table(tb: TableBlock, frame_width: float, size: float):
    rows = [[clean(c) for c in r] for r in tb.rows]
    lens = [len(r) for r in rows]  # fields as printed: a short row is padded and its last field spans the rest
    ncol = max(lens)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    nhead = header_count(rows)
    cmds = spans(rows, nhead, ncol, lens)
    span_cells = set()
    for _, (c0, r0), (c1, r1) in cmds:
        if c1 > c0:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    span_cells.add((r, c))
    widths = column_widths(rows, nhead, ncol, size, frame_width, span_cells)
    base = dict(fontName=FONT, fontSize=size, leading=size * 1.25, wordWrap="CJK")
    # CJK wrapping lets a closing punctuation mark hang past the line end; keep it inside the cell so
    # that a PDF reader cropping the cell still sees it
    st_text = ParagraphStyle("cell", alignment=TA_LEFT, rightIndent=size, **base)
    st_num = ParagraphStyle("num", alignment=TA_RIGHT, **base)
    st_head = ParagraphStyle("head", alignment=TA_CENTER, rightIndent=size / 2, leftIndent=size / 2, **base)
    data = []
    for r, row in enumerate(rows):
        out = []
        for c, s in enumerate(row):
            if not s:
                out.append("")
                continue
            if r < nhead:
                style = st_head
            elif is_amount(s) and not (c == 0 and CODE.match(s)):  # a classification code is a label
                style = st_num
            else:
                style = st_text
            out.append(Paragraph(escape(s), style))
        data.append(out)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ] + cmds
    return Table(data, colWidths=widths, repeatRows=nhead, style=TableStyle(style), hAlign="CENTER"), ncol, widths


def table_orientation(tb: TableBlock) -> tuple[str, float]:
    """Landscape for wide tables; font size by column count."""
    rows = [[clean(c) for c in r] for r in tb.rows]
    ncol = max((len(r) for r in rows), default=1)
    size = 9.0 if ncol <= 8 else 8.0 if ncol <= 10 else 7.0
    portrait_avail = PORTRAIT[0] - 2 * MARGIN
    need = 0.0
    for c in range(ncol):
        col = [r[c] for r in rows if c < len(r) and r[c]]
        nums = [text_width(s, size) for s in col if is_amount(s)]
        txt = [min(text_width(s, size), 12 * size) for s in col if not is_amount(s)]
        need += max(nums + txt + [2 * size]) + 2 * PAD
    return ("landscape" if need > portrait_avail and ncol >= 6 else "portrait"), size


def render(src: str, dst: str) -> None:
    with open(src, encoding="utf-8") as f:
        narrative, tables = parse(f.read())

    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK", firstLineIndent=21,
                          spaceAfter=3)
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0, spaceBefore=4)
    title = ParagraphStyle("title", fontName=FONT, fontSize=16, leading=24, alignment=TA_CENTER, wordWrap="CJK",
                           spaceAfter=10)
    t_title = ParagraphStyle("ttitle", fontName=FONT, fontSize=13, leading=18, alignment=TA_CENTER, wordWrap="CJK",
                             spaceAfter=4)
    t_no = ParagraphStyle("tno", fontName=FONT, fontSize=10, leading=14, alignment=TA_LEFT)
    t_unit = ParagraphStyle("tunit", fontName=FONT, fontSize=9, leading=13, alignment=TA_RIGHT, spaceAfter=3)
    t_note = ParagraphStyle("tnote", fontName=FONT, fontSize=9, leading=13, alignment=TA_LEFT, wordWrap="CJK",
                            spaceBefore=4)

    story = []
    head_re = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
    for i, line in enumerate(narrative):
        if i == 0:
            story.append(Paragraph(escape(line), title))
        elif head_re.match(line) and len(line) <= 40:
            story.append(Paragraph(escape(line), heading))
        else:
            story.append(Paragraph(escape(line), body))

    for k, tb in enumerate(tables):
        orient, size = table_orientation(tb)
        pagesize = LANDSCAPE if orient == "landscape" else PORTRAIT
        if story or k:
            story += [NextPageTemplate(orient), PageBreak()]
        if tb.number:
            story.append(Paragraph(escape(tb.number), t_no))
        if tb.title:
            story.append(Paragraph(escape(tb.title), t_title))
        for s in tb.pre:
            story.append(Paragraph(escape(s), t_note))
        if tb.unit:
            story.append(Paragraph(escape(tb.unit), t_unit))
        if tb.rows:
            table, _, _ = build_table(tb, pagesize[0] - 2 * MARGIN, size)
            story.append(table)
        for s in tb.post:
            story.append(Paragraph(escape(s), t_note))
        story.append(Spacer(1, 2))

    doc = BaseDocTemplate(dst, pagesize=PORTRAIT, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=narrative[0] if narrative else src, author="auditor samples")
    templates = []
    for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
        frame = Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN, id=name, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
    if tables and not narrative:
        first, _ = table_orientation(tables[0])
        templates.sort(key=lambda t: t.id != first)
    doc.addPageTemplates(templates)
    doc.build(story)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    render(argv[1], argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
