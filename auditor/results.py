"""Verdicts with their evidence. Every result can be checked by hand from what it carries."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from .location import Location

VERDICTS = ("pass", "fail", "warn", "unverified")
VERDICT_LABELS = {"pass": "通过", "fail": "不通过", "warn": "存疑", "unverified": "无法核对"}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class Evidence:
    table: str  # the table's title (id in table_id)
    row: str
    column: str
    value: str  # as printed
    unit: str | None
    page: int | None
    table_id: str | None = None
    location: Location | None = None  # set by auditor.locate: the cell, page or paragraph to open

    def as_dict(self) -> dict:
        return {
            "table": self.table,
            "table_id": self.table_id,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "unit": self.unit,
            "page": self.page,
            "location": self.location.as_dict() if self.location else None,
        }


@dataclass
class Figure:
    value: str
    unit: str | None

    def as_dict(self) -> dict:
        return {"value": self.value, "unit": self.unit}


@dataclass
class Result:
    rule: str
    kind: str  # claim | table | cross_table | narrative | disclosure
    verdict: str
    severity: str
    message: str
    page: int | None = None
    text: str = ""
    span: tuple[int, int] | None = None
    claimed: Figure | None = None
    expected: Figure | None = None
    tolerance: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    anchor: str = ""  # what the result is about, stable across re-runs: "t2/204/2021年预算数·小计"
    id: str = ""
    location: Location | None = None  # set by auditor.locate: where the sentence or cell is
    # what a check that would fail compared and where each value came from (auditor.verdicts.basis);
    # read once by the cross-examination (auditor/verdicts/policy.py) and dropped before output
    basis: object | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """Survives re-running the audit on the same document: rule + what it is about."""
        return f"{self.rule}:{self.anchor}"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "key": self.key,
            "rule": self.rule,
            "kind": self.kind,
            "verdict": self.verdict,
            "severity": self.severity,
            "page": self.page,
            "text": self.text,
            "span": list(self.span) if self.span else None,
            "claimed": self.claimed.as_dict() if self.claimed else None,
            "expected": self.expected.as_dict() if self.expected else None,
            "tolerance": self.tolerance,
            "message": self.message,
            "evidence": [e.as_dict() for e in self.evidence],
            "location": self.location.as_dict() if self.location else None,
        }


def assign_ids(results: list[Result]) -> None:
    """Short ids derived from the stable key, so they too survive re-runs."""
    seen: dict[str, int] = {}
    for r in results:
        h = hashlib.sha1(r.key.encode("utf-8")).hexdigest()[:8]
        n = seen.get(h, 0)
        seen[h] = n + 1
        r.id = f"{r.rule}-{h}" + (f"-{n}" if n else "")


def summarize(results: list[Result]) -> dict[str, int]:
    out = {v: 0 for v in VERDICTS}
    for r in results:
        out[r.verdict] += 1
    return out


def dec(value: Decimal) -> str:
    """A Decimal as a plain string (never scientific notation)."""
    s = format(value, "f")
    return s
