"""Cross-examination before 不通过 (issue 21, auditor/verdicts): each alternative reader on a small
table where our first reading fails and the other reading holds, the fallback cap, and the policy
end to end (a fail another reading explains is 存疑 naming it; the seed's wrong label stays 不通过)."""

from __future__ import annotations

from decimal import Decimal

from auditor.checks.arithmetic import check_table
from auditor.checks.cross_table import check_cross_tables
from auditor.claims.align import check_claims
from auditor.model import Cell, Column, Document, Meta, Row, Table
from auditor.numbers import parse_amount
from auditor.results import Result
from auditor.verdicts import policy, readers
from auditor.verdicts.basis import Comparison, Source

from .conftest import small_disclosure

W = Decimal(10000)  # 万元 in 元


def _table(header: list[tuple[str, ...]], rows: list[tuple[str, str | None, list[str]]], *, kind: str = "expenditure",
           title: str = "支出表", unit: str = "万元", two_sided: bool = False, sides: list[str | None] | None = None) -> Table:
    cols = [Column(key="·".join(p), path=p, index=i + 2) for i, p in enumerate(header)]
    out = []
    for i, (name, code, cells) in enumerate(rows):
        side = sides[i] if sides else None
        out.append(Row(name=name, code=code, page=1, index=i, side=side,
                       cells={c.key: Cell(text=t, amount=parse_amount(t)) for c, t in zip(cols, cells)}))
    return Table(id="t1", title=title, kind=kind, kind_name=title, unit=unit, pages=[1], columns=cols, rows=out,
                 two_sided=two_sided)


def _doc(*tables: Table) -> Document:
    return Document(path="x", meta=Meta(year=2026, kind="部门预算"), text="", paragraphs=[], sections=[],
                    tables=list(tables))


def _n(claimed: str, source: Source, subject: str = "X", **kw) -> Comparison:
    value = source.value()
    return Comparison(family="N", relation="eq", claimed=Decimal(claimed) * W, claimed_half=Decimal("0.005") * W,
                      expected=value[0] if value else Decimal(0), expected_half=value[1] if value else Decimal(0),
                      sources=[source], subject=subject, **kw)


def _sum(t: Table, claimed: str, expected: str, half: str, total: int, parts: list[int]) -> Comparison:
    """A table's sum (T) in 万元: the total row against the sum of the part rows, all in the first column."""
    c = t.columns[0]
    return Comparison(family="T", relation="eq", claimed=Decimal(claimed) * W, claimed_half=Decimal(0),
                      expected=Decimal(expected) * W, expected_half=Decimal(half) * W,
                      sources=[Source(t, t.rows[total], c, role="total")]
                      + [Source(t, t.rows[i], c, role="part") for i in parts])


def _fail(comp: Comparison) -> Result:
    return Result(rule="N101", kind="claim", verdict="fail", severity="error", message="不符。", basis=comp)


# ---- each reader: the first reading fails, the alternative holds -----------------------------------

def test_sub_columns_a_parent_header_without_subtotal_is_the_sum():
    t = _table([("基本支出", "人员支出"), ("基本支出", "公用经费"), ("项目支出",)],
               [("合计", None, ["80.00", "20.00", "50.00"])])
    src = Source(t, t.rows[0], t.columns[0])  # 基本支出 read as its first sub-column
    comp = _n("100.00", src)
    assert not comp.holds(comp.claimed, comp.expected, comp.expected_half)
    alt = readers.sub_columns(_doc(t), comp)
    assert alt is not None and alt.value == Decimal(100) * W and "人员支出、公用经费" in alt.reading


def test_sub_columns_not_when_the_group_prints_its_own_subtotal():
    t = _table([("基本支出", "小计"), ("基本支出", "人员支出"), ("基本支出", "公用经费")],
               [("合计", None, ["100.00", "80.00", "20.00"])])
    assert readers.sub_columns(_doc(t), _n("100.00", Source(t, t.rows[0], t.columns[1]))) is None


