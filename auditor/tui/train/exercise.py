"""One exercise: the claims and checks to judge on the left; the sentence or table on the right.

Before the reveal the right side shows where to look (the sentence with its figure, or the table
with the compared cells lit) and nothing of the verdict. After `s` (submit) it shows the auditor's
verdict and explanation with the evidence highlighted, reusing the review app's widgets, and what
was changed in the sample.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...results import Result
from ...review import ReviewState
from ...train.exercises import Exercise
from ...train.scoring import ANSWER_LABELS, FAIL, PASS, Answer, mark
from ..session import Session
from ..widgets.badges import badge_compact
from ..widgets.detail import detail_panes
from ..widgets.evidence import EvidenceView
from ..widgets.explanation import explanation_text
from ..widgets.result_list import keep_end
from ..widgets.sentence import SentenceView
from . import bindings
from .rule_picker import RulePicker


def exercise_session(ex: Exercise) -> Session:
    """The exercise document as the review widgets expect it (nothing is ever saved)."""
    doc, results = ex.audit()
    name = f"练习{ex.id}"
    return Session(path=name, doc=doc, results=results, state=ReviewState(path=Path(name), document=name))


class ItemTable(DataTable):
    def on_resize(self) -> None:
        self.screen.refit()  # type: ignore[attr-defined]


class ExerciseScreen(Screen):
    BINDINGS = bindings.EXERCISE
    # the few items on top at full width (beside the panes their text was cut even at 120 columns);
    # on a short terminal the sentence and explanation boxes give the table room
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.answers: dict[str, Answer] = {}
        self.revealed = False
        self._which = 0
        self._width = 0

    @property
    def exercise(self) -> Exercise:
        return self.app.exercise_set.exercises[self.index]  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield ItemTable(id="items", cursor_type="row", zebra_stripes=True)
                yield Static(id="exercise-score")
            yield from detail_panes(Static(id="explanation"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#evidence").border_title = "表格"
        self.load(self.index)

    # ---- loading -----------------------------------------------------------------------------
    def load(self, index: int) -> None:
        self.index = index
        ex = self.exercise
        self.session = exercise_session(ex)
        self._by_id = {r.id: r for r in self.session.results}
        saved = self.app.progress.answered(ex.id)  # type: ignore[attr-defined]
        self.answers = dict(saved)
        self.revealed = len(saved) == len(ex.items)
        n = len(self.app.exercise_set.exercises)  # type: ignore[attr-defined]
        self.query_one("#title", Static).update(
            f"练习 {ex.id}（{index + 1}/{n}）{ex.sample}　每条按 p 通过 / f 不通过，再选规则；都判断后 s 提交"
        )
        self._fill()
        table = self.query_one("#items", DataTable)
        table.move_cursor(row=0, animate=False)
        table.focus()
        self._show()

    def refit(self) -> None:
        """The items' list changed width (first layout, terminal resized): refit its last column."""
        if self.query_one("#items", DataTable).size.width != self._width:
            self._fill()

    def _fill(self) -> None:
        table = self.query_one("#items", DataTable)
        keep = table.cursor_row
        self._width = table.size.width
        table.clear(columns=True)
        table.add_column("#", width=2)
        table.add_column("你的判断", width=11)  # "不通过 N101"
        table.add_column("结论", width=8)  # "不通过 ✓": the mark must not be cut
        # the item fills the rest (4 columns' padding, the scrollbar), so it is cut as little as can be
        width = max(12, table.size.width - 2 - 11 - 8 - 4 * 2 - 2)
        table.add_column("核对项", width=width)
        for k, item in enumerate(self.exercise.items, 1):
            a = self.answers.get(item.id)
            mine = Text(f"{ANSWER_LABELS[a.verdict]} {a.rule}" if a else "—", style="bold" if a else "dim")
            truth = Text("")
            if self.revealed and a is not None:
                m = mark(item, a)
                truth = Text.assemble(badge_compact(item.verdict), (" ✓" if m.points == 2 else (" ½" if m.points else " ✗"),
                                                           "bold green" if m.points == 2 else "bold red"))
            table.add_row(str(k), mine, truth, Text(list_label(item.prompt, width), no_wrap=True, overflow="ellipsis"),
                          key=item.id)
        if 0 <= keep < len(self.exercise.items):
            table.move_cursor(row=keep, animate=False)
        self._show_score()

    def _show_score(self) -> None:
        box = self.query_one("#exercise-score", Static)
        ex = self.exercise
        if not self.revealed:
            box.update(Text(f"已判断 {len(self.answers)}/{len(ex.items)}", style="dim"))
            return
        points = sum(mark(i, self.answers[i.id]).points for i in ex.items if i.id in self.answers)
        t = Text(f"本题得分 {points}/{2 * len(ex.items)}\n", style="bold")
        t.append(f"引入的错误（{ex.rule}）：{ex.description}", style="cyan")
        box.update(t)

    # ---- the right side ----------------------------------------------------------------------
    def current_item(self):
        row = self.query_one("#items", DataTable).cursor_row
        items = self.exercise.items
        return items[row] if 0 <= row < len(items) else None

    def current_result(self) -> Result | None:
        item = self.current_item()
        return self._by_id.get(item.id) if item else None

    def _show(self) -> None:
        item, r = self.current_item(), self.current_result()
        if item is None or r is None:
            return
        s = self.session
        self.query_one("#sentence", SentenceView).show(s, r)
        self.query_one("#evidence", EvidenceView).show(s, r, self._which)
        explanation = self.query_one("#explanation", Static)
        if self.revealed:
            t = explanation_text(r, None)
            a = self.answers.get(item.id)
            if a is not None:
                m = mark(item, a)
                t.append(f"你的判断：{ANSWER_LABELS[a.verdict]}，规则 {a.rule}　", style="bold")
                if not m.verdict_right:
                    t.append(f"判断错误（应为{'通过' if item.passes else '不通过'}，规则 {item.rule}）", style="red")
                elif m.rule_right:
                    t.append("判断正确，规则正确", style="green")
                else:
                    t.append(f"判断正确，规则应为 {item.rule}", style="yellow")
            explanation.update(t)
        else:
            a = self.answers.get(item.id)
            t = Text(f"核对项：{item.prompt}\n", style="bold")
            t.append("这一条通过还是不通过？按 p（通过）或 f（不通过），再选出核对它的规则。\n")
            if a is not None:
                t.append(f"已判断：{ANSWER_LABELS[a.verdict]}，规则 {a.rule}（可以改）", style="cyan")
            explanation.update(t)

    @on(DataTable.RowHighlighted, "#items")
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        self._which = 0
        self._show()

    # ---- actions -----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        table = self.query_one("#items", DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_judge(self, verdict: str) -> None:
        item = self.current_item()
        if item is None:
            return
        if self.revealed:
            self.notify("本题已提交，结论已揭晓。", timeout=2)
            return
        old = self.answers.get(item.id)

        def picked(rule: str | None) -> None:
            if rule:
                self.answers[item.id] = Answer(verdict=verdict, rule=rule)
                self._fill()
                self._show()
                if len(self.answers) < len(self.exercise.items):
                    self.action_move(1)
            self.query_one("#items", DataTable).focus()

        self.app.push_screen(RulePicker(ANSWER_LABELS[verdict], old.rule if old else ""), picked)

    def action_submit(self) -> None:
        ex = self.exercise
        if self.revealed:
            return
        missing = len(ex.items) - len(self.answers)
        if missing:
            self.notify(f"还有 {missing} 条没有判断。", severity="warning")
            return
        try:
            self.app.progress.record(ex.id, self.answers)  # type: ignore[attr-defined]
        except OSError as exc:
            self.notify(f"学习记录无法保存：{exc}", severity="error", timeout=8)
            return
        self.revealed = True
        self._fill()
        self._show()

    def action_next_evidence(self) -> None:
        self._which += 1
        self._show()

    def action_go(self, step: int) -> None:
        j = self.index + step
        if 0 <= j < len(self.app.exercise_set.exercises):  # type: ignore[attr-defined]
            self.load(j)
        elif j >= 0:
            self.notify("已是最后一题。按 Esc 返回查看各类得分。")

    def action_back(self) -> None:
        self.dismiss()


def list_label(prompt: str, width: int) -> str:
    """An item as its list row shows it in `width` cells, the part that tells items apart kept whole:
    a table's cell puts its row and column before the (long, shared) table name, and a claim is cut
    at its start so the figure at its end stays."""
    if prompt.startswith("《") and "》" in prompt and not prompt.endswith("》") and cell_len(prompt) > width:
        table, _, cell = prompt[1:].partition("》")
        return f"{cell}　《{table}》"
    return keep_end(prompt, width)


__all__ = ["ExerciseScreen", "PASS", "FAIL"]
