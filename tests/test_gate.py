"""The disclosure gate (ingest/gate.py): a file that is no 部门/单位 预算 or 决算 公开 document is refused in
one line like an unreadable file, whatever its name; a part of a disclosure is audited as that part."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from auditor.cli import main
from auditor.errors import EXIT_UNREADABLE, ReadError
from auditor.ingest import load, load_string
from auditor.ingest.gate import judge, title_line, topics

from .conftest import ROOT, SEED, SHARED

NOT_DISCLOSURES = SHARED / "wide" / "not_disclosures"

# one file of each kind the scraper saved under a budget's name
KINDS = {
    "红头联合文件": "厦门_商务局等九部门联合文件.pdf",
    "复函": "嘉兴_浙江省政府办公厅复函.pdf",
    "政府公报通知": "惠州_政府公报民政局通知.pdf",
    "实施方案": "惠州_政府公报民生实事方案.pdf",
    "政府网站年度报表": "镇江_民政局政府网站年度报表.pdf",
    "检查通报": "宜宾_政务公开检查通报.pdf",
    "合规清单（表格）": "包头_工业企业行政合规清单.pdf",
    "抽查情况表": "南宁_消防设计抽查情况表.pdf",
    "协议": "嘉兴_养老机构预收费存管协议.pdf",
    "流程图": "济南_应急局依申请公开流程图.pdf",
    "工作岗位规范": "遵义_水务局工作岗位规范.pdf",
}

# a notice about budgets: it says 预算 many times and holds one table typed as a 项目 table
NOTICE = """关于做好2026年部门预算项目申报工作的通知
各有关单位：
为做好2026年部门预算编制工作，现将项目预算申报有关事项通知如下。
一、总体要求
各单位应当按照预算管理要求申报项目预算，预算编制应当真实准确。
二、时间安排
请于2025年10月31日前报送项目预算申报材料。
附件
表1
2026年项目申报汇总表
单位：万元
项目名称 | 申报金额
办公设备购置 | 10.00
合计 | 10.00
"""

# a 绩效自评表: one 绩效 table, no disclosure title
SELF_EVALUATION = """2024年度项目支出绩效自评表
表1
2024年度项目支出绩效自评表
单位：万元
项目名称 | 年初预算数 | 全年执行数 | 得分
信息化运维 | 100.00 | 98.00 | 95
合计 | 100.00 | 98.00 | 95
自评结论：项目预算执行良好，预算资金按时拨付，绩效目标基本完成。
"""

# a 绩效目标表 published as an attachment of a disclosure: its title says so
ATTACHMENT = """测试局2026年部门预算项目绩效目标表
表1
测试局2026年部门预算项目绩效目标表
单位：万元
项目名称 | 预算金额 | 绩效目标
信息化运维 | 100.00 | 保障系统正常运行
合计 | 100.00 |
"""


def _text(text: str) -> str:
    """The seed's text form: cells apart by tabs (written here with " | " as the rule examples are)."""
    return text.replace(" | ", "\t").replace(" |\n", "\t\n")


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(_text(text), encoding="utf-8")
    return p


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_non_disclosure_is_refused(kind):
    path = NOT_DISCLOSURES / KINDS[kind]
    if not path.exists():
        pytest.skip("../shared/wide/not_disclosures is not available")
    with pytest.raises(ReadError) as info:
        load(str(path))
    assert info.value.code == "not_a_disclosure"
    assert "\n" not in info.value.message and "不是部门预算或决算公开文件" in info.value.message


@pytest.mark.parametrize("text", [NOTICE, SELF_EVALUATION], ids=["notice", "self-evaluation"])
def test_synthetic_non_disclosure_under_a_budgets_name_is_refused(tmp_path, text):
    # each holds one table of a budget-like kind, and says 预算 more than twice
    assert [t.kind for t in load_string(_text(text)).tables] in (["project"], ["performance"])
    assert text.count("预算") >= 3
    # the scraper's name says 部门预算: the name is never read
    p = _write(tmp_path, "2026年测试局部门预算.txt", text)
    with pytest.raises(ReadError) as info:
        load(str(p))
    assert info.value.code == "not_a_disclosure"


def test_the_seed_and_samples_pass_the_gate():
    parts = {p.name: load(str(p)).part for p in sorted((ROOT / "samples").iterdir())
             if p.suffix in (".txt", ".pdf", ".docx", ".xlsx")}
    assert parts.pop("pair_2018_narrative.txt") == "narrative"
    assert parts.pop("pair_2018_tables.txt") == "tables"
    assert parts.pop("putuo_draft_2026.docx") == "narrative"  # the draft's words; its .xlsx holds the tables
    assert set(parts.values()) == {"full"}, parts


