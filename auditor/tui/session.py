"""What the review app shows, without Textual: the audited document, its results, decisions, filters.

Everything here is in memory once load_session() returns, so moving between results never waits
on I/O; only decisions write (the sidecar, a few KB, atomically).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engine import audit_document
from ..settings import Settings
from ..ingest import load
from ..model import Document, Paragraph, Row, Table
from ..results import VERDICT_LABELS, VERDICTS, Evidence, Result
from ..rules.catalogue import FAMILIES
from ..review import STATUSES, Decision, ReviewState, review_keys

_STOPS = set("，。；：:;,、（）()\n“”")

# filter values; None means "all"
VERDICT_FILTERS = (*VERDICTS, "open")  # open = everything that is not 通过
STATUS_FILTERS = (*STATUSES, "commented")


# list orders: the audit's own (narrative claims in reading order, then tables, cross-table checks,
# disclosure checks) with every pass in one group after them, so the list opens on what needs a
# reviewer and not on hundreds of 通过; or by verdict with 不通过 first. Each keeps the audit's order
# within a group, and both go by the verdict in force (a reviewer's 改判 counts).
ORDERS = {"audit": "审核顺序（按规则族分组，通过在后）", "verdict": "按结论（不通过在前）"}
_VERDICT_RANK = {"fail": 0, "warn": 1, "unverified": 2, "pass": 3}
PASS_GROUP = VERDICT_LABELS["pass"]
# what `n` / `N` step through: findings still pending, the 不通过 and 存疑 before the 无法核对
PENDING_TIERS = (("fail", "warn"), ("unverified",))


@dataclass
class Filters:
    verdict: str | None = None
    family: str | None = None
    status: str | None = None
    query: str = ""
    order: str = "audit"

    @property
    def active(self) -> bool:
        return bool(self.verdict or self.family or self.status or self.query or self.order != "audit")


def family(rule: str) -> str:
    """The rule family shown in filters: the leading letters of the rule id (T101 → T)."""
    m = re.match(r"[A-Za-z]+", rule)
    return m.group(0).upper() if m else rule


@dataclass
class Session:
    path: str
    doc: Document
    results: list[Result]
    state: ReviewState
    keys: list[str] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)

    def __post_init__(self) -> None:
        self.keys = review_keys(self.results)
        self._index = {k: i for i, k in enumerate(self.keys)}
        self._tables = {t.id: t for t in self.doc.tables}
        self._haystack = [_haystack(r) for r in self.results]

    # ---- lookups -------------------------------------------------------------------------
    def index_of(self, key: str) -> int | None:
        return self._index.get(key)

    def decision(self, i: int) -> Decision | None:
        return self.state.get(self.keys[i])

    def status(self, i: int) -> str:
        return self.state.status(self.keys[i])

    def effective(self, i: int) -> str:
        return self.state.effective(self.keys[i], self.results[i].verdict)

    def label(self, i: int) -> str:
        """The list line: for a claim, the words just before the figure and the figure itself
        ("一般公共服务支出 688.27 万元"), which tells apart claims made in one long sentence."""
        r = self.results[i]
        if r.span is None:
            return self._table_label(r) or r.text or r.message
        start, end = r.span
        text = self.doc.text
        k = start
        while k > 0 and start - k < 20 and text[k - 1] not in _STOPS:
            k -= 1
        cut = k > 0 and text[k - 1] not in _STOPS
        return ("…" if cut else "") + text[k:end].strip()

    def _table_label(self, r: Result) -> str:
        """A table check's text is "<table title>：<row>"; the row comes first in the list, the table
        by its printed number ("204 公共安全支出 · 表2"), so rows of different tables stay apart in
        a narrow list while the title itself is shown above the evidence grid."""
        if r.kind != "table" or not r.evidence or not r.text.startswith(r.evidence[0].table + "："):
            return ""
        title = r.evidence[0].table
        row = r.text[len(title) + 1:]
        table = self.table(r.evidence[0].table_id)
        where = (table.number or "").replace(" ", "") if table else ""
        return f"{row} · {where or title}"

    def families(self) -> list[str]:
        """The families present, in the catalogue's order (T, X, N, D)."""
        present = {family(r.rule) for r in self.results}
        return [f for f in FAMILIES if f in present] + sorted(present - set(FAMILIES))

    def family_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.results:
            f = family(r.rule)
            out[f] = out.get(f, 0) + 1
        return out

    def group(self, i: int) -> str:
        """The heading a result is listed under: its family (every pass under one 通过 heading at
        the end), or its verdict when sorted by verdict; by the verdict in force."""
        r = self.results[i]
        eff = self.effective(i)
        if self.filters.order == "verdict":
            return VERDICT_LABELS[eff]
        if eff == "pass":
            return PASS_GROUP
        f = family(r.rule)
        return f"{f} {FAMILIES[f]}" if f in FAMILIES else f

    def table(self, table_id: str | None) -> Table | None:
        return self._tables.get(table_id) if table_id else None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for p in self.doc.paragraphs:
            if p.start <= offset < p.end or (p.start <= offset and offset == p.end):
                return p
        return None

    # ---- the list ------------------------------------------------------------------------
    def visible(self) -> list[int]:
        f = self.filters
        q = f.query.strip().lower()
        out: list[int] = []
        for i, r in enumerate(self.results):
            eff = self.effective(i)
            if f.verdict == "open":
                if eff == "pass":
                    continue
            elif f.verdict and eff != f.verdict:
                continue
            if f.family and family(r.rule) != f.family:
                continue
            if f.status == "commented":
                d = self.decision(i)
                if not (d and d.comment):
                    continue
            elif f.status and self.status(i) != f.status:
                continue
            if q and q not in self._haystack[i] and not self._comment_has(i, q):
                continue
            out.append(i)
        # stable sorts: the audit's order within each group
        if f.order == "verdict":
            out.sort(key=lambda i: _VERDICT_RANK[self.effective(i)])
        else:
            out.sort(key=lambda i: self.effective(i) == "pass")
        return out

    def _comment_has(self, i: int, q: str) -> bool:
        d = self.decision(i)
        return bool(d and q in d.comment.lower())

    def next_fail(self, current: int | None, step: int) -> int | None:
        """The next (step 1) or previous (step -1) 不通过 in force among visible results, wrapping around."""
        return self._next(current, step, lambda j: self.effective(j) == "fail")

    def next_pending(self, current: int | None, step: int) -> int | None:
        """The next (step 1) or previous (step -1) finding still pending among visible results,
        wrapping around: a 不通过 or 存疑 not yet accepted or overridden; when none is left, a
        pending 无法核对; None when everything is reviewed."""
        for tier in PENDING_TIERS:
            j = self._next(current, step, lambda j: self.results[j].verdict in tier and self.status(j) == "pending")
            if j is not None:
                return j
        return None

    def _next(self, current: int | None, step: int, wanted) -> int | None:
        vis = self.visible()
        if not vis:
            return None
        pos = vis.index(current) if current in vis else (-1 if step > 0 else len(vis))
        n = len(vis)
        for k in range(1, n + 1):
            j = vis[(pos + step * k) % n]
            if wanted(j):
                return j
        return None

    def resume_at(self) -> int | None:
        """Where a review (re)opens: the first 不通过 still pending, then the first 存疑 or 无法核对
        still pending, so a reviewer back after a break lands where the work is, not on the first
        不通过 already accepted an hour ago; with nothing pending, the first 不通过 as before."""
        vis = self.visible()
        for verdicts in (("fail",), ("warn", "unverified")):
            for i in vis:
                if self.results[i].verdict in verdicts and self.status(i) == "pending":
                    return i
        return self.next_fail(None, 1)

    def counts(self) -> dict[str, int]:
        """Results by the verdict in force: a reviewer's 改判 moves a result from one count to another."""
        out = {v: 0 for v in VERDICTS}
        for i in range(len(self.results)):
            out[self.effective(i)] += 1
        return out

    def reviewed(self) -> int:
        return sum(1 for i in range(len(self.results)) if self.status(i) != "pending")

    # ---- decisions (each saved at once) --------------------------------------------------
    def accept(self, i: int) -> Decision:
        return self.state.accept(self.keys[i], self.results[i])

    def override(self, i: int, verdict: str | None) -> Decision:
        return self.state.override(self.keys[i], self.results[i], verdict)

    def comment(self, i: int, text: str) -> Decision:
        return self.state.comment(self.keys[i], self.results[i], text)


