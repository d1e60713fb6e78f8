"""The evidence pane: the table an evidence item names, scrolled to the compared cell and that cell
highlighted, the unit in the title; t steps through the items (for a cross-table result, from one
table to the other).

Not every result points at a cell. A disclosure check may name a whole table (no row, no column):
that table is shown from the top. A narrative check compares figures of the text with each other
(evidence table "叙述"): those figures are shown as a small table of their own. A result with no
evidence at all gets a line saying what the rule checked, from the rule catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from ...location import place
from ...model import Cell, Column, Row, Table
from ...results import Evidence, Result
from ..rule_text import rule_checks
from ..session import Session, find_cell, row_index
from .explanation import NARRATIVE, evidence_line

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


NARRATIVE_ID = "__narrative__"
NO_CELL = {
    "disclosure": "此项为公开完整性检查，不指向表格中的某个单元格。",
    "claim": "没有可对照的表格单元格。",
    "table": "没有可对照的表格单元格。",
    "cross_table": "没有可对照的表格单元格。",
}


@dataclass
class Item:
    """One evidence item placed in a table: where its cell is, if it names one."""

    evidence: Evidence
    table: Table
    row: int | None  # index in table.rows; None: the item names the whole table
    column: int | None  # index in table.columns; None: the row as a whole (its label is lit)


def narrative_table(r: Result) -> Table | None:
    """The figures a narrative check took from the text, as a two-column table (项目 | 数值)."""
    items = [e for e in r.evidence if _is_narrative(e)]
    if not items:
        return None
    rows = [
        Row(name=e.row, code=None, cells={"叙述中的数值": Cell(text=f"{e.value}{e.unit or ''}")}, page=e.page, index=k)
        for k, e in enumerate(items)
    ]
    column = Column(key="叙述中的数值", path=("叙述中的数值",), index=0)
    pages = sorted({e.page for e in items if e.page})
    return Table(id=f"{NARRATIVE_ID}{r.id}", title="叙述中的数字（不涉及表格）", kind="narrative", kind_name="叙述",
                 unit=None, pages=pages, columns=[column], rows=rows)


def evidence_items(session: Session, r: Result) -> list[Item]:
    """The evidence items that can be shown in a table, in the result's order."""
    out: list[Item] = []
    narrative = narrative_table(r)
    k = 0
    for e in r.evidence:
        if _is_narrative(e):
            assert narrative is not None
            out.append(Item(e, narrative, k, 0))
            k += 1
            continue
        table = session.table(e.table_id)
        if table is None:
            continue
        cell = find_cell(table, e)
        if cell is not None:
            out.append(Item(e, table, cell[0], cell[1]))
        else:
            out.append(Item(e, table, row_index(table, e.row) if e.row else None, None))
    return out


def _is_narrative(e: Evidence) -> bool:
    return e.table == NARRATIVE and not e.table_id


