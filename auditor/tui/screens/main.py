"""The review screen: result list on the left; sentence, evidence table and explanation on the right.

The document is read once, in a worker thread, behind a loading indicator; after that every move
is served from memory (Session). Decisions write the sidecar at once.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, LoadingIndicator, Static

from ...errors import EXIT_UNREADABLE, EXIT_USAGE, ReadError
from ...results import VERDICT_LABELS
from ...review import SidecarError, sidecar_path
from .. import bindings
from ..dialogs.comment import CommentDialog
from ..dialogs.explain import ExplainDialog
from ..dialogs.filter import FilterDialog
from ..dialogs.help import HelpDialog
from ..dialogs.override import WITHDRAW, OverrideDialog
from ..session import Filters, Session, load_session
from ...settings import Settings
from ..widgets.evidence import EvidenceView
from ..widgets.explanation import ExplanationView
from ..widgets.detail import detail_panes
from ..widgets.footer import ReviewFooter
from ..widgets.result_list import ResultList
from ..widgets.sentence import SentenceView
from ..widgets.summary import SummaryBar


SEARCH_HINT = "搜索原文、说明、表格、规则…（Enter 返回列表，Esc 清除）"
SEARCH_HINT_NARROW = "搜索：Enter 回列表，Esc 清除"
_REVIEW_ACTIONS = {b.action.split("(")[0] for b in bindings.MAIN}


class MainScreen(Screen):
    BINDINGS = bindings.MAIN
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # nothing takes focus by itself: the hidden search box would otherwise swallow q while loading
    AUTO_FOCUS = ""

    def __init__(self, path: str, settings: Settings | None = None) -> None:
        super().__init__()
        self.path = path
        self.settings = settings  # the command's settings: the worker thread loads with them
        self.session: Session | None = None
        self.error: str | None = None
        self._evidence_which = 0

    # ---- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(f"正在读取 {Path(self.path).name} …", id="title")
        yield LoadingIndicator(id="loading")
        yield Static(id="message")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield SummaryBar(id="summary")
                yield Input(placeholder=SEARCH_HINT, id="search")
                yield ResultList(id="results")
            yield from detail_panes(ExplanationView(id="explanation"))
        yield ReviewFooter()

    def on_mount(self) -> None:
        self.query_one("#body").display = False
        self.query_one("#search").display = False
        self.query_one("#message").display = False
        self.query_one("#evidence").border_title = "证据表"
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """The only slow step (PDF parsing, the audit): off the UI thread, once."""
        try:
            session = load_session(self.path, self.settings)
        except ReadError as exc:
            self.app.call_from_thread(self._failed, f"无法读取：{exc.message}", EXIT_UNREADABLE)
            return
        except SidecarError as exc:
            self.app.call_from_thread(self._failed, str(exc), EXIT_USAGE)
            return
        self.app.call_from_thread(self._loaded, session)

    def _failed(self, message: str, exit_code: int) -> None:
        """Nothing to review: say why in full (wrapped, not cut at the title's one line), offer q,
        and make `audit tui` exit with the code the CLI gives the same failure."""
        self.error = message
        self.app.failed(message, exit_code)  # type: ignore[attr-defined]
        self.query_one("#loading").display = False
        self.query_one("#title", Static).update(f"{Path(self.path).name}　无法审核")
        box = self.query_one("#message", Static)
        box.update(f"{message}\n\n按 q 退出。")
        box.display = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Until a document is loaded the review keys do nothing, so the footer leaves them out."""
        if self.session is None and action in _REVIEW_ACTIONS:
            return False
        return True

    def _loaded(self, session: Session) -> None:
        self.session = session
        m = session.doc.meta
        meta = "　".join(str(x) for x in (m.organization, f"{m.year}年" if m.year else None, m.kind) if x)
        note = "（已载入审核记录）" if session.state.decisions else ""
        self.query_one("#title", Static).update(f"{Path(self.path).name}　{meta}{note}")
        self.query_one("#loading").display = False
        self.query_one("#body").display = True
        # the list is filled once it has its width: filled now, at width 0, it was filled again on
        # the first resize, and a long document's list twice (the first screen's main cost)
        self.call_after_refresh(self._first_fill, session)

    def _first_fill(self, session: Session) -> None:
        results = self.results_list
        results.fill(session, session.resume_at())
        self._show_summary()
        results.focus()
        self._show_current()
        self.refresh_bindings()

    # ---- helpers -------------------------------------------------------------------------
    @property
    def results_list(self) -> ResultList:
        return self.query_one("#results", ResultList)

    def current(self) -> int | None:
        return self.results_list.current() if self.session else None

    def _show_summary(self) -> None:
        assert self.session is not None
        self.query_one("#summary", SummaryBar).show(self.session, len(self.results_list.shown))

    def _show_current(self) -> None:
        s = self.session
        i = self.current()
        if s is None:
            return
        if i is None:
            self.query_one("#sentence", SentenceView).update("没有符合筛选条件的结果。")
            self.query_one("#explanation", ExplanationView).update("")
            return
        r = s.results[i]
        self.query_one("#sentence", SentenceView).show(s, r)
        self.query_one("#evidence", EvidenceView).show(s, r, self._evidence_which)
        self.query_one("#explanation", ExplanationView).show(r, s.decision(i))

    def _refill(self) -> None:
        assert self.session is not None
        self.results_list.fill(self.session, self.current())
        self._show_summary()
        self._evidence_which = 0
        self._show_current()

    def _changed(self, i: int) -> None:
        """After a decision: redraw that row, the counts and the panes (the cursor stays)."""
        assert self.session is not None
        self.results_list.refresh_result(self.session, i)
        self._show_summary()
        self._show_current()

    def _saving(self, change, *args):
        """Run a decision; a sidecar that cannot be written is reported, and the app keeps running."""
        try:
            return change(*args)
        except OSError as exc:
            self.notify(f"审核记录无法保存：{exc}", severity="error", timeout=8)
            return None

    @on(DataTable.RowHighlighted, "#results")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._evidence_which = 0
        self._show_current()

    # ---- actions (keys declared in bindings.py) ------------------------------------------
    def action_move(self, step: int) -> None:
        if self.session is None:
            return
        lst = self.results_list
        if step > 0:
            lst.action_cursor_down()
        else:
            lst.action_cursor_up()

    def action_next_fail(self, step: int) -> None:
        if self.session is None:
            return
        j = self.session.next_fail(self.current(), step)
        if j is None:
            self.notify("当前列表中没有不通过的结果。", severity="warning")
            return
        if j == self.current():
            self.notify("只有这一条不通过。")
        self.results_list.select_result(j)

    def action_next_pending(self, step: int) -> None:
        """n / N: the next finding still to review, in list order, wrapping around."""
        if self.session is None:
            return
        j = self.session.next_pending(self.current(), step)
        if j is None:
            self.notify("当前列表中没有待审的结果：都已确认或改判。")
            return
        if j == self.current():
            self.notify("只有这一条待审。")
        self.results_list.select_result(j)

    def action_filter(self) -> None:
        if self.session is None:
            return

        def done(f: Filters | None) -> None:
            if f is not None and self.session is not None:
                self.session.filters = f
                self._refill()
            self.results_list.focus()

        self.app.push_screen(FilterDialog(self.session.filters, self.session.family_counts()), done)

    def quick_filter(self, verdict: str | None) -> None:
        """From the command palette: only the open results, or everything."""
        if self.session is None:
            return
        q = self.session.filters.query
        self.session.filters = Filters(verdict=verdict, query=q, order=self.session.filters.order)
        self._refill()

    def set_order(self, order: str) -> None:
        """From the command palette: the audit's order (grouped by family) or 不通过 first."""
        if self.session is None:
            return
        self.session.filters.order = order
        self._refill()

    def action_search(self) -> None:
        if self.session is None:
            return
        box = self.query_one("#search", Input)
        # the keys must stay in view (at 80 columns the box holds 31 cells): border, padding, cursor
        room = self.query_one("#left").size.width - 5
        box.placeholder = SEARCH_HINT if cell_len(SEARCH_HINT) <= room else SEARCH_HINT_NARROW
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self.session is not None and self.session.filters.query != event.value:
            self.session.filters.query = event.value
            self._refill()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.results_list.focus()

    def action_clear_search(self) -> None:
        box = self.query_one("#search", Input)
        if self.session is None or not (box.display or self.session.filters.query):
            return
        box.value = ""
        box.display = False
        self.session.filters.query = ""
        self._refill()
        self.results_list.focus()

    def action_accept(self) -> None:
        i = self.current()
        if i is None or self.session is None:
            return
        d = self._saving(self.session.accept, i)
        if d is None:
            return
        self.notify("已确认" if d.accepted else "已取消确认", timeout=2)
        self._changed(i)

    def action_override(self) -> None:
        i = self.current()
        if i is None or self.session is None:
            return
        s = self.session
        d = s.decision(i)

        def done(choice: str | None) -> None:
            if choice is not None:
                if self._saving(s.override, i, None if choice == WITHDRAW else choice) is None:
                    return
                eff = s.effective(i)
                self.notify(f"结论：{VERDICT_LABELS[eff]}", timeout=2)
                self._changed(i)
            self.results_list.focus()

        self.app.push_screen(OverrideDialog(s.results[i].verdict, d.verdict if d else None), done)

    def action_comment(self) -> None:
        i = self.current()
        if i is None or self.session is None:
            return
        s = self.session
        d = s.decision(i)

        def done(text: str | None) -> None:
            if text is not None:
                if self._saving(s.comment, i, text) is None:
                    return
                self.notify("批注已保存" if text.strip() else "批注已删除", timeout=2)
                self._changed(i)
            self.results_list.focus()

        self.app.push_screen(CommentDialog(d.comment if d else ""), done)

    def action_explain(self) -> None:
        i = self.current()
        if i is None or self.session is None:
            return
        self.app.push_screen(ExplainDialog(self.session.results[i], self.session.decision(i)))

    def action_next_evidence(self) -> None:
        if self.current() is None:
            return
        self._evidence_which += 1
        self._show_current()

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog())

    def action_export(self, fmt: str) -> None:
        """Write the list with decisions next to the document: FILE.review.xlsx / FILE.review.csv."""
        if self.session is None:
            return
        from ...report.export import write_csv, write_xlsx

        s = self.session
        out = sidecar_path(self.path).with_suffix("." + fmt)
        try:
            if fmt == "csv":
                write_csv(out, s.results, s.state, document=str(self.path))
            else:
                write_xlsx(out, s.results, s.state, document=str(self.path))
        except OSError as exc:
            self.notify(f"导出失败：{exc}", severity="error")
            return
        self.notify(f"已导出：{out.name}")