def find_cell(table: Table, ev: Evidence) -> tuple[int, int] | None:
    """(row index in table.rows, column index in table.columns) of an evidence item, or None.

    Two-sided tables (收入 | 支出) repeat column keys; the column on the row's own side is taken.
    """
    cols = [j for j, c in enumerate(table.columns) if c.key == ev.column]
    if not cols:
        return None
    fallback: int | None = None
    for i, row in enumerate(table.rows):
        if _row_matches(row, ev.row):
            if ev.column in row.cells:
                return i, _side_column(table, cols, row)
            fallback = i if fallback is None else fallback
    return (fallback, cols[0]) if fallback is not None else None


def row_index(table: Table, label: str) -> int | None:
    """The first row an evidence item's row label names (by label, name or code), or None."""
    return next((i for i, row in enumerate(table.rows) if _row_matches(row, label)), None)


def _side_column(table: Table, cols: list[int], row: Row) -> int:
    for j in cols:
        if table.columns[j].side == row.side:
            return j
    return cols[0]


def _row_matches(row: Row, label: str) -> bool:
    return label in (row.label, row.name) or (row.code is not None and label == row.code)


def figure_span(text: str, start: int, end: int, value: str | None) -> tuple[int, int]:
    """Where the claimed figure sits: the result's span, narrowed to the printed number when found."""
    if value:
        for v in (value, value.replace(",", "")):
            k = text.find(v, start, max(end, start + len(v)))
            if k >= 0:
                return k, k + len(v)
    return start, end


def _haystack(r: Result) -> str:
    parts = [r.rule, r.id, r.text, r.message, *(f"{e.table} {e.row} {e.column} {e.value}" for e in r.evidence)]
    return "\n".join(parts).lower()


def load_session(path: str, settings: Settings | None = None) -> Session:
    """Read, audit and open the sidecar: the only slow step, run once in a worker thread. The
    settings are passed in: a worker thread starts without the command's pattern scope."""
    settings = settings or Settings()
    with settings.applied():
        doc = load(path)
        results = audit_document(doc, settings=settings)
    return Session(path=path, doc=doc, results=results, state=ReviewState.open(path))
