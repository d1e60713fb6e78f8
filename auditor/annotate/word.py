"""Word comments on each 不通过/存疑 sentence of a .docx, anchored on exactly that sentence, and
one summary comment on the first paragraph for the findings about the whole document."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from ..atomic import replacing
from ..ingest.docx import _W, blocks, element_text
from ..results import VERDICT_LABELS
from .common import AUTHOR, MARKED, Finding, belongs, findings

_CELL = re.compile(r"第(\d+)行第(\d+)列")


def _split(run: Any, at: int) -> Any:
    """Cut a run's text at `at`: the run keeps the head, a copy with the same formatting (a new
    run after it) takes the tail. Returns the new run."""
    from docx.text.run import Run

    text = run.text
    tail_el = copy.deepcopy(run._r)
    run._r.addnext(tail_el)
    tail = Run(tail_el, run._parent)
    run.text = text[:at]
    tail.text = text[at:]
    return tail


def _sentence_runs(paragraph: Any, sentence: str) -> list[Any]:
    """The runs covering `sentence` in the paragraph, split so that they cover only it."""
    runs = list(paragraph.runs)
    full = "".join(r.text for r in runs)
    start = full.find(sentence) if sentence else -1
    if start < 0 or not runs:
        return runs or [paragraph.add_run("")]
    end = start + len(sentence)
    out, pos, k = [], 0, 0
    while k < len(runs):
        r = runs[k]
        a, b = pos, pos + len(r.text)
        if b <= start or a >= end or a == b:
            pos = b
            k += 1
            continue
        if a < start:  # the sentence starts inside this run
            tail = _split(r, start - a)
            runs.insert(k + 1, tail)
            pos = start
            k += 1
            continue
        if b > end:  # and ends inside this one
            _split(r, end - a)
        out.append(r)
        pos = b
        k += 1
    return out or runs


def _ours(f: Finding, src: str, group: list[str]) -> bool:
    """A finding this file's summary lists: one about the whole document (no place at all), or one
    whose place is in this file but could not be found in it (never one another file carries)."""
    if not f.placed:
        return True
    return any(belongs(loc, src, group) for loc in [f.where] + [e.get("location") for e in f.evidence])


def summary(marked: list[Finding], rest: list[Finding]) -> str:
    """The comment on the document's first paragraph: the counts of every 不通过/存疑, then in full
    each one no sentence carries (D101 no tables read, D104 a required section missing…), as
    the workbook's 审校结果 sheet lists them."""
    counts = "，".join(f"{VERDICT_LABELS[v]} {c} 条" for v in MARKED
                      if (c := sum(1 for f in marked if f.verdict == v)))
    lines = [f"审校结果（全文）：{counts}。以下 {len(rest)} 条针对全文，未落在某一句上：", ""]
    for k, f in enumerate(rest, 1):
        lines.append(f"{k}. {f.note()}")
    return "\n".join(lines)


def _summary_runs(doc: Any) -> list[Any]:
    """The runs of the first paragraph with text (the title, as a rule): where a reader starts."""
    first = next((p for p in doc.paragraphs if p.text.strip()), None)
    if first is None:
        first = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    return list(first.runs) or [first.add_run("")]


def annotate_docx(src: str, dst: Path, entry: dict[str, Any], group: list[str]) -> int:
    import docx
    from docx.text.paragraph import Paragraph

    doc = docx.Document(src)
    numbered = dict(blocks(doc.element.body))
    n = 0
    marked = findings(entry, MARKED)
    commented: set[int] = set()
    for k, f in enumerate(marked):
        places = [(f.where, f.text)] + [(e.get("location"), "") for e in f.evidence]
        for loc, sentence in places:
            if not belongs(loc, src, group) or loc.get("paragraph") not in numbered:
                continue
            el = numbered[loc["paragraph"]]
            if el.tag == _W + "tbl":
                m = _CELL.match(loc.get("cell") or "")
                rows = list(el.iterchildren(_W + "tr"))
                if not m or int(m.group(1)) > len(rows):
                    continue
                cells = list(rows[int(m.group(1)) - 1].iterchildren(_W + "tc"))
                if int(m.group(2)) > len(cells):
                    continue
                el = cells[int(m.group(2)) - 1].find(_W + "p")
                if el is None:
                    continue
            para = Paragraph(el, doc._body)
            if sentence and sentence not in element_text(el):
                sentence = ""
            doc.add_comment(_sentence_runs(para, sentence), text=f.note(), author=AUTHOR, initials="审")
            commented.add(k)
            n += 1
            break  # one comment per finding: on its sentence, else on its first cell in this file
    rest = [f for k, f in enumerate(marked) if k not in commented and _ours(f, src, group)]
    if rest:
        doc.add_comment(_summary_runs(doc), text=summary(marked, rest), author=AUTHOR, initials="审")
        n += 1
    with replacing(Path(dst)) as tmp:
        doc.save(str(tmp))
    return n
