"""What every requirement check shares: its data (patterns/requirements.yaml) and how a result is built."""

from __future__ import annotations

import re

from ... import patterns
from ...model import Document, Row, Sentence, Table
from ...results import Evidence, Result

_SEVERITY = {"pass": "info", "fail": "error", "warn": "warning", "unverified": "info"}


@patterns.cached
def config() -> dict:
    return patterns.load("requirements")


def profile_settings(doc: Document) -> dict:
    """The requirement settings of the document's regional profile over the defaults.

    Thresholds and regional extras are data: `defaults` holds the national rule, `profiles.<id>` what a
    region's template adds or changes (profile ids are those of patterns/disclosure.yaml).
    """
    from ..disclosure import profile

    cfg = config()
    out = dict(cfg.get("defaults") or {})
    out.update((cfg.get("profiles") or {}).get(profile(doc)["id"], {}) or {})
    return out


def result(rule: str, verdict: str, message: str, *, anchor: str, page: int | None = None, text: str = "",
           span: tuple[int, int] | None = None, evidence: list[Evidence] | None = None,
           severity: str | None = None) -> Result:
    return Result(rule=rule, kind="disclosure", verdict=verdict, severity=severity or _SEVERITY[verdict],
                  message=message, page=page, text=text, span=span, evidence=evidence or [], anchor=anchor)


def sentence_result(rule: str, verdict: str, message: str, s: Sentence, *, anchor: str,
                    span: tuple[int, int] | None = None, evidence: list[Evidence] | None = None,
                    severity: str | None = None) -> Result:
    return result(rule, verdict, message, anchor=anchor, page=s.page, text=s.text,
                  span=span or (s.start, s.end), evidence=evidence, severity=severity)


def row_evidence(t: Table, r: Row, column: str = "", value: str = "") -> Evidence:
    return Evidence(table=t.title, table_id=t.id, row=r.label, column=column, value=value, unit=t.unit,
                    page=r.page)


def table_evidence(t: Table, note: str = "") -> Evidence:
    return Evidence(table=t.title, table_id=t.id, row="", column="", value=note, unit=t.unit,
                    page=t.pages[0] if t.pages else None)


def section_sentences(doc: Document, pattern: str) -> list[Sentence]:
    """Sentences whose section heading path matches pattern (the 名词解释 section never counts)."""
    rx = re.compile(pattern)
    return [s for s in doc.sentences() if s.section and rx.search(s.section) and "名词" not in s.section]


def words(text: str) -> str:
    """Anchor text: the words without digits or spaces, so an edited figure keeps the reviewer's decision."""
    return re.sub(r"[\s\d.,%％]+", "", text)[:40]
