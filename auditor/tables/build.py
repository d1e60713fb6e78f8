"""Turns a grid of cell strings into a Table: header keys, column roles, rows with code and name.

The rules that matter for every later verdict: a 科目编码 is never an amount; a 科目名称 that wraps
onto a second row is joined, not read as a row of its own; blank stays distinct from 0.00; and a
two-sided layout (收入 | 支出 side by side) is read as two lists.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Cell, Column, Row, Table
from ..numbers import parse_amount
from .. import patterns
from .header import column_key, header_paths, is_body_row, is_column_number_row, normalize_label
from .kinds import classify
from .meaning import derive
from .units import split_units

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_PART = re.compile(r"^\d{1,3}$")
_LEADING_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\d].*)$")
_CODE_LABELS = ("编码", "科目代码", "代码")
_CODE_PARTS = ("类", "款", "项")
# 年度: Shenzhen's 三公 table prints 预算单位 | 年度 (2025年 / 2026年 / 增减变化金额) before its figures
_NAME_LABELS = ("科目名称", "项目名称", "名称", "项目", "科目", "单位名称", "功能分类科目", "经济分类科目", "年度")
_TOTAL_WORDS = ("合计", "总计", "小计")
# columns that carry no amount: a running number (序号) or free text (备注)
_SKIP_LABELS = ("序号", "行次", "栏次", "备注", "说明")
_UNIT_LABELS = ("预算单位", "单位名称")
_WORDS = re.compile(r"[\u4e00-\u9fff]")


def _amount_like(text: str) -> bool:
    a = parse_amount(text)
    return a is not None and ("," in text or "." in text or len(text) < 3)


@dataclass
class Grid:
    rows: list[list[str]]
    row_pages: list[int | None]
    row_lines: list[int | None]


_QUALIFIER = re.compile(r"[（(][^（）()]*[)）]$")


def _role(path: tuple[str, ...]) -> str:
    leaf = path[-1] if path else ""
    # "支出功能分类科目（按大类）": the qualifier says which classification, not what the column holds
    leaf = _QUALIFIER.sub("", leaf) or leaf
    if leaf in _SKIP_LABELS:
        return "skip"
    if any(lbl.endswith(_CODE_LABELS) for lbl in path):
        return "code"
    if leaf in _CODE_PARTS:
        return "code_part"
    if leaf in _NAME_LABELS or leaf.endswith("名称") or (leaf in ("收入", "支出") and len(path) == 1):
        return "name"
    return "value"


def _known_names() -> set[str]:
    return {name for entries in patterns.reference_codes().values() for name, *_ in entries}


def _split_sides(paths: list[tuple[str, ...]], roles: list[str]) -> list[tuple[str | None, int, int]]:
    """Side-by-side layouts have a name column per list: 收入 项目 预算数 | 支出 项目 预算数 …

    Jiangsu's 收支预算总表 has three lists: 收入 | 支出·功能分类 | 支出·支出用途.
    """
    ncols = len(roles)
    cuts: list[int] = []
    seen_value = False
    for j, r in enumerate(roles):
        if r == "name" and (not cuts or seen_value):
            k = j
            while k > (cuts[-1] + 1 if cuts else 0) and roles[k - 1] in ("code", "code_part"):
                k -= 1  # the list's 科目代码 column printed before its name column starts the list
            cuts.append(k)
            seen_value = False
        elif r == "value" and cuts:
            seen_value = True
    if cuts:
        cuts[0] = 0
    if len(cuts) < 2:
        return [(None, 0, ncols)]
    sides: list[tuple[str | None, int, int]] = []
    used: set[str] = set()
    for k, s in enumerate(cuts):
        e = cuts[k + 1] if k + 1 < len(cuts) else ncols
        name_col = next((j for j in range(s, e) if roles[j] == "name"), s)
        path = paths[name_col]
        label = path[0] if path and path[0] in ("收入", "支出") else ("收入" if k == 0 else "支出")
        if len(path) >= 3 and path[0] in ("收入", "支出"):
            label = f"{path[0]}·{path[1]}"
        while label in used:
            label += "'"
        used.add(label)
        sides.append((label, s, e))
    return sides


_GLUED_FIGURE = re.compile(r"^\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+)\s*(?=[\u4e00-\u9fff（(])")


def _unglue_sides(sides: list[tuple[str | None, int, int]], roles: list[str], body: list[list[str]]) -> None:
    """A two-sided table whose left list's last figure is printed against the right list's name
    ("39,238.43一、本年支出", the 一、本年收入 cell left blank): the figure goes back to its own cell.
    Left where it is, the left list loses its figures and its sums break (Chongqing 2026)."""
    for (_, s0, e0), (_, s1, e1) in zip(sides, sides[1:]):
        left = e0 - 1
        name = next((j for j in range(s1, e1) if roles[j] == "name"), None)
        if name is None or roles[left] != "value":
            continue
        for r in body:
            m = _GLUED_FIGURE.match(r[name])
            if m and not r[left].strip():
                r[left], r[name] = m.group(1), r[name][m.end():]


def _strip_side(path: tuple[str, ...], side: str | None) -> tuple[str, ...]:
    if not side:
        return path
    parts = tuple(side.rstrip("'").split("·"))
    if path[: len(parts)] == parts:
        return path[len(parts) :]
    if path and path[0] == parts[0]:
        return path[1:]
    return path


def _without_column_numbers(grid: Grid) -> Grid:
    """Column-number rows ("栏次 | 1 | 2 | 3") are header wherever a reader put them (under the
    header, or repeated on each page): never data."""
    keep = [i for i, r in enumerate(grid.rows) if not is_column_number_row(r)]
    if len(keep) == len(grid.rows):
        return grid
    at = lambda xs, i: xs[i] if i < len(xs) else None  # noqa: E731
    return Grid(rows=[grid.rows[i] for i in keep], row_pages=[at(grid.row_pages, i) for i in keep],
                row_lines=[at(grid.row_lines, i) for i in keep])


def _figures_under_a_name(paths: list[tuple[str, ...]], roles: list[str], body: list[list[str]]) -> None:
    """A column of figures whose own heading was lost (its "预算数" printed into the next cell, so the
    name heading to its left spans it) is a column of figures, never names: read as a name it drops
    a whole list's amounts and the sums may still hold on another list's figures (Xi'an 2019 收支总表).
    It takes the heading its sibling columns of figures share under the same top heading."""
    def names(q: tuple[str, ...]) -> bool:
        return bool(q) and (_QUALIFIER.sub("", q[-1]) or q[-1]).endswith("科目")

    printed = list(paths)
    for j, p in enumerate(printed):
        if roles[j] not in ("name", "skip", "value") or not p or p[-1] in _SKIP_LABELS:
            continue
        if roles[j] == "value" and not names(p):
            continue
        texts = [r[j].strip() for r in body if j < len(r) and r[j].strip()]
        if len(texts) < 2 or not all(_amount_like(t) and ("." in t or "," in t) for t in texts):
            continue
        if j == 0 or printed[j - 1] != p:
            continue  # its heading is its own: a 科目 column holding codes, not a span
        leaves = Counter(q[-1] for k, q in enumerate(printed) if k != j and roles[k] == "value" and not names(q)
                         and q[:1] == p[:1] and len(q) == len(p))
        leaf = leaves.most_common(1)[0][0] if leaves else None
        paths[j] = (*p[:-1], leaf) if leaf else p[:-1]
        roles[j] = "value"


def find_header_end(rows: list[list[str]]) -> int:
    for i, row in enumerate(rows):
        if is_body_row(row, _amount_like):
            return i
    return len(rows)


_HEADER_UNIT = re.compile(r"[（(]\s*(万元|亿元|千元|元)\s*[）)]")


def _header_unit(columns: list[Column]) -> str | None:
    """A unit printed in the column headings ("预算数（万元）", "金额(元)") when no 单位 line gives one:
    taken only when every heading that names a unit names the same one."""
    found = {m.group(1) for c in columns for p in c.path if (m := _HEADER_UNIT.search(p))}
    return found.pop() if len(found) == 1 else None


def build_table(
    *,
    table_id: str,
    title: str,
    unit: str | None,
    grid: Grid,
    number: str | None = None,
    notes: list[str] | None = None,
) -> list[Table]:
    """One table, or one per subordinate unit when a 预算单位 column groups the rows (汇总 tables)."""
    grid = _without_column_numbers(grid)
    ncols = max((len(r) for r in grid.rows), default=0)
    rows = [(r + [""] * ncols)[:ncols] for r in grid.rows]
    hend = find_header_end(rows)
    header_rows, body = rows[:hend], rows[hend:]
    paths = header_paths(header_rows, ncols)
    roles = [_role(p) for p in paths]
    # a 预算单位 column beside the 科目 columns groups the rows by subordinate unit (汇总 tables)
    unitish = [len(p) == 1 and p[0] in _UNIT_LABELS for p in paths]
    if any(unitish) and any(r == "name" and not u for r, u in zip(roles, unitish)):
        roles = ["unit" if u else r for r, u in zip(roles, unitish)]
    _figures_under_a_name(paths, roles, body)
    for j, p in enumerate(paths):
        # "政府支出经济分类科目 | 部门支出经济分类科目" beside the 功能 科目: more names, never amounts;
        # after a column of figures it starts another list (Xi'an's 收支总表: 收入 | 功能科目 预算数 |
        # 部门经济科目 预算数 | 政府经济科目 预算数, every list with its own names)
        if roles[j] == "value" and p and (_QUALIFIER.sub("", p[-1]) or p[-1]).endswith("科目"):
            before = [r for r in roles[:j] if r in ("name", "value")]
            roles[j] = "skip" if before and before[-1] == "name" else "name"
    if "name" not in roles:
        # no labelled name column: the leftmost column holding mostly text is the name
        for j in range(ncols):
            texts = [r[j] for r in body if r[j]]
            if roles[j] == "value" and texts and sum(parse_amount(t) is None for t in texts) > len(texts) / 2:
                roles[j] = "name"
                break
    for j in range(ncols):
        # a column of words (采购组织形式, 指标性质) is no column of figures, whatever its header says
        texts = [r[j] for r in body if r[j].strip()]
        if roles[j] == "value" and texts and sum(bool(_WORDS.search(t)) for t in texts) > len(texts) / 2:
            roles[j] = "text"
    kind, kind_name = classify(title)
    sides = _split_sides(paths, roles)
    _unglue_sides(sides, roles, body)
    columns: list[Column] = []
    for side, s, e in sides:
        used: set[str] = set()
        for j in range(s, e):
            if roles[j] != "value":
                continue
            p = _strip_side(paths[j], side)
            key = column_key(p, j)
            while key in used:
                key += "'"
            used.add(key)
            columns.append(Column(key=key, path=p, index=j, side=side))
    groups = derive(columns)
    col_by_index = {c.index: c for c in columns}
    known = _known_names()
    out_rows: list[Row] = []
    row_units: list[str | None] = []
    unit_cols = [j for j, r in enumerate(roles) if r == "unit"]
    pages = sorted({p for p in grid.row_pages if p is not None})
    for side, s, e in sides:
        last: Row | None = None
        for bi, r in enumerate(body):
            gi = hend + bi
            page = grid.row_pages[gi] if gi < len(grid.row_pages) else None
            line = grid.row_lines[gi] if gi < len(grid.row_lines) else None
            code_parts = [r[j] for j in range(s, e) if roles[j] in ("code", "code_part")]
            name_parts = [r[j] for j in range(s, e) if roles[j] == "name" and r[j]]
            code: str | None = None
            digits = [c for c in code_parts if c]
            if digits and all(_CODE_PART.match(c) or _CODE.match(c) for c in digits):
                # 款/项 parts printed from a spreadsheet lose their leading zero: "301 | 2" is 30102
                joined = digits[0] + "".join(c.zfill(2) for c in digits[1:]) if len(digits) > 1 else digits[0]
                code = joined if _CODE.match(joined) else None
            elif digits:
                # text in a code column: a merged 合计 cell, or header leftovers such as 类/款/项
                extra = [c for c in digits if c not in _CODE_PARTS]
                name_parts = extra + name_parts
            name = normalize_label("".join(name_parts))
            if code is None:
                m = _LEADING_CODE.match(name)
                if m:
                    code, name = m.group(1), m.group(2).lstrip("-－—")
            cells: dict[str, Cell] = {}
            for j in range(s, e):
                col = col_by_index.get(j)
                if col is None:
                    continue
                txt = r[j]
                cells[col.key] = Cell(text=txt, amount=parse_amount(txt))
            has_values = any(c.amount is not None for c in cells.values())
            unit_name = normalize_label("".join(r[j] for j in unit_cols if s <= j < e)) or None
            if not name and not code and not has_values and not unit_name:
                continue
            # a wrapped 科目名称: a text fragment alone on its row continues the row above
            if (
                last is not None
                and not code
                and not has_values
                and not unit_name
                and name
                and not name.startswith(_TOTAL_WORDS)
                and (len(name) <= 2 or (last.name + name) in known)
                and not re.match(r"^[一二三四五六七八九十（(]", name)
            ):
                last.name += name
                continue
            row = Row(name=name, code=code, cells=cells, page=page, index=len(out_rows), side=side, line=line)
            out_rows.append(row)
            row_units.append(unit_name)
            last = row
    table = Table(
        id=table_id,
        title=title,
        kind=kind,
        kind_name=kind_name,
        unit=unit or _header_unit(columns),
        pages=pages,
        columns=columns,
        rows=out_rows,
        number=number,
        notes=list(notes or []),
        header_rows=header_rows,
        two_sided=len(sides) > 1,
        groups=groups,
    )
    return split_units(table, row_units)
