"""The verdict policy (DESIGN-NOTES §4) and the subjects issue 11 asks for: headings, scopes, the body's
own name, comparison bases, counting lists."""

from __future__ import annotations

from pathlib import Path

from auditor.claims.align import check_claims
from auditor.claims.verdict import decide
from auditor.ingest import load

from .conftest import SAMPLES, SEED, SMALL_SUMMARY, small_disclosure

TABLES = SMALL_SUMMARY


def _doc(tmp_path: Path, narrative: str, tables: str = TABLES):
    return small_disclosure(narrative, tables)


def _mutated(tmp_path: Path, src: Path, old: str, new: str):
    text = src.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / src.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load(str(path))


def test_decide_is_the_one_policy():
    assert decide("pass") == ("pass", "")
    assert decide("fail")[0] == "fail"
    assert decide("fail", strong=False)[0] == "warn"  # weak subject: 存疑, naming the candidate
    assert decide("fail", stand_in=True)[0] == "warn"
    assert decide("pass", scope="全部资金")[0] == "warn"  # another scope never makes a pass
    assert decide("fail", doubtful="单位未标明")[0] == "warn"
    assert decide("warn")[0] == "warn"


def test_heading_names_the_subject_strongly(tmp_path):
    """Issue 11: the seed edited to 820.57 under "(一) 收入预算" is 不通过, as 688.27 is."""
    doc = _mutated(tmp_path, SEED, "2021年年初预算数802.57万元", "2021年年初预算数820.57万元")
    r = next(r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "820.57")
    assert r.verdict == "fail" and "802.57" in r.message


def test_heading_subject_passes_when_right(seed_doc):
    r = next(r for r in check_claims(seed_doc)[0] if r.claimed and r.claimed.value == "802.57" and r.rule == "N101")
    assert r.verdict == "pass"


def test_named_scope_is_compared_in_its_own_table(tmp_path):
    """"一般公共预算财政拨款基本支出" is read from the 一般公共预算 table, not the all-funds one; the
    all-funds value equal to the claim is named, but never makes it pass."""
    tables = """
表1
测试局部门支出总表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
 | 合计 | 120.00 | 80.00 | 40.00
201 | 一般公共服务支出 | 120.00 | 80.00 | 40.00
表2
测试局一般公共预算支出表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
 | 合计 | 100.00 | 70.00 | 30.00
201 | 一般公共服务支出 | 100.00 | 70.00 | 30.00
"""
    doc = _doc(tmp_path, "一、支出情况\n2026年一般公共预算财政拨款基本支出80.00万元。", tables)
    r = next(r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "80.00")
    assert r.verdict == "fail" and "70.00" in r.message and "另一口径" in r.message
    doc = _doc(tmp_path, "一、支出情况\n2026年一般公共预算财政拨款基本支出70.00万元。", tables)
    r = next(r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "70.00")
    assert r.verdict == "pass"
    # no scope named: the place the figure agrees with is taken
    doc = _doc(tmp_path, "一、支出情况\n2026年基本支出80.00万元。", tables)
    r = next(r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "80.00")
    assert r.verdict == "pass"


def test_the_bodys_own_name_is_not_a_budget_line():
    """samples/pair_2018: "某省档案馆2018年财政拨款预算支出4190.74万元" speaks of the body, not 2012604 档案馆."""
    doc = load(str(SAMPLES / "pair_2018_narrative.txt"), str(SAMPLES / "pair_2018_tables.txt"))
    results, _ = check_claims(doc)
    assert [r.message for r in results if r.verdict == "fail"] == []
    r = next(r for r in results if r.claimed and r.claimed.value == "4190.74")
    assert "2012604" not in r.message


def test_the_figure_after_bi_is_the_base(tmp_path):
    """Beijing: "收入预算29956.27万元，比2025年年初预算数28479.84万元增加1476.43万元，增长5.18%":
    1476.43 ÷ 28479.84 = 5.18%; 28479.84 is last year's, not this year's."""
    text = "一、收入情况\n2026 年度收入预算29956.27 万元，比 2025 年年初预算数 28479.84 万元增加 1476.43 万元，增长 5.18%。"
    results, _ = check_claims(_doc(tmp_path, text, tables=""))
    got = {r.rule: r for r in results if r.rule in ("N102", "N103")}
    assert got["N102"].verdict == "pass" and got["N103"].verdict == "pass"
    results, _ = check_claims(_doc(tmp_path, text.replace("1476.43", "1476.73"), tables=""))
    got = {r.rule: r for r in results if r.rule in ("N102", "N103")}
    assert got["N102"].verdict == "fail" and "1,476.43" in got["N102"].message
    assert got["N103"].verdict == "pass"


def test_counting_lists_do_not_split_names_at_he(tmp_path):
    names = "办公室、人民参与和促进法治科、普法与依法治理工作科"
    doc = _doc(tmp_path, f"一、基本情况\n本局设{names}3个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "pass"
    doc = _doc(tmp_path, f"一、基本情况\n本局设{names}4个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "fail"  # "人民参与" names no body: 和 is inside the name, three 科 are listed
    doc = _doc(tmp_path, "一、基本情况\n本局设办公室、人民参与和促进法治科3个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "fail"  # two, not three: the 科 is one name
    doc = _doc(tmp_path, "一、基本情况\n本局设办公室、政治处和执法监督科3个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "pass"  # 和 joins the last item
    doc = _doc(tmp_path, "一、基本情况\n本局设办公室、政治处和执法监督科5个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "fail"


def test_counting_lists_do_not_split_inside_brackets(tmp_path):
    """"组织人事处（统战部、党委教师工作部）" is one 处 with its other names: 3 bodies, not 5."""
    names = "党委办公室（党委宣传部）、组织人事处（统战部、党委教师工作部）、公用事业与路桥工程学院"
    doc = _doc(tmp_path, f"一、基本情况\n学院设{names}3个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "pass"
    doc = _doc(tmp_path, f"一、基本情况\n学院设{names}5个内设机构。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N106")
    assert r.verdict == "fail"


def test_a_list_that_goes_on_past_its_sentence_is_not_counted(tmp_path):
    doc = _doc(tmp_path, "一、基本情况\n本局下属 3 个二级预算单位，分别是：本局本级，属全额拨款行政单位；甲中心；乙中心。")
    assert not [r for r in check_claims(doc)[0] if r.rule == "N106" and r.verdict == "fail"]


def test_a_threshold_is_not_an_amount(tmp_path):
    doc = _doc(tmp_path, "一、资产情况\n单价 100 万元（含）以上的设备 0 台（套）。")
    assert not [r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "100"]
