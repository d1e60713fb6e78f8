"""R111: "持平" against its reasons.

"2026年收支总计与上年持平，主要原因是新增社区矫正中心运行经费" says no change and gives the reason of an
increase: either the figure changed and "持平" is wrong, or the reason belongs to another line. The reason
may follow in the same sentence or open the next one. 基本持平 allows a small change and is left alone;
a reason naming both directions may offset and is left alone. Missing explanations are 存疑, never 不通过.
"""

from __future__ import annotations

import re

from ...model import Document
from ...numbers import nfkc
from ...results import Result
from .common import config, result, sentence_result, words


def check_flat(doc: Document) -> list[Result]:
    cfg = config()["flat"]
    flat, reason = re.compile(cfg["flat"]), re.compile(cfg["reason"])
    up, down, still = re.compile(cfg["up"]), re.compile(cfg["down"]), re.compile(cfg["no_change"])
    out: list[Result] = []
    checked = 0
    for p in doc.paragraphs:
        if "名词" in (p.section or ""):
            continue
        for i, s in enumerate(p.sentences):
            text = nfkc(s.text)
            for m in flat.finditer(text):
                rest = text[m.end():]
                r = reason.match(rest)
                if r is None and not re.search(r"[，,；]", rest) and i + 1 < len(p.sentences):
                    r = reason.match(nfkc(p.sentences[i + 1].text))  # "…持平。主要原因是…"
                if r is None:
                    continue
                why = r.group("why")
                checked += 1
                if still.search(why) or bool(up.search(why)) == bool(down.search(why)):
                    continue
                way = "增加" if up.search(why) else "减少"
                out.append(sentence_result(
                    "R111", "warn", f"说的是“持平”，所给原因“{why.strip()}”却是{way}的原因：请核对是否持平，"
                    f"或原因是否属于别的项目。", s, anchor=f"{s.section or ''}|{words(s.text)}",
                    span=(s.start + m.start(), s.start + m.end())))
    if checked and not out:
        out.append(result("R111", "pass", f"已核对{checked}处“持平”的原因，均未说成增加或减少。", anchor="all"))
    return out