def test_child_rows_a_blank_heading_row_is_the_sum_of_its_rows():
    t = _table([("预算数",)], [("收入合计", None, ["100.00"]), ("一、本年收入", None, [""]),
                              ("（一）一般公共预算拨款收入", None, ["70.00"]), ("（二）政府性基金拨款收入", None, ["10.00"]),
                              ("二、上年结转", None, ["20.00"])], kind="fiscal_summary")
    total, blank, carry = t.rows[0], t.rows[1], t.rows[4]
    comp = Comparison(family="T", relation="eq", claimed=Decimal(100) * W, claimed_half=Decimal(0),
                      expected=Decimal(20) * W, expected_half=Decimal("0.01") * W,
                      sources=[Source(t, total, t.columns[0], role="total"), Source(t, blank, t.columns[0], role="part"),
                               Source(t, carry, t.columns[0], role="part")])
    alt = readers.child_rows(_doc(t), comp)
    assert alt is not None and alt.value == Decimal(100) * W


def test_glued_figure_a_figure_read_into_the_next_text_cell():
    t = _table([("总计",), ("财政拨款",), ("其他资金",), ("绩效目标",)],
               [("某项目", None, ["1.78", "0.00", "", "1.78签发及管理工作的相关任务"])], kind="project")
    row = t.rows[0]
    comp = Comparison(family="T", relation="eq", claimed=Decimal("1.78") * W, claimed_half=Decimal(0),
                      expected=Decimal(0), expected_half=Decimal("0.015") * W,
                      sources=[Source(t, row, t.columns[0], role="total"), Source(t, row, t.columns[1], role="part"),
                               Source(t, row, t.columns[2], role="part")])
    alt = readers.glued_figure(_doc(t), comp)
    assert alt is not None and alt.value == Decimal("1.78") * W


def test_repeated_rows_one_line_printed_at_two_levels_counts_once():
    t = _table([("合计",)], [("援助其他地区支出", "219", ["502.00"]), ("其他支出", "21999", ["502.00"]),
                            ("其他支出", "21999", ["502.00"])])
    alt = readers.repeated_rows(_doc(t), _sum(t, "502", "1004", "0.015", 0, [1, 2]))
    assert alt is not None and alt.value == Decimal(502) * W


def test_named_row_the_row_named_like_the_subject_not_its_parent():
    t = _table([("预算数",)], [("财政拨款收入", None, ["120.00"]), ("其中：一般公共预算收入", None, ["100.00"])],
               kind="fiscal_summary")
    comp = _n("100.00", Source(t, t.rows[0], t.columns[0]), subject="一般公共预算收入")
    alt = readers.named_row(_doc(t), comp)
    assert alt is not None and alt.value == Decimal(100) * W


def test_part_columns_a_figure_given_within_basic_spending():
    t = _table([("合计",), ("基本支出",), ("项目支出",)], [("对个人和家庭的补助", "303", ["620.15", "499.60", "120.55"])])
    alt = readers.part_columns(_doc(t), _n("499.60", Source(t, t.rows[0], t.columns[0])))
    assert alt is not None and alt.value == Decimal("499.60") * W and "基本支出" in alt.reading


def test_same_row_the_figure_printed_in_another_column():
    t = _table([("三公·公务用车购置公务用车运行费",), ("三公·公务接待费",), ("其他",)],
               [("合计", None, ["", "3.30", "77.10"])], kind="three_public")
    alt = readers.same_row(_doc(t), _n("77.10", Source(t, t.rows[0], t.columns[0])))
    assert alt is not None and alt.value == Decimal("77.10") * W


def test_carry_over_counted_in():
    t = _table([("预算数",)], [("一、财政拨款", None, ["324638.50"]), ("二、上年结转", None, ["13102.70"]),
                              ("收入总计", None, ["337741.20"])], kind="fiscal_summary")
    alt = readers.carry_over(_doc(t), _n("337741.21", Source(t, t.rows[0], t.columns[0])))
    assert alt is not None and "计入" in alt.reading


def test_other_places_another_scope_only_when_the_claim_names_none():
    a = _table([("合计",)], [("合计", None, ["875828.91"])], kind="gpb_expenditure", title="一般公共预算支出表")
    b = _table([("项目支出",)], [("合计", None, ["1003810.845300"])], title="支出总表")
    src = Source(a, a.rows[0], a.columns[0])
    place = Source(b, b.rows[0], b.columns[0], role="place")
    comp = _n("1003810.85", src)
    comp.sources.append(place)
    assert readers.other_places(_doc(a, b), comp) is not None
    comp.scope_named = True  # "一般公共预算项目支出…": the other scope never explains it away
    assert readers.other_places(_doc(a, b), comp) is None


