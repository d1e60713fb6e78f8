"""Characters a font failed to map (P141): "(cid:NNN)", private-use code points, U+FFFD, Kangxi radicals
and CJK compatibility ideographs standing in for ordinary characters, symbol fonts' wrong code points,
runs of stand-in symbols. One finding per paragraph (or per table), with the page.

A reader shows such text as blanks, boxes or look-alikes, and search and screen readers miss it. Where
Unicode knows the ordinary character (NFKC maps ⼀ to 一), the message says which one was meant.
"""

from __future__ import annotations

import re
import unicodedata

from ...model import Document
from ...results import Result
from .common import Findings, config, prose, rx

_CID = re.compile(r"\(cid:\d+\)")
_ODD = re.compile("[\ue000-\uf8ff\ufffd\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff\U0002f800-\U0002fa1f]")


def problems(text: str) -> list[tuple[int, int, str]]:
    """(start, end, description) of each character that stands in for another."""
    out: list[tuple[int, int, str]] = []
    for m in _CID.finditer(text):
        out.append((m.start(), m.end(), f"“{m.group(0)}”（字体缺少编码映射）"))
    for m in _ODD.finditer(text):
        ch = m.group(0)
        o = ord(ch)
        if 0xE000 <= o <= 0xF8FF:
            what = f"私用区字符 U+{o:04X}"
        elif o == 0xFFFD:
            what = "替换字符 U+FFFD"
        else:
            meant = unicodedata.normalize("NFKC", ch)
            kind = "康熙部首" if 0x2F00 <= o <= 0x2FDF or 0x2E80 <= o <= 0x2EFF else "兼容汉字"
            what = f"{kind}“{ch}”（U+{o:04X}）" + (f"，应为“{meant}”" if meant != ch else "")
        out.append((m.start(), m.end(), what))
    cfg = config()["garbled"]
    for sub in cfg.get("substitutions") or []:
        for m in rx(sub["pattern"]).finditer(text):
            out.append((m.start(), m.end(), f"{sub['what']}“{m.group(0)}”，应为“{sub['meant']}”"))
    for m in rx(cfg["symbol_run"]).finditer(text):
        out.append((m.start(), m.end(), f"连续符号“{m.group(0)}”"))
    return sorted(out)


def _describe(found: list[tuple[int, int, str]]) -> str:
    kinds = list(dict.fromkeys(d for _, _, d in found))
    shown = "；".join(kinds[:3]) + (f"等{len(found)}处" if len(found) > 3 or len(kinds) > 3 else "")
    return shown


def check_garbled(doc: Document) -> list[Result]:
    """P141: per paragraph, and per table (title and row names), the characters that did not map."""
    f = Findings("P141")
    for para in prose(doc):
        found = problems(para.text)
        if found:
            a, b, _ = found[0]
            f.add("warn", f"文字显示异常（字体映射）：{_describe(found)}。", doc=doc, para=para,
                  start=para.start + a, end=para.start + b)
    for t in doc.tables:
        texts = [t.title] + [r.name for r in t.rows]
        found = [p for x in texts for p in problems(x)]
        if found:
            f.add("warn", f"{t.number or ''}《{t.title}》中文字显示异常（字体映射）：{_describe(found)}。",
                  page=t.pages[0] if t.pages else None, text=t.title, anchor=f"{t.id}/garbled")
    return f.done("未发现字体映射异常的字符。")
