"""Reads a draft workbook (.xlsx) into the same item stream as PDF and text.

A department fills one workbook per disclosure: a sheet per table, narrative in (merged) cells.
Sheets are read by their content, not their names: the title rows above a grid become the lines
the assembler takes titles, 编制单位 and 单位 from, exactly as above a printed table; merged header
cells carry their label in the top-left cell and nothing in the others, as pdfplumber returns
them; a narrative cell becomes one paragraph per line of its text.

A formula cell counts by the value Excel saved with it, and its formula goes into the evidence
(Origin.formulas). A formula with no saved value (written by a program, never opened in Excel)
is read as its formula text, so no check takes it for a figure and T106 reports it 无法核对.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import ReadError
from ..location import Location, Origin
from ..tables.kinds import title_pattern, unit_pattern
from .items import GridItem, Item, LineItem, clean_cell

_CAPTION = re.compile(r"^(编制部门|编制单位|部门|单位|填报单位|预算单位|金额单位)(名称)?[:：]")
_NOTE = re.compile(r"^[（(]?(备注|注[:：]|注\d|说明[:：])")


def check_size(path: str, data: bytes, limit: int) -> None:
    """A workbook or document is a zip: its parts may unpack to far more than the file's size.
    The same limit as for a PDF applies to each unpacked part (a 100 MB sheet is refused)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                if info.file_size > limit:
                    raise ReadError(path, "too_large", f"{info.filename} 解压后 {info.file_size // (1024 * 1024)} MB")
    except zipfile.BadZipFile:
        raise ReadError(path, "corrupt", "不是完整的 zip 包") from None


def read_xlsx(path: str, data: bytes) -> list[Item]:
    import openpyxl

    # read-only mode parses cell values without building the row and column formatting a template
    # carries down a thousand rows (six times faster on the 普陀区 template); merged ranges are not
    # needed: a merged cell's text is in its top-left cell and the others are empty, as printed
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
        raw = {ws.title: _cells(ws) for ws in sheets}
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken package
        raise ReadError(path, "corrupt", "Excel 文件结构无法解析") from None
    saved: dict[str, dict[tuple[int, int], Any]] = {}
    pending = {t: {k for k, (_v, kind, _f) in cells.items() if kind == "f"} for t, cells in raw.items()}
    if any(pending.values()):
        # the values Excel saved with formula cells live in a second view of the same file
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for title, want in pending.items():
            if want:
                saved[title] = {k: v for k, (v, _kind, _f) in _cells(values[title]).items() if k in want}
        values.close()
    wb.close()
    items: list[Item] = []
    for ws in sheets:
        items.extend(_read_sheet(path, ws.title, raw[ws.title], saved.get(ws.title, {})))
    return items


def _cells(ws: Any) -> dict[tuple[int, int], tuple[Any, str, str]]:
    """(row, column) -> (value, data type, number format) for every cell holding something."""
    ws.reset_dimensions()  # a stale <dimension> must not cut rows off
    out: dict[tuple[int, int], tuple[Any, str, str]] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                out[(cell.row, cell.column)] = (cell.value, cell.data_type, cell.number_format)
    return out


def _read_sheet(path: str, title: str, raw: dict[tuple[int, int], tuple[Any, str, str]],
                saved: dict[tuple[int, int], Any]) -> list[Item]:
    cells: dict[int, dict[int, str]] = {}
    formulas: dict[tuple[int, int], str] = {}
    for (r, c), (value, kind, fmt) in sorted(raw.items()):
        if kind == "f":
            formula = value if isinstance(value, str) else getattr(value, "text", str(value))
            formula = formula if formula.startswith("=") else "=" + formula
            formulas[(r, c)] = formula
            cached = saved.get((r, c))
            text = formula if cached is None else _text(cached, fmt)
        else:
            text = _text(value, fmt)
        if text:
            cells.setdefault(r, {})[c] = text
    items: list[Item] = []
    grid: GridItem | None = None
    grid_cols: list[int] = []

    def close_grid() -> None:
        nonlocal grid
        if grid is not None:
            _finish(grid, grid_cols)
            items.append(grid)
        grid = None

    for r in sorted(cells):
        row = cells[r]
        texts = list(row.values())
        if grid is None and (len(row) == 1 or all(_caption(t) for t in texts)):
            for c, t in row.items():
                items.extend(_lines(path, title, r, c, t))
            continue
        if grid is not None and len(row) == 1 and _ends_grid(texts[0]):
            close_grid()
            c, t = next(iter(row.items()))
            items.extend(_lines(path, title, r, c, t))
            continue
        if grid is None:
            grid = GridItem(rows=[], page=None, origin=Origin(file=path, sheet=title, formulas=formulas))
            grid_cols = []
        grid.rows.append(row)  # type: ignore[arg-type]  # a dict by column until _finish
        grid.row_lines.append(r)
        grid.row_pages.append(None)
        grid_cols = sorted(set(grid_cols) | set(row))
    close_grid()
    return items


def _finish(grid: GridItem, cols: list[int]) -> None:
    """Rows keyed by sheet column -> lists over the columns the grid uses (empty ones dropped)."""
    grid.rows = [[clean_cell(row.get(c, "")) for c in cols] for row in grid.rows]  # type: ignore[union-attr]
    assert grid.origin is not None
    grid.origin.columns = list(cols)


def _caption(text: str) -> bool:
    return bool(_CAPTION.match(text) or unit_pattern().search(text) or title_pattern().match(text))


def _ends_grid(text: str) -> bool:
    """A single cell under a table: a note, a sentence, or the next table's title."""
    return bool(_NOTE.match(text) or "。" in text or len(text) > 40 or (title_pattern().match(text) and len(text) > 6))


def _lines(path: str, sheet: str, r: int, c: int, text: str) -> list[LineItem]:
    from ..location import column_letter

    loc = Location(file=path, sheet=sheet, cell=f"{column_letter(c)}{r}")
    out = []
    for part in text.split("\n"):
        t = part.replace("\u3000", " ").strip()
        if t:
            out.append(LineItem(text=t, page=None, indent=True, short=True, loc=loc))
    return out


def _decimals(fmt: str) -> int | None:
    """Decimals a number format prints: '#,##0.00' -> 2; None for General (print as stored)."""
    section = (fmt or "General").split(";")[0]
    if section == "General" or "0" not in section:
        return None
    m = re.search(r"\.(0+)", section)
    return len(m.group(1)) if m else 0


def _text(value: Any, fmt: str) -> str:
    """A cell as it would print: numbers in their format's decimals (a printed 2-decimal figure
    stands for ±0.005), with thousands separators when the format has them."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, Decimal)):
        try:
            d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            return str(value)
        percent = "%" in (fmt or "")
        if percent:
            d *= 100
        places = _decimals(fmt)
        if places is not None:
            d = d.quantize(Decimal(1).scaleb(-places))
        sep = "," if "," in (fmt or "") and not percent else ""
        text = format(d, f"{sep}f")
        return text + ("%" if percent else "")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).replace("\r", "").strip("\n").rstrip()
