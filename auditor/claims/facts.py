"""Where a value lives: concepts from patterns/claims.yaml resolved against a document's tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

import regex

from .. import patterns
from ..model import Cell, Column, Document, Row, Table
from ..numbers import UNIT_SCALE, Amount, fmt
from ..results import Evidence
from .columns import current_columns, pick_column, prior_columns  # noqa: F401 - re-exported

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])")
_SUBITEM = re.compile(r"^\s*其中\s*[：:]?\s*")  # "其中：（一）因公出国（境）支出" names the item after it
# A table's "@total" row for a narrative figure (patterns/tables.yaml rows): the first row that closes
# the table, either side ("本年收入合计" of a 收支总表 is what "收入预算…万元" states). Differs on purpose
# from checks/printings.TOTAL (an expenditure measure's total row across tables, so also "本年支出")
# and checks/arithmetic._TOTAL_ROW (the row that sums the 类 rows of one side, raw names).
_TOTAL_NAMES = ("合计", "总计", "本年支出合计", "本年收入合计")


def row_key(name: str) -> str:
    """A row name as the narrative would write it: no numbering, no (类) tag, 其它 spelt 其他."""
    key = _NUMBERING.sub("", name.replace(" ", "")).replace("（类）", "").strip()
    return key.replace("其它", "其他")


def has_amount(row: Row) -> bool:
    return any(c.amount is not None for c in row.cells.values())


@dataclass
class Fact:
    table: Table
    row: Row
    column: Column
    amount: Amount | None  # None: blank cell (taken as 0 when the concept allows it)
    doc_unit: str | None = None  # the unit every other table states, for a table whose unit line was not read
    confirm_only: bool = False  # a stand-in value: agreement confirms the claim, a difference proves nothing
    scope: str | None = None  # a place that holds one scope's part (spec `scope`): only for claims naming it

    @property
    def unit(self) -> str:
        return self.table.unit or self.doc_unit or "元"

    @property
    def value(self) -> Decimal:
        return self.amount.value if self.amount else Decimal(0)

    @property
    def half(self) -> Decimal:
        return self.amount.half_unit if self.amount else Decimal(0)

    def in_unit(self, unit: str) -> tuple[Decimal, Decimal]:
        """(value, half-unit tolerance) converted to unit."""
        f = UNIT_SCALE.get(self.unit, Decimal(1)) / UNIT_SCALE.get(unit, Decimal(1))
        return self.value * f, self.half * f

    @property
    def shown(self) -> str:
        return self.amount.text if self.amount else "空白"


@dataclass
class Concept:
    id: str
    name: str
    wordings: list[regex.Pattern]
    facts: list[dict]
    prior: list[dict]


@patterns.cached
def concepts() -> list[Concept]:
    data = patterns.load("claims")
    return [
        Concept(
            id=c["id"],
            name=c["name"],
            wordings=[regex.compile(w) for w in c["wordings"]],
            facts=c.get("facts", []),
            prior=c.get("prior", []),
        )
        for c in data["concepts"]
    ]


def evidence_of(f: Fact) -> Evidence:
    """Where a fact was read, enough to find it by hand."""
    return Evidence(
        table=f.table.title, table_id=f.table.id, row=f.row.label, column=f.column.key,
        value=f.amount.text if f.amount else "", unit=f.unit, page=f.row.page,
    )


def doc_unit(doc: Document) -> str | None:
    """The unit all tables that state one agree on (None when they differ or none states one)."""
    units = {t.unit for t in doc.tables if t.unit}
    return units.pop() if len(units) == 1 else None


def year_row(rows: list[Row], year: int | None) -> Row | None:
    """The row a table with one row per year prints for that year ("年度: 2026年")."""
    if year is None:
        return None
    label = regex.compile(rf"^\s*{year}\s*年(?:度)?(?:预算|决算)?(?:数)?\s*$")
    for r in rows:
        if label.match(r.name or "") or any(c.amount is None and label.match(c.text) for c in r.cells.values()):
            return r
    return None


def find_rows(table: Table, names: list[str], side: str | None, year: int | None = None) -> Row | None:
    rows = [r for r in table.rows if side is None or (r.side or "").startswith(side)]
    for name in names:
        if name == "@first":
            # a table with a row per year (2025年 / 2026年 / 增减变化金额): this year's row
            dated = year_row(rows, year)
            if dated is not None:
                return dated
            # the first row that holds figures: header words left over as a row are skipped
            filled = [r for r in rows if has_amount(r)]
            if filled:
                return filled[0]
            continue
        if name == "@total":
            for r in rows:
                if not r.code and row_key(r.name) in _TOTAL_NAMES:
                    return r
            # a total row whose name cell was lost: the first unnamed, uncoded row with figures
            if rows and not rows[0].code and not rows[0].name.strip() and has_amount(rows[0]):
                return rows[0]
            continue
        for r in rows:
            if row_key(r.name) == name or row_key(_SUBITEM.sub("", r.name)) == name:
                return r
    return None


def resolve(doc: Document, specs: list[dict], *, prior: bool = False, column_hint: str | None = None) -> Fact | None:
    """The first spec that exists in the document gives the fact."""
    found = resolve_all(doc, specs, prior=prior, column_hint=column_hint)
    return found[0] if found else None


def resolve_all(doc: Document, specs: list[dict], *, prior: bool = False, column_hint: str | None = None) -> list[Fact]:
    """Every place the concept's value is printed, in the order of preference."""
    out: list[Fact] = []
    for spec in specs:
        for f in _resolve_one(doc, spec, prior=prior, column_hint=column_hint):
            f.confirm_only = bool(spec.get("confirm_only"))
            f.scope = spec.get("scope")
            out.append(f)
    return out


