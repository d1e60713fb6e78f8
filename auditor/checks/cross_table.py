"""Cross-table identities: one quantity printed in several tables must read the same everywhere.

Which quantities and where they are printed is data (patterns/crosscheck.yaml). Two printings of
one figure in the same unit and precision must be identical; a difference of one unit of the last
printed digit is what summing rounded figures produces (warn, info); anything more is a fail.
"""

from __future__ import annotations

import dataclasses
import re
from ..claims.facts import current_columns, row_key
from ..model import Column, Document, Row, Table
from ..results import Result
from .printings import TOTAL, Point, all_points, compare, config, find_column, point_of


def _label(key: str, p: Point) -> str:
    return "合计" if key == "total" else p.row.label


def _breadth(table: Table) -> int:
    """How much money a table read as a 一般公共预算 table really covers, by its title: 0 the
    一般公共预算 part; 1 all 财政拨款 ("财政拨款支出表": 政府性基金 and 国有资本经营 money too);
    2 all funds ("部门预算基本支出预算表"). Tables of other kinds print the part they name."""
    if not table.kind.startswith("gpb_") or "一般公共预算" in table.title:
        return 0
    return 1 if "财政拨款" in table.title else 2


def check_same_quantity(doc: Document, points: dict[str, list[dict[str, Point]]] | None = None) -> list[Result]:
    """X101: each printing of a measure agrees with its first printing (in the order listed)."""
    points = points if points is not None else all_points(doc)
    results: list[Result] = []
    for m in config()["measures"]:
        tables = points[m["id"]]
        if len(tables) < 2:
            continue
        first: dict[tuple[str | None, str], Point] = {}
        for pts in tables:
            for key, p in pts.items():
                ref = first.get((p.table.section, key))
                if ref is None:
                    first[p.table.section, key] = p
                    continue
                if ref.table is p.table or (not ref.text and not p.text):
                    continue  # both blank: nothing printed, nothing to compare
                title = f"{m['name']}·{_label(key, p)}"
                if _breadth(ref.table) != _breadth(p.table):
                    # a 财政拨款 (or all-funds) table also holds other money: the 一般公共预算
                    # printing is a part of it, not the same figure
                    whole, part = (ref, p) if _breadth(ref.table) > _breadth(p.table) else (p, ref)
                    results.append(compare("X101", f"{m['id']}/{key}", title, whole, part, relation="le",
                                            extra="，前者只是后者的一部分"))
                    continue
                res = compare("X101", f"{m['id']}/{key}", title, ref, p)
                if res.basis is not None and ref.table.kind == p.table.kind:
                    # one kind of table printed twice in a section: a block per unit or a continuation
                    # read apart, not two printings of one quantity
                    for s in res.basis.sources:
                        s.how, s.why = "fallback", f"来自同一种表格（{p.table.kind_name or p.table.kind}）的两处，可能是分单位的表或分页的续表"
                results.append(res)
    return results


def _gpb_only(doc: Document) -> bool:
    """The department's whole income is 一般公共预算拨款, so gpb figures equal all-funds figures."""
    for table in doc.tables_of("income"):
        total = next((r for r in table.rows if TOTAL.match(row_key(r.name))), None)
        cols = current_columns(table, doc.meta.year)
        tcol = next((c for c in cols if re.search(r"合计$", c.key)), None)
        gcol = next((c for c in cols if "一般公共预算" in c.key), None)
        if total and tcol and gcol:
            t, g = total.value(tcol.key), total.value(gcol.key)
            if t is not None and g is not None:
                return t == g
    return False


def _section(pts: dict[str, Point]) -> str | None:
    return next(iter(pts.values())).table.section if pts else None


def _first_per_section(tables: list[dict[str, Point]]) -> list[dict[str, Point]]:
    """The first printing of a measure in each section of a 汇总 document (one, usually)."""
    seen: set[str | None] = set()
    out = []
    for pts in tables:
        if _section(pts) not in seen:
            seen.add(_section(pts))
            out.append(pts)
    return out


def check_subsets(doc: Document, points: dict[str, list[dict[str, Point]]] | None = None) -> list[Result]:
    """X102: a 一般公共预算 figure never exceeds the all-funds figure of the same row."""
    points = points if points is not None else all_points(doc)
    measures = {m["id"]: m for m in config()["measures"]}
    gpb_only = _gpb_only(doc)
    results: list[Result] = []
    for s in config()["subsets"]:
        parts = points[s["part"]]
        wholes = points[s["whole"]]
        if not parts or not wholes:
            continue
        for pts in _first_per_section(parts):
            whole = next((w for w in wholes if _section(w) == _section(pts)), {})
            for key, p in pts.items():
                w = whole.get(key)
                if w is None or (not w.text and not p.text):
                    continue
                title = f"{measures[s['part']]['name']}不超过{measures[s['whole']]['name']}·{_label(key, p)}"
                if gpb_only:
                    r = compare("X102", f"{s['part']}/{key}", title, w, p, relation="eq")
                    if r.verdict == "fail":
                        r.message += "本部门收入全部为一般公共预算拨款，两者应相等。"
                else:
                    r = compare("X102", f"{s['part']}/{key}", title, w, p, relation="le")
                results.append(r)
    return results


