"""Loads the data in patterns/: table kinds, synonyms, rule texts. Safe YAML only.

Reviewers extend these files without touching Python, so a YAML mistake must come back as a
one-line message with the file and line, not a traceback.
"""

from __future__ import annotations

import os
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


def load_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise PatternError(f"{where}: YAML 错误：{exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise PatternError(f"{path}: YAML 错误：{exc}") from None
    except OSError as exc:
        raise PatternError(f"{path}: 无法读取：{exc.strerror}") from None


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load patterns/<name>.yaml (cached for the process)."""
    return load_yaml(patterns_dir() / f"{name}.yaml")


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
    for tsv in sorted((patterns_dir() / "codes").glob("*.tsv")):
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
