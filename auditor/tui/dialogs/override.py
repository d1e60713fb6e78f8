"""Override the verdict: pick the reviewer's verdict, or withdraw an earlier override."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...results import VERDICT_LABELS, VERDICTS

WITHDRAW = "__withdraw__"


class OverrideDialog(ModalScreen[str | None]):
    """Dismisses with a verdict, WITHDRAW, or None (cancelled)."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="dialog.cancel")]

    def __init__(self, original: str, current: str | None) -> None:
        super().__init__()
        self.original = original
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(f"{VERDICT_LABELS[v]}" + ("（原结论）" if v == self.original else ""), id=v) for v in VERDICTS
        ]
        if self.current:
            options.append(Option("撤销改判", id=WITHDRAW))
        with Vertical(classes="dialog"):
            yield Label(f"改判：原结论 {VERDICT_LABELS[self.original]}", classes="dialog-title")
            yield OptionList(*options, id="override-options")
            yield Label("Enter 选择　Esc 取消", classes="dialog-hint")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = list(VERDICTS).index(self.current or self.original)
        ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
