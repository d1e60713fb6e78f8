"""The Python API: `from auditor import audit`.

    from auditor import audit

    report = audit("说明.pdf")                                   # or a folder, or a list of files
    pair = audit(["说明.pdf", "报表.pdf"], together=True, config="audit.toml")
    for doc in report.documents:
        for r in doc.findings:                                   # results.Result: verdict, evidence …
            print(r.rule, r.verdict, r.message, [e.page for e in r.evidence])
    report.to_json()                                             # byte for byte `audit … --json`

The command line is a thin layer over this module: both build the report from the same entries and
write it with the same function, so `to_json()` equals the CLI's output. Nothing here imports Textual.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Iterator, Sequence, Union

from . import config as _config
from .baseline import Baseline
from .baseline import apply as apply_baseline
from .baseline import load as load_baseline
from .location import Location
from .model import Meta
from .results import Evidence, Figure, Result

if TYPE_CHECKING:  # pragma: no cover
    from .settings import Settings

PathLike = Union[str, "os.PathLike[str]"]
ConfigArg = Union[None, bool, PathLike, _config.Config]


def report_json(report: dict[str, Any]) -> str:
    """The JSON report as the CLI writes it (the schema in auditor/report/schema.json)."""
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def _known(cls, data: dict) -> dict:
    """Only the fields the dataclass has: a newer report may carry more."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _evidence_from_dict(e: dict[str, Any]) -> Evidence:
    kw = _known(Evidence, e)
    kw["location"] = Location.from_dict(kw.get("location"))
    return Evidence(**kw)


def result_from_dict(d: dict[str, Any]) -> Result:
    """A report's result back as a Result (its as_dict() gives the same mapping, without review)."""
    return Result(
        rule=d["rule"], kind=d["kind"], verdict=d["verdict"], severity=d["severity"], message=d["message"],
        page=d.get("page"), text=d.get("text", ""), span=tuple(d["span"]) if d.get("span") else None,
        claimed=Figure(**_known(Figure, d["claimed"])) if d.get("claimed") else None,
        expected=Figure(**_known(Figure, d["expected"])) if d.get("expected") else None,
        tolerance=d.get("tolerance"), evidence=[_evidence_from_dict(e) for e in d.get("evidence", [])],
        location=Location.from_dict(d.get("location")),
        anchor=d.get("key", "").split(":", 1)[1] if ":" in d.get("key", "") else "", id=d.get("id", ""),
    )


@dataclass(frozen=True)
class DocumentReport:
    """One disclosure (one file, or the files read together) as audited."""

    path: str
    status: str  # "ok" or "error"
    error: dict | None  # {"code", "message"} when the document could not be read
    meta: Meta | None
    results: list[Result]
    reviews: list[dict | None]  # the reviewer's decision per result (all None without a sidecar)
    summary: dict[str, int]
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_entry(cls, entry: dict[str, Any]) -> "DocumentReport":
        return cls(
            path=entry["path"], status=entry["status"], error=entry.get("error"),
            meta=Meta(**_known(Meta, entry["meta"])) if entry.get("meta") else None,
            results=[result_from_dict(r) for r in entry["results"]],
            reviews=[r.get("review") for r in entry["results"]],
            summary=dict(entry["summary"]), raw=entry,
        )

    @property
    def findings(self) -> list[Result]:
        """Results that are not 通过."""
        return [r for r in self.results if r.verdict != "pass"]

    def to_dict(self) -> dict[str, Any]:
        return self.raw

    def to_json(self) -> str:
        return report_json(self.raw)


@dataclass(frozen=True)
class Report:
    documents: list[DocumentReport]
    summary: dict[str, int]
    raw: dict[str, Any] = field(repr=False, compare=False)
    fail_on: str = "fail"  # the settings' threshold when the report was made

    @classmethod
    def from_entries(cls, entries: list[dict[str, Any]], fail_on: str | None = None) -> "Report":
        from .report.json_report import report

        raw = report(entries)
        return cls(documents=[DocumentReport.from_entry(e) for e in entries], summary=dict(raw["summary"]), raw=raw,
                   fail_on=fail_on or "fail")

    def to_dict(self) -> dict[str, Any]:
        return self.raw

    def to_json(self) -> str:
        """Byte for byte what `audit … --json` prints for the same inputs and settings."""
        return report_json(self.raw)

    def exit_code(self, fail_on: str | None = None) -> int:
        """The CLI's exit status: 3 a document could not be read, 1 findings reach fail_on, else 0.
        fail_on defaults to the config's when the report was made, else "fail"."""
        from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE

        if self.summary.get("errors"):
            return EXIT_UNREADABLE
        return EXIT_FINDINGS if _config.gates(self.raw, fail_on or self.fail_on) else EXIT_OK


