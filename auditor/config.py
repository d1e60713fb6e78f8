"""A bureau's settings, ruff-style: `audit.toml` in the current folder or a parent, `[tool.auditor]`
in a `pyproject.toml`, or `--config FILE`.

    region = "shanghai"          # a profile id from patterns/disclosure.yaml, instead of guessing
    fail-on = "warn"             # fail | warn | never
    select = ["T", "X", "N"]     # like --rules
    ignore = ["D105"]            # like --ignore
    patterns = ["./我局规则"]     # folders layered over the built-in patterns (relative to this file)

    [rules.N101]
    severity = "warning"         # error | warning | info: how its 不通过 are shown and counted
    tolerance = "0.05"           # widen the rule's tolerance (in the figures' unit, or "500元")

Command-line flags win over the file. A broken file is one line naming the file, the line and the
key, and exit 2 (ConfigError is a PatternError, which the command turns into that line).

A Config is what one file says. settings.Settings resolves it once, with the command's flags, into
the object passed down through an audit; nothing here is process-wide state.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .errors import PatternError, read_user_file
from .toml_errors import toml_problem

if TYPE_CHECKING:  # pragma: no cover
    from .patterns import Scope

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE_NAME = "audit.toml"
FAIL_ON = ("fail", "warn", "never")
SEVERITIES = ("error", "warning", "info")
KEYS = ("region", "fail-on", "select", "ignore", "patterns", "rules")
RULE_KEYS = ("severity", "tolerance")
_UNITS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


class ConfigError(PatternError):
    """A broken config file: the message is `file:line: key: what is wrong`."""


@dataclass(frozen=True)
class Tolerance:
    """A configured tolerance: an amount, with its unit when one was written ("500元")."""

    amount: Decimal
    unit: str | None
    text: str

    def in_unit(self, unit: str | None) -> Decimal | None:
        """The amount in the figures' unit; None when the units cannot be compared (元 vs %)."""
        if self.unit is None or self.unit == unit:
            return self.amount
        if self.unit in _UNITS and unit in _UNITS:
            return self.amount * _UNITS[self.unit] / _UNITS[unit]
        return None


@dataclass(frozen=True)
class RuleSetting:
    severity: str | None = None
    tolerance: Tolerance | None = None


@dataclass(frozen=True)
class Config:
    """Settings and where each came from ("audit.toml:3"); empty when no file was found."""

    path: Path | None = None
    region: str | None = None
    fail_on: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    patterns: tuple[Path, ...] = ()
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # "fail-on", "rules.N101.severity" -> "audit.toml:3"

    def choose(self, select: list[str] | None, ignore: list[str] | None,
               fail_on: str | None) -> tuple[list[str] | None, list[str] | None, str]:
        """What was asked for explicitly (flags, API arguments) wins over the file, then defaults."""
        return (select if select is not None else (list(self.select) if self.select else None),
                ignore if ignore is not None else (list(self.ignore) if self.ignore else None),
                fail_on or self.fail_on or "fail")

    def scope(self) -> "Scope":
        """What the patterns and the catalogue read under these settings: the pattern folders and
        the per-rule severities (the key of every pattern cache)."""
        from .patterns import Scope  # here, not at the top: `from auditor import audit` stays without yaml

        return Scope(layers=self.patterns,
                     severities=tuple(sorted((rid, s.severity) for rid, s in self.rules.items() if s.severity)))

    @contextlib.contextmanager
    def scope_applied(self) -> Iterator["Scope"]:
        """Patterns are read with these settings' layers and severities until the block ends."""
        from .patterns import scoped

        with scoped(self.scope()) as value:
            yield value


# ---- finding and reading ---------------------------------------------------------------------------
def discover(start: Path | None = None) -> Path | None:
    """The nearest audit.toml, or pyproject.toml with a [tool.auditor] table, from start upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / FILE_NAME
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(r"^\s*\[\s*tool\.auditor(\s*\]|\.)", text, re.M))


def load(path: Path | str) -> Config:
    """Read one config file (audit.toml, or pyproject.toml's [tool.auditor])."""
    path = Path(path)
    text = read_user_file(path, "配置文件", ConfigError)
    try:
        data = tomllib.loads(text, parse_float=Decimal)  # 0.05 stays 0.05, never a binary float
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = at.group(1) if at else text.count(chr(10)) + 1
        column = f"第{at.group(2)}列" if at else "文件末尾"
        raise ConfigError(f"{path}:{line}: TOML 格式有误（{column}）：{toml_problem(str(exc))}") from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "auditor")
        data = data.get("tool", {}).get("auditor", {})
    return _parse(data, path, text, prefix)


def resolve(explicit: str | Path | None = None, *, isolated: bool = False, start: Path | None = None) -> Config:
    """--config FILE, else the discovered file, else no settings (--isolated: none at all)."""
    if isolated:
        return Config()
    if explicit is not None:
        if not Path(explicit).is_file():
            raise ConfigError(f"{explicit}: 配置文件不存在")
        return load(explicit)
    found = discover(start)
    return load(found) if found else Config()


