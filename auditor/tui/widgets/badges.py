"""Verdict badges and review marks as Rich Text, so every widget colours a verdict the same way."""

from __future__ import annotations

from rich.text import Text

from ...results import VERDICT_LABELS
from ...review import STATUS_LABELS

VERDICT_STYLES = {
    "fail": "bold white on #b71c1c",
    "warn": "bold black on #f9a825",
    "unverified": "bold white on #546e7a",
    "pass": "bold white on #2e7d32",
}
STATUS_STYLES = {"pending": "dim", "accepted": "bold green", "overridden": "bold magenta"}
STATUS_MARKS = {"pending": "·", "accepted": "✓", "overridden": "改"}


def badge(verdict: str) -> Text:
    label = VERDICT_LABELS[verdict]
    return Text(f" {label} ", style=VERDICT_STYLES[verdict])


def badge_compact(verdict: str) -> Text:
    """The badge without its padding, for the result list where every column counts at 80 columns."""
    return Text(VERDICT_LABELS[verdict], style=VERDICT_STYLES[verdict])


def status_text(status: str, *, short: bool = True) -> Text:
    return Text(STATUS_MARKS[status] if short else STATUS_LABELS[status], style=STATUS_STYLES[status])
