"""Picks the rule a claim or check falls under: type to narrow (an id or words of the title), Enter.

The list has the focus when the picker opens, so j/k and ↑/↓ move in it as everywhere else in the
trainer (j used to land in the filter box); any other key typed goes to the filter box.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ...rules.catalogue import catalogue
from . import bindings


class PickerOptions(OptionList):
    """The rule list: j/k move in it, as in every list of the trainer."""

    BINDINGS = bindings.PICKER_LIST


class RulePicker(ModalScreen[str | None]):
    BINDINGS = bindings.PICKER
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # at 24 rows a shorter list keeps the hint

    def __init__(self, verdict_label: str, current: str = "") -> None:
        super().__init__()
        self.verdict_label = verdict_label
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker"):
            yield Label(f"判断：{self.verdict_label}　它归哪条规则核对？", classes="dialog-title")
            yield Input(placeholder="输入规则编号或标题中的字，如 N101、合计", id="picker-filter", select_on_focus=False)
            yield PickerOptions(id="picker-options")
            yield Label("j/k ↑↓ 选择　Enter 确定　输入编号或文字筛选　Esc 取消", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-options", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """On the list, a printable key other than j/k starts (or continues) the filter."""
        box = self.query_one("#picker-filter", Input)
        if box.has_focus or not event.is_printable or event.character in (None, "j", "k"):
            return
        event.stop()
        event.prevent_default()
        box.focus()
        box.insert_text_at_cursor(event.character)

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

    def key_down(self) -> None:  # from the filter box: the list still moves
        self.query_one("#picker-options", OptionList).action_cursor_down()

    def key_up(self) -> None:
        self.query_one("#picker-options", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