def test_other_side_of_a_two_sided_table():
    t = _table([("预算数",)], [("一般公共服务支出", None, ["10.00"]), ("一般公共服务支出", None, ["12.00"])],
               kind="summary", two_sided=True, sides=["收入", "支出"])
    alt = readers.other_side(_doc(t), _n("10.00", Source(t, t.rows[1], t.columns[0])))
    assert alt is not None and alt.value == Decimal(10) * W


def test_other_unit_only_for_a_precise_figure():
    t = _table([("合计",)], [("合计", None, ["1234567.00"])], unit="元")
    src = Source(t, t.rows[0], t.columns[0])
    comp = _n("1234567.00", src)  # the claim in 万元, the table's figure in 元 read as 元
    assert readers.other_unit(_doc(t), comp) is not None
    assert readers.other_unit(_doc(t), _n("0", src)) is None  # "0万元" fits any small number


def test_narrative_base_the_rate_on_the_sentence_head_figure():
    comp = Comparison(family="N", relation="eq", claimed=Decimal("27.31"), claimed_half=Decimal("0.005"),
                      expected=Decimal("97.41"), expected_half=Decimal(0), percent=True,
                      change=(Decimal("129422.00"), Decimal("0.005"), -1),
                      bases=[("344,447.70万元", Decimal("344447.70"), Decimal("0.005"))])
    alt = readers.narrative_base(_doc(), comp)
    assert alt is not None and "344,447.70" in alt.reading


# ---- the policy -------------------------------------------------------------------------------------

def test_policy_demotes_naming_the_reading():
    t = _table([("基本支出", "人员支出"), ("基本支出", "公用经费")], [("合计", None, ["80.00", "20.00"])])
    r = _fail(_n("100.00", Source(t, t.rows[0], t.columns[0])))
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and r.message.startswith("若按「基本支出」下各分列") and r.basis is None


def test_policy_a_fallback_value_caps_at_warn():
    t = _table([("合计",)], [("合计", None, ["80.00"])])
    src = Source(t, t.rows[0], t.columns[0], how="sum", why="由同一科目的3行相加得到")
    r = _fail(_n("100.00", src))
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and "3行相加" in r.message


def test_policy_keeps_a_fail_no_reading_explains():
    t = _table([("合计",), ("基本支出",)], [("一般公共服务支出", "201", ["80.00", "60.00"])])
    r = _fail(_n("100.00", Source(t, t.rows[0], t.columns[0]), subject="一般公共服务支出"))
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "fail"


# ---- end to end: the checks report their basis --------------------------------------------------------

SUBCOLUMNS = """
表1
测试局部门支出总表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
 | 合计 | 150.00 | 100.00 | 50.00
201 | 一般公共服务支出 | 150.00 | 100.00 | 50.00
表2
测试局一般公共预算支出表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出·人员支出 | 基本支出·公用经费 | 项目支出
 | 合计 | 150.00 | 60.00 | 40.00 | 50.00
201 | 一般公共服务支出 | 150.00 | 60.00 | 40.00 | 50.00
"""


def test_seed_wrong_label_stays_a_fail(seed_doc):
    from auditor.engine import audit_document

    r = next(r for r in audit_document(seed_doc) if r.rule == "N101" and r.claimed and r.claimed.value == "688.27")
    assert r.verdict == "fail" and "公共安全支出" in r.message


def test_x_results_carry_their_basis_and_the_seed_keeps_its_table_fails(seed_doc):
    fails = [r for r in check_cross_tables(seed_doc) + [x for t in seed_doc.tables for x in check_table(t)]
             if r.verdict == "fail"]
    assert all(r.basis is not None for r in fails)


def test_claim_fail_carries_where_its_value_came_from():
    doc = small_disclosure("一、部门预算情况\n一般公共服务支出 140.00 万元。", SUBCOLUMNS)
    r = next(r for r in check_claims(doc)[0] if r.rule == "N101")
    assert r.verdict == "fail" and isinstance(r.basis, Comparison)
    assert r.basis.sources[0].row.name.endswith("一般公共服务支出") and r.basis.subject == "一般公共服务支出"


