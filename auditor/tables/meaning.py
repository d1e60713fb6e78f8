"""What each column of a table means beyond its key: which columns it adds up, and which group headings
are printed without a column of their own.

Two header layouts read wrong without this (issue 21): a 基本支出 printed as `人员支出 | 公用经费` with no
小计 column has no 基本支出 column at all, yet its figure is the sum of the two; and in
`小计 | 其中：基本支出 | 项目支出` the 小计 is the row's total, the columns after "其中" its parts. The
meaning is data on each Column (`sum_of`, `sum_complete`) and on the Table (`groups`), for the claims
and cross-table checks to confirm which figure a key stands for.
"""

from __future__ import annotations

import re

from ..model import Column
from .header import column_key

_SUBTOTAL = re.compile(r"^(小计|合计|总计)$")
_OF_WHICH = re.compile(r"^其中[:：]?")
# the headings whose sub-columns add up to them: parts of spending, never a year or a change group
_PARTS = re.compile(r"基本支出|项目支出|人员经费|公用经费|人员支出|公用支出|工资福利|商品和服务|对个人和家庭")


def _plain(label: str) -> str:
    return _OF_WHICH.sub("", label)


def _children(cols: list[Column], parent: tuple[str, ...]) -> dict[str, list[Column]]:
    """The columns under `parent`, grouped by the next heading, in printed order."""
    out: dict[str, list[Column]] = {}
    depth = len(parent)
    for c in cols:
        if len(c.path) > depth and c.path[:depth] == parent:
            out.setdefault(c.path[depth], []).append(c)
    return out


def derive(columns: list[Column]) -> list[Column]:
    """Fill each total column's `sum_of` and return the group headings that have no column of their own.

    A group (two or more columns under one heading naming a part of spending) whose members include no
    小计/合计 is a derived Column: its key is the heading path, its value the sum of its members.
    """
    groups: list[Column] = []
    for side in dict.fromkeys(c.side for c in columns):
        cols = [c for c in columns if c.side == side]
        heads = dict.fromkeys(c.path[:d] for c in cols for d in range(1, len(c.path)))
        own: dict[tuple[str, ...], Column] = {}
        for head in heads:
            members = [c for c in cols if c.path[: len(head)] == head]
            if len(members) < 2 or not _PARTS.search(_plain(head[-1])):
                continue
            direct = _children(members, head)
            if any(_SUBTOTAL.match(h) for h in direct):
                continue  # the group prints its own 小计
            leaves = [ms[0] for h, ms in direct.items() if len(ms) == 1]
            if len(leaves) != len(direct):
                continue  # deeper groups without totals of their own: not read further
            col = Column(key=column_key(head, -1), path=head, index=-1, side=side,
                         sum_of=tuple(c.key for c in leaves), derived=True)
            own[head] = col
            groups.append(col)
        for total in cols:
            if not total.path or not _SUBTOTAL.match(total.path[-1]):
                continue
            parent = total.path[:-1]
            parts: list[str] = []
            complete = True
            for head, ms in _children([c for c in cols if c is not total], parent).items():
                if _OF_WHICH.match(head):
                    complete = False
                if _OF_WHICH.match(head) and len(ms) > 1 and all(len(m.path) == len(parent) + 2 for m in ms):
                    parts.extend(m.key for m in ms)  # "其中：" printed over its own row of parts
                elif len(ms) == 1 and ms[0].path == (*parent, head):
                    parts.append(ms[0].key)
                elif (*parent, head) in own:
                    parts.append(own[(*parent, head)].key)
                else:
                    sub = [m for m in ms if len(m.path) == len(parent) + 2 and _SUBTOTAL.match(m.path[-1])]
                    if not sub:
                        parts = []
                        break
                    parts.append(sub[0].key)
            # "小计 | 其中：基本支出 | 项目支出": the columns after the 其中 are parts, never the total
            total.sum_of = tuple(parts) if len(parts) >= 2 or (parts and not complete) else ()
            total.sum_complete = complete
    return groups
