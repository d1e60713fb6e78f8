"""The result list for colleagues who work in spreadsheets: CSV or XLSX with verdicts, decisions, comments.

Headless (openpyxl is imported only when an XLSX is asked for). CSV is written as UTF-8 with a BOM
so that Excel opens the Chinese text correctly on a double click.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import IO, Any

from ..results import SEVERITY_LABELS, VERDICT_LABELS, Result
from ..review import STATUS_LABELS, ReviewState, annotate

HEADERS = (
    "文件", "编号", "规则", "结论", "严重程度", "页码", "原文", "说明", "叙述值", "核对值", "容差",
    "证据", "审核状态", "审核结论", "最终结论", "批注", "审核时间", "键",
)
_WIDTHS = (24, 16, 7, 9, 9, 6, 50, 60, 14, 14, 12, 50, 9, 9, 9, 40, 22, 30)
_WRAP = ("原文", "说明", "证据", "批注")
_FILLS = {"fail": "F8CBAD", "warn": "FFE699", "unverified": "D9D9D9", "pass": "C6EFCE"}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value: Any) -> Any:
    """Text from an untrusted PDF, made safe for a spreadsheet: control characters (which XLSX
    cannot hold) removed, and a leading = + - @ (which Excel would run as a formula) quoted.
    A negative number such as "-171.12" stays as it is."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    if value[:1] in ("=", "+", "@") or (value[:1] == "-" and not re.match(r"-[\d.,]+(万元|元|%)?$", value)):
        return "'" + value
    return value


def report_rows(report: dict[str, Any]) -> list[list[Any]]:
    """One row per result of every document, in the order the audit gives them (the order a reviewer
    reads); an unreadable document is one row saying why. Works from the JSON report, so batch
    output and `audit export` share it."""
    out: list[list[Any]] = []
    for d in report["documents"]:
        if d["status"] == "error":
            out.append([d["path"], "", "", "无法读取", "", "", "", d["error"]["message"]] + [""] * (len(HEADERS) - 8))
            continue
        for r in d["results"]:
            rev = r.get("review") or {}
            status = rev.get("status", "pending")
            mine = rev.get("verdict")
            out.append([
                d["path"],
                r["id"],
                r["rule"],
                VERDICT_LABELS[r["verdict"]],
                SEVERITY_LABELS.get(r["severity"], r["severity"]),
                _page_cell(r),
                r.get("text") or "",
                r["message"],
                _fig(r.get("claimed")),
                _fig(r.get("expected")),
                r.get("tolerance") or "",
                "；".join(_evidence(e) for e in r.get("evidence", [])),
                STATUS_LABELS.get(status, status),
                VERDICT_LABELS[mine] if mine else "",
                VERDICT_LABELS[rev.get("effective") or mine or r["verdict"]],
                rev.get("comment", ""),
                rev.get("updated", "") or "",
                rev.get("key") or r["key"],
            ])
    return out


def _fig(f: dict | None) -> str:
    return f"{f['value']}{f.get('unit') or ''}" if f else ""


def _page_cell(r: dict) -> int | str:
    """The page as printed on it when it prints one ("46（PDF第48页）"), else the PDF's own number."""
    printed = (r.get("location") or {}).get("printed_page")
    if printed and r.get("page") is not None:
        return f"{printed}（PDF第{r['page']}页）"
    return r["page"] if r.get("page") is not None else ""


def _evidence(e: dict) -> str:
    printed = (e.get("location") or {}).get("printed_page")
    page = f"{e['location']['label']} " if printed else f"第{e['page']}页 " if e.get("page") else ""
    return f"{page}{e['table']}「{e['row']}」{e['column']} = {e['value'] or '空白'}{e.get('unit') or ''}"


def _single(path: str, results: list[Result], state: ReviewState | None) -> dict[str, Any]:
    """One document's results with their decisions, in the shape of the JSON report."""
    out = []
    for r, dec in zip(results, annotate(results, state)):
        d = r.as_dict()
        if dec is not None:
            d["review"] = dec
        out.append(d)
    return {"documents": [{"path": path, "status": "ok", "results": out}]}


def write_report_csv(target: str | os.PathLike[str] | IO[str], report: dict[str, Any]) -> None:
    """To a path (UTF-8 with a BOM, for Excel) or an open text stream (stdout: no BOM)."""
    if hasattr(target, "write"):
        _write_csv_rows(target, report)  # type: ignore[arg-type]
        return
    with Path(target).open("w", encoding="utf-8-sig", newline="") as fh:  # type: ignore[arg-type]
        _write_csv_rows(fh, report)


def _write_csv_rows(fh: IO[str], report: dict[str, Any]) -> None:
    w = csv.writer(fh)
    w.writerow(HEADERS)
    w.writerows([safe_cell(v) for v in row] for row in report_rows(report))


def write_csv(path: str | os.PathLike[str], results: list[Result], state: ReviewState | None, *,
              document: str = "") -> Path:
    write_report_csv(path, _single(document, results, state))
    return Path(path)


def write_xlsx(path: str | os.PathLike[str], results: list[Result], state: ReviewState | None, *, title: str = "",
               document: str = "") -> Path:
    return write_report_xlsx(path, _single(document, results, state), title=title)


def write_report_xlsx(path: str | os.PathLike[str], report: dict[str, Any], *, title: str = "") -> Path:
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
    for row in report_rows(report):
        ws.append([safe_cell(v) for v in row])
        r = ws.max_row
        for col in (verdict_col, final_col):
            c = ws.cell(row=r, column=col)
            fill = _FILLS.get(by_label.get(c.value, ""))
            if fill:
                c.fill = PatternFill("solid", start_color=fill, end_color=fill)
    for i, w in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wrap = Alignment(wrap_text=True, vertical="top")
    for name in _WRAP:
        col = get_column_letter(HEADERS.index(name) + 1)
        for c in ws[col][1:]:
            c.alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    if title:
        wb.properties.title = title
    wb.save(path)
    return Path(path)
