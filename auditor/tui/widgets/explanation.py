"""Why the verdict: rule, claimed vs expected, tolerance, message, evidence, the reviewer's decision."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...results import SEVERITY_LABELS, VERDICT_LABELS, Result
from ...review import STATUS_LABELS, Decision
from ..rule_text import rule_info
from .badges import badge


def explanation_text(r: Result, decision: Decision | None, *, evidence: bool = True) -> Text:
    title, _why = rule_info(r.rule)
    t = Text()
    t.append_text(badge(r.verdict))
    t.append(f" {r.rule}", style="bold")
    if title != r.rule:
        t.append(f" {title}")
    t.append(f"　{SEVERITY_LABELS.get(r.severity, r.severity)}", style="dim")
    if r.page:
        t.append(f"　第{r.page}页", style="dim")
    t.append("\n")
    if r.claimed or r.expected:
        t.append("叙述值 " if r.kind == "claim" else "表中值 ", style="dim")
        t.append(_fig(r.claimed), style="bold")
        t.append("　核对值 ", style="dim")
        t.append(_fig(r.expected), style="bold")
        if r.tolerance:
            t.append(f"　容差 {r.tolerance}", style="dim")
        t.append("\n")
    t.append(r.message)
    t.append("\n")
    if evidence and r.evidence:
        for e in r.evidence[:6]:
            page = f"第{e.page}页 " if e.page else ""
            t.append(f"· {page}{e.table}「{e.row}」{e.column} = {e.value or '空白'}{e.unit or ''}\n", style="dim")
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


def _fig(f) -> str:
    return f"{f.value}{f.unit or ''}" if f else "—"


class ExplanationView(Static):
    def show(self, r: Result, decision: Decision | None) -> None:
        self.update(explanation_text(r, decision))
