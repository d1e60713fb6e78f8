"""Years by their role (P101–P105, the role of each year from checks/year_roles.py): what a figure is compared with, the date assets are counted at,
the year in headings, a project's period, the year of the 编制范围.

The document's year Y and kind come from its title (common.identity). In a budget of Y, comparisons
name Y−1; in a 决算 of Y, "比Y年预算" (against its own budget) is right and year-over-year comparisons
name Y−1 (DESIGN-NOTES §7). A year that is certainly wrong is 不通过; one that only may be is 存疑.
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from ...model import Document, Paragraph
from ...results import Result
from ..year_roles import is_judged, role_at
from .common import Findings, Identity, config, identity, narrative_readable, prose, rx, unreadable

_NO_YEAR = "文件标题未写明年度，无法核对年度。"


_YearCheck = Callable[[Document, Findings, Identity], list[Result]]


def _dated(rule: str) -> Callable[[_YearCheck], Callable[[Document], list[Result]]]:
    """Every year check needs the document's own year: without one it is 无法核对, said once here."""
    def wrap(check: _YearCheck) -> Callable[[Document], list[Result]]:
        @functools.wraps(check)
        def run(doc: Document) -> list[Result]:
            f, me = Findings(rule), identity(doc)
            if me.year is None:
                return f.done("", unverified=_NO_YEAR)
            return check(doc, f, me)
        return run
    return wrap


def _cfg() -> dict:
    return config()["years"]


def _paragraph_sentence(para: Paragraph, offset: int):
    for s in para.sentences:
        if s.start <= offset < s.end + 1:
            return s
    return None


@_dated("P101")
def check_comparisons(doc: Document, f: Findings, me: Identity) -> list[Result]:
    """P101: the year a figure is compared with."""
    y = me.year
    cfg = _cfg()
    budget, final, figure = rx(cfg["budget_words"]), rx(cfg["final_words"]), rx(cfg["figure_words"])
    follow = rx(cfg["compare_follow"])
    for para in prose(doc):
        for m in rx(cfg["compare"]).finditer(para.text):
            year, what = int(m.group("year")), m.group("what")
            s = _paragraph_sentence(para, para.start + m.start())
            if s is None or not figure.search(s.text) or not follow.search(what):
                continue
            if not is_judged(para.text, m.start("year"), m.end("year")):
                continue  # "比2025—2035年规划", "较2025年度XX项目": not the year compared with
            said = m.group(0).strip()
            start, end = para.start + m.start("year"), para.start + m.end("year")
            if me.stage == "预算":
                if year == y:
                    f.add("fail", f"{y}年预算与“{year}年”比较：比较的是本年自身，上年应为{y - 1}年（“{said}”）。",
                          doc=doc, para=para, start=start, end=end)
                elif year > y:
                    f.add("fail", f"{y}年预算与以后年度“{year}年”比较，上年应为{y - 1}年（“{said}”）。",
                          doc=doc, para=para, start=start, end=end)
                elif year < y - 1 and not (year == y - 2 and final.search(what)):
                    f.add("warn", f"{y}年预算与{year}年比较，预算通常与上年（{y - 1}年）比较，请核对（“{said}”）。",
                          doc=doc, para=para, start=start, end=end)
            else:
                own_budget = bool(budget.search(what)) and not final.search(what)
                if year == y and not own_budget:
                    f.add("fail", f"{y}年度决算与“{year}年”比较：同比应为上年{y - 1}年，与本年比较只能是本年预算"
                          f"（“{said}”）。", doc=doc, para=para, start=start, end=end)
                elif year > y:
                    f.add("fail", f"{y}年度决算与以后年度“{year}年”比较（“{said}”）。",
                          doc=doc, para=para, start=start, end=end)
                elif year == y - 1 and own_budget:
                    f.add("warn", f"{y}年度决算与{year}年预算比较：决算应与本年（{y}年）预算比较，"
                          f"或与上年决算比较，请核对（“{said}”）。", doc=doc, para=para, start=start, end=end)
                elif year < y - 1:
                    f.add("warn", f"{y}年度决算与{year}年比较，同比通常为上年（{y - 1}年），请核对（“{said}”）。",
                          doc=doc, para=para, start=start, end=end)
    return f.done(f"比较年度与{y}年{me.stage}相符（{'上年' if me.stage == '预算' else '本年预算或上年'}）。")


