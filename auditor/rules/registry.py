"""The registry of checks: each check function declares the rule ids (or a family) it reports.

audit_document runs the registered checks a selection asks for; a check whose rules are all
deselected is not run at all, so `--rules X` costs only the cross-table checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Document
from ..results import Result
from .catalogue import get_rule, selected

Check = Callable[[Document], list[Result]]


@dataclass(frozen=True)
class Registered:
    rules: tuple[str, ...]  # ids ("T101") or a family prefix ("N")
    fn: Check


def _registry() -> list[Registered]:
    from ..checks.arithmetic import check_table
    from ..checks.cross_table import check_cross_tables
    from ..checks.disclosure import check_disclosure
    from ..checks.identities import check_document_identities
    from ..checks.requirements import check_requirements
    from ..claims.align import check_claims
    from ..checks.proofread import REGISTERED as proofread

    return [
        Registered(("N",), lambda doc: check_claims(doc)[0]),
        Registered(("T",), lambda doc: [r for t in doc.tables for r in check_table(t)]),
        Registered(("T105",), check_document_identities),
        Registered(("X",), check_cross_tables),
        Registered(("D",), check_disclosure),
        Registered(("R",), check_requirements),
        *(Registered(rules, fn) for rules, fn in proofread),
    ]


def _wanted(reg: Registered, select: list[str] | None, ignore: list[str] | None) -> bool:
    if not select:
        return True
    for rid in reg.rules:
        for p in select:
            p = p.strip().upper()
            if rid.startswith(p[:1]) and (len(rid) == 1 or selected(rid, [p], None)):
                return True
    return False


def run_checks(doc: Document, select: list[str] | None = None, ignore: list[str] | None = None) -> list[Result]:
    from ..checks.doubt import apply_reading
    from ..verdicts.policy import cross_examine

    settings = doc.settings  # settings.Settings, put there by engine.audit_document
    raw: list[Result] = []
    tables_checked = False
    for reg in _registry():
        if not _wanted(reg, select, ignore):
            continue
        tables_checked |= reg.rules == ("T",)
        raw.extend(reg.fn(doc))
    results: list[Result] = []
    # a misread table fails nothing; a fail another reading explains is 存疑 (verdicts/policy.py)
    for r in cross_examine(doc, apply_reading(doc, raw, tables_checked=tables_checked)):
        if not selected(r.rule, select, ignore) and not _reading_kept(r, select, ignore):
            continue
        rule = get_rule(r.rule)
        if rule is not None and r.verdict == "fail":
            r.severity = rule.severity  # the catalogue, not the code, says how grave a fail is
            own = settings.rules.get(r.rule) if settings is not None else None
            if own is not None and own.severity:
                r.severity = own.severity  # the bureau's severity (audit.toml), from the audit's settings
        if settings is not None:
            settings.widen(r)  # a bureau's configured tolerance (audit.toml), if it set one for this rule
        results.append(r)
    return results


def _reading_kept(r: Result, select: list[str] | None, ignore: list[str] | None) -> bool:
    """A doubtful table's T100 stands in for the T101–T105 results it replaced: selecting any of
    those shows it, unless T100 itself is ignored."""
    from ..checks.doubt import RELATIONS

    return (r.rule == "T100" and r.verdict == "warn" and r.severity == "warning"
            and selected("T100", None, ignore)
            and any(selected(rid, select, ignore) for rid in RELATIONS))
