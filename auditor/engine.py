"""Runs every selected check on a Document and returns its results, ordered as a reviewer reads them."""

from __future__ import annotations

from .checks.disclosure import fold_narrative_only
from .checks.template import fold_blank_template
from .locate import locate
from .model import Document
from .results import Result, assign_ids
from .rules.registry import run_checks


def audit_document(doc: Document, *, select: list[str] | None = None, ignore: list[str] | None = None) -> list[Result]:
    results = fold_blank_template(fold_narrative_only(doc, run_checks(doc, select, ignore)))
    assign_ids(results)
    locate(doc, results)
    return results
