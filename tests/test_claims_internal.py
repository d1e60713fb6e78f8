"""Checks of the narrative against itself (N106 counts, N107 sums, N105/N108 决算 vs 预算) and the
fixed false fails of N101 on the real corpus."""

from __future__ import annotations

from pathlib import Path

from auditor.claims.align import check_claims
from auditor.ingest import load

from .conftest import SAMPLES, SEED, corpus_file, load_cached


def _mutated(tmp_path: Path, src: Path, old: str, new: str):
    text = src.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / src.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load(str(path))


def test_seed_components_and_counts_pass(seed_doc):
    results, _ = check_claims(seed_doc)
    n107 = [r for r in results if r.rule == "N107"]
    assert any(r.verdict == "pass" and r.claimed.value == "171.12" for r in n107)
    assert any(r.verdict == "pass" and r.claimed.value == "79.01" for r in n107)
    n106 = [r for r in results if r.rule == "N106"]
    assert any(r.verdict == "pass" and r.claimed.value == "7" and len(r.evidence) == 7 for r in n106)
    assert any(r.verdict == "pass" and r.claimed.unit == "辆" for r in n106)


def test_wrong_count_of_list_fails(tmp_path):
    doc = _mutated(tmp_path, SEED, "公共法律服务管理科7个内设机构", "公共法律服务管理科8个内设机构")
    bad = [r for r in check_claims(doc)[0] if r.rule == "N106" and r.verdict == "fail"]
    assert len(bad) == 1 and bad[0].expected.value == "7"


def test_parts_above_total_fail_and_explained_parts_never_fail(tmp_path):
    doc = _mutated(tmp_path, SEED, "政府采购服务预算 64.51 万元；", "政府采购服务预算 74.51 万元；")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N107" and r.claimed.value == "79.01")
    assert r.verdict == "fail" and r.expected.value == "89.01"
    doc = _mutated(tmp_path, SEED, "项目支出增加 73.01 万元。", "项目支出增加 83.01 万元。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N107" and r.claimed.value == "171.12")
    # "主要是…" lists the main parts only, but 基本支出 and 项目支出 are usually all of 支出: 存疑, never 不通过
    assert r.verdict == "warn"


def test_parts_within_rounding_pass(tmp_path):
    # 14.50 + 0 + 64.52 = 79.02 against 79.01: inside (n+1) half-units of 0.01
    doc = _mutated(tmp_path, SEED, "政府采购服务预算 64.51 万元；", "政府采购服务预算 64.515 万元；")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N107" and r.claimed.value == "79.01")
    assert r.verdict == "pass"


def test_completion_and_comparison_in_final_accounts(tmp_path):
    src = SAMPLES / "jiangnan_final_2024.txt"
    results, _ = check_claims(load_cached(str(src)))
    assert sum(r.rule == "N105" and r.verdict == "pass" for r in results) >= 10
    assert sum(r.rule == "N108" and r.verdict == "pass" for r in results) >= 10
    assert not [r.message for r in results if r.verdict == "fail"]
    doc = _mutated(tmp_path, src, "完成年初预算的99.29%", "完成年初预算的92.29%")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N105" and r.claimed.value == "92.29")
    assert r.verdict == "fail" and r.expected.value == "99.29"
    doc = _mutated(tmp_path, src, "决算数小于年初预算数", "决算数大于年初预算数")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N108" and "大于" in r.message)
    assert r.verdict == "fail" and len(r.evidence) == 2


def test_classification_chain_aligns_to_the_item_row():
    doc = load_cached(str(corpus_file("shanghai/上海市普陀区万里街道办事处2023年部门预算.pdf")))
    results, _ = check_claims(doc)
    r = next(r for r in results if r.claimed and r.claimed.value == "65.69")
    assert r.verdict == "pass" and r.evidence[0].row.startswith("2013202")


def test_corpus_fails_are_the_known_real_errors():
    """Every N-rule fail on these documents is a real error of the document (bench/claims_fails.md)."""
    expected = {
        # 129.97%: 3401.59 ÷ (6032.55 − 3401.59) = 129.29%; 26.72%: 156.55 ÷ 584.35 (三公经费·小计) = 26.79%
        "jiangsu/江苏省人民检察院/2017年省检察院部门预算.pdf": {"12323.46", "129.97", "26.72"},
        # 10528.33 is 20101 人大事务, not 行政运行; 8.75% and 16.81% are shares of the 合计 that adds
        # 会议费 and 培训费 (2,542.60): of the 三公 (833.60) they are 26.69% and 51.28%
        "jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf": {"10528.33", "8.75", "16.81"},
        # 21.8 ÷ (3666 − 21.8) = 0.60%; 3958.67 ÷ (21955.35 − 3958.67) = 22.00%, printed 21.95%
        "jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf": {"0.06", "21.95"},
        "shanghai/上海市普陀区财政局2024年度部门决算.pdf": {"0.3", "71.73"},  # 71.73%: 2106.66 ÷ 2940.05 = 71.65%
        "shanghai/上海市普陀区财政局部门25年预算.pdf": {"887.36"},
        # p6: (45.41 − 11.67) ÷ 11.67 = 289.12%, printed 314.82%; p7 item 16 repeats item 15's 441.25 and 60.54%
        "shanghai/上海市普陀区万里街道办事处2023年部门预算.pdf": {"314.82", "60.54"},
        # 392.92 ÷ (6049.97 + 392.92) = 6.10%, printed 5.95%
        "jiangsu/江苏省高级人民法院/省法院2018年度部门预算公开.pdf": {"5.95"},
        # 865.57 ÷ (1959.99 − 865.57) = 79.09%, printed 79.05%
        "jiangsu/江苏省高级人民法院/省法院2017年度部门预算公开.pdf": {"79.05"},
        # 101.48 ÷ (6106.99 − 101.48) = 1.69%, printed 1.66% (101.48 ÷ 6106.99: the wrong base)
        "jiangsu/江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf": {"1.66"},
        "jiangsu/江苏省政协办公厅/江苏省政协办公厅2018年度部门预算.pdf": set(),
        # 单位预留机动经费 1685.72, 增加1557.29: 1212.56%, printed 1312.56%
        "jiangsu/江苏省人大办公厅/省人大办公厅2018预算公开.pdf": {"1312.56"},
        # 一般公共预算财政拨款基本支出 5377.64: the 财政拨款 table prints 5,364.75 (5,377.64 is all funds)
        "shanghai/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": {"5377.64"},
        # 年初预算为 0 万元 … 支出决算为 307.82 万元，完成年初预算的 95.89%: a rate against a zero base
        # (95.89% is 307.82 ÷ 321.02, the 全年预算)
        "shanghai/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": {"95.89"},
    }
    for rel, values in expected.items():
        results, _ = check_claims(load_cached(str(corpus_file(rel))))
        got = {r.claimed.value for r in results if r.verdict == "fail"}
        assert got == values, rel


