"""Override the verdict: pick the reviewer's verdict, or withdraw an earlier override.

The verdict in force is listed but cannot be chosen, and the cursor starts on the likeliest change
(通过 for a finding, 不通过 for a pass), so Enter always changes something and the title says what
is in force. p / f / w / u choose a verdict directly, as the list shows; the key of the verdict in
force says that it already is, and leaves the dialog open.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...results import VERDICT_LABELS, VERDICTS

WITHDRAW = "__withdraw__"
# one key per verdict, shown beside it in the list
VERDICT_KEYS = {"pass": "p", "fail": "f", "warn": "w", "unverified": "u"}


def preselected(effective: str) -> str:
    """The change a reviewer most often makes: a finding judged wrong, or a pass judged wrong."""
    return "fail" if effective == "pass" else "pass"


class OverrideDialog(ModalScreen[str | None]):
    """Dismisses with a verdict, WITHDRAW, or None (cancelled)."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", id="dialog.cancel"),
        *(Binding(k, f"choose('{v}')", VERDICT_LABELS[v], id=f"dialog.{v}", show=False)
          for v, k in VERDICT_KEYS.items()),
    ]

    def __init__(self, original: str, current: str | None) -> None:
        super().__init__()
        self.original = original
        self.current = current  # the reviewer's verdict, if overridden
        self.effective = current or original

    def compose(self) -> ComposeResult:
        options = []
        for v in VERDICTS:
            notes = [n for n, yes in (("原结论", v == self.original), ("当前", v == self.effective)) if yes]
            label = f"{VERDICT_KEYS[v]}  {VERDICT_LABELS[v]}" + (f"（{'，'.join(notes)}）" if notes else "")
            options.append(Option(label, id=v, disabled=v == self.effective))
        if self.current:
            options.append(Option(f"   撤销改判（恢复原结论 {VERDICT_LABELS[self.original]}）", id=WITHDRAW))
        title = f"改判：原结论 {VERDICT_LABELS[self.original]}"
        if self.current:
            title += f"，已改判为 {VERDICT_LABELS[self.current]}"
        with Vertical(classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield OptionList(*options, id="override-options")
            yield Label("↑↓ 选择　Enter 改判　p/f/w/u 直接选　Esc 取消", classes="dialog-hint")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = list(VERDICTS).index(preselected(self.effective))
        ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, verdict: str) -> None:
        """p/f/w/u: the verdict in force is no change, and saying nothing looked like a dead key."""
        if verdict == self.effective:
            self.notify(f"{VERDICT_LABELS[verdict]} 已是当前结论，未改判；请选其他结论，或按 Esc 取消。",
                        severity="warning", timeout=4)
            return
        self.dismiss(verdict)

    def action_cancel(self) -> None:
        self.dismiss(None)
