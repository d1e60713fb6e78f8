"""Who published a disclosure, for which year and of which kind, from its cover and title lines.

Covers print the body's name before the year ("西安市民政局 2021 年部门综合预算"), after it ("2026年
深圳市水务局部门预算", "2017年度江苏省高级人民法院部门预算公开"), over two lines ("2026年" /
"广州市司法局部门预算"), or in a caption under a regional title ("上海市2026年市级单位预算" /
"预算单位：上海市审计局"). Only a name that ends like a body (局, 委员会, 办公室, 法院 …) is taken: a
region ("上海市普陀区") or a fragment is no organisation. The file name is the last resort, for both
the name and the year (a tables-only file may print neither).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Meta

_KINDS = ("部门预算", "单位预算", "部门决算", "单位决算")
_KIND = r"(?P<kind>部门|单位)?\s*(?:综合)?\s*(?P<k2>预算|决算)"
_YEAR = r"(?P<year>20\d\d)\s*年度?\s*(?:[区市省县]级)?\s*"
# a body's name: ends in the word for a body, optionally marked 本级 / 汇总
_ORG = (r"(?P<org>[\u4e00-\u9fff（）()]{2,40}?(?:局|厅|院|委员会|委|办公室|办|会|部|中心|处|所|馆|站|队|署|社|校|园|"
        r"法院|检察院|政府|街道办事处|办事处|镇|乡)(?:（本级）|本级|（汇总）|汇总|\(本级\)|\(汇总\))?)")
_BEFORE = re.compile(_ORG + r"\s*" + _YEAR + _KIND)  # 西安市民政局2021年部门综合预算
_AFTER = re.compile(_YEAR + _ORG + r"\s*" + _KIND)  # 2026年深圳市水务局部门预算
_FILE = re.compile(_ORG + r"\s*(?P<year>20\d\d)\s*年?度?\s*(?:[区市省县]级)?\s*" + _KIND)  # 北京市司法局_2026_部门预算
_LOOSE = re.compile(r"(?P<org>[^\s，。、；：:]{2,40}?)\s*" + _YEAR + _KIND)  # the year and kind, for year/kind only
_CAPTION = re.compile(r"(?:预算单位|预算主管部门|部门名称|单位名称|编制部门|编制单位|填报单位)[:：]\s*([^\s，。；:：]{2,40})")
# the same captions anywhere in the document, the colon often a space or a table cell's edge
# ("部门名称 北京市人力资源和社会保障局" in a 绩效目标表): taken only when the name ends like a body
_CAPTION_ANY = re.compile(r"(?:预算单位|预算主管部门|部门名称|单位名称|编制部门|编制单位|填报单位|市级主管部门)[:：]?[ \t]*"
                          r"([^\s，。；:：]{3,40})")
_BODY_END = re.compile(_ORG.replace("(?P<org>", "(?:") + "$")
_PREFIX = re.compile(r"^(?:第[一二三四五]部分|附件\d*[:：]?|[一二三四五六七八九十]+、)")
_REGION = re.compile(r"[\u4e00-\u9fff]{2,12}?[省市区县]")


def clean_org(org: str) -> str | None:
    """The name as a body's name, or None for a region ("上海市普陀区"), a fragment or a template's XX."""
    org = _PREFIX.sub("", org.replace(" ", ""))
    org = re.split(r"公开|目录|年度", org)[-1]
    if not 3 <= len(org) <= 40 or _REGION.fullmatch(org) or re.search(r"预算|决算|[XＸ×]{2}", org):
        return None
    return org


def _title_org(candidates: list[str], *, patterns: tuple[re.Pattern, ...] = (_BEFORE, _AFTER)
               ) -> tuple[str | None, re.Match | None]:
    """The organisation and the title match it came from, in the first candidate that names one."""
    for text in candidates:
        for rx in patterns:
            for m in rx.finditer(text):
                org = clean_org(m.group("org"))
                if org:
                    return org, m
    return None, None


def title_identity(text: str) -> tuple[str | None, int | None, str | None, str | None]:
    """Organisation, year, level (部门/单位) and stage (预算/决算) that one title or file name states
    ("北京市司法局_2026_部门预算" with the "_" removed, "2017年省检察院部门预算"); the year and kind of
    a regional title ("上海市2026年市级单位预算") without an organisation. Used by pairing.py too."""
    org, m = _title_org([text], patterns=(_BEFORE, _AFTER, _FILE))
    if m is None:
        m = _LOOSE.search(text)
    if m is None:
        return org, None, None, None
    return org, int(m.group("year")), m.group("kind"), m.group("k2")


def caption_org(texts: list[str]) -> str | None:
    """The body most often named in a caption anywhere in these texts; None when no caption names a body."""
    counts: dict[str, int] = {}
    for text in texts:
        for m in _CAPTION_ANY.finditer(text):
            org = clean_org(m.group(1))
            if org and _BODY_END.fullmatch(org):
                counts[org] = counts.get(org, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _joins(head: list[str]) -> list[str]:
    """From the top, each line joined with the two after it, then with one, then alone: a title
    wraps anywhere ("上海市普陀区规划和自然" / "资源局" / "2024 年度部门决算"), and the longest join
    keeps the whole name."""
    out: list[str] = []
    for i in range(len(head)):
        for n in (3, 2, 1):
            if i + n <= len(head) and (s := "".join(head[i:i + n])) not in out:
                out.append(s)
    return out


def detect_meta(lines: list[str], table_titles: list[str], text: str, pages: int | None,
                paths: list[str], table_texts: list[str] | None = None) -> Meta:
    meta = Meta(pages=pages)
    head = [ln.replace(" ", "") for ln in lines[:4] if ln.strip()]
    org, m = _title_org(_joins(head) + table_titles)
    if m is None:  # no body's name in the title: the year and kind from a regional title
        m = next((x for c in ["".join(head[:4]), *table_titles] if (x := _LOOSE.search(c))), None)
    if m:
        meta.year = int(m.group("year"))
        meta.kind = (m.group("kind") or "部门") + m.group("k2")
    named = _CAPTION.search(text[:2000])
    if named and clean_org(named.group(1)):  # "预算单位：上海市审计局" names it better than the title
        org = clean_org(named.group(1))
    if org is None:  # no title names it: a caption anywhere, the narrative's or a table's
        org = caption_org([text, *(table_texts or [])])
    if org is None:
        for p in paths:
            found, _ = _title_org([Path(p).stem.replace("_", "")], patterns=(_FILE, _AFTER))
            if found:
                org = found
                break
    meta.organization = org
    body = text + "".join(table_titles)
    if meta.kind is None:
        counts = {k: body.count(k) for k in _KINDS}
        best = max(counts, key=counts.get)
        if counts[best]:
            meta.kind = best
        elif "决算" in body or "预算" in body:
            meta.kind = "部门决算" if body.count("决算") > body.count("预算") else "部门预算"
    if meta.year is None:
        years = re.findall(r"(20\d\d)\s*年", body)
        if not years:
            years = [y for p in paths for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", Path(p).stem)]
        if years:
            meta.year = int(max(set(years), key=years.count))
    return meta
