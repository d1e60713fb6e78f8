"""Baselines: report only what is new since findings a pipeline already accepted.

`--baseline OLD.json` is an earlier report (JSON, or JSONL from a batch) or a reviewer's sidecar
(`FILE.review.json`). Findings are matched by their stable key (rule + what the finding is about,
Result.key) and verdict, so an edit elsewhere in the document, which shifts pages and offsets,
does not turn old findings into new ones; a finding whose verdict changed is new.

The reviewer's decisions count too: a finding overridden to 通过 is dismissed, and one accepted as
存疑 or 无法核对 is known. A finding the reviewer confirmed as 不通过 stays an active finding: it is
kept in the report and counts for the exit code, old or not.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PatternError, read_user_file
from .results import VERDICTS

FINDINGS = ("fail", "warn", "unverified")


class BaselineError(PatternError):
    """An unreadable baseline file: one line, exit 2, like any other broken input to the command."""


@dataclass
class Baseline:
    source: str
    documents: dict[str, Counter] = field(default_factory=dict)  # path -> Counter of (key, verdict)
    dismissed: dict[str, set[str]] = field(default_factory=dict)  # sidecar: document name -> keys

    def same_document(self, path: str) -> bool:
        """Whether the baseline holds a report of this very file (same path or file name), rather
        than being taken as the only report it holds."""
        name = Path(path.split(" + ")[0]).name
        return path in self.documents or path in self.dismissed or any(
            Path(k.split(" + ")[0]).name == name for k in [*self.documents, *self.dismissed])

    def others(self) -> list[str]:
        """The file names the baseline reports on, for a warning that it is another document's."""
        return list(dict.fromkeys(Path(k.split(" + ")[0]).name for k in [*self.documents, *self.dismissed] if k))

    def known(self, path: str) -> Counter:
        """The old findings of the document at `path`: same path, else same file name, else the only one."""
        if path in self.documents:
            return self.documents[path]
        by_name = [v for k, v in self.documents.items() if Path(k.split(" + ")[0]).name == Path(path.split(" + ")[0]).name]
        if len(by_name) == 1:
            return by_name[0]
        if len(self.documents) == 1:
            return next(iter(self.documents.values()))
        return Counter()


def load(path: str | Path) -> Baseline:
    """Read an old report (JSON or JSONL) or a review sidecar."""
    path = Path(path)
    text = read_user_file(path, "基线文件", BaselineError)
    try:
        data: Any = json.loads(text)
        docs = data.get("documents") if isinstance(data, dict) else None
        if isinstance(data, dict) and "results" in data:  # one line of a batch's JSONL
            docs = [data]
    except json.JSONDecodeError:
        try:  # a batch's JSONL: one document per line
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
            data = None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}:{exc.lineno}: 不是 JSON 报告：{exc.msg}") from None
    out = Baseline(source=str(path))
    if isinstance(data, dict) and data.get("format") == "auditor-review":
        decisions = data.get("decisions")
        if not isinstance(decisions, dict):
            raise BaselineError(f"{path}: 审核文件缺少 decisions")
        out.documents[str(data.get("document", ""))] = Counter(
            (k.split("#")[0], d.get("original")) for k, d in decisions.items()
            if isinstance(d, dict) and d.get("accepted") and not d.get("verdict") and d.get("original") in FINDINGS)
        out.dismissed[str(data.get("document", ""))] = {k for k, d in decisions.items()
                                                        if isinstance(d, dict) and d.get("verdict") == "pass"}
        return out
    if not isinstance(docs, list) or not all(isinstance(d, dict) and "results" in d for d in docs):
        raise BaselineError(f"{path}: 不是 audit 的 JSON 报告（缺少 documents/results）")
    for d in docs:
        out.documents[str(d.get("path", ""))] = Counter(
            (r.get("key"), r.get("verdict")) for r in d["results"] if r.get("verdict") in FINDINGS)
    return out


def apply(entry: dict, baseline: Baseline | None) -> dict:
    """The report entry with old and dismissed findings left out (a new dict; passes are kept)."""
    if baseline is None or entry.get("status") != "ok":
        return entry
    known = Counter(baseline.known(entry["path"]))
    dismissed_keys = next((v for k, v in baseline.dismissed.items()
                           if Path(k).name == Path(entry["path"].split(" + ")[0]).name), set())
    kept: list[dict] = []
    counts = {"known": 0, "dismissed": 0, "confirmed": 0}
    seen: Counter = Counter()
    for r in entry["results"]:
        seen[r["key"]] += 1
        review_key = r["key"] if seen[r["key"]] == 1 else f"{r['key']}#{seen[r['key']]}"  # as review.review_keys
        review = r.get("review") or {}
        effective = review.get("effective", r["verdict"])
        confirmed = effective == "fail" and review.get("status") in ("accepted", "overridden")
        mark = (r["key"], r["verdict"])
        if confirmed:
            counts["confirmed"] += 1
            known[mark] -= 1 if known[mark] > 0 else 0
            kept.append(r)
        elif r["verdict"] in FINDINGS and (effective == "pass" or review_key in dismissed_keys):
            counts["dismissed"] += 1
        elif r["verdict"] in FINDINGS and (known[mark] > 0 or review.get("status") == "accepted"):
            known[mark] -= 1
            counts["known"] += 1
        else:
            kept.append(r)
    out = dict(entry)
    out["results"] = kept
    out["summary"] = {v: sum(1 for r in kept if r["verdict"] == v) for v in VERDICTS}
    out["baseline"] = {"source": baseline.source, **counts}
    if not baseline.same_document(entry["path"]) and not counts["known"] and not counts["dismissed"]:
        out["baseline"]["other"] = baseline.others()  # another document's report: nothing matched
    return out


def warnings(source: str, entries: list[dict]) -> list[str]:
    """One line per document the baseline does not speak of: a baseline of another document leaves
    nothing out, which must not pass silently as "no old findings"."""
    out = []
    for e in entries:
        other = (e.get("baseline") or {}).get("other")
        if other is not None:
            names = "、".join(other[:3]) if other else "其他文件"
            out.append(f"警告：基线 {source} 是 {names} 的报告，不是 {Path(e['path'].split(' + ')[0]).name} 的，"
                       "没有略去任何结果（请确认基线文件是否选对）")
    return out
