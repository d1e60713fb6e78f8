"""A comment on one result (one line; an empty comment removes it)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class CommentDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "取消", id="dialog.cancel")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("批注", classes="dialog-title")
            yield Input(value=self.text, placeholder="写下审核意见…", id="comment-input")
            yield Label("Enter 保存　Esc 取消　清空后保存即删除批注", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
