"""The document model: plain dataclasses that every later stage reads and none mutates.

Data flows one way: ingest builds a Document; tables, claims and rules read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

from .location import Location, Origin
from .numbers import Amount


@dataclass
class Meta:
    organization: str | None = None
    year: int | None = None
    kind: str | None = None  # 部门预算 / 单位预算 / 部门决算 / 单位决算
    pages: int | None = None
    sources: list[str] = field(default_factory=list)
    page_offsets: list[int | None] = field(default_factory=list)  # per source: pages of the files before it
    printed_pages: dict[int, str] = field(default_factory=dict)  # page (numbered across files) -> number printed on it

    @property
    def stage(self) -> str:
        """预算 or 决算: budgets and final accounts print different columns and tables."""
        return "决算" if (self.kind or "").endswith("决算") else "预算"


@dataclass
class Sentence:
    text: str
    start: int  # offset into Document.text
    end: int
    page: int | None
    paragraph: int  # index into Document.paragraphs
    section: str | None = None  # the title path of the section it belongs to, "四、…/（一）…"
    loc: Location | None = None  # where a draft holds it (sheet cell, Word paragraph); None for PDF/text


@dataclass
class Paragraph:
    text: str
    start: int
    end: int
    page: int | None
    section: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    loc: Location | None = None


@dataclass
class Section:
    number: str  # "一、", "（一）", "1."
    title: str
    level: int  # 0 第N部分, 1 一、, 2 （一）, 3 1.
    page: int | None
    start: int  # offset of the heading in Document.text
    children: list["Section"] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"


@dataclass
class Cell:
    """One value cell. text is what was printed; amount is None when nothing numeric was printed.

    Blank ("") and 0.00 are different facts: a blank says nothing, 0.00 says zero.
    """

    text: str
    amount: Amount | None = None

    @property
    def value(self) -> Decimal | None:
        return self.amount.value if self.amount else None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def uncomputed(self) -> bool:
        """A workbook formula saved without its value (see ingest/xlsx.py): not a figure, not blank."""
        return self.text.startswith("=")


UNCOMPUTED = "公式未计算：请在 Excel 中保存后再审"


@dataclass
class Column:
    key: str  # "2021年预算数·小计"
    path: tuple[str, ...]
    index: int  # position in the source grid
    side: str | None = None  # "收入" / "支出" for two-sided tables
    # what the column means beyond its key (tables/meaning.py): the keys of the columns it adds up
    # (a 小计/合计 over its siblings, or a group heading printed without a 小计 column), and whether
    # those are all its parts (False when they follow a "其中", which lists only some)
    sum_of: tuple[str, ...] = ()
    sum_complete: bool = True
    derived: bool = False  # a group heading with no column of its own (基本支出 over 人员支出 | 公用经费)


@dataclass
class Row:
    name: str
    code: str | None
    cells: dict[str, Cell]
    page: int | None
    index: int  # position within the table (per side order)
    side: str | None = None
    line: int | None = None  # source line for text input

    @property
    def label(self) -> str:
        if self.code:
            return f"{self.code} {self.name}".strip()
        return self.name or f"第{self.index + 1}行（名称未印出）"

    def value(self, key: str) -> Decimal | None:
        cell = self.cells.get(key)
        return cell.value if cell else None


@dataclass
class Reading:
    """How well a table was read, computed once after assembly (tables/reading.py); every rule reads it.

    doubtful: the reading itself is in question (its own sums break all over, a column-number row
    read as data, no header), so its figures must not make anything 不通过. unit_found False alone
    is not doubt: the arithmetic needs no unit, only comparisons with other units do.
    """

    status: str = "ok"  # ok | doubtful
    reasons: list[str] = field(default_factory=list)
    unit_found: bool = True
    checked: int = 0  # the table's own arithmetic relations (T101–T105) with something printed
    held: int = 0  # of those, how many hold (within rounding)
    broken: list[dict] = field(default_factory=list)  # rule, row, column, page, message of each that broke
    # signs that the rows' codes and names were misread though the sums may hold (a code glued to its
    # name, two figures in a cell, an uncoded row of figures among coded ones): what a table shows
    # (its depth, its codes' names) is not judged then, what it adds up to still is
    row_reasons: list[str] = field(default_factory=list)
    # anchors of broken relations whose every figure another relation confirms in its place (the
    # document's own errors when the table reads right); in a doubtful table they are collapsed with
    # the rest: on wide/guangdong such "confirmations" of a misread table's sums were false
    confirmed: list[str] = field(default_factory=list)

    @property
    def doubtful(self) -> bool:
        return self.status == "doubtful"

    @property
    def rows_readable(self) -> bool:
        """Whether the table's rows can be judged for what they show, not only for their sums."""
        return not self.doubtful and not self.row_reasons

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "reasons": list(self.reasons),
            "unit_found": self.unit_found,
            "relations": {"checked": self.checked, "held": self.held},
            "broken": [dict(b) for b in self.broken],
            "row_reasons": list(self.row_reasons),
        }


