"""The rule behind a result: its title, why it matters, and this result's figures and evidence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...results import Result
from ...review import Decision
from ..rule_text import rule_info
from ..widgets.explanation import explanation_text


class ExplainDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,e,q", "close", "关闭", id="dialog.close")]

    def __init__(self, result: Result, decision: Decision | None) -> None:
        super().__init__()
        self.result = result
        self.decision = decision

    def compose(self) -> ComposeResult:
        title, why = rule_info(self.result.rule)
        with Vertical(classes="dialog", id="explain"):
            yield Label(f"规则 {self.result.rule}　{title}" if title != self.result.rule else f"规则 {self.result.rule}",
                        classes="dialog-title", id="explain-title")
            with VerticalScroll():
                yield Static(Text.assemble(("为什么重要\n", "bold"), why or "（暂无说明）"), id="explain-why")
                yield Static(Text("本条结果", style="bold"))
                yield Static(explanation_text(self.result, self.decision), id="explain-result")
            yield Label("Esc 关闭", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