def _sum_of_codes(doc: Document, spec: dict, *, prior: bool, column_hint: str | None) -> Fact | None:
    """A value no table prints as one figure, added up from the rows that make it: 人员经费 is
    301 工资福利支出 + 303 对个人和家庭的补助 where the basic table has no 人员经费 column. The
    sum carries the rounding of all its parts (n half-units)."""
    for kind in spec["table"]:
        for table in doc.tables_of(kind):
            rows = [r for r in table.rows if r.code in spec["codes"]]
            if not rows:
                continue
            cols = prior_columns(table, doc.meta.year) if prior else current_columns(table, doc.meta.year)
            col = pick_column(cols, column_hint or spec.get("column"))
            if col is None:
                continue
            cells = [r.cells.get(col.key) for r in rows]
            amounts = [c.amount for c in cells if c is not None and c.amount is not None]
            if not amounts:
                continue
            decimals = max(a.decimals for a in amounts)
            total = sum((a.value for a in amounts), Decimal(0))
            text = fmt(total, decimals)
            amount = Amount(value=total, decimals=decimals, text=text)
            label = "+".join(r.code or "" for r in rows)
            row = Row(name=f"{label} 合计", code=None, cells={col.key: Cell(text=text, amount=amount)},
                      page=rows[0].page, index=-1, side=rows[0].side)
            return Fact(table=table, row=row, column=col, amount=amount)
    return None


def _lists_categories(table: Table, how: bool | str) -> bool:
    """Whether a table prints its categories as rows, so that a category with no row is 0.
    how is true (rows named "…类") or a regular expression that a category row's name matches
    ("A-货物", "服务": a procurement table that lists 货物 and 服务 has no 工程)."""
    if isinstance(how, str):
        rx = regex.compile(how)
        return any(rx.fullmatch(row_key(r.name)) for r in table.rows)
    return any(row_key(r.name).endswith("类") for r in table.rows)