def _line_of(text: str, table: tuple[str, ...], key: str) -> int | None:
    """The line where `key` is set inside [table] (tomllib keeps no positions)."""
    current: tuple[str, ...] = ()
    for n, line in enumerate(text.splitlines(), 1):
        head = re.match(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line)
        if head:
            current = tuple(p.strip().strip('"\'') for p in head.group(1).split("."))
            if current == (*table, key):  # a key given as a table of its own: [rules.N101]
                return n
            continue
        m = re.match(r"^\s*([\w.\"'-]+)\s*=", line)
        if m:
            parts = tuple(p.strip().strip('"\'') for p in m.group(1).split("."))
            if (*current, *parts) == (*table, key):
                return n
    return None


def _parse(data: dict, path: Path, text: str, prefix: tuple[str, ...]) -> Config:
    def where(table: tuple[str, ...], key: str) -> str:
        full = (*prefix, *table, key)
        while len(full) > len(prefix):  # a key inside an inline table: the line of the table's key
            line = _line_of(text, full[:-1], full[-1])
            if line:
                return f"{path}:{line}"
            full = full[:-1]
        return str(path)

    def fail(table: tuple[str, ...], key: str, what: str) -> ConfigError:
        name = ".".join((*table, key))
        return ConfigError(f"{where(table, key)}: {name}: {what}")

    origins: dict[str, str] = {}
    for key in data:
        if key not in KEYS:
            raise fail((), key, f"未知设置（可用：{', '.join(KEYS)}）")
        origins[key] = where((), key)

    def rule_list(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise fail((), key, "须为规则编号或类别的列表，例如 [\"T\", \"X101\"]")
        items = [i.strip() for i in items if i.strip()]
        from .rules.catalogue import RULE_PATTERN

        for item in items:
            if not re.fullmatch(RULE_PATTERN, item.upper()):
                raise fail((), key, f"{item} 不是规则编号或类别（如 T、X101、D1xx）")
        return tuple(items)

    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise fail((), "fail-on", f"须为 {'/'.join(FAIL_ON)}")
    region = data.get("region")
    if region is not None and (not isinstance(region, str) or not region.strip()):
        raise fail((), "region", "须为 patterns/disclosure.yaml 中的地区模板编号")
    folders: list[Path] = []
    raw_patterns = data.get("patterns", [])
    if isinstance(raw_patterns, str):
        raw_patterns = [raw_patterns]
    if not isinstance(raw_patterns, list) or not all(isinstance(p, str) for p in raw_patterns):
        raise fail((), "patterns", "须为文件夹列表，例如 [\"./我局规则\"]")
    for p in raw_patterns:
        folder = (path.parent / p).resolve()
        if not folder.is_dir():
            raise fail((), "patterns", f"文件夹不存在：{p}")
        folders.append(folder)
    rules: dict[str, RuleSetting] = {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise fail((), "rules", "须为表，例如 [rules.N101]")
    for rid, raw in raw_rules.items():
        from .rules.catalogue import FAMILIES

        if not re.fullmatch(rf"[{''.join(FAMILIES)}]\d+", rid):
            raise fail(("rules",), rid, f"规则编号须为 {'/'.join(FAMILIES)} 加数字")
        if not isinstance(raw, dict):
            raise fail(("rules",), rid, "须为表，含 severity 或 tolerance")
        for key in raw:
            if key not in RULE_KEYS:
                raise fail(("rules", rid), key, f"未知设置（可用：{', '.join(RULE_KEYS)}）")
        severity = raw.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise fail(("rules", rid), "severity", f"须为 {'/'.join(SEVERITIES)}")
        tolerance = None
        if "tolerance" in raw:
            tolerance = _tolerance(raw["tolerance"])
            if tolerance is None:
                raise fail(("rules", rid), "tolerance", "须为非负数，可带单位，例如 \"0.05\" 或 \"500元\"")
        rules[rid] = RuleSetting(severity=severity, tolerance=tolerance)
        for key in raw:
            origins[f"rules.{rid}.{key}"] = where(("rules", rid), key)
    return Config(
        path=path,
        region=region.strip() if region else None,
        fail_on=fail_on,
        select=rule_list("select"),
        ignore=rule_list("ignore"),
        patterns=tuple(folders),
        rules=rules,
        origins=origins,
    )


def _tolerance(raw: Any) -> Tolerance | None:
    if isinstance(raw, bool) or not isinstance(raw, (int, Decimal, str)):
        return None
    text = str(raw).strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(元|千元|万元|亿元|%|％)?", text)
    if not m:
        return None
    try:
        amount = Decimal(m.group(1))
    except InvalidOperation:
        return None
    unit = m.group(2)
    return Tolerance(amount=amount, unit="%" if unit == "％" else unit, text=text)


def check_region(config: Config, profile_ids: list[str]) -> None:
    """An unknown region is a config error, found once the (layered) profiles are loaded."""
    if config.region and config.region not in profile_ids:
        line = config.origins.get("region", str(config.path))
        raise ConfigError(f"{line}: region: 没有地区模板 {config.region}（可用：{', '.join(profile_ids)}）")


def check(config: Config) -> None:
    """What can only be checked once the (layered) patterns are loaded: the region and rule ids."""
    with config.scope_applied():
        _check(config)


def _check(config: Config) -> None:
    from .patterns import load as load_patterns
    from .rules.catalogue import catalogue, matches_nothing

    profiles = [p.get("id") for p in load_patterns("disclosure").get("profiles", [])]
    if config.region and config.region not in profiles:
        raise ConfigError(f"{config.origins.get('region', config.path)}: region: 没有地区模板 {config.region}"
                          f"（可用：{', '.join(map(str, profiles))}）")
    for key, chosen in (("select", config.select), ("ignore", config.ignore)):
        bad = matches_nothing(chosen)
        if bad:
            raise ConfigError(f"{config.origins.get(key, config.path)}: {key}: {bad} 不对应任何规则（audit rules 列出全部规则）")
    rules = catalogue()
    for rid in config.rules:
        if rid not in rules:
            where = next((v for k, v in config.origins.items() if k.startswith(f"rules.{rid}.")), str(config.path))
            raise ConfigError(f"{where}: rules.{rid}: 没有这条规则（audit rules 列出全部规则）")


def _figure(text: str | None) -> Decimal | None:
    try:
        return Decimal((text or "").replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        return None


def widen(result, config: Config) -> None:  # noqa: ANN001 - a results.Result
    """A bureau's tolerance for a rule: a 不通过 whose difference lies within it becomes 存疑 at 提示
    severity, saying so. The configured tolerance only widens the rule's own; it never hides a
    finding (the result stays listed) and never turns a pass into a fail."""
    setting = config.rules.get(result.rule)
    if result.verdict != "fail" or setting is None or setting.tolerance is None:
        return
    if result.claimed is None or result.expected is None:
        return
    claimed, expected = _figure(result.claimed.value), _figure(result.expected.value)
    unit = result.expected.unit
    if claimed is None or expected is None or (result.claimed.unit or unit) != unit:
        return
    tol = setting.tolerance.in_unit(unit)
    if tol is None or abs(claimed - expected) > tol:
        return
    origin = config.origins.get(f"rules.{result.rule}.tolerance", str(config.path))
    shown = setting.tolerance.text if setting.tolerance.unit else f"{setting.tolerance.text}{unit or ''}"
    result.verdict, result.severity = "warn", "info"
    result.message += f"（差额在配置的容差 ±{shown} 以内，见 {Path(origin).name}）"
    result.tolerance = f"{result.tolerance or ''}；配置容差 ±{shown}".lstrip("；")


def settings_table(config: Config) -> list[tuple[str, str, str]]:
    """(setting, value, where it came from) for `audit rules`: every setting, with 默认 for defaults."""
    from .patterns import patterns_dir

    def origin(key: str) -> str:
        return config.origins.get(key, "默认")

    rows = [
        ("config", str(config.path) if config.path else "（无配置文件）", "--config 或自动查找" if config.path else "默认"),
        ("region", config.region or "（按文件内容自动判断）", origin("region")),
        ("fail-on", config.fail_on or "fail", origin("fail-on")),
        ("select", ",".join(config.select) if config.select else "（全部规则）", origin("select")),
        ("ignore", ",".join(config.ignore) if config.ignore else "（无）", origin("ignore")),
        ("patterns", str(patterns_dir()), "内置"),
    ]
    rows += [("patterns", str(p), origin("patterns")) for p in config.patterns]
    for rid, s in sorted(config.rules.items()):
        if s.severity:
            rows.append((f"rules.{rid}.severity", s.severity, origin(f"rules.{rid}.severity")))
        if s.tolerance:
            rows.append((f"rules.{rid}.tolerance", s.tolerance.text, origin(f"rules.{rid}.tolerance")))
    return rows


def rule_origin(rule_id: str, source: str, config: Config) -> str:
    """Where a rule's text and severity come from: the built-in file, a bureau's file, a config line."""
    parts = [source]
    where = config.origins.get(f"rules.{rule_id}.severity")
    if where:
        parts.append(f"severity：{where}")
    where = config.origins.get(f"rules.{rule_id}.tolerance")
    if where:
        parts.append(f"tolerance：{where}")
    return "；".join(parts)


def gates(report: dict, fail_on: str) -> bool:
    """Whether a report's findings reach `fail_on` (exit 1). A 不通过 whose rule a bureau shows as
    提示 (severity info) counts like a 存疑: only with fail-on warn."""
    if fail_on == "never":
        return False
    for doc in report["documents"]:
        for r in doc["results"]:
            if r["verdict"] == "fail" and (r["severity"] != "info" or fail_on == "warn"):
                return True
            if r["verdict"] == "warn" and fail_on == "warn":
                return True
    return False
