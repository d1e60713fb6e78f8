"""What follows from a table's reading (T100), applied once to every rule's results.

A doubtful table (Table.reading, tables/reading.py) makes no finding 不通过:
- its own arithmetic results (T101–T105) collapse into one T100 存疑 "表格读取存疑：…" naming the
  relations that broke (the full list is in the table's reading: --json, -v, the review app);
- a cross-table (X) or narrative (N) 不通过 whose evidence includes one of its cells becomes 存疑,
  "依据的表格读取存疑".
A table whose unit was not found is not doubtful (its sums need no unit), but a 不通过 that compares
it with a figure in a stated unit becomes 存疑, "依据的表格单位未标明": it may be 元 against 万元.
Every other table gets a T100 通过 saying its reading held, so each table carries a verdict.
"""

from __future__ import annotations

from ..model import Document, Table
from ..results import Evidence, Result
from ..tables.reading import reading_of

RELATIONS = ("T101", "T102", "T103", "T104", "T105")
SHOWN = 3  # broken relations named in the message; the rest are in the evidence and the reading


def _whole(table: Table) -> Evidence:
    return Evidence(table=table.title, table_id=table.id, row="", column="", value="", unit=table.unit,
                    page=table.pages[0] if table.pages else None)


def _name(table: Table) -> str:
    return f"{table.number or ''}《{table.title or table.id}》"


def reading_result(table: Table, collapsed: list[Result]) -> Result | None:
    """The T100 verdict on one table's reading; None for a table with no figures."""
    rd = reading_of(table)
    if table.empty and not rd.doubtful:
        return None
    anchor = f"{table.kind}/{table.title}/{table.id}"
    text = f"{table.title}：读取"
    if rd.doubtful:
        broken = [r for r in collapsed if r.verdict == "fail"]
        msg = f"表格读取存疑：{_name(table)}{'；'.join(rd.reasons)}。"
        if broken:
            named = "；".join(r.message.rstrip("。") for r in broken[:SHOWN])
            more = f"等 {len(broken)} 项（完整列表见 -v 或审阅界面）" if len(broken) > SHOWN else ""
            msg += f"不成立的勾稽关系：{named}{more}。"
        msg += "本表各项核对不作不通过，请对照原表人工核对。"
        evidence = [r.evidence[0] for r in broken if r.evidence] or [_whole(table)]
        return Result(rule="T100", kind="table", verdict="warn", severity="warning", message=msg,
                      page=table.pages[0] if table.pages else None, text=text, evidence=evidence, anchor=anchor)
    msg = f"{_name(table)}读取正常：本表勾稽关系 {rd.held}/{rd.checked} 项成立。" if rd.checked else (
        f"{_name(table)}读取正常（本表没有可核对的勾稽关系）。")
    return Result(rule="T100", kind="table", verdict="pass", severity="info", message=msg,
                  page=table.pages[0] if table.pages else None, text=text, evidence=[_whole(table)], anchor=anchor)


def _demote(r: Result, why: str) -> None:
    r.verdict, r.severity = "warn", "warning"
    r.message = f"{why}，不作不通过：{r.message}"


def _tables_of(r: Result, by_id: dict[str, Table]) -> list[Table]:
    return [by_id[i] for i in dict.fromkeys(e.table_id for e in r.evidence if e.table_id) if i in by_id]


def _needs_unit(r: Result, tables: list[Table]) -> Table | None:
    """The unit-less table a comparison rests on, when the comparison needs its unit: a narrative
    figure always states one; two tables need it when the other table states one."""
    unitless = [t for t in tables if not reading_of(t).unit_found]
    if not unitless:
        return None
    if r.kind == "claim" or any(t.unit for t in tables):
        return unitless[0]
    return None


def apply_reading(doc: Document, results: list[Result], *, tables_checked: bool) -> list[Result]:
    """results with the reading applied; tables_checked: the T family ran, so each table gets T100."""
    by_id = {t.id: t for t in doc.tables}
    collapsed: dict[str, list[Result]] = {}
    out: list[Result] = []
    for r in results:
        tables = _tables_of(r, by_id)
        if r.rule in RELATIONS and tables and reading_of(tables[0]).doubtful:
            collapsed.setdefault(tables[0].id, []).append(r)
            continue
        if r.verdict == "fail" and r.kind in ("claim", "cross_table"):
            doubtful = [t for t in tables if reading_of(t).doubtful]
            if doubtful:
                _demote(r, f"依据的表格读取存疑（{_name(doubtful[0])}{reading_of(doubtful[0]).reasons[0]}）")
            else:
                unitless = _needs_unit(r, tables)
                if unitless is not None:
                    _demote(r, f"依据的表格单位未标明（{_name(unitless)}），无法确定是元还是万元")
        out.append(r)
    if not tables_checked:
        return out
    verdicts: list[Result] = []
    unitless = [t for t in doc.tables if not t.empty and not reading_of(t).doubtful and not reading_of(t).unit_found]
    for t in doc.tables:
        if t in unitless:
            continue
        res = reading_result(t, collapsed.get(t.id, []))
        if res is not None:
            verdicts.append(res)
    if unitless:
        verdicts.append(unit_result(unitless))
    # with the other table results, so a reviewer reads them in the table family
    last_t = max((i for i, r in enumerate(out) if r.rule.startswith("T")), default=None)
    at = last_t + 1 if last_t is not None else next((i for i, r in enumerate(out) if r.rule[:1] in "XD"), len(out))
    return out[:at] + verdicts + out[at:]


def unit_result(tables: list[Table]) -> Result:
    """One 提示 for all the tables of a document whose unit was not found (often all of them)."""
    names = "、".join(_name(t) for t in tables[:SHOWN]) + (f"等 {len(tables)} 张表" if len(tables) > SHOWN else "")
    msg = (f"单位未标明：{names}未读到金额单位。这些表自身的勾稽关系照常核对，"
           "与叙述或标明单位的表格比较时不作不通过（无法确定是元还是万元）。")
    first = tables[0]
    return Result(rule="T100", kind="table", verdict="warn", severity="info", message=msg,
                  page=first.pages[0] if first.pages else None, text=f"{first.title}：单位",
                  evidence=[_whole(t) for t in tables], anchor="unit/" + "/".join(t.id for t in tables[:1]))
