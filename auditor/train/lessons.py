"""Lessons: the rule catalogue (`audit explain` texts and examples) in teaching order.

Units and rounding first (every later rule leans on them), then table arithmetic, cross-table
identities, narrative claims, disclosure completeness. Apart from the short introductions below,
every page is a rule from patterns/rules/, rendered as `audit explain` renders it, so the lessons
follow the catalogue when a rule is added or reworded.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report.rules_text import render_explain
from ..rules.catalogue import FAMILIES, Rule, catalogue
from ..rules.examples import run_example
from ..patterns import cached


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    intro: str
    rules: tuple[str, ...]


_INTROS = {
    "units": (
        "单位与舍入",
        "表格常以“元”印刷，说明常以“万元”书写：1 万元 = 10,000 元，比较前先换算到同一单位。\n"
        "印刷的数代表一个区间：保留两位小数的 171.12 万元，是 171.115～171.125 万元之间的任何数；"
        "n 个印刷数相加，与印刷合计之差在 (n+1) 个末位半单位以内，属舍入差异（存疑/提示），不是错误。\n"
        "空白与 0.00 不同：空白表示未填列，0.00 表示为零。\n"
        "下列规则都要在区间上比较，请留意每条规则怎样对待舍入。",
    ),
    "T": ("表内勾稽", "同一张表内：类 = 各款之和，款 = 各项之和；合计行 = 各类之和；合计列 = 各组成列之和；收入总计 = 支出总计。"),
    "X": ("表间一致", "同一个数常在几张表中出现（如各科目在收入总表、支出总表和财政拨款支出表中），各处应一致；"
          "一般公共预算数不能超过全部资金数。"),
    "N": ("叙述核对", "情况说明中的金额、增减、比例、完成率、个数都应能从表格算出。先找到叙述所指的科目和栏目，再换算单位、比较区间。"),
    "D": ("公开完整性", "应公开的表格和说明事项是否齐全；空表要说明原因；不能残留模板文字、写错年度、使用过时的科目名称。"),
    "R": ("公开要求", "《预算法》及其实施条例、财预〔2016〕143号和财政部公开检查要求写明的内容：支出细化到项和款，"
          "编码与名称对应，增减变化说明原因，“三公”决算公开相关数量，政府采购分类，资产截至日期，绩效目标资金。"),
    "P": ("文字校对", "像审核人员一样通读文字：比较年度、“截至”日期、标题年度是否与文件相符；有没有漏填的数字和原因、"
          "残留的填写说明；标点是否重复、成对；有没有显示异常的字符和空白页。"),
}


def _rounding_rules() -> tuple[str, ...]:
    """The rules whose own text says how they treat rounding (区间, 舍入)."""
    return tuple(r.id for r in catalogue().values() if "舍入" in r.checks or "区间" in r.checks)


@cached
def lessons() -> tuple[Lesson, ...]:
    out = [Lesson("units", *_INTROS["units"], _rounding_rules())]
    for family, name in FAMILIES.items():  # the catalogue's order is the teaching order
        ids = tuple(r.id for r in catalogue().values() if r.family == family)
        if ids:
            intro = _INTROS.get(family, (name, f"{name}类规则。"))
            out.append(Lesson(family, *intro, ids))
    return tuple(out)


def get_lesson(lesson_id: str) -> Lesson | None:
    return next((les for les in lessons() if les.id == lesson_id), None)


@cached
def rule_page(rule_id: str) -> str:
    """One rule as `audit explain` shows it, with what the auditor says on each example."""
    rule: Rule = catalogue()[rule_id]
    outcomes = []
    for failing, examples in ((False, rule.passing), (True, rule.failing)):
        for ex in examples:
            outcomes.append((failing, ex, run_example(rule, ex)))
    return render_explain(rule, outcomes)


def pages(lesson: Lesson) -> list[str]:
    """The lesson as pages: the introduction, then one page per rule."""
    return [f"{lesson.title}\n\n{lesson.intro}", *(rule_page(r) for r in lesson.rules)]