def _resolve_one(doc: Document, spec: dict, *, prior: bool, column_hint: str | None) -> Iterator[Fact]:
    """Every table of the spec's kinds that prints the value: a document may carry two tables of one
    kind (苏州: 财政拨款支出表 with 政府性基金 and 一般公共预算支出表), and the claim's figure tells which."""
    if spec.get("codes"):
        found = _sum_of_codes(doc, spec, prior=prior, column_hint=column_hint)
        if found is not None:
            yield found
        return
    year = doc.meta.year
    for kind in spec["table"]:
        for table in doc.tables_of(kind):
            names = list(spec.get("row", ["@total"]))
            if names[:1] == ["@first"] and doc.meta.stage == "决算":
                names = ["决算数", "决算"] + names  # a table with a 预算数 row and a 决算数 row
            row = find_rows(table, names, spec.get("side"), year)
            if prior and row is not None and "@first" in names and year_row(table.rows, year) is row:
                # a row per year: last year's figure is in last year's row, same column
                last = year_row(table.rows, year - 1)
                if last is not None:
                    col = pick_column(current_columns(table, year, row.side), spec.get("column"), None, last)
                    cell = last.cells.get(col.key) if col is not None else None
                    if cell is not None and (cell.amount is not None or spec.get("zero_if_blank")):
                        yield Fact(table=table, row=last, column=col, amount=cell.amount, doc_unit=doc_unit(doc))
                continue
            if row is None and spec.get("zero_if_absent") and not prior and _lists_categories(table, spec["zero_if_absent"]):
                # the table lists its categories and this one is not among them: it is 0
                col = pick_column(current_columns(table, year), spec.get("column"))
                if col is not None:
                    ghost = Row(name=f"{names[0]}（表中无此行）", code=None, cells={}, page=None, index=-1)
                    yield Fact(table=table, row=ghost, column=col, amount=None, doc_unit=doc_unit(doc))
                    continue
            if row is None:
                continue
            if prior:
                cols = prior_columns(table, year)
                col = pick_column(cols, column_hint or spec.get("column"))
                if col is None and cols and not (column_hint or spec.get("column")):
                    col = cols[0]
            else:
                prefer = "决算" if doc.meta.stage == "决算" else None
                col = pick_column(current_columns(table, year, row.side), spec.get("column"), prefer, row)
            if col is None:
                continue
            cell = row.cells.get(col.key)
            if cell is None:
                continue
            if cell.amount is None and not spec.get("zero_if_blank"):
                continue
            yield Fact(table=table, row=row, column=col, amount=cell.amount, doc_unit=doc_unit(doc))


_GENERIC_ROWS = ("基本支出", "项目支出", "本年支出", "本年收入", "财政拨款收入", "一般公共预算财政拨款收入")
_CLASS_TABLES = ("gpb_expenditure", "expenditure", "summary", "fiscal_summary", "income")
_FUND_TABLES = ("gov_fund", "state_capital")  # searched for a classification chain of that scope


def class_row_facts(doc: Document, name: str) -> list[Fact]:
    """A row named in the narrative (一般公共服务支出, 上级补助收入 …): its current total in every
    classification table that prints the row with a figure, in the order of _CLASS_TABLES (一般公共预算
    first, then all funds); the first blank one only when none prints a figure (a table whose figures
    were read into the wrong column leaves its class rows blank, and a blank is no 0). The narrative's
    "教育支出 33862.49万元" under 部门收支总体情况 speaks of all funds, the same words under
    财政拨款 of the 一般公共预算 table: the caller takes the one the claim's scope and figure fit."""
    found = _class_row_facts(doc, lambda r: row_key(r.name) == name)
    printed = [f for f in found if f.amount is not None]
    return printed or found[:1]


def _class_row_facts(doc: Document, match) -> list[Fact]:
    year = doc.meta.year
    out: list[Fact] = []
    for kind in _CLASS_TABLES:
        for table in doc.tables_of(kind):
            for row in table.rows:
                if not match(row):
                    continue
                col = pick_column(current_columns(table, year, row.side), None)
                if col is None:
                    continue
                cell = row.cells.get(col.key)
                out.append(Fact(table=table, row=row, column=col, amount=cell.amount if cell else None, doc_unit=doc_unit(doc)))
    return out


def _split_joined(doc: Document, keys: list[str]) -> list[str]:
    """"人大事务行政运行（项）": a 款 name written straight before its 项 name, as Jiangsu does.
    When the leaf is no row's name but starts with a 款 row's name, the chain is 款 → the rest."""
    leaf = keys[-1]
    rows = [r for kind in _CLASS_TABLES for t in doc.tables_of(kind) for r in t.rows]
    if any(row_key(r.name) == leaf for r in rows):
        return keys
    for r in rows:
        name = row_key(r.name)
        if r.code and len(r.code) == 5 and len(name) >= 2 and leaf.startswith(name) and len(leaf) > len(name):
            rest = leaf[len(name):]
            if any(row_key(c.name) == rest and c.code and c.code.startswith(r.code) for c in rows):
                return keys[:-1] + [name, rest]
    return keys


