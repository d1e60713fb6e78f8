"""Punctuation (P131–P134): doubled marks, unbalanced pairs, a paragraph with no closing mark,
half-width marks in Chinese text. Style, not substance: 存疑 with the catalogue's severity, and one
finding per paragraph listing every place, never one per character.
"""

from __future__ import annotations

import re

from ...model import Document, Paragraph
from ...narrative.structure import heading_of
from ...results import Result
from .common import Findings, config, narrative_readable, prose, rx, unreadable

_CJK = r"[\u4e00-\u9fff]"


def _cfg() -> dict:
    return config()["punctuation"]


def _places(text: str, spans: list[tuple[int, int]]) -> str:
    """Up to three snippets around the marks, each once: the same words repeated in a paragraph
    ("主要原因是:车辆" twice) are one place to show, though every mark is counted."""
    snippets = list(dict.fromkeys(f"“{text[max(0, a - 4): b + 2].strip()}”" for a, b in spans))
    more = f"等{len(spans)}处" if len(spans) > min(3, len(snippets)) else ""
    return "、".join(snippets[:3]) + more


def check_doubled(doc: Document) -> list[Result]:
    """P131: "。。", "，，", "，。"."""
    f = Findings("P131")
    for para in prose(doc):
        spans = [(m.start(), m.end()) for m in rx(_cfg()["doubled"]).finditer(para.text)]
        if spans:
            f.add("warn", f"标点重复：{_places(para.text, spans)}。", doc=doc, para=para,
                  start=para.start + spans[0][0], end=para.start + spans[0][1])
    return f.done("未发现重复的标点。")


def unbalanced(text: str) -> list[tuple[str, int]]:
    """(mark, position) of each opening mark never closed and each closing mark never opened."""
    text = rx(_cfg()["list_number"]).sub(lambda m: m.group(0)[:-1] + " ", text)  # "1）" is a list number
    out: list[tuple[str, int]] = []
    for opens, closes in _cfg()["pairs"]:
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch in opens:
                stack.append(i)
            elif ch in closes:
                if stack:
                    stack.pop()
                else:
                    out.append((ch, i))
        out += [(text[i], i) for i in stack]
    return sorted(out, key=lambda x: x[1])


def _runs(paras: list[Paragraph]) -> list[list[Paragraph]]:
    """Paragraphs joined until one ends a sentence: a page break or a running header splits a paragraph
    in two, and a quote opened before the break closes after it."""
    runs: list[list[Paragraph]] = []
    cur: list[Paragraph] = []
    for p in paras:
        if cur and heading_of(p.text.strip()) is not None:
            runs.append(cur)
            cur = []
        cur.append(p)
        if re.search(r"[。！？!?]\s*[”’）)]?\s*$", p.text) or sum(len(q.text) for q in cur) >= 800:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def check_pairs(doc: Document) -> list[Result]:
    """P132: quotes, brackets and title marks that open without closing (or close without opening)."""
    f = Findings("P132")
    for run in _runs(prose(doc)):
        text = "\n".join(p.text for p in run)
        bad = unbalanced(text)
        if not bad:
            continue
        at, para = bad[0][1], run[0]
        for p in run:  # the paragraph holding the first unbalanced mark
            if p.start - run[0].start <= at:
                para = p
        marks = "".join(dict.fromkeys(ch for ch, _ in bad))
        spans = [(i, i + 1) for _, i in bad]
        f.add("warn", f"成对标点不配对（{marks}）：{_places(text, spans)}。", doc=doc, para=para,
              start=run[0].start + at, end=run[0].start + at + 1)
    return f.done("引号、括号、书名号均成对。")


def _is_prose(para: Paragraph) -> bool:
    t = para.text.strip()
    return (len(t) >= 30 and "，" in t and heading_of(t) is None
            and len(re.findall(_CJK, t)) >= 0.5 * len(t))


def check_paragraph_ends(doc: Document) -> list[Result]:
    """P133: a narrative paragraph that ends without 。 or ；."""
    f = Findings("P133")
    end = rx(_cfg()["paragraph_end"])
    paras = prose(doc)
    item = rx(r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(][\d一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
    running = running_lines(doc)
    for i, para in enumerate(paras):
        t = para.text.rstrip()
        for line in running:
            if t.endswith(line) and len(t) > len(line):
                t = t[: -len(line)].rstrip()  # a running header merged into the paragraph
        if not _is_prose(para) or end.search(t):
            continue
        nxt = paras[i + 1].text.strip() if i + 1 < len(paras) else ""
        if nxt and heading_of(nxt) is None and not item.match(nxt):
            continue  # the next paragraph may be this one's continuation (a page break, a wrapped line)
        f.add("warn", f"段落结尾缺少句号：“…{t[-12:]}”。", doc=doc, para=para,
              start=para.start + len(t) - 1, end=para.start + len(t), text=para.text)
    return f.done("叙述段落均以句号或分号结束。")


def running_lines(doc: Document) -> list[str]:
    """Lines printed on many pages (running headers, footers): paragraphs that recur three times."""
    counts: dict[str, int] = {}
    for p in doc.paragraphs:
        t = p.text.strip()
        if 6 <= len(t) <= 40:
            counts[t] = counts.get(t, 0) + 1
    return [t for t, n in counts.items() if n >= 3]


def check_half_width(doc: Document) -> list[Result]:
    """P134: ",;:?!" between Chinese characters where the document uses the full-width mark."""
    f = Findings("P134")
    pairs: dict[str, str] = _cfg()["half_width"]
    used = {h for h, full in pairs.items() if doc.text.count(full) >= 5}
    if not used:
        return f.done("文中未统一使用全角标点，不核对半角混用。")
    marks = re.escape("".join(sorted(used)))
    pat = rx(rf"(?<={_CJK})\s*[{marks}]|[{marks}]\s*(?={_CJK})")
    for para in prose(doc):
        spans = [(m.start(), m.end()) for m in pat.finditer(para.text)
                 if not re.match(r"\d", para.text[m.end(): m.end() + 1] or "x")
                 or not re.search(r"\d$", para.text[: m.start()])]
        if spans:
            shown = "".join(dict.fromkeys(para.text[a:b].strip() for a, b in spans))
            f.add("warn", f"中文中夹用半角标点（{shown}）：{_places(para.text, spans)}。", doc=doc, para=para,
                  start=para.start + spans[0][0], end=para.start + spans[0][1])
    return f.done("未发现全角与半角标点混用。")


def check_punctuation(doc: Document) -> list[Result]:
    if not narrative_readable(doc):
        return unreadable(("P131", "P132", "P133", "P134"))
    return check_doubled(doc) + check_pairs(doc) + check_paragraph_ends(doc) + check_half_width(doc)
