"""Multi-row table headers become one key per column: "2021年预算数·小计", "预算数·公务接待费".

A header cell followed by empty cells spans them (within the span of the cell above it); an empty
cell under a cell that started in its own column continues that cell downwards. Text and PDF grids
both mark merged cells as empty, so this one rule reads both.
"""

from __future__ import annotations

import re

_BODY_START = re.compile(
    r"^(合计|总计|小计|本年|一、|[（(]?[一二三四五六七八九十]+[、)）]|收入总计|支出总计|部门（单位）名称|项目名称)"
)
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_SECTION = re.compile(r"^[一二三四五六七八九十]+、")


def normalize_label(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("“", "").replace("”", "").replace('"', "")


def is_body_row(row: list[str], amount_like) -> bool:
    """The first row with a figure, a classification code or a total label ends the header."""
    filled = [c for c in row if c]
    if not filled:
        return False
    if any(amount_like(c) for c in filled):
        return True
    if _CODE.match(filled[0]):
        return True
    # a section line printed on each side of a two-sided table ("一、部门预算 | | 一、部门预算 | …") is body
    if len(filled) > 1 and all(_SECTION.match(c.strip()) for c in filled):
        return True
    # a total label starts the body only when nothing else on the row is a label
    return bool(_BODY_START.match(filled[0])) and len(filled) == 1


# the labels a column-number row carries besides its numbers: 栏次/行次 and the 甲/乙 letters or
# asterisks printed over the code and name columns
_NUMBER_ROW_MARKS = re.compile(r"^(栏次|行次|栏号|列次|[甲乙丙丁]|\*+|[-—–]+)$")
_COLUMN_NUMBER = re.compile(r"^(\d{1,2})(?:[=+\-－＋][\d+\-=－＋()（）]*)?$")  # "1", "4=5+6"


def is_column_number_row(row: list[str]) -> bool:
    """A row of column numbers ("栏次 | 1 | 2 | 3", "甲 | 乙 | 1 | 2", "** | 1 | 2", "1 | 2 | 3 | 4").

    Printed under the header to number the columns, it holds small integers that count up (starting
    again at 1 on the other side of a two-sided table). It is header, never data: read as data it
    gives a "合计" of 1 whose "parts" sum to 14.
    """
    tokens = [t for c in row for t in c.split()]
    numbers: list[int] = []
    marked = False
    for t in tokens:
        if _NUMBER_ROW_MARKS.match(t):
            marked = True
            continue
        m = _COLUMN_NUMBER.match(t)
        if not m:
            return False
        numbers.append(int(m.group(1)))
    if len(numbers) < (2 if marked else 3):
        return False
    if numbers[0] not in (0, 1) and not marked:
        return False
    return all(b == a + 1 or b == 1 for a, b in zip(numbers, numbers[1:])) and numbers.count(1) <= 3


def header_paths(rows: list[list[str]], ncols: int) -> list[tuple[str, ...]]:
    """Column paths from the header rows; merged cells are empty strings."""
    paths: list[list[str]] = [[] for _ in range(ncols)]
    parents: list[tuple[int, int]] = [(0, ncols)]
    for row in rows:
        row = (row + [""] * ncols)[:ncols]
        spans: list[tuple[int, int]] = []
        for ps, pe in parents:
            starts = [j for j in range(ps, pe) if row[j]]
            if not starts:
                spans.append((ps, pe))  # the parent cell continues downwards
                continue
            if starts[0] > ps:
                # columns before the first label keep their parents' labels (vertical merges)
                for j in range(ps, starts[0]):
                    spans.append((j, j + 1))
            for i, s in enumerate(starts):
                e = starts[i + 1] if i + 1 < len(starts) else pe
                label = normalize_label(row[s])
                for j in range(s, e):
                    if not paths[j] or paths[j][-1] != label:
                        paths[j].append(label)
                spans.append((s, e))
        parents = spans
    return [tuple(p) for p in paths]


def column_key(path: tuple[str, ...], index: int) -> str:
    return "·".join(path) if path else f"列{index + 1}"
