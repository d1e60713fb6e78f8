"""Loads the data in patterns/: table kinds, synonyms, rule texts. Safe YAML only.

Reviewers extend these files without touching Python, so a YAML mistake must come back as a
one-line message with the file and line, not a traceback.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import PatternError


def shipped(name: str) -> Path:
    """A folder of data that ships with the tool: "patterns" or "samples".

    The one place that knows where they live. In a source checkout they sit at the top of the
    repository (the design card's layout); an installed wheel carries them as package data under
    auditor/data/ (setup.py copies them there at build time). An editable install reads the checkout.
    Wheels are installed unzipped, so the resource is a real folder.
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
        raise PatternError(f"{where}: YAML 错误：{exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise PatternError(f"{path}: YAML 错误：{exc}") from None
    except OSError as exc:
        raise PatternError(f"{path}: 无法读取：{exc.strerror}") from None


_LAYERS: tuple[Path, ...] = ()


def set_layers(folders: tuple[Path, ...] | list[Path]) -> None:
    """A bureau's pattern folders, layered over the built-in ones in the order given.

    Everything derived from patterns is cached per process, so a change of layers clears every
    cache in the package (compiled wordings, table kinds, the catalogue).
    """
    global _LAYERS
    folders = tuple(Path(f) for f in folders)
    if folders == _LAYERS:
        return
    _LAYERS = folders
    clear_caches()


def clear_caches() -> None:
    """Forget everything derived from patterns or settings (each module caches what it compiled)."""
    for name, module in list(sys.modules.items()):
        if name == "auditor" or name.startswith("auditor."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                    value.cache_clear()


def layers() -> tuple[Path, ...]:
    """The folders patterns are read from: the built-in one first, then the bureau's."""
    return (patterns_dir(), *_LAYERS)


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


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load patterns/<name>.yaml with every layer's <name>.yaml merged over it (cached)."""
    data = load_yaml(patterns_dir() / f"{name}.yaml")
    for folder in _LAYERS:
        extra = folder / f"{name}.yaml"
        if extra.is_file():
            layer = load_yaml(extra)
            if layer is not None:
                if type(layer) is not type(data):
                    raise PatternError(f"{extra}: 结构须与内置的 {name}.yaml 相同（{type(data).__name__}）")
                data = merge(data, layer)
    return data


PATTERN_FILES = ("tables", "claims", "crosscheck", "disclosure")


def preflight() -> None:
    """Read every pattern file and the catalogue now, so a broken or missing one stops a full-screen
    app with its one line before the app starts (inside the app it would be a traceback)."""
    from .rules.catalogue import catalogue

    for name in PATTERN_FILES:
        load(name)
    reference_codes()
    catalogue()


def _years(text: str) -> tuple[int, int]:
    """"2014-2018 (former name)" -> (2014, 2018); "2019" -> (2019, 9999): seen since; "" -> any year."""
    found = [int(y) for y in text.replace("(", " ").split()[0].split("-") if y.isdigit()] if text.strip() else []
    if not found:
        return 0, 9999
    if len(found) == 1:
        return found[0], 9999
    return found[0], found[1]


@lru_cache(maxsize=None)
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
