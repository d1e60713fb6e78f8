"""The trainer app: a menu of lessons and the exercise set, per-family scores, progress on disk."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.worker import get_current_worker
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from ...train import DEFAULT_COUNT
from ...train.exercises import ExerciseSet, generate
from ...train.lessons import lessons
from ...train.progress import Progress
from ...train.saved import save_set, saved_set
from ...train.scoring import score
from ..palette import ChinesePalette
from . import bindings
from .exercise import ExerciseScreen
from .lesson import LessonScreen

_TUI = Path(__file__).resolve().parent.parent


class _Cancelled(Exception):
    """The app is closing: a set being generated is abandoned (its thread would keep the process
    alive until the set was complete)."""


class MenuScreen(Screen):
    BINDINGS = bindings.MENU
    _open_after = False  # open the first exercise when the set being generated is ready

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Vertical(id="menu-body"):
            yield OptionList(id="menu")
            yield Static(id="scores")
            yield LoadingIndicator(id="loading")
        yield Footer()

    def on_mount(self) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        self.query_one("#loading").display = False
        self.refresh_menu()
        self.query_one("#menu", OptionList).focus()
        if app.exercise_set is None and app.progress.set_id and app.progress.seed == app.seed:
            # answers were saved on a set that is not on disk (an older progress file): make it
            # again now, in the background, so the menu shows the scores without a key pressed
            self._start_generating(open_after=False)

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
        menu.add_option(Option(self._exercise_label(), id="exercises"))
        menu.highlighted = keep if keep is not None else 0
        self._show_scores()

    def _exercise_label(self) -> str:
        app: TrainApp = self.app  # type: ignore[assignment]
        if app.generating is not None:
            done, total = app.generating
            return f"  练习（正在生成 {done}/{total} 题…）"
        if app.exercise_set is None:
            return f"  练习（种子 {app.seed}，{app.count} 题，首次打开时生成）"
        n = len(app.exercise_set.exercises)
        done = len([e for e in app.exercise_set.exercises if app.progress.answered(e.id)])
        return f"  练习（已完成 {done}/{n}）"

    def _show_scores(self) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        box = self.query_one("#scores", Static)
        if app.exercise_set is None:
            if app.generating is not None:
                done, total = app.generating
                box.update(Text(f"各类得分：正在载入练习（{done}/{total}）…", style="dim"))
            elif app.progress.set_answers():
                box.update(Text("各类得分：已保存作答，打开练习时载入", style="dim"))
            else:
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
            if app.generating is None:
                self._start_generating(open_after=True)
            else:
                self._open_after = True  # opened as soon as it is ready
                done, total = app.generating
                self.notify(f"练习正在生成（{done}/{total}），完成后自动打开。", timeout=3)
            return
        exs = app.exercise_set.exercises
        if not exs:
            self.notify("没有可用的练习。", severity="warning")
            return
        first = next((k for k, e in enumerate(exs) if not app.progress.answered(e.id)), 0)
        app.push_screen(ExerciseScreen(first), lambda _=None: self.refresh_menu())

    # ---- generating a set (seconds: every candidate edit is audited) --------------------------
    def _start_generating(self, *, open_after: bool) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        self._open_after = open_after
        app.generating = (0, app.count)
        self.query_one("#loading").display = True
        self.refresh_menu()
        self._generate()

    @work(thread=True, exclusive=True, group="generate")
    def _generate(self) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        worker = get_current_worker()

        def step(done: int, total: int) -> None:
            if worker.is_cancelled:  # q while generating: stop at the next exercise, not the last
                raise _Cancelled
            app.call_from_thread(self._generated_one, done, total)

        try:
            made = generate(app.seed, app.count, on_progress=step)
        except _Cancelled:
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._generated, made)

    def _generated_one(self, done: int, total: int) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        if app.generating is not None:
            app.generating = (done, total)
            self.refresh_menu()

    def _generated(self, made: ExerciseSet) -> None:
        app: TrainApp = self.app  # type: ignore[assignment]
        app.generating = None
        app.use_set(made)
        self.query_one("#loading").display = False
        self.refresh_menu()
        if self._open_after and app.screen is self:
            self.action_resume()


class TrainApp(ChinesePalette, App):
    CSS_PATH = [_TUI / "auditor.tcss", _TUI / "train" / "train.tcss"]
    TITLE = "auditor 培训"
    BINDINGS = bindings.APP  # the palette key, labelled in Chinese in every footer

    def __init__(self, progress: Progress, exercise_set: ExerciseSet | None = None, *, seed: int = 1,
                 count: int | None = None) -> None:
        """count None: the saved set whatever its size, else DEFAULT_COUNT exercises."""
        super().__init__()
        self.progress = progress
        self.seed = seed
        self.exercise_set: ExerciseSet | None = None
        # (exercises made, asked for) while a set is being generated, else None
        self.generating: tuple[int, int] | None = None
        if exercise_set is None:
            exercise_set = saved_set(progress, seed, count)
        self.count = count or (len(exercise_set.exercises) if exercise_set else DEFAULT_COUNT)
        if exercise_set is not None:
            self.use_set(exercise_set)

    def use_set(self, exercise_set: ExerciseSet) -> None:
        self.exercise_set = exercise_set
        self.progress.use_set(exercise_set.fingerprint, exercise_set.seed)
        try:
            save_set(self.progress, exercise_set)
        except OSError:
            pass  # only the next start is slower: it generates the set again

    def on_mount(self) -> None:
        self.push_screen(MenuScreen())

    def finish_lesson(self, lesson_id: str) -> None:
        try:
            self.progress.lesson_done(lesson_id)
        except OSError as exc:
            self.notify(f"学习记录无法保存：{exc}", severity="error", timeout=8)
