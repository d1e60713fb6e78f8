"""Reads a disclosure PDF with pdfplumber: each page parsed once, lines and ruled grids from it.

Why not extract_text(): it clusters lines with a fixed y_tolerance, so figures set in another font
(Times digits inside FangSong text on the Shanghai documents, offset by ~4pt) land on a line of
their own, away from their sentence. We cluster words by vertical overlap instead.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import ReadError
from ..numbers import parse_amount
from .items import GridItem, Item, LineItem, clean_cell
from .rules import closing_lines, ruled_page

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?[-—–\s]*$|^\d+\s*/\s*\d+$")


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def cluster_lines(words: list[dict]) -> list[list[dict]]:
    """Group words into visual lines by vertical overlap, not by equal tops.

    A word belongs to a line when it overlaps the line's vertical extent by at least 40% of the
    smaller height; baseline shifts between fonts stay on their line, adjacent lines never touch.
    """
    lines: list[list[dict]] = []
    extents: list[list[float]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        h = w["bottom"] - w["top"]
        placed = False
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = extents[k]
            if _overlap(top, bottom, w["top"], w["bottom"]) >= 0.4 * min(h, bottom - top):
                lines[k].append(w)
                extents[k] = [min(top, w["top"]), max(bottom, w["bottom"])]
                placed = True
                break
        if not placed:
            lines.append([w])
            extents.append([w["top"], w["bottom"]])
    for ln in lines:
        ln.sort(key=lambda w: w["x0"])
    return lines


def _line_text(words: list[dict]) -> str:
    out = ""
    prev = None
    for w in words:
        if prev is not None:
            gap = w["x0"] - prev["x1"]
            # a gap of a quarter em, to a hundredth of a point, is no space: producers set digits
            # exactly that far from CJK text, and the parsers' float noise must not decide it
            if gap > 0.25 * max(w.get("size", 10), 1) + 0.01:
                out += " "
        out += w["text"]
        prev = w
    return out


def _inside(w: dict, bbox: tuple[float, float, float, float]) -> bool:
    cx = (w["x0"] + w["x1"]) / 2
    cy = (w["top"] + w["bottom"]) / 2
    x0, top, x1, bottom = bbox
    return x0 <= cx <= x1 and top <= cy <= bottom


def _open(path: str, data: bytes | None):
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        src = io.BytesIO(data) if data is not None else path
        return pdfplumber.open(src)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError(path, "encrypted") from None
    except PDFSyntaxError as exc:
        raise ReadError(path, "corrupt", "文件结构无法解析") from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise _classify(path, exc) from None


def _classify(path: str, exc: BaseException, where: str = "") -> ReadError:
    """pdfplumber wraps pdfminer's errors: look inside for a password error."""
    chain = [exc, *[a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]]
    if exc.__cause__ is not None:
        chain.append(exc.__cause__)
    for e in chain:
        name = type(e).__name__
        if "Password" in name or "Encrypt" in name:
            return ReadError(path, "encrypted")
    inner = chain[-1]
    return ReadError(path, "corrupt", where.strip())  # the page; the parser's own (English) error name is no help


def read_pdf(path: str, data: bytes | None = None, *, workers: int | None = None,
             labels: dict[int, str] | None = None) -> tuple[list[Item], int]:
    """Return the page-ordered items and the page count; `labels`, when given, receives the number
    each page prints (running.page_labels) before the page-number lines are dropped.

    Long documents are read in contiguous page ranges by worker processes (see pages.py): pages are
    independent, so the items are the same as reading them in order, only sooner.
    """
    from .pages import page_ranges, read_ranges

    pdf = _open(path, data)
    try:
        try:
            npages = len(pdf.pages)
        except Exception as exc:
            raise _classify(path, exc) from None
        ranges = page_ranges(npages, workers)
        if len(ranges) > 1:
            parts = read_ranges(path, ranges, local=lambda start, end: read_range(path, start, end, pdf=pdf),
                                remote=read_range)
        else:
            parts = [read_range(path, 0, npages, pdf=pdf)]
    finally:
        pdf.close()
    return finish(path, parts, npages, labels), npages


