"""Assembles the item stream into tables and narrative lines.

Titles, 表N numbers and 单位 lines sit just above a grid; a grid with no title above it, after no
narrative, continues the table before it (a table that runs over pages is one table); a table of
contents is kept out of the narrative so its entries are not taken for sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Table
from ..tables.build import Grid, build_table, find_header_end
from ..tables.header import normalize_label
from ..tables.kinds import title_pattern, unit_of, unit_pattern
from ..numbers import parse_amount
from .items import GridItem, Item, LineItem

_TABLE_NO = re.compile(
    r"^(?:表\s*(\d+)|公开(\d+)表[:：]?"
    # a line holding only the table's number in other templates' words: 公开表一, 附表1-1, 表一, 表1-1
    r"|(?:附|公开|部门公开|预算公开|决算公开)?表\s*(?:\d+(?:[-－—]\d+)+|[一二三四五六七八九十]+(?:[-－—]\d+)*)"
    r"|(?:附|公开|部门公开|预算公开|决算公开)表\s*\d+)$"
)
_NOTE = re.compile(r"^[（(]?(备注|注[:：]|注\d|说明[:：])|本表|此表|无数据|空表")
_TOC = re.compile(r"^目\s*录$")
_LEADERS = re.compile(r"[.．…·‧•\s]*\d*$")  # a contents line's dot leaders and page number
_NUMBERED = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+[.．、])")
_NUMBERED_TITLE = re.compile(r"^(公开\d+表|表\d+|表[一二三四五六七八九十]+)[:：]?[^表]*$")
_TOTAL_ROW = re.compile(r"^(合计|总计)")
# a label line between a table's title and its grid: "部门：…", "编制单位：…", "单位名称：…"
_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}(部门|单位|机关|主管)(名称|代码)?(?:[（(][^（(）)]{0,6}[)）])?\s*[:：]")
_SUBTITLE = re.compile(r"^[（(][^（(）)]*[)）]$")  # "（按支出功能分类科目-不含上年结转）" under a title
_CAPTION = re.compile(r"^(部门|单位|填报单位|编制单位|预算单位|金额单位)(名称)?[:：]")


@dataclass
class _Open:
    title: str
    unit: str | None
    number: str | None
    rows: list[list[str]] = field(default_factory=list)
    row_pages: list[int | None] = field(default_factory=list)
    row_lines: list[int | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ncols: int = 0
    title_page: int | None = None  # a title alone at the foot of a page: the table touches that page
    col_x: list[float] = field(default_factory=list)
    header: list[list[str]] = field(default_factory=list)
    origin: object | None = None  # drafts: the sheet or Word table the grid came from


@dataclass
class Assembled:
    tables: list[Table]
    narrative: list[LineItem]
    toc: list[str]
    preamble: list[str]  # lines consumed around titles: 部门：…, 填报单位：…


def _table_number(m: re.Match) -> str:
    """"表3" for 表3 and 公开03表 (as before); other templates' numbers as printed ("公开表一", "附表1-1")."""
    n = m.group(1) or m.group(2)
    return f"表{n}" if n else m.group(0)


def _title_like(text: str) -> bool:
    t = normalize_label(text)
    return len(t) <= 70 and "。" not in t and bool(title_pattern().match(t))


