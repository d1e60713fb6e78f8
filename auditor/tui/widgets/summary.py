"""The counts line above the list: verdicts, review progress, active filters."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...results import VERDICT_LABELS
from ...review import STATUS_LABELS
from ..rule_text import family_name
from ..session import Session
from .badges import VERDICT_STYLES

_ORDER = ("fail", "warn", "unverified", "pass")


def filter_label(session: Session) -> str:
    f = session.filters
    parts = []
    if f.verdict:
        parts.append("非通过" if f.verdict == "open" else VERDICT_LABELS[f.verdict])
    if f.family:
        parts.append(f"{f.family} {family_name(f.family)}")
    if f.status:
        parts.append("有批注" if f.status == "commented" else STATUS_LABELS[f.status])
    if f.query:
        parts.append(f"“{f.query}”")
    if f.order == "verdict":
        parts.append("不通过在前")
    return "、".join(parts)


class SummaryBar(Static):
    def show(self, session: Session, shown: int) -> None:
        c = session.counts()
        t = Text()
        for v in _ORDER:
            t.append(f" {VERDICT_LABELS[v]} {c[v]} ", style=VERDICT_STYLES[v])
            t.append(" ")
        t.append(f"已审 {session.reviewed()}/{len(session.results)}")
        label = filter_label(session)
        if label:
            t.append(f"  筛选：{label}（{shown} 条）", style="bold cyan")
        self.update(t)
