"""Folding the text report: many results of one kind read as one line, and none is lost.

A long document gives a hundred 无法核对 that fail for one cause ("表格中没有“X”的上年数"), each with its
own subject, and a table with rounding differences gives a 存疑 per cell. Listed one by one they bury
the few findings a reviewer must act on. Results are folded by their reason *class* (the message with
its subject and figures masked), not by identical text:

- 无法核对: one line per rule and class, with the count, the pages and the first few subjects;
- 存疑: one line per rule, class and place (a page of narrative, a table), listing every snippet or
  cell, so every 存疑 is still shown;
- 不通过 is never folded. `-v` lists everything one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

FOLD_AT = 2  # this many results of one class are shown as one line
SUBJECTS = 5  # subjects named on a folded 无法核对 line

_QUOTED = re.compile(r"“[^”]*”")
_NUMBER = re.compile(r"(?<![A-Za-z\d])[+-]?\d[\d,]*(?:\.\d+)?")  # a figure, not a rule id's digits (D109)
_ROUNDING = re.compile(r"^(?P<what>.*?「[^」]*」).*?(?P<diff>相差[\d,.]+万?元)，在四舍五入允许范围")


@dataclass
class Fold:
    rule: str
    verdict: str
    head: str  # the class in words: "表格中没有“…”的上年数", "中文中夹用半角标点"
    place: str = ""  # "" for 无法核对 (folded over the document); a table title or "" (pages) for 存疑
    results: list[dict[str, Any]] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({r["page"] for r in self.results if r.get("page")})


def reason_class(message: str) -> str:
    """What a 无法核对 result says is missing, with its subject and figures masked: "表格中没有“基本支出”的
    上年数，无法核对增加98.11万元" and "…“项目支出”…" are one class."""
    cut = re.split(r"，?无法核对", message, maxsplit=1)[0]
    masked = _NUMBER.sub("", _QUOTED.sub("“…”", cut))
    return masked.rstrip("。，；： ")


def subject(message: str) -> str | None:
    """The first quoted name of a message (what it is about), without its quotes."""
    m = _QUOTED.search(message)
    return m.group(0)[1:-1] if m else None


def _doubt_class(r: dict[str, Any]) -> tuple[str, list[str]] | None:
    """(class, details) of a 存疑 that can be folded with others of its kind, else None. A proofreading
    finding lists its snippets after "：“"; a rounding difference names its row and column."""
    msg = r["message"]
    if "：“" in msg:
        head, tail = msg.split("：“", 1)
        return re.sub(r"（[^）]*）$", "", head), list(dict.fromkeys(_QUOTED.findall("“" + tail)))
    m = _ROUNDING.match(msg)
    if m:
        return "与各项之和相差在四舍五入允许范围内", [f"{m.group('what')}{m.group('diff')}"]
    return None


def _place(r: dict[str, Any]) -> str:
    """Where a 存疑 fold gathers: a table's findings by table, the narrative's by page."""
    ev = r.get("evidence") or []
    if r.get("kind") in ("table", "cross_table") and ev and ev[0].get("table"):
        return f"《{ev[0]['table']}》"
    return f"p{r.get('page') or 0}"


def fold(results: list[dict[str, Any]], reviewed) -> tuple[list[dict[str, Any]], list[Fold]]:
    """The results left to show one by one, and the folds (each of FOLD_AT results or more).
    `reviewed(r)` keeps a result the reviewer decided or commented on out of any fold."""
    groups: dict[tuple, Fold] = {}
    for r in results:
        if reviewed(r):
            continue
        if r["verdict"] == "unverified":
            head = reason_class(r["message"])
            f = groups.setdefault((r["rule"], "unverified", head), Fold(r["rule"], "unverified", head))
            f.results.append(r)
            name = subject(r["message"])
            if name and name not in f.details:
                f.details.append(name)
        elif r["verdict"] == "warn":
            got = _doubt_class(r)
            if got is None:
                continue
            head, details = got
            key = (r["rule"], "warn", r.get("severity"), head, _place(r))
            f = groups.setdefault(key, Fold(r["rule"], "warn", head, _place(r)))
            f.results.append(r)
            f.details += [d for d in details if d not in f.details]
    folds = [f for f in groups.values() if len(f.results) >= FOLD_AT]
    hidden = {id(r) for f in folds for r in f.results}
    return [r for r in results if id(r) not in hidden], folds


def page_names(results: list[dict[str, Any]]) -> dict[int, str]:
    """PDF page -> the number printed on it, as the results' locations carry it (auditor.locate)."""
    out: dict[int, str] = {}
    for r in results:
        for where, page in [(r.get("location"), r.get("page"))] + [(e.get("location"), e.get("page"))
                                                                   for e in r.get("evidence") or []]:
            if where and where.get("printed_page") and (where.get("doc_page") or page):
                out[where.get("doc_page") or page] = where["printed_page"]
    return out


def _numbers(pages: list, limit: int) -> str:
    if len(pages) <= limit:
        return "、".join(str(p) for p in pages)
    return f"{pages[0]}至{pages[-1]}"


def pages_text(pages: list[int], names: dict[int, str] | None = None, limit: int = 8) -> str:
    """"第19、20、21页", for many "第19至33页"; by the printed numbers when every page has one, the PDF's
    beside them: "第46、47页（PDF第48、49页）"; "" for none."""
    if not pages:
        return ""
    if names and all(p in names for p in pages):
        return f"第{_numbers([names[p] for p in pages], limit)}页（PDF第{_numbers(pages, limit)}页）"
    return f"第{_numbers(pages, limit)}页"
