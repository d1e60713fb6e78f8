"""The review app driven through Textual's pilot on a copy of the seed (the sidecar goes to tmp)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("textual")

from textual.widgets import Input, OptionList, Select, Static  # noqa: E402

from auditor.review import sidecar_path  # noqa: E402
from auditor.tui import bindings  # noqa: E402
from auditor.tui.app import AuditApp  # noqa: E402
from auditor.tui.dialogs.explain import ExplainDialog  # noqa: E402
from auditor.tui.dialogs.filter import NO_SELECTION, FilterDialog  # noqa: E402
from auditor.tui.dialogs.help import HelpDialog  # noqa: E402
from auditor.tui.screens.main import MainScreen  # noqa: E402

from .pilot import screen_text, sync  # noqa: E402


async def ready(app: AuditApp, pilot) -> MainScreen:
    """Wait for the worker that reads and audits the document, then for the screen to settle."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.review
    assert screen.session is not None, screen.error
    return screen


def current(screen: MainScreen):
    i = screen.current()
    return None if i is None else screen.session.results[i]


def decisions(path: Path) -> dict:
    return json.loads(sidecar_path(path).read_text(encoding="utf-8"))["decisions"]


@sync
async def test_opens_on_the_first_fail_and_moves(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        assert current(screen).verdict == "fail"
        start = screen.current()
        shown = screen.results_list.shown
        # the findings come first: the list opens near its top, on the first 不通过
        assert shown.index(start) < s.counts()["fail"] + s.counts()["warn"] + s.counts()["unverified"]
        await pilot.press("j")
        assert screen.current() == shown[shown.index(start) + 1]
        await pilot.press("k", "k")
        assert screen.current() == shown[max(0, shown.index(start) - 1)]  # up from the top stays there
        screen.results_list.select_result(shown[shown.index(start) + 1])
        await pilot.pause()
        await pilot.press("up")
        assert screen.current() == start
        # the detail panes follow the cursor: the claimed figure's sentence and the compared cell
        sentence = str(screen.query_one("#sentence", Static).render())
        assert "一般公共服务支出 688.27 万元" in sentence
        title = str(screen.query_one("#evidence-title", Static).render())
        assert "部门收支总表" in title
        grid = screen.query_one("#evidence-table")
        assert str(grid.ordered_columns[0].label) == "单位：元"  # the unit heads the row labels
        assert grid.cursor_coordinate.row == next(
            k for k, r in enumerate(s.table("t6").rows) if r.name == "一般公共服务支出"
        )
        await pilot.press("t")  # second evidence item: the cell the figure really equals
        title = str(screen.query_one("#evidence-title", Static).render())
        assert "一般公共预算财政拨款支出预算表" in title
        n = len(current(screen).evidence)  # the narrative's row, then the rows the figure equals (204, 20406)
        assert n == 3 and f"2/{n}（t 切换）" in str(screen.query_one("#evidence").border_title)


@sync
async def test_next_and_previous_fail(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        shown = list(screen.results_list.shown)
        fails = [i for i in shown if screen.session.results[i].verdict == "fail"]
        assert len(fails) >= 2  # the seed: the 688.27 claim, the outdated 215 name, "三公" without reasons
        assert screen.current() == fails[0]  # it opens on the first fail
        for want in fails[1:] + fails[:1]:  # ] walks every fail in list order, then wraps
            await pilot.press("right_square_bracket")
            assert screen.current() == want
        for want in reversed(fails):  # [ walks back, wrapping from the first to the last
            await pilot.press("left_square_bracket")
            assert screen.current() == want
        screen.results_list.move_cursor(row=0)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert screen.current() == next(i for i in shown[1:] if i in fails)


@sync
async def test_n_walks_the_findings_still_pending(seed_copy):
    """n / N (and p) step through the 不通过 and 存疑 not yet reviewed; a decision takes one out."""
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        shown = list(screen.results_list.shown)
        findings = [i for i in shown if s.results[i].verdict in ("fail", "warn")]
        assert len(findings) >= 3 and screen.current() == findings[0]
        for want in findings[1:] + findings[:1]:  # in list order, wrapping
            await pilot.press("n")
            assert screen.current() == want
        await pilot.press("N")
        assert screen.current() == findings[-1]
        await pilot.press("p")  # p is N's other key
        assert screen.current() == findings[-2]
        await pilot.press("a", "n")  # accepted: no longer pending, so n skips it next time round
        assert screen.current() == findings[-1]
        for _ in range(len(findings)):
            await pilot.press("n")
            assert screen.current() != findings[-2]
        # once every finding is decided, n goes on to the 无法核对 still pending
        for i in findings:
            if s.status(i) == "pending":  # accept toggles
                s.accept(i)
        await pilot.press("n")
        assert s.results[screen.current()].verdict == "unverified" and s.status(screen.current()) == "pending"
        # the key is declared once, with its id, and offered by the palette
        assert bindings.by_id()["move.next_pending"].key == "n"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"待审")
        await pilot.pause()
        assert "下一待审" in screen_text(app) and "上一待审" in screen_text(app)


@sync
async def test_counts_and_headings_follow_the_verdict_in_force(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        i = screen.current()
        assert s.results[i].verdict == "fail"
        before = dict(s.counts())
        lst = screen.results_list
        head = next(k for k, g, members in lst._headings if i in members)

        def heading() -> str:
            return str(lst.get_cell(head, "text"))

        members = next(m for k, g, m in lst._headings if k == head)
        fails_in_group = sum(1 for j in members if s.effective(j) == "fail")
        assert f"不通过{fails_in_group}" in heading()
        await pilot.press("o", "p")  # 不通过 → 通过
        await pilot.pause()
        after = s.counts()
        assert after["fail"] == before["fail"] - 1 and after["pass"] == before["pass"] + 1
        summary = str(screen.query_one("#summary", Static).render())
        assert f"不通过 {after['fail']} " in summary and f"通过 {after['pass']} " in summary
        left = fails_in_group - 1
        assert (f"不通过{left}" in heading()) if left else ("不通过" not in heading())
        # the verdict filter goes by the verdict in force too
        screen.quick_filter("fail")
        await pilot.pause()
        assert i not in lst.shown and len(lst.shown) == after["fail"]


@sync
async def test_filter_by_verdict_family_and_status(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        await pilot.press("f")
        assert isinstance(app.screen, FilterDialog)
        app.screen.query_one("#filter-verdict", Select).value = "unverified"
        app.screen.query_one("#filter-family", Select).value = "N"
        await pilot.click("#filter-ok")
        await pilot.pause()
        shown = screen.results_list.shown
        assert len(shown) == s.counts()["unverified"] == 3
        assert {s.results[i].verdict for i in shown} == {"unverified"}
        assert "筛选：无法核对、N 叙述核对（3 条）" in str(screen.query_one("#summary", Static).render())
        # no 不通过 among them: ] says so and stays put
        before = screen.current()
        await pilot.press("right_square_bracket")
        assert screen.current() == before

        await pilot.press("a")  # accept one, then filter on reviewer status
        await pilot.press("f")
        app.screen.query_one("#filter-verdict", Select).value = NO_SELECTION
        app.screen.query_one("#filter-family", Select).value = NO_SELECTION
        app.screen.query_one("#filter-status", Select).value = "accepted"
        await pilot.click("#filter-ok")
        await pilot.pause()
        assert screen.results_list.shown == [before]


@sync
async def test_search_narrows_and_escape_clears(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        total = len(screen.results_list.shown)
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"公务接待费")
        shown = screen.results_list.shown
        assert 0 < len(shown) < total
        for i in shown:
            r = screen.session.results[i]
            assert "公务接待费" in r.text + r.message + "".join(e.row + e.column for e in r.evidence)
        await pilot.press("enter")
        assert screen.results_list.has_focus
        await pilot.press("escape")
        assert len(screen.results_list.shown) == total
        assert not screen.query_one("#search", Input).display


@sync
async def test_override_persists_across_a_restart(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        key = screen.session.keys[screen.current()]
        await pilot.press("o")
        options = app.screen.query_one(OptionList)
        # the verdict in force cannot be chosen; the cursor starts on a change (通过 for a finding)
        assert options.get_option("fail").disabled
        assert options.get_option_at_index(options.highlighted).id == "pass"
        await pilot.press("enter")  # 不通过 → 通过
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert decisions(seed_copy)[key]["verdict"] == "pass"
        assert f"已审 1/{len(screen.session.results)}" in str(screen.query_one("#summary", Static).render())

    app2 = AuditApp(str(seed_copy))  # a fresh process would see exactly this file
    async with app2.run_test(size=(120, 40)) as pilot:
        screen = await ready(app2, pilot)
        i = screen.session.index_of(key)
        assert screen.session.status(i) == "overridden"
        assert screen.session.effective(i) == "pass"
        assert "已载入审核记录" in str(screen.query_one("#title", Static).render())
        screen.results_list.select_result(i)
        await pilot.pause()
        assert "不通过 → 通过" in str(screen.query_one("#explanation", Static).render())


@sync
async def test_accept_and_comment_are_saved(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        key = screen.session.keys[screen.current()]
        await pilot.press("a")
        assert decisions(seed_copy)[key]["status"] == "accepted"
        await pilot.press("c")
        await pilot.press(*"请单位核实科目")
        await pilot.press("enter")
        await pilot.pause()
        d = decisions(seed_copy)[key]
        assert (d["status"], d["comment"]) == ("accepted", "请单位核实科目")
        assert "批注：请单位核实科目" in str(screen.query_one("#explanation", Static).render())
        await pilot.press("c")  # Esc cancels without touching the file
        await pilot.press(*"不要")
        await pilot.press("escape")
        await pilot.pause()
        assert decisions(seed_copy)[key]["comment"] == "请单位核实科目"


@sync
async def test_explain_and_help_open(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExplainDialog)
        assert "N101" in str(app.screen.query_one("#explain-title").render())
        assert "688.27万元" in str(app.screen.query_one("#explain-result", Static).render())
        rule = str(app.screen.query_one("#explain-rule", Static).render())
        for heading in ("核对什么", "为什么重要", "通过示例", "不通过示例"):  # the catalogue's full text
            assert heading in rule
        from auditor.rules.catalogue import get_rule

        assert get_rule("N101").why[:20] in rule.replace("\n", "")
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        await pilot.pause()
        text = screen_text(app)
        for b in bindings.MAIN:
            assert b.description in text
        await pilot.press("escape")
        assert app.screen is screen


@sync
async def test_export_from_the_command_palette(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("a")
        await pilot.press("ctrl+p")
        await pilot.press(*"导出 CSV")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        out = sidecar_path(seed_copy).with_suffix(".csv")
        assert out.exists()
        text = out.read_text(encoding="utf-8-sig")
        assert text.count("已确认") == 1
        assert len(text.strip().splitlines()) >= len(screen.session.results) + 1


def test_cli_tui_rejects_a_missing_file(tmp_path, capsys):
    from auditor.cli import main

    assert main(["tui", str(tmp_path / "missing.pdf")]) == 3
    assert "文件不存在" in capsys.readouterr().err


@sync
async def test_a_pdf_opens_in_the_app(tmp_path):
    from .conftest import corpus_file

    src = corpus_file("shanghai/上海市普陀区财政局2024年度部门决算.pdf")
    dst = tmp_path / "doc.pdf"
    shutil.copy(src, dst)
    app = AuditApp(str(dst))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app, pilot)
        assert current(screen).verdict == "fail"
        await pilot.press("n")
        assert current(screen).verdict == "fail"
