"""A lesson: its introduction, then each rule as `audit explain` shows it, one page at a time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...train.lessons import Lesson, pages
from . import bindings


class LessonScreen(Screen):
    BINDINGS = bindings.LESSON

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson
        self.pages = pages(lesson)
        self.page = 0

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with VerticalScroll(id="lesson-box"):
            yield Static(id="lesson-page")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        n = len(self.pages)
        last = "（最后一页，→ 完成本课）" if self.page == n - 1 else ""
        self.query_one("#title", Static).update(f"课程：{self.lesson.title}　第 {self.page + 1}/{n} 页{last}")
        self.query_one("#lesson-page", Static).update(self.pages[self.page])
        self.query_one("#lesson-box", VerticalScroll).scroll_home(animate=False)

    def action_page(self, step: int) -> None:
        if self.page + step >= len(self.pages):
            self.app.finish_lesson(self.lesson.id)  # type: ignore[attr-defined]
            self.dismiss()
            return
        self.page = max(0, self.page + step)
        self._show()

    def action_scroll(self, step: int) -> None:
        self.query_one("#lesson-box", VerticalScroll).scroll_relative(y=step * 3, animate=False)

    def action_back(self) -> None:
        self.dismiss()
