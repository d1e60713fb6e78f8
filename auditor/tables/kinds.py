"""Standard table kinds recognised from titles by the synonyms in patterns/tables.yaml."""

from __future__ import annotations

import regex

from .. import patterns
from .header import normalize_label


@patterns.cached
def _compiled() -> list[tuple[str, str, list[regex.Pattern]]]:
    data = patterns.load("tables")
    return [(k["id"], k["name"], [regex.compile(m) for m in k["match"]]) for k in data["kinds"]]


def kind_names() -> dict[str, str]:
    return {kid: name for kid, name, _ in _compiled()}


def classify(title: str) -> tuple[str, str]:
    """Return (kind id, kind name); ("other", "其他表") when no synonym matches."""
    t = normalize_label(title)
    for kid, name, pats in _compiled():
        if any(p.search(t) for p in pats):
            return kid, name
    return "other", "其他表"


@patterns.cached
def unit_pattern() -> regex.Pattern:
    return regex.compile(patterns.load("tables")["unit"])


@patterns.cached
def title_pattern() -> regex.Pattern:
    return regex.compile(patterns.load("tables")["title"])


def unit_of(match: regex.Match) -> str:
    """The unit a 单位 line gives: "单位：万" whose "元" wrapped onto the next line is 万元 (万, 千 and
    亿 are no unit alone)."""
    unit = match.group(1)
    return unit if unit.endswith("元") else unit + "元"
