"""Runs every check on a Document and returns its results, ordered as a reviewer reads them."""

from __future__ import annotations

from .checks.arithmetic import check_table
from .claims.align import check_claims
from .model import Document
from .results import Result, assign_ids


def audit_document(doc: Document, *, select: list[str] | None = None, ignore: list[str] | None = None) -> list[Result]:
    results, _ = check_claims(doc)
    for table in doc.tables:
        results.extend(check_table(table))
    results = [r for r in results if _selected(r.rule, select, ignore)]
    assign_ids(results)
    return results


def _selected(rule: str, select: list[str] | None, ignore: list[str] | None) -> bool:
    def hit(patterns: list[str]) -> bool:
        for p in patterns:
            p = p.strip().upper().rstrip("X")
            if p and rule.upper().startswith(p):
                return True
        return False

    if select and not hit(select):
        return False
    if ignore and hit(ignore):
        return False
    return True
