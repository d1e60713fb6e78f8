"""Which body a narrative sentence speaks of: the 部门 as a whole or one of its subordinate units.

A 汇总 document (DESIGN-NOTES §7) is one disclosure at 部门 level with a section per subordinate
unit: Shenzhen prints "一、深圳市水务局（本级）… 二、深圳市水务工程质量安全监督站…", each unit's
own budget ("…监督站预算 3,687.57 万元，包括…项目支出2,150.38万元"), and tables split per unit
(`Table.section`). A unit's figure compared with the 部门 total is a false 不通过: it is compared
with that unit's tables when the document prints them, and is 无法核对 when it does not.

A unit is recognised by name: the sections of the tables, or — in a narrative with no per-unit
tables — headings that name two or more different units. The 部门 itself is never a unit.
"""

from __future__ import annotations

import dataclasses

import regex

from .. import patterns
from ..model import Document, Sentence
from ..results import Result
from .extract import Claim
from .facts import evidence_of
from .lookup import fact_for
from .subject import _flat_sections
from .verdict import SEVERITY

_NUMBER = regex.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])\s*")

# "第五部分 附件": reports appended to the disclosure (a program's 绩效评价报告) speak of the program
APPENDIX = "附件"
_MONEY = regex.compile(r"\d\s*(?:万元|亿元|元)")
_APPENDIX = regex.compile(r"附\s*件")

_CACHE: dict[int, tuple[Document, "Bodies"]] = {}


@patterns.cached
def _grammar() -> dict:
    data = patterns.load("claims")["bodies"]
    return {"unit_heading": regex.compile(data["unit_heading"]), "department": regex.compile(data["department"])}


@dataclasses.dataclass
class Bodies:
    department: str | None  # the 部门's own name, when the document prints it
    units: list[str]  # subordinate units the narrative may speak of, longest first
    tabled: set[str]  # units that have tables of their own (Table.section)
    views: dict[str | None, Document] = dataclasses.field(default_factory=dict)


def _key(name: str) -> str:
    return regex.sub(r"[\s（）()]", "", name)


def _department(doc: Document) -> str | None:
    if doc.meta.organization:
        return doc.meta.organization
    for p in doc.paragraphs[:5]:
        m = _grammar()["department"].search(regex.sub(r"\s", "", p.text))
        if m:
            return m.group("name")
    return None


def bodies(doc: Document) -> Bodies:
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    dept = _department(doc)
    tabled = {t.section for t in doc.tables if t.section}
    names = set(tabled)
    headed: set[str] = set()
    flat = _flat_sections(doc)
    for k, sec in enumerate(flat):
        m = _grammar()["unit_heading"].fullmatch(regex.sub(r"\s", "", sec.title or ""))
        if m is None or _is_department(m.group("name"), dept):
            continue
        end = next((f.start for f in flat[k + 1:] if f.level <= sec.level), len(doc.text))
        if _MONEY.search(doc.text, sec.start, end):
            headed.add(m.group("name"))  # a unit's budget, not a division in the 机构设置 list
    if len(headed) >= 2:  # one unit-like heading is the 部门 itself, or a stray title
        names |= headed
    out = Bodies(department=dept, units=sorted(names, key=len, reverse=True), tabled=tabled)
    _CACHE.clear()
    _CACHE[id(doc)] = (doc, out)
    return out


def _is_department(name: str, dept: str | None) -> bool:
    """The 部门 itself, also when abbreviated ("省检察院" for "江苏省人民检察院")."""
    if not dept:
        return False
    it = iter(_key(dept))
    return all(ch in it for ch in _key(name))


def _match_unit(text: str, units: list[str]) -> str | None:
    key = _key(text)
    for u in units:
        if key.startswith(_key(u)):
            return u
    return None


def body_of(doc: Document, sentence: Sentence) -> str | None:
    """The subordinate unit a sentence speaks of, or None for the 部门 as a whole.

    A sentence that opens with a unit's name speaks of it; otherwise the deepest heading above the
    sentence that opens with a unit's name does."""
    parts = (sentence.section or "").split("/")
    if any(_APPENDIX.fullmatch(_NUMBER.sub("", part)) for part in parts):
        return APPENDIX
    b = bodies(doc)
    if not b.units:
        return None
    own = _match_unit(_NUMBER.sub("", sentence.text), b.units)
    if own is not None:
        return own
    for part in reversed(parts):
        found = _match_unit(_NUMBER.sub("", part), b.units)
        if found is not None:
            return found
    return None


def view_for(doc: Document, body: str | None) -> Document | None:
    """The document as the body sees it: the unit's own tables for a unit, the 部门's tables
    (section None) for the 部门. None when the unit has no tables of its own."""
    if body == APPENDIX:
        return None
    b = bodies(doc)
    if not b.tabled:
        return doc if body is None or not b.units else None
    if body in b.views:
        return b.views[body]
    if body is None:
        tables = [t for t in doc.tables if t.section is None]
    else:
        tables = [t for t in doc.tables if t.section and _key(t.section) == _key(body)]
    # last year's disclosure (--previous) speaks of the 部门: no unit's prior-year figure comes from it
    view = dataclasses.replace(doc, tables=tables, previous=doc.previous if body is None else None) if tables else None
    b.views[body] = view
    return view


def unit_message(body: str) -> str:
    if body == APPENDIX:
        return "附件（绩效评价报告等）中的叙述说的是具体项目或年度，不与部门公开表格核对。"
    return f"叙述说的是下属单位“{body}”，文件中没有该单位的表格，无法核对。"


def other_level(doc: Document, body: str | None) -> list[tuple[str | None, Document]]:
    """The views of the other bodies that have tables: where a figure that disagrees with its own
    body's tables may have been taken from (存疑, naming both)."""
    b = bodies(doc)
    if not b.tabled:
        return []
    out: list[tuple[str | None, Document]] = []
    for other in [None, *sorted(b.tabled)]:
        if other == body or (other is not None and body is not None and _key(other) == _key(body)):
            continue
        view = view_for(doc, other)
        if view is not None:
            out.append((other, view))
    return out


def level_name(body: str | None) -> str:
    return f"下属单位“{body}”" if body else "部门整体"


def other_level_agrees(doc: Document, claim: Claim, subj: tuple[str, str], body: str | None, res: Result) -> Result:
    """A figure that disagrees with its own body's tables but equals another body's (the 部门 total
    for a unit's figure, or a unit's for the 部门's): 存疑, naming both, never 不通过."""
    for other, view in other_level(doc, body):
        fact, _label = fact_for(view, subj, dataclasses.replace(claim, notes=[]))
        if fact is None or claim.amount is None:
            continue
        v, h = fact.in_unit(claim.unit or "元")
        if abs(v - claim.amount.value) <= claim.amount.half_unit + h:
            res.verdict, res.severity = "warn", SEVERITY["warn"]
            res.message = (f"叙述所在部分说的是{level_name(body)}，但数值与{level_name(other)}的"
                           f"{fact.table.title}「{fact.row.label}」{fact.column.key} {fact.shown}{fact.unit}相同。"
                           + res.message)
            res.evidence.append(evidence_of(fact))
            claim.notes.append("other_level")
            return res
    return res
