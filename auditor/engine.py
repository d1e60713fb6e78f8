"""Runs every selected check on a Document and returns its results, ordered as a reviewer reads them."""

from __future__ import annotations

from .checks.disclosure import fold_narrative_only
from .checks.template import fold_blank_template
from .locate import locate
from .model import Document
from .results import Result, assign_ids
from .rules.registry import run_checks
from .settings import Settings


def audit_document(doc: Document, *, select: list[str] | None = None, ignore: list[str] | None = None,
                   settings: Settings | None = None) -> list[Result]:
    """The checks `settings` select, on `doc`. The settings ride on the document (`doc.settings`)
    so every check reads the region, severities and tolerances from its argument; select/ignore,
    when given, replace the settings' selection. No settings: the built-in defaults, no file."""
    settings = settings or Settings()
    if select is not None or ignore is not None:
        settings = settings.with_selection(select, ignore)
    doc.settings = settings
    with settings.applied():
        results = run_checks(doc, list(settings.select) if settings.select else None,
                             list(settings.ignore) if settings.ignore else None)
        results = fold_blank_template(fold_narrative_only(doc, results))
        assign_ids(results)
        locate(doc, results)
    return results
