"""The official 普陀区 template (issue 23 item 1): blank, it is D109 with its placeholders; partly
filled, it is audited; its sheets are found by their title rows whatever their names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.engine import audit_document
from auditor.ingest import load

from .conftest import SHARED

TEMPLATES = [SHARED / "drafts" / "普陀区2026年部门预算公开模板.xlsx", SHARED / "drafts" / "普陀区2026年单位预算公开模板.xlsx"]
KINDS = {"部门收支总表", "财政拨款收支总表", "一般公共预算支出表", "政府性基金表", "基本支出表", "三公经费表"}


def _template(i: int = 0) -> Path:
    if not TEMPLATES[i].exists():
        pytest.skip("../shared/drafts is not available")
    return TEMPLATES[i]


@pytest.mark.parametrize("i", [0, 1])
def test_the_blank_template_is_read_and_named_a_template(i, capsys):
    path = _template(i)
    doc = load(str(path))
    assert len(doc.tables) >= 8 and all(t.title for t in doc.tables)  # every table by its title row
    results = audit_document(doc)
    d109 = [r for r in results if r.rule == "D109"]
    assert d109 and d109[0].verdict == "warn" and "未填写的模板" in d109[0].message and "第页" not in d109[0].message
    assert any(r.rule == "D105" for r in results)  # its placeholders
    assert not any(r.verdict == "fail" for r in results)  # a blank template is one D109, not dozens of fails
    code = main([str(path), "--isolated"])
    out = capsys.readouterr().out
    assert code == 0 and "工作簿中没有可识别的预算表格" not in out and "D109" in out


def _filled(tmp_path: Path, rename: bool = False) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(_template())
    ws = wb["部门收支总表"]
    ws["A4"] = "编制部门：上海市普陀区测试局"
    for cell, value in {"B8": 1000000, "B9": 900000, "B10": 100000, "B11": 0, "C8": "一、一般公共服务支出",
                        "D8": 600000, "C9": "二、公共安全支出", "D9": 400000, "B21": 1000000, "D21": 1000000}.items():
        ws[cell] = value
    if rename:
        for n, sheet in enumerate(wb.worksheets, 1):
            sheet.title = f"Sheet{n}"
    out = tmp_path / ("renamed.xlsx" if rename else "filled.xlsx")
    wb.save(out)
    return out


@pytest.mark.parametrize("rename", [False, True])
def test_a_partly_filled_template_is_audited(tmp_path, rename):
    path = _filled(tmp_path, rename)
    doc = load(str(path))
    assert doc.meta.organization == "上海市普陀区测试局"
    summary = next(t for t in doc.tables if t.title == "2026年部门财务收支预算总表")
    assert summary.origin.sheet == ("Sheet7" if rename else "部门收支总表")
    results = audit_document(doc)
    assert not any(r.rule == "D109" and r.verdict == "warn" for r in results)  # figures: no longer blank
    held = [r for r in results if r.rule.startswith("T") and r.verdict == "pass"
            and any(e.table_id == summary.id for e in r.evidence)]
    assert held  # the figures typed in are checked


def test_a_partly_filled_template_with_an_error_fails(tmp_path, capsys):
    path = _filled(tmp_path)
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb["部门收支总表"]["D21"] = 900000  # 支出总计 no longer equals 收入总计
    wb.save(path)
    code = main([str(path), "--isolated", "--json", "--rules", "T"])
    out = capsys.readouterr().out
    assert code == 1 and '"rule": "T104"' in out and "部门收支总表!D21" in out
