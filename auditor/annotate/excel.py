"""A marked-up copy of a workbook: each compared cell of a 不通过/存疑 finding filled and given an
Excel comment, and a 审校结果 sheet listing every finding with a link to its cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..atomic import replacing
from ..report.export import safe_cell
from .common import AUTHOR, MARKED, belongs, findings

FILL = {"fail": "FFC7CE", "warn": "FFEB9C"}
SHEET = "审校结果"


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def annotate_xlsx(src: str, dst: Path, entry: dict[str, Any], group: list[str]) -> int:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.load_workbook(src)
    if SHEET in wb.sheetnames:  # a copy annotated before: its old list is replaced
        del wb[SHEET]
    notes: dict[tuple[str, str], list[str]] = {}
    worst: dict[tuple[str, str], str] = {}
    listed: list[tuple[Any, tuple[str, str] | None]] = []
    for f in findings(entry):
        first = None
        places = [f.where] + [e.get("location") for e in f.evidence]
        for loc in places:
            if not belongs(loc, src, group) or not loc.get("sheet") or not loc.get("cell"):
                continue
            if loc["sheet"] not in wb.sheetnames:
                continue
            key = (loc["sheet"], loc["cell"])
            first = first or key
            if f.verdict in MARKED:
                if f.note() not in notes.setdefault(key, []):
                    notes[key].append(f.note())
                if worst.get(key) != "fail":
                    worst[key] = f.verdict
        listed.append((f, first))
    for (sheet, ref), texts in notes.items():
        cell = wb[sheet][ref]
        cell.fill = PatternFill("solid", fgColor=FILL[worst[(sheet, ref)]])
        comment = Comment("\n\n".join(texts), AUTHOR)
        comment.width, comment.height = 360, min(60 + 60 * len(texts), 600)
        cell.comment = comment
    ws = wb.create_sheet(SHEET, 0)
    ws.append(["序号", "结论", "规则", "位置", "说明", "原文"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for k, (f, first) in enumerate(listed, 1):
        label = f.where.get("label") or ""
        if first is not None:
            label = f"{first[0]}!{first[1]}"
        ws.append([k, f.label, f.rule, safe_cell(label), safe_cell(f.message), safe_cell(f.text)])
        if first is not None:
            cell = ws.cell(ws.max_row, 4)
            cell.hyperlink = f"#{_quoted(first[0])}!{first[1]}"
            cell.font = Font(color="0563C1", underline="single")
    for col, width in zip("ABCDEF", (6, 8, 8, 28, 80, 60)):
        ws.column_dimensions[col].width = width
    with replacing(Path(dst)) as tmp:
        wb.save(str(tmp))
    return sum(len(v) for v in notes.values())
