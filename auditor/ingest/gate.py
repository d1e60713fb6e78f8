"""The disclosure gate: whether a file is a 部门/单位 预算 or 决算 公开 document, and which part of one.

A scraper saves notices, plans, forms and website reports under a budget's file name. Audited as
disclosures they would get a page of D101/D104 不通过 for tables they never meant to hold, which costs a
reviewer's trust more than one line saying what the file is not. So a file that shows none of a
disclosure's three signs (its title at the top, a 情况说明's headings, three standard tables) is refused,
like an unreadable file. The decision reads what the one parse already gave (the first lines, the
section tree, the 目录, the tables' kinds): it costs nothing more. The file name is never read: the
scraper's names are the budgets' names.

A file that passes is also told which part of a disclosure it is, so completeness rules ask of it only
what that part holds: `full`, `narrative` (a 情况说明 published apart), `tables` (the 报表 apart) or
`attachment` (a 绩效目标表 or project list under a disclosure's title, with neither).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import patterns
from ..model import Section, Table


@dataclass
class Gate:
    """What the gate saw: the signs found, and the part of a disclosure the file is."""

    title: str | None  # the line that carries a disclosure's title
    topics: list[str] = field(default_factory=list)  # 情况说明 topics its headings name
    kinds: list[str] = field(default_factory=list)  # standard table kinds it holds
    part: str = "full"  # full | narrative | tables | attachment

    @property
    def is_disclosure(self) -> bool:
        cfg = _config()
        return bool(self.title) or len(self.topics) >= cfg["min_sections"] or len(self.kinds) >= cfg["min_tables"]

    def why_not(self) -> str:
        """The refusal's detail: what was looked for, in the reviewer's words."""
        parts = ["首页无预算/决算公开标题", f"无情况说明结构（说明类标题{len(self.topics)}个）",
                 f"标准预算表{len(self.kinds)}张"]
        return "；".join(parts)


@patterns.cached
def _compiled() -> tuple[re.Pattern, re.Pattern, dict[str, re.Pattern]]:
    cfg = _config()
    return (re.compile(cfg["title"]), re.compile(cfg["notice"]),
            {name: re.compile(rx) for name, rx in cfg["sections"].items()})


def _config() -> dict:
    return patterns.load("gate")


def _headings(sections: list[Section]) -> list[str]:
    out: list[str] = []
    stack = list(sections)
    while stack:
        s = stack.pop()
        out.append(s.title)
        stack.extend(s.children)
    return out


def title_line(head: list[str]) -> str | None:
    """The first of the top lines (alone or joined with the next, as titles wrap) that carries a
    disclosure's title, unless the top is an official notice's: there the phrase is its subject."""
    title_rx, notice_rx, _ = _compiled()
    lines = [re.sub(r"\s+", "", ln) for ln in head if ln.strip()]
    if any(notice_rx.search(ln) for ln in lines) or notice_rx.search("".join(lines)):
        return None
    for i, ln in enumerate(lines):
        for cand in (ln, ln + (lines[i + 1] if i + 1 < len(lines) else "")):
            if title_rx.search(cand):
                return cand
    return None


def topics(headings: list[str]) -> list[str]:
    """The 情况说明 topics (patterns/gate.yaml `sections`) the headings name, each once."""
    _, _, vocab = _compiled()
    return [name for name, rx in vocab.items() if any(rx.search(h) for h in headings)]


def judge(head: list[str], sections: list[Section], toc: list[str], tables: list[Table]) -> Gate:
    """The gate's reading of one document from what the parse gave: `head` is its top (first lines, the
    lines around the first tables' titles, those titles), `toc` its 目录 lines."""
    cfg = _config()
    standard = set(cfg["tables"])
    kinds = sorted({t.kind for t in tables if t.kind in standard})
    found = topics(_headings(sections) + [re.sub(r"[.…·\s\d]+$", "", e) for e in toc])
    gate = Gate(title=title_line(head), topics=found, kinds=kinds)
    # for the part, one heading of a 情况说明's topic is a narrative: a short one that left topics out is
    # what D104 is for, not a tables-only file
    narrative = bool(found)
    if narrative and kinds:
        gate.part = "full"
    elif narrative or not any(t.kind != "other" for t in tables):
        gate.part = "narrative"
    elif kinds:
        gate.part = "tables"
    else:
        gate.part = "attachment"  # only 绩效/项目 tables under a disclosure's title
    return gate