def test_share_of_a_total_stated_in_the_narrative(corpus_dir):
    """规划局2024决算 p20: 5377.64 ÷ 9759.38 (all funds, as the sentence says) = 55.10%, though the
    一般公共预算 table would give 55.04%; 财政局2024决算 p21 prints 71.73% for 2106.66 ÷ 2940.05 = 71.65%."""
    doc = load_cached(str(corpus_file("shanghai/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")))
    shares = [r for r in check_claims(doc)[0] if r.rule == "N104" and r.claimed.value in ("55.10", "44.90")]
    assert len(shares) == 2 and all(r.verdict == "pass" and "按叙述中的数字" in r.message for r in shares)
    doc = load_cached(str(corpus_file("shanghai/上海市普陀区财政局2024年度部门决算.pdf")))
    bad = [r for r in check_claims(doc)[0] if r.rule == "N104" and r.verdict == "fail"]
    assert [r.claimed.value for r in bad] == ["71.73"] and bad[0].expected.value == "71.65"


def test_claim_keys_survive_an_edit_earlier_in_the_sentence(tmp_path):
    """Reviewer decisions are keyed by Result.key: editing one figure of a sentence (a new draft)
    must not re-key the other claims of that sentence, and the edited claim keeps its key too."""
    before = {r.key for r in check_claims(load_cached(str(SEED)))[0]}
    doc = _mutated(tmp_path, SEED, "一般公共服务支出 688.27 万元，", "一般公共服务支出 0 万元，")
    after = {r.key for r in check_claims(doc)[0]}
    assert before == after


def test_last_years_disclosure_supplies_last_years_figures():
    """万里2024 says "比2023年预算减少876.75万元" and no table prints 2023: 万里2023 does (16,497.86万元)."""
    from auditor.batch import audit_group

    this = str(corpus_file("shanghai/上海市普陀区万里街道办事处2024年部门预算.pdf"))
    last = str(corpus_file("shanghai/上海市普陀区万里街道办事处2023年部门预算.pdf"))

    def changes(entry):
        return [r for r in entry["results"] if r["rule"] == "N102" and "876.75" in r["text"]]

    alone = changes(audit_group([this], ["N102"], None, None))
    paired = changes(audit_group([this], ["N102"], None, None, [last]))
    assert alone and all(r["verdict"] == "unverified" for r in alone)
    assert paired and all(r["verdict"] == "pass" for r in paired)
    assert all(any(e["table"].startswith("2023年公开文件·") for e in r["evidence"]) for r in paired)


def test_a_rate_from_nothing_is_not_computed(tmp_path):
    doc = _mutated(tmp_path, SEED, "五、其他重要事项的情况说明", "五、其他重要事项的情况说明\n本部门会议费支出1.00万元，比上年增加0.99万元，增长9900%。")
    results, _ = check_claims(doc)  # no ZeroDivisionError: last year's 0.01 ± 0.01 is no base for a rate
    assert not [r for r in results if r.verdict == "fail" and "9900" in r.text]


def test_a_value_no_table_prints_whole_is_added_up_from_its_rows():
    """人大2017's basic table has no 人员经费 column: 301 工资福利支出 + 303 对个人和家庭的补助 = 6,080.72."""
    doc = load_cached(str(corpus_file("jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf")))
    hits = [r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "6080.72"]
    assert hits and all(r.verdict == "pass" for r in hits)
    assert any(e.row == "301+303 合计" and e.value == "6,080.72" for r in hits for e in r.evidence)


def test_names_in_brackets_are_one_item_of_the_list(tmp_path):
    """Issue 21: "建筑节能中心（散装水泥中心、新型墙体材料中心）" is one unit with its other names; the 、
    inside the brackets does not make three."""
    from .conftest import small_disclosure

    ok = small_disclosure("一、机构设置\n本委下属单位有 3 家，分别是：甲中心、乙中心（丙中心、丁中心）、戊中心。")
    bad = small_disclosure("一、机构设置\n本委下属单位有 4 家，分别是：甲中心、乙中心（丙中心、丁中心）、戊中心。")
    assert [r.verdict for r in check_claims(ok)[0] if r.rule == "N106"] == ["pass"]
    assert [r.verdict for r in check_claims(bad)[0] if r.rule == "N106"] == ["fail"]
