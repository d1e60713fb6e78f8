"""One place type for every piece of evidence: a page of a PDF, a cell of a workbook, a paragraph
of a Word document, a line of a text file, and which file when a disclosure spans several.

Readers say where each item came from; `auditor.locate` attaches a Location to every result and
evidence entry; every output (text, JSON, SARIF, TUI, annotated copies) renders this one type, so
no format works out positions on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA (spreadsheet column names)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@dataclass(frozen=True)
class Location:
    file: str | None = None  # set only when the disclosure spans several files
    page: int | None = None  # page within `file` (PDF)
    doc_page: int | None = None  # the same page numbered across all files of the disclosure
    sheet: str | None = None  # workbook sheet name
    cell: str | None = None  # "C12" in a sheet; "第2行第3列" in a Word table
    paragraph: int | None = None  # Word: 1-based paragraph (or table) number in the body
    line: int | None = None  # text input: 1-based line number
    formula: str | None = None  # the cell's formula, when its value was computed by one
    printed_page: str | None = None  # the number the page prints ("- 46 -"), when it differs from `page`

    def label(self) -> str:
        """Chinese, as a reviewer would look it up: "部门收支总表!B8", "报表.pdf第1页（第15页）", and a page by
        the number printed on it, the PDF's own index beside: "第46页（PDF第48页）"."""
        name = Path(self.file).name if self.file else ""
        if self.sheet:
            where = f"{self.sheet}!{self.cell}" if self.cell else f"工作表“{self.sheet}”"
        elif self.paragraph is not None:
            where = f"第{self.paragraph}段" + (f"（表格{self.cell}）" if self.cell else "")
        elif self.page is not None:
            notes = [f"PDF第{self.page}页"] if self.printed_page else []
            if self.file and self.doc_page is not None and self.doc_page != self.page:
                notes.append(f"第{self.doc_page}页")
            where = f"第{self.printed_page or self.page}页" + (f"（{'，'.join(notes)}）" if notes else "")
        elif self.line is not None:
            where = f"第{self.line}行"
        else:
            where = ""
        return f"{name}{where}" if name else where

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: v for k, v in self.__dict__.items() if v is not None}
        out["label"] = self.label()
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Location | None":
        if not d:
            return None
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__})

    def with_file(self, file: str | None) -> "Location":
        return replace(self, file=file)


@dataclass
class Origin:
    """Where a grid came from beyond pages: a sheet and the column each grid column sits in (rows
    carry their sheet row as Row.line), or a Word table and the paragraph number it follows."""

    file: str | None = None
    sheet: str | None = None
    columns: list[int] = field(default_factory=list)  # sheet column number of each grid column
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> "=SUM(B9:B12)"
    paragraph: int | None = None  # Word: the table's number in the body's paragraph count

    def cell(self, line: int | None, index: int) -> Location:
        """The Location of grid column `index` on source row `line`."""
        if self.sheet is not None:
            col = self.columns[index] if index < len(self.columns) else index + 1
            ref = f"{column_letter(col)}{line}" if line else None
            return Location(file=self.file, sheet=self.sheet, cell=ref,
                            formula=self.formulas.get((line, col)) if line else None)
        return Location(file=self.file, paragraph=self.paragraph,
                        cell=f"第{line}行第{index + 1}列" if line else None)


def place(loc: "Location | None", page: int | None) -> str:
    """What a screen or report prints for where something is: a draft's cell or paragraph, the
    file and its own page when a disclosure spans files, a page by its printed number; otherwise
    the page as before."""
    if loc is not None and (loc.sheet or loc.paragraph is not None or loc.file or loc.printed_page):
        return loc.label()
    return f"第{page}页" if page else ""
