"""The rule catalogue: every check's id, title, why it matters and examples, read from patterns/rules/.

Rule texts are data so a reviewer can read and extend them without Python; the code that checks
lives in auditor/checks and auditor/claims and refers to rules only by id. A rule without a
title, a reason or both kinds of example is a catalogue error, reported with its file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..errors import PatternError
from ..patterns import PATTERN_FILES, Scope, load, load_yaml, patterns_dir, reference_codes, scope

FAMILIES = {
    "T": "表内勾稽",
    "X": "表间一致",
    "N": "叙述核对",
    "D": "公开完整性",
    "R": "公开要求",
    "P": "文字校对",
}
SEVERITIES = ("error", "warning", "info")
_REQUIRED = ("id", "title", "checks", "why", "severity")
RULE_PATTERN = rf"([{''.join(FAMILIES)}])(\d*)X*"  # a rule or a range: "X", "X1", "X101", "D4xx" (upper-cased)


@dataclass(frozen=True)
class Example:
    document: str  # a small disclosure in the text format; " | " separates table cells
    note: str = ""
    expect: str = "fail"  # for failing examples: the verdict the rule must give (fail or warn)
    message: str = ""  # for failing examples: a phrase the message must contain
    previous: str = ""  # last year's disclosure, for rules that compare with it


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    checks: str
    why: str
    severity: str
    basis: str = ""
    source: str = ""  # the patterns file it came from
    passing: tuple[Example, ...] = field(default=())
    failing: tuple[Example, ...] = field(default=())

    @property
    def family(self) -> str:
        return self.id[0]

    @property
    def family_name(self) -> str:
        return FAMILIES.get(self.family, self.family)

    def as_dict(self, *, examples: bool = False) -> dict:
        out = {
            "id": self.id,
            "family": self.family,
            "severity": self.severity,
            "title": self.title,
            "checks": self.checks,
            "why": self.why,
            "basis": self.basis,
        }
        if examples:
            out["examples"] = {
                "pass": [{"note": e.note, "document": e.document} for e in self.passing],
                "fail": [{"note": e.note, "document": e.document, "expect": e.expect} for e in self.failing],
            }
        return out


def _example(raw: object, where: str) -> Example:
    if isinstance(raw, str):
        return Example(document=raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("document"), str):
        raise PatternError(f"{where}: 示例须含 document 文本")
    expect = str(raw.get("expect", "fail"))
    if expect not in ("fail", "warn"):
        raise PatternError(f"{where}: expect 只能是 fail 或 warn")
    return Example(
        document=raw["document"],
        note=str(raw.get("note", "")),
        expect=expect,
        message=str(raw.get("message", "")),
        previous=str(raw.get("previous", "")),
    )


def _text(value: object) -> str:
    """Folded YAML joins lines with a space; between Chinese characters that space is noise."""
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", str(value).strip())


def _rule(raw: object, source: str) -> Rule:
    if not isinstance(raw, dict):
        raise PatternError(f"{source}: 每条规则须是一个映射")
    rid = str(raw.get("id", "?"))
    where = f"{source}: {rid}"
    missing = [k for k in _REQUIRED if not str(raw.get(k, "")).strip()]
    if missing:
        raise PatternError(f"{where}: 缺少 {', '.join(missing)}")
    if rid[0] not in FAMILIES or not rid[1:].isdigit():
        raise PatternError(f"{where}: 规则编号须为 {'/'.join(FAMILIES)} 加数字")
    if raw["severity"] not in SEVERITIES:
        raise PatternError(f"{where}: severity 须为 {'/'.join(SEVERITIES)}")
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict):
        raise PatternError(f"{where}: examples 须含 pass 和 fail 两个列表")
    passing = tuple(_example(e, f"{where} pass") for e in examples.get("pass") or [])
    failing = tuple(_example(e, f"{where} fail") for e in examples.get("fail") or [])
    if not passing or not failing:
        raise PatternError(f"{where}: 每条规则至少要有一个通过示例和一个不通过示例")
    return Rule(
        id=rid,
        title=_text(raw["title"]),
        checks=_text(raw["checks"]),
        why=_text(raw["why"]),
        severity=raw["severity"],
        basis=_text(raw.get("basis", "")),
        source=source,
        passing=passing,
        failing=failing,
    )


def catalogue() -> dict[str, Rule]:
    """All rules by id, in id order, as the current call's settings show them (a bureau's rule
    files layered over ours, its severities applied)."""
    return _catalogue(patterns_dir(), scope())


@lru_cache(maxsize=None)
def _catalogue(builtin: Path, within: Scope) -> dict[str, Rule]:
    """The catalogue for one built-in folder and one scope: cached on them, never on a global."""
    rules: dict[str, Rule] = {}
    extra = within.layers
    folder = builtin / "rules"
    files = sorted(folder.glob("*.yaml"))
    if not files:  # an install that lost its data must not look like a clean audit
        raise PatternError(f"{folder}: 没有规则文件（规则目录缺失或为空）")
    for layer, paths in ((None, files), *((f, sorted((f / "rules").glob("*.yaml"))) for f in extra)):
        own: dict[str, Rule] = {}
        for path in paths:
            data = load_yaml(path) or []
            if not isinstance(data, list):
                raise PatternError(f"{path}: 须是规则列表")
            for raw in data:
                rule = _rule(raw, path.name if layer is None else str(path))
                if rule.id in own:
                    raise PatternError(f"{path}: 规则 {rule.id} 重复（另见 {own[rule.id].source}）")
                own[rule.id] = rule
        rules.update(own)  # a bureau's rule with one of our ids replaces ours (its texts and examples)
    for rid, severity in within.severities:
        if rid in rules:
            rules[rid] = replace(rules[rid], severity=severity)
    return dict(sorted(rules.items(), key=lambda kv: (list(FAMILIES).index(kv[0][0]), kv[0])))


catalogue.cache_clear = _catalogue.cache_clear  # type: ignore[attr-defined]  # as patterns.clear_caches finds it


def get_rule(rule_id: str) -> Rule | None:
    return catalogue().get(rule_id.upper())


def selected(rule_id: str, select: list[str] | None, ignore: list[str] | None) -> bool:
    """`--rules T,X101` and `--ignore D4xx`: a prefix selects a family or a range of ids."""

    def prefix(p: str) -> str:
        # "X", "X1", "X101", "D4xx", "d1XX": the family letter, then digits; trailing x are wildcards
        m = re.fullmatch(RULE_PATTERN, p.strip().upper())
        return (m.group(1) + m.group(2)) if m else "\0"  # anything else selects no rule

    def hit(patterns: list[str]) -> bool:
        return any(rule_id.upper().startswith(prefix(p)) for p in patterns if p.strip())

    if select and not hit(select):
        return False
    if ignore and hit(ignore):
        return False
    return True


def matches_nothing(patterns: list[str] | tuple[str, ...] | None) -> str | None:
    """The first rule pattern that selects no rule (a typo, not an empty selection), or None."""
    rules = catalogue()
    for p in patterns or []:
        if not any(selected(rid, [p], None) for rid in rules):
            return p.strip()
    return None


def preflight() -> None:
    """Read every pattern file and the catalogue now, so a broken or missing one stops a full-screen
    app with its one line before the app starts (inside the app it would be a traceback)."""
    for name in PATTERN_FILES:
        load(name)
    reference_codes()
    catalogue()
