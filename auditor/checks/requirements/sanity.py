"""R109: figures that cannot be right whatever the tables say.

A share above 100%, a money cell printed with more than 2 decimals in a 元/万元 table, and a 收入/支出
总计 of 0 in a document that has money are slips a reader sees at once. They need no second figure.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...model import Document
from ...numbers import nfkc
from ...results import Result
from ...tables.reading import rows_readable
from .common import profile_settings, result, row_evidence, sentence_result

_SHARE = re.compile(r"占[^，。；%％]{0,24}?(?:的|比重|比例|为)?\s*(\d+(?:\.\d+)?)\s*[%％]")
_TOTAL = re.compile(r"^(收入|支出|收支)?(总计|合计)$")


def _shares(doc: Document) -> list[Result]:
    out = []
    for s in doc.sentences():
        norm = nfkc(s.text)
        for m in _SHARE.finditer(norm):
            try:
                v = Decimal(m.group(1))
            except InvalidOperation:
                continue
            if v > 100:
                out.append(sentence_result("R109", "fail", f"占比{m.group(1)}%超过100%：部分不可能大于整体。", s,
                                           anchor=f"share/{s.section or ''}/{m.group(0)}"))
    return out


def _cells(doc: Document, max_decimals: int) -> list[Result]:
    """One finding per document: a template that prints 万元 to the 元 does it in every table."""
    over = re.compile(rf"\.\d{{{max_decimals + 1},}}$")
    bad = []
    for t in doc.tables:
        if t.unit not in ("元", "万元") or not rows_readable(t):
            continue
        bad += [(t, r, k, c) for r in t.rows for k, c in r.cells.items()
                if c.amount is not None and over.search(c.text.strip().replace(",", ""))]
    if not bad:
        return []
    t, r, k, c = bad[0]
    tables = len({id(x[0]) for x in bad})
    return [result("R109", "warn", f"《{t.title}》“{r.label}”的“{k}”印作{c.text}（共{tables}张表{len(bad)}处）："
                   f"金额以{t.unit}为单位时最多{max_decimals}位小数。", anchor="decimals", page=r.page,
                   evidence=[row_evidence(x, y, key, cell.text) for x, y, key, cell in bad[:10]])]


def _zero_totals(doc: Document) -> list[Result]:
    has_money = any(c.value for t in doc.tables for r in t.rows for c in r.cells.values())
    if not has_money:
        return []
    out = []
    for t in doc.tables_of("summary"):
        if not rows_readable(t):
            continue
        for r in t.rows:
            if not _TOTAL.match(r.name.replace(" ", "")):
                continue
            printed = [c for c in r.cells.values() if c.amount is not None]
            if printed and all(c.value == 0 for c in printed):
                out.append(result("R109", "fail", f"《{t.title}》“{r.label}”为0，而文件中其他数字不为0：总计不应为0。",
                                  anchor=f"{t.id}/{r.name}", page=r.page,
                                  evidence=[row_evidence(t, r, k, c.text) for k, c in r.cells.items() if c.amount is not None]))
    return out


def check_sanity(doc: Document) -> list[Result]:
    max_decimals = int(profile_settings(doc).get("max_decimals", 2))
    out = _shares(doc) + _cells(doc, max_decimals) + _zero_totals(doc)
    if not out and (doc.tables or doc.paragraphs):
        out.append(result("R109", "pass", "未发现超过100%的占比、超出小数位的金额或为0的总计。", anchor="none"))
    return out
