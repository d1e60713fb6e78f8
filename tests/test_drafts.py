"""Drafts: the 普陀区 sample workbook and its Word narrative read like their printed (text) form;
locations name sheet and cell or paragraph; hostile drafts give one line and exit 3."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.errors import EXIT_UNREADABLE, ReadError
from auditor.ingest import load

from .conftest import SAMPLES, SHARED, load_cached

XLSX = SAMPLES / "putuo_draft_2026.xlsx"
DOCX = SAMPLES / "putuo_draft_2026.docx"
TEXT = SAMPLES / "putuo_draft_2026.txt"
NARRATIVE_SHEETS = ("封面", "目录", "部门主要职能", "部门机构设置", "名词解释", "部门编制说明", "其他相关情况说明", "项目经费情况说明")


def _audited(*paths: str):
    from auditor.engine import audit_document

    doc = load_cached(*paths)
    return doc, audit_document(doc)


def _rows(table):
    return [(r.code, r.name, {k: c.text for k, c in r.cells.items()}) for r in table.rows]


def _results(results):
    return Counter((r.rule, r.verdict, r.message) for r in results)


def test_workbook_reads_like_its_printed_form():
    draft, from_draft = _audited(str(XLSX))
    printed, from_text = _audited(str(TEXT))
    assert (draft.meta.organization, draft.meta.year, draft.meta.kind) == ("上海市普陀区样例局", 2026, "部门预算")
    assert [(t.title, t.kind, t.unit) for t in draft.tables] == [(t.title, t.kind, t.unit) for t in printed.tables]
    assert len(draft.tables) == 9 and all(t.kind != "other" for t in draft.tables)
    for a, b in zip(draft.tables, printed.tables):
        assert [c.key for c in a.columns] == [c.key for c in b.columns]
        assert _rows(a) == _rows(b)
    assert [p.text for p in draft.paragraphs] == [p.text for p in printed.paragraphs]
    assert _results(from_draft) == _results(from_text)
    assert not [r for r in from_draft if r.verdict == "fail"]


def test_word_narrative_reads_like_the_printed_narrative():
    word = load_cached(str(DOCX))
    printed = load_cached(str(TEXT))
    # the printed form has a 目录 sheet; the line after its last entry is taken into the contents
    # (assemble's rule for where a table of contents ends), the Word copy has no contents
    texts = {p.text for p in printed.paragraphs} | set(printed.toc)
    assert [p.text for p in word.paragraphs if p.text not in texts] == []
    assert len(word.paragraphs) > 40
    # headings the author styled (标题 1) but did not number are sections all the same
    assert "上海市普陀区样例局主要职能" in [s.title for s in word.sections]


def test_word_and_tables_together_check_the_same_claims(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(XLSX)
    for name in NARRATIVE_SHEETS:
        del wb[name]
    tables = tmp_path / "报表.xlsx"
    wb.save(tables)
    _, together = _audited(str(DOCX), str(tables))
    _, whole = _audited(str(XLSX))
    claims = lambda rs: Counter((r.rule, r.verdict, r.text) for r in rs if r.rule.startswith("N"))  # noqa: E731
    assert claims(together) == claims(whole)
    n101 = next(r for r in together if r.rule == "N101" and r.verdict == "pass")
    assert n101.location.file == str(DOCX) and n101.location.paragraph
    assert n101.evidence[0].location.file == str(tables) and n101.evidence[0].location.sheet


def test_locations_name_sheet_and_cell():
    _, results = _audited(str(XLSX))
    t101 = next(r for r in results if r.rule == "T101")
    cells = [e.location for e in t101.evidence]
    assert all(c.sheet and re.fullmatch(r"[A-Z]+\d+", c.cell) for c in cells)
    assert t101.location.file is None  # one file: not named
    n101 = next(r for r in results if r.rule == "N101" and r.verdict == "pass")
    assert n101.location.sheet in NARRATIVE_SHEETS and n101.location.label().startswith(n101.location.sheet + "!A")
    d = n101.as_dict()
    assert d["location"]["label"] == n101.location.label()
    assert d["evidence"][0]["location"]["sheet"]


def test_evidence_cell_is_the_printed_cell():
    import openpyxl

    _, results = _audited(str(XLSX))
    wb = openpyxl.load_workbook(XLSX)
    for r in results:
        for e in r.evidence:
            loc = e.location
            if loc and loc.sheet and loc.cell and e.value and e.value != "空白":
                value = wb[loc.sheet][loc.cell].value
                assert value is not None, (r.rule, loc)
                assert Decimal_of(e.value) == Decimal_of(str(value)), (r.rule, loc, e.value, value)


def Decimal_of(text: str):
    from decimal import Decimal

    return Decimal(text.replace(",", ""))


def _with_formula(tmp_path: Path, cached: str | None) -> Path:
    """The sample with the 支出总表 合计·基本支出 cell as =SUM(...), saved with or without a value."""
    import openpyxl

    wb = openpyxl.load_workbook(XLSX)
    ws = wb["部门支出总表"]
    ws["F20"].value = "=F9+F13+F17"
    path = tmp_path / "formula.xlsx"
    wb.save(path)
    if cached is not None:  # as Excel saves it: the formula and its last value
        data = {}
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                data[n] = z.read(n)
        sheet = next(n for n in data if n.startswith("xl/worksheets/") and b"F9+F13+F17" in data[n])
        data[sheet] = re.sub(rb"<f>F9\+F13\+F17</f>(<v\s*/>|<v></v>)?", b"<f>F9+F13+F17</f><v>" + cached.encode() + b"</v>",
                             data[sheet])
        with zipfile.ZipFile(path, "w") as z:
            for n, b in data.items():
                z.writestr(n, b)
    return path


def test_formula_counts_by_its_saved_value_and_is_kept_in_evidence(tmp_path):
    from auditor.engine import audit_document

    results = audit_document(load(str(_with_formula(tmp_path, "5814030"))))
    hits = [e for r in results for e in r.evidence if e.location and e.location.formula]
    assert hits and all(e.location.formula == "=F9+F13+F17" and e.value == "5,814,030" for e in hits)
    assert not [r for r in results if r.verdict == "fail"]


def test_formula_without_saved_value_is_unverified(tmp_path):
    from auditor.engine import audit_document

    results = audit_document(load(str(_with_formula(tmp_path, None))))
    pending = [r for r in results if "公式未计算：请在 Excel 中保存后再审" in r.message]
    assert pending and all(r.verdict == "unverified" for r in pending)
    assert not [r for r in results if r.verdict == "fail"]  # not read as 0 or blank


# ------------------------------------------------------------------ hostile drafts


def _expect(path: Path, code: str) -> None:
    with pytest.raises(ReadError) as info:
        load(str(path))
    assert info.value.code == code and str(path) in info.value.message and "\n" not in info.value.message


def test_encrypted_workbook(tmp_path):
    # an Office file with an open password is an OLE container holding EncryptionInfo
    p = tmp_path / "locked.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le") + bytes(500))
    _expect(p, "encrypted_office")


def test_old_xls_asks_for_xlsx(tmp_path):
    p = tmp_path / "old.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "Workbook".encode("utf-16-le") + bytes(500))
    _expect(p, "old_office")


def test_docx_that_is_a_zip_of_something_else(tmp_path):
    p = tmp_path / "说明.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photos/1.jpg", b"\xff\xd8\xff" + bytes(100))
    p.write_bytes(buf.getvalue())
    _expect(p, "not_office")


def test_workbook_with_no_recognisable_table(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["姓名", "部门", "预算"], ["张三", "办公室", 12], ["李四", "财务科", 15]):
        ws.append(row)
    p = tmp_path / "名单.xlsx"
    wb.save(p)
    _expect(p, "no_table")


def test_oversized_sheet(tmp_path, monkeypatch):
    import auditor.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 20_000)  # the sample's sheets unpack to more than this
    _expect(XLSX, "too_large")


def test_hostile_drafts_one_line_each_and_exit_3(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    code = main([str(bad), str(old), "--json"])
    out, err = capsys.readouterr()
    assert code == EXIT_UNREADABLE
    assert [d["error"]["code"] for d in json.loads(out)["documents"]] == ["corrupt", "old_office"]
    lines = [ln for ln in err.splitlines() if ln]
    assert len(lines) == 2 and all(ln.startswith("audit: ") for ln in lines) and "Traceback" not in err


def test_folders_pick_up_drafts(tmp_path):
    from auditor.batch import expand

    for name in ("a.docx", "b.xlsx", "c.pdf", "~$b.xlsx", "d.txt", "e.png"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(f).name for f in expand([str(tmp_path)])] == ["a.docx", "b.xlsx", "c.pdf", "d.txt"]


# ------------------------------------------------------------------ pages per file, SARIF


def test_pages_name_their_file_when_a_disclosure_spans_files():
    from auditor.locate import _Where
    from auditor.model import Document, Meta

    meta = Meta(sources=["说明.pdf", "报表.pdf"], page_offsets=[0, 14])
    doc = Document(path="说明.pdf", meta=meta, text="", paragraphs=[], sections=[], tables=[])
    loc = _Where(doc).page(15)
    assert (loc.file, loc.page, loc.doc_page) == ("报表.pdf", 1, 15)
    assert loc.label() == "报表.pdf第1页（第15页）"
    assert _Where(doc).page(3).label() == "说明.pdf第3页"
    single = Document(path="a.pdf", meta=Meta(sources=["a.pdf"], page_offsets=[0]), text="", paragraphs=[], sections=[], tables=[])
    assert _Where(single).page(3).label() == "第3页"


def test_sarif_points_at_the_file_of_each_finding():
    from auditor.report.sarif import to_sarif

    result = {"rule": "N101", "verdict": "fail", "severity": "error", "message": "m", "key": "k", "page": 15,
              "text": "句子。", "span": [0, 3],
              "location": {"file": "报表.pdf", "page": 1, "doc_page": 15, "label": "报表.pdf第1页（第15页）"}}
    rep = {"documents": [{"status": "ok", "path": "说明.pdf + 报表.pdf", "results": [result]}]}
    loc = to_sarif(rep)["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("%E6%8A%A5%E8%A1%A8.pdf")
    assert loc["physicalLocation"]["properties"]["page"] == 1
    assert loc["message"]["text"] == "报表.pdf第1页（第15页）"


# ------------------------------------------------------------------ annotated copies


def _broken_draft(tmp_path: Path) -> tuple[Path, Path]:
    """The sample with one narrative figure retyped (N101) and one table cell changed (T101/T103)."""
    import docx
    import openpyxl

    wb = openpyxl.load_workbook(XLSX)
    ws = wb["部门编制说明"]
    ws["A4"].value = ws["A4"].value.replace("466.41", "476.41")
    wb["部门支出总表"]["F11"].value = 4_664_000
    x = tmp_path / "draft.xlsx"
    wb.save(x)
    d = docx.Document(DOCX)
    for p in d.paragraphs:
        for r in p.runs:
            r.text = r.text.replace("466.41", "476.41")
    w = tmp_path / "说明.docx"
    d.save(w)
    return x, w


def test_annotated_workbook(tmp_path, capsys):
    import openpyxl

    x, _ = _broken_draft(tmp_path)
    before = x.read_bytes()
    out = tmp_path / "draft.审校.xlsx"
    assert main([str(x), "--annotate", str(out)]) == 1
    assert x.read_bytes() == before  # the original is never touched
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "审校结果"
    cell = wb["部门编制说明"]["A4"]
    assert cell.comment is not None and "N101" in cell.comment.text and "476.41" not in cell.comment.text[:0]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    marked = wb["部门支出总表"]["F11"]
    assert marked.comment is not None and "T10" in marked.comment.text
    listing = wb["审校结果"]
    links = [c.hyperlink.location if c.hyperlink.location else c.hyperlink.target
             for c in listing["D"][1:] if c.hyperlink is not None]
    assert "#'部门编制说明'!A4" in [("#" + ln if not ln.startswith("#") else ln) for ln in links]
    assert [c.value for c in listing[1]] == ["序号", "结论", "规则", "位置", "说明", "原文"]


def test_annotated_word_document_and_dir_for_several_inputs(tmp_path, capsys):
    import docx
    import openpyxl

    x, w = _broken_draft(tmp_path)
    wb = openpyxl.load_workbook(x)
    for name in NARRATIVE_SHEETS:
        del wb[name]
    tables = tmp_path / "报表.xlsx"
    wb.save(tables)
    outdir = tmp_path / "审校"
    assert main(["--together", str(w), str(tables), "--annotate", str(outdir)]) == 1
    copy = docx.Document(outdir / "说明.审校.docx")
    comments = [c for c in copy.comments if "N101" in c.text]
    assert len(comments) == 1 and "依据" in comments[0].text and "476.41" in comments[0].text
    # the comment is anchored on the sentence, not the whole document
    xml = copy.element.body.xml
    cid = comments[0].comment_id
    start = xml.index(f'<w:commentRangeStart w:id="{cid}"/>')
    end = xml.index(f'<w:commentRangeEnd w:id="{cid}"/>')
    anchored = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml[start:end]))
    assert anchored.startswith("1. “行政运行”科目476.41万元") and anchored.endswith("。")
    assert (outdir / "报表.审校.xlsx").exists()


def test_annotated_pdf(tmp_path, capsys):
    from pypdf import PdfReader

    src = SAMPLES / "seed.pdf"
    out = tmp_path / "seed.审校.pdf"
    main([str(src), "--annotate", str(out)])
    notes = [a.get_object() for p in PdfReader(out).pages for a in (p.get("/Annots") or [])]
    highlights = [a for a in notes if a["/Subtype"] == "/Highlight"]
    assert highlights and any("688.27" in a["/Contents"] and "N101" in a["/Contents"] for a in highlights)
    assert all(len(a["/QuadPoints"]) % 8 == 0 for a in highlights)


def test_annotate_refuses_to_overwrite_the_input(tmp_path, capsys):
    x = tmp_path / "d.xlsx"
    x.write_bytes(XLSX.read_bytes())
    assert main([str(x), "--annotate", str(x)]) == 2
    assert x.read_bytes() == XLSX.read_bytes()


@pytest.mark.skipif(not (SHARED / "drafts").exists(), reason="../shared/drafts is not available")
def test_sample_script_reproduces_the_shipped_draft(tmp_path):
    """The shipped files are what samples/putuo_draft_2026.py writes from the template."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("putuo", SAMPLES / "putuo_draft_2026.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    wb = mod.fill(SHARED / "drafts" / "普陀区2026年部门预算公开模板.xlsx")
    assert mod.text_form(wb) == TEXT.read_text(encoding="utf-8")
    template = __import__("openpyxl").load_workbook(SHARED / "drafts" / "普陀区2026年部门预算公开模板.xlsx")
    assert wb.sheetnames == template.sheetnames  # the template's structure kept
    assert [sorted(map(str, ws.merged_cells.ranges)) for ws in wb] == [sorted(map(str, ws.merged_cells.ranges)) for ws in template]


def test_review_app_opens_a_draft_and_shows_sheet_and_cell(tmp_path):
    pytest.importorskip("textual")
    from auditor.tui.app import AuditApp

    from .pilot import screen_text, sync

    x, _ = _broken_draft(tmp_path)

    @sync
    async def run():
        app = AuditApp(str(x))
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.review
            assert screen.session is not None, screen.error
            i = screen.current()
            assert screen.session.results[i].verdict == "fail"
            text = screen_text(app)
            assert re.search(r"[\w“”]+!\w+\d+", text), text  # a sheet!cell in the panes

    run()
