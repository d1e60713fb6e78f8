"""The seed's tables read exactly: cells across tables, units, 表2's 2020 and 2021 columns."""

from decimal import Decimal

from auditor.checks.arithmetic import check_table


def table(doc, number):
    return next(t for t in doc.tables if t.number == number)


def test_meta(seed_doc):
    m = seed_doc.meta
    assert m.organization == "重庆市大渡口区司法局"
    assert m.year == 2021
    assert m.kind == "部门预算"


def test_table_set(seed_doc):
    kinds = {t.number: t.kind for t in seed_doc.tables if t.number}
    assert kinds == {
        "表1": "fiscal_summary",
        "表2": "gpb_expenditure",
        "表3": "gpb_basic",
        "表4": "three_public",
        "表5": "gov_fund",
        "表6": "summary",
        "表7": "income",
        "表8": "expenditure",
        "表9": "procurement",
        "表10": "performance",
    }
    assert all(t.unit == "元" for t in seed_doc.tables)


def test_table2_columns_and_cells(seed_doc):
    t2 = table(seed_doc, "表2")
    assert [c.key for c in t2.columns] == [
        "2020年预算数",
        "2021年预算数·小计",
        "2021年预算数·基本支出",
        "2021年预算数·项目支出",
    ]
    total = t2.rows[0]
    assert total.name == "合计" and total.code is None
    assert total.value("2020年预算数") == Decimal("6314547.07")
    assert total.value("2021年预算数·小计") == Decimal("8025704.92")
    row = t2.find_row(code="204")
    assert row.name == "公共安全支出"
    assert row.value("2021年预算数·小计") == Decimal("6882717.96")
    assert t2.find_row(code="2040612").value("2020年预算数") is None  # blank, not zero
    assert t2.find_row(code="2040612").cells["2020年预算数"].blank
    assert t2.find_row(code="2210201").value("2021年预算数·基本支出") == Decimal("243266.88")


def test_codes_are_never_amounts(seed_doc):
    for t in seed_doc.tables:
        for r in t.rows:
            for c in r.cells.values():
                if r.code and c.text == r.code:
                    raise AssertionError(f"code {r.code} read as a value in {t.title}")


def test_three_public_header(seed_doc):
    t4 = table(seed_doc, "表4")
    keys = [c.key for c in t4.columns]
    assert keys[:6] == [
        "2020年预算数·合计",
        "2020年预算数·因公出国（境）费",
        "2020年预算数·公务用车购置及运行费·小计",
        "2020年预算数·公务用车购置及运行费·公务用车购置费",
        "2020年预算数·公务用车购置及运行费·公务用车运行费",
        "2020年预算数·公务接待费",
    ]
    row = t4.rows[0]
    assert row.value("2021年预算数·合计") == Decimal("68900.00")
    assert row.value("2021年预算数·公务接待费") == Decimal("20000.00")
    assert row.value("2020年预算数·公务接待费") == Decimal("30000.00")


def test_two_sided_summary(seed_doc):
    t1 = table(seed_doc, "表1")
    assert t1.two_sided
    sides = {r.side for r in t1.rows}
    assert sides == {"收入", "支出"}
    income = t1.find_row(name="一般公共预算拨款", side="收入")
    assert income.value("预算数") == Decimal("8025704.92")
    spend = t1.find_row(name="公共安全支出", side="支出")
    assert spend.value("合计") == Decimal("6882717.96")
    # a name wrapped over a page break is joined, not read as a row of its own
    assert t1.find_row(name="自然资源海洋气象等支出", side="支出") is not None
    assert t1.find_row(name="出", side="支出") is None


def test_empty_table_note(seed_doc):
    t5 = table(seed_doc, "表5")
    assert t5.empty
    assert any("无数据" in n for n in t5.notes)


def test_basic_expenditure_table(seed_doc):
    t3 = table(seed_doc, "表3")
    assert [c.key for c in t3.columns] == ["2021年基本支出·合计", "2021年基本支出·人员经费", "2021年基本支出·公用经费"]
    assert t3.find_row(code="30217").value("2021年基本支出·公用经费") == Decimal("20000.00")
    assert t3.find_row(code="30231").name == "公务用车运行维护费"


def test_seed_tables_are_consistent(seed_doc):
    results = [r for t in seed_doc.tables for r in check_table(t)]
    assert len(results) > 150
    assert [r.message for r in results if r.verdict == "fail"] == []


def test_sections_and_sentences(seed_doc):
    tops = [s.heading for s in seed_doc.sections]
    assert tops[:6] == [
        "一、单位基本情况",
        "二、部门收支总体情况",
        "三、部门预算情况说明",
        "四、“三公”经费情况说明",
        "五、其他重要事项的情况说明",
        "六、专业性名词解释",
    ]
    sentence = next(s for s in seed_doc.sentences() if "688.27" in s.text)
    assert seed_doc.text[sentence.start : sentence.end] == sentence.text
    assert sentence.section.startswith("二、部门收支总体情况")
