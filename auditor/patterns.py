"""Loads the data in patterns/: table kinds, synonyms, rule texts. Safe YAML only.

Reviewers extend these files without touching Python, so a YAML mistake must come back as a
one-line message with the file and line, not a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import yaml

from .errors import PatternError, cause


@lru_cache(maxsize=None)
def shipped(name: str) -> Path:
    """A folder of data that ships with the tool: "patterns" or "samples".

    The one place that knows where they live. In a source checkout they sit at the top of the
    repository (the design card's layout); an installed wheel carries them as package data under
    auditor/data/ (setup.py copies them there at build time). An editable install reads the checkout.
    Wheels are installed unzipped, so the resource is a real folder. Cached: every pattern cache asks
    for the folder on each call (9,000 times an audit), and resolving it each time cost more than the
    pdfium reading of the whole document.
    """
    packaged = resources.files("auditor") / "data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


def patterns_dir() -> Path:
    """The built-in patterns (AUDITOR_PATTERNS replaces them, for tests of broken catalogues)."""
    env = os.environ.get("AUDITOR_PATTERNS")
    return Path(env) if env else shipped("patterns")


# libyaml's safe loader when PyYAML was built with it: the same documents, ten times sooner (the
# pure-Python parser took as long as pdfium's reading of a whole disclosure, in every new process)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise PatternError(f"{where}: YAML 格式有误（缩进、冒号或引号不对）") from None
    except yaml.YAMLError:
        raise PatternError(f"{path}: YAML 格式有误") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}: 无法读取：{cause(exc)}") from None


@dataclass(frozen=True)
class Scope:
    """What everything derived from patterns depends on: a bureau's pattern folders (layered over
    the built-in ones, in order) and its per-rule severities (the catalogue shows them). Hashable,
    so it is the key of every pattern cache: two calls with different settings never share an entry."""

    layers: tuple[Path, ...] = ()
    severities: tuple[tuple[str, str], ...] = ()  # (rule id, severity), sorted


# The scope of the audit running in this thread or task. It is set for the length of one call by
# Settings.applied() (api, cli, batch workers, the review app's loader) and read only to key the
# caches below: it is per call and per thread, never process-wide, and no check reads it for a
# decision (a check reads doc.settings).
_SCOPE: ContextVar[Scope] = ContextVar("auditor_pattern_scope", default=Scope())


def scope() -> Scope:
    """The pattern scope of the current call (the built-in patterns alone outside any call)."""
    return _SCOPE.get()


@contextlib.contextmanager
def scoped(value: Scope) -> Iterator[Scope]:
    """Patterns are read with `value`'s layers until the block ends (re-entrant, thread-safe)."""
    token = _SCOPE.set(value)
    try:
        yield value
    finally:
        _SCOPE.reset(token)


F = TypeVar("F", bound=Callable[..., Any])


def cached(fn: F) -> F:
    """lru_cache keyed on the built-in folder and the current call's scope as well as the arguments:
    what is compiled from one bureau's patterns is never served to a call with other settings."""
    inner = lru_cache(maxsize=None)(lambda _builtin, _scope, *args, **kwargs: fn(*args, **kwargs))

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return inner(patterns_dir(), scope(), *args, **kwargs)

    wrapper.cache_clear = inner.cache_clear  # type: ignore[attr-defined]
    wrapper.cache_info = inner.cache_info  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget everything derived from patterns (each module caches what it compiled). Caches key on
    the scope already; this is for a built-in folder edited in place (tests)."""
    for name, module in list(sys.modules.items()):
        if name == "auditor" or name.startswith("auditor."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                    value.cache_clear()


def layers() -> tuple[Path, ...]:
    """The folders patterns are read from: the built-in one first, then the bureau's."""
    return (patterns_dir(), *scope().layers)


def merge(base: Any, extra: Any) -> Any:
    """A layer over the built-in data: mappings merge by key; lists of mappings with an `id` merge
    by id (an entry with a new id goes first, so a bureau's kind or profile is tried before ours);
    other lists are extended; a scalar in the layer replaces ours."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        if all(isinstance(x, dict) and "id" in x for x in base + extra) and base:
            by_id = {x["id"]: x for x in extra}
            merged = [merge(x, by_id.pop(x["id"])) if x["id"] in by_id else x for x in base]
            return list(by_id.values()) + merged
        return base + [x for x in extra if x not in base]
    return extra


def load(name: str) -> Any:
    """Load patterns/<name>.yaml with every layer's <name>.yaml of the current call merged over it."""
    return _load(name, patterns_dir(), scope().layers)


@lru_cache(maxsize=None)
def _load(name: str, builtin: Path, folders: tuple[Path, ...]) -> Any:
    """One file with its layers merged, cached on the folders it was read from."""
    data = load_yaml(builtin / f"{name}.yaml")
    for folder in folders:
        extra = folder / f"{name}.yaml"
        if extra.is_file():
            layer = load_yaml(extra)
            if layer is not None:
                if type(layer) is not type(data):
                    raise PatternError(f"{extra}: 结构须与内置的 {name}.yaml 相同（{type(data).__name__}）")
                data = merge(data, layer)
    return data


load.cache_clear = _load.cache_clear  # type: ignore[attr-defined]  # as clear_caches() finds it

PATTERN_FILES = ("tables", "claims", "crosscheck", "disclosure", "gate", "proofread")


def _years(text: str) -> tuple[int, int]:
    """"2014-2018 (former name)" -> (2014, 2018); "2019" -> (2019, 9999): seen since; "" -> any year."""
    found = [int(y) for y in text.replace("(", " ").split()[0].split("-") if y.isdigit()] if text.strip() else []
    if not found:
        return 0, 9999
    if len(found) == 1:
        return found[0], 9999
    return found[0], found[1]


@cached
def reference_codes() -> dict[str, list[tuple[str, int, int, str]]]:
    """Classification codes: code -> [(name, first_year, last_year, confidence)].

    Read from patterns/codes/*.tsv, copied from the shared reference lists so a fresh clone has them.
    """
    out: dict[str, list[tuple[str, int, int, str]]] = {}
    for tsv in [t for folder in layers() for t in sorted((folder / "codes").glob("*.tsv"))]:
        with open(tsv, encoding="utf-8") as fh:
            next(fh, None)
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 4 or not parts[0].strip():
                    continue
                code, name, years, conf = parts[:4]
                y0, y1 = _years(years)
                out.setdefault(code.strip(), []).append((name.strip(), y0, y1, conf.strip()))
    return out
