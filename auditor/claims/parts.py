"""A figure that speaks of a part of one classification line, not of the 部门 total.

Xi'an explains each line and then splits it: "（3）行政事业单位养老支出（20805）705.90 万元，…。具体为：
人员经费 675.90 万元…；公用经费 0.00 万元…". That 人员经费 is the line's, printed in the 人员经费 column
of the line's row; compared with the 部门's 人员经费 it is a false 不通过. The same paragraph may name a
line of another classification ("机关工资福利支出（501）") that no table prints: the code it names
says which line it is, and a row of another code is never its value.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..model import Document
from .extract import Claim, normalize
from .facts import Fact, concepts, current_columns, doc_unit, pick_column, row_key

_CLASS_KINDS = ("gpb_expenditure", "gpb_basic", "expenditure")
_OPENER = regex.compile(
    r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[①-⑳])?\s*"
    r"(?P<name>[^\d，。；：:、“”]{2,30}?)\s*(?:[（(](?P<code>\d{3,7})[）)])?\s*"
    r"(?P<fig>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)")
_NAMED_CODE = regex.compile(r"[（(](?P<code>\d{3}(?:\d{2}){0,2})[）)]\s*$")


@patterns.cached
def _split_concepts() -> dict[str, list[dict]]:
    """Concepts a line can be split into (人员经费, 公用经费, 基本支出, 项目支出): those read from a
    column of a classification table's 合计 row. Their specs, to be read at another row."""
    out: dict[str, list[dict]] = {}
    for c in concepts():
        specs = [s for s in c.facts if s.get("row", ["@total"]) == ["@total"] and s.get("column")
                 and not s.get("codes") and set(s["table"]) & set(_CLASS_KINDS)]
        if specs:
            out[c.id] = specs
    return out


def line_of(doc: Document, claim: Claim, names: set[str]) -> tuple[str, str | None] | None:
    """(line name, code) when the claim splits the line its paragraph opens with."""
    para = doc.paragraphs[claim.sentence.paragraph]
    if not para.sentences:
        return None
    first = para.sentences[0]
    norm, index = normalize(first.text)
    m = _OPENER.match(norm)
    if m is None:
        return None
    name = row_key(m.group("name"))
    if not m.group("code") and name not in names:
        return None
    opened_at = first.start + index[m.end("fig")]
    if claim.start < opened_at:
        return None
    return name, m.group("code")


def part_fact(doc: Document, concept_id: str, line: tuple[str, str | None]) -> Fact | None:
    """The concept's value at the line's row: the 人员经费 column of row 20805."""
    name, code = line
    year = doc.meta.year
    for spec in _split_concepts().get(concept_id, []):
        # any classification table with the part's column: Xi'an's 支出明细表 prints 人员经费 per line
        # where the 基本支出 table leaves out lines without basic spending
        for kind in [*[k for k in spec["table"] if k in _CLASS_KINDS], *_CLASS_KINDS]:
            for table in doc.tables_of(kind):
                row = next((r for r in table.rows if (r.code == code if code else row_key(r.name) == name)), None)
                if row is None:
                    continue
                prefer = "决算" if doc.meta.stage == "决算" else None
                col = pick_column(current_columns(table, year, row.side), spec["column"], prefer, row)
                cell = row.cells.get(col.key) if col is not None else None
                if cell is None or cell.amount is None:
                    continue
                return Fact(table=table, row=row, column=col, amount=cell.amount, doc_unit=doc_unit(doc))
    return None


def splits_line(subj: tuple[str, str] | None) -> bool:
    return subj is not None and subj[0] == "concept" and subj[1] in _split_concepts()


def named_code(claim: Claim) -> str | None:
    """The classification code printed right before the figure: "机关工资福利支出（501）4,544.32万元"."""
    s = claim.sentence
    norm, _ = normalize(s.text[: claim.start - s.start])
    m = _NAMED_CODE.search(norm)
    return m.group("code") if m else None


def code_row_name(doc: Document, code: str) -> str | None:
    """The name of the row that carries the code in a classification table, if any prints it."""
    for kind in ("gpb_expenditure", "expenditure", "summary", "fiscal_summary", "income", "gpb_basic"):
        for table in doc.tables_of(kind):
            for r in table.rows:
                if r.code == code:
                    return row_key(r.name)
    return None


@patterns.cached
def known_names() -> frozenset[str]:
    """Every classification line name the reference lists know (功能 and 经济, all years)."""
    return frozenset(row_key(name) for entries in patterns.reference_codes().values() for name, *_ in entries)


def similar_line_policy(claim: Claim, res):
    """A line the tables do not print, compared with a row of a similar name ("机关工资福利支出（501）"
    with 301 工资福利支出, "对个人和家庭的补助（509）" with 303): agreement confirms the figure, a
    difference proves nothing about it, so it is 无法核对, naming the row."""
    line = next((n.split(":", 1)[1] for n in claim.notes if n.startswith("similar_line:")), None)
    if line is None or res.verdict not in ("fail", "warn") or "internal" in claim.notes:
        return res
    res.verdict, res.severity = "unverified", "info"
    named = f"科目编码{line}" if line.isdigit() else f"“{line}”"
    res.message = f"叙述说的是{named}，表格未列示该科目，名称相近的行不能证明其有误，无法核对。" + res.message
    res.expected = None
    return res