def finish(path: str, parts: list[tuple[list[Item], int, int]], npages: int,
           labels: dict[int, str] | None = None) -> list[Item]:
    """Both readers' last step: the printed page numbers kept as labels, running lines dropped, and
    the checks that a file has no text to read."""
    from .running import drop_running_lines, page_labels

    raw = [it for part in parts for it in part[0]]
    if labels is not None:
        labels.update(page_labels(raw))
    items = drop_running_lines(raw)
    total_chars = sum(p[1] for p in parts)
    cid_chars = sum(p[2] for p in parts)
    if npages == 0:
        raise ReadError(path, "corrupt", "没有页面")
    if total_chars == 0:
        raise ReadError(path, "no_text_layer")
    lines = sum(1 for it in items if isinstance(it, LineItem))
    if lines and cid_chars > lines / 2:
        raise ReadError(path, "no_text_layer", "字体缺少编码映射，文字无法还原")
    return items


def read_range(path: str, start: int, end: int, *, pdf: Any = None) -> tuple[list[Item], int, int]:
    """Pages start..end-1 (0-based) -> (items, characters, characters without a code map)."""
    own = pdf is None
    if own:
        pdf = _open(path, None)
    items: list[Item] = []
    total_chars = cid_chars = 0
    try:
        pages = pdf.pages
        for index in range(start, end):
            page = pages[index]
            try:
                page_items, nchars = _read_page(page, index + 1)
            except ReadError:
                raise
            except Exception as exc:
                raise _classify(path, exc, f"第{index + 1}页 ") from None
            total_chars += nchars
            cid_chars += sum(1 for it in page_items if isinstance(it, LineItem) and "(cid:" in it.text)
            items.extend(page_items)
            page.close()  # frees the page's parsed objects: memory stays flat on long documents
    finally:
        if own:
            pdf.close()
    return items, total_chars, cid_chars


def _words_text(words: list[dict]) -> str:
    return clean_cell("\n".join(_line_text(ln) for ln in cluster_lines(words)))


def _grid(table: Any, words: list[dict], taken: set[int]) -> tuple[list[list[str]], list[list[dict]], list[float]]:
    """Fill the table's cells with the page's words; return the rows, caption rows' words and the
    left edge of each column (a continuation page's grid is matched to its table by these).

    Each word goes to the smallest cell holding its centre, so a frame drawn around the whole
    page does not swallow the table, and a wrapped 科目名称 stays one cell.
    """
    rows = table.rows
    cells: list[list[list[dict]]] = [[[] for _ in r.cells] for r in rows]
    for w in _split_at_edges(words, table):
        cx = (w["x0"] + w["x1"]) / 2
        cy = (w["top"] + w["bottom"]) / 2
        best = None
        best_area = float("inf")
        for ri, r in enumerate(rows):
            if not (r.bbox[1] - 1 <= cy <= r.bbox[3] + 1):
                continue
            for ci, c in enumerate(r.cells):
                if c is None or not (c[0] - 1 <= cx <= c[2] + 1 and c[1] - 1 <= cy <= c[3] + 1):
                    continue
                area = (c[2] - c[0]) * (c[3] - c[1])
                if area < best_area:
                    best, best_area = (ri, ci), area
        if best is not None:
            cells[best[0]][best[1]].append(w)
            taken.add(id(w))
    width = table.bbox[2] - table.bbox[0]
    grid: list[list[str]] = []
    captions: list[list[dict]] = []
    ncells = max(len(r.cells) for r in rows)
    widths = [0.0] * ncells
    lefts = [float("inf")] * ncells
    for r in rows:
        for ci, c in enumerate(r.cells):
            if c is not None:
                widths[ci] = max(widths[ci], c[2] - c[0])
                lefts[ci] = min(lefts[ci], c[0])
    for ri, r in enumerate(rows):
        filled = [ci for ci, ws in enumerate(cells[ri]) if ws]
        if len(filled) == 1 and len(r.cells) > 2:
            c = r.cells[filled[0]]
            if c is not None and (c[2] - c[0]) > 0.6 * width and (ri == 0 or ri == len(rows) - 1):
                captions.append(cells[ri][filled[0]])  # a title or 单位 line inside a page frame
                continue
        grid.append([_words_text(ws) if ws else "" for ws in cells[ri]])
    if grid:
        ncols = max(len(g) for g in grid)
        grid = [g + [""] * (ncols - len(g)) for g in grid]
        # a sliver column between a page frame and the table is not a column
        keep = [j for j in range(ncols) if any(g[j] for g in grid) or (j < len(widths) and widths[j] >= 12)]
        grid = [[g[j] for j in keep] for g in grid]
        lefts = [lefts[j] if j < len(lefts) else float("inf") for j in keep]
    return grid, captions, lefts


