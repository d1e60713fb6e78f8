"""Building a claim's result: its rule, severity, the claimed figure and a stable anchor.

Shared by the table alignment (align.py) and the checks of the narrative against its own figures
(stated.py), so both speak in the same voice.
"""

from __future__ import annotations

from decimal import Decimal

from ..results import Figure, Result
from .extract import Claim, claim_anchor

RULES = {"amount": "N101", "change": "N102", "change_pct": "N103", "share": "N104", "completion": "N105",
         "count": "N106"}
DIRECTION = {"increase": "增加", "decrease": "减少", "flat": "持平"}


def claim_result(claim: Claim, verdict: str, message: str, **kw) -> Result:
    severity = {"fail": "error", "warn": "warning", "unverified": "info", "pass": "info"}[verdict]
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
