"""The pdfium reader against pdfplumber, the reference: the same items from the same page.

Both readers hand pdfplumber-shaped page objects to one page reader (ingest/pdf.py), so any
difference comes from how each parser sees the page; bench/readers.py compares every PDF of the
shared folders, these tests a few quick ones and the switch between readers.
"""

from __future__ import annotations

import json

import pytest

from auditor.cli import main
from auditor.errors import ReadError
from auditor.ingest import load, pdf_reader, using_reader
from auditor.ingest.pdf import read_pdf as read_with_pdfplumber
from auditor.ingest.pdfium import read_pdf as read_with_pdfium

from .conftest import corpus_file
from .pdfmaker import make_pdf
from .test_pdf_rules import ROWS, _canvas, _table, _titled

DISCLOSURE = ["某某局2021年部门预算", "一、部门收支总体情况", "收入预算802.57万元，支出预算802.57万元。", "决算 预算"]


def _same(path) -> None:  # noqa: ANN001
    want, pages = read_with_pdfplumber(str(path), workers=1)
    got, got_pages = read_with_pdfium(str(path))
    assert got_pages == pages
    assert [type(it).__name__ for it in got] == [type(it).__name__ for it in want]
    for a, b in zip(got, want):
        if hasattr(b, "rows"):
            assert (a.rows, a.page, a.row_pages) == (b.rows, b.page, b.row_pages)
            assert a.top == pytest.approx(b.top, abs=0.05) and a.bottom == pytest.approx(b.bottom, abs=0.05)
            assert a.col_x == pytest.approx(b.col_x, abs=0.05)
        else:
            assert (a.text, a.page, a.indent, a.short) == (b.text, b.page, b.indent, b.short)
            assert a.top == pytest.approx(b.top, abs=0.05) and a.size == pytest.approx(b.size, abs=0.05)


@pytest.mark.parametrize("rel", [
    "shanghai/附件2：部门决算模板.pdf",  # one ruled table per page, white cells, Times digits in FangSong text
    "jiangsu/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf",  # tables with rotated headers
])
def test_corpus_pages_read_the_same(rel):
    _same(corpus_file(rel))


@pytest.mark.parametrize("kind", ["white_boxes", "open_top"])
def test_drawn_tables_read_the_same(tmp_path, kind):
    """Rectangles (filled white, unstroked) and lines drawn one by one become the same ruling."""
    path = tmp_path / f"{kind}.pdf"
    c = _canvas(path)
    top = _titled(c)
    _table(c, top, ROWS[:4], white_boxes=kind == "white_boxes")
    c.showPage()
    c.setFont("STSong-Light", 10)
    _table(c, 780, ROWS[4:], open_top=kind == "open_top")
    c.save()
    _same(path)
    with using_reader("pdfium"):
        doc = load(str(path))
    assert any(len(t.rows) >= 5 for t in doc.tables)


def test_text_only_pdf_reads_the_same(tmp_path):
    _same(make_pdf(tmp_path / "plain.pdf", DISCLOSURE))


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_unreadable_files_give_the_same_errors(tmp_path, reader):
    cases = {
        "encrypted": make_pdf(tmp_path / "locked.pdf", DISCLOSURE, encrypt="secret"),
        "no_text_layer": make_pdf(tmp_path / "scan.pdf", [], text=False),
    }
    good = make_pdf(tmp_path / "good.pdf", DISCLOSURE)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:400])
    cases["corrupt"] = cut
    with using_reader(reader):
        for code, path in cases.items():
            with pytest.raises(ReadError) as info:
                load(str(path))
            assert info.value.code == code, (reader, path.name, info.value.message)


def test_the_reader_is_chosen_for_one_call_only():
    assert pdf_reader() == "pdfium"  # the default since issue 22 (bench/readers.md); pdfplumber the reference
    with using_reader("pdfplumber"):
        assert pdf_reader() == "pdfplumber"
    assert pdf_reader() == "pdfium"
    with pytest.raises(ValueError):
        with using_reader("pymupdf"):
            pass


def test_cli_and_api_take_the_reader(tmp_path, capsys):
    from auditor import audit

    path = make_pdf(tmp_path / "plain.pdf", DISCLOSURE)
    assert main([str(path), "--json", "--reader", "pdfplumber", "--fail-on", "never", "--isolated"]) == 0
    by_plumber = json.loads(capsys.readouterr().out)
    assert main([str(path), "--json", "--reader", "pdfium", "--fail-on", "never", "--isolated"]) == 0
    by_pdfium = json.loads(capsys.readouterr().out)
    assert by_plumber["documents"][0]["results"] == by_pdfium["documents"][0]["results"]
    report = audit(str(path), config=False, reader="pdfplumber")
    assert report.documents[0].status == "ok"
    assert pdf_reader() == "pdfium"  # the call's reader does not outlive it
    assert main([str(path), "--reader", "pymupdf"]) == 2



def test_text_in_a_font_pdfium_cannot_lay_out_is_still_read():
    """Beijing's 审计局 sets its titles in FZXiaoBiaoSong, a CID font neither embedded nor one
    pdfium can substitute: pdfium drops those characters, so the page is read by pdfplumber."""
    import pypdfium2 as pdfium

    from auditor.ingest.pdfium import page_objects

    from .conftest import SHARED

    path = SHARED / "wide" / "beijing" / "2026年北京市审计局部门预算.pdf"
    if not path.exists():
        pytest.skip("../shared/wide is not available")
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert page_objects(pdf[0], 1) is None and page_objects(pdf[1], 2) is not None
    finally:
        pdf.close()
    _same(path)
    texts = [it.text for it in read_with_pdfium(str(path))[0] if hasattr(it, "text")]
    assert "北京市审计局2026年度部门预算信息公开" in texts


def test_a_hyphen_ending_a_line_is_read(tmp_path):
    """pdfium marks a hyphen that ends a line as a control character (0x02): it is the printed "-"."""
    path = make_pdf(tmp_path / "hyphen.pdf", ["广州市司法局2022年-", "2023年信息化运维服务项目", "预算 决算 预算"])
    texts = [it.text for it in read_with_pdfium(str(path))[0]]
    assert texts == [it.text for it in read_with_pdfplumber(str(path), workers=1)[0]]
    assert texts[0].endswith("-")
