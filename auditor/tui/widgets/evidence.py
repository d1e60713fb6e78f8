"""The evidence table, scrolled to the compared cells, those cells highlighted, the unit in the title."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...model import Table
from ...results import Result
from ..session import Session, find_cell

CELL_STYLE = "bold black on #ffd54f"
FOCUS_STYLE = "bold white on #c62828"


class EvidenceGrid(DataTable):
    """A DataTable that keeps the compared cell in a fixed place: two rows below the top edge.

    DataTable's own scroll-into-view moves as little as possible, so where the cell lands depends
    on where the grid was scrolled before and on whether its size had settled. An absolute
    position, re-applied whenever the size or content size changes, gives the same picture every
    time (which the snapshot tests rely on) and keeps the row's neighbours in view.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, fixed_columns=1, **kwargs)
        self.target: tuple[int, int] | None = None  # (row, grid column)

    def aim(self, row: int, column: int) -> None:
        self.target = (row, column)
        self.move_cursor(row=row, column=column, animate=False, scroll=False)
        self.settle()
        self.call_after_refresh(self.settle)

    def settle(self) -> None:
        if self.target is None:
            return
        row, column = self.target
        widths = [c.get_render_width(self) for c in self.ordered_columns]
        view = self.scrollable_content_region.width
        x = 0
        if sum(widths[: column + 1]) > view:
            x = sum(widths[1:column])
        self.scroll_to(x=x, y=max(0, row - 2), animate=False, immediate=True)

    def on_resize(self) -> None:
        self.settle()
        self.call_after_refresh(self.settle)  # again once the layout has caught up

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        # DataTable schedules this after rebuilding; while the cursor is on the compared cell the
        # absolute position wins, once the reader moves the cursor DataTable scrolls as usual.
        if self.target is not None and tuple(self.cursor_coordinate) == self.target:
            self.settle()
        else:
            super()._scroll_cursor_into_view(animate=animate)

    def watch_virtual_size(self) -> None:
        self.settle()
        self.call_after_refresh(self.settle)


class EvidenceView(Vertical):
    """Title line + a DataTable of the whole evidence table. Rebuilt only when the table changes."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._table_id: str | None = None
        self._lit: list[tuple[int, int, str]] = []  # (row, grid column, printed text) now highlighted
        self._keys: list[str] = []  # grid columns: the table's column keys, each once

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-title")
        yield EvidenceGrid(id="evidence-table")

    @property
    def grid(self) -> EvidenceGrid:
        return self.query_one("#evidence-table", EvidenceGrid)

    def show(self, session: Session, r: Result, which: int = 0) -> None:
        """Show evidence item `which` (cycled with t); other cells of the same table are lit too."""
        title = self.query_one("#evidence-title", Static)
        placed = [e for e in r.evidence if session.table(e.table_id) is not None]
        if not placed:
            title.update(Text("没有可显示的证据表。" if not r.evidence else "证据所在的表格未能定位。", style="dim"))
            self._load(None)
            return
        focus = placed[which % len(placed)]
        table = session.table(focus.table_id)
        assert table is not None
        self._load(table)
        self._unlight()
        grid = self.grid
        target: tuple[int, int] | None = None
        for e in placed:
            if e.table_id != table.id:
                continue
            cell = find_cell(table, e)
            if cell is None:
                continue
            self._light(table, cell, FOCUS_STYLE if e is focus else CELL_STYLE)
            if e is focus:
                target = cell
        head = Text.assemble(
            (f"{table.number or ''}{table.title}", "bold"),
            ("　单位：", "dim"),
            (table.unit or "未注明", "bold cyan"),
        )
        others = len(placed) - 1
        if others:
            head.append(f"　证据 {which % len(placed) + 1}/{len(placed)}（t 切换）", style="dim")
        title.update(head)
        if target is not None:
            grid.aim(target[0], self._pos(table, target[1]) + 1)
        else:
            grid.target = None

    def _load(self, table: Table | None) -> None:
        tid = table.id if table else None
        if tid == self._table_id:
            return
        self._table_id = tid
        self._lit = []
        grid = self.grid
        grid.clear(columns=True)
        grid.target = None
        if table is None:
            return
        label_width = min(max((len(r.label) for r in table.rows), default=4) * 2, 14 if self.size.width < 50 else 26)
        # Two-sided tables (收入 | 支出) list each side's rows in turn; showing one set of columns keeps
        # the grid narrow enough for 80 columns, each row filling the cells of its own side.
        self._keys = list(dict.fromkeys(c.key for c in table.columns))
        narrow = self.app.size.width < 100
        label_width = min(max((len(r.label) for r in table.rows), default=4) * 2, 12 if narrow else 26)
        grid.add_column("项目", key="__row__", width=label_width)
        for j, key in enumerate(self._keys):
            grid.add_column(key, key=f"c{j}")
        for i, row in enumerate(table.rows):
            cells = [row.cells.get(k) for k in self._keys]
            label = f"{row.side[:1]}·{row.label}" if table.two_sided and row.side else row.label
            grid.add_row(
                Text(label, no_wrap=True, overflow="ellipsis"),
                *(Text(c.text if c else "", justify="right") for c in cells),
                key=str(i),
            )

    def _pos(self, table: Table, j: int) -> int:
        return self._keys.index(table.columns[j].key)

    def _light(self, table: Table, cell: tuple[int, int], style: str) -> None:
        i, j = cell
        c = table.rows[i].cells.get(table.columns[j].key)
        printed = c.text if c else ""
        pos = self._pos(table, j)
        self.grid.update_cell(str(i), f"c{pos}", Text(printed or "（空白）", style=style, justify="right"))
        self._lit.append((i, pos, printed))

    def _unlight(self) -> None:
        for i, j, printed in self._lit:
            self.grid.update_cell(str(i), f"c{j}", Text(printed, justify="right"))
        self._lit = []
