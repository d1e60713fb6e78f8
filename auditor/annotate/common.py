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
            line = evidence_line(e)
            if line:
                lines.append(line)
        return "\n".join(lines)

    @property
    def placed(self) -> bool:
        """Whether the finding names a place in a file (a sentence, cell, paragraph or page);
        a document-level finding (D101 no tables read, D104 a section missing) names none."""
        return any(_names_a_place(loc) for loc in [self.where] + [e.get("location") for e in self.evidence])


def _names_a_place(loc: dict[str, Any] | None) -> bool:
    return bool(loc) and any(loc.get(k) for k in ("file", "page", "sheet", "cell", "paragraph", "line"))


def evidence_line(e: dict[str, Any]) -> str:
    """"依据：表·行·列 = 值单位（位置）": the value and its unit only when there is a value (a
    check that names a whole table, as R101 does, has none: "= 元" said nothing)."""
    loc = (e.get("location") or {}).get("label") or (f"第{e['page']}页" if e.get("page") else "")
    what = "·".join(str(x) for x in (e.get("table"), e.get("row"), e.get("column")) if x)
    value = e.get("value")
    value = "" if value is None else str(value).strip()
    formula = (e.get("location") or {}).get("formula")
    if not (what or value or loc):
        return ""
    shown = what + (f" = {value}{e.get('unit') or ''}" if value else "")
    return f"依据：{shown}" + (f"（{loc}）" if loc else "") + (f" 公式 {formula}" if formula else "")


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
