"""Reviewer decisions kept in a sidecar file next to the document (`FILE.review.json`).

Headless on purpose: `audit FILE --json` and `audit export` read decisions without importing
Textual. Every change is written at once, atomically (a temporary file in the same folder, then
os.replace), so a crash or a closed terminal loses at most the keystroke being typed.

Decisions are keyed by `review_keys()`: Result.key (rule + anchor, stable across re-runs on the
same document), with an occurrence suffix when two results share a key. A decision whose key no
longer appears after a re-run is kept in the file (never dropped silently) and reported as orphaned.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from .atomic import write_json
from .errors import cause
from .results import VERDICTS, Result

SIDECAR_SUFFIX = ".review.json"
FORMAT = "auditor-review"
FORMAT_VERSION = 1

STATUSES = ("pending", "accepted", "overridden")
STATUS_LABELS = {"pending": "未审", "accepted": "已确认", "overridden": "已改判"}


class SidecarError(Exception):
    """The sidecar exists but cannot be read as a review file (it is left untouched)."""


def sidecar_path(document: str | os.PathLike[str]) -> Path:
    """`seed.txt` → `seed.txt.review.json`, in the same folder as the document."""
    p = Path(document)
    return p.with_name(p.name + SIDECAR_SUFFIX)


def review_keys(results: Iterable[Result]) -> list[str]:
    """One key per result, in order. Repeated keys get `#2`, `#3`… so each result has its own decision."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for r in results:
        n = seen.get(r.key, 0) + 1
        seen[r.key] = n
        out.append(r.key if n == 1 else f"{r.key}#{n}")
    return out


@dataclass
class Decision:
    """What the reviewer said about one result. status is derived: an override wins over an accept."""

    verdict: str | None = None  # the reviewer's verdict when it differs from the audit's
    accepted: bool = False
    comment: str = ""
    original: str | None = None  # the audit's verdict when the decision was taken (to spot changes)
    rule: str = ""
    updated: str = ""

    @property
    def status(self) -> str:
        if self.verdict is not None:
            return "overridden"
        if self.accepted:
            return "accepted"
        return "pending"

    @property
    def empty(self) -> bool:
        return self.verdict is None and not self.accepted and not self.comment

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "verdict": self.verdict,
            "accepted": self.accepted,
            "comment": self.comment,
            "original": self.original,
            "rule": self.rule,
            "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Decision":
        verdict = d.get("verdict")
        if verdict is not None and verdict not in VERDICTS:
            raise SidecarError(f"未知结论：{verdict}")
        return cls(
            verdict=verdict,
            accepted=bool(d.get("accepted", False)),
            comment=str(d.get("comment") or ""),
            original=d.get("original"),
            rule=str(d.get("rule") or ""),
            updated=str(d.get("updated") or ""),
        )


@dataclass
class ReviewState:
    """All decisions for one document, and the file they live in."""

    path: Path
    document: str
    decisions: dict[str, Decision] = field(default_factory=dict)

    # ---- reading -------------------------------------------------------------------------
    @classmethod
    def open(cls, document: str | os.PathLike[str]) -> "ReviewState":
        """The sidecar of `document`, or an empty state (nothing is written until a change)."""
        path = sidecar_path(document)
        state = cls(path=path, document=Path(document).name)
        if path.exists():
            state.decisions = _read(path)
        return state

    def get(self, key: str) -> Decision | None:
        return self.decisions.get(key)

    def status(self, key: str) -> str:
        d = self.decisions.get(key)
        return d.status if d else "pending"

    def effective(self, key: str, verdict: str) -> str:
        """The verdict that counts after review: the reviewer's override, else the audit's."""
        d = self.decisions.get(key)
        return d.verdict if d and d.verdict else verdict

    def orphans(self, keys: Iterable[str]) -> list[str]:
        """Decisions whose result no longer appears (the document or the rules changed)."""
        live = set(keys)
        return sorted(k for k in self.decisions if k not in live)

    # ---- changing (each change is saved before returning) --------------------------------
    def accept(self, key: str, result: Result) -> Decision:
        """Toggle: accepting an accepted result takes the acceptance back."""
        d = self._touch(key, result)
        d.accepted = not d.accepted
        return self._commit(key, d)

    def override(self, key: str, result: Result, verdict: str | None) -> Decision:
        """verdict None (or the audit's own verdict) withdraws the override."""
        if verdict is not None and verdict not in VERDICTS:
            raise ValueError(verdict)
        d = self._touch(key, result)
        d.verdict = None if verdict == result.verdict else verdict
        return self._commit(key, d)

    def comment(self, key: str, result: Result, text: str) -> Decision:
        d = self._touch(key, result)
        d.comment = text.strip()
        return self._commit(key, d)

    def _touch(self, key: str, result: Result) -> Decision:
        old = self.decisions.get(key)
        d = replace(old) if old else Decision()  # a copy: memory changes only once the file is written
        d.original = result.verdict
        d.rule = result.rule
        d.updated = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return d

    def _commit(self, key: str, d: Decision) -> Decision:
        before = dict(self.decisions)
        if d.empty:
            self.decisions.pop(key, None)
        else:
            self.decisions[key] = d
        try:
            self.save()
        except BaseException:
            self.decisions = before  # what is in memory stays what is on disk
            raise
        return d

    def save(self) -> None:
        """Write the whole file atomically: readers see the old file or the new one, never half."""
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "document": self.document,
            "decisions": {k: self.decisions[k].as_dict() for k in sorted(self.decisions)},
        }
        write_json(self.path, data)


def _read(path: Path) -> dict[str, Decision]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SidecarError(f"无法读取审核文件 {path.name}：{cause(exc)}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("decisions"), dict):
        raise SidecarError(f"{path.name} 不是审核文件")
    return {str(k): Decision.from_dict(v) for k, v in data["decisions"].items() if isinstance(v, dict)}


def load_existing(document: str | os.PathLike[str]) -> ReviewState | None:
    """The sidecar if there is one; None otherwise (so reports say "no review" rather than "all pending")."""
    if not sidecar_path(document).exists():
        return None
    return ReviewState.open(document)


def annotate(results: list[Result], state: ReviewState | None) -> list[dict[str, Any] | None]:
    """Per result, the decision as it goes into reports (None when the reviewer has not touched it)."""
    if state is None:
        return [None] * len(results)
    out: list[dict[str, Any] | None] = []
    for key, r in zip(review_keys(results), results):
        d = state.get(key)
        if d is None:
            out.append(None)
            continue
        entry = d.as_dict()
        entry["key"] = key
        entry["effective"] = d.verdict or r.verdict
        entry["stale"] = d.original is not None and d.original != r.verdict
        out.append(entry)
    return out


def summary(results: list[Result], state: ReviewState | None) -> dict[str, Any] | None:
    """Document-level review counts for reports; None when there is no sidecar."""
    if state is None:
        return None
    keys = review_keys(results)
    counts = {s: 0 for s in STATUSES}
    comments = 0
    for k in keys:
        counts[state.status(k)] += 1
        d = state.get(k)
        comments += bool(d and d.comment)
    return {"sidecar": state.path.name, **counts, "comments": comments, "orphans": state.orphans(keys)}
