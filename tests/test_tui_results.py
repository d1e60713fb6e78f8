"""The review app on every kind of result: cross-table (X), disclosure (D), narrative-internal
(N106–N108), the grouped list, the family filter and the footer at 80 columns.

Driven through Textual's pilot on copies of the seed and of corpus PDFs (sidecars go to tmp).
"""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("textual")

from textual.widgets import Select, Static  # noqa: E402

from auditor.rules.catalogue import FAMILIES, get_rule  # noqa: E402
from auditor.tui.app import AuditApp  # noqa: E402
from auditor.tui.dialogs.filter import FilterDialog  # noqa: E402
from auditor.tui.session import family as family_of, find_cell  # noqa: E402
from auditor.tui.widgets.evidence import FOCUS_STYLE  # noqa: E402

from .conftest import corpus_file  # noqa: E402
from .pilot import screen_text, sync  # noqa: E402
from .test_tui import ready  # noqa: E402


def first(screen, rule: str, **want) -> int:
    s = screen.session
    return next(
        i for i, r in enumerate(s.results) if r.rule == rule and all(getattr(r, k) == v for k, v in want.items())
    )


async def show(screen, pilot, i: int) -> None:
    assert screen.results_list.select_result(i)
    await pilot.pause()
    await pilot.pause()
    assert screen.current() == i


def evidence_title(screen) -> str:
    return str(screen.query_one("#evidence-title", Static).render())


def lit_cell(screen) -> tuple[int, int, str]:
    """(row, column, text) of the cell drawn in the focus style in the evidence grid."""
    grid = screen.query_one("#evidence-table")
    for r in range(grid.row_count):
        for c, cell in enumerate(grid.get_row_at(r)):
            if getattr(cell, "style", None) == FOCUS_STYLE:
                return r, c, cell.plain
    raise AssertionError("no highlighted cell")


