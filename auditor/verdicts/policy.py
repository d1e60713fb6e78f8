"""The one cross-examination every family's 不通过 goes through (T, X, N, R).

Run once over a document's results, after the reading status (checks/doubt.py) is applied. A
result that would fail and carries its comparison (Result.basis) is asked, in order:
1. does any value rest on a fallback (found by position, a stand-in, several rows added up)? Then
   it is 存疑, naming how the value was found;
2. does an alternative reading (readers.py) make the relation hold? Then 存疑 "若按…则相符";
3. otherwise it stays 不通过. A strong subject whose figure equals a differently named row keeps its
   不通过 naming that row (the wrong-label error) when no reading of its own subject holds.
The basis is dropped afterwards: results travel between processes and into reports without it.
"""

from __future__ import annotations

from ..model import Document
from ..numbers import UNIT_SCALE, fmt
from ..results import Result
from .basis import Comparison
from .readers import READERS, Alternative, narrower_scope

FAMILIES = ("T", "X", "N", "R")


def _demote(r: Result, why: str) -> None:
    r.verdict, r.severity = "warn", "warning"
    r.message = f"{why}，不作不通过：{r.message}"


def _shown(comp: Comparison, alt: Alternative, unit: str | None) -> str:
    if comp.percent:
        return f"{fmt(alt.value, 2)}%"
    u = unit or "元"
    return f"{fmt(alt.value / UNIT_SCALE.get(u, 1), 2)}{u}"


def alternative(doc: Document, comp: Comparison) -> Alternative | None:
    """The first alternative reading under which the relation holds."""
    if comp.of_change:
        return None  # the readers re-read one cell against the claimed figure, not a difference
    for reader in READERS:
        alt = reader(doc, comp)
        if alt is None:
            continue
        claimed, expected, half = comp.claimed, comp.expected, comp.expected_half
        if alt.role == "expected":
            expected, half = alt.value, alt.half
        else:
            claimed = alt.value
        if comp.holds(claimed, expected, half):
            return alt
    return None


def examine(doc: Document, r: Result) -> None:
    """Cross-examines one would-be 不通过 in place."""
    comp: Comparison | None = r.basis
    if r.verdict != "fail" or comp is None:
        return
    weak = next((s for s in comp.sources if s.how != "direct" and s.role != "place"), None)
    if weak is not None:
        _demote(r, f"比对所用数值{weak.why or '并非按表头和行名直接找到'}")
        return
    if r.rule in ("T101", "T102") and _continued(doc, comp):
        _demote(r, "该表在下一页有同样表头、未印标题的续表，下级科目或类级科目可能印在续表中")
        return
    blank = next((s for s in comp.sources if s.role in ("expected", "prior") and s.value() is None), None)
    if comp.family == "N" and blank is not None and not comp.wrong_label:
        # a blank cell read against a stated figure: the figure may sit in a cell we did not read (a
        # figure glued into the next column, a lost separator). The seed's wrong-label case keeps its
        # 不通过: there the figure is printed on another row, which names the error.
        _demote(r, f"表格「{blank.row.label}」该处未读到数字（空白），数字可能印在别处或未能读出")
        return
    alt = alternative(doc, comp)
    if alt is not None:
        unit = r.claimed.unit if r.claimed else None
        _demote(r, f"若按{alt.reading}则相符（{_shown(comp, alt, unit)}）")
        r.evidence += alt.evidence
        return
    narrower = None if comp.of_change else narrower_scope(doc, comp)
    if narrower is not None:
        _demote(r, narrower)


def _continued(doc: Document, comp: Comparison) -> bool:
    """Whether the table of a vertical sum goes on in the next table read: untitled, with the same
    columns, on the next page (a continuation the assembly did not join). Its rows may hold the parts
    this sum misses."""
    table = comp.sources[0].table if comp.sources else None
    if table is None or table not in doc.tables or not table.pages:
        return False
    i = doc.tables.index(table)
    nxt = doc.tables[i + 1] if i + 1 < len(doc.tables) else None
    return (nxt is not None and not nxt.title.strip() and bool(nxt.pages)
            and min(nxt.pages) == max(table.pages) + 1
            and [c.key for c in nxt.columns] == [c.key for c in table.columns])


def cross_examine(doc: Document, results: list[Result]) -> list[Result]:
    for r in results:
        if r.rule[:1] in FAMILIES:
            examine(doc, r)
        r.basis = None
    return results
