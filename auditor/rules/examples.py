"""Runs a rule on its own examples: the tests do it for every rule, `audit explain` shows the outcome.

An example is a small disclosure in the text format; table cells are separated by " | " so the
YAML stays readable (tabs are invisible in a review).
"""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..results import Result
from .catalogue import Example, Rule


def example_text(example: Example, *, previous: bool = False) -> str:
    lines = []
    # split on newlines only: a form feed in an example is a page break, not a line break
    for line in (example.previous if previous else example.document).split("\n"):
        if " | " in line or line.strip().startswith("|") or line.strip().endswith("|"):
            cells = [c.strip() for c in line.split("|")]  # a leading "|" is an empty first cell
            lines.append("\t".join(cells))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def example_document(rule: Rule, example: Example) -> Document:
    from ..ingest import load_string

    doc = load_string(example_text(example), name=f"<{rule.id} 示例>")
    if example.previous:
        doc.previous = load_string(example_text(example, previous=True), name=f"<{rule.id} 示例·上年>")
    return doc


def run_example(rule: Rule, example: Example, settings: Any = None) -> list[Result]:
    """The results of this rule alone on the example, under `settings` (a settings.Settings; none:
    the defaults)."""
    from ..engine import audit_document

    doc = example_document(rule, example)
    return [r for r in audit_document(doc, select=[rule.id], settings=settings) if r.rule == rule.id]


def outcome(rule: Rule, example: Example, failing: bool) -> tuple[bool, str]:
    """(as intended?, why not): a passing example gives a pass and no fail or warn; a failing one
    gives the expected verdict (and message phrase, when the example names one)."""
    results = run_example(rule, example)
    if not results:
        return False, "规则在示例上没有给出任何结果"
    bad = [r for r in results if r.verdict in ("fail", "warn")]
    if not failing:
        if bad:
            return False, f"通过示例得到“{bad[0].verdict}”：{bad[0].message}"
        if not any(r.verdict == "pass" for r in results):
            return False, f"通过示例没有得到“通过”：{results[0].verdict} {results[0].message}"
        return True, ""
    hits = [r for r in results if r.verdict == example.expect]
    if not hits:
        return False, f"不通过示例未得到“{example.expect}”：{results[0].verdict} {results[0].message}"
    if example.message and not any(example.message in r.message for r in hits):
        return False, f"消息中没有“{example.message}”：{hits[0].message}"
    return True, ""