@sync
async def test_cross_table_result_shows_both_cells_and_t_switches_tables(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        i = first(screen, "X101")
        r = s.results[i]
        a, b = r.evidence
        assert a.table_id != b.table_id  # two cells in two tables
        await show(screen, pilot, i)
        for ev in (a, b):
            table = s.table(ev.table_id)
            assert table.title in evidence_title(screen)
            row, col, text = lit_cell(screen)
            assert (row, text) == (find_cell(table, ev)[0], ev.value)
            grid = screen.query_one("#evidence-table")
            assert grid.cursor_coordinate.row == row  # the compared cell is the grid's cursor, in view
            assert grid.scroll_y <= row < grid.scroll_y + grid.scrollable_content_region.height
            assert f"{r.evidence.index(ev) + 1}/2（t 切换）" in str(screen.query_one("#evidence").border_title)
            await pilot.press("t")
            await pilot.pause()
        assert s.table(a.table_id).title in evidence_title(screen)  # t wraps around to the first table
        text = screen_text(app)
        assert "表间核对" in text and "None" not in text
        assert get_rule("X101").title in str(screen.query_one("#explanation", Static).render())


@sync
async def test_disclosure_results_show_their_table_or_what_was_checked(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        grid = screen.query_one("#evidence-table")
        note = screen.query_one("#evidence-note", Static)

        # D101 names a whole table (no row, no column): that table, from its top, no cell singled out
        i = first(screen, "D101")
        ev = s.results[i].evidence[0]
        assert (ev.row, ev.column) == ("", "")
        await show(screen, pilot, i)
        assert grid.display and grid.row_count == len(s.table(ev.table_id).rows)
        assert s.table(ev.table_id).title in evidence_title(screen)
        assert grid.scroll_y == 0 and not grid.show_cursor

        # D107 names a subject by its row (the column is the printed name): that row's label is lit
        i = first(screen, "D107", verdict="fail")
        await show(screen, pilot, i)
        row, col, text = lit_cell(screen)
        assert col == 0 and "资源勘探" in text

        # D104 has no evidence: a line saying what the rule checks, from the catalogue
        i = first(screen, "D104")
        assert not s.results[i].evidence
        await show(screen, pilot, i)
        assert not grid.display
        shown = str(note.render())
        assert "公开完整性检查" in shown and "核对内容" in shown
        assert get_rule("D104").checks[:15] in shown.replace("\n", "")
        text = screen_text(app)
        assert "None" not in text and "核对内容" in text


@sync
async def test_narrative_result_lists_the_figures_it_added_up(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        i = first(screen, "N107")
        r = screen.session.results[i]
        assert {e.table for e in r.evidence} == {"叙述"}
        await show(screen, pilot, i)
        grid = screen.query_one("#evidence-table")
        assert grid.display and grid.row_count == len(r.evidence)
        assert "叙述中的数字" in evidence_title(screen)
        row, _col, text = lit_cell(screen)
        assert row == 0 and text == f"{r.evidence[0].value}{r.evidence[0].unit or ''}"


@sync
async def test_footer_keeps_the_essential_keys_at_80_columns(seed_copy):
    for size, extra in (((80, 24), ("e 说明",)), ((120, 40), ("e 规则说明", "/ 搜索", "q 退出"))):
        app = AuditApp(str(seed_copy))
        async with app.run_test(size=size) as pilot:
            await ready(app, pilot)
            for _ in range(20):  # the footer recomposes once the document's keys are enabled
                footer = screen_text(app).splitlines()[-1]
                if "j k" in footer:
                    break
                await pilot.pause()
            for key in ("j k 移动", "n N 待审", "f 筛选", "a 确认", "o 改判", "c 批注", "? 帮助", "^p 命令", *extra):
                assert key in footer, (size, footer)


@sync
async def test_list_is_grouped_in_audit_order_and_the_cursor_skips_headings(seed_copy):
    app = AuditApp(str(seed_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)
        s = screen.session
        lst = screen.results_list
        # the audit's order for the findings, every pass after them under one heading
        passes = [i for i in range(len(s.results)) if s.results[i].verdict == "pass"]
        others = [i for i in range(len(s.results)) if s.results[i].verdict != "pass"]
        assert passes and lst.shown == others + passes
        headings = [k for k, i in enumerate(lst._rows) if i is None]
        assert len(headings) == len({family_of(s.results[i].rule) for i in others}) + 1
        assert str(lst.get_row_at(headings[-1])[3]).startswith(f" 通过 {len(passes)} 条")
        # up from the first result stays there; down across a heading lands on the next result
        lst.select_result(lst.shown[0])
        await pilot.pause()
        await pilot.press("k")
        assert screen.current() == lst.shown[0]
        last_n = max(i for i in others if s.results[i].rule.startswith("N"))
        after_n = others[others.index(last_n) + 1]
        lst.select_result(last_n)
        await pilot.pause()
        await pilot.press("j")
        assert not s.results[screen.current()].rule.startswith("N") and screen.current() == after_n
        await pilot.press("k")
        assert screen.current() == last_n

        # the filter offers every family by its Chinese name, and 不通过-first as an order
        await pilot.press("f")
        assert isinstance(app.screen, FilterDialog)
        family = app.screen.query_one("#filter-family", Select)
        labels = [str(label) for label, _value in family._options]
        for f, name in FAMILIES.items():
            assert any(label.startswith(f"{f} {name}") for label in labels)
        app.screen.query_one("#filter-order", Select).value = "verdict"
        await pilot.click("#filter-ok")
        await pilot.pause()
        verdicts = [s.results[i].verdict for i in lst.shown]
        assert verdicts[: s.counts()["fail"]] == ["fail"] * s.counts()["fail"]
        assert "不通过在前" in str(screen.query_one("#summary", Static).render())


@pytest.mark.parametrize(
    "rel",
    ["shanghai/附件2：部门决算模板.pdf", "jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf"],
    ids=["template", "jiangsu"],
)
@sync
async def test_every_rule_shows_something_on_a_corpus_pdf(rel, tmp_path):
    """One result of each rule and verdict: no empty pane, no "None", no crash (both terminal sizes)."""
    dst = tmp_path / "doc.pdf"
    shutil.copy(corpus_file(rel), dst)
    for size in ((80, 24), (120, 40)):
        app = AuditApp(str(dst))
        async with app.run_test(size=size) as pilot:
            screen = await ready(app, pilot)
            s = screen.session
            seen: set[tuple[str, str]] = set()
            for i, r in enumerate(s.results):
                if (r.rule, r.verdict) in seen:
                    continue
                seen.add((r.rule, r.verdict))
                await show(screen, pilot, i)
                grid = screen.query_one("#evidence-table")
                note = str(screen.query_one("#evidence-note", Static).render())
                assert (grid.display and grid.row_count > 0) or (not grid.display and "核对内容" in note), r.rule
                for pane in ("#sentence", "#explanation"):
                    assert str(screen.query_one(pane, Static).render()).strip(), (r.rule, pane)
                text = screen_text(app)
                assert "None" not in text and "「」" not in text, r.rule
            assert any(rule.startswith("D") for rule, _ in seen)
