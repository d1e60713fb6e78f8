"""R110: a 科目 described with another 科目's purpose.

Narratives list each 项 with what it is spent on: "住房公积金（项）。主要用于：缴纳在职人员住房公积金". A line
copied from the row above and not rewritten says "住房公积金（项）。主要用于：事业单位医疗保险支出" (普陀区, 2024
决算): the reader is told the money paid medical insurance. Purpose words of the common 科目 are data
(patterns/requirements.yaml `purposes`); a purpose is wrong when it names another listed 科目's words and
none of its own.
"""

from __future__ import annotations

import re

from ...model import Document
from ...results import Result
from .common import config, result, sentence_result, words


def _subject(name: str, subjects: list[dict]) -> dict | None:
    return next((s for s in subjects if any(name.endswith(n) for n in s["names"])), None)


def _named(use: str, subject: dict) -> bool:
    return any(w in use for w in subject["words"])


def check_purposes(doc: Document) -> list[Result]:
    cfg = config()["purposes"]
    rx, subjects = re.compile(cfg["use"]), cfg["subjects"]
    out: list[Result] = []
    checked = 0
    for p in doc.paragraphs:
        if "名词" in (p.section or ""):
            continue
        for m in rx.finditer(p.text):
            subject = _subject(m.group("name"), subjects)
            if subject is None:
                continue
            use = m.group("use")
            others = [s for s in subjects if s is not subject and _named(use, s)]
            checked += 1
            if _named(use, subject) or not others:
                continue
            at = p.start + m.start("use")
            s = next((x for x in p.sentences if x.start <= at < x.end), p.sentences[-1] if p.sentences else None)
            if s is None:
                continue
            other = others[0]
            out.append(sentence_result(
                "R110", "fail", f"“{m.group('name')}”的用途写作“{use.strip()}”，这是"
                f"{'、'.join(other['names'][:2])}等科目的用途（{'、'.join(w for w in other['words'] if w in use)}），"
                f"没有提到本科目的{'、'.join(subject['words'])}：科目说明与科目不符。", s,
                anchor=f"{m.group('name')}|{words(use)}", span=(at, p.start + m.end("use"))))
    if checked and not out:
        out.append(result("R110", "pass", f"已核对{checked}处科目用途说明，均与科目相符。", anchor="all"))
    return out
