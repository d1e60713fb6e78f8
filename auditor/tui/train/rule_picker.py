"""Picks the rule a claim or check falls under: type to narrow (an id or words of the title), Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ...rules.catalogue import catalogue
from . import bindings


class RulePicker(ModalScreen[str | None]):
    BINDINGS = bindings.PICKER

    def __init__(self, verdict_label: str, current: str = "") -> None:
        super().__init__()
        self.verdict_label = verdict_label
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker"):
            yield Label(f"判断：{self.verdict_label}　它归哪条规则核对？", classes="dialog-title")
            yield Input(placeholder="输入规则编号或标题中的字，如 N101、合计", id="picker-filter")
            yield OptionList(id="picker-options")
            yield Label("↑↓ 选择　Enter 确定　Esc 取消", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, query: str) -> None:
        q = query.strip().upper()
        options = self.query_one("#picker-options", OptionList)
        options.clear_options()
        for r in catalogue().values():
            if not q or r.id.startswith(q) or q in r.title:
                options.add_option(Option(f"{r.id}  {r.title}", id=r.id))
        if options.option_count:
            ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
            options.highlighted = ids.index(self.current) if self.current in ids else 0

    @on(Input.Changed, "#picker-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        options = self.query_one("#picker-options", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#picker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def key_down(self) -> None:
        self.query_one("#picker-options", OptionList).action_cursor_down()

    def key_up(self) -> None:
        self.query_one("#picker-options", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
