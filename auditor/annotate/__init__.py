"""Findings written back into copies of the files the reviewer works in: Word comments on the
sentence, marked cells and a 审校结果 sheet in a workbook, highlight notes in a PDF.

Annotators read report entries (the JSON form), so they work the same after a batch run on
worker processes. The original is never touched: each copy is written beside its final name and
put in place whole (auditor.atomic.replacing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import AUTHOR, KINDS, MARKED, Finding, belongs, evidence_line, findings

__all__ = ["AUTHOR", "KINDS", "MARKED", "Finding", "annotate", "belongs", "evidence_line", "findings", "plan", "target", "write_all"]

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