class EvidenceView(Vertical):
    """Title line + a DataTable of the whole evidence table (rebuilt only when the table changes),
    or a note when there is no table to show."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._table_id: str | None = None
        self._lit: list[tuple[str, str, Text]] = []  # (row key, column key, the plain cell) now highlighted
        self._keys: list[str] = []  # grid columns: the table's column keys, each once
        self._base_title: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-title")
        yield EvidenceGrid(id="evidence-table")
        with VerticalScroll(id="evidence-note-box"):
            yield Static(id="evidence-note")

    def on_mount(self) -> None:
        self.query_one("#evidence-note-box").display = False

    @property
    def grid(self) -> EvidenceGrid:
        return self.query_one("#evidence-table", EvidenceGrid)

    def show(self, session: Session, r: Result, which: int = 0) -> None:
        """Show evidence item `which` (cycled with t); other cells of the same table are lit too."""
        items = evidence_items(session, r)
        if self._base_title is None:
            self._base_title = str(self.border_title or "证据表")
        if not items:
            self._note(r)
            return
        focus = items[which % len(items)]
        table = focus.table
        n = len(items)
        self.border_title = f"{self._base_title} {which % n + 1}/{n}（t 切换）" if n > 1 else self._base_title
        if not table.rows:  # a printed header with nothing under it: say so instead of an empty grid
            self._empty_table(r, table, focus)
            return
        self._set_mode(table=True)
        self._load(table)
        self._unlight()
        for it in items:  # the focused cell last, so it wins where two items name the same cell
            if it.table.id == table.id and it.row is not None and it is not focus:
                self._light(it, CELL_STYLE)
        if focus.row is not None:
            self._light(focus, FOCUS_STYLE)
        self.query_one("#evidence-title", Static).update(self._head(table, focus))
        grid = self.grid
        if focus.row is None:  # the whole table: from the top, no cell singled out
            grid.show_cursor = False
            grid.aim(0, 0)
        else:
            grid.show_cursor = True
            grid.aim(focus.row, 0 if focus.column is None else self._pos(table, focus.column) + 1)

    def _head(self, table: Table, focus: Item) -> Text:
        """"表6 部门收支总表　第7页", cut to the pane's width (the unit heads the label column)."""
        number = f"{table.number} " if table.number else ""
        page = focus.evidence.page or (table.pages[0] if table.pages else None)
        head = Text(f"{number}{table.title}", style="bold")
        where = place(focus.evidence.location, page)  # a draft: the sheet and cell
        if where:
            head.append(f"　{where}", style="dim")
        if focus.row is None:
            head.append("　（整表）", style="dim")
        reading = table.reading  # said first, so a narrow pane cuts the title, not the warning
        if reading is not None and reading.doubtful:
            head = Text("［读取存疑］", style="bold red") + head
        elif reading is not None and not reading.unit_found and not table.id.startswith(NARRATIVE_ID):
            head = Text("［单位未标明］", style="yellow") + head
        width = self.content_size.width or self.app.size.width // 2
        head.truncate(max(8, width), overflow="ellipsis")
        return head

    def _note(self, r: Result) -> None:
        """No table to show: say why, what the rule checked, and list any evidence that could not be placed."""
        self._set_mode(table=False)
        self.border_title = self._base_title
        self._load(None)
        t = Text()
        if r.evidence:
            names = "、".join(dict.fromkeys(f"《{e.table}》" for e in r.evidence))
            t.append(f"证据所在的表格{names}未能在文中定位。\n")
        else:
            t.append(NO_CELL.get(r.kind, "没有可对照的表格单元格。") + "\n")
        t.append("核对内容：", style="bold")
        t.append(rule_checks(r.rule) + "\n")
        for e in r.evidence[:6]:
            t.append(evidence_line(e) + "\n", style="dim")
        self.query_one("#evidence-title", Static).update(Text("本条无表格证据", style="dim"))
        self.query_one("#evidence-note", Static).update(t)

    def _empty_table(self, r: Result, table: Table, focus: Item) -> None:
        self._set_mode(table=False)
        self._load(None)
        t = Text("这张表只有表头，没有数据行。\n")
        columns = list(dict.fromkeys(c.key for c in table.columns))
        if columns:
            t.append("栏目：", style="bold")
            t.append("、".join(columns) + "\n", style="dim")
        t.append("核对内容：", style="bold")
        t.append(rule_checks(r.rule) + "\n")
        self.query_one("#evidence-title", Static).update(self._head(table, focus))
        self.query_one("#evidence-note", Static).update(t)

    def _set_mode(self, *, table: bool) -> None:
        self.grid.display = table
        self.query_one("#evidence-note-box").display = not table

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
        # Two-sided tables (收入 | 支出) list each side's rows in turn; showing one set of columns keeps
        # the grid narrow enough for 80 columns, each row filling the cells of its own side.
        self._keys = list(dict.fromkeys(c.key for c in table.columns))
        label_width = self._label_width(table)
        head = "叙述中的项目" if table.id.startswith(NARRATIVE_ID) else f"单位：{table.unit or '未注明'}"
        grid.add_column(head, key="__row__", width=max(label_width, 10))
        for j, key in enumerate(self._keys):
            grid.add_column(key, key=f"c{j}")
        for i, row in enumerate(table.rows):
            cells = [row.cells.get(k) for k in self._keys]
            grid.add_row(
                self._label(table, row),
                *(Text(c.text if c else "", justify="right") for c in cells),
                key=str(i),
            )

    def _label_width(self, table: Table) -> int:
        """As wide as the longest row label, but leaving room for the first value column (and at
        most 18 cells on a narrow terminal, 26 on a wide one, so several columns stay in view)."""
        labels = [self._label(table, r).cell_len for r in table.rows]
        need = max(labels, default=4)
        first = max([cell_len(self._keys[0])] + [cell_len(r.cells[self._keys[0]].text)
                                                 for r in table.rows if self._keys[0] in r.cells]) if self._keys else 0
        pane = self.content_size.width or self.app.size.width // 2
        cap = 18 if self.app.size.width < 100 else 26
        return max(10, min(need, cap, pane - first - 6))

    @staticmethod
    def _label(table: Table, row: Row, style: str = "") -> Text:
        label = f"{row.side[:1]}·{row.label}" if table.two_sided and row.side else row.label
        return Text(label, style=style, no_wrap=True, overflow="ellipsis")

    def _pos(self, table: Table, j: int) -> int:
        return self._keys.index(table.columns[j].key)

    def _light(self, it: Item, style: str) -> None:
        table, i = it.table, it.row
        assert i is not None
        row = table.rows[i]
        if it.column is None:  # the row itself (a subject name, say): light its label
            self.grid.update_cell(str(i), "__row__", self._label(table, row, style))
            self._lit.append((str(i), "__row__", self._label(table, row)))
            return
        c = row.cells.get(table.columns[it.column].key)
        printed = c.text if c else ""
        key = f"c{self._pos(table, it.column)}"
        self.grid.update_cell(str(i), key, Text(printed or "（空白）", style=style, justify="right"))
        self._lit.append((str(i), key, Text(printed, justify="right")))

    def _unlight(self) -> None:
        for row_key, column_key, plain in self._lit:
            self.grid.update_cell(row_key, column_key, plain)
        self._lit = []
