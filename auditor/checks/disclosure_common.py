"""What the completeness checks share: the disclosure patterns, the finding and evidence builders,
and the narrative length below which a file is tables only.

A module of its own so that disclosure.py (which runs them all) and empty_tables.py and template.py
(which it runs) import downwards only: no import circle among the three.
"""

from __future__ import annotations

from ..model import Table
from ..patterns import cached, load
from ..results import Evidence, Result

NARRATIVE_MIN = 120  # characters: less than this is a tables-only file (its narrative is published apart)


@cached
def config() -> dict:
    """patterns/disclosure.yaml, with the current call's layers (cached per scope)."""
    return load("disclosure")


def result(rule: str, verdict: str, message: str, *, anchor: str, page: int | None = None, text: str = "",
           span: tuple[int, int] | None = None, evidence: list[Evidence] | None = None,
           severity: str | None = None) -> Result:
    sev = severity or {"pass": "info", "fail": "error", "warn": "warning", "unverified": "info"}[verdict]
    return Result(rule=rule, kind="disclosure", verdict=verdict, severity=sev, message=message, page=page,
                  text=text, span=span, evidence=evidence or [], anchor=anchor)


def table_ev(t: Table, note: str = "") -> Evidence:
    return Evidence(table=t.title, table_id=t.id, row="", column="", value=note, unit=t.unit,
                    page=t.pages[0] if t.pages else None)