def assemble(items: list[Item]) -> Assembled:
    tables: list[Table] = []
    narrative: list[LineItem] = []
    toc: list[str] = []
    preamble: list[str] = []
    pending: list[LineItem] = []
    current: _Open | None = None
    in_toc = False
    toc_page: int | None = None
    toc_seen: set[str] = set()

    def close() -> None:
        nonlocal current
        if current is None:
            return
        tid = f"t{len(tables) + 1}"
        grid = Grid(rows=current.rows, row_pages=current.row_pages, row_lines=current.row_lines)
        built = build_table(
            table_id=tid, title=current.title, unit=current.unit, grid=grid, number=current.number,
            notes=current.notes,
        )
        table = built[0]
        for t in built:
            t.origin = current.origin
        if current.title_page is not None and table.pages and table.pages[0] - 1 == current.title_page:
            table.pages = [current.title_page, *table.pages]
        tables.extend(built)
        current = None

    def flush_pending() -> None:
        narrative.extend(pending)
        pending.clear()

    for it in items:
        if isinstance(it, LineItem):
            text = it.text
            key = normalize_label(text)
            if _TOC.match(key):
                in_toc, toc_page = True, it.page
                toc_seen: set[str] = set()
                continue
            if in_toc:
                # the contents end where the document restarts from its first entry, at a sentence,
                # or on a new page that does not go on listing numbered entries
                new_page = it.page != toc_page
                ends = _TABLE_NO.fullmatch(key) or unit_pattern().search(text)  # "表1" or "单位：元"
                # an entry is known again without its dot leaders and page number: "第一部分 基本情况"
                # after "第一部分 基本情况……2" is the body starting
                entry = _LEADERS.sub("", key)
                if "。" in text or entry in toc_seen or ends or (new_page and not _NUMBERED.match(key)):
                    in_toc = False
                else:
                    toc_seen.add(entry)
                    toc_page = it.page
                    toc.append(key)
                    continue
            if current is not None and not pending and _NOTE.search(key) and len(key) < 120:
                current.notes.append(text)
                continue
            pending.append(it)
            # a narrative sentence ends any table in progress
            if not _title_like(text) and not unit_pattern().search(text) and not _TABLE_NO.match(key):
                if len(key) > 30 or "。" in key:
                    close()
            continue
        # a grid
        in_toc = False
        title, unit, number, used = _take_title(pending)
        if _blank(it):
            # an empty ruled row left at the top of a page still belongs to the table it continues
            if current is not None and not pending and _aligned(current, it) is not None:
                _append(current, it, drop_header=False)
            continue
        repeated = (
            title is not None
            and current is not None
            and title == current.title
            and it.page not in current.row_pages
            and (
                (number is not None and number == current.number)
                or (
                    number is None
                    and (_numbering_goes_on(current, it) or (_has_total(current.rows) and not _has_total(it.rows)))
                )
            )
        )  # a continuation page that repeats the table's number and title, or its title alone (the total
        # printed once, on the first page, or the 序号 running on)
        if (title is None or repeated) and current is not None and not _has_narrative(pending) and _continues(current, it):
            _append(current, it, drop_header=True)
            preamble.extend(p.text for p in pending)
            pending.clear()
            continue
        close()
        before = pending[: used[0]] if used else pending[:]
        after = pending[used[0] :] if used else []
        narrative.extend(before)
        preamble.extend(p.text for p in after)
        pending.clear()
        current = _Open(title=title or "", unit=unit, number=number, title_page=after[0].page if after else None,
                        origin=it.origin)
        _strip_captions(current, it)
        _append(current, it, drop_header=False)
    close()
    flush_pending()
    return Assembled(tables=tables, narrative=narrative, toc=toc, preamble=preamble)


def _strip_captions(cur: _Open, grid: GridItem) -> None:
    """Rows such as "部门：… | 单位：万元" drawn inside the table frame are captions, not header."""
    while grid.rows:
        filled = [c for c in grid.rows[0] if c]
        if not filled:
            grid.rows.pop(0)
            continue
        caption = any(_CAPTION.match(c) or unit_pattern().search(c) for c in filled) and len(filled) <= 4
        number = len(filled) == 1 and _TABLE_NO.match(normalize_label(filled[0]))
        # the title printed inside the frame, alone on its row, is the table's own: a line above the
        # frame may be a page header (a sheet name "表11-财拨结转支出表")
        titled = (not cur.title or len(filled) == 1) and all(_title_like(c) for c in filled) \
            and not any(_CAPTION.match(c) for c in filled)
        if not (caption or titled or number) or any(parse_amount(c) for c in filled):
            break
        if number:
            cur.number = cur.number or _table_number(number)
        for c in filled:
            m = unit_pattern().search(c)
            if m and not cur.unit:
                cur.unit = unit_of(m)
            elif titled and _title_like(c) and not _CAPTION.match(c):
                cur.title = normalize_label(c)
        grid.rows.pop(0)
        if grid.row_pages:
            grid.row_pages.pop(0)
        if grid.row_lines:
            grid.row_lines.pop(0)


def _has_total(rows: list[list[str]]) -> bool:
    """A 合计/总计 row, its label the first cell that is not a running number (序号)."""
    return any(_TOTAL_ROW.match(next((c for c in r if c and not c.isdigit()), "")) for r in rows)


def _blank(grid: GridItem) -> bool:
    return not any(c for r in grid.rows for c in r)


