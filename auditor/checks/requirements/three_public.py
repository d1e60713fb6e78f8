"""R105: a 决算 gives the counts behind its 三公 money.

The 财政部 inspections list as a 必查 item that a 三公 决算 discloses 因公出国（境）团组数及人数, 公务用车
购置数及保有量 and 国内公务接待批次、人数. The money alone does not let a reader judge it: 20万元 of
接待 is one thing for 5 批次 and another for 200. The counts and the money must also agree on being nil:
a 购置费 above 0 with 0 辆 bought (or the reverse) is a contradiction.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...model import Document, Sentence
from ...numbers import nfkc
from ...results import Result
from .common import config, result, section_sentences, sentence_result


def _number(m: re.Match) -> Decimal | None:
    for g in m.groups():
        if g:
            try:
                return Decimal(g.replace(",", ""))
            except InvalidOperation:
                return None
    return None


def _first(rx: str, sents: list[Sentence], *, headed: bool = False) -> tuple[Sentence, re.Match] | None:
    """The first sentence matching rx; headed: read under its own heading ("3.公务接待费" then
    "2024年度预算为1.20万元" speaks of 公务接待费)."""
    pattern = re.compile(rx)
    for s in sents:
        head = (s.section or "").split("/")[-1] if headed else ""
        m = pattern.search(nfkc(head + s.text))
        if m:
            return s, m
    return None


def check_three_public_counts(doc: Document) -> list[Result]:
    if doc.meta.stage != "决算":
        return []
    cfg = config()["three_public_counts"]
    sents = section_sentences(doc, cfg["section"])
    if not sents:
        return []
    table_rows = " ".join(r.name for t in doc.tables_of("three_public") for r in t.rows)
    out: list[Result] = []
    for item in cfg["items"]:
        money_hit = _first(item["money"], sents, headed=True)
        money = _number(money_hit[1]) if money_hit else None
        nil = _first(item["nil"], sents)
        if money_hit is None and nil is None:
            continue  # the section does not speak of this item: D104/D108 and the tables cover presence
        if (money is not None and money == 0) or (nil is not None and money is None):
            continue  # nothing spent: no counts are owed
        s = money_hit[0] if money_hit else nil[0]
        context = re.compile(item["context"])
        window = [x for x in doc.sentences() if context.search(x.text) and "名词" not in (x.section or "")]
        for count in item["counts"]:
            hit = _first(count["pattern"], window)
            in_table = re.search(count["what"][:2], table_rows)
            anchor = f"{item['id']}/{count['what']}"
            if hit is None and not in_table:
                out.append(sentence_result("R105", "fail", f"{doc.meta.kind or '决算'}说明了{item['name']}经费，"
                                           f"但未公开{count['what']}（财政部公开检查的必查项）。", s,
                                           anchor=anchor))
                continue
            if hit is None:
                out.append(result("R105", "pass", f"“三公”经费表列有{item['name']}{count['what']}。", anchor=anchor))
                continue
            # foreign and domestic receptions are counted apart ("外宾0人次…国内接待1次"): the largest is the item's
            found = [(x, m) for x in window for m in re.finditer(count["pattern"], nfkc(x.text))]
            best = max(found, key=lambda xm: _number(xm[1]) or 0)
            hit = (best[0], best[1])
            n = _number(hit[1])
            if money is not None and n is not None and (money > 0) != (n > 0) and count is item["counts"][0]:
                out.append(sentence_result(
                    "R105", "fail", f"{item['name']}经费为{money}万元，{count['what']}却为{n}：经费与数量应同为零或同不为零。",
                    hit[0], anchor=anchor, span=(hit[0].start, hit[0].end)))
            else:
                out.append(sentence_result("R105", "pass", f"已公开{item['name']}的{count['what']}（{n}）。", hit[0],
                                           anchor=anchor))
    return out