_FIGURE = re.compile(r"^-?[\d,]+\.\d+$")


def _split_at_edges(words: list[dict], table: Any) -> list[dict]:
    """A figure too wide for its cell runs into the next one and is extracted glued to it
    ("107.00000057.000000"); such a word is cut at the ruled edge when both pieces are figures."""
    out: list[dict] = []
    for w in words:
        chars = w.get("chars")
        if not chars or w["text"].count(".") < 2:
            out.append(w)
            continue
        cy = (w["top"] + w["bottom"]) / 2
        edges = sorted({c[0] for r in table.rows if r.bbox[1] <= cy <= r.bbox[3] for c in r.cells if c is not None})
        cut = next((x for x in edges if w["x0"] + 1 < x < w["x1"] - 1), None)
        text = "".join(c["text"] for c in chars)
        # where to cut: both pieces figures printed to the same decimals, nearest the edge
        ks = [
            k for k in range(1, len(chars))
            if _FIGURE.match(text[:k]) and _FIGURE.match(text[k:])
            and len(text[:k].split(".")[1]) == len(text[k:].split(".")[1])
        ]
        if cut is None or not ks or len(text) != len(w["text"]):
            out.append(w)
            continue
        k = min(ks, key=lambda k: abs(chars[k]["x0"] - cut))
        left, right = chars[:k], chars[k:]
        texts = [text[:k], text[k:]]
        for part, text in zip((left, right), texts):
            out.append({**w, "text": text, "chars": part, "x0": part[0]["x0"], "x1": part[-1]["x1"]})
    return out


def _carried_row(rows: list[list[str]]) -> bool:
    """A lone ruled row with a name and a figure: the row a page break carried over."""
    if len(rows) != 1:
        return False
    filled = [c for c in rows[0] if c]
    amounts = [c for c in filled if parse_amount(c) is not None and ("." in c or "," in c)]
    return len(filled) >= 2 and bool(amounts) and len(filled) > len(amounts)


