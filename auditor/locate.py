"""Attaches a Location to every result and evidence entry, once, after the checks have run.

Checks speak in the document's own terms (a sentence's offsets, a table row and column, a page
numbered across the files of a disclosure); this pass turns them into places a reviewer can open:
`部门收支总表!B8`, `第12段`, `报表.pdf第1页（第15页）`. Every output renders what is set here.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .location import Location
from .model import Document, Row, Sentence, Table
from .results import Evidence, Result


def locate(doc: Document, results: list[Result]) -> None:
    where = _Where(doc)
    for r in results:
        for e in r.evidence:
            e.location = where.evidence(e)
        r.location = where.result(r)


class _Where:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.multi = len(doc.meta.sources) > 1
        self.tables = {t.id: t for t in doc.tables}
        self.sentences: list[Sentence] = list(doc.sentences())
        self.starts = [s.start for s in self.sentences]

    def _norm(self, loc: Location | None) -> Location | None:
        """A file is named only when the disclosure spans several."""
        if loc is None:
            return None
        if not self.multi and loc.file is not None:
            return replace(loc, file=None)
        return loc

    def page(self, page: int | None) -> Location | None:
        if page is None:
            return None
        offsets = self.doc.meta.page_offsets
        best = None
        for i, off in enumerate(offsets):
            if off is not None and page > off:
                best = i
        printed = self.doc.meta.printed_pages.get(page)
        if best is None or not self.multi:
            return Location(page=page, doc_page=page, printed_page=printed if printed != str(page) else None)
        off = offsets[best] or 0
        return Location(file=self.doc.meta.sources[best], page=page - off, doc_page=page,
                        printed_page=printed if printed != str(page - off) else None)

    def sentence(self, offset: int) -> Location | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        s = self.sentences[k]
        if s.loc is not None:
            return self._norm(s.loc)
        return self.page(s.page)

    def result(self, r: Result) -> Location | None:
        if r.span:
            loc = self.sentence(r.span[0])
            if loc is not None:
                return loc
        located = [e.location for e in r.evidence if e.location is not None and e.table_id]
        if r.page is None and located:
            return located[0]
        if r.page is not None:
            return self.page(r.page)
        return located[0] if located else None

    def evidence(self, e: Evidence) -> Location | None:
        table = self.tables.get(e.table_id or "")
        if table is None:
            return self.page(e.page)
        row = _row(table, e)
        if row is None:
            return self.page(e.page) or self._origin_only(table)
        if table.origin is not None:
            col = next((c for c in table.columns if c.key == e.column), None)
            return self._norm(table.origin.cell(row.line, col.index if col else 0))
        if row.page is not None or e.page is not None:
            return self.page(row.page or e.page)
        return Location(line=row.line) if row.line else None

    def _origin_only(self, table: Table) -> Location | None:
        o = table.origin
        if o is None:
            return None
        return self._norm(Location(file=o.file, sheet=o.sheet, paragraph=o.paragraph))


def _row(table: Table, e: Evidence) -> Row | None:
    rows = [r for r in table.rows if r.label == e.row]
    if not rows:
        return None
    for r in rows:
        cell = r.cells.get(e.column)
        if cell is not None and cell.text == e.value:
            return r
    return rows[0]