def test_a_blank_template_is_audited_as_one():
    # a blank template is a disclosure's form: it gets D109, not a refusal
    path = SHARED / "corpus" / "shanghai" / "附件2：部门决算模板.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus is not available")
    doc = load(str(path))
    assert doc.part != "attachment"


def test_workbooks_are_not_judged_by_the_gate():
    # a workbook is judged by its own reader (no_table when no sheet is a budget table), as before the gate
    drafts = sorted((SHARED / "drafts").glob("*.xlsx"))
    if not drafts:
        pytest.skip("../shared/drafts is not available")
    for p in drafts:
        try:
            load(str(p))
        except ReadError as exc:
            assert exc.code != "not_a_disclosure", p.name


def test_an_attachment_is_audited_as_that_part(tmp_path):
    from auditor import audit

    p = _write(tmp_path, "附件3.txt", ATTACHMENT)
    doc = load(str(p))
    assert doc.part == "attachment"
    report = audit(str(p), config=False)
    rules = {r.rule for r in report.documents[0].results}
    assert report.documents[0].status == "ok"
    assert not rules & {"D101", "D104"}  # the required tables and sections are the other files' part


def test_a_tables_only_file_with_notes_gets_one_note_not_section_fails():
    doc = load_string(_text("测试局2026年部门预算公开表\n" + _standard_tables(3) + "注：本表无数据。\n一、说明\n本表为空表。\n"))
    assert doc.part == "tables"


def _standard_tables(n: int) -> str:
    titles = ["测试局部门收支总表", "测试局部门收入总表", "测试局部门支出总表"][:n]
    return "".join(f"表{i + 1}\n{t}\n单位：万元\n项目 | 预算数\n合计 | 100.00\n" for i, t in enumerate(titles))


def test_three_standard_tables_alone_make_a_disclosure():
    gate = judge([], [], [], load_string(_text(_standard_tables(3))).tables)
    assert gate.is_disclosure and gate.part == "tables"
    gate = judge([], [], [], load_string(_text(_standard_tables(2))).tables)
    assert not gate.is_disclosure


def test_title_inside_a_notice_is_no_title():
    assert title_line(["测试局2026年部门预算"]) == "测试局2026年部门预算"
    assert title_line(["上海市2026年市级单位预算"])
    assert title_line(["关于做好2026年部门预算公开工作的通知", "各单位："]) is None
    assert title_line(["厦商务规〔2024〕2号", "测试局2026年部门预算"]) is None


def test_structure_counts_topics_once():
    assert topics(["一、部门主要职责", "二、机构设置", "三、“三公”经费预算情况说明", "四、“三公”经费"]) == ["职责", "机构", "三公"]
    assert topics(["一、总体要求", "二、工作任务", "三、资金保障"]) == []


def test_batch_goes_on_after_a_refused_file(tmp_path):
    notice = _write(tmp_path, "a_notice.txt", NOTICE)
    seed = tmp_path / "b_seed.txt"
    seed.write_bytes(SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    code = main([str(tmp_path), "--format", "jsonl", "-o", str(out), "--fail-on", "never", "-j", "1", "--isolated"])
    assert code == EXIT_UNREADABLE
    lines = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert [ln["path"].endswith(n) for ln, n in zip(lines, ("a_notice.txt", "b_seed.txt"))] == [True, True]
    assert lines[0]["status"] != "ok" and lines[0]["error"]["code"] == "not_a_disclosure"
    assert lines[1]["status"] == "ok" and lines[1]["results"]


def test_api_and_inspect_report_the_refusal(tmp_path, capsys):
    from auditor import audit

    p = _write(tmp_path, "notice.txt", NOTICE)
    report = audit(str(p), config=False)
    assert report.documents[0].status != "ok"
    assert report.documents[0].error["code"] == "not_a_disclosure"
    assert report.exit_code() == EXIT_UNREADABLE
    assert main(["inspect", str(p)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "不是部门预算或决算公开文件" in err[0]


def test_command_line_refusal_is_one_line_and_exit_3(tmp_path):
    p = _write(tmp_path, "notice.txt", NOTICE)
    proc = subprocess.run([sys.executable, "-m", "auditor", str(p), "--isolated"], capture_output=True, text=True,
                          cwd=ROOT)
    assert proc.returncode == EXIT_UNREADABLE
    said = [line for line in (proc.stdout + proc.stderr).splitlines() if "不是部门预算或决算公开文件" in line]
    assert len(said) == 1 and "Traceback" not in proc.stderr  # said once: in the report on screen (issue 23)
