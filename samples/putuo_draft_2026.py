#!/usr/bin/env python3
"""Fill the 普陀区 2026 部门预算 template with a fictional disclosure and write its three forms.

    python samples/putuo_draft_2026.py [TEMPLATE.xlsx]

TEMPLATE defaults to ../shared/drafts/普陀区2026年部门预算公开模板.xlsx. Writes next to this file:

- putuo_draft_2026.xlsx: the template, filled (every sheet, merged cell and format kept; the
  placeholder rows of unused classification codes emptied);
- putuo_draft_2026.docx: its narrative sheets as a Word document (sheet titles as 标题 1);
- putuo_draft_2026.txt: the same workbook as printed text in the conventions of seed.txt, dumped
  straight from the cells with openpyxl (not through the auditor), so that a test can compare what
  the auditor reads from the draft with what it reads from its printed form.

The body (上海市普陀区样例局) is fictional. Amounts are whole 元 (the template's #,##0 format);
every total, 类 and 款 is computed here, every narrative figure is the table figure in 万元
rounded half-up to 2 decimals, and no narrative figure is a rounding tie.
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE.parent.parent / "shared" / "drafts" / "普陀区2026年部门预算公开模板.xlsx"
ORG = "上海市普陀区样例局"
NAME = "putuo_draft_2026"

# 项 rows of the functional classification: code -> (name, 基本支出, 项目支出)
FUNCTION = {
    "2013801": ("行政运行", 4_664_096, 0),
    "2013802": ("一般行政管理事务", 0, 1_235_600),
    "2080505": ("机关事业单位基本养老保险缴费支出", 563_210, 0),
    "2080506": ("机关事业单位职业年金缴费支出", 281_605, 0),
    "2101101": ("行政单位医疗", 305_119, 0),
}
GROUPS = {
    "201": "一般公共服务支出", "20138": "市场监督管理事务",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗",
}
# 基本支出 by economic classification: code -> (name, 人员经费, 公用经费)
ECONOMIC = {
    "30101": ("基本工资", 1_856_400, 0),
    "30102": ("津贴补贴", 2_304_516, 0),
    "30108": ("机关事业单位基本养老保险缴费", 563_210, 0),
    "30109": ("职业年金缴费", 281_605, 0),
    "30110": ("职工基本医疗保险缴费", 305_119, 0),
    "30201": ("办公费", 0, 356_780),
    "30217": ("公务接待费", 0, 12_000),
    "30231": ("公务用车运行维护费", 0, 48_000),
    "30305": ("生活补助", 86_400, 0),
}
ECON_GROUPS = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"}


def wan(yuan: int) -> str:
    """元 -> 万元 with 2 decimals, refusing a rounding tie (a reader could round it either way)."""
    d = Decimal(yuan) / 10000
    if (d * 1000) % 10 == 5:
        raise SystemExit(f"rounding tie: {yuan} 元")
    return str(d.quantize(Decimal("0.01"), ROUND_HALF_UP))


def function_rows() -> list[tuple[str, str, int, int]]:
    """(code, name, 基本, 项目) for 类, 款 and 项 in order."""
    out = []
    for cls in ("201", "208", "210"):
        items = [(c, v) for c, v in FUNCTION.items() if c.startswith(cls)]
        out.append((cls, GROUPS[cls], sum(v[1] for _, v in items), sum(v[2] for _, v in items)))
        for kuan in sorted({c[:5] for c, _ in items}):
            sub = [(c, v) for c, v in items if c.startswith(kuan)]
            out.append((kuan, GROUPS[kuan], sum(v[1] for _, v in sub), sum(v[2] for _, v in sub)))
            out.extend((c, v[0], v[1], v[2]) for c, v in sub)
    return out


def economic_rows() -> list[tuple[str, str, int, int]]:
    out = []
    for cls in ("301", "302", "303"):
        items = [(c, v) for c, v in ECONOMIC.items() if c.startswith(cls)]
        out.append((cls, ECON_GROUPS[cls], sum(v[1] for _, v in items), sum(v[2] for _, v in items)))
        out.extend((c, v[0], v[1], v[2]) for c, v in items)
    return out


BASIC = sum(v[1] for v in FUNCTION.values())
PROJECT = sum(v[2] for v in FUNCTION.values())
TOTAL = BASIC + PROJECT
PERSONNEL = sum(v[1] for v in ECONOMIC.values())
PUBLIC = sum(v[2] for v in ECONOMIC.values())
assert PERSONNEL + PUBLIC == BASIC, (PERSONNEL, PUBLIC, BASIC)
assert ECONOMIC["30108"][1] == FUNCTION["2080505"][1] and ECONOMIC["30110"][1] == FUNCTION["2101101"][1]
RECEPTION, CAR_RUN = ECONOMIC["30217"][2], ECONOMIC["30231"][2]
THREE = RECEPTION + CAR_RUN
CLASSES = [r for r in function_rows() if len(r[0]) == 3]
LAST_YEAR_TOTAL = TOTAL - 352_000  # the 2025 budget, printed only in the narrative


def narrative() -> dict[str, tuple[str, list[str]]]:
    """Sheet name -> (title cell text, body cells): one list entry per cell (A3, A4, …)."""
    up = wan(TOTAL - LAST_YEAR_TOTAL)
    f = {c: wan(v[1] + v[2]) for c, v in FUNCTION.items()}
    return {
        "部门主要职能": (f"{ORG}主要职能", [
            f"    {ORG}是区政府工作部门，主管全区市场监督管理工作。\n    主要职能包括：\n"
            "    1. 负责全区市场综合监督管理，起草有关规范性文件并组织实施。\n"
            "    2. 负责市场主体登记注册和信用监管工作。\n"]),
        "部门机构设置": (f"{ORG}机构设置", [
            f"    {ORG}部门预算是包括{ORG}本部一家预算单位的综合收支计划。\n"
            "    本部门中，行政单位1家，事业单位0家，具体包括（列示至基层预算单位）：\n"
            f"    1. {ORG}本部\n"]),
        "部门编制说明": ("2026年部门预算编制说明", [
            f"     2026年，{ORG}收入预算{wan(TOTAL)}万元，其中：财政拨款收入{wan(TOTAL)}万元，比2025年预算增加{up}万元；"
            "事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n"
            f"    支出预算{wan(TOTAL)}万元，其中：财政拨款支出预算{wan(TOTAL)}万元，比2025年预算增加{up}万元。"
            f"财政拨款支出预算中，一般公共预算拨款支出预算{wan(TOTAL)}万元，比2025年预算增加{up}万元；"
            "政府性基金拨款支出预算0万元，与2025年预算持平；国有资本经营预算拨款支出预算0万元，与2025年预算持平。\n"
            "    财政拨款收入支出增加的主要原因是市场监管执法项目经费增加。\n"
            "    财政拨款支出主要内容如下：",
            f"    1. “行政运行”科目{f['2013801']}万元，主要用于保障机关正常运转的人员经费和日常公用经费支出。",
            f"    2. “一般行政管理事务”科目{f['2013802']}万元，主要用于市场监管执法检查、消费维权等项目支出。",
            f"    3. “机关事业单位基本养老保险缴费支出”科目{f['2080505']}万元，主要用于在职人员基本养老保险缴费。",
            f"    4. “机关事业单位职业年金缴费支出”科目{f['2080506']}万元，主要用于在职人员职业年金缴费。",
            f"    5. “行政单位医疗”科目{f['2101101']}万元，主要用于在职人员基本医疗保险缴费。",
        ]),
        "其他相关情况说明": ("其他相关情况说明", [
            "   一、2026年“三公”经费预算情况说明\n"
            f"      2026年“三公”经费预算数为{wan(THREE)}万元，比2025年预算减少0.50万元。其中：\n"
            "     （一）因公出国（境）费0万元，与2025年预算持平。\n"
            f"     （二）公务用车购置及运行费{wan(CAR_RUN)}万元，比2025年预算减少0.30万元，主要原因是车辆运行维护费用压减。"
            f"其中：公务用车购置费0万元，与2025年预算持平；公务用车运行费{wan(CAR_RUN)}万元，比2025年预算减少0.30万元，"
            "主要原因是车辆运行维护费用压减。\n"
            f"     （三）公务接待费{wan(RECEPTION)}万元，比2025年预算减少0.20万元，主要原因是严格控制接待标准。\n"
            "  二、机关运行经费预算\n"
            f"      2026年{ORG}下属1家机关财政拨款的机关运行经费预算为{wan(PUBLIC)}万元。\n"
            "  三、政府采购预算情况\n"
            "     2026年本部门政府采购预算86.50万元，其中：政府采购货物预算12.30万元、政府采购工程预算0万元、"
            "政府采购服务预算74.20万元。\n"
            "     2026年本部门面向中小企业预留政府采购项目预算金额60.00万元，其中，预留给小型和微型企业的政府采购项目预算为42.00万元。\n"
            "  四、绩效目标设置情况\n"
            "     按照本区预算绩效管理工作的总体要求，本部门1个预算单位开展了2026年项目预算绩效目标编报工作，"
            f"编报绩效目标的项目3个，涉及项目预算资金{wan(PROJECT)}万元。\n"
            "  五、国有资产占有使用情况\n"
            f"     截至2025年8月31日，{ORG}共有车辆2辆，其中：执法执勤用车2辆；单价100万元（含）以上设备（不含车辆）0台（套）。\n"
            "     2026年部门预算安排购置车辆0辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。"]),
        "项目经费情况说明": (f"{ORG}市场监管执法项目经费情况说明", [
            " 一、项目概述\n 项目用于全区市场监管执法检查和消费维权工作。\n 二、立项依据\n 《上海市市场监督管理条例》。\n"
            f" 三、实施主体\n {ORG}。\n 四、实施方案\n 按季度开展执法检查。\n 五、实施周期\n 2026年1月至12月。\n"
            f" 六、年度预算安排\n 2026年安排项目预算{wan(PROJECT)}万元。\n 七、绩效目标\n 详见单位的项目绩效目标表\n"]),
    }


def _put(ws, ref: str, value) -> None:
    ws[ref].value = value


def _clear_body(ws, first: int, last: int, ncols: int) -> None:
    for r in range(first, last + 1):
        for c in range(1, ncols + 1):
            ws.cell(r, c).value = None


def _code_cells(code: str) -> tuple[int, str | None, str | None]:
    """'2013801' -> (201, '38', '01') as the template writes them: 类 a number, 款/项 text."""
    return int(code[:3]), (code[3:5] or None), (code[5:7] or None)


def fill(template: Path):
    import openpyxl

    wb = openpyxl.load_workbook(template)
    _put(wb["封面"], "A9", f"预算主管部门：{ORG}")
    for name, (title, cells) in narrative().items():
        ws = wb[name]
        ws["A1"].value = title
        for k, text in enumerate(cells):
            ws.cell(3 + k, 1).value = text
    ws = wb["名词解释"]
    ws["A3"].value = ws["A3"].value.replace("\n   （九）……：指……。", "")
    for ws in wb.worksheets:  # every table's caption names the body
        for row in ws.iter_rows(max_row=5):
            for cell in row:
                if cell.value == "编制部门：":
                    cell.value = f"编制部门：{ORG}"

    frows = function_rows()
    # 收支总表 and 财政拨款收支总表: income on the left, expenditure by 类 on the right
    ws = wb["部门收支总表"]
    ws["B8"].value = TOTAL
    ws["B9"].value = TOTAL
    for k in range(3):
        ws.cell(8 + k, 3).value = f"{'一二三'[k]}、{CLASSES[k][1]}"
        ws.cell(8 + k, 4).value = CLASSES[k][2] + CLASSES[k][3]
    ws["B21"].value = TOTAL
    ws["D21"].value = TOTAL
    ws = wb["部门财政拨款收支总表"]
    ws["B8"].value = TOTAL
    for k in range(3):
        ws.cell(8 + k, 3).value = f"{'一二三'[k]}、{CLASSES[k][1]}"
        ws.cell(8 + k, 4).value = CLASSES[k][2] + CLASSES[k][3]
        ws.cell(8 + k, 5).value = CLASSES[k][2] + CLASSES[k][3]
    ws["B21"].value = TOTAL
    ws["D21"].value = TOTAL
    ws["E21"].value = TOTAL
    # the tables by functional code: 收入总表 (合计, 财政拨款收入), 支出总表 and 一般公共预算 (合计, 基本, 项目)
    for name, total_row, columns in (
        ("部门收入总表", 20, lambda b, p: [b + p, b + p]),
        ("部门支出总表", 20, lambda b, p: [b + p, b or None, p or None]),
        ("部门一般公共预算拨款表", 21, lambda b, p: [b + p, b or None, p or None]),
    ):
        ws = wb[name]
        _clear_body(ws, 9, total_row - 1, 4)
        for k, (code, label, b, p) in enumerate(frows):
            r = 9 + k
            assert r < total_row, f"{name}: more rows than the template holds"
            cls, kuan, xiang = _code_cells(code)
            ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 3).value = cls, kuan, xiang
            ws.cell(r, 4).value = label
            for j, v in enumerate(columns(b, p)):
                ws.cell(r, 5 + j).value = v
        for j, v in enumerate(columns(BASIC, PROJECT)):
            ws.cell(total_row, 5 + j).value = v
    # 政府性基金 and 国有资本经营: no such funds; the template's example rows emptied, a note below
    for name, what in (("部门政府性基金拨款表", "政府性基金"), ("部门国有资本经营预算拨款表 ", "国有资本经营")):
        ws = wb[name]
        _clear_body(ws, 9, 20, 4)
        ws["A22"].value = f"注：本部门2026年无{what}预算拨款安排的支出，故本表无数据。"
    ws = wb["部门一般公共预算拨款基本支出明细表"]
    _clear_body(ws, 9, 20, 3)
    for k, (code, label, pers, pub) in enumerate(economic_rows()):
        r = 9 + k
        assert r < 21
        ws.cell(r, 1).value = int(code[:3])
        ws.cell(r, 2).value = code[3:5] or None
        ws.cell(r, 3).value = label
        ws.cell(r, 4).value, ws.cell(r, 5).value, ws.cell(r, 6).value = pers + pub, pers or None, pub or None
    ws["D21"].value, ws["E21"].value, ws["F21"].value = BASIC, PERSONNEL, PUBLIC
    ws = wb["部门“三公”经费和机关运行费预算表"]
    for col, v in zip("ABCDEFG", (THREE, 0, RECEPTION, CAR_RUN, 0, CAR_RUN, PUBLIC)):
        ws[f"{col}7"].value = float(wan(v))
        ws[f"{col}7"].number_format = "#,##0.00"
    return wb


# ------------------------------------------------------------------ the printed (text) form


def _shown(cell) -> str:
    """A cell as printed: numbers in their format (whole 元 for #,##0, two decimals for 0.00)."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, (int, float)):
        fmt = cell.number_format or "General"
        places = len(fmt.split(".")[1].split("_")[0].rstrip(";")) if "." in fmt else 0
        if fmt == "General":
            return str(v)
        return f"{Decimal(repr(v)):,.{places}f}"
    return str(v)


def text_form(wb) -> str:
    out: list[str] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        rows = [(r, [_shown(c) for c in row]) for r, row in enumerate(ws.iter_rows(max_col=13), 1)]
        rows = [(r, cells) for r, cells in rows if any(x.strip() for x in cells)]
        grid_started = False
        ncols = 0
        for r, cells in rows:
            filled = [x for x in cells if x.strip()]
            table_row = len(filled) >= 2 and not all(x.startswith(("编制部门", "单位")) for x in filled)
            if table_row and not grid_started:
                grid_started = True
                last = [max((j for j, x in enumerate(cs) if x.strip()), default=0) for _, cs in rows]
                ncols = max(last) + 1
            if grid_started and (table_row or not filled[0].startswith(("注：", "注:"))):
                out.append("\t".join(x.replace("\n", "") for x in cells[:ncols]))
                continue
            for x in filled:
                out.extend(line.strip() for line in x.split("\n") if line.strip())
        out.append("")
    return "\n".join(out) + "\n"


def word_form(wb, path: Path) -> None:
    import docx

    doc = docx.Document()
    for ws in wb.worksheets:
        name = ws.title
        if name not in narrative() and name not in ("封面", "名词解释"):
            continue
        for r, row in enumerate(ws.iter_rows(max_col=1), 1):
            v = row[0].value
            if not v:
                continue
            if r == 1:
                doc.add_heading(str(v).strip(), level=1)
                continue
            for line in str(v).split("\n"):
                if line.strip():
                    doc.add_paragraph(line.strip())
    doc.core_properties.author = "auditor samples"
    doc.save(path)


def main(argv: list[str]) -> int:
    template = Path(argv[0]) if argv else TEMPLATE
    if not template.exists():
        print(f"template not found: {template}", file=sys.stderr)
        return 2
    wb = fill(template)
    wb.save(HERE / f"{NAME}.xlsx")
    (HERE / f"{NAME}.txt").write_text(text_form(wb), encoding="utf-8")
    word_form(wb, HERE / f"{NAME}.docx")
    print(f"wrote {NAME}.xlsx, {NAME}.txt, {NAME}.docx (total {TOTAL} 元 = {wan(TOTAL)} 万元)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