def _has_narrative(pending: list[LineItem]) -> bool:
    """Sentences between two grids; a long repeated title or a 单位 line is not narrative."""
    return any(
        (len(p.text) > 30 or "。" in p.text) and not _title_like(p.text) and not unit_pattern().search(p.text)
        for p in pending
    )


def _serial(row: list[str]) -> int | None:
    first = row[0].strip() if row else ""
    return int(first) if first.isdigit() and len(first) <= 4 else None


def _numbering_goes_on(cur: _Open, grid: GridItem) -> bool:
    """The grid's first 序号 follows the table's last one: page 2 of one table, not a new table."""
    last = next((n for r in reversed(cur.rows) if (n := _serial(r)) is not None), None)
    first = next((n for r in grid.rows if (n := _serial(r)) is not None), None)
    return last is not None and first is not None and first == last + 1 and last > 1


def _continues(cur: _Open, grid: GridItem) -> bool:
    ncols = max((len(r) for r in grid.rows), default=0)
    return abs(ncols - cur.ncols) <= 1 or _aligned(cur, grid) is not None


def _aligned(cur: _Open, grid: GridItem) -> list[list[str]] | None:
    """The grid's rows laid out in the table's columns, matched by left edges; None if they do not match.

    A continuation page may rule fewer columns than the table: a closing 合计 row spans the code
    and name columns, a 收支总表's last rows merge a side. Each cell goes to the table column that
    starts where it starts.
    """
    if not cur.col_x or not grid.col_x or len(grid.col_x) > len(cur.col_x):
        return None
    index: list[int] = []
    for x in grid.col_x:
        k = min(range(len(cur.col_x)), key=lambda j: abs(cur.col_x[j] - x))
        if abs(cur.col_x[k] - x) > 3 or (index and k <= index[-1]):
            return None
        index.append(k)
    out: list[list[str]] = []
    for r in grid.rows:
        row = [""] * len(cur.col_x)
        for j, text in enumerate(r[: len(index)]):
            row[index[j]] = text
        out.append(row)
    return out


def _append(cur: _Open, grid: GridItem, *, drop_header: bool) -> None:
    if not cur.col_x:
        cur.col_x = list(grid.col_x)
    elif len(grid.col_x) != len(cur.col_x):
        aligned = _aligned(cur, grid)
        if aligned is not None:
            grid.rows = aligned
    rows = grid.rows
    if drop_header and cur.header:
        # a continuation page often repeats the header rows
        hn = len(cur.header)
        if [list(map(normalize_label, r)) for r in rows[:hn]] == [list(map(normalize_label, r)) for r in cur.header]:
            rows = rows[hn:]
        else:
            hend = find_header_end(rows)
            if 0 < hend <= hn:
                rows = rows[hend:]
    n = len(grid.rows) - len(rows)
    pages = grid.row_pages or [grid.page] * len(grid.rows)
    if cur.rows and rows and cur.row_pages and pages[n] != cur.row_pages[-1]:
        joined = _split_figure(cur.rows, rows[0])
        if joined is not None:
            # a figure cut by the page break: its last digits are no row of their own
            cur.rows[-1] = joined
            rows = rows[1:]
            n += 1
    cur.rows.extend(rows)
    cur.row_pages.extend(pages[n:])
    cur.row_lines.extend((grid.row_lines or [None] * len(grid.rows))[n:])
    cur.ncols = max(cur.ncols, max((len(r) for r in rows), default=0))
    if not cur.header:
        cur.header = cur.rows[: find_header_end(cur.rows)]


_FRAGMENT = re.compile(r"^[\d,.]{1,12}$")
_WHOLE = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def _decimals(text: str) -> int | None:
    t = text.strip()
    return len(t) - t.index(".") - 1 if "." in t else 0


