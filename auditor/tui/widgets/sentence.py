"""The sentence in its paragraph, the sentence underlined and the claimed figure highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...location import place
from ...results import Result
from ..session import Session, figure_span

FIGURE_STYLE = "bold black on #ffd54f"
SENTENCE_STYLE = "underline"

# what a result without a sentence compared, by Result.kind
NO_SENTENCE = {
    "table": "表内核对：比较同一张表中的数字，无叙述原文。",
    "cross_table": "表间核对：比较两张表中的同一数字，无叙述原文。",
    "disclosure": "公开完整性检查：核对应公开的表格和说明，无对应原文。",
}


def sentence_text(session: Session, r: Result) -> Text:
    """The paragraph around the result's span; table checks have no sentence and say so."""
    if r.span is None:
        page = place(r.location, r.page)
        page = f"{page}　" if page else ""
        t = Text(page + NO_SENTENCE.get(r.kind, "这条结果没有对应的叙述原文。"), style="dim")
        if r.text:
            t.append("\n")
            t.append(r.text)
        return t
    start, end = r.span
    para = session.paragraph_at(start)
    if para is None:
        return Text(r.text or session.doc.text[start:end])
    t = Text(para.text)
    for s in para.sentences:
        if s.start <= start < s.end:
            t.stylize(SENTENCE_STYLE, s.start - para.start, s.end - para.start)
            break
    fs, fe = figure_span(session.doc.text, start, end, r.claimed.value if r.claimed else None)
    t.stylize(FIGURE_STYLE, fs - para.start, max(fe, end) - para.start)
    page = place(r.location, para.page)
    page = f"{page}　" if page else ""
    section = para.section or ""
    head = Text(f"{page}{section}\n", style="dim") if (page or section) else Text()
    return Text.assemble(head, t)


class SentenceView(Static):
    def show(self, session: Session, r: Result) -> None:
        self.update(sentence_text(session, r))
