"""The document's own kind in its own statements (P111, P112).

A 单位预算 drafted from a 部门预算 (or the reverse) keeps the other's words: "2026年部门预算安排购置车辆0辆"
in a 单位预算. A 决算 drafted from a budget speaks of its own year's figures as 预算. Only statements of
the document's own year are read: "纳入…部门预算" of a parent department is not about the document.
"""

from __future__ import annotations

from ...model import Document
from ...results import Result
from .common import Findings, config, identity, prose, rx


def check_level_words(doc: Document) -> list[Result]:
    """P111: a 单位预算/决算 that calls its own statements 部门预算/决算, and the reverse."""
    f = Findings("P111")
    me = identity(doc)
    if me.level is None or me.year is None:
        # say what the title lacks: "2018年度江苏省高级人民法院预算公开" prints its year, not 部门/单位
        # (meta's 部门预算 is then only its default, no basis for calling a 部门 statement wrong)
        missing = "和".join(w for w, gone in (("年度", me.year is None), ("部门/单位", me.level is None)) if gone)
        return f.done("", unverified=f"文件标题未写明{missing}，无法核对称谓。")
    for para in prose(doc):
        for m in rx(config()["kind"]["own_statement"]).finditer(para.text):
            if int(m.group("year")) != me.year or m.group("stage") != me.stage or m.group("level") == me.level:
                continue
            wrote = f"{m.group('level')}{m.group('stage')}"
            f.add("fail", f"本文件是{me.level}{me.stage}，却称“{m.group(0).strip()}”：应为“{me.level}{me.stage}”，"
                  f"不是“{wrote}”。", doc=doc, para=para, start=para.start + m.start("level"),
                  end=para.start + m.end("stage"))
    return f.done(f"文中自称与文件类型（{me.level}{me.stage}）一致。")


def check_final_as_budget(doc: Document) -> list[Result]:
    """P112: a 决算 that speaks of its own year's figures as 预算 (a budget template's sentence kept)."""
    f = Findings("P112")
    me = identity(doc)
    if me.stage != "决算":
        return []  # only a 决算 can misname its figures this way
    if me.year is None:
        return f.done("", unverified="文件标题未写明年度，无法核对。")
    for para in prose(doc):
        for m in rx(config()["kind"]["final_as_budget"]).finditer(para.text):
            if m.group("year") and int(m.group("year")) != me.year:
                continue
            s = next((s for s in para.sentences if s.start <= para.start + m.start() < s.end + 1), None)
            if s is not None and "决算" in s.text:
                continue  # "预算…，支出决算…": a budget set against the 决算, as the 决算 should
            f.add("fail", f"{me.year}年度决算把本年数写作预算：“{m.group(0).strip()}”，应为决算数。",
                  doc=doc, para=para, start=para.start + m.start(), end=para.start + m.end())
    return f.done(f"{me.year}年度决算未把本年数写作预算。")


def check_kind(doc: Document) -> list[Result]:
    return check_level_words(doc) + check_final_as_budget(doc)
