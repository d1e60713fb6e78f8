"""Terminal display width of CJK text, so grids line up."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, w: int, *, right: bool = False) -> str:
    gap = max(0, w - width(text))
    return (" " * gap + text) if right else (text + " " * gap)


def clip(text: str, w: int) -> str:
    if width(text) <= w:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > w - 1:
            break
        out += ch
    return out + "…"
