"""R106: 政府采购 disclosed as 预算法 §14 and 143号 ask.

The total alone says little; the split into 货物/工程/服务 is what the rules name. A 决算 also gives the
contracts granted to 中小企业, which cannot exceed the total. Sums of the split are N107's (the
narrative's own parts); this rule asks for presence and for the 中小企业 amount within the total.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...model import Document
from ...numbers import nfkc
from ...results import Result
from .common import config, section_sentences, sentence_result


def _amount(m: re.Match) -> Decimal | None:
    try:
        return Decimal(m.group(1).replace(",", ""))
    except (InvalidOperation, IndexError):
        return None


def check_procurement(doc: Document) -> list[Result]:
    cfg = config()["procurement"]
    sents = section_sentences(doc, cfg["section"])
    if not sents:
        return []
    text = nfkc("".join(s.text for s in sents))
    if re.search(cfg["none"], text):
        return []
    total_rx = re.compile(cfg["total"])
    hit = next(((s, m) for s in sents for m in [total_rx.search(nfkc(s.text))] if m), None)
    if hit is None:
        return []  # the section names no total: N101 and D104 speak for what is there
    s, m = hit
    total = _amount(m)
    out: list[Result] = []
    missing = [w for w in cfg["split"] if w not in text]
    if total and total > 0 and len(missing) == len(cfg["split"]):
        out.append(sentence_result("R106", "fail", f"说明了政府采购总额{m.group(1)}万元，但未按货物、工程、服务分别说明。", s,
                                   anchor="split"))
    elif total is not None:
        out.append(sentence_result("R106", "pass", "政府采购总额及货物、工程、服务分类已说明。", s, anchor="split"))
    sme_rx = re.compile(cfg["sme"])
    for t in sents:
        sm = sme_rx.search(nfkc(t.text))
        if not sm or total is None:
            continue
        sme = _amount(sm)
        if sme is not None and sme > total + Decimal("0.005"):
            out.append(sentence_result("R106", "fail", f"授予（面向）中小企业的金额{sm.group(1)}万元超过了政府采购总额"
                                       f"{m.group(1)}万元。", t, anchor="sme"))
        elif sme is not None:
            out.append(sentence_result("R106", "pass", f"中小企业金额{sm.group(1)}万元不超过政府采购总额{m.group(1)}万元。",
                                       t, anchor="sme"))
        break
    return out