@_dated("P102")
def check_cutoff_dates(doc: Document, f: Findings, me: Identity) -> list[Result]:
    """P102: "截至…" dates of assets, vehicles and staff fit the kind: a budget counts at last year's
    date (or early in its own year, before it is published), a 决算 at the end of its own year."""
    y = me.year
    cfg = _cfg()
    subject = rx(cfg["cutoff_subject"])
    for para in prose(doc):
        for m in rx(cfg["cutoff"]).finditer(para.text):
            s = _paragraph_sentence(para, para.start + m.start())
            if s is None or not subject.search(s.text) or not is_judged(para.text, m.start("year"), m.end("year")):
                continue
            year = int(m.group("year"))
            month = int(m.group("month")) if m.group("month") else None
            year_end = bool(m.group("end")) or month == 12
            said = m.group(0).strip()
            at = dict(doc=doc, para=para, start=para.start + m.start("year"), end=para.start + m.end())
            if me.stage == "预算":
                if year > y or (year == y and (year_end or (month or 12) >= 7)):
                    f.add("fail", f"{y}年预算所列数据截至“{said}”，该日期尚未到来；预算应使用上年（{y - 1}年）的数据。", **at)
                elif year < y - 1:
                    f.add("warn", f"{y}年预算所列数据截至{year}年，早于上年（{y - 1}年），请核对（“{said}”）。", **at)
            else:
                if year < y:
                    f.add("fail", f"{y}年度决算所列数据截至“{said}”，应为决算年度末（{y}年12月31日）。", **at)
                elif year > y:
                    f.add("warn", f"{y}年度决算所列数据截至{year}年，晚于决算年度，请核对（“{said}”）。", **at)
    return f.done(f"“截至”日期与{y}年{me.stage}相符。")


def _headings(doc: Document) -> list[Paragraph]:
    """The title lines and every paragraph that opens a section."""
    starts = set()

    def walk(secs) -> None:
        for s in secs:
            starts.add(s.start)
            walk(s.children)

    walk(doc.sections)
    paras = prose(doc)
    return [p for i, p in enumerate(paras) if p.start in starts or (i < 3 and len(p.text) <= 60)]


@_dated("P103")
def check_heading_years(doc: Document, f: Findings, me: Identity) -> list[Result]:
    """P103: headings and titles carry the document's own year."""
    y = me.year
    for para in _headings(doc):
        title = re.split(r"[。，,；;：:]", para.text, maxsplit=1)[0]  # a heading's own words, not the sentence after
        for m in rx(_cfg()["heading"]).finditer(title):
            year = int(m.group("year"))
            if not is_judged(title, m.start("year"), m.end("year")):
                continue  # "2025年度XX项目预算": a project's name, not the heading's year
            if year != y and m.group("stage") == me.stage:
                f.add("fail", f"标题“{title.strip()[:40]}”的年度为{year}年，本文件是{y}年{me.stage}。",
                      doc=doc, para=para, start=para.start + m.start("year"), end=para.start + m.end("year"),
                      text=para.text)
    return f.done(f"标题年度与文件年度{y}年一致。")


@_dated("P104")
def check_project_periods(doc: Document, f: Findings, me: Identity) -> list[Result]:
    """P104: a project's 实施周期 covers the year the document is about."""
    y = me.year
    subject = rx(_cfg()["period_subject"])
    for para in prose(doc):
        under = bool(para.section and subject.search(para.section.split("/")[-1]))
        if not under and not subject.search(para.text):
            continue
        if under and subject.search(para.text) and len(para.text) < 12:
            continue  # the heading itself
        # under a 实施周期 heading the paragraph is the period; elsewhere the sentence that names it
        spans = [(para.start, para.text)] if under else [(x.start, x.text) for x in para.sentences if subject.search(x.text)]
        for start, text in spans:
            # a period's own years (dates "2025.1.1", spans) count; a quantity or a code in the sentence does not
            years = [(int(m.group(1)), m) for m in re.finditer(r"(20\d\d)(?=\s*[年.\-/．—]|\s*全)", text)
                     if role_at(text, m.start(1), m.end(1)) not in ("quantity", "code")]
            if not years:
                continue
            lo, hi = min(v for v, _ in years), max(v for v, _ in years)
            if lo <= y <= hi:
                continue
            f.add("fail", f"项目实施周期为{lo}年" + (f"至{hi}年" if hi != lo else "") + f"，不含{me.stage}年度{y}年。",
                  doc=doc, para=para, start=start + years[0][1].start(), end=start + years[-1][1].end())
    return f.done(f"项目实施周期均含{y}年。")


@_dated("P105")
def check_scope_year(doc: Document, f: Findings, me: Identity) -> list[Result]:
    """P105: "纳入本部门Y年…编制范围" names the document's own year."""
    y = me.year
    for para in prose(doc):
        for m in rx(_cfg()["scope"]).finditer(para.text):
            year = int(m.group("year"))
            if year != y and is_judged(para.text, m.start("year"), m.end("year")):
                f.add("fail", f"编制范围写作“{year}年”，本文件是{y}年{me.stage}。", doc=doc, para=para,
                      start=para.start + m.start("year"), end=para.start + m.end("year"))
    return f.done(f"编制范围年度与文件年度{y}年一致。")


def check_years(doc: Document) -> list[Result]:
    if not narrative_readable(doc):
        return unreadable(("P101", "P102", "P103", "P104", "P105"))
    return (check_comparisons(doc) + check_cutoff_dates(doc) + check_heading_years(doc)
            + check_project_periods(doc) + check_scope_year(doc))