def _on_page(w: dict, page: Any) -> bool:
    """Text placed off the page (an Excel print area leaking past the sheet) is clipped, not printed."""
    x0, top, x1, bottom = page.bbox
    cx = (w["x0"] + w["x1"]) / 2
    cy = (w["top"] + w["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _from_baseline(w: dict) -> dict:
    """A font whose metrics put every glyph below its baseline (Chongqing's digit font: the box of
    "208" starts where the baseline of "社会保障和就业支出" is) draws its figures half a row lower
    than they are printed; the word then lands in the next ruled row and on a line of its own.
    Such a word's box is rebuilt from its baseline, as an ordinary font's would be."""
    chars = w.get("chars")
    if not chars:
        return w
    c = chars[0]
    m = c.get("matrix")
    size = c.get("size") or 0
    if not m or size <= 0 or m[1] or m[2] or m[3] <= 0:
        return w  # rotated or mirrored text: leave it
    descent = (c["y0"] - m[5]) / size  # an ordinary font: about -0.1 to -0.3
    if -0.6 <= descent <= 0.3:
        return w
    baseline = c["bottom"] + (c["y0"] - m[5])  # in top-down page coordinates
    return {**w, "top": baseline - 0.8 * size, "bottom": baseline + 0.2 * size}


def _undo_inverted_box(page: Any) -> None:
    """A MediaBox written upside down ([0 595 842 0]) renders normally, but pdfminer shifts every
    object by the box's first y (x) corner, so the whole page lands off the page and would be
    dropped as text placed off the page. Shift the objects back."""
    from pdfminer.pdftypes import resolve1

    if page.page_obj is None:
        return  # a page built from pdfium's objects: its frame is normalised already
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in resolve1(page.page_obj.attrs.get("MediaBox")))
    except (TypeError, ValueError):
        return
    dx, dy = x0 - min(x0, x1), y0 - min(y0, y1)
    if not dx and not dy or page.rotation:
        return
    for objs in page.objects.values():
        for o in objs:
            if "top" in o:
                o["top"] -= dy
                o["bottom"] -= dy
                o["doctop"] -= dy
                o["y0"] += dy
                o["y1"] += dy
            if "x0" in o:
                o["x0"] += dx
                o["x1"] += dx
            if "matrix" in o:
                a, b, c, d, e, f = o["matrix"]
                o["matrix"] = (a, b, c, d, e + dx, f + dy)
            if "pts" in o:
                o["pts"] = [(x + dx, y - dy) for x, y in o["pts"]]


def _read_page(page: Any, pageno: int) -> tuple[list[Item], int]:
    _undo_inverted_box(page)
    chars = page.chars
    if not chars and not page.edges:
        return [], 0  # (a page of rules only may hold a table's last, empty row)
    words = [] if not chars else page.extract_words(
        keep_blank_chars=False, x_tolerance=1.5, y_tolerance=3, extra_attrs=["size"], return_chars=True
    )
    words = [_from_baseline(w) for w in words if _on_page(w, page)]
    grids: list[GridItem] = []
    taken: set[int] = set()
    if page.edges:
        ruled = ruled_page(page)
        settings = dict(_TABLE_SETTINGS)
        closing = closing_lines(ruled)
        if closing:
            settings["explicit_horizontal_lines"] = closing
        for t in ruled.find_tables(settings):
            if max(len(r.cells) for r in t.rows) < 2:
                continue  # a framed paragraph, not a table
            claimed: set[int] = set()
            rows, captions, lefts = _grid(t, words, claimed)
            blank = not any(c for r in rows for c in r)
            if len(t.rows) < 2 and not (blank or _carried_row(rows)):
                continue  # one framed line is a paragraph; one row of figures is a table's last row
            taken |= claimed
            for cap in captions:
                for w in cap:
                    taken.discard(id(w))
            if not rows:
                continue  # (a blank grid is kept: the assembler keeps it only to continue a table)
            # captions inside a frame sit above the grid: the grid starts below them
            top = max([t.bbox[1]] + [w["bottom"] for cap in captions for w in cap if w["top"] < t.bbox[1] + 0.5 * (t.bbox[3] - t.bbox[1])])
            grids.append(
                GridItem(rows=rows, page=pageno, top=top, bottom=t.bbox[3], row_pages=[pageno] * len(rows), col_x=lefts)
            )
    free = [w for w in words if id(w) not in taken]
    lines = cluster_lines(free)
    out: list[Item] = []
    if lines:
        left = min(ln[0]["x0"] for ln in lines)
        right = max(ln[-1]["x1"] for ln in lines)
        height = float(page.height)
        for ln in lines:
            text = _line_text(ln).strip()
            if not text:
                continue
            top = min(w["top"] for w in ln)
            size = max(w.get("size", 10) for w in ln)
            if _PAGE_NUMBER.match(text) and (top > height * 0.85 or top < height * 0.1):
                # the page number: never text, but what it prints names the page (running.page_labels)
                out.append(LineItem(text=text, page=pageno, top=top, page_number=True))
                continue
            x0, x1 = ln[0]["x0"], ln[-1]["x1"]
            out.append(
                LineItem(
                    text=text,
                    page=pageno,
                    top=top,
                    x0=x0,
                    x1=x1,
                    size=size,
                    indent=x0 > left + 1.5 * size,
                    short=x1 < right - 2 * size,
                )
            )
    out.extend(grids)
    out.sort(key=lambda it: it.top)
    return out, len(chars)
