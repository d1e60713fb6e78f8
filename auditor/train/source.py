"""The shipped samples an exercise starts from, their baseline audit, and offsets back into the text.

Exercises are edits of the text form of a sample, so every exercise is a complete text document
that `audit` reads like any other. The baseline (the unmodified sample's fails and warnings) is what
"nothing new besides the introduced error" is measured against: the seed already has real findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..engine import audit_document
from ..ingest import load_string
from ..model import Document
from ..patterns import shipped, cached
from ..results import Result

SAMPLES_DIR = shipped("samples")
# Single-file samples in the seed's text form (the 2018 pair is one disclosure in two files: left out).
SAMPLE_NAMES = ("seed.txt", "hexi_budget_2025.txt", "jiangnan_final_2024.txt")
BAD = ("fail", "warn")


def audit_text(text: str, name: str) -> tuple[Document, list[Result]]:
    doc = load_string(text, name=name)
    return doc, audit_document(doc)


def bad_keys(results: list[Result]) -> Counter[str]:
    """Fails and warnings by Result.key (a multiset: two claims may share a key)."""
    return Counter(r.key for r in results if r.verdict in BAD)


@dataclass
class Baseline:
    name: str
    text: str
    doc: Document
    results: list[Result]
    bad: Counter[str] = field(default_factory=Counter)
    _para_src: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.bad = bad_keys(self.results)
        self._para_src = paragraph_offsets(self.doc, self.text)
        self.lines = self.text.splitlines(keepends=True)
        self.line_starts = [0]
        for ln in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(ln))

    def src_offset(self, doc_offset: int) -> int | None:
        """Where a Document.text offset sits in the sample's text (narrative only)."""
        for p, start in zip(self.doc.paragraphs, self._para_src):
            if p.start <= doc_offset <= p.end and start >= 0:
                return start + doc_offset - p.start
        return None

    def line_span(self, lineno: int) -> tuple[int, int]:
        """(start, end) of 1-based line `lineno`, without its line break."""
        start = self.line_starts[lineno - 1]
        line = self.lines[lineno - 1]
        return start, start + len(line.rstrip("\r\n"))


def paragraph_offsets(doc: Document, text: str) -> list[int]:
    """Source offset of each paragraph's first character (-1 when not found).

    The text reader makes one paragraph per non-blank narrative line, stripped; walking the lines in
    order finds each one without being fooled by a repeated sentence elsewhere.
    """
    out: list[int] = []
    pos = 0
    for p in doc.paragraphs:
        k = text.find(p.text, pos)
        while k >= 0:
            line_start = text.rfind("\n", 0, k) + 1
            line_end = text.find("\n", k)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if line.strip() == p.text:
                break
            k = text.find(p.text, k + 1)
        out.append(k)
        if k >= 0:
            pos = k + len(p.text)
    return out


@cached
def baseline(name: str) -> Baseline:
    text = (SAMPLES_DIR / name).read_text(encoding="utf-8")
    doc, results = audit_text(text, name)
    return Baseline(name=name, text=text, doc=doc, results=results)