SUBCOLUMNS_ALL_FUNDS = """
表1
测试局部门支出总表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出·人员支出 | 基本支出·公用经费 | 项目支出
 | 合计 | 150.00 | 60.00 | 40.00 | 50.00
201 | 一般公共服务支出 | 150.00 | 60.00 | 40.00 | 50.00
表2
测试局一般公共预算支出表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
 | 合计 | 150.00 | 100.00 | 50.00
201 | 一般公共服务支出 | 150.00 | 100.00 | 50.00
"""


def test_x102_against_one_sub_column_is_warn_naming_the_sum():
    """Issue 21 cause 1: the all-funds 基本支出 printed as 人员支出 | 公用经费 with no 小计; comparing the
    一般公共预算 基本支出 with 人员支出 alone is no error of the document."""
    from auditor.engine import audit_document

    doc = small_disclosure("一、部门预算情况\n本部门预算150.00万元。", SUBCOLUMNS_ALL_FUNDS)
    xs = [r for r in audit_document(doc) if r.rule == "X102" and "基本支出" in r.message]
    assert xs and all(r.verdict != "fail" for r in xs)
    assert any(r.verdict == "warn" and "人员支出、公用经费" in r.message for r in xs)


def test_fewer_columns_a_total_over_the_first_columns_only():
    t = _table([("合计",), ("三公·公务接待费",), ("三公·公务用车",), ("会议费",), ("培训费",)],
               [("合计", None, ["24.08", "2.86", "21.22", "4.32", "29.79"])], kind="three_public")
    row, c = t.rows[0], t.columns
    comp = Comparison(family="T", relation="eq", claimed=Decimal("24.08") * W, claimed_half=Decimal(0),
                      expected=Decimal("58.19") * W, expected_half=Decimal("0.025") * W,
                      sources=[Source(t, row, c[0], role="total")] + [Source(t, row, x, role="part") for x in c[1:]])
    alt = readers.fewer_columns(_doc(t), comp)
    assert alt is not None and alt.value == Decimal("24.08") * W and "2列" in alt.reading


def test_named_row_keeps_to_the_scope_the_claim_names():
    """"一般公共预算财政拨款基本支出 5377.64": the all-funds table's row 基本支出 equal to it never explains
    the difference away (DESIGN-NOTES §4)."""
    gpb = _table([("预算数",)], [("基本支出", None, ["5364.75"])], kind="gpb_expenditure", title="一般公共预算财政拨款支出表")
    allf = _table([("预算数",)], [("基本支出", None, ["5377.64"])], kind="summary", title="收支总表")
    comp = _n("5377.64", Source(gpb, gpb.rows[0], gpb.columns[0]), subject="基本支出", scope_named=True)
    assert readers.named_row(_doc(gpb, allf), comp) is None
    comp.scope_named = False
    assert readers.named_row(_doc(gpb, allf), comp) is not None


def test_t101_with_uncoded_rows_in_the_block_is_capped():
    """A code printed on a line apart from its name leaves the row uncoded: the parent's sum misses it,
    which is our reading, not the table's error."""
    t = _table([("合计",)], [("工资福利支出", "301", ["100.00"]), ("基本工资", None, ["60.00"]),
                            ("机关事业单位基本养老保险缴费", "30108", ["40.00"]), ("商品和服务支出", "302", ["5.00"])],
               kind="gpb_expenditure")
    r = next(r for r in check_table(t) if r.rule == "T101" and r.verdict == "fail")
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and "未读到编码" in r.message


def test_narrower_scope_a_figure_inside_operating_costs_or_project_spending():
    t = _table([("2020年·公务接待费",)], [("合计", None, ["3.30"])], kind="three_public", title="三公经费表")
    comp = _n("2.00", Source(t, t.rows[0], t.columns[0]), subject="公务接待费",
              context="十、机关运行经费安排情况|2020 年机关运行经费预算总计82万元，其中：办公经费41.47万元，公务接待费")
    assert "机关运行经费" in (readers.narrower_scope(_doc(t), comp) or "")
    comp.context = "六、三公经费|2020 年公务接待费"
    assert readers.narrower_scope(_doc(t), comp) is None