def groups_of(files: list[str], together: bool) -> list[list[str]]:
    return [files] if together else [[f] for f in files]


def iter_entries(groups: list[list[str]], *, select: list[str] | None = None, ignore: list[str] | None = None,
                 jobs: int | None = None, timeout: float | None = None, progress: bool = False,
                 previous: list[str] | None = None, baseline: Baseline | None = None, force: bool = False,
                 previous_each: list[list[str] | None] | None = None,
                 settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """Report entries in input order, as each is done, with a baseline's old findings left out.
    force and previous_each: as batch.run (last year's disclosure checked or paired per group).
    settings: the call's settings, passed down whole to every document's audit."""
    from .batch import run

    for entry in run(groups, select=select, ignore=ignore, jobs=jobs, timeout=timeout, progress=progress,
                     previous=previous, force=force, previous_each=previous_each, settings=settings):
        yield apply_baseline(entry, baseline)


def resolve_config(cfg: ConfigArg) -> _config.Config:
    """The bureau's file for one call: None finds audit.toml/pyproject.toml from the current folder
    as the CLI does, False uses none, a path reads that file, a Config is used as it is. A file's
    region and rule ids are checked against the patterns it layers (config.check)."""
    if isinstance(cfg, _config.Config):
        return cfg
    if cfg is False:
        return _config.Config()
    chosen = _config.resolve() if cfg is None or cfg is True else _config.resolve(cfg)
    if chosen.path is not None:
        _config.check(chosen)
    return chosen


def audit(files: PathLike | Sequence[PathLike], *, together: bool = False, config: ConfigArg = None,
          select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
          previous: PathLike | Sequence[PathLike] | None = None, baseline: PathLike | Baseline | None = None,
          force: bool = False, jobs: int = 1, timeout: float | None = None, reader: str | None = None) -> Report:
    """Audit files (or folders of them) and return the report.

    together: the files are parts of one disclosure. select/ignore: rule ids or families ("T",
    "X101", "D1xx"), as --rules/--ignore; they replace the config's. previous: last year's
    disclosure (previous.PreviousMismatch when it is not this body's year before, unless force).
    baseline: an earlier report or a review sidecar (only new findings are kept).
    jobs: worker processes (1 audits in this process). reader: "pdfium" (the default, about three
    times faster) or "pdfplumber" (the reference; bench/readers.md lists where they read differently). A document that cannot be read is in the
    report with status "error"; a broken config or pattern file raises auditor.errors.PatternError,
    a rule pattern that selects no rule ValueError.
    """
    from .batch import expand

    names = [os.fspath(files)] if isinstance(files, (str, os.PathLike)) else [os.fspath(f) for f in files]
    prev = None if previous is None else (
        [os.fspath(previous)] if isinstance(previous, (str, os.PathLike)) else [os.fspath(p) for p in previous])
    from .ingest import using_reader
    from .settings import Settings  # here: importing the API stays as light as before

    settings = Settings.resolve(resolve_config(config), select=select, ignore=ignore)
    with settings.applied(), using_reader(reader):  # the rule patterns are checked against this call's catalogue
        from .rules.catalogue import matches_nothing

        bad = matches_nothing(settings.select) or matches_nothing(settings.ignore)
        if bad:
            raise ValueError(f"{bad} 不对应任何规则")
        old = load_baseline(baseline) if isinstance(baseline, (str, os.PathLike)) else baseline
        chosen_select = list(settings.select) if settings.select else None
        chosen_ignore = list(settings.ignore) if settings.ignore else None
        entries = list(iter_entries(groups_of(expand(names), together), select=chosen_select, ignore=chosen_ignore,
                                    jobs=jobs, timeout=timeout, previous=prev, force=force, baseline=old,
                                    settings=settings))
    return Report.from_entries(entries, fail_on=settings.fail_on)


__all__ = ["audit", "Report", "DocumentReport", "Result", "Evidence", "Figure", "Meta"]
