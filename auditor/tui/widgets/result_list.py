"""The result list: one row per claim or check under a heading per group, keyed by the review key.

Results come in the audit's order (the narrative's claims as they are read, then the tables, the
cross-table checks, the disclosure checks), each group under a heading row with its counts, and
every pass after them under one 通过 heading, so a review opens on the findings; the
filter dialog can sort by verdict instead, and then the headings are the verdicts. A heading row is
never the current row: the cursor steps over it in the direction it was moving.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from ...results import VERDICT_LABELS
from ..session import Session
from .badges import badge_compact, status_text

HEAD_STYLE = "bold"


class ResultList(DataTable):
    """A DataTable in row mode. Rows are review keys so the cursor survives filtering."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, **kwargs)
        self.shown: list[int] = []  # result indices in list order (headings left out)
        self._rows: list[int | None] = []  # per table row: the result index, None for a heading
        self._headings: list[tuple[str, str, list[int]]] = []  # (row key, group, its results)
        self._session: Session | None = None
        self._width = 0
        self._text_width = 40
        self._last_row = 0

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
        self._rows = []
        self._headings = []
        self.clear(columns=True)
        fixed = 8 + 5 + 3
        text_width = self._text_width = max(8, self.size.width - fixed - 2)  # 2: the vertical scrollbar
        self.add_column("结论", key="verdict", width=8)
        self.add_column(" 规则", key="rule", width=5)
        self.add_column(" 审", key="review", width=3)
        self.add_column(" 内容", key="text", width=text_width)
        groups: dict[str, list[int]] = {}
        for i in self.shown:
            groups.setdefault(session.group(i), []).append(i)
        current_group = None
        for i in self.shown:
            g = session.group(i)
            if g != current_group:
                current_group = g
                key = f"group:{g}:{len(self._rows)}"
                self.add_row(*self._heading(session, g, groups[g]), key=key)
                self._headings.append((key, g, groups[g]))
                self._rows.append(None)
            self.add_row(*self._cells(session, i, text_width), key=session.keys[i])
            self._rows.append(i)
        if self.shown:
            self.select_result(keep if keep in self.shown else self.shown[0])

    def refresh_result(self, session: Session, i: int) -> None:
        """Redraw one row after a decision, and the counts of its group's heading (no rebuild: the
        cursor does not move, and a result overridden to 通过 stays where the reviewer is until
        the list is next filled)."""
        if i not in self.shown:
            return
        key = session.keys[i]
        verdict, _rule, review, _text = self._cells(session, i, self._text_width)
        self.update_cell(key, "verdict", verdict)
        self.update_cell(key, "review", review)
        for row_key, group, members in self._headings:
            if i in members:
                self.update_cell(row_key, "text", self._heading(session, group, members)[3])

    def current(self) -> int | None:
        """The result under the cursor; on a heading, the first result of its group."""
        rows = self._rows
        if not self.shown or self.cursor_row < 0 or self.cursor_row >= len(rows):
            return None
        for k in range(self.cursor_row, len(rows)):
            if rows[k] is not None:
                return rows[k]
        return None

    def select_result(self, i: int) -> bool:
        if i not in self.shown:
            return False
        row = self._rows.index(i)
        self._last_row = row
        self.move_cursor(row=row, animate=False, scroll=False)
        # a jump (n, N, a filter) lands a third of the way down, with what comes before in view
        self.call_after_refresh(self._place, row)
        return True

    def _place(self, row: int) -> None:
        if self.cursor_row == row:
            self.scroll_to(y=max(0, row - max(1, self.scrollable_content_region.height // 3)), animate=False)

    def watch_cursor_coordinate(self, old, new) -> None:  # type: ignore[override]
        """Step over heading rows, in the direction the cursor was moving (no message for a heading)."""
        row = new.row
        if 0 <= row < len(self._rows) and self._rows[row] is None:
            step = -1 if 0 < row < self._last_row else 1
            target = row + step
            if 0 <= target < len(self._rows):
                self.refresh_row(old.row)
                self._last_row = target
                self.move_cursor(row=target, animate=False)
                if step > 0 and row > 0:
                    self.call_after_refresh(self._show_heading, row)
                return
        self._last_row = row
        super().watch_cursor_coordinate(old, new)

    def _show_heading(self, row: int) -> None:
        """After moving down past a heading, keep the heading in view above the first row."""
        if self.scroll_y > row:
            self.scroll_to(y=row, animate=False)

    @staticmethod
    def _heading(session: Session, group: str, members: list[int]) -> tuple[Text, Text, Text, Text]:
        """"━━━━━━━━ N  叙述核对 56 条，不通过 1": the family letter stands in the rule column; the
        counts go by the verdict in force."""
        counts: dict[str, int] = {}
        for i in members:
            v = session.effective(i)
            counts[v] = counts.get(v, 0) + 1
        letter, _, name = group.partition(" ") if " " in group else ("", "", group)
        text = Text(f" {name} ", style=HEAD_STYLE)
        parts = [f"{VERDICT_LABELS[v]}{counts[v]}" for v in ("fail", "warn", "unverified")
                 if counts.get(v) and VERDICT_LABELS[v] != name]
        text.append(f"{len(members)} 条" + ("：" + " ".join(parts) if parts else ""), style="dim")
        rule = Text(f" {letter}", style=f"bold {_family_style(letter)}".strip())
        return Text("━" * 8, style="dim"), rule, Text(""), text

    @staticmethod
    def _cells(session: Session, i: int, width: int) -> tuple[Text, Text, Text, Text]:
        r = session.results[i]
        shown = session.effective(i)
        b = badge_compact(shown)
        if shown != r.verdict:
            b = Text.assemble(b, ("*", "bold magenta"))
        text = session.label(i)
        d = session.decision(i)
        mark = Text.assemble(" ", status_text(session.status(i)))
        if d and d.comment:
            mark.append("✎", style="cyan")
        rule = Text(f" {r.rule}", style=_family_style(r.rule))
        line = text.replace("\n", " ")
        if r.span is not None:  # a claim's label ends with its figure: cut the words before it instead
            line = keep_end(line, width - 1)
        return b, rule, mark, Text(" " + line, no_wrap=True, overflow="ellipsis")


def keep_end(text: str, width: int) -> str:
    """`text` in `width` cells, cut at its start ("…服务支出 688.27 万元") so the end stays whole."""
    if cell_len(text) <= width:
        return text
    out = text.lstrip("…")
    while out and cell_len(out) + 1 > width:
        out = out[1:]
    return "…" + out


def _family_style(rule: str) -> str:
    return {"T": "#90caf9", "X": "#ce93d8", "N": "", "D": "#a5d6a7"}.get(rule[:1], "")