def _row_name(doc: Document, key: str) -> str:
    """The row a chain level names: "一般公共服务（类）" is the row 一般公共服务支出, and words the
    chain pattern took in before the name ("年一般公共服务") are not part of it."""
    names = {row_key(r.name) for kind in _CLASS_TABLES + _FUND_TABLES for t in doc.tables_of(kind) for r in t.rows if r.name}
    for i in range(0, max(len(key) - 3, 1)):
        for cand in (key[i:], key[i:] + "支出", key[i:].removesuffix("支出")):
            if cand in names:
                return cand
    return key


def chain_fact(doc: Document, chain: list[str]) -> Fact | None:
    found = chain_facts(doc, chain)
    return found[0] if found else None


def chain_facts(doc: Document, chain: list[str]) -> list[Fact]:
    """The row a "X（类）Y（款）Z（项）" chain names: Z under Y under X, by code prefix.

    The same 项 name (一般行政管理事务, 行政运行) recurs under many 款, so the leaf name alone is
    ambiguous; the codes of the 类 and 款 rows pin it down. Without codes the rows that follow
    the parent in table order are searched. Every classification table that prints the row gives
    one fact (the 支出总表 of all funds and the 财政拨款 table may print different values).
    """
    out: list[Fact] = []
    keys = _split_joined(doc, [_row_name(doc, k.replace("其它", "其他")) for k in chain])
    year = doc.meta.year
    for kind in _CLASS_TABLES + _FUND_TABLES:
        for table in doc.tables_of(kind):
            rows = table.rows
            parent_code: str | None = None
            after = 0
            found: Row | None = None
            for depth, key in enumerate(keys):
                found = None
                for i in range(after, len(rows)):
                    r = rows[i]
                    if row_key(r.name) != key:
                        continue
                    if parent_code and r.code and not r.code.startswith(parent_code):
                        continue
                    found, after, parent_code = r, i + 1, r.code or parent_code
                    break
                if found is None:
                    break
            if found is None:
                continue
            col = pick_column(current_columns(table, year, found.side), None)
            if col is None:
                continue
            cell = found.cells.get(col.key)
            if cell is None or cell.amount is None:
                continue
            out.append(Fact(table=table, row=found, column=col, amount=cell.amount, doc_unit=doc_unit(doc)))
    return out


def class_names(doc: Document) -> set[str]:
    names: set[str] = set()
    for kind in _CLASS_TABLES:
        for table in doc.tables_of(kind):
            for row in table.rows:
                k = row_key(row.name)
                coded = bool(row.code) and len(k) >= 2
                if (coded or (len(k) >= 4 and k.endswith(("支出", "收入")))) and k not in _GENERIC_ROWS:
                    names.add(k)
    return names


def same_value_rows(doc: Document, claimed: Decimal, unit: str, tol: Decimal, exclude: Fact | None) -> list[Fact]:
    """Other classification rows whose current value equals the claimed figure."""
    out: list[Fact] = []
    seen: set[str] = set()
    for kind in _CLASS_TABLES:
        for table in doc.tables_of(kind):
            cols = current_columns(table, doc.meta.year)
            for row in table.rows:
                if not row.name or row_key(row.name) in seen or row_key(row.name) in _TOTAL_NAMES:
                    continue
                col = pick_column([c for c in cols if c.side == row.side], None)
                if col is None:
                    continue
                cell = row.cells.get(col.key)
                if cell is None or cell.amount is None:
                    continue
                f = Fact(table=table, row=row, column=col, amount=cell.amount, doc_unit=doc_unit(doc))
                v, h = f.in_unit(unit)
                if abs(v - claimed) <= tol + h and (exclude is None or row_key(row.name) != row_key(exclude.row.name)):
                    out.append(f)
                    seen.add(row_key(row.name))
    return out
