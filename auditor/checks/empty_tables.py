"""D103: an empty table says why it is empty: in a note under it, in the narrative, or in the 目录's
空表理由 column (Xi'an's template lists "是否空表 | 公开空表理由" for every table).

A 汇总 table split per 预算单位 is judged as printed: empty when every part is.
"""

from __future__ import annotations

import re

from ..model import Document, Sentence, Table
from ..results import Result
from ..tables.kinds import kind_names
from .disclosure_common import NARRATIVE_MIN as _NARRATIVE_MIN
from .disclosure_common import config as _config
from .disclosure_common import result as _result
from .disclosure_common import table_ev as _table_ev


def _is_empty(t: Table) -> bool:
    values = [c.value for r in t.rows for c in r.cells.values() if c.amount is not None]
    return all(v == 0 for v in values)


def _printed_tables(doc: Document) -> list[list[Table]]:
    """Tables as printed: a 汇总 table split into one part per 预算单位 (ids t5, t5.1, t5.2 …) is one
    table, judged at 部门 level. A unit with nothing in it is a row of zeros, not an empty table."""
    groups: dict[str, list[Table]] = {}
    for t in doc.tables:
        groups.setdefault(t.id.split(".")[0], []).append(t)
    return list(groups.values())


_REASON_HEAD = re.compile(r"空表.{0,4}(理由|原因|说明)|为空的?(理由|原因)")


def _listed_reasons(doc: Document, rx: re.Pattern) -> list[str]:
    """Reasons printed in a 目录 table's 空表理由 column ("是否空表 | 公开空表理由"). Such a table
    holds no figures, so it is read as all heading: each column's path lists its entries, and which
    reason stands on which row is lost."""
    out = []
    for t in doc.tables:
        if t.kind != "other":
            continue
        for c in t.columns:
            if c.path and _REASON_HEAD.search(c.path[0]):
                out += [x for x in c.path[1:] if rx.search(x)]
    return out


def _empty_note(doc: Document, parts: list[Table], rx: re.Pattern) -> tuple[str | None, Sentence | None]:
    """The sentence or note saying why a printed table is empty, and the sentence it is in."""
    note = next((n for p in parts for n in p.notes if rx.search(n)), None)
    if note is not None:
        return note, None
    t = parts[0]
    short = kind_names().get(t.kind, t.title).strip("“”\"").replace("表", "")
    for s in doc.sentences():
        if (short in s.text or (t.number and t.number.replace(" ", "") in s.text.replace(" ", ""))) and rx.search(s.text):
            return s.text, s
    return next((x for x in _listed_reasons(doc, rx) if short in x), None), None


def check_empty_notes(doc: Document) -> list[Result]:
    """D103: an empty table says why it is empty (in a note, the narrative, or the 目录's 空表理由)."""
    rx = re.compile(_config()["empty_note"])
    empty = [parts for parts in _printed_tables(doc)
             if parts[0].kind not in ("other", "performance", "project") and any(p.rows for p in parts)
             and all(_is_empty(p) for p in parts)]
    notes = {id(parts): _empty_note(doc, parts, rx) for parts in empty}
    # reasons the 目录 lists without naming the table: they explain the empty tables nothing else
    # explains when there are as many of them
    listed = _listed_reasons(doc, rx)
    unexplained = [parts for parts in empty if notes[id(parts)][0] is None]
    if listed and len(listed) >= len(unexplained):
        for parts in unexplained:
            notes[id(parts)] = (f"目录中列明的空表理由：{'；'.join(dict.fromkeys(listed))}", None)
    out = []
    for parts in empty:
        t = parts[0]
        note, where = notes[id(parts)]
        if note is None and (len(doc.text) < _NARRATIVE_MIN or doc.part == "tables"):
            # a tables file (ingest/gate.py: no 情况说明 headings) whose narrative is published apart:
            # the reason may be given there
            out.append(_result("D103", "warn", f"{t.number or ''}《{t.title}》没有数据；本文件没有情况说明，"
                               "请与说明文件一并核对（--together）是否说明了原因。", anchor=t.id,
                               page=t.pages[0] if t.pages else None, evidence=[_table_ev(t)]))
        elif note:
            out.append(_result("D103", "pass", f"{t.number or ''}《{t.title}》为空表，已说明：{note[:60]}",
                               anchor=t.id, page=where.page if where else (t.pages[0] if t.pages else None),
                               evidence=[_table_ev(t, note[:80])]))
        else:
            out.append(_result("D103", "fail", f"{t.number or ''}《{t.title}》没有数据，但未说明为何为空表。",
                               anchor=t.id, page=t.pages[0] if t.pages else None, evidence=[_table_ev(t)]))
    return out