def test_t102_with_uncoded_rows_is_capped():
    t = _table([("合计",)], [("合计", None, ["150.00"]), ("一般公共服务支出", "201", ["100.00"]),
                            ("文化旅游体育与传媒支出", None, ["50.00"])], kind="gpb_expenditure")
    r = next(r for r in check_table(t) if r.rule == "T102" and r.verdict == "fail")
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and "未读到编码" in r.message


def test_a_total_left_short_on_every_row_stays_a_fail():
    """西安市安监局 表13 (issue 16): 2018年·合计 prints the 三公 total alone in every row; 增减 = 2019 − 2018
    confirms every figure, so the broken sums are the document's, and no reading explains them away."""
    rows = [("合计", None, ["24.08", "2.86", "4.32", "29.79"]), ("甲单位", "125001", ["8.86", "2.86", "4.10", "26.81"]),
            ("乙单位", "125002", ["9.22", "9.22", "0.57", "16.50"])]
    t = _table([("合计",), ("三公·小计",), ("会议费",), ("培训费",)], rows, kind="three_public")
    fails = [r for r in check_table(t) if r.rule == "T103" and r.verdict == "fail"]
    policy.cross_examine(_doc(t), fails)
    assert fails and all(r.verdict == "fail" for r in fails)


def test_an_alternative_must_agree_within_the_printed_interval_not_within_rounding():
    a = _table([("基本支出",)], [("合计", None, ["556.56"])], title="支出总表")
    g = _table([("基本支出",)], [("合计", None, ["556.555612"])], kind="gpb_expenditure", title="一般公共预算支出表")
    comp = _n("556.57", Source(g, g.rows[0], g.columns[0]))
    comp.sources.append(Source(a, a.rows[0], a.columns[0], role="place"))
    assert readers.other_places(_doc(g, a), comp) is None


def test_narrower_scope_never_explains_a_figure_above_the_whole():
    """普陀区财政局25: 职业年金 887.36 for 87.36 under a 机关运行经费 heading stays 不通过."""
    t = _table([("合计",)], [("机关事业单位职业年金缴费支出", "2080506", ["87.36"])], kind="gpb_expenditure")
    comp = _n("887.36", Source(t, t.rows[0], t.columns[0]), subject="机关事业单位职业年金缴费支出",
              context="（四）机关运行经费|机关事业单位职业年金缴费支出（项）")
    assert readers.narrower_scope(_doc(t), comp) is None


def test_child_rows_plain_rows_under_a_summary_heading():
    t = _table([("预算数",)], [("收入合计", None, ["100.00"]), ("一、本年收入", None, [""]),
                              ("一般公共预算拨款收入", None, ["80.00"]), ("二、上年结转", None, ["20.00"])],
               kind="fiscal_summary")
    alt = readers.child_rows(_doc(t), _sum(t, "100", "20", "0.01", 0, [1, 3]))
    assert alt is not None and alt.value == Decimal(100) * W


def test_other_places_a_zero_claim_against_the_scopes_blank_cell():
    t = _table([("总计",), ("一般公共预算",)], [("工程", None, ["6599.50", ""])], kind="procurement")
    comp = _n("0", Source(t, t.rows[0], t.columns[0]))
    comp.sources.append(Source(t, t.rows[0], t.columns[1], role="place"))
    assert readers.other_places(_doc(t), comp) is not None


def test_carry_over_between_two_tables_totals():
    """X101: the 收支总表's 本年支出合计 3,643.37 against the 支出总表's 合计 3,695.91, which spends the
    52.54 the 收支总表 prints as 结转下年: with the carry-over counted in, both agree (西安 2019)."""
    a = _table([("预算数",)], [("本年支出合计", None, ["3643.37"]), ("结转下年", None, ["52.54"]),
                              ("支出总计", None, ["3695.91"])], kind="summary", title="收支总表")
    b = _table([("合计",)], [("合计", None, ["3695.91"])], title="支出总表")
    sa, sb = Source(a, a.rows[0], a.columns[0]), Source(b, b.rows[0], b.columns[0], role="claimed")
    comp = Comparison(family="X", relation="eq", claimed=sb.value()[0], claimed_half=sb.value()[1],
                      expected=sa.value()[0], expected_half=sa.value()[1], sources=[sa, sb])
    alt = readers.carry_over(_doc(a, b), comp)
    assert alt is not None and "结转下年" in alt.reading and alt.value == Decimal("3695.91") * W
    a.rows[1].cells[a.columns[0].key] = Cell(text="40.00", amount=parse_amount("40.00"))
    assert readers.carry_over(_doc(a, b), comp) is None  # 40.00 explains nothing: the fail stands


