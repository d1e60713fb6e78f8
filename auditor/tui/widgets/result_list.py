"""The result list: one row per claim or check, badge first, keyed by the review key."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ..session import Session
from .badges import badge, status_text


class ResultList(DataTable):
    """A DataTable in row mode. Rows are review keys so the cursor survives filtering."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.shown: list[int] = []
        self._session: Session | None = None
        self._width = 0

    def on_resize(self) -> None:
        """Refit the text column when the list changes width (terminal resized)."""
        if self._session is not None and self.size.width != self._width:
            self.fill(self._session, self.current())

    def fill(self, session: Session, keep: int | None) -> None:
        """Show the visible results; the cursor stays on `keep` if it is still shown.

        Columns are rebuilt each time so the text column fits the list's current width (no
        horizontal scrolling in a list that is read top to bottom).
        """
        self._session = session
        self._width = self.size.width
        self.shown = session.visible()
        self.clear(columns=True)
        fixed = 10 + 4 + 3
        text_width = max(8, self.size.width - fixed - 2 * self.cell_padding * 4 - 2)
        self.add_column("结论", key="verdict", width=10)
        self.add_column("规则", key="rule", width=4)
        self.add_column("审", key="review", width=3)
        self.add_column("内容", key="text", width=text_width)
        for i in self.shown:
            self.add_row(*self._cells(session, i), key=session.keys[i])
        if self.shown:
            row = self.shown.index(keep) if keep in self.shown else 0
            self.move_cursor(row=row, animate=False)

    def refresh_result(self, session: Session, i: int) -> None:
        """Redraw one row after a decision (no rebuild, the cursor does not move)."""
        if i not in self.shown:
            return
        key = session.keys[i]
        verdict, _rule, review, _text = self._cells(session, i)
        self.update_cell(key, "verdict", verdict)
        self.update_cell(key, "review", review)

    def current(self) -> int | None:
        if not self.shown or self.cursor_row < 0 or self.cursor_row >= len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def select_result(self, i: int) -> bool:
        if i not in self.shown:
            return False
        self.move_cursor(row=self.shown.index(i), animate=False)
        return True

    @staticmethod
    def _cells(session: Session, i: int) -> tuple[Text, Text, Text, Text]:
        r = session.results[i]
        shown = session.effective(i)
        b = badge(shown)
        if shown != r.verdict:
            b = Text.assemble(b, ("*", "bold magenta"))
        text = session.label(i)
        d = session.decision(i)
        mark = status_text(session.status(i))
        if d and d.comment:
            mark = Text.assemble(mark, ("✎", "cyan"))
        return b, Text(r.rule), mark, Text(text.replace("\n", " "), no_wrap=True, overflow="ellipsis")
