"""What the annotators share (the finding as they write it, which files a location belongs to), in
a module of its own so word.py, excel.py and pdf.py import it without importing the package that
dispatches to them (no import circle)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..results import VERDICT_LABELS

KINDS = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf"}
MARKED = ("fail", "warn")  # written into the file; the 审校结果 sheet also lists 无法核对
AUTHOR = "auditor 审校"


@dataclass
class Finding:
    """One non-passing result as an annotator needs it."""

    rule: str
    verdict: str
    message: str
    text: str
    where: dict[str, Any]  # the result's location (dict form)
    evidence: list[dict[str, Any]]

    @property
    def label(self) -> str:
        return VERDICT_LABELS.get(self.verdict, self.verdict)

    def note(self) -> str:
        """The comment text: rule, verdict, message, then each compared value with its place."""
        lines = [f"[{self.label}] {self.rule} {self.message}"]
        for e in self.evidence:
            loc = (e.get("location") or {}).get("label") or (f"第{e['page']}页" if e.get("page") else "")
            what = "·".join(x for x in (e.get("table"), e.get("row"), e.get("column")) if x)
            formula = (e.get("location") or {}).get("formula")
            lines.append(f"依据：{what} = {e.get('value')}{e.get('unit') or ''}"
                         + (f"（{loc}）" if loc else "") + (f" 公式 {formula}" if formula else ""))
        return "\n".join(lines)


def findings(entry: dict[str, Any], verdicts: tuple[str, ...] = ("fail", "warn", "unverified")) -> list[Finding]:
    out = []
    for r in entry.get("results", []):
        verdict = (r.get("review") or {}).get("effective") or r["verdict"]  # a reviewer's 改判 counts
        if verdict not in verdicts:
            continue
        out.append(Finding(rule=r["rule"], verdict=verdict, message=r["message"], text=r.get("text") or "",
                           where=r.get("location") or {"page": r.get("page")}, evidence=r.get("evidence") or []))
    return out


def belongs(loc: dict[str, Any] | None, path: str, group: list[str]) -> bool:
    """A location names its file only when the disclosure spans several."""
    if not loc:
        return False
    f = loc.get("file")
    return (f == path) if f else len(group) == 1