def check_three_public(doc: Document) -> list[Result]:
    """X103: the basic table's 公务接待费/公务用车运行维护费 rows fit inside the "三公" table's columns."""
    results: list[Result] = []
    tp = doc.tables_of("three_public")
    basic = doc.tables_of("gpb_basic")
    if not tp or not basic:
        return results
    three = tp[0]
    total_row = next((r for r in three.rows if any(c.amount is not None for c in r.cells.values())), None)
    if total_row is None:
        return results
    for item in config()["three_public"]:
        col = find_column(doc, three, None, item["column"])
        if col is None:
            continue
        for table in basic:
            if table.section != three.section:
                continue
            row = table.find_row(code=item["code"])
            bcol = find_column(doc, table, None, r"合计|^金额$|决算数|预算数|公用经费")
            if row is None or bcol is None or not _same_item(row, item["name"]):
                continue
            cell = row.cells.get(bcol.key)
            tcell = total_row.cells.get(col.key)
            if cell is None or cell.amount is None or tcell is None:
                continue
            b = point_of(table, row, bcol)
            a = point_of(three, total_row, col)
            title = f"基本支出表“{item['code']} {item['name']}”不超过“三公”经费表"
            results.append(compare("X103", f"{item['code']}/{table.id}", title, a, b, relation="le",
                                    extra="，“三公”经费表应包括基本支出中的这部分"))
            break
    return results


def _same_item(row: Row, name: str) -> bool:
    """The row under the item's code is the item: a row printing another name under that code
    (a renumbered or misread code) is not compared, and never quoted as if it were the item."""
    if not row.name.strip():
        return True
    key = re.sub(r"[（）()\s“”\"]", "", name)[:4]
    return key in re.sub(r"[（）()\s“”\"]", "", row.name)


def check_operating_costs(doc: Document) -> list[Result]:
    """X104: 机关运行经费 is the 公用经费 of administrative units, so never above total 公用经费."""
    results: list[Result] = []
    for oc in doc.tables_of("operating_costs"):
        row = next((r for r in oc.rows if any(c.amount is not None for c in r.cells.values())), None)
        if row is None:
            continue
        col = next((c for c in current_columns(oc, doc.meta.year) if row.cells.get(c.key) and row.cells[c.key].amount), None)
        if col is None:
            continue
        for table in doc.tables_of("gpb_basic"):
            if table.section != oc.section:
                continue
            pcol = find_column(doc, table, None, r"公用经费")
            total = next((r for r in table.rows if TOTAL.match(row_key(r.name))), None)
            if pcol is None or total is None or total.cells.get(pcol.key) is None:
                continue
            a = point_of(table, total, pcol)
            b = point_of(oc, row, col)
            results.append(compare("X104", f"{oc.id}", "机关运行经费不超过公用经费", a, b, relation="le",
                                    extra="，机关运行经费是行政单位的公用经费，不应超过全部公用经费"))
            break
    return results


def _yearless_path(col: Column) -> tuple[str, ...]:
    """A column's header path without years and the 预算数/决算数 wording: "2020年预算数·合计" and
    "2021年预算数·合计" are the same column a year apart."""
    out = []
    for seg in col.path or (col.key,):
        seg = re.sub(r"20\d\d\s*年度?", "", seg)
        seg = re.sub(r"^(预算|决算|执行)数?$", "", seg)
        if seg:
            out.append(seg)
    return tuple(out)


def _row_key_any(row: Row) -> str | None:
    if row.code:
        return row.code
    name = row_key(row.name)
    return "total" if TOTAL.match(name) else (name or None)


def check_previous_year(doc: Document) -> list[Result]:
    """X105: this year's "上年" columns print what last year's disclosure printed as its own year."""
    from ..claims.facts import prior_columns

    prev = doc.previous
    if prev is None or not doc.meta.year or not prev.meta.year:
        return []
    results: list[Result] = []
    for table in doc.tables:
        pcols = prior_columns(table, doc.meta.year)
        others = prev.tables_of(table.kind) if table.kind != "other" else []
        if not pcols or not others:
            continue
        other = others[0]
        label = dataclasses.replace(other, title=f"{prev.meta.year}年公开文件·{other.title}")
        current = current_columns(other, prev.meta.year)
        for pc in pcols:
            want = _yearless_path(pc)
            match = [c for c in current if _yearless_path(c) == want]
            if not match and want in ((), ("合计",), ("小计",)):
                match = [c for c in current if re.search(r"(^|·)(合计|小计|金额)$", c.key)] or current[:1]
            if not match:
                continue
            col = match[0]
            theirs = {}
            for r in other.rows:
                k = _row_key_any(r)
                if k is not None and k not in theirs and r.cells.get(col.key) is not None:
                    theirs[k] = r
            coded = any(r.code for r in table.rows)
            for row in table.rows:
                k = _row_key_any(row)
                if k is None and not coded and len(table.rows) == 1 and len(other.rows) == 1:
                    k, theirs = "only", {"only": other.rows[0]}  # a one-row table such as "三公"
                if k is None or k not in theirs or row.cells.get(pc.key) is None or theirs[k].cells.get(col.key) is None:
                    continue
                mine, last = row.cells[pc.key], theirs[k].cells[col.key]
                if mine.amount is None and last.amount is None:
                    continue
                a = point_of(label, theirs[k], col)
                b = point_of(table, row, pc)
                results.append(compare("X105", f"{table.kind}/{k}/{pc.key}", f"上年数·{row.label or '合计'}", a, b))
    return results


def check_cross_tables(doc: Document) -> list[Result]:
    points = all_points(doc)
    return (check_same_quantity(doc, points) + check_subsets(doc, points) + check_three_public(doc)
            + check_operating_costs(doc) + check_previous_year(doc))
