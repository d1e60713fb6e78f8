"""The right-hand column both the review app and the trainer show: the sentence, the evidence table
and the explanation, each in its own bordered box."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget

from .evidence import EvidenceView
from .sentence import SentenceView


def detail_panes(explanation: Widget) -> ComposeResult:
    """Yield inside a compose(); `explanation` is the widget for the 核对说明 box."""
    with Vertical(id="right"):
        with VerticalScroll(id="sentence-box") as box:
            box.border_title = "原文"
            yield SentenceView(id="sentence")
        yield EvidenceView(id="evidence")
        with VerticalScroll(id="explain-box") as box:
            box.border_title = "核对说明"
            yield explanation
