"""R103: each classification code carries its own name for the document's year.

"2040601 普法宣传" is wrong whatever the figures say: 普法宣传 is 2040604. Names are known from two
sources, both data in patterns/codes/: the reference lists (H/M confidence rows, with the years each
name was in force) and the pairs that published tables print (observed/code_names.tsv, a pair known
for a year when two or more bodies print it that year). A code neither source knows for the year is
never a finding.
"""

from __future__ import annotations

import re
from pathlib import Path

from ... import patterns
from ...model import Document
from ...results import Result
from ...tables.reading import rows_readable
from .code_consistency import check_document_consistency
from .common import result, row_evidence

_MAX_PER_TABLE = 2
_TAGS = re.compile(r"[（(](类|款|项|小计|合计)[)）]$")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])")
_PUNCT = str.maketrans({"（": "(", "）": ")", "“": "", "”": "", "\"": "", "、": "", "·": "", " ": "", "　": ""})


def name_key(name: str) -> str:
    """A 科目 name as compared: no numbering, no （项） tag, no spaces or quotes, 其它 spelt 其他."""
    key = _NUMBERING.sub("", (name or "").strip()).translate(_PUNCT)
    key = _TAGS.sub("", key.replace("(", "（").replace(")", "）"))
    return key.replace("其它", "其他").strip()


def observed_pairs_path() -> Path:
    return patterns.patterns_dir() / "codes" / "observed" / "code_names.tsv"


@patterns.cached
def _observed() -> dict[tuple[str, int], set[str]]:
    out: dict[tuple[str, int], set[str]] = {}
    path = observed_pairs_path()
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        next(fh, None)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[2].isdigit():
                out.setdefault((parts[0], int(parts[2])), set()).add(parts[1])
    return out


def known_names(code: str, year: int) -> set[str]:
    """Every name the data knows for code in year (empty: the code is not known for that year)."""
    names = set(_observed().get((code, year), set()))
    for n, y0, y1, conf in patterns.reference_codes().get(code, []):
        if conf in ("H", "M") and y0 <= year <= y1:
            names.add(name_key(n))
    return names


def _owner(name: str, year: int, level: int, exclude: str) -> str | None:
    """The code of the same level whose known name this is, when it is another code's name."""
    for (code, y), names in _observed().items():
        if y == year and len(code) == level and code != exclude and name in names:
            return code
    for code, entries in patterns.reference_codes().items():
        if len(code) == level and code != exclude and any(
                conf in ("H", "M") and y0 <= year <= y1 and name_key(n) == name for n, y0, y1, conf in entries):
            return code
    return None


@patterns.cached
def _all_names(level: int) -> frozenset[str]:
    names = {n for (code, _), ns in _observed().items() if len(code) == level for n in ns}
    names |= {name_key(n) for code, entries in patterns.reference_codes().items() if len(code) == level
              for n, *_ in entries}
    return frozenset(names)


def _is_subject_name(name: str, level: int) -> bool:
    """A name some code of this level has carried: a unit's name beside a unit code is not a 科目."""
    return name in _all_names(level)


def _ever_names(code: str) -> set[str]:
    names = {n for (c, _), ns in _observed().items() if c == code for n in ns}
    return names | {name_key(n) for n, *_ in patterns.reference_codes().get(code, [])}


def _fits(name: str, names: set[str]) -> bool:
    """Printed names are often shortened or wrapped: a name that one known name contains, or that
    contains one, is the same 科目."""
    return any(name == n or name in n or n in name for n in names)


def check_code_names(doc: Document) -> list[Result]:
    year = doc.meta.year
    if year is None:
        return []
    out: list[Result] = []
    checked = 0
    seen: set[tuple[str, str]] = set()
    judged: set[tuple[str, str]] = set()  # pairs the code lists know: the in-document check leaves them
    for t in doc.tables:
        found: list[Result] = []
        if not rows_readable(t):
            continue
        for r in t.rows:
            if not (r.code and r.code.isdigit() and r.code[0] in "23" and len(r.code) in (3, 5, 7)):
                continue
            name = name_key(r.name)
            if not name or (r.code, name) in seen:
                continue
            seen.add((r.code, name))
            names = known_names(r.code, year)
            if not names:
                continue
            judged.add((r.code, name))
            checked += 1
            if _fits(name, names) or name in _ever_names(r.code):
                continue  # a former name of this very code is D107's finding, not a code/name mismatch
            expected = "、".join(sorted(names))
            other = _owner(name, year, len(r.code), r.code)
            if other:
                found.append(result("R103", "fail", f"科目编码{r.code}的名称应为“{expected}”，表中印作“{r.name.strip()}”，"
                                  f"而这是{other}的名称：编码与名称不对应。", anchor=f"{r.code}/{name}", page=r.page,
                                  text=r.label, evidence=[row_evidence(t, r, "科目名称", r.name.strip())]))
            elif _is_subject_name(name, len(r.code)):
                found.append(result("R103", "warn", f"科目编码{r.code}在{year}年的名称为“{expected}”，表中印作"
                                  f"“{r.name.strip()}”：请核对编码与名称。", anchor=f"{r.code}/{name}", page=r.page,
                                  text=r.label, evidence=[row_evidence(t, r, "科目名称", r.name.strip())]))
        # A real table swaps a name or two; a whole run of codes beside other codes' names is a
        # misread layout (columns of a two- or three-sided table crossed), not a finding about the document.
        if len(found) <= _MAX_PER_TABLE:
            out += found
    out += check_document_consistency(doc, name_key, judged)
    if checked and not out:
        out.append(result("R103", "pass", f"已核对{checked}个科目编码的名称，均与{year}年的科目名称一致。", anchor="all"))
    return out
