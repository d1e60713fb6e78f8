"""The JSON report: the contract pipelines rely on (schema in auditor/report/schema.json)."""

from __future__ import annotations

from typing import Any

from ..version import __version__
from ..errors import ReadError
from ..model import Document
from ..results import Result, summarize
from ..review import ReviewState, annotate
from ..review import summary as review_summary
from ..tables.reading import reading_of, reading_summary

SCHEMA_VERSION = "1"


def document_entry(
    path: str, doc: Document | None, results: list[Result], error: ReadError | None, review: ReviewState | None = None
) -> dict[str, Any]:
    """review: the document's sidecar when one exists; its decisions are added, nothing else changes."""
    if error is not None:
        return {
            "path": path,
            "status": "error",
            "error": {"code": error.code, "message": error.message},
            "meta": None,
            "tables": [],
            "results": [],
            "summary": summarize([]),
        }
    assert doc is not None
    entry = {
        "path": path,
        "status": "ok",
        "error": None,
        "meta": {
            "organization": doc.meta.organization,
            "year": doc.meta.year,
            "kind": doc.meta.kind,
            "pages": doc.meta.pages,
            "sources": doc.meta.sources,
        },
        "tables": [
            {
                "id": t.id,
                "kind": t.kind,
                "kind_name": t.kind_name,
                "title": t.title,
                "number": t.number,
                "unit": t.unit,
                "pages": t.pages,
                "rows": len(t.rows),
                "columns": [c.key for c in t.columns],
                "reading": reading_of(t).as_dict(),
            }
            for t in doc.tables
        ],
        "reading": reading_summary(doc),
        "results": [r.as_dict() for r in results],
        "summary": summarize(results),
    }
    if review is not None:
        for item, decision in zip(entry["results"], annotate(results, review)):
            item["review"] = decision
        entry["review"] = review_summary(results, review)
    return entry


def report(entries: list[dict[str, Any]]) -> dict[str, Any]:
    total = {"documents": len(entries), "pass": 0, "fail": 0, "warn": 0, "unverified": 0}
    for e in entries:
        for k, v in e["summary"].items():
            total[k] += v
    total["errors"] = sum(1 for e in entries if e["status"] == "error")
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": __version__},
        "documents": entries,
        "summary": total,
    }
