"""pdfium's objects as pdfplumber's: characters with pdfminer's boxes, painted paths as lines,
rectangles and curves (see pdfium.py for why).

Every call goes through ctypes with lean prototypes: a page of a table makes tens of thousands of
them, so what is fixed for a text object (its matrix, size, the font's descent) or a glyph (its
advance) is asked once.
"""

from __future__ import annotations

import ctypes
from typing import Any

_MAX_FORM_DEPTH = 8  # form XObjects nest; a loop of them is a broken file, not a table


def _ctm(rotation: int, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    """pdfminer's initial matrix: user space to the page's own frame (origin at the box's corner)."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotation == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotation == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def _mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF order: row vector times m times n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _decimals(m: Any) -> tuple[float, ...]:
    """A matrix pdfium keeps in single precision, back to the 7 digits the stream printed: the table
    finder compares edges that meet exactly, and float noise must not decide whether they meet."""
    return tuple(float(f"{v:.7g}") for v in m)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


class Frame:
    """The page's frame: pdfminer's coordinates (y up, from the box's corner) and pdfplumber's (top down)."""

    def __init__(self, page: Any) -> None:
        import pypdfium2.raw as R

        raw = page.raw
        box = [round(v, 4) for v in page.get_mediabox()]  # single precision, back to the stream's decimals
        x0, y0, x1, y1 = min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])
        rotation = (R.FPDFPage_GetRotation(raw) * 90) % 360
        self.ctm = _ctm(rotation, (x0, y0, x1, y1))
        if rotation in (90, 270):
            x0, y0, x1, y1 = y0, x0, y1, x1
        self.height = y1 - y0
        # pdfplumber's bbox: the MediaBox turned top-down; its objects are shifted back by its corner
        self.bbox = (x0, self.height - y1, x1, self.height - y0)
        self.dx = x0
        self.dtop = self.bbox[1]

    def top(self, y: float) -> float:
        return self.height - y + self.dtop


_LIB: Any = None


def _lib() -> Any:
    """pdfium's functions with lean prototypes (handles as plain addresses): pypdfium2's typed
    wrappers cost a few microseconds a call, and a page of a table calls them tens of thousands of times."""
    global _LIB
    if _LIB is None:
        import pypdfium2.raw  # noqa: F401 - loads and initialises the library
        from pypdfium2_raw import bindings

        loaded = bindings._libs["pdfium"]  # the library pypdfium2 loaded (its name differs by platform)
        lib = ctypes.CDLL(loaded._name, handle=loaded._handle)  # same library, our own prototypes
        vp, ci, d, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
        pd, pf = ctypes.POINTER(d), ctypes.POINTER(f)
        protos = {
            "FPDFText_CountChars": (ci, [vp]),
            "FPDFText_GetUnicode": (ctypes.c_uint, [vp, ci]),
            "FPDFText_IsGenerated": (ci, [vp, ci]),
            "FPDFText_HasUnicodeMapError": (ci, [vp, ci]),
            "FPDFText_IsHyphen": (ci, [vp, ci]),
            "FPDFText_GetTextObject": (vp, [vp, ci]),
            "FPDFText_GetCharOrigin": (ci, [vp, ci, pd, pd]),
            "FPDFText_GetLooseCharBox": (ci, [vp, ci, vp]),
            "FPDFText_GetFontSize": (d, [vp, ci]),
            "FPDFText_GetMatrix": (ci, [vp, ci, vp]),
            "FPDFTextObj_GetFont": (vp, [vp]),
            "FPDFFont_GetDescent": (ci, [vp, f, pf]),
            "FPDFFont_GetGlyphWidth": (ci, [vp, ctypes.c_uint, f, pf]),
            "FPDFPage_CountObjects": (ci, [vp]),
            "FPDFPage_GetObject": (vp, [vp, ci]),
            "FPDFFormObj_CountObjects": (ci, [vp]),
            "FPDFFormObj_GetObject": (vp, [vp, ctypes.c_ulong]),
            "FPDFPageObj_GetType": (ci, [vp]),
            "FPDFPageObj_GetMatrix": (ci, [vp, vp]),
            "FPDFPageObj_GetBounds": (ci, [vp, pf, pf, pf, pf]),
            "FPDFTextObj_GetText": (ctypes.c_ulong, [vp, vp, vp, ctypes.c_ulong]),
            "FPDFFont_GetIsEmbedded": (ci, [vp]),
            "FPDFPath_GetDrawMode": (ci, [vp, ctypes.POINTER(ci), ctypes.POINTER(ci)]),
            "FPDFPageObj_GetFillColor": (ci, [vp] + [ctypes.POINTER(ctypes.c_uint)] * 4),
            "FPDFPageObj_GetStrokeColor": (ci, [vp] + [ctypes.POINTER(ctypes.c_uint)] * 4),
            "FPDFPageObj_GetStrokeWidth": (ci, [vp, pf]),
            "FPDFPath_CountSegments": (ci, [vp]),
            "FPDFPath_GetPathSegment": (vp, [vp, ci]),
            "FPDFPathSegment_GetPoint": (ci, [vp, pf, pf]),
            "FPDFPathSegment_GetType": (ci, [vp]),
            "FPDFPathSegment_GetClose": (ci, [vp]),
        }
        for name, (res, args) in protos.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        _LIB = lib
    return _LIB


def address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


_SKIP = frozenset((0, 0x02, 0x0A, 0x0D, 0xFFFE))
_MAYBE_GENERATED = frozenset((0x20, 0x0A, 0x0D, 0x02, 0xFFFE))


def chars(tp: Any, frame: Frame, number: int) -> list[dict]:
    """The page's characters as pdfplumber's char objects (pdfminer's box for each)."""
    L = _lib()
    raw = address(tp.raw)
    n = L.FPDFText_CountChars(raw)
    out: list[dict] = []
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    rect_p = ctypes.addressof(rect)
    m = (ctypes.c_float * 6)()  # FS_MATRIX
    m_p = ctypes.addressof(m)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pox, poy = ctypes.byref(ox), ctypes.byref(oy)
    out_f = ctypes.c_float()
    pout = ctypes.byref(out_f)
    unicode_of, generated, map_error = L.FPDFText_GetUnicode, L.FPDFText_IsGenerated, L.FPDFText_HasUnicodeMapError
    text_object, origin, loose = L.FPDFText_GetTextObject, L.FPDFText_GetCharOrigin, L.FPDFText_GetLooseCharBox
    styles: dict[int, tuple] = {}  # per text object: matrix in the page frame, size, descent, font
    widths: dict[tuple, float] = {}  # (font, character, size) -> advance
    glyph_width = L.FPDFFont_GetGlyphWidth
    ctm = frame.ctm
    height, dx, dtop = frame.height, frame.dx, frame.dtop
    append = out.append
    for i in range(n):
        u = unicode_of(raw, i)
        if u in _MAYBE_GENERATED and generated(raw, i):
            continue  # spaces and line breaks pdfium infers: pdfminer has none
        if map_error(raw, i) == 1:
            text = f"(cid:{u})"
        elif u == 0x02 and L.FPDFText_IsHyphen(raw, i) == 1:
            text = "-"  # pdfium's mark for a hyphen ending a line ("2022年-" over "2023年"): the printed "-"
        elif u in _SKIP:
            continue
        else:
            text = chr(u) if u < 0xD800 or 0xE000 <= u < 0x110000 else "\ufffd"
        obj = text_object(raw, i) or 0
        style = styles.get(obj)
        if style is None:
            L.FPDFText_GetMatrix(raw, i, m_p)
            fs = round(L.FPDFText_GetFontSize(raw, i), 4)
            font = L.FPDFTextObj_GetFont(obj) if obj else None
            d = round(out_f.value, 4) if font and L.FPDFFont_GetDescent(font, 1.0, pout) else 0.0
            a, b, c, dd = (float(f"{v:.7g}") for v in (m[0], m[1], m[2], m[3]))  # single precision: 7 digits
            lin = _mul((a, b, c, dd, 0.0, 0.0), ctm)
            style = styles[obj] = (lin, fs, d * fs, font, b == 0 and c == 0 and a > 0, a)
        lin, fs, lo, font, plain, a = style
        origin(raw, i, pox, poy)
        # pdfminer's adv: the font's width for the glyph (/W, /Widths), in text space. pdfium's
        # loose box is wider on some glyphs (KaiTi's 金 by 0.8%), which moves word gaps
        adv = widths.get((font, u, fs)) if font else None
        if adv is None:
            if font and u < 0x110000 and glyph_width(font, u, fs, pout) and out_f.value > 0:
                adv = round(out_f.value, 4)
            elif plain:
                loose(raw, i, rect_p)
                adv = round((rect[2] - rect[0]) / a, 4)
            else:
                adv = fs
            if font:
                widths[(font, u, fs)] = adv
        ca, cb, cc, cd = lin[0], lin[1], lin[2], lin[3]
        # pdfium keeps positions in single precision; pdfminer in double, from the decimals the
        # content stream prints: rounded back to those decimals, a gap compared with a threshold
        # (a word break, a space) falls on the same side in both readers
        ex, ey = _apply(ctm, round(ox.value, 4), round(oy.value, 4))
        # pdfminer's box: two corners of (0, descent)-(adv, descent + size) through the matrix
        y_lo, y_hi = lo, lo + fs
        px0, py0 = ca * 0.0 + cc * y_lo + ex, cb * 0.0 + cd * y_lo + ey
        px1, py1 = ca * adv + cc * y_hi + ex, cb * adv + cd * y_hi + ey
        if px1 < px0:
            px0, px1 = px1, px0
        if py1 < py0:
            py0, py1 = py1, py0
        append({
            "object_type": "char",
            "page_number": number,
            "text": text,
            "x0": px0 + dx,
            "x1": px1 + dx,
            "y0": py0,
            "y1": py1,
            "top": height - py1 + dtop,
            "bottom": height - py0 + dtop,
            "doctop": height - py1 + dtop,
            "width": px1 - px0,
            "height": py1 - py0,
            "size": py1 - py0,
            "upright": ca * cd > 0 and cb * cc <= 0,
            "matrix": (ca, cb, cc, cd, ex, ey),
        })
    return out


_PROBE = ctypes.c_float()


def _lost(L: Any, obj: int, text_page: int) -> bool:
    """A text object pdfium could not lay out: no extent, no text, in a CJK font (one that encodes
    一) that is not embedded; pdfium has no glyphs for it and drops its characters, where
    pdfminer still reads them through the font's ToUnicode map."""
    if L.FPDFTextObj_GetText(obj, text_page, None, 0) > 2:
        return False
    font = L.FPDFTextObj_GetFont(obj)
    if not font or L.FPDFFont_GetIsEmbedded(font):
        return False
    return bool(L.FPDFFont_GetGlyphWidth(font, 0x4E00, 10.0, ctypes.byref(_PROBE))) and _PROBE.value > 0


def paths(page: Any, frame: Frame, number: int, text_page: int) -> dict[str, list[dict]]:
    """The page's painted paths as pdfplumber's line, rect and curve objects (with what the page
    reader asks of them: fill, stroke, fill colour; no stroke colour or width, which nothing reads)."""
    L = _lib()
    out: dict[str, list[dict]] = {"line": [], "rect": [], "curve": []}
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    p_fill, p_stroke = ctypes.byref(fillmode), ctypes.byref(stroke)
    rgba = [ctypes.c_uint() for _ in range(4)]
    prgba = [ctypes.byref(v) for v in rgba]
    m = (ctypes.c_float * 6)()
    m_p = ctypes.addressof(m)
    seg = _Segments(L)
    get_type, draw_mode, get_matrix = L.FPDFPageObj_GetType, L.FPDFPath_GetDrawMode, L.FPDFPageObj_GetMatrix
    get_bounds = L.FPDFPageObj_GetBounds
    box = [ctypes.c_float() for _ in range(4)]
    p_l, p_b, p_r, p_t = (ctypes.byref(v) for v in box)
    lost = [0]

    def walk(count: Any, get: Any, holder: int, outer: tuple[float, ...], depth: int) -> None:
        for k in range(count(holder)):
            obj = get(holder, k)
            kind = get_type(obj)
            if kind == _FORM and depth < _MAX_FORM_DEPTH:
                get_matrix(obj, m_p)
                walk(L.FPDFFormObj_CountObjects, L.FPDFFormObj_GetObject, obj, _mul(_decimals(m), outer), depth + 1)
                continue
            if kind == _TEXT:
                if (get_bounds(obj, p_l, p_b, p_r, p_t) and box[0].value == box[2].value
                        and box[1].value == box[3].value and _lost(L, obj, text_page)):
                    lost[0] += 1
                continue
            if kind != _PATH or not draw_mode(obj, p_fill, p_stroke):
                continue
            fill, strk = fillmode.value != 0, bool(stroke.value)
            if not fill and not strk:
                continue
            get_matrix(obj, m_p)
            tm = _mul(_decimals(m), outer)
            ncolor = None
            if fill and L.FPDFPageObj_GetFillColor(obj, *prgba):
                ncolor = (rgba[0].value / 255, rgba[1].value / 255, rgba[2].value / 255)
            style = (strk, fill, fillmode.value == 1, ncolor)  # 1: FPDF_FILLMODE_ALTERNATE
            for shape, pts in seg.subpaths(obj, tm):
                _paint(out, shape, pts, style, frame, number)

    walk(L.FPDFPage_CountObjects, L.FPDFPage_GetObject, address(page.raw), frame.ctm, 0)
    out["lost_text"] = lost[0]  # type: ignore[assignment]
    return out


_TEXT, _PATH, _FORM = 1, 2, 5  # FPDF_PAGEOBJ_TEXT, _PATH, _FORM
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2  # FPDF_SEGMENT_*


class _Segments:
    """A path's subpaths as pdfminer records them: operators m/l/c/h and one point each (a curve's
    end point; h returns to the start)."""

    def __init__(self, lib: Any) -> None:
        self.L = lib
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.px, self.py = ctypes.byref(self.x), ctypes.byref(self.y)

    def subpaths(self, obj: int, tm: tuple[float, ...]) -> list[tuple[str, list[tuple[float, float]]]]:
        L = self.L
        get_segment, get_point = L.FPDFPath_GetPathSegment, L.FPDFPathSegment_GetPoint
        get_type, get_close = L.FPDFPathSegment_GetType, L.FPDFPathSegment_GetClose
        a, b, c, d, e, f = tm
        x, y, px, py = self.x, self.y, self.px, self.py
        out: list[tuple[str, list[tuple[float, float]]]] = []
        shape = ""
        pts: list[tuple[float, float]] = []
        bezier = 0
        for s in range(L.FPDFPath_CountSegments(obj)):
            segment = get_segment(obj, s)
            get_point(segment, px, py)
            kind = get_type(segment)
            px_, py_ = round(x.value, 4), round(y.value, 4)  # the stream's decimals, as pdfminer parses them
            pt = (a * px_ + c * py_ + e, b * px_ + d * py_ + f)
            if kind == _MOVETO:
                if shape:
                    out.append((shape, pts))
                shape, pts, bezier = "m", [pt], 0
            elif kind == _BEZIERTO:
                bezier += 1
                if bezier % 3:
                    continue  # control points: pdfminer keeps a curve's end point
                shape += "c"
                pts.append(pt)
            else:
                shape += "l"
                pts.append(pt)
            if get_close(segment):
                shape += "h"
                pts.append(pts[0])
        if shape:
            out.append((shape, pts))
        return out


def _paint(out: dict[str, list[dict]], shape: str, pts: list[tuple[float, float]], style: tuple,
           frame: Frame, number: int) -> None:
    """pdfminer's paint_path for one subpath (LTLine, LTRect or LTCurve), then pdfplumber's dict."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if len(pts) < 2:
        return
    if shape in ("mlh", "ml"):
        kind = "line"
        pts = pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        kind = "rect" if closed and square else "curve"
    else:
        kind = "curve"
    stroke, fill, evenodd, ncolor = style
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    bx0, bx1, by0, by1 = min(xs), max(xs), min(ys), max(ys)
    top = frame.top(by1)
    obj = {
        "object_type": kind,
        "page_number": number,
        "x0": bx0 + frame.dx,
        "x1": bx1 + frame.dx,
        "y0": by0,
        "y1": by1,
        "top": top,
        "bottom": frame.top(by0),
        "doctop": top,
        "width": bx1 - bx0,
        "height": by1 - by0,
        "stroke": stroke,
        "fill": fill,
        "evenodd": evenodd,
        "non_stroking_color": ncolor,
        "pts": [(px + frame.dx, frame.top(py)) for px, py in pts],
    }
    out[kind].append(obj)
