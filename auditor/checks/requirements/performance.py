"""R108: the money under 绩效目标 is part of 项目支出.

143号 asks for 重点项目预算的绩效目标; the narrative then says how many projects and how much money
("编报绩效目标的项目9个，涉及项目预算资金1,887.00万元"). That money is project spending, so it cannot
exceed the document's 项目支出: when it does, one of the two figures is wrong.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...claims.facts import concepts, evidence_of, resolve_all
from ...model import Document
from ...numbers import fmt, nfkc
from ...results import Result
from .common import config, sentence_result


def check_performance(doc: Document) -> list[Result]:
    if doc.meta.stage == "决算":
        return []  # a 决算 states the budget of those projects against 决算 spending: not comparable
    cfg = config()["performance"]
    rx, amount, skip = re.compile(cfg["covered"]), re.compile(cfg["amount"]), re.compile(cfg["not_projects"])
    hit = None
    for s in doc.sentences():
        norm = nfkc(s.text)
        if "名词" in (s.section or "") or skip.search(norm) or not rx.search(norm):
            continue
        m = amount.search(norm)
        if m:
            hit = (s, m)
            break
    if hit is None:
        return []
    s, m = hit
    text = next(g for g in m.groups() if g)
    try:
        covered = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return []
    concept = next((c for c in concepts() if c.id == cfg["project_concept"]), None)
    facts = [f for f in resolve_all(doc, concept.facts) if not f.confirm_only] if concept else []
    if not facts:
        return []
    # the narrative may count all funds or only 财政拨款: the widest printed 项目支出 is the bound
    fact = max(facts, key=lambda f: f.in_unit("万元")[0])
    project, half = fact.in_unit("万元")
    tol = half + Decimal("0.005")
    ev = [evidence_of(fact)]
    if covered > project + tol:
        return [sentence_result("R108", "fail", f"绩效目标涉及资金{text}万元，超过了项目支出{fmt(project)}万元"
                                f"（{fact.table.title}“{fact.row.label}”）：纳入绩效目标管理的是项目支出的一部分。", s,
                                anchor="covered", evidence=ev)]
    return [sentence_result("R108", "pass", f"绩效目标涉及资金{text}万元，不超过项目支出{fmt(project)}万元。", s,
                            anchor="covered", evidence=ev)]
