"""The result list for colleagues who work in spreadsheets: CSV or XLSX with verdicts, decisions, comments.

Headless (openpyxl is imported only when an XLSX is asked for). CSV is written as UTF-8 with a BOM
so that Excel opens the Chinese text correctly on a double click.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from ..results import SEVERITY_LABELS, VERDICT_LABELS, Result
from ..review import STATUS_LABELS, ReviewState, review_keys

HEADERS = (
    "编号", "规则", "结论", "严重程度", "页码", "原文", "说明", "叙述值", "核对值", "容差",
    "证据", "审核状态", "审核结论", "最终结论", "批注", "审核时间", "键",
)
_WIDTHS = (16, 7, 9, 9, 6, 50, 60, 14, 14, 12, 50, 9, 9, 9, 40, 22, 30)
_FILLS = {"fail": "F8CBAD", "warn": "FFE699", "unverified": "D9D9D9", "pass": "C6EFCE"}


def rows(results: list[Result], state: ReviewState | None) -> list[list[Any]]:
    """One row per result, in the order the audit gives them (the order a reviewer reads)."""
    out: list[list[Any]] = []
    for key, r in zip(review_keys(results), results):
        d = state.get(key) if state else None
        status = d.status if d else "pending"
        effective = d.verdict if d and d.verdict else r.verdict
        out.append([
            r.id,
            r.rule,
            VERDICT_LABELS[r.verdict],
            SEVERITY_LABELS.get(r.severity, r.severity),
            r.page if r.page is not None else "",
            r.text,
            r.message,
            _fig(r.claimed),
            _fig(r.expected),
            r.tolerance or "",
            "；".join(_evidence(e) for e in r.evidence),
            STATUS_LABELS[status],
            VERDICT_LABELS[d.verdict] if d and d.verdict else "",
            VERDICT_LABELS[effective],
            d.comment if d else "",
            d.updated if d else "",
            key,
        ])
    return out


def _fig(f) -> str:
    return f"{f.value}{f.unit or ''}" if f else ""


def _evidence(e) -> str:
    page = f"第{e.page}页 " if e.page else ""
    return f"{page}{e.table}「{e.row}」{e.column} = {e.value or '空白'}{e.unit or ''}"


def write_csv(path: str | os.PathLike[str], results: list[Result], state: ReviewState | None) -> Path:
    p = Path(path)
    with p.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS)
        w.writerows(rows(results, state))
    return p


def write_xlsx(path: str | os.PathLike[str], results: list[Result], state: ReviewState | None, *, title: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "核对结果"
    ws.append(list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    verdict_col = HEADERS.index("结论") + 1
    final_col = HEADERS.index("最终结论") + 1
    by_label = {v: k for k, v in VERDICT_LABELS.items()}
    for row in rows(results, state):
        ws.append(row)
        r = ws.max_row
        for col in (verdict_col, final_col):
            c = ws.cell(row=r, column=col)
            fill = _FILLS.get(by_label.get(c.value, ""))
            if fill:
                c.fill = PatternFill("solid", start_color=fill, end_color=fill)
    for i, w in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wrap = Alignment(wrap_text=True, vertical="top")
    for col in ("F", "G", "K", "O"):
        for c in ws[col][1:]:
            c.alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    if title:
        wb.properties.title = title
    wb.save(path)
    return Path(path)
