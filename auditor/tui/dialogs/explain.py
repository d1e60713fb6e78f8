"""The rule behind a result, as the catalogue states it (what it checks, why it matters, its basis
and examples: the same text as `audit explain ID`), then this result's own figures and evidence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...results import Result
from ...review import Decision
from ..rule_text import rule_full_text, rule_title
from ..widgets.explanation import explanation_text


class ExplainDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,e,q", "close", "关闭", id="dialog.close"),
        Binding("j,down", "scroll(1)", "下滚", id="dialog.down", show=False),
        Binding("k,up", "scroll(-1)", "上滚", id="dialog.up", show=False),
    ]

    def __init__(self, result: Result, decision: Decision | None) -> None:
        super().__init__()
        self.result = result
        self.decision = decision

    def compose(self) -> ComposeResult:
        rule = self.result.rule
        title = rule_title(rule)
        with Vertical(classes="dialog", id="explain"):
            yield Label(f"规则 {rule}　{title}" if title else f"规则 {rule}", classes="dialog-title", id="explain-title")
            with VerticalScroll(id="explain-scroll"):
                yield Static(_catalogue_text(rule), id="explain-rule")
                yield Static(Text("\n本条结果", style="bold"))
                yield Static(explanation_text(self.result, self.decision), id="explain-result")
            yield Label("j/k 滚动　Esc 关闭　（命令行：audit explain " + rule + "）", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#explain-scroll").focus()

    def action_scroll(self, step: int) -> None:
        self.query_one("#explain-scroll", VerticalScroll).scroll_relative(y=step * 3, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def _catalogue_text(rule_id: str) -> Text:
    """The catalogue text with its section headings ("核对什么：", "为什么重要：" …) in bold;
    the first two lines (id and title, family and severity) are already the dialog's title."""
    lines = rule_full_text(rule_id).splitlines()
    t = Text()
    for k, line in enumerate(lines[1:]):
        heading = line.endswith("：") or line.startswith(("通过示例", "不通过示例", "依据："))
        t.append(line, style="bold" if heading else ("dim" if k == 0 else ""))
        t.append("\n")
    return t
