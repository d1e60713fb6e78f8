"""The text report folds results of one class (issue 23 item 3): 无法核对 by reason class, 存疑 by page
or table with every snippet or cell still named; 不通过 never folded; -v lists each."""

from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.report.folding import reason_class
from auditor.report.json_report import document_entry, report
from auditor.report.terminal import render

from .conftest import SHARED, load_cached


def _r(rule: str, verdict: str, message: str, page: int, text: str = "", kind: str = "claim",
       table: str | None = None, severity: str = "info") -> dict:
    ev = [{"table": table, "table_id": "t1", "row": "", "column": "", "value": "", "unit": None, "page": page,
           "location": None}] if table else []
    return {"id": f"{rule}-{page}-{len(message)}", "key": f"{rule}:{message}", "rule": rule, "kind": kind,
            "verdict": verdict, "severity": severity, "page": page, "text": text or message, "span": None,
            "claimed": None, "expected": None, "tolerance": None, "message": message, "evidence": ev,
            "location": None}


def _report(results: list[dict]) -> dict:
    summary = {v: sum(r["verdict"] == v for r in results) for v in ("pass", "fail", "warn", "unverified")}
    doc = {"path": "x.pdf", "status": "ok", "meta": {"organization": "测试局", "year": 2021, "kind": "部门预算"},
           "tables": [], "summary": summary, "results": results}
    return {"documents": [doc], "summary": {"documents": 1, **summary}}


NAMES = ["基本支出", "项目支出", "行政运行", "社会组织管理", "抚恤", "殡葬", "儿童福利", "老年福利"]


def _many() -> list[dict]:
    out = [_r("N102", "unverified", f"表格中没有“{n}”的上年数，无法核对增加{i}.5{i}万元。", 20 + i,
              text=f"（{i}）{n} {i}.00 万元，较上年增加 {i}.5{i} 万元。") for i, n in enumerate(NAMES)]
    out += [_r("N102", "unverified", f"叙述说的是“{n}中的公用经费”的变动，表格未列示其上年数，无法核对。", 30 + i,
               text=f"公用经费 {i}.00 万元，较上年增加 1.00 万元。") for i, n in enumerate(NAMES)]
    out += [_r("T101", "warn", f"20{i}01 科目{i}「合计」100.0{i}万元，下级科目（20{i}0101、20{i}0102）之和为100.0{i + 1}万元，"
               "相差0.01万元，在四舍五入允许范围（±0.015万元）内。", 10, kind="table", table="支出总表",
               text=f"支出总表：20{i}01 科目{i}") for i in range(4)]
    out += [_r("P134", "warn", f"中文中夹用半角标点（:）：“{n}: 指”。", 51, text=f"{n}: 指……。") for n in NAMES[:5]]
    out += [_r("N101", "fail", f"“{n}”应为1.00万元，叙述写为2.00万元。", 40 + i, severity="error",
               text=f"{n}2.00万元。") for i, n in enumerate(NAMES[:3])]
    return out


def test_reason_class_masks_subject_and_figures():
    assert reason_class("表格中没有“基本支出”的上年数，无法核对增加98.11万元。") == \
        reason_class("表格中没有“项目支出”的上年数，无法核对减少1,073.01万元。") == "表格中没有“…”的上年数"
    assert reason_class("未能识别这个数字说的是哪一项，无法核对。") == "未能识别这个数字说的是哪一项"


def test_one_line_per_class_and_every_finding_still_named():
    results = _many()
    text = render(_report(results))
    lines = text.splitlines()
    assert len(lines) < 20, text
    assert sum("[无法核对] N102" in line for line in lines) == 2  # two reason classes
    assert "×8" in text and "基本支出" in text
    rounding = [line for line in lines if "T101" in line]
    assert len(rounding) == 1 and "×4" in rounding[0] and "《支出总表》" in rounding[0]
    assert all(f"20{i}01 科目{i}「合计」相差0.01万元" in rounding[0] for i in range(4))  # every 存疑 named
    p134 = [line for line in lines if "P134" in line]
    assert len(p134) == 1 and "第51页" in p134[0] and "×5段" in p134[0] and all(f"“{n}: 指”" in p134[0] for n in NAMES[:5])
    assert sum("[不通过·错误] N101" in line for line in lines) == 3  # 不通过 one by one


def test_verbose_lists_each():
    results = _many()
    text = render(_report(results), verbose=True)
    assert sum("[无法核对]" in line for line in text.splitlines()) == 16
    assert sum("[存疑·提示]" in line for line in text.splitlines()) == 9


def test_a_reviewed_result_is_never_folded():
    results = _many()
    results[0]["review"] = {"status": "accepted", "comment": "上年数另见附表"}
    text = render(_report(results))
    assert "批注：上年数另见附表" in text and "×7" in text


LONG = SHARED / "regions" / "shaanxi" / "西安市民政局_2021_部门综合预算.pdf"
GUANGZHOU = SHARED / "regions" / "guangdong" / "广州市司法局_2026_部门预算.pdf"


@pytest.mark.parametrize("path,limit", [(LONG, 60), (GUANGZHOU, 40)])
def test_long_real_reports_stay_short(path, limit):
    if not path.exists():
        pytest.skip("../shared/regions is not available")
    doc = load_cached(str(path))
    rep = report([document_entry(str(path), doc, audit_document(doc), None)])
    text = render(rep)
    lines = text.splitlines()
    assert len(lines) <= limit, text
    findings = [r for r in rep["documents"][0]["results"] if r["verdict"] in ("fail", "warn")]
    for r in findings:  # every 不通过 and 存疑 still shown: its message, or its snippets or cell in a fold
        shown = r["message"][:30] in text or any(s in text for s in _details(r["message"]))
        assert shown, r["message"]
    assert "“要原因是:车辆”、“要原因是:车辆”" not in text  # a paragraph's snippets each once


def _details(message: str) -> list[str]:
    import re

    return re.findall(r"“[^”]*”", message.split("：", 1)[-1]) or [message.split("」")[0] + "」"]
