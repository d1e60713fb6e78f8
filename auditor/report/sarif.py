"""SARIF 2.1.0 for code-scanning dashboards: the rule catalogue as tool.driver.rules, one result per
fail, warn and unverified verdict, located by file, page and (for text input) character span.

Passing checks are left out: SARIF consumers show every result as an alert. JUnit output lists them.
A reviewer's decisions (FILE.review.json) travel with each result as properties; a finding the
reviewer dismissed (overridden to 通过) is suppressed (kind "external", the comment as
justification). A confirmed 不通过 is never suppressed: it is the reviewer saying "this is an error",
and hiding it would let it through the pipeline that gates publication.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote
from typing import Any

from ..version import __version__
from ..results import VERDICT_LABELS
from ..rules.catalogue import catalogue

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_KIND = {"fail": "fail", "warn": "review", "unverified": "open"}


def _rules() -> list[dict[str, Any]]:
    out = []
    for r in catalogue().values():
        out.append({
            "id": r.id,
            "name": r.title,
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": r.checks},
            "help": {"text": f"{r.checks}\n\n为什么重要：{r.why}" + (f"\n\n依据：{r.basis}" if r.basis else "")},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"family": r.family, "familyName": r.family_name},
        })
    return out


def _uri(path: str) -> str:
    p = Path(path)
    return quote(p.as_posix()) if not p.is_absolute() else p.as_uri()


def _location(doc_path: str, r: dict[str, Any]) -> dict[str, Any]:
    """The file, and where in it as properties: a PDF has pages, not lines, and a span is an
    offset into the narrative as read (not into the file), so neither can be a SARIF region."""
    where: dict[str, Any] = {}
    place = r.get("location") or {}
    if place.get("page"):  # a disclosure over several files: the page within the file named
        where["page"] = place["page"]
    elif r.get("page"):
        where["page"] = r["page"]
    if place.get("printed_page"):  # the number printed on the page, which a reviewer looks up
        where["printedPage"] = place["printed_page"]
    for key in ("sheet", "cell", "paragraph", "formula"):
        if place.get(key) is not None:
            where[key] = place[key]
    if r.get("span"):
        where["narrativeSpan"] = r["span"]
    if r.get("text"):
        where["snippet"] = r["text"][:500]
    uri = _uri(place.get("file") or doc_path.split(" + ")[0])
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
    if place.get("line"):
        loc["physicalLocation"]["region"] = {"startLine": place["line"]}
    if where:
        loc["physicalLocation"]["properties"] = where
    if place.get("label"):
        loc["message"] = {"text": place["label"]}
    elif r.get("page"):
        loc["message"] = {"text": f"第{r['page']}页"}
    return loc


def _review(res: dict[str, Any], d: dict[str, Any]) -> None:
    """The reviewer's decision on one result: always a property, a suppression when dismissed."""
    res["properties"]["review"] = {k: d.get(k) for k in ("status", "verdict", "effective", "comment", "updated")}
    if d.get("status") == "overridden" and d.get("verdict") == "pass":
        res["suppressions"] = [{
            "kind": "external",
            "status": "accepted",
            "justification": d.get("comment") or "审核人改判为通过",
        }]


def to_sarif(report: dict[str, Any]) -> dict[str, Any]:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for d in report["documents"]:
        if d["status"] == "error":
            notifications.append({
                "level": "error",
                "message": {"text": d["error"]["message"]},
                "descriptor": {"id": d["error"]["code"]},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d["path"].split(" + ")[0])}}}],
            })
            continue
        for r in d["results"]:
            decision = r.get("review") or None
            if r["verdict"] == "pass" and not (decision and decision.get("effective", "pass") != "pass"):
                continue
            res = {
                "ruleId": r["rule"],
                "kind": _KIND[r["verdict"]],
                # SARIF 2.1.0 §3.27.9: a result whose kind is not "fail" has level "none"
                "level": _LEVEL.get(r["severity"], "note") if r["verdict"] == "fail" else "none",
                "message": {"text": f"[{VERDICT_LABELS[r['verdict']]}] {r['message']}"},
                "locations": [_location(d["path"], r)],
                "partialFingerprints": {"auditorKey/v1": r["key"]},
                "properties": {
                    "verdict": r["verdict"],
                    "claimed": r.get("claimed"),
                    "expected": r.get("expected"),
                    "tolerance": r.get("tolerance"),
                    "evidence": r.get("evidence", []),
                },
            }
            if r["rule"] in index:
                res["ruleIndex"] = index[r["rule"]]
            if decision:
                _review(res, decision)
            results.append(res)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "auditor", "version": __version__, "rules": rules}},
        "results": results,
            }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    else:
        run["invocations"] = [{"executionSuccessful": True}]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
