"""The counts line above the list: verdicts, review progress, active filters."""

from __future__ import annotations

from rich.cells import cell_len
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
    """The counts as whole pieces: a line breaks between two pieces, never inside one
    (Rich's own wrapping split "已审 0/208" at its space when the counts ran long)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._pieces: list[Text] = []

    def show(self, session: Session, shown: int) -> None:
        c = session.counts()
        pieces = [Text(f" {VERDICT_LABELS[v]} {c[v]} ", style=VERDICT_STYLES[v]) for v in _ORDER]
        pieces.append(Text(f"已审 {session.reviewed()}/{len(session.results)}"))
        label = filter_label(session)
        if label:
            pieces.append(Text(f"筛选：{label}（{shown} 条）", style="bold cyan"))
        self._pieces = pieces
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.content_size.width or 80
        t = Text()
        used = 0
        for k, piece in enumerate(self._pieces):
            n = cell_len(piece.plain)
            if k and used + 1 + n > width:
                t.append("\n")
                used = 0
            elif k:
                t.append(" ")
                used += 1
            t.append_text(piece)
            used += n
        self.update(t)
