"""Why the verdict: rule, claimed vs expected, tolerance, message, evidence, the reviewer's decision."""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import Static

from ...location import place
from ...results import SEVERITY_LABELS, VERDICT_LABELS, Evidence, Figure, Result
from ...review import STATUS_LABELS, Decision
from ..rule_text import rule_title
from .badges import badge

NARRATIVE = "叙述"  # the table name of evidence taken from the narrative itself (N106–N108)
_PLAIN_NUMBER = re.compile(r"(-?)(\d{4,})(\.\d+)?")


def explanation_text(r: Result, decision: Decision | None, *, evidence: bool = True) -> Text:
    title = rule_title(r.rule)
    t = Text()
    t.append_text(badge(r.verdict))
    t.append(f" {r.rule}", style="bold")
    if title:
        t.append(f" {title}")
    t.append(f"　{SEVERITY_LABELS.get(r.severity, r.severity)}", style="dim")
    where = place(r.location, r.page)
    if where:
        t.append(f"　{where}", style="dim")
    t.append("\n")
    if r.claimed or r.expected:
        t.append("叙述值 " if r.kind == "claim" else "表中值 ", style="dim")
        t.append(_fig(r.claimed, r.kind != "claim"), style="bold")
        t.append("　核对值 ", style="dim")
        t.append(_fig(r.expected, True), style="bold")
        if r.tolerance:
            t.append(f"　容差 {r.tolerance}", style="dim")
        t.append("\n")
    t.append(r.message)
    t.append("\n")
    if evidence and r.evidence:
        for e in r.evidence[:6]:
            t.append(evidence_line(e) + "\n", style="dim")
        if len(r.evidence) > 6:
            t.append(f"· 另有 {len(r.evidence) - 6} 项证据\n", style="dim")
    if decision is not None:
        t.append("审核：", style="bold")
        t.append(STATUS_LABELS[decision.status], style="bold magenta" if decision.verdict else "bold green")
        if decision.verdict:
            t.append(f"（{VERDICT_LABELS[r.verdict]} → {VERDICT_LABELS[decision.verdict]}）")
        if decision.comment:
            t.append(f"　批注：{decision.comment}", style="cyan")
        t.append("\n")
    return t


def evidence_line(e: Evidence) -> str:
    """One evidence item as a reader says it. Disclosure checks name a whole table (no row, no
    column) and narrative checks name a figure of the text; neither has a cell to print."""
    page = place(e.location, e.page)
    page = f"{page} " if page else ""
    value = f"{e.value}{e.unit or ''}" if e.value else "空白"
    if e.table == NARRATIVE and not e.table_id:
        return f"· {page}叙述「{e.row}」{value}"
    if not e.row and not e.column:
        return f"· {page}《{e.table}》" + (f"：{e.value}" if e.value else "")
    where = f"「{e.row}」" if e.row else ""
    column = f"{e.column} " if e.column else ""
    formula = f"（公式 {e.location.formula}）" if e.location and e.location.formula else ""
    return f"· {page}{e.table}{where}{column}= {value}{formula}"


def _fig(f: Figure | None, group: bool) -> str:
    """A figure with its unit; a bare table amount (6882717.96) gets thousands separators so it
    reads like the printed cell (6,882,717.96); a figure quoted from the narrative stays as written."""
    if f is None:
        return "—"
    value = f.value
    m = _PLAIN_NUMBER.fullmatch(value) if group else None
    if m:
        value = f"{m.group(1)}{int(m.group(2)):,}{m.group(3) or ''}"
    return f"{value}{f.unit or ''}"


class ExplanationView(Static):
    def show(self, r: Result, decision: Decision | None) -> None:
        self.update(explanation_text(r, decision))