def _split_figure(rows: list[list[str]], frag: list[str]) -> list[str] | None:
    """The last row before a page break with the first row after it joined, when that row holds only
    the end of the figures above it ("1,234.5" + "6"): each fragment a few digits under a figure that is
    incomplete without it (ends in "," or ".", or has fewer decimals than its column prints) and whole
    with it. Anything else on the row (a name, a code, a figure that stands alone) leaves it a row."""
    prev = rows[-1]
    filled = [j for j, c in enumerate(frag) if c.strip()]
    if not filled or any(j >= len(prev) for j in filled):
        return None
    out = list(prev)
    for j in filled:
        head, tail = prev[j].strip(), frag[j].strip()
        if not head or not _FRAGMENT.match(tail) or not _WHOLE.match(head + tail):
            return None
        column = [r[j].strip() for r in rows[:-1] if j < len(r) and _WHOLE.match(r[j].strip())]
        usual = max(set(map(_decimals, column)), key=[_decimals(c) for c in column].count) if column else 2
        cut = head.endswith((",", ".")) or (len(tail) <= 2 and _decimals(head) < usual
                                              and _decimals(head + tail) == usual)
        if not cut or (_WHOLE.match(head) and _decimals(head) == usual):
            return None
        out[j] = head + tail
    return out


def _same_title_block(prev: LineItem, line: LineItem) -> bool:
    """A title set over two lines: the line just above, in the same (title) type size, is its start
    ("…一般公共预算拨款“三公”经费及" + "会议费、培训费支出预算表")."""
    size = line.size or 0
    return (
        size > 0
        and abs((prev.size or 0) - size) < 0.5
        and 0 < line.top - prev.top < 2.5 * size
        and not _TABLE_NO.match(normalize_label(prev.text))
        and not _title_like(prev.text)
    )


def _header_words_after(text: str, end: int) -> bool:
    """Words after the unit ("预算数（单位：万元） 绩效目标"): the line is a grid header carrying the unit,
    not a 单位 line ("单位：万元", "部门：… 单位：万元")."""
    rest = re.sub(r"^[\s)）\]】]+", "", text[end:])
    return bool(re.search(r"[\u4e00-\u9fff]{2,}", rest))


def _take_title(pending: list[LineItem]) -> tuple[str | None, str | None, str | None, list[int]]:
    """Find title, unit and number among the lines just above a grid; return the indexes used."""
    title = unit = number = None
    used: list[int] = []
    lookback = pending[-6:]
    base = len(pending) - len(lookback)
    for k in range(len(lookback) - 1, -1, -1):
        ln = lookback[k]
        key = normalize_label(ln.text)
        m = unit_pattern().search(ln.text)
        if m and unit is None:
            unit = unit_of(m)
            used.append(base + k)
            if ln.text[: m.start()].strip() and _header_words_after(ln.text, m.end()):
                # "项目 预算数（单位：万元） 绩效目标": the grid's header printed as a line; its unit holds for
                # the table, but it is no 单位 line under a title, so what stands above is read afresh
                continue
            rest = ln.text[: m.start()].strip()
            if rest and title is None and _title_like(rest):
                title = normalize_label(rest)
            continue
        tm = _TABLE_NO.match(key)
        if tm:
            number = number or _table_number(tm)
            used.append(base + k)
            continue
        if title is None and _title_like(ln.text):
            title = key
            used.append(base + k)
            # a title wrapped over two lines: "…政府采购支出预" + "算表"
            # or "公开09表：一般公共预算“三公”经费、会议费、培训费" + "支出预算表"
            prev = lookback[k - 1].text if k > 0 else ""
            if (
                k > 0
                and (
                    len(key) <= 4
                    or (len(key) <= 6 and _NUMBERED_TITLE.match(normalize_label(prev)))
                    or _same_title_block(lookback[k - 1], ln)
                )
                and lookback[k - 1].page == ln.page
                and "。" not in prev
                and len(prev) < 60
                and not unit_pattern().search(prev)
            ):
                title = normalize_label(lookback[k - 1].text) + key
                used.append(base + k - 1)
            continue
        if title is not None or number is not None:
            break
        blank_label = bool(_LABEL.match(key)) and len(key) <= 12  # "编制部门：" of a blank template
        if len(key) > 40 or "。" in key or _NUMBERED.match(key) or (key.endswith(("：", ":")) and not blank_label):
            break  # a section heading or a lead-in sentence ("…情况如下：") is narrative: keep it in the text
        if unit is not None and not (_LABEL.match(key) or _SUBTITLE.match(key)):
            break  # above a unit only a label (部门：…) or a subtitle (（按经济分类科目分）) belongs to the table
        used.append(base + k)  # 部门：…, 填报单位：… between title and grid, or a header line printed as text
    if title is None and unit is None and number is None:
        return None, None, None, []
    return title, unit, number, sorted(used)
