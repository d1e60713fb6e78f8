"""Is the file given as last year's disclosure really last year's disclosure of this body?

The 上年 checks compare this year's narrative with last year's figures. Another body's disclosure,
or one of a later year, would turn every such comparison into a false 不通过, so the two must be
the same organisation and the same kind (部门/单位, 预算/决算), the second of the year before.
"""

from __future__ import annotations

from pathlib import Path

from .model import Document
from .pairing import identity_of_name, same_org


class PreviousMismatch(Exception):
    """The previous-year file is not this body's disclosure of the year before (a usage error)."""


def _orgs(doc: Document) -> tuple[str, ...]:
    names = [doc.meta.organization] if doc.meta.organization else []
    for src in doc.meta.sources or [doc.path]:
        names += identity_of_name(Path(src).stem)
    return tuple(dict.fromkeys(n for n in names if n))


def _level(kind: str | None) -> str | None:
    return kind[:2] if kind and kind[:2] in ("部门", "单位") else None


def problem(doc: Document, prev: Document) -> str | None:
    """What makes `prev` unfit as `doc`'s previous year, in one Chinese line naming every reason
    (a file of another body and another year is refused for both); None when it fits."""
    this, last = doc.meta, prev.meta
    reasons = []
    if this.year is not None and last.year is not None and last.year != this.year - 1:
        reasons.append(f"上年文件是{last.year}年的，本文件是{this.year}年的，应为{this.year - 1}年")
    if this.stage != last.stage or (_level(this.kind) and _level(last.kind) and _level(this.kind) != _level(last.kind)):
        reasons.append(f"上年文件是{last.kind or last.stage}，本文件是{this.kind or this.stage}，应为同类文件")
    if same_org(_orgs(doc), _orgs(prev)) is False:
        a = this.organization or Path(doc.path).name
        b = last.organization or Path(prev.path).name
        reasons.append(f"上年文件属于“{b}”，本文件属于“{a}”，应为同一单位")
    return "；".join(reasons) or None
