"""D109: a blank template — the form a department fills in, with placeholders (XX, ××, （单位名称）) in
every slot and no figure in any table — gets one finding instead of one D105/P123/D103 per slot.

Why: fed a template by mistake (or, worse, about to publish one), the reviewer needs one line saying
so; 100 findings that each read the template correctly bury it. A real draft with a few placeholders
left keeps its individual findings: its tables carry figures, or its placeholders are few.
"""

from __future__ import annotations

import re

from ..model import Document
from ..results import Result
from .disclosure_common import config as _config
from .disclosure_common import result as _result

_MONEY = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|千元|元)")
_PREFIX = "属未填写的模板（见D109）"  # the reason the folded findings share (the report folds them on it)


def _placeholders(doc: Document) -> tuple[int, list[int]]:
    """How many placeholders the text and table titles hold, and the pages they are on."""
    cfg = _config()
    pats = [p["pattern"] for p in cfg["placeholders"]] + cfg["blank_template"]["extra_placeholders"]
    n, pages = 0, set()
    texts = [(s.text, s.page) for s in doc.sentences()] + [(t.title, t.pages[0] if t.pages else None)
                                                          for t in doc.tables]
    for text, page in texts:
        hits = sum(len(re.findall(p, text)) for p in pats)
        n += hits
        if hits and page:
            pages.add(page)
    return n, sorted(pages)


def _tables_hold_figures(doc: Document) -> bool:
    return any(c.value is not None and c.value != 0 for t in doc.tables for r in t.rows for c in r.cells.values())


def check_blank_template(doc: Document) -> list[Result]:
    cfg = _config()["blank_template"]
    n, pages = _placeholders(doc)
    figures = len(_MONEY.findall(doc.text))
    if n < cfg["min_placeholders"] or n <= cfg["per_figure"] * figures or _tables_hold_figures(doc):
        return [_result("D109", "pass", "不是未填写的模板：表中有数字，或占位符只是个别。", anchor="none")]
    where = "、".join(str(p) for p in pages[:8]) + ("等" if len(pages) > 8 else "")
    return [_result("D109", "warn",
                    f"本文件是未填写的模板：{n} 处占位符（XX、××、（单位名称）等" + (f"，第{where}页" if pages else "") + "），"
                    f"{len(doc.tables)} 张表格都没有数字。若这是要公开的文件，它还没有填写；"
                    "逐处的占位符、填写说明和空表不再逐条列为不通过（-v 逐条列出）。",
                    anchor="blank", severity="warning")]


def fold_blank_template(results: list[Result]) -> list[Result]:
    """Under a D109 warn, the per-slot findings it stands for become 无法核对 with one shared reason,
    so the report shows them as one line (and each under -v)."""
    if not any(r.rule == "D109" and r.verdict == "warn" for r in results):
        return results
    folds = set(_config()["blank_template"]["folds"])
    for r in results:
        if r.rule in folds and r.verdict in ("fail", "warn"):
            r.verdict, r.severity = "unverified", "info"
            r.message = f"{_PREFIX}，{r.message}"
    return results
