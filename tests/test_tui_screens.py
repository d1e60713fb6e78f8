"""What a reviewer sees at 80×24 and at 200×60: nothing essential cut, the keys visible; the 改判
dialog never preselects the verdict in force; a file that cannot be read says why, and q quits
with the CLI's exit code for it. Driven through Textual's pilot on copies of the seed."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("textual")

from textual.widgets import OptionList  # noqa: E402

from auditor.errors import EXIT_UNREADABLE  # noqa: E402
from auditor.review import sidecar_path  # noqa: E402
from auditor.tui.app import AuditApp  # noqa: E402
from auditor.tui.dialogs.comment import CommentDialog  # noqa: E402
from auditor.tui.dialogs.explain import ExplainDialog  # noqa: E402
from auditor.tui.dialogs.filter import FilterDialog  # noqa: E402
from auditor.tui.dialogs.help import HelpDialog  # noqa: E402
from auditor.tui.dialogs.override import OverrideDialog  # noqa: E402
from auditor.tui.screens.main import MainScreen  # noqa: E402
from auditor.tui.widgets.result_list import keep_end  # noqa: E402

from .pilot import screen_text, sync  # noqa: E402
from .test_tui import ready  # noqa: E402

SIZES = [(80, 24), (200, 60)]
SIZE_IDS = ["80x24", "200x60"]
FIGURE_AT_END = re.compile(r"\d万元$|\d 万元$")


def test_keep_end_cuts_the_words_before_the_figure():
    assert keep_end("一般公共服务支出 688.27 万元", 40) == "一般公共服务支出 688.27 万元"
    cut = keep_end("一般公共服务支出 688.27 万元", 16)
    assert cut.startswith("…") and cut.endswith("688.27 万元")
    from rich.cells import cell_len

    assert cell_len(cut) <= 16
    assert keep_end("…经费拨款增加171.12万元", 12).count("…") == 1


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@sync
async def test_the_list_shows_every_claims_figure_whole(seed_copy, size):
    """At 80 columns the list used to cut "一般公共服务支出 688.27 万元" before its amount."""
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=size) as pilot:
        screen = await ready(app, pilot)
        s, lst = screen.session, screen.results_list
        claims = [i for i in lst.shown if s.results[i].span is not None and FIGURE_AT_END.search(s.label(i))]
        assert len(claims) > 20
        for i in claims:
            cell = lst.get_cell(s.keys[i], "text").plain.strip()
            assert FIGURE_AT_END.search(cell), cell
            figure = s.label(i).split()[-2] if s.label(i).endswith(" 万元") else None
            if figure:
                assert figure in cell, (cell, s.label(i))


@pytest.mark.parametrize("width", [96, 100, 110, 120, 130])
@sync
async def test_the_counts_line_never_splits_a_count(seed_copy, width):
    """At 120 columns a long counts line wrapped inside "已审 0/208"; pieces now move whole."""
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await ready(app, pilot)
        n = len(screen.session.results)
        top = screen_text(app).splitlines()[1:4]  # under the title: the counts, as the terminal shows them
        assert any(f"已审 0/{n}" in line for line in top), top
        for label in ("不通过", "存疑", "无法核对", "通过"):
            assert any(re.search(rf"{label} \d+", line) for line in top), (label, top)


async def _dialog(pilot, key: str, kind: type) -> str:
    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind)
    text = screen_text(pilot.app)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    return text


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@sync
async def test_every_dialog_keeps_its_keys_in_view(seed_copy, size):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=size) as pilot:
        screen = await ready(app, pilot)
        rule = screen.session.results[screen.current()].rule
        text = await _dialog(pilot, "question_mark", HelpDialog)
        assert "按键" in text and "Esc 关闭" in text and "j/↓" in text
        text = await _dialog(pilot, "f", FilterDialog)
        for word in ("筛选与排序", "结论", "规则族", "审核状态", "排序", "确定", "清除", "取消"):
            assert word in text, word
        text = await _dialog(pilot, "e", ExplainDialog)
        assert f"规则 {rule}" in text and "Esc 关闭" in text
        text = await _dialog(pilot, "c", CommentDialog)
        assert "批注" in text and "Enter 保存" in text
        text = await _dialog(pilot, "o", OverrideDialog)
        assert "改判：原结论" in text and "Enter 改判" in text and "Esc 取消" in text
        for v in ("通过", "不通过", "存疑", "无法核对"):
            assert v in text
        await pilot.press("slash")  # the search box says how to leave it
        await pilot.pause()
        text = screen_text(app)
        assert "Enter" in text and "Esc 清除" in text
        await pilot.press("escape")
        await pilot.pause()
        assert screen.results_list.has_focus
    assert not sidecar_path(seed_copy).exists()  # Esc everywhere: nothing was decided


@sync
async def test_override_enter_always_changes_the_verdict(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        i = screen.current()
        assert s.results[i].verdict == "fail"
        seen = ["fail"]
        for _ in range(3):  # Enter straight away, three times: each one a change
            await pilot.press("o")
            await pilot.pause()
            options = app.screen.query_one(OptionList)
            now = s.effective(i)
            assert options.get_option(now).disabled
            assert options.get_option_at_index(options.highlighted).id != now
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            assert s.effective(i) != now
            seen.append(s.effective(i))
        assert seen == ["fail", "pass", "fail", "pass"]
        # a key chooses directly; the verdict in force is refused and the dialog stays
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, OverrideDialog) and s.effective(i) == "pass"
        # ... and says so, instead of a key that seems dead
        said = [n.message for n in app._notifications]
        assert any("通过 已是当前结论，未改判" in m for m in said), said
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and s.effective(i) == "warn"
        assert s.status(i) == "overridden"
        # withdrawing the override is one of the choices once there is one
        await pilot.press("o")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = options.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        assert s.effective(i) == "fail" and s.decision(i) is None or s.decision(i).verdict is None


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@sync
async def test_an_unreadable_file_says_why_and_q_quits_with_the_cli_code(tmp_path, size):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\nworld\n", encoding="utf-8")
    app = AuditApp(str(bad))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.review
        assert screen.session is None and screen.error
        for _ in range(20):  # the footer recomposes once only q is enabled
            text = screen_text(app)
            if "q 退出" in text.splitlines()[-1]:
                break
            await pilot.pause()
        assert "不是部门预算或决算公开文件" in text  # the cause in full, not cut at the title's width
        assert "按 q 退出" in text
        assert "q 退出" in text.splitlines()[-1]  # the footer shows the one key that works
        for hidden in ("a 确认", "o 改判", "f 筛选"):
            assert hidden not in text
        await pilot.press("j", "a", "o")  # review keys do nothing, nothing is written
        assert not sidecar_path(bad).exists()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == EXIT_UNREADABLE
    assert app.error and "notes.txt" in app.error


@sync
async def test_q_quits_with_zero_after_a_review(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and app.error is None


@sync
async def test_the_palette_speaks_chinese(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)  # the palette searches in a worker
        text = screen_text(app)
        assert "搜索命令" in text and "Search for commands" not in text
        await pilot.press(*"退出")
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "退出" in text and "Quit" not in text


@sync
async def test_ctrl_c_says_in_chinese_which_key_quits(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("按 [b]q[/b] 退出" in m for m in messages), messages
        assert app.is_running


@sync
async def test_a_review_reopens_on_the_first_finding_still_pending(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        fails = [i for i in screen.results_list.shown if s.results[i].verdict == "fail"]
        assert screen.current() == fails[0]
        await pilot.press("a")  # the first 不通过 accepted, the second overridden
        await pilot.press("right_square_bracket", "o", "enter")
        await pilot.pause()
        assert s.status(fails[1]) == "overridden"

    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        assert screen.current() == fails[2]  # the first one not yet decided
        s = screen.session
        for i in fails[2:]:
            s.accept(i)
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        r = s.results[screen.current()]
        assert r.verdict in ("warn", "unverified") and s.status(screen.current()) == "pending"
