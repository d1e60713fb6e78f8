"""Ruled tables as printers draw them, made on the fly: white padding boxes inside cells, a row
carried over a page break without its top rule, a lone carried row, text placed off the page.

Each PDF mimics a layout found in the corpus (Jiangsu 法院/检察院/人大 2017-2018); the corpus tests
check the real documents, these check the rule in isolation.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from auditor.checks.arithmetic import check_table
from auditor.ingest import load

_COLS = [90.0, 200.0, 120.0]
_ROW_H = 20.0
_X0 = 60.0
ROWS = [
    ["科目编码", "科目名称", "金额"],
    ["", "合计", "300.00"],
    ["301", "工资福利支出", "300.00"],
    ["30101", "基本工资", "100.00"],
    ["30102", "津贴补贴", "120.00"],
    ["30103", "奖金", "50.00"],
    ["30107", "绩效工资", "30.00"],
]


def _canvas(path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 10)
    return c


def _table(c, top: float, rows: list[list[str]], *, open_top: bool = False, white_boxes: bool = False) -> float:
    """Draw rows from `top` (PDF y, upwards) down; return the bottom y."""
    xs = [_X0]
    for w in _COLS:
        xs.append(xs[-1] + w)
    bottom = top - _ROW_H * len(rows)
    c.setLineWidth(0.5)
    for x in xs:
        c.line(x, top, x, bottom)
    for i in range(len(rows) + 1):
        if i == 0 and open_top:
            continue
        y = top - i * _ROW_H
        c.line(xs[0], y, xs[-1], y)
    for i, row in enumerate(rows):
        y = top - (i + 1) * _ROW_H
        for j, text in enumerate(row):
            if white_boxes:
                # the padding boxes of Jiangsu's 法院 tables: white, unstroked, inset 5pt
                c.setFillColorRGB(1, 1, 1)
                c.rect(xs[j] + 5, y + 1, 5, _ROW_H - 2, stroke=0, fill=1)
                c.rect(xs[j + 1] - 10, y + 1, 5, _ROW_H - 2, stroke=0, fill=1)
                c.rect(xs[j] + 10, y + 1, xs[j + 1] - xs[j] - 20, _ROW_H - 2, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            if text:
                c.drawString(xs[j] + 12, y + 6, text)
    return bottom


def _titled(c, title: str = "一般公共预算基本支出预算表") -> float:
    c.setFont("STSong-Light", 16)
    c.drawString(_X0, 815, "测试局2021年部门预算")  # the document's title: one table alone is no disclosure
    c.setFont("STSong-Light", 14)
    c.drawString(_X0, 790, title)
    c.setFont("STSong-Light", 10)
    c.drawString(_X0 + 300, 770, "单位：万元")
    return 760


def _basic(doc):
    (t,) = [t for t in doc.tables if t.kind == "gpb_basic"]
    return t


def test_white_padding_boxes_do_not_split_columns(tmp_path):
    c = _canvas(tmp_path / "boxes.pdf")
    _table(c, _titled(c), ROWS, white_boxes=True)
    c.showPage()
    c.save()
    import pdfplumber

    from auditor.ingest.pdf import _TABLE_SETTINGS
    from auditor.ingest.rules import ruled_page

    with pdfplumber.open(tmp_path / "boxes.pdf") as pdf:
        page = pdf.pages[0]
        # as drawn, the boxes' edges make sliver columns; as seen, there are three columns
        (raw,) = page.find_tables(_TABLE_SETTINGS)
        assert len(raw.rows[0].cells) > 3
        (seen,) = ruled_page(page).find_tables(_TABLE_SETTINGS)
        assert len(seen.rows[0].cells) == 3 and len(seen.rows) == len(ROWS)
    t = _basic(load(str(tmp_path / "boxes.pdf")))
    assert [col.key for col in t.columns] == ["金额"]
    assert t.find_row(code="30102").value("金额") == Decimal("120.00")
    assert all(r.verdict == "pass" for r in check_table(t))


def test_row_carried_over_a_page_break_without_its_top_rule(tmp_path):
    c = _canvas(tmp_path / "open.pdf")
    _table(c, _titled(c), ROWS[:4])
    c.showPage()
    c.setFont("STSong-Light", 10)
    _table(c, 800, ROWS[4:], open_top=True)  # the page break cut the rule above 30102
    c.showPage()
    c.save()
    doc = load(str(tmp_path / "open.pdf"))
    t = _basic(doc)
    assert t.pages == [1, 2]
    assert t.find_row(code="30102").value("金额") == Decimal("120.00")
    assert "津贴补贴" not in doc.text  # the row is not narrative
    assert all(r.verdict == "pass" for r in check_table(t))


def test_lone_carried_row_joins_its_table(tmp_path):
    c = _canvas(tmp_path / "lone.pdf")
    _table(c, _titled(c), ROWS[:-1])
    c.showPage()
    c.setFont("STSong-Light", 10)
    _table(c, 800, ROWS[-1:])  # one fully ruled row at the top of the next page
    c.drawString(_X0, 700, "说明：本表为一般公共预算基本支出。")
    c.showPage()
    c.save()
    t = _basic(load(str(tmp_path / "lone.pdf")))
    assert t.pages == [1, 2]
    assert t.find_row(code="30107").value("金额") == Decimal("30.00")
    assert all(r.verdict == "pass" for r in check_table(t))


def test_title_alone_at_the_foot_of_a_page_counts_as_a_table_page(tmp_path):
    c = _canvas(tmp_path / "title.pdf")
    c.setFont("STSong-Light", 11)
    c.drawString(_X0, 780, "一、部门预算情况说明。本部门收支预算如下表所示，详见各表。" * 1)
    c.setFont("STSong-Light", 14)
    c.drawString(_X0, 80, "一般公共预算基本支出预算表")
    c.showPage()
    c.setFont("STSong-Light", 10)
    c.drawString(_X0 + 300, 810, "单位：万元")
    _table(c, 800, ROWS)
    c.showPage()
    c.save()
    t = _basic(load(str(tmp_path / "title.pdf")))
    assert t.pages == [1, 2]


def test_text_placed_off_the_page_is_not_read(tmp_path):
    c = _canvas(tmp_path / "offpage.pdf")
    _table(c, _titled(c), ROWS)
    c.drawString(_X0, -200, "财政拨款基本支出预算表")  # below the sheet: clipped, never printed
    c.drawString(_X0, -230, "30199 其他工资福利支出 999.00")
    c.showPage()
    c.save()
    doc = load(str(tmp_path / "offpage.pdf"))
    assert "999.00" not in doc.text
    assert [t.kind for t in doc.tables] == ["gpb_basic"]
