"""Findings written back into copies of the files the reviewer works in: Word comments on the
sentence, marked cells and a 审校结果 sheet in a workbook, highlight notes in a PDF.

Annotators read report entries (the JSON form), so they work the same after a batch run on
worker processes. The original is never touched: each copy is written beside its final name and
put in place whole (auditor.atomic.replacing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..results import VERDICT_LABELS

KINDS = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf"}
MARKED = ("fail", "warn")  # written into the file; the 审校结果 sheet also lists 无法核对
AUTHOR = "auditor 审校"


@dataclass
class Finding:
    """One non-passing result as an annotator needs it."""

    rule: str
    verdict: str
    message: str
    text: str
    where: dict[str, Any]  # the result's location (dict form)
    evidence: list[dict[str, Any]]

    @property
    def label(self) -> str:
        return VERDICT_LABELS.get(self.verdict, self.verdict)

    def note(self) -> str:
        """The comment text: rule, verdict, message, then each compared value with its place."""
        lines = [f"[{self.label}] {self.rule} {self.message}"]
        for e in self.evidence:
            line = evidence_line(e)
            if line:
                lines.append(line)
        return "\n".join(lines)

    @property
    def placed(self) -> bool:
        """Whether the finding names a place in a file (a sentence, cell, paragraph or page);
        a document-level finding (D101 no tables read, D104 a section missing) names none."""
        return any(_names_a_place(loc) for loc in [self.where] + [e.get("location") for e in self.evidence])


def _names_a_place(loc: dict[str, Any] | None) -> bool:
    return bool(loc) and any(loc.get(k) for k in ("file", "page", "sheet", "cell", "paragraph", "line"))


def evidence_line(e: dict[str, Any]) -> str:
    """"依据：表·行·列 = 值单位（位置）": the value and its unit only when there is a value (a
    check that names a whole table, as R101 does, has none: "= 元" said nothing)."""
    loc = (e.get("location") or {}).get("label") or (f"第{e['page']}页" if e.get("page") else "")
    what = "·".join(str(x) for x in (e.get("table"), e.get("row"), e.get("column")) if x)
    value = e.get("value")
    value = "" if value is None else str(value).strip()
    formula = (e.get("location") or {}).get("formula")
    if not (what or value or loc):
        return ""
    shown = what + (f" = {value}{e.get('unit') or ''}" if value else "")
    return f"依据：{shown}" + (f"（{loc}）" if loc else "") + (f" 公式 {formula}" if formula else "")


def findings(entry: dict[str, Any], verdicts: tuple[str, ...] = ("fail", "warn", "unverified")) -> list[Finding]:
    out = []
    for r in entry.get("results", []):
        verdict = (r.get("review") or {}).get("effective") or r["verdict"]  # a reviewer's 改判 counts
        if verdict not in verdicts:
            continue
        out.append(Finding(rule=r["rule"], verdict=verdict, message=r["message"], text=r.get("text") or "",
                           where=r.get("location") or {"page": r.get("page")}, evidence=r.get("evidence") or []))
    return out


def belongs(loc: dict[str, Any] | None, path: str, group: list[str]) -> bool:
    """A location names its file only when the disclosure spans several."""
    if not loc:
        return False
    f = loc.get("file")
    return (f == path) if f else len(group) == 1


def target(src: str, out: str, many: bool) -> Path:
    """OUT itself for one input; DIR/<name>.审校.<ext> when several inputs or OUT is a folder."""
    o = Path(out)
    if many or o.is_dir():
        p = Path(src)
        return o / f"{p.stem}.审校{p.suffix}"
    return o


def annotate(entry: dict[str, Any], group: list[str], dst_of: dict[str, Path]) -> list[str]:
    """Writes each file of one disclosure's annotated copy; returns one line per file written or skipped."""
    lines = []
    for path in group:
        kind = KINDS.get(Path(path).suffix.lower())
        dst = dst_of[path]
        if kind is None:
            lines.append(f"{path}：文本文件不能批注，已跳过")
            continue
        if entry.get("status") != "ok":
            lines.append(f"{path}：无法读取，未写批注")
            continue
        if kind == "docx":
            from .word import annotate_docx as fn
        elif kind == "xlsx":
            from .excel import annotate_xlsx as fn
        else:
            from .pdf import annotate_pdf as fn
        n = fn(path, dst, entry, group)
        lines.append(f"{dst}：{n} 条批注")
    return lines


def plan(out: str, groups: list[list[str]]) -> tuple[dict[str, Path], str | None]:
    """Where each input's annotated copy goes, or why it cannot: a copy never replaces an input."""
    files = [f for g in groups for f in g]
    many = len(files) > 1
    if many:
        Path(out).mkdir(parents=True, exist_ok=True)
    dst = {f: target(f, out, many) for f in files}
    inputs = {Path(f).resolve() for f in files}
    for f, d in dst.items():
        if d.resolve() in inputs:
            return dst, f"--annotate 的输出会覆盖输入文件：{d}"
        kind = KINDS.get(Path(f).suffix.lower())
        if not many and kind and d.suffix.lower() != Path(f).suffix.lower():
            return dst, f"--annotate 输出须与输入同一格式（{Path(f).suffix}）：{d}"
    return dst, None


def write_all(dst: dict[str, Path], groups: list[list[str]], entries: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for group, entry in zip(groups, entries):
        lines.extend(annotate(entry, group, dst))
    return lines
