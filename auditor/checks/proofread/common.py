"""What every proofreading check shares: the patterns, the document's own year and kind, results that
point at a paragraph's characters, and whether the narrative was read well enough to proofread.

Proofreading reads words, never tables' figures (DESIGN-NOTES §5), so it works paragraph by paragraph
on Document.text; a finding's span is an offset range into Document.text, its page the page of the
sentence holding the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import patterns
from ...model import Document, Paragraph
from ...results import Result
from ...rules.catalogue import get_rule

_WORDS = re.compile(r"[\s\d.,，。；;：:、%％（）()“”\"'‘’]+")


@patterns.cached
def config() -> dict:
    return patterns.load("proofread")


@lru_cache(maxsize=None)
def rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


@dataclass(frozen=True)
class Identity:
    """Who the document says it is: year, 预算/决算, 部门/单位; year None when the title does not say."""

    year: int | None
    stage: str  # 预算 | 决算
    level: str | None  # 部门 | 单位, None when the title does not say


def identity(doc: Document) -> Identity:
    """The year counts only when the title or a table title prints it next to 预算/决算: a year guessed
    from counting mentions is not a basis for calling other years false."""
    year = doc.meta.year
    titles = [p.text for p in doc.paragraphs[:4] if len(p.text) <= 40 and "。" not in p.text]  # not body text
    head = re.sub(r"\s+", "", "".join(titles))
    head += "".join(re.sub(r"\s+", "", t.title) for t in doc.tables[:3])
    if year is not None:
        short = str(year)[2:]
        if not re.search(rf"(?:{year}|(?<!\d){short}年)年?度?[^。，；\d]{{0,30}}?(?:预算|决算)", head):
            year = None
    level = None
    m = re.search(r"(部门|单位)(?:综合)?(?:预算|决算)", head)
    if m:
        level = m.group(1)
    elif doc.meta.kind and re.search(r"(部门|单位)", head):
        level = doc.meta.kind[:2]
    return Identity(year=year, stage=doc.meta.stage, level=level)


def narrative_readable(doc: Document) -> bool:
    """False when the narrative came out of the PDF in pieces (punctuation on lines of its own, figures
    away from their words): proofreading such text would report the reader's faults as the author's."""
    paras = [p for p in doc.paragraphs if p.text.strip()]
    if not paras:
        return True
    broken = sum(1 for p in paras if len(re.sub(r"[\s，,。、；;：:()（）]", "", p.text)) <= 0.3 * len(p.text))
    return broken <= 0.05 * len(paras)


def page_at(doc: Document, para: Paragraph, offset: int) -> int | None:
    """The page of the sentence that holds the document offset (a paragraph may run over a page)."""
    page = para.page
    for s in para.sentences:
        if s.start <= offset:
            page = s.page if s.page is not None else page
        else:
            break
    return page


def sentence_at(para: Paragraph, offset: int) -> str:
    for s in para.sentences:
        if s.start <= offset < s.end:
            return s.text
    return para.sentences[-1].text if para.sentences and offset >= para.sentences[-1].start else para.text


def words(text: str) -> str:
    """A span's words without figures and punctuation: an anchor that survives edits elsewhere."""
    return _WORDS.sub("", text)[:24]


def severity(rule: str, verdict: str) -> str:
    if verdict == "pass":
        return "info"
    r = get_rule(rule)
    if r is not None:
        return r.severity
    return "error" if verdict == "fail" else "warning"


class Findings:
    """Collects one rule's results; anchors are made unique so a reviewer's decisions stick."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        self.results: list[Result] = []
        self._seen: dict[str, int] = {}

    def add(self, verdict: str, message: str, *, doc: Document | None = None, para: Paragraph | None = None,
            start: int | None = None, end: int | None = None, text: str | None = None, page: int | None = None,
            anchor: str = "") -> Result:
        span = None
        if para is not None and start is not None:
            span = (start, end if end is not None else start)
            if page is None and doc is not None:
                page = page_at(doc, para, start)
            if text is None:
                text = sentence_at(para, start)
        elif para is not None and page is None:
            page = para.page
        key = anchor or words(text or message)
        self._seen[key] = self._seen.get(key, 0) + 1
        if self._seen[key] > 1:
            key = f"{key}#{self._seen[key]}"
        r = Result(rule=self.rule, kind="narrative", verdict=verdict, severity=severity(self.rule, verdict),
                   message=message, page=page, text=text or "", span=span, anchor=key)
        self.results.append(r)
        return r

    def done(self, clean: str, *, unverified: str | None = None) -> list[Result]:
        """The findings, or one 通过 (or 无法核对, with the reason) when there are none."""
        if self.results:
            return self.results
        if unverified:
            return [Result(rule=self.rule, kind="narrative", verdict="unverified", severity="info",
                           message=unverified, anchor="unverified")]
        return [Result(rule=self.rule, kind="narrative", verdict="pass", severity="info", message=clean,
                       anchor="none")]


def prose(doc: Document) -> list[Paragraph]:
    """Narrative paragraphs: everything the readers put in Document.paragraphs."""
    return [p for p in doc.paragraphs if p.text.strip()]


def unreadable(rules: tuple[str, ...]) -> list[Result]:
    """无法核对 for each rule: the narrative was not read well enough to proofread."""
    return [r for rule in rules
            for r in Findings(rule).done("", unverified="情况说明文字读取存疑（标点、数字与文字错位），未作文字校对。")]