def test_t101_with_irregular_thousands_separators_is_capped():
    """"121748,642" (上海 2026: a comma lost): such a figure, and the sums it is in, may be read wrong."""
    t = _table([("合计",)], [("人力资源和社会保障管理事务", "20801", ["121748,642"]),
                            ("综合业务管理", "2080104", ["102026,002"]), ("信息化建设", "2080108", ["283,586"]),
                            ("事业运行", "2080150", ["19439,054"])], kind="gpb_expenditure", unit="元")
    fails = [r for r in check_table(t) if r.rule == "T101" and r.verdict == "fail"]
    assert fails
    policy.cross_examine(_doc(t), fails)
    assert all(r.verdict == "warn" and "千分位不规则" in r.message for r in fails)


def test_t103_with_every_part_blank_is_capped():
    """A 总计 of 13.40 beside blank 财政拨款 / 其他资金 cells (广州 项目表, the figure read into a text column):
    not one part was read, so the break is a question about the reading, not the table."""
    t = _table([("总计",), ("财政拨款",), ("其他资金",)], [("某项目", None, ["13.40", "", ""]),
                                                   ("另一项目", None, ["5.00", "3.00", "2.00"])], kind="project")
    fails = [r for r in check_table(t) if r.rule == "T103" and r.verdict == "fail"]
    assert len(fails) == 1
    policy.cross_examine(_doc(t), fails)
    assert fails[0].verdict == "warn" and "未读到" in fails[0].message


def test_a_stated_figure_against_a_blank_cell_is_capped_unless_another_row_prints_it():
    t = _table([("合计",)], [("社会保障和就业支出", "208", [""]), ("卫生健康支出", "210", ["185.00"])])
    comp = _n("11748.00", Source(t, t.rows[0], t.columns[0]))
    r = _fail(comp)
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and "未读到数字" in r.message
    comp = _n("185.00", Source(t, t.rows[0], t.columns[0]), wrong_label=["卫生健康支出"])
    r = _fail(comp)
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "fail"  # the wrong-label error: the figure is printed on another row


def test_a_sum_over_overprinted_labels_is_capped():
    """"序序序序号号号号": a header drawn several times over itself (fake bold) is read with its copies, and
    the columns under such headers may be shifted (西安 2026 收支总表): a break there is not trusted."""
    t = _table([("合计",), ("基本支出",), ("项项项目目目支出",)], [("一般公共服务支出", "201", ["100.00", "60.00", "30.00"])])
    fails = [r for r in check_table(t) if r.verdict == "fail"]
    assert [r.rule for r in fails] == ["T103"]
    policy.cross_examine(_doc(t), fails)
    assert fails[0].verdict == "warn" and "重叠" in fails[0].message


def test_a_vertical_sum_whose_table_goes_on_untitled_on_the_next_page_is_capped():
    """西安 2026: the 支出明细表 breaks at a page, and the next page's rows (the rest of 212, then 221) are
    read as an untitled table of the same columns. The 合计 above misses them: our reading, not the table."""
    a = _table([("合计",)], [("合计", None, ["100.00"]), ("一般公共服务支出", "201", ["60.00"])], kind="gpb_expenditure")
    b = _table([("合计",)], [("住房保障支出", "221", ["40.00"])], kind="other", title="")
    b.id, b.pages = "t2", [2]
    for row in b.rows:
        row.page = 2
    fails = [r for r in check_table(a) if r.rule == "T102" and r.verdict == "fail"]
    assert fails
    policy.cross_examine(_doc(a), list(fails))
    assert fails[0].verdict == "fail"  # no continuation: the break stands
    fails = [r for r in check_table(a) if r.rule == "T102" and r.verdict == "fail"]
    policy.cross_examine(_doc(a, b), fails)
    assert fails[0].verdict == "warn" and "续表" in fails[0].message


