"""All keys, read from bindings.py (the one place they are declared)."""

from __future__ import annotations

from rich.table import Table as RichTable
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...rules.catalogue import FAMILIES
from .. import bindings


def help_table() -> RichTable:
    known = bindings.by_id()
    t = RichTable(show_header=False, box=None, padding=(0, 2))
    t.add_column(style="bold cyan", no_wrap=True)
    t.add_column()
    for section, ids in bindings.SECTIONS:
        t.add_row(f"[bold]{section}[/]", "")
        for bid in ids:
            b = known[bid]
            t.add_row(bindings.key_label(b), b.description)
    t.add_row("", "")
    t.add_row("Tab", "焦点依次到结果列表、原文、证据表、核对说明（↑↓ 在其中滚动；j/k 始终移动列表）")
    t.add_row("", "")
    t.add_row("[bold]规则族[/]", "列表按审核顺序分组；f 可只看一族，或改为不通过在前")
    for family, name in FAMILIES.items():
        t.add_row(family, name)
    return t


class HelpDialog(ModalScreen[None]):
    """The keys, scrolled within the dialog: at 24 rows they do not fit, and the hint must stay."""

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "关闭", id="dialog.close"),
        Binding("j,down", "scroll(1)", "下滚", id="dialog.down", show=False),
        Binding("k,up", "scroll(-1)", "上滚", id="dialog.up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label("按键（所有命令也可在 ctrl+p 命令面板中找到）", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(), id="help-keys")
            yield Label("j/k 滚动　Esc 关闭", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_relative(y=step * 3, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
