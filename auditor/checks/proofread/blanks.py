"""Blank slots a drafter left (P121–P123): a unit with no figure, an empty reason, drafting instructions.

Template placeholders (XX, x,xxx, "占 %", "（ ）万元") belong to D105; a unit whose missing figure D105
already reports is not reported again here (DESIGN-NOTES §7: one rule owns each case).
"""

from __future__ import annotations

import re

from ... import patterns
from ...model import Document
from ...results import Evidence, Result
from .common import Findings, config, narrative_readable, prose, rx, unreadable


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where D105's patterns match in the text."""
    out = []
    for p in patterns.load("disclosure").get("placeholders") or []:
        out += [(m.start(), m.end()) for m in re.finditer(p["pattern"], text)]
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


_FIGURE_CHARS = "0123456789０１２３４５６７８９.,，．"


def _quote_start(text: str, at: int) -> int:
    """Eight characters before `at`, widened to the start of a number the window would cut ("3,623.98")."""
    i = max(0, at - 8)
    while i > 0 and text[i - 1] in _FIGURE_CHARS and text[i] in _FIGURE_CHARS:
        i -= 1
    return i


def check_missing_figures(doc: Document) -> list[Result]:
    """P121: "支出万元", "增长%": a unit with no figure before it."""
    f = Findings("P121")
    cfg = config()["blanks"]
    allowed = rx(rf"(?:{cfg['unit_allowed_before']})\s*$")
    as_name = rx(rf"\s*(?:{cfg['unit_as_name_after']})")
    misplaced = rx(rf"\d\s*(?P<word>{cfg['misplaced_between']})\s*$")
    for para in prose(doc):
        taken = _placeholder_spans(para.text)
        for m in rx(cfg["unit_without_figure"]).finditer(para.text):
            before = para.text[max(0, m.start() - 6): m.start()]
            if allowed.search(before) or m.start() == 0:
                continue  # "单位：万元", "（万元）": a unit label, not a missing figure
            span = (m.start("unit"), m.end("unit"))
            if _overlaps((m.start() - 1, m.end()), taken):
                continue  # D105's "占 %", "增长（减少）%", "x,xxx万元": a placeholder, reported there
            lead = para.text[_quote_start(para.text, m.start()): m.end()].strip()
            unit = m.group("unit")
            verdict = "fail"
            wrong = misplaced.search(para.text[: m.start()])
            if para.text[: m.start()].rstrip().endswith(unit):
                what = "单位重复"
            elif wrong:
                what = f"数字与单位之间多了“{wrong.group('word')}”（词序颠倒）"
            elif as_name.match(para.text, m.end()):
                verdict = "warn"  # "…万元时显示为零": likely the unit's name in a condition
                what = f"{unit}前没有数字，可能是作单位名称使用（如“约值万元时”），请核对是否缺少数字"
            else:
                what = f"{unit}前缺少数字"
            f.add(verdict, f"“{lead}”：{what}。", doc=doc, para=para,
                  start=para.start + span[0], end=para.start + span[1])
    return f.done("未发现缺少数字的金额或百分比。")


def check_empty_reasons(doc: Document) -> list[Result]:
    """P122: "主要原因是。": the reason announced and left out."""
    f = Findings("P122")
    for para in prose(doc):
        for m in rx(config()["blanks"]["empty_reason"]).finditer(para.text):
            f.add("warn", f"原因未填写：“{para.text[max(0, m.start() - 6): m.end()].strip()}”。", doc=doc, para=para,
                  start=para.start + m.start(), end=para.start + m.end())
    return f.done("说明原因处均有内容。")


def _instructions(text: str, specs: list[dict]) -> list[tuple[re.Match, dict]]:
    """Each span a drafting instruction covers, once: the first spec that covers it names it."""
    out: list[tuple[re.Match, dict]] = []
    for spec in specs:
        for m in rx(spec["pattern"]).finditer(text):
            if not _overlaps((m.start(), m.end()), [(x.start(), x.end()) for x, _ in out]):
                out.append((m, spec))
    return sorted(out, key=lambda x: x[0].start())


def _table_texts(doc: Document):
    """Words a table carries besides its figures: its notes, its rows' names, its text cells."""
    for t in doc.tables:
        page = t.pages[-1] if t.pages else None
        for note in t.notes:
            yield t, note, page
        for r in t.rows:
            for text in [r.name] + [c.text for c in r.cells.values() if c.amount is None and c.text]:
                yield t, text, r.page if r.page is not None else page


def check_instructions(doc: Document) -> list[Result]:
    """P123: drafting instructions of the template, or notes to the drafter, left in the published text
    or under a table."""
    f = Findings("P123")
    specs = config()["blanks"]["instructions"]
    for para in prose(doc):
        for m, spec in _instructions(para.text, specs):
            f.add("fail", f"残留模板{spec['what']}：“{m.group(0).strip()}”。", doc=doc, para=para,
                  start=para.start + m.start(), end=para.start + m.end())
    for t, text, page in _table_texts(doc):
        for m, spec in _instructions(text, specs):
            r = f.add("fail", f"{t.title or '表格'}中残留模板{spec['what']}：“{m.group(0).strip()}”。", page=page,
                      text=text)
            r.evidence.append(Evidence(table=t.title, table_id=t.id, row="", column="", value=text, unit=t.unit,
                                       page=page))
    return f.done("未发现残留的模板填写说明。")


def check_blanks(doc: Document) -> list[Result]:
    if not narrative_readable(doc):
        return unreadable(("P121", "P122", "P123"))
    return check_missing_figures(doc) + check_empty_reasons(doc) + check_instructions(doc)


