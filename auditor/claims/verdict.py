"""Building a claim's result: its rule, severity, the claimed figure and a stable anchor.

Shared by the table alignment (align.py, against.py) and the checks of the narrative against its own figures
(stated.py), so both speak in the same voice.
"""

from __future__ import annotations

from decimal import Decimal

from ..results import Figure, Result
from .extract import Claim, claim_anchor

RULES = {"amount": "N101", "change": "N102", "change_pct": "N103", "share": "N104", "completion": "N105",
         "count": "N106"}
SEVERITY = {"fail": "error", "warn": "warning", "unverified": "info", "pass": "info"}
DIRECTION = {"increase": "增加", "decrease": "减少", "flat": "持平"}


def claim_result(claim: Claim, verdict: str, message: str, **kw) -> Result:
    severity = SEVERITY[verdict]
    return Result(
        rule=RULES[claim.kind],
        kind="claim",
        verdict=verdict,
        severity=severity,
        message=message,
        page=claim.sentence.page,
        text=claim.sentence.text,
        span=(claim.start, claim.end),
        claimed=Figure(claim.amount.text if claim.amount else "0", claim.unit),
        anchor=claim_anchor(claim.sentence, claim.start),
        **kw,
    )


def decide(outcome: str, *, strong: bool = True, scope: str | None = None, stand_in: bool = False,
           doubtful: str | None = None) -> tuple[str, str]:
    """The one verdict policy of the narrative checks (DESIGN-NOTES §4): (verdict, message prefix).

    outcome is what the arithmetic says of the figure against its candidate: pass (within the
    printed interval), warn (within one unit of the last digit: rounding) or fail. The facts that
    may lower it: a weak subject (the figure may speak of something else), a candidate taken from
    another scope than the claim names, a stand-in of related meaning (confirm_only), a table whose
    reading is doubtful. None of them ever turns a disagreement into 无法核对: the candidate is
    named, as 存疑. 无法核对 is only for a figure with no candidate at all, decided by the caller.
    """
    if outcome == "pass":
        if scope:
            return "warn", f"只在{scope}口径的数中找到相符的值，叙述所指口径的数未能对上。"
        return "pass", ""
    if doubtful:
        return "warn", f"依据的表格读取存疑（{doubtful}），请人工核对。"
    if scope:
        return "warn", f"叙述所指口径的数未能找到，以{scope}口径的数对照不一致，请核实。"
    if stand_in:
        return "warn", "表格未单列此项，用相近口径的数值对照不一致，请核实。"
    if not strong:
        return "warn", "主语不明确，未能确认这个数字所指的项目。若指"
    return outcome, ""


def compare_figures(claimed: Decimal, ctol: Decimal, expected: Decimal, etol: Decimal, decimals: int) -> str:
    diff = abs(claimed - expected)
    if diff <= ctol + etol:
        return "pass"
    if diff <= Decimal(1).scaleb(-decimals) + etol:
        return "warn"  # one unit of the last printed digit: doubtful, not wrong
    return "fail"


def quoted(label: str) -> str:
    """Quote a name once: “三公”经费 already carries its own quotation marks."""
    return label if label.startswith("“") else f"“{label}”"
