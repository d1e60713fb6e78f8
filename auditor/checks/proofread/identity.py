"""P113: the document's name for itself in its headings is the cover's.

A 区 bureau's disclosure drafted from the 市 bureau's keeps the city's name in a heading the drafter did
not retype: the cover says "上海市普陀区规划和自然资源局 2024 年度部门决算", the page over the tables
"上海市规划和自然资源局 2024年度部门决算表" — another body's 决算 (普陀区, corpus). Headings (short
lines, section titles, table titles) that name a body before or after their year and kind are read;
one that is the cover's name with its district or county left out names a body at another level.
Other differences (abbreviations such as 省检察院, a subordinate unit's own heading in a 汇总) are
not judged.
"""

from __future__ import annotations

import re

from ...ingest.meta import title_identity
from ...model import Document
from ...results import Result
from .common import Findings, prose

_SUFFIX = re.compile(r"[（(](?:本级|汇总)[)）]$|本级$|汇总$")
_LEVEL = re.compile(r"(?<=[市省])[\u4e00-\u9fff]{1,3}?[区县]")


def _name(org: str) -> str:
    return _SUFFIX.sub("", re.sub(r"\s+", "", org))


def _headings(doc: Document):
    """(text, page, paragraph or None) of each line that may be a heading."""
    for p in prose(doc):
        if len(p.text) <= 60 and "。" not in p.text:
            yield p.text, p.page, p
    for t in doc.tables:
        if t.title:
            yield t.title, t.pages[0] if t.pages else None, None


def _dropped(cover: str, named: str) -> str | None:
    """The district or county the heading's name leaves out of the cover's, if that is its only difference."""
    for m in _LEVEL.finditer(cover):
        if cover[: m.start()] + cover[m.end():] == named:
            return m.group(0)
    return None


def check_identity(doc: Document) -> list[Result]:
    f = Findings("P113")
    if not doc.meta.organization:
        return f.done("", unverified="未识别出封面上的单位名称，无法核对标题中的名称。")
    cover = _name(doc.meta.organization)
    checked = 0
    for text, page, para in _headings(doc):
        org, year, _, _ = title_identity(re.sub(r"\s+", "", text))
        if not org or year is None:
            continue
        checked += 1
        named = _name(org)
        gone = _dropped(cover, named) if named != cover else None
        if gone is None:
            continue
        message = (f"标题“{text.strip()}”中的单位名称是“{named}”，封面是“{cover}”：少了“{gone}”，成了另一级单位的名称。")
        if para is not None:
            at = para.start + para.text.find(org[:2]) if org[:2] in para.text else para.start
            f.add("fail", message, doc=doc, para=para, start=at, end=at + len(org))
        else:
            f.add("fail", message, page=page, text=text)
    if not checked:
        return f.done("", unverified="标题中没有写明单位名称，无需核对。")
    return f.done(f"已核对{checked}处标题中的单位名称，均与封面一致。")