def test_other_places_a_more_precise_table_figure_cut_rather_than_rounded():
    """北京 2026: the 支出总表 prints 万元 to six places (7,633.516247); the narrative writes 7633.51 (cut,
    not rounded). Within one unit of the narrative's last place, against another scope's table: 存疑."""
    a = _table([("项目支出",)], [("合计", None, ["7583.399054"])], kind="gpb_expenditure", title="一般公共预算支出表")
    b = _table([("项目支出",)], [("合计", None, ["7633.516247"])], title="支出总表")
    comp = _n("7633.51", Source(a, a.rows[0], a.columns[0]))
    comp.sources.append(Source(b, b.rows[0], b.columns[0], role="place"))
    alt = readers.other_places(_doc(a, b), comp)
    assert alt is not None and "末位的取舍" in alt.reading
    comp = _n("7633.49", Source(a, a.rows[0], a.columns[0]))  # two units off: no reading
    comp.sources.append(Source(b, b.rows[0], b.columns[0], role="place"))
    assert readers.other_places(_doc(a, b), comp) is None


def test_narrower_scope_an_own_office_figure_against_a_one_fund_table_either_way():
    """深圳 2026: "（本级）…对个人和家庭的补助支出 439.45 万元" (all funds, the office alone) against the
    department's 一般公共预算 303 row 439.20: the scopes differ in unit and in funds, so it may be larger."""
    t = _table([("支出总计",)], [("对个人和家庭的补助", "303", ["439.20"])], kind="gpb_expenditure",
               title="一般公共预算支出表（按经济分类）")
    comp = _n("439.45", Source(t, t.rows[0], t.columns[0]), subject="对个人和家庭的补助",
              context="一、深圳市应急管理局（本级）|深圳市应急管理局（本级）预算 14,316.37 万元，包括对个人和家庭的补助支出")
    assert "本级" in (readers.narrower_scope(_doc(t), comp) or "")
    t.kind = "expenditure"  # an all-funds table: the office's figure cannot exceed the department's
    assert readers.narrower_scope(_doc(t), comp) is None


def test_sibling_totals_the_years_total_without_carry_over():
    """西安 2022 收支总表: "本部门预算支出 105590.77" is 本年支出合计, not 支出总计 (which adds 结转下年 and
    unassigned money)."""
    t = _table([("预算数",)], [("一、部门预算", None, ["105590.77"]), ("本年支出合计", None, ["105590.77"]),
                              ("结转下年", None, ["16.50"]), ("未安排支出的实户资金", None, ["339.20"]),
                              ("支出总计", None, ["105946.47"])], kind="summary")
    alt = readers.sibling_totals(_doc(t), _n("105590.77", Source(t, t.rows[4], t.columns[0]), subject="支出总计"))
    assert alt is not None and "本年支出合计" in alt.reading
    assert readers.sibling_totals(_doc(t), _n("105590.70", Source(t, t.rows[4], t.columns[0]))) is None


def _change_fail(doc: Document, current: Source, prior: Source, claimed: str) -> Result:
    from auditor.claims.against import change_basis
    from auditor.claims.facts import Fact

    def fact(s: Source) -> Fact:
        cell = s.row.cells[s.column.key]
        return Fact(table=s.table, row=s.row, column=s.column, amount=cell.amount, doc_unit="万元")

    cv, pv = current.value() or (Decimal(0), Decimal(0)), prior.value() or (Decimal(0), Decimal(0))
    elsewhere = not any(t is prior.table for t in doc.tables)
    comp = change_basis(fact(current), fact(prior), elsewhere, Decimal(claimed) * W, Decimal("0.005") * W,
                        cv[0] - pv[0], cv[1] + pv[1])
    return Result(rule="N102", kind="claim", verdict="fail", severity="error", message="不符。", basis=comp)


def test_a_change_against_blank_cells_is_capped():
    """西安司法局: 公务用车运行维护费 "较上年减少5.40万元" where both cells of our reading are blank."""
    t = _table([("2026年·公务用车运行维护费",), ("2025年·公务用车运行维护费",)], [("合计", None, ["", ""])],
               kind="three_public")
    r = _change_fail(_doc(t), Source(t, t.rows[0], t.columns[0]), Source(t, t.rows[0], t.columns[1]), "-5.40")
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and "未读到数字" in r.message


