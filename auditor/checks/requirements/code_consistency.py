"""R103 inside one document: a code printed in one table with the name its sibling carries elsewhere.

The code lists in patterns/codes/ know only some 项 for some years, so "2040601 普法宣传" in one table
goes unseen when 2040601 is unknown for the year. The document itself knows better: when its other
tables print 2040601 as 行政运行 and 2040605 as 普法宣传, the table that prints 2040601 普法宣传 gave a
code its sibling's name (same 款 for a 项, same 类 for a 款). Every occurrence in every table is read,
not the first per code.
"""

from __future__ import annotations

from collections import defaultdict

from ...model import Document, Row, Table
from ...results import Result
from ...tables.reading import rows_readable
from .common import result, row_evidence


def _occurrences(doc: Document, name_key) -> dict[str, list[tuple[Table, Row, str]]]:
    out: dict[str, list[tuple[Table, Row, str]]] = defaultdict(list)
    for t in doc.tables:
        if not rows_readable(t):
            continue
        for r in t.rows:
            if r.code and r.code.isdigit() and r.code[0] in "23" and len(r.code) in (5, 7):
                name = name_key(r.name)
                if name:
                    out[r.code].append((t, r, name))
    return out


def _parent(code: str) -> str:
    return code[:-2]


def _same(a: str, b: str) -> bool:
    """A wrapped or shortened printing is the same name."""
    return a == b or a in b or b in a


def check_document_consistency(doc: Document, name_key, reported: set[tuple[str, str]]) -> list[Result]:
    """Findings for occurrences whose name is, in this document, a sibling code's name while the code's
    own name is printed in another table. `reported` holds (code, name) the code lists already judged."""
    occ = _occurrences(doc, name_key)
    # the names each code carries, with the tables printing each
    tables_of: dict[str, dict[str, set[int]]] = {
        code: {name: {id(t) for t, _, n in rows if n == name} for name in {n for *_, n in rows}}
        for code, rows in occ.items()}
    found: dict[int, list[Result]] = defaultdict(list)
    for code, rows in occ.items():
        names = tables_of[code]
        if len(names) < 2:
            continue  # printed alike everywhere
        for t, r, name in rows:
            if (code, name) in reported:
                continue
            owners = [c for c in occ if c != code and len(c) == len(code) and _parent(c) == _parent(code)
                      and name in tables_of[c]]
            if not owners:
                continue
            others = [n for n in names if n != name and not _same(n, name)]
            # the code's own name: printed in other tables, and no sibling's name
            own = [n for n in others if not any(n in tables_of[c] for c in occ
                                                if c != code and len(c) == len(code) and _parent(c) == _parent(code))]
            if not own or any(id(t) in names[n] for n in own):
                continue  # no other printing to trust, or this table prints both: a reading question
            other = owners[0]
            right = own[0]
            elsewhere = sorted({tt.title for tt, _, n in rows if n == right})
            found[id(t)].append(result(
                "R103", "fail",
                f"科目编码{code}在本表印作“{r.name.strip()}”，这是{other}的名称；{('、'.join(elsewhere[:2]))}中"
                f"{code}印作“{right}”：编码与名称不对应。", anchor=f"{code}/{name}/{t.id}", page=r.page,
                text=r.label, evidence=[row_evidence(t, r, "科目名称", r.name.strip())]))
    out: list[Result] = []
    for results in found.values():
        if len(results) <= 2:  # a run of swapped names is a misread layout, not the document's error
            out += results
    return out
