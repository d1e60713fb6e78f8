"""Filter by verdict, rule family and reviewer status; choose the list's order."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select

from ...results import VERDICT_LABELS, VERDICTS
from ...review import STATUS_LABELS, STATUSES
from ...rules.catalogue import FAMILIES
from ..session import ORDERS, Filters

# "nothing chosen" (= all): Select.NULL since Textual 8, Select.BLANK before
NO_SELECTION = getattr(Select, "NULL", getattr(Select, "BLANK", None))

VERDICT_CHOICES = [("非通过（不通过、存疑、无法核对）", "open")] + [(VERDICT_LABELS[v], v) for v in VERDICTS]
STATUS_CHOICES = [(STATUS_LABELS[s], s) for s in STATUSES] + [("有批注", "commented")]
ORDER_CHOICES = [(label, key) for key, label in ORDERS.items()]


def family_choices(counts: dict[str, int]) -> list[tuple[str, str]]:
    """Every family of the catalogue with its Chinese name and how many results it has here
    (a family with none is still offered: "X 表间一致（0 条）" says the check ran and found nothing)."""
    out = [(f"{f} {name}（{counts.get(f, 0)} 条）", f) for f, name in FAMILIES.items()]
    out += [(f"{f}（{n} 条）", f) for f, n in sorted(counts.items()) if f not in FAMILIES]
    return out


class FilterDialog(ModalScreen[Filters | None]):
    """Dismisses with new Filters (the search text is kept) or None."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="dialog.cancel")]

    def __init__(self, current: Filters, family_counts: dict[str, int]) -> None:
        super().__init__()
        self.current = current
        self.family_counts = family_counts

    def compose(self) -> ComposeResult:
        c = self.current
        with Vertical(classes="dialog", id="filter"):
            yield Label("筛选与排序", classes="dialog-title")
            with Horizontal(classes="filter-row"):  # label beside its choice: the dialog fits 80x24
                yield Label("结论", classes="filter-label")
                yield Select(VERDICT_CHOICES, value=c.verdict or NO_SELECTION, prompt="全部", id="filter-verdict")
            with Horizontal(classes="filter-row"):
                yield Label("规则族", classes="filter-label")
                yield Select(family_choices(self.family_counts), value=c.family or NO_SELECTION, prompt="全部",
                             id="filter-family")
            with Horizontal(classes="filter-row"):
                yield Label("审核状态", classes="filter-label")
                yield Select(STATUS_CHOICES, value=c.status or NO_SELECTION, prompt="全部", id="filter-status")
            with Horizontal(classes="filter-row"):
                yield Label("排序", classes="filter-label")
                yield Select(ORDER_CHOICES, value=c.order, allow_blank=False, id="filter-order")
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", variant="primary", id="filter-ok")
                yield Button("清除", id="filter-clear")
                yield Button("取消", id="filter-cancel")

    def on_mount(self) -> None:
        self.query_one("#filter-verdict", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "filter-ok":
            self.dismiss(self._chosen())
        elif event.button.id == "filter-clear":
            self.dismiss(Filters(query=self.current.query))
        else:
            self.dismiss(None)

    def _chosen(self) -> Filters:
        def val(sel_id: str) -> str | None:
            v = self.query_one(sel_id, Select).value
            return None if v is NO_SELECTION else str(v)

        return Filters(
            verdict=val("#filter-verdict"),
            family=val("#filter-family"),
            status=val("#filter-status"),
            query=self.current.query,
            order=val("#filter-order") or "audit",
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
