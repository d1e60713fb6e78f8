"""Typing slips no other rule sees (P161, P162): an amount that cannot be read ("1,541.50.00万元"), and a
budget term with its last character doubled ("公务接待费费") or dropped before its figure ("专项业务经
8,033.00万元").

The claim grammar reads figures it can parse, so a malformed one silently becomes 无法核对 or a wrong
figure; a reviewer must see it as the error it is (P161, 不通过). A doubled or missing character is a
proofreading finding (P162, 存疑). The terms checked are data (patterns/proofread.yaml `typos`), so a
bureau adds its own.
"""

from __future__ import annotations

import re

from ...model import Document
from ...results import Result
from .common import Findings, config, narrative_readable, prose, rx, unreadable


def _cfg() -> dict:
    return config()["typos"]


def malformed_amounts(text: str) -> list[tuple[int, int]]:
    """Spans of amounts with two decimal points or thousands grouped wrongly."""
    spans: list[tuple[int, int]] = []
    for pattern in _cfg()["malformed_amount"]:
        for m in rx(pattern).finditer(text):
            if not any(a <= m.start() < b for a, b in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def term_slips(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as written, meant) of each term with its last character doubled or dropped."""
    cfg = _cfg()
    terms = sorted(cfg["vocabulary"], key=len, reverse=True)
    out: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for term in terms:
        if not term.endswith("费"):
            continue
        for m in re.finditer(re.escape(term) + "费", text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append((m.start(), m.end(), m.group(0), term))
                taken.append((m.start(), m.end()))
        if term.endswith("经费"):
            stem = term[:-1]
            for m in re.finditer(re.escape(stem) + f"(?={cfg['figure_follows']})", text):
                if not any(a <= m.start() < b for a, b in taken):
                    out.append((m.start(), m.end(), stem, term))
                    taken.append((m.start(), m.end()))
    return sorted(out)


def check_malformed(doc: Document) -> list[Result]:
    """P161: per paragraph, each amount that cannot be read as one figure."""
    f = Findings("P161")
    for para in prose(doc):
        for a, b in malformed_amounts(para.text):
            f.add("fail", f"金额写法有误：“{para.text[a:b].strip()}”不是一个可读的数（小数点或千分位不对），请核对原数。",
                  doc=doc, para=para, start=para.start + a, end=para.start + b)
    return f.done("未发现写法有误的金额。")


def check_terms(doc: Document) -> list[Result]:
    """P162: per place, a term whose last character is doubled or dropped."""
    f = Findings("P162")
    for para in prose(doc):
        for a, b, written, meant in term_slips(para.text):
            what = "多了一个字" if len(written) > len(meant) else "少了一个字"
            f.add("warn", f"用词{what}：原文“{written}”，应为“{meant}”。",
                  doc=doc, para=para, start=para.start + a, end=para.start + b)
    return f.done("未发现重复或残缺的用词。")


def check_typos(doc: Document) -> list[Result]:
    if not narrative_readable(doc):
        return unreadable(("P161", "P162"))
    return check_malformed(doc) + check_terms(doc)
