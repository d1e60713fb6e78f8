"""The trainer app: a menu of lessons and the exercise set, per-family scores, progress on disk."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from ...train.exercises import ExerciseSet, generate
from ...train.lessons import lessons
from ...train.progress import Progress
from ...train.scoring import score
from ..palette import ChinesePalette
from . import bindings
from .exercise import ExerciseScreen
from .lesson import LessonScreen

_TUI = Path(__file__).resolve().parent.parent


class MenuScreen(Screen):
    BINDINGS = bindings.MENU

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Vertical(id="menu-body"):
            yield OptionList(id="menu")
            yield Static(id="scores")
            yield LoadingIndicator(id="loading")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#loading").display = False
        self.refresh_menu()
        self.query_one("#menu", OptionList).focus()

    def refresh_menu(self) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        p = app.progress
        self.query_one("#title", Static).update(f"auditor 培训　学员：{p.trainee}")
        menu = self.query_one("#menu", OptionList)
        keep = menu.highlighted
        menu.clear_options()
        for k, les in enumerate(lessons(), 1):
            done = "✓" if les.id in p.lessons_done else " "
            menu.add_option(Option(f"{done} 第{k}课 {les.title}（{len(les.rules)} 条规则）", id=f"lesson:{les.id}"))
        if app.exercise_set is None:
            label = f"  练习（种子 {app.seed}，{app.count} 题，首次打开时生成）"
        else:
            n = len(app.exercise_set.exercises)
            done = len([e for e in app.exercise_set.exercises if p.answered(e.id)])
            label = f"  练习（已完成 {done}/{n}）"
        menu.add_option(Option(label, id="exercises"))
        menu.highlighted = keep if keep is not None else 0
        self._show_scores()

    def _show_scores(self) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        box = self.query_one("#scores", Static)
        if app.exercise_set is None:
            box.update(Text("各类得分：尚未练习", style="dim"))
            return
        t = Text("各类得分（判断对得 1 分，规则也对再得 1 分）\n", style="bold")
        for s in score(app.exercise_set.exercises, app.progress.set_answers()).values():
            t.append(f"  {s.family} {s.name}　")
            t.append(f"{s.points}/{s.possible}" + (f"（{s.percent}%）" if s.items else ""), style="bold" if s.items else "dim")
            t.append("\n")
        box.update(t)

    @on(OptionList.OptionSelected, "#menu")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.open_entry(event.option.id or "")

    def action_open(self) -> None:
        menu = self.query_one("#menu", OptionList)
        if menu.highlighted is not None:
            self.open_entry(menu.get_option_at_index(menu.highlighted).id or "")

    def open_entry(self, entry: str) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        if entry.startswith("lesson:"):
            les = next(x for x in lessons() if x.id == entry.split(":", 1)[1])
            app.push_screen(LessonScreen(les), lambda _=None: self.refresh_menu())
        elif entry == "exercises":
            self.action_resume()

    def action_resume(self) -> None:
        """Open the first exercise not yet submitted (the set is generated on first use)."""
        app: TrainApp = self.app  # type: ignore[assignment]
        if app.exercise_set is None:
            self.query_one("#loading").display = True
            self._generate()
            return
        exs = app.exercise_set.exercises
        if not exs:
            self.notify("没有可用的练习。", severity="warning")
            return
        first = next((k for k, e in enumerate(exs) if not app.progress.answered(e.id)), 0)
        app.push_screen(ExerciseScreen(first), lambda _=None: self.refresh_menu())

    @work(thread=True, exclusive=True, group="generate")
    def _generate(self) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        made = generate(app.seed, app.count)
        app.call_from_thread(self._generated, made)

    def _generated(self, made: ExerciseSet) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        app.use_set(made)
        self.query_one("#loading").display = False
        self.refresh_menu()
        self.action_resume()


class TrainApp(ChinesePalette, App):
    CSS_PATH = [_TUI / "auditor.tcss", _TUI / "train" / "train.tcss"]
    TITLE = "auditor 培训"
    BINDINGS = bindings.APP  # the palette key, labelled in Chinese in every footer

    def __init__(self, progress: Progress, exercise_set: ExerciseSet | None = None, *, seed: int = 1,
                 count: int = 12) -> None:
        super().__init__()
        self.progress = progress
        self.seed = seed
        self.count = count
        self.exercise_set: ExerciseSet | None = None
        if exercise_set is not None:
            self.use_set(exercise_set)

    def use_set(self, exercise_set: ExerciseSet) -> None:
        self.exercise_set = exercise_set
        self.progress.use_set(exercise_set.fingerprint, exercise_set.seed)

    def on_mount(self) -> None:
        self.push_screen(MenuScreen())

    def finish_lesson(self, lesson_id: str) -> None:
        try:
            self.progress.lesson_done(lesson_id)
        except OSError as exc:
            self.notify(f"学习记录无法保存：{exc}", severity="error", timeout=8)