@dataclass
class Table:
    id: str
    title: str
    kind: str  # a key from patterns/tables.yaml, "other" when unrecognised
    kind_name: str
    unit: str | None
    pages: list[int]
    columns: list[Column]
    rows: list[Row]
    number: str | None = None  # "表 3" / "三、" as printed
    notes: list[str] = field(default_factory=list)
    header_rows: list[list[str]] = field(default_factory=list)
    two_sided: bool = False
    reading: Reading | None = None  # set after assembly (tables/reading.py); None: not yet assessed
    # the subordinate unit this table covers in a 汇总 document that prints a section per unit;
    # None for the 部门 as a whole (and for every table of an ordinary document)
    section: str | None = None
    origin: Origin | None = None  # a workbook sheet or Word table: where each cell sits
    # group headings printed without a 小计 column, each the sum of its sub-columns (Column.derived);
    # kept apart from `columns`, whose every key has cells, so no sum counts a figure twice
    groups: list[Column] = field(default_factory=list)

    def column(self, key: str, side: str | None = None) -> Column | None:
        """A printed column, or a group heading read as the sum of its sub-columns, by key."""
        return next((c for c in [*self.columns, *self.groups] if c.key == key and (side is None or c.side == side)),
                    None)

    def value_of(self, row: Row, key: str) -> Decimal | None:
        """A row's figure in a column, a group heading's being the sum of its sub-columns' figures."""
        col = self.column(key, row.side)
        if col is None or not col.derived:
            return row.value(key)
        values = [self.value_of(row, k) for k in col.sum_of]
        return sum((v for v in values if v is not None), Decimal(0)) if any(v is not None for v in values) else None

    def value_columns(self, side: str | None = None) -> list[Column]:
        return [c for c in self.columns if side is None or c.side == side]

    def rows_on(self, side: str | None) -> list[Row]:
        return [r for r in self.rows if r.side == side]

    @property
    def empty(self) -> bool:
        return all(c.amount is None for r in self.rows for c in r.cells.values())

    def find_row(self, *, code: str | None = None, name: str | None = None, side: str | None = None) -> Row | None:
        for r in self.rows:
            if side is not None and r.side != side:
                continue
            if code is not None and r.code == code:
                return r
            if name is not None and r.name == name:
                return r
        return None


@dataclass
class Document:
    path: str
    meta: Meta
    text: str  # the narrative, paragraphs joined by "\n"
    paragraphs: list[Paragraph]
    sections: list[Section]
    tables: list[Table]
    source: str = "pdf"  # "pdf" | "text"
    previous: "Document | None" = None  # last year's disclosure of the same body, when given
    textless_pages: list[int] = field(default_factory=list)  # PDF pages with no text at all (blank or image)
    part: str = "full"  # which part of a disclosure the file is: full | narrative | tables | attachment (ingest/gate.py)
    # the audit's settings.Settings (region, rule selection, severities, tolerances, patterns), set by
    # engine.audit_document for the checks to read; typed loosely so the model imports no settings
    settings: Any = field(default=None, repr=False, compare=False)


    def sentences(self) -> Iterator[Sentence]:
        for p in self.paragraphs:
            yield from p.sentences

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]
