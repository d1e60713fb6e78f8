"""`audit inspect`: what was read, so a reviewer can see whether the reading went right."""

from __future__ import annotations

import re
from typing import Any

from ..model import Document, Section, Table
from ..results import dec
from ..tables.reading import reading_of, reading_summary
from .folding import pages_text
from .width import clip, pad, width

MAX_COL = 24


def section_tree(sections: list[Section], depth: int = 0, names: dict[int, str] | None = None) -> list[str]:
    """The heading tree, each with its page (by the number printed on it when it prints one)."""
    out: list[str] = []
    for s in sections:
        page = f"  ({pages_text([s.page], names)})" if s.page else ""
        out.append("  " * depth + s.heading + page)
        out.extend(section_tree(s.children, depth + 1, names))
    return out


def table_grid(t: Table) -> list[str]:
    side_cols = [(side, [c for c in t.columns if c.side == side]) for side in dict.fromkeys(c.side for c in t.columns)]
    if not t.columns:
        side_cols = [(None, [])]
    out: list[str] = []
    for side, cols in side_cols:
        rows = [r for r in t.rows if r.side == side]
        head = ["编码", "名称"] + [c.key for c in cols]
        body = [[r.code or "", r.name] + [r.cells[c.key].text if c.key in r.cells else "" for c in cols] for r in rows]
        widths = [min(MAX_COL, max([width(h)] + [width(b[i]) for b in body])) for i, h in enumerate(head)]
        if side:
            out.append(f"  [{side}]")
        out.append("  " + " │ ".join(pad(clip(h, widths[i]), widths[i]) for i, h in enumerate(head)))
        out.append("  " + "─┼─".join("─" * w for w in widths))
        for b in body:
            cells = [pad(clip(v, widths[i]), widths[i], right=i >= 2) for i, v in enumerate(b)]
            out.append("  " + " │ ".join(cells))
    return out


def reading_line(t: Table) -> str:
    """"读取：正常（勾稽关系 10/10 项成立）" or "读取：存疑——…": whether to trust what is shown."""
    rd = reading_of(t)
    held = f"勾稽关系 {rd.held}/{rd.checked} 项成立" if rd.checked else "无可核对的勾稽关系"
    if rd.doubtful:
        return f"读取：存疑——{'；'.join(rd.reasons)}（{held}）"
    rows = f"；行内容存疑（{rd.row_reasons[0]}），不核对本表的内容要求" if rd.row_reasons else ""
    return f"读取：正常（{held}）" + ("；单位未标明" if not rd.unit_found else "") + rows


# which part of a disclosure the file is (ingest/gate.py), when it is not the whole of one
_PARTS = {"narrative": "只有情况说明（报表应在另一文件中）", "tables": "只有报表（情况说明应在另一文件中）",
          "attachment": "公开文件的附件（如绩效目标表），不核对其余报表和说明是否齐全"}


def render_text(doc: Document) -> str:
    m = doc.meta
    lines = [
        f"文件：{', '.join(m.sources) or doc.path}",
        f"单位：{m.organization or '未识别'}　年度：{m.year or '未识别'}　类型：{m.kind or '未识别'}　页数：{m.pages or '—'}",
        f"叙述段落 {len(doc.paragraphs)} 段，句子 {sum(len(p.sentences) for p in doc.paragraphs)} 句；表格 {len(doc.tables)} 张"
        + (f"（读取存疑 {n} 张）" if (n := reading_summary(doc)["doubtful"]) else "")
        + (f"；{_PARTS[doc.part]}" if doc.part in _PARTS else ""),
        "",
        "章节：",
    ]
    names = doc.meta.printed_pages
    lines += ["  " + s for s in section_tree(doc.sections, names=names)] or ["  （无）"]
    for t in doc.tables:
        pages = pages_text(t.pages, names).removeprefix("第").replace("页（", "（", 1).removesuffix("页") or "—"
        lines += [
            "",
            f"[{t.id}] {t.number or ''} {t.title or '（无标题）'}",
            f"  类型：{t.kind_name}（{t.kind}）　单位：{t.unit or '未标明'}　页：{pages}　行数：{len(t.rows)}"
            + ("　左右两栏" if t.two_sided else ""),
            "  " + reading_line(t),
        ]
        lines += [f"    · {b['rule']} {'第%s页 ' % b['page'] if b['page'] else ''}{b['message']}"
                  for b in reading_of(t).broken]
        lines += table_grid(t)
        for n in t.notes:  # a note printed with its own "注：" is shown once
            lines.append("  " + (n if re.match(r"^[（(]?\s*(注|备注|说明)", n) else f"注：{n}"))
    return "\n".join(lines)


def _sections_json(sections: list[Section]) -> list[dict[str, Any]]:
    return [
        {"number": s.number, "title": s.title, "level": s.level, "page": s.page, "children": _sections_json(s.children)}
        for s in sections
    ]


def as_json(doc: Document) -> dict[str, Any]:
    m = doc.meta
    return {
        "path": doc.path,
        "status": "ok",
        "meta": {"organization": m.organization, "year": m.year, "kind": m.kind, "pages": m.pages, "sources": m.sources},
        "sections": _sections_json(doc.sections),
        "paragraphs": [
            {
                "text": p.text,
                "page": p.page,
                "span": [p.start, p.end],
                "section": p.section,
                "sentences": [{"text": s.text, "span": [s.start, s.end], "page": s.page} for s in p.sentences],
            }
            for p in doc.paragraphs
        ],
        "tables": [
            {
                "id": t.id,
                "number": t.number,
                "title": t.title,
                "kind": t.kind,
                "kind_name": t.kind_name,
                "unit": t.unit,
                "pages": t.pages,
                "two_sided": t.two_sided,
                "notes": t.notes,
                "header_rows": t.header_rows,
                "reading": reading_of(t).as_dict(),
                "columns": [{"key": c.key, "path": list(c.path), "side": c.side,
                             **({"sum_of": list(c.sum_of), "sum_complete": c.sum_complete} if c.sum_of else {})}
                            for c in t.columns],
                # group headings printed without a column of their own, each the sum of its sub-columns
                "groups": [{"key": c.key, "path": list(c.path), "side": c.side, "sum_of": list(c.sum_of)}
                           for c in t.groups],
                "rows": [
                    {
                        "code": r.code,
                        "name": r.name,
                        "side": r.side,
                        "page": r.page,
                        "cells": {
                            k: {"text": c.text, "value": dec(c.value) if c.value is not None else None}
                            for k, c in r.cells.items()
                        },
                    }
                    for r in t.rows
                ],
            }
            for t in doc.tables
        ],
    }
