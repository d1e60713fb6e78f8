"""Narrative lines become paragraphs, sentences with offsets and pages, and a heading tree.

Claims point back into Document.text by character offsets, so the offsets are computed once here
and every later stage quotes them.
"""

from __future__ import annotations

import re
from typing import Any

from ..ingest.items import LineItem
from ..location import Location
from ..model import Paragraph, Section, Sentence

_CN = "一二三四五六七八九十"
HEADINGS: list[tuple[int, re.Pattern]] = [
    (0, re.compile(rf"^(第[{_CN}]+部分)\s*")),
    (1, re.compile(rf"^([{_CN}]+、)\s*")),
    (2, re.compile(rf"^([（(][{_CN}]+[）)])\s*")),
    (3, re.compile(r"^(\d{1,2}[.．、](?!\d))\s*")),
]
_SENTENCE_END = re.compile(r"[。！？；;!?]")
_TABLE_LABEL = re.compile(r"表\s*\d{1,2}(?:[-－—]\d{1,2})?$")
# a line that starts with a figure and its unit ("932.50万元。") or a bare unit ("元。") carries on the
# sentence of the line above when that line stopped without punctuation: the figure's subject is there
_CONTINUES = re.compile(r"^(?:[\d][\d,，.]*\s*(?:万元|亿元|元|万|%|％)|(?:万元|亿元|元|%|％)(?=[，。；、,;）)]|$))")
_OPEN_END = re.compile(r"[^\s。！？；;!?：:）)]$")


def _continues(prev: LineItem, ln: LineItem) -> bool:
    """Whether `ln` goes on with the sentence `prev` left open although `prev` ended short of the margin
    (a right margin measured on a wider line marks every line short)."""
    return (
        bool(_CONTINUES.match(ln.text))
        and bool(_OPEN_END.search(prev.text))
        and prev.heading is None
        and heading_of(prev.text) is None
    )


def heading_of(text: str) -> tuple[int, str, str] | None:
    """(level, number, title) when the text starts with a heading number."""
    for level, pat in HEADINGS:
        m = pat.match(text)
        if m:
            rest = text[m.end() :]
            cut = re.search(r"[。：:]", rest)
            title = (rest[: cut.start()] if cut else rest).strip()
            if len(title) > 30 or not title:
                return None  # a numbered list item inside a paragraph, not a heading
            if _TABLE_LABEL.search(title):
                return None  # "第四部分公开报表表12": a table page's running label, not a section
            return level, m.group(1), title
    return None


def numbered(text: str) -> int | None:
    """The level of a heading number the text starts with, whether or not heading_of takes it."""
    return next((level for level, pat in HEADINGS if pat.match(text)), None)


def join_lines(lines: list[LineItem], *, each_line_a_paragraph: bool,
               locs: list[list[tuple[int, Location | None]]] | None = None) -> list[tuple[str, list[tuple[int, int | None]]]]:
    """Paragraph texts with (offset, page) marks where each source line starts; `locs`, when
    given, receives the same marks with each line's draft location (sheet cell, Word paragraph)."""
    paras: list[tuple[str, list[tuple[int, int | None]]]] = []
    buf = ""
    marks: list[tuple[int, int | None]] = []
    where: list[tuple[int, Location | None]] = []
    prev: LineItem | None = None
    for ln in lines:
        new = (
            each_line_a_paragraph
            or prev is None
            or ln.indent
            or (prev.short and not _continues(prev, ln))
            or heading_of(ln.text) is not None
            or ln.heading is not None
        )
        if new and buf:
            paras.append((buf, marks))
            if locs is not None:
                locs.append(where)
            buf, marks, where = "", [], []
        marks.append((len(buf), ln.page))
        where.append((len(buf), ln.loc))
        if buf and buf[-1].isascii() and buf[-1].isalnum() and ln.text[:1].isascii() and ln.text[:1].isalnum():
            buf += " "
        buf += ln.text
        prev = ln
    if buf:
        paras.append((buf, marks))
        if locs is not None:
            locs.append(where)
    return paras


def _first_lines(lines: list[LineItem], joined: list) -> list[LineItem | None]:
    """The first source line of each joined paragraph (lines are consumed in order, none skipped)."""
    out: list[LineItem | None] = []
    k = 0
    for _text, marks in joined:
        out.append(lines[k] if k < len(lines) else None)
        k += len(marks)
    return out


def _page_at(marks: list[tuple[int, Any]], offset: int) -> Any:
    page = marks[0][1] if marks else None
    for off, pg in marks:
        if off <= offset:
            page = pg
        else:
            break
    return page


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def build_narrative(
    lines: list[LineItem], *, each_line_a_paragraph: bool
) -> tuple[str, list[Paragraph], list[Section]]:
    paragraphs: list[Paragraph] = []
    sections: list[Section] = []
    stack: list[Section] = []
    chunks: list[str] = []
    offset = 0
    locs: list[list[tuple[int, Location | None]]] = []
    joined = join_lines(lines, each_line_a_paragraph=each_line_a_paragraph, locs=locs)
    styled = {id(ln): ln.heading for ln in lines if ln.heading is not None}
    firsts = _first_lines(lines, joined)
    listed: dict[int, bool] = {}  # level -> the last item numbered at that level was a list item
    for pi, (ptext, marks) in enumerate(joined):
        page = marks[0][1] if marks else None
        h = heading_of(ptext)
        lvl = numbered(ptext)
        if lvl is not None:
            # a list's items are all list items: "（七）完成交办的其他任务。" is as much a duty as the
            # long （一）–（六） before it, though short enough to pass for a heading
            if h is not None and listed.get(lvl) and ptext.rstrip().endswith(("。", "；", ";")):
                h = None
            listed[lvl] = h is None
            for deeper in [k for k in listed if k > lvl]:
                del listed[deeper]
        level = styled.get(id(firsts[pi])) if firsts[pi] is not None else None
        if h is None and level is not None and len(ptext) <= 40 and "。" not in ptext:
            # a heading the author styled (Word 标题 N) but did not number: a section all the same
            h = (min(max(level, 0), 3), "", ptext.strip())
        if h is not None:
            level, number, title = h
            sec = Section(number=number, title=title, level=level, page=page, start=offset)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else sections).append(sec)
            stack.append(sec)
        path = "/".join(s.heading for s in stack) or None
        para = Paragraph(text=ptext, start=offset, end=offset + len(ptext), page=page, section=path,
                         loc=locs[pi][0][1] if locs[pi] else None)
        pidx = len(paragraphs)
        for s, e in split_sentences(ptext):
            # leading spaces are not part of a sentence
            while s < e and ptext[s].isspace():
                s += 1
            para.sentences.append(
                Sentence(
                    text=ptext[s:e],
                    start=offset + s,
                    end=offset + e,
                    page=_page_at(marks, s),
                    paragraph=pidx,
                    section=path,
                    loc=_page_at(locs[pi], s),
                )
            )
        paragraphs.append(para)
        chunks.append(ptext)
        offset += len(ptext) + 1
    return "\n".join(chunks), paragraphs, sections
