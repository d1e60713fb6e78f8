"""The trainer driven through Textual's pilot: a lesson, an exercise judged and revealed, resuming."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("textual")

from textual.widgets import Input, OptionList, Static  # noqa: E402

from auditor.results import VERDICT_LABELS  # noqa: E402
from auditor.train.exercises import ExerciseSet, generate  # noqa: E402
from auditor.train.progress import Progress  # noqa: E402
from auditor.train.saved import set_path  # noqa: E402
from auditor.train.scoring import FAIL, PASS, Answer  # noqa: E402
from auditor.tui.train.app import MenuScreen, TrainApp  # noqa: E402
from auditor.tui.train.exercise import ExerciseScreen  # noqa: E402
from auditor.tui.train.lesson import LessonScreen  # noqa: E402
from auditor.tui.train.rule_picker import RulePicker  # noqa: E402

from .pilot import screen_text, sync  # noqa: E402


@pytest.fixture(scope="module")
def small_set() -> ExerciseSet:
    # a D103 exercise and a table one, so the pilot sees a check as well as claims
    return generate(21, 2, operators=["note", "cell"])


async def answer_all(pilot, screen: ExerciseScreen, right: bool) -> None:
    """Judge every item: the truth when right, the opposite verdict otherwise."""
    for item in screen.exercise.items:
        screen.query_one("#items").move_cursor(row=screen.exercise.items.index(item))
        await pilot.pause()
        key = ("p" if item.passes else "f") if right else ("f" if item.passes else "p")
        await pilot.press(key)
        await pilot.pause()
        await pilot.press(*item.rule.lower())
        await pilot.press("enter")
        await pilot.pause()


@sync
async def test_a_lesson_pages_through_and_is_marked_done(tmp_path):
    progress = Progress.open(tmp_path / "p.json", "学员甲")
    app = TrainApp(progress)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert "第1课 单位与舍入" in screen_text(app)
        await pilot.press("enter")  # the first lesson: units and rounding
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert "171.115～171.125" in str(screen.query_one("#lesson-page", Static).render())
        await pilot.press("right")
        await pilot.pause()
        page = screen_text(app)
        assert screen.lesson.rules[0] in page and "核对什么" in page
        for _ in range(len(screen.pages) - 1):
            await pilot.press("right")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert "✓ 第1课" in screen_text(app)
    assert Progress.open(tmp_path / "p.json", "x").lessons_done == ["units"]


@sync
async def test_an_exercise_is_judged_then_revealed_with_scores(tmp_path, small_set):
    path = tmp_path / "p.json"
    app = TrainApp(Progress.open(path, "学员乙"), small_set)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")  # resume: the first exercise not yet submitted
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.index == 0
        ex = screen.exercise
        before = screen_text(app)
        assert "本题得分" not in before and ex.description not in before  # nothing revealed yet
        await pilot.press("s")  # not all judged: refused
        await pilot.pause()
        assert not screen.revealed
        await answer_all(pilot, screen, right=True)
        assert len(screen.answers) == len(ex.items)
        await pilot.press("s")
        await pilot.pause()
        assert screen.revealed
        text = screen_text(app)
        assert f"本题得分 {2 * len(ex.items)}/{2 * len(ex.items)}" in text
        assert ex.description[:12] in text
        # the error's explanation: move to it, the auditor's message and evidence are shown
        target = next(k for k, i in enumerate(ex.items) if not i.passes)
        screen.query_one("#items").move_cursor(row=target)
        await pilot.pause()
        explanation = str(screen.query_one("#explanation", Static).render())
        assert ex.rule in explanation and "判断正确，规则正确" in explanation
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        scores = str(app.screen.query_one("#scores", Static).render())
        assert f"{ex.family} " in scores and "100%" in scores
    saved = Progress.open(path, "x").answered(ex.id)
    assert {i: a.verdict for i, a in saved.items()} == {i.id: PASS if i.passes else FAIL for i in ex.items}


@sync
async def test_progress_resumes_after_a_restart(tmp_path, small_set):
    path = tmp_path / "p.json"
    app = TrainApp(Progress.open(path, "学员丙"), small_set)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await answer_all(pilot, app.screen, right=False)
        await pilot.press("s")
        await pilot.pause()
        assert "本题得分 0/" in screen_text(app)

    # a new app on the same file: exercise 1 is done, "continue" opens exercise 2
    app = TrainApp(Progress.open(path, "学员丙"), ExerciseSet.loads(small_set.dumps()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        last = menu.get_option_at_index(menu.option_count - 1)
        assert "已完成 1/2" in str(last.prompt)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.index == 1 and not screen.revealed
        await pilot.press("left_square_bracket")  # back to the first: shown revealed, with the saved answers
        await pilot.pause()
        assert screen.index == 0 and screen.revealed
        assert "本题得分 0/" in screen_text(app)


@sync
async def test_the_rule_picker_opens_on_its_list_so_j_moves(tmp_path, small_set):
    """After p/f, j used to be typed into the picker's filter box."""
    app = TrainApp(Progress.open(tmp_path / "p.json", "学员丁"), small_set)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        await pilot.press("f")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, RulePicker)
        options = picker.query_one("#picker-options", OptionList)
        box = picker.query_one("#picker-filter", Input)
        assert options.has_focus and options.highlighted == 0
        await pilot.press("j", "j", "k")
        assert options.highlighted == 1 and box.value == ""
        # anything else typed narrows the list, in the filter box
        await pilot.press("n", "1", "0")
        await pilot.pause()
        assert box.has_focus and box.value == "n10"
        ids = [options.get_option_at_index(k).id for k in range(options.option_count)]
        assert ids and all(i.startswith("N10") for i in ids)
        await pilot.press("down", "enter")  # ↓ still moves the list from the filter box
        await pilot.pause()
        assert app.screen is screen
        item = screen.exercise.items[0]
        assert screen.answers[item.id] == Answer(verdict=FAIL, rule=ids[1])
        await pilot.press("j")  # back on the items: j moves there
        await pilot.pause()
        assert screen.query_one("#items").cursor_row == 2 and app.screen is screen


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
@sync
async def test_every_trainer_screen_fits_and_speaks_chinese(tmp_path, small_set, size):
    app = TrainApp(Progress.open(tmp_path / "p.json", "学员戊"), small_set)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        menu = screen_text(app)
        assert "第5课" in menu and "练习" in menu
        for key in ("c 继续练习", "q 退出", "^p 命令"):
            assert key in menu.splitlines()[-1]
        await pilot.press("enter")
        await pilot.pause()
        lesson = screen_text(app)
        assert "第 1/" in lesson and "→ 下一页" in lesson.splitlines()[-1] and "滚动" in lesson.splitlines()[-1]
        await pilot.press("right")  # a rule's page, with its examples
        await pilot.pause()
        box = app.screen.query_one("#lesson-box")
        if box.max_scroll_y:  # taller than the screen (at 80x24): j scrolls it
            await pilot.press("j")
            await pilot.pause()
            assert box.scroll_y > 0
        else:
            assert size == (200, 60)
        await pilot.press("escape", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await pilot.press("f")  # the rule picker keeps its title and keys in view
        await pilot.pause()
        text = screen_text(app)
        assert isinstance(app.screen, RulePicker)
        for words in ("它归哪条规则核对", "Enter 确定", "Esc 取消", "T101"):
            assert words in text, words
        await pilot.press("escape")
        await pilot.pause()
        await answer_all(pilot, screen, right=True)
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        footer = text.splitlines()[-1]
        for key in ("p 通过", "f 不通过", "s 提交", "Esc 返回", "^p 命令"):
            assert key in footer, footer
        assert "palette" not in text
        lines = text.splitlines()
        for item in screen.exercise.items:
            # each item's own row and column (what tells it from the others) is on screen, and its mark
            row = next(line for line in lines if item.prompt.partition("》")[2][:8] in line)
            assert f"{VERDICT_LABELS[item.verdict]} ✓" in row, row
        assert "本题得分" in text
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert "搜索命令" in screen_text(app)


@sync
async def test_q_on_the_menu_quits(tmp_path):
    """The footer says "q 退出": a bare "quit" action on the screen did nothing."""
    app = TrainApp(Progress.open(tmp_path / "p.json", "学员戊"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen) and "q 退出" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_a_restart_resumes_the_saved_set_without_generating(tmp_path, small_set, monkeypatch):
    """`audit train` after a restart is given no set: it reads the one saved beside the progress
    file (generating one audits every candidate edit, seconds), and the menu shows the scores."""
    path = tmp_path / "p.json"
    app = TrainApp(Progress.open(path, "学员己"), small_set)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await answer_all(pilot, app.screen, right=True)
        await pilot.press("s")
        await pilot.pause()
    assert set_path(app.progress, small_set.fingerprint).exists()

    def no_generating(*_a, **_k):
        raise AssertionError("the saved set should have been used")

    monkeypatch.setattr("auditor.tui.train.app.generate", no_generating)
    app = TrainApp(Progress.open(path, "学员己"), seed=small_set.seed)  # as the CLI starts it
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.exercise_set is not None and app.exercise_set.fingerprint == small_set.fingerprint
        text = screen_text(app)
        assert "尚未练习" not in text and "已完成 1/2" in text and "100%" in text
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.index == 1


@sync
async def test_a_restart_without_the_saved_set_generates_it_at_once_with_progress(tmp_path, small_set, monkeypatch):
    """An older progress file (no saved set): the set is made again on start, the menu says how far
    along it is instead of "尚未练习", then shows the scores of the saved answers."""
    path = tmp_path / "p.json"
    p = Progress.open(path, "学员庚")
    p.use_set(small_set.fingerprint, small_set.seed)
    ex = small_set.exercises[0]
    p.record(ex.id, {i.id: Answer(PASS if i.passes else FAIL, i.rule) for i in ex.items})
    release = threading.Event()
    asked: list[tuple[int, int]] = []

    def slow_generate(seed, count, on_progress=None, **_k):
        asked.append((seed, count))
        on_progress(1, count)
        release.wait(30)
        return ExerciseSet.loads(small_set.dumps())

    monkeypatch.setattr("auditor.tui.train.app.generate", slow_generate)
    app = TrainApp(Progress.open(path, "学员庚"), seed=small_set.seed, count=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(50):  # the worker thread reports its first exercise
            if "正在生成 1/2" in screen_text(app):
                break
            await pilot.pause(0.05)
        text = screen_text(app)
        assert "正在生成 1/2" in text and "正在载入练习（1/2）" in text and "尚未练习" not in text
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked == [(small_set.seed, 2)]
        text = screen_text(app)
        assert "已完成 1/2" in text and "100%" in text
        assert isinstance(app.screen, MenuScreen)  # made on its own: nothing opened unasked
    assert set_path(app.progress, small_set.fingerprint).exists()


@sync
async def test_q_while_a_set_is_generated_stops_the_generation(tmp_path, small_set, monkeypatch):
    """The generating thread would keep the process alive after the screen is gone until the set
    was complete: it stops at its next exercise instead."""
    path = tmp_path / "p.json"
    p = Progress.open(path, "学员辛")
    p.use_set(small_set.fingerprint, small_set.seed)
    release, finished = threading.Event(), threading.Event()
    raised: list[str] = []

    def slow_generate(seed, count, on_progress=None, **_k):
        try:
            on_progress(1, count)
            release.wait(30)
            on_progress(2, count)
            return ExerciseSet.loads(small_set.dumps())
        except Exception as exc:  # what the app's progress callback raised
            raised.append(type(exc).__name__)
            raise
        finally:
            finished.set()

    monkeypatch.setattr("auditor.tui.train.app.generate", slow_generate)
    app = TrainApp(Progress.open(path, "学员辛"), seed=small_set.seed, count=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(50):
            if "正在生成 1/2" in screen_text(app):
                break
            await pilot.pause(0.05)
        await pilot.press("q")
        await pilot.pause()
        release.set()
    assert finished.wait(30)
    assert raised == ["_Cancelled"] and app.exercise_set is None
    assert app.return_code == 0