def test_a_change_against_last_years_document_is_capped_and_one_in_this_document_stays():
    """检察院 2018: 上年 from the 2017 disclosure (17,981.68); the narrative's base may be the adjusted
    上年 figure this document does not print."""
    t = _table([("金额",)], [("支出合计", None, ["21940.96"])], kind="fiscal_summary")
    last = _table([("金额",)], [("支出合计", None, ["17981.68"])], kind="fiscal_summary", title="2017年公开文件·表四")
    r = _change_fail(_doc(t), Source(t, t.rows[0], t.columns[0]), Source(last, last.rows[0], last.columns[0]), "3958.98")
    policy.cross_examine(_doc(t), [r])
    assert r.verdict == "warn" and "上年的公开文件" in r.message
    both = _table([("2018年",), ("2017年",)], [("支出合计", None, ["21940.96", "17981.68"])], kind="fiscal_summary")
    r = _change_fail(_doc(both), Source(both, both.rows[0], both.columns[0]),
                     Source(both, both.rows[0], both.columns[1]), "3958.98")
    policy.cross_examine(_doc(both), [r])
    assert r.verdict == "fail"  # the same table prints both years: no other reading


THREE_PUBLIC_BY_YEAR = """
表9
测试局“三公”经费预算表
单位：万元
单位名称 | 2025年·合计 | 2025年·三公经费·小计 | 2025年·三公经费·公务接待费 | 2025年·三公经费·公务用车购置及运行维护费·小计 | 2026年·合计 | 2026年·三公经费·小计 | 2026年·三公经费·公务接待费 | 2026年·三公经费·公务用车购置及运行维护费·小计
合计 | 100.00 | 66.57 | 28.57 | 38.00 | 60.00 | 29.30 | 3.30 | 26.00
"""


def test_a_change_reads_last_year_under_the_same_header_path_not_the_first_prior_subtotal():
    """西安人社 2020: 公务用车 "较上年降低12万元" (38.00 → 26.00) was compared with the first prior-year
    "小计", the 三公 total's 66.57."""
    doc = small_disclosure("六、“三公”经费预算情况\n公务用车购置及运行维护费26万元，较上年降低12万元。", THREE_PUBLIC_BY_YEAR)
    for c in doc.tables[0].columns:
        c.path = tuple(c.key.split("·"))  # as a PDF's header rows give it: one segment per level
    r = next(r for r in check_claims(doc)[0] if r.rule == "N102")
    assert r.verdict == "pass" and "38.00" in r.message


THREE_PUBLIC_GARBLED = """
表9
测试局“三公”经费预算表
单位：万元
单位名称 | 2025年·合计 | 2025年·购置三公经费预算费·小计 | 2025年·购置三公经费预算费·公务接待费 | 2025年·购置三公经费预算费·公务用车购置及运行维护费·小计 | 2026年·合计 | 2026年·待费三公经费预算·小计 | 2026年·待费三公经费预算·公务接待费 | 2026年·待费三公经费预算·公务用车购置及运行维护费·小计 | 增减变化情况·合计 | 增减变化情况·待费三公经费预算·小计 | 增减变化情况·待费三公经费预算·公务接待费 | 增减变化情况·待费三公经费预算·公务用车购置及运行维护费·小计
合计 | 100.00 | 66.57 | 28.57 | 38.00 | 60.00 | 29.30 | 3.30 | 26.00 | -40.00 | -37.27 | -25.27 | -12.00
"""


def test_a_change_reads_last_year_at_the_same_place_of_its_block_when_the_headers_garble_apart():
    """西安国资委 2022: the group heading over the 三公 columns is garbled differently over each year;
    last year's 公务用车·小计 is the one at the same place of last year's block. The change columns
    (增减变化情况) are never this year's figure."""
    doc = small_disclosure("六、“三公”经费预算情况\n公务用车购置及运行维护费26万元，较上年降低12万元。", THREE_PUBLIC_GARBLED)
    for c in doc.tables[0].columns:
        c.path = tuple(c.key.split("·"))
    r = next(r for r in check_claims(doc)[0] if r.rule == "N102")
    assert r.verdict == "pass" and "38.00" in r.message and "本年26.00" in r.message
