#!/usr/bin/env python3
"""Generate the fictional sample disclosures in samples/ with exact arithmetic.

    python samples/gen_samples.py

writes jiangnan_final_2024.txt, hexi_budget_2025.txt, pair_2018_narrative.txt and
pair_2018_tables.txt next to this file, in the text conventions of seed.txt (narrative lines,
then per table: "表 N", a title line ending in 表, a 单位 line, tab-separated rows).

Every amount is an integer count of the smallest printed unit (0.01 万元 for the 万元 samples,
0.01 元 for the 元 sample); every total, share and change is computed here from those integers,
so the tables add up exactly and every narrative figure is what the tables give after converting
元 to 万元 and rounding half-up to 2 decimals. The script refuses to write a sample whose narrative
would depend on how a reader rounds (a 0.005 tie, or a total that differs from the sum of its
rounded parts).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROBLEMS: list[str] = []


# --------------------------------------------------------------------------- numbers


def c(text: str) -> int:
    """'1,386,240.50' -> 138624050 (hundredths of the printed unit)."""
    t = text.replace(",", "")
    whole, _, frac = t.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def table_amt(n: int, zero: str = "") -> str:
    """Hundredths -> '8,025,704.92'; zero prints as `zero` (blank by default)."""
    if n == 0:
        return zero
    assert n > 0, n
    return f"{n // 100:,}.{n % 100:02d}"


def round_half_up(fr: Fraction, what: str) -> int:
    """Round a non-negative Fraction to an integer, half up; report exact ties."""
    assert fr >= 0, (fr, what)
    fl = fr.numerator // fr.denominator
    rest = fr - fl
    if rest == Fraction(1, 2):
        PROBLEMS.append(f"rounding tie: {what} = {float(fr)}")
    return fl + (1 if rest >= Fraction(1, 2) else 0)


class Unit:
    """How table integers (hundredths of a table unit) become narrative 万元 figures."""

    def __init__(self, per_wan: int):
        self.per_wan = per_wan  # table hundredths per 0.01 万元: 1 for 万元 tables, 10000 for 元

    def w(self, n: int, what: str = "") -> int:
        """Narrative value in hundredths of 万元."""
        return round_half_up(Fraction(n, self.per_wan), what or f"amount {n}")


def wan_text(h: int, style: str = "2dp") -> str:
    """Hundredths of 万元 -> narrative text: '802.57', '0', trimmed '70' (style 'trim')."""
    if h == 0:
        return "0"
    s = f"{h // 100}.{h % 100:02d}"
    if style == "trim" and s.endswith(".00"):
        s = s[:-3]
    return s


def pct(a: int, b: int, what: str = "") -> str:
    """a/b as a percentage with 2 decimals, half-up."""
    h = round_half_up(Fraction(a * 10000, b), what or f"pct {a}/{b}")
    return f"{h // 100}.{h % 100:02d}"


class Narr:
    """Formats narrative figures of one sample and records every consistency guard."""

    def __init__(self, unit: Unit, style: str = "2dp", space: bool = False):
        self.unit = unit
        self.style = style
        self.space = space

    def m(self, n: int) -> str:
        """An amount in table units -> narrative '123.45万元'."""
        t = wan_text(self.unit.w(n), self.style)
        return f" {t} 万元" if self.space else f"{t}万元"

    def share(self, part: int, whole: int) -> str:
        p = pct(part, whole, f"share {part}/{whole}")
        if self.unit.per_wan != 1:  # the share read from rounded 万元 figures must agree
            alt = pct(self.unit.w(part), self.unit.w(whole), "share from rounded")
            if alt != p:
                PROBLEMS.append(f"share {part}/{whole}: {p}% from tables, {alt}% from rounded figures")
        return f"{p}%"

    def parts(self, whole: int, parts: list[int], what: str) -> None:
        """Guard: the rounded parts of an enumeration add up to the rounded whole."""
        assert sum(parts) == whole, (what, whole, parts)
        if sum(self.unit.w(p) for p in parts) != self.unit.w(whole):
            PROBLEMS.append(f"rounded parts of {what} do not add up to the rounded total")

    def change(self, cur: int, prev: int, *, with_pct: bool = True, flat: str = "持平", up="增加", down="减少",
               rise="增长", fall="下降") -> str:
        d = cur - prev
        if self.unit.w(cur) - self.unit.w(prev) != self.unit.w(abs(d)) * (1 if d >= 0 else -1):
            PROBLEMS.append(f"change {prev}->{cur}: rounded difference differs from difference of rounded")
        if d == 0:
            return flat
        word, pword = (up, rise) if d > 0 else (down, fall)
        s = f"{word}{self.m(abs(d))}"
        if with_pct and prev:
            s += f"，{pword}{pct(abs(d), prev, f'change {prev}->{cur}')}%"
        return s


# --------------------------------------------------------------------------- classification trees


def tree_rows(items: list[tuple[str, dict[str, int]]], names: dict[str, str], cols: list[str]):
    """类/款/项 rows in order, every 类 and 款 the sum of the 项 under it."""
    out = []
    seen = set()
    for code, vals in items:
        for pre in (code[:3], code[:5]):
            if pre not in seen:
                seen.add(pre)
                sums = {k: sum(v.get(k, 0) for cc, v in items if cc.startswith(pre)) for k in cols}
                out.append((pre, names[pre], sums))
        out.append((code, names[code], {k: vals.get(k, 0) for k in cols}))
    return out


def items_dict(items):
    return {code: vals for code, vals in items}


def col_total(items, key):
    return sum(v.get(key, 0) for _, v in items)


def class_totals(items, key):
    out: dict[str, int] = {}
    for code, v in items:
        out[code[:3]] = out.get(code[:3], 0) + v.get(key, 0)
    return out


def econ_rows(econ: list[tuple[str, str, str, int]]):
    """Economic classification rows: (code, name, 'person'|'public', amount) -> 类 then 款 rows."""
    groups: dict[str, list] = {}
    for code, name, kind, amt in econ:
        groups.setdefault(code[:3], []).append((code, name, kind, amt))
    return groups


class Doc:
    def __init__(self):
        self.lines: list[str] = []
        self.n_table = 0

    def para(self, text: str = "") -> None:
        self.lines.append(text)
        self.lines.append("")

    def table(self, title: str, unit: str, rows: list[list[str]], notes: list[str] = ()) -> None:
        self.n_table += 1
        self.lines += [f"表 {self.n_table}", "", title, "", f"单位：{unit}", ""]
        self.lines += ["\t".join(r) for r in rows]
        self.lines.append("")
        for n in notes:
            self.lines += [n, ""]

    def write(self, name: str) -> None:
        text = "\n".join(self.lines).rstrip("\n") + "\n"
        (HERE / name).write_text(text, encoding="utf-8")


CN_NUM = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 -> 一, 12 -> 十二, 26 -> 二十六."""
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    t, u = divmod(n, 10)
    return CN_NUM[t - 1] + "十" + (CN_NUM[u - 1] if u else "")


# 2019-2025 names of the 类 as printed in the two-sided summary tables
CLASSES_2024 = [
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
    ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"), ("210", "卫生健康支出"), ("211", "节能环保支出"), ("212", "城乡社区支出"),
    ("213", "农林水支出"), ("214", "交通运输支出"), ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"), ("217", "金融支出"), ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"), ("224", "灾害防治及应急管理支出"), ("229", "其他支出"),
    ("231", "债务还本支出"), ("232", "债务付息支出"), ("234", "抗疫特别国债安排的支出"),
]
CLASSES_2025 = CLASSES_2024[:22] + [
    ("227", "预备费"), ("229", "其他支出"), ("230", "转移性支出"), ("231", "债务还本支出"),
    ("232", "债务付息支出"), ("233", "债务发行费用支出"),
]
CLASSES_2018 = [
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
    ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化体育与传媒支出"),
    ("208", "社会保障和就业支出"), ("210", "医疗卫生与计划生育支出"), ("211", "节能环保支出"),
    ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"), ("215", "资源勘探信息等支出"),
    ("216", "商业服务业等支出"), ("217", "金融支出"), ("220", "国土海洋气象等支出"), ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"), ("229", "其他支出"),
]


# =========================================================================== 1. 决算 2024, 万元


def jiangnan_final_2024() -> Doc:
    u = Unit(1)
    N = Narr(u)
    org, short = "某市江南区统计局", "江南区统计局"
    names = {
        "201": "一般公共服务支出", "20105": "统计信息事务", "2010501": "行政运行",
        "2010502": "一般行政管理事务", "2010505": "专项统计业务", "2010507": "专项普查活动",
        "2010508": "统计抽样调查", "20199": "其他一般公共服务支出", "2019999": "其他一般公共服务支出",
        "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
        "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
        "20808": "抚恤", "2080801": "死亡抚恤",
        "210": "卫生健康支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗",
        "2101103": "公务员医疗补助",
        "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
    }
    # 一般公共预算财政拨款基本支出, by economic classification (万元)
    econ = [
        ("30101", "基本工资", "p", c("96.85")), ("30102", "津贴补贴", "p", c("142.37")),
        ("30103", "奖金", "p", c("11.62")), ("30107", "绩效工资", "p", c("58.40")),
        ("30108", "机关事业单位基本养老保险缴费", "p", c("41.26")), ("30109", "职业年金缴费", "p", c("20.63")),
        ("30110", "职工基本医疗保险缴费", "p", c("22.71")), ("30111", "公务员医疗补助缴费", "p", c("6.18")),
        ("30112", "其他社会保障缴费", "p", c("1.47")), ("30113", "住房公积金", "p", c("37.94")),
        ("30199", "其他工资福利支出", "p", c("4.32")),
        ("30201", "办公费", "g", c("8.46")), ("30202", "印刷费", "g", c("3.27")), ("30205", "水费", "g", c("0.86")),
        ("30206", "电费", "g", c("4.12")), ("30207", "邮电费", "g", c("3.58")),
        ("30209", "物业管理费", "g", c("12.60")), ("30211", "差旅费", "g", c("5.93")),
        ("30213", "维修（护）费", "g", c("2.15")), ("30215", "会议费", "g", c("0.48")),
        ("30216", "培训费", "g", c("1.36")), ("30217", "公务接待费", "g", c("0.92")),
        ("30226", "劳务费", "g", c("3.40")), ("30228", "工会经费", "g", c("5.17")), ("30229", "福利费", "g", c("6.84")),
        ("30231", "公务用车运行维护费", "g", c("3.76")), ("30239", "其他交通费用", "g", c("14.28")),
        ("30299", "其他商品和服务支出", "g", c("1.95")),
        ("30304", "抚恤金", "p", c("8.64")),
    ]
    econ = sorted(econ)
    E = {code: amt for code, _, _, amt in econ}
    basic_f = sum(E.values())
    person = sum(a for _, _, k, a in econ if k == "p")
    public = sum(a for _, _, k, a in econ if k == "g")
    # basic expenditure by function, from the economic detail
    fb = {
        "2080505": E["30108"], "2080506": E["30109"], "2080801": E["30304"],
        "2101101": E["30110"], "2101103": E["30111"], "2210201": E["30113"],
    }
    fb["2010501"] = basic_f - sum(fb.values())
    other_income = c("2.40")  # 其他收入, spent on 行政运行 (basic, non-fiscal)
    fp = {"2010502": c("36.48"), "2010505": c("58.37"), "2010507": c("186.92"), "2010508": c("42.15"),
          "2019999": c("6.80")}
    b0 = {"2010507": c("12.35")}  # 年初财政拨款结转
    b1 = {"2010508": c("8.60")}  # 年末财政拨款结转
    order = ["2010501", "2010502", "2010505", "2010507", "2010508", "2019999", "2080505", "2080506", "2080801",
             "2101101", "2101103", "2210201"]
    items = []
    for code in order:
        f_b, f_p = fb.get(code, 0), fp.get(code, 0)
        o_b = other_income if code == "2010501" else 0
        f_out = f_b + f_p
        f_in = f_out - b0.get(code, 0) + b1.get(code, 0)
        items.append((code, {
            "fb": f_b, "fp": f_p, "f": f_out, "ob": o_b,
            "b": f_b + o_b, "p": f_p, "t": f_out + o_b,
            "fin": f_in, "oin": o_b, "in": f_in + o_b,
        }))
    F_out = col_total(items, "f")
    F_in = col_total(items, "fin")
    B0, B1 = sum(b0.values()), sum(b1.values())
    assert F_in + B0 == F_out + B1
    income = F_in + other_income
    spend = F_out + other_income
    basic_all, proj_all = col_total(items, "b"), col_total(items, "p")
    total = income + B0
    assert total == spend + B1
    fiscal_total = F_in + B0
    cls_all = class_totals(items, "t")
    cls_f = class_totals(items, "f")

    # 三公 (预算数, 决算数), 2023 决算数
    sg = {"abroad": (0, 0), "buy": (c("18.00"), c("17.65")), "run": (c("4.20"), E["30231"]),
          "recv": (c("1.20"), E["30217"])}
    sg23 = {"abroad": 0, "buy": 0, "run": c("4.05"), "recv": c("1.08")}
    car_b, car_a = sg["buy"][0] + sg["run"][0], sg["buy"][1] + sg["run"][1]
    sg_b = sg["abroad"][0] + car_b + sg["recv"][0]
    sg_a = sg["abroad"][1] + car_a + sg["recv"][1]
    car23 = sg23["buy"] + sg23["run"]
    sg23_t = sg23["abroad"] + car23 + sg23["recv"]
    # the purchase came out of 一般行政管理事务 project funds
    assert fp["2010502"] > sg["buy"][1]

    # 全年预算 by item (一般公共预算财政拨款), 年初预算 total, 2023 comparatives
    full_budget = {"2010501": c("398.50"), "2010502": c("38.00"), "2010505": c("60.00"), "2010507": c("192.50"),
                   "2010508": c("50.75"), "2019999": c("6.80"), "2080505": c("42.00"), "2080506": c("21.00"),
                   "2080801": c("8.64"), "2101101": c("23.10"), "2101103": c("6.20"), "2210201": c("38.40")}
    A1 = sum(full_budget.values())
    A0 = c("868.40")
    total23 = c("588.43")
    fiscal_total23 = c("583.63")
    F_out23 = c("571.28")
    public23 = c("83.45")

    d = Doc()
    d.para(f"{org}2024年度部门决算")
    d.para("第一部分 部门概况")
    d.para("一、主要职能")
    d.para(f"{org}是区人民政府工作部门，主要职责是：贯彻执行国家和省、市统计法律法规、方针政策和统计调查制度；"
           "组织实施人口、经济、农业等重大国情国力普查；组织实施全区国民经济核算和各项统计调查；"
           "依法开展统计执法检查，查处统计违法行为；管理和公布全区统计信息，提供统计分析、统计咨询和统计监督服务。")
    d.para("二、部门决算单位构成")
    d.para(f"纳入{short}2024年度部门决算编制范围的单位共1个，为{short}（本级），系行政单位，无下属预算单位。")
    d.para("第二部分 2024年度部门决算情况说明")
    d.para("一、收入支出决算总体情况说明")
    d.para(f"{short}2024年度收入总计{N.m(total)}、支出总计{N.m(total)}。与2023年度相比，收入、支出总计各"
           f"{N.change(total, total23)}。主要原因是第五次全国经济普查进入数据处理和成果发布阶段，普查经费支出增加。")
    d.para("二、收入决算情况说明")
    N.parts(income, [F_in, other_income], "收入")
    d.para(f"2024年度本年收入合计{N.m(income)}，其中：财政拨款收入{N.m(F_in)}，占{N.share(F_in, income)}；"
           f"上级补助收入0万元；事业收入0万元；经营收入0万元；附属单位上缴收入0万元；"
           f"其他收入{N.m(other_income)}，占{N.share(other_income, income)}。")
    d.para("三、支出决算情况说明")
    N.parts(spend, [basic_all, proj_all], "支出")
    d.para(f"2024年度本年支出合计{N.m(spend)}，其中：基本支出{N.m(basic_all)}，占{N.share(basic_all, spend)}；"
           f"项目支出{N.m(proj_all)}，占{N.share(proj_all, spend)}；上缴上级支出0万元；经营支出0万元；"
           "对附属单位补助支出0万元。")
    d.para("四、财政拨款收入支出决算总体情况说明")
    d.para(f"{short}2024年度财政拨款收入支出总计{N.m(fiscal_total)}，其中：本年财政拨款收入{N.m(F_in)}，"
           f"年初财政拨款结转和结余{N.m(B0)}；本年财政拨款支出{N.m(F_out)}，年末财政拨款结转和结余{N.m(B1)}。"
           f"与2023年度相比，财政拨款收入支出总计{N.change(fiscal_total, fiscal_total23)}。"
           "主要原因是经济普查补助经费增加。")
    d.para("五、一般公共预算财政拨款支出决算情况说明")
    d.para("（一）一般公共预算财政拨款支出决算总体情况")
    d.para(f"2024年度一般公共预算财政拨款支出{N.m(F_out)}，占本年支出合计的{N.share(F_out, spend)}。"
           f"与2023年度相比，一般公共预算财政拨款支出{N.change(F_out, F_out23)}。主要原因是经济普查经费支出增加。")
    d.para("（二）一般公共预算财政拨款支出决算结构情况")
    cls_codes = [k for k in cls_f]
    N.parts(F_out, [cls_f[k] for k in cls_codes], "类")
    parts = "；".join(f"{names[k]}（类）{N.m(cls_f[k])}，占{N.share(cls_f[k], F_out)}" for k in cls_codes)
    d.para(f"2024年度一般公共预算财政拨款支出{N.m(F_out)}，主要用于以下方面：{parts}。")
    d.para("（三）一般公共预算财政拨款支出决算具体情况")
    d.para(f"2024年度一般公共预算财政拨款支出年初预算为{N.m(A0)}，全年预算为{N.m(A1)}，支出决算为{N.m(F_out)}，"
           f"完成年初预算的{N.share(F_out, A0)}，完成全年预算的{N.share(F_out, A1)}。决算数小于年初预算数的主要原因是："
           "严格执行过紧日子要求，压减一般性支出；部分统计调查项目按进度结转下年使用。其中：")
    uses = {
        "2010501": "机关在职人员工资福利和机关日常运转支出",
        "2010502": "机关综合业务工作及更新购置执法执勤用车1辆",
        "2010505": "统计年鉴编印、统计数据质量核查和统计信息化运维",
        "2010507": "第五次全国经济普查数据处理、事后质量抽查和普查成果开发",
        "2010508": "劳动力调查、住户收支调查等抽样调查",
        "2019999": "驻村帮扶工作经费",
        "2080505": "机关在职人员基本养老保险缴费",
        "2080506": "机关在职人员职业年金缴费",
        "2080801": "因公死亡人员一次性抚恤金",
        "2101101": "机关在职人员基本医疗保险缴费",
        "2101103": "公务员医疗补助缴费",
        "2210201": "按规定为在职职工缴存的住房公积金",
    }
    reasons = {
        "2010501": "人员变动，实际支出少于预算",
        "2010502": "公务用车购置按政府采购结果节约支出",
        "2010505": "统计年鉴印刷费用按合同结算，支出少于预算",
        "2010507": "经济普查事后质量抽查按政府采购结果结算，节约部分资金",
        "2010508": "劳动力调查部分样本轮换工作跨年度实施，相应资金结转下年使用",
        "2080505": "人员变动，缴费基数调整",
        "2080506": "人员变动，缴费基数调整",
        "2101101": "人员变动，缴费基数调整",
        "2101103": "人员变动，缴费基数调整",
        "2210201": "人员变动，缴费基数调整",
    }
    idd = items_dict(items)
    for i, code in enumerate(order, 1):
        k, x = code[:3], code[:5]
        a, bgt = idd[code]["f"], full_budget[code]
        s = (f"{i}.{names[k]}（类）{names[x]}（款）{names[code]}（项）。主要用于：{uses[code]}。"
             f"全年预算为{N.m(bgt)}，支出决算为{N.m(a)}，")
        if a == bgt:
            s += "决算数与全年预算数持平。"
        else:
            assert a < bgt, code
            s += f"完成全年预算的{N.share(a, bgt)}。决算数小于全年预算数的主要原因是：{reasons[code]}。"
        d.para(s)
    d.para("六、一般公共预算财政拨款基本支出决算情况说明")
    N.parts(basic_f, [person, public], "基本支出")
    d.para(f"2024年度一般公共预算财政拨款基本支出{N.m(basic_f)}，其中：人员经费{N.m(person)}，占{N.share(person, basic_f)}，"
           "主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、"
           "职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出、抚恤金；"
           f"公用经费{N.m(public)}，占{N.share(public, basic_f)}，主要包括：办公费、印刷费、水费、电费、邮电费、"
           "物业管理费、差旅费、维修（护）费、会议费、培训费、公务接待费、劳务费、工会经费、福利费、"
           "公务用车运行维护费、其他交通费用、其他商品和服务支出。")
    d.para("七、财政拨款“三公”经费支出决算情况说明")
    d.para("（一）“三公”经费财政拨款支出决算总体情况说明")
    N.parts(sg_a, [sg["abroad"][1], car_a, sg["recv"][1]], "三公决算")
    d.para(f"2024年度“三公”经费财政拨款支出预算为{N.m(sg_b)}，支出决算为{N.m(sg_a)}，完成预算的{N.share(sg_a, sg_b)}。"
           f"2024年度“三公”经费财政拨款支出决算较2023年度{N.change(sg_a, sg23_t)}。决算数小于预算数的主要原因是："
           "厉行节约，严控公务接待和公务用车运行支出；较上年增加的主要原因是：更新购置1辆执法执勤用车。")
    d.para("（二）“三公”经费财政拨款支出决算具体情况说明")
    d.para(f"1.因公出国（境）费。2024年度预算为{N.m(sg['abroad'][0])}，支出决算为{N.m(sg['abroad'][1])}，"
           f"与2023年度{N.change(sg['abroad'][1], sg23['abroad'])}。本单位2024年度未安排因公出国（境）团组。")
    d.para(f"2.公务用车购置及运行维护费。2024年度预算为{N.m(car_b)}，支出决算为{N.m(car_a)}，"
           f"完成预算的{N.share(car_a, car_b)}，较2023年度{N.change(car_a, car23)}。其中：公务用车购置费预算为"
           f"{N.m(sg['buy'][0])}，支出决算为{N.m(sg['buy'][1])}，完成预算的{N.share(sg['buy'][1], sg['buy'][0])}，"
           f"更新购置执法执勤用车1辆，较2023年度{N.change(sg['buy'][1], sg23['buy'])}；公务用车运行维护费预算为"
           f"{N.m(sg['run'][0])}，支出决算为{N.m(sg['run'][1])}，完成预算的{N.share(sg['run'][1], sg['run'][0])}，"
           "主要用于统计执法检查和统计调查工作所需的公务用车燃料费、维修费、过路过桥费、保险费等支出，"
           f"较2023年度{N.change(sg['run'][1], sg23['run'])}。截至2024年12月31日，本单位开支财政拨款的公务用车保有量为2辆。")
    d.para(f"3.公务接待费。2024年度预算为{N.m(sg['recv'][0])}，支出决算为{N.m(sg['recv'][1])}，"
           f"完成预算的{N.share(sg['recv'][1], sg['recv'][0])}，较2023年度{N.change(sg['recv'][1], sg23['recv'])}。"
           "其中：国内公务接待7批次，42人次，主要用于上级统计部门业务督导和兄弟区县统计工作交流；外事接待0批次，0人次。")
    d.para("八、政府性基金预算财政拨款收入支出决算情况说明")
    d.para(f"{short}2024年度无政府性基金预算财政拨款收入和支出。")
    d.para("九、国有资本经营预算财政拨款收入支出决算情况说明")
    d.para(f"{short}2024年度无国有资本经营预算财政拨款收入和支出。")
    d.para("十、预算绩效管理情况说明")
    d.para(f"2024年度本部门对{len(fp)}个项目开展了绩效自评，涉及一般公共预算财政拨款项目支出{N.m(sum(fp.values()))}，"
           "自评结果均为“优”。本部门绩效自评中共发现问题2个，已按要求完成整改。")
    d.para("十一、其他重要事项的情况说明")
    d.para("（一）机关运行经费支出情况")
    d.para(f"2024年度{short}机关运行经费支出{N.m(public)}，比2023年度{N.change(public, public23)}。"
           "主要原因是压减一般性支出，办公费、差旅费等日常公用支出减少。")
    d.para("（二）政府采购支出情况")
    pg, pw, ps = c("24.30"), 0, c("28.34")
    ptot = pg + pw + ps
    sme, small = c("45.12"), c("38.76")
    N.parts(ptot, [pg, pw, ps], "政府采购")
    d.para(f"2024年度{short}政府采购支出总额{N.m(ptot)}，其中：政府采购货物支出{N.m(pg)}、政府采购工程支出{N.m(pw)}、"
           f"政府采购服务支出{N.m(ps)}。授予中小企业合同金额{N.m(sme)}，占政府采购支出总额的{N.share(sme, ptot)}，"
           f"其中：授予小微企业合同金额{N.m(small)}，占授予中小企业合同金额的{N.share(small, sme)}。")
    d.para("（三）国有资产占有使用情况")
    cars = [("主要领导干部用车", 0), ("机要通信用车", 0), ("应急保障用车", 0), ("执法执勤用车", 2),
            ("特种专业技术用车", 0), ("离退休干部用车", 0), ("其他用车", 0)]
    d.para(f"截至2024年12月31日，{short}共有车辆{sum(n for _, n in cars)}辆，其中："
           + "、".join(f"{k}{n}辆" for k, n in cars) + "。单价100万元（含）以上设备（不含车辆）0台（套）。")
    d.para("第三部分 名词解释")
    for t in [
        "一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。",
        "二、其他收入：指单位取得的除财政拨款收入、事业收入、经营收入等以外的收入，主要是存款利息收入。",
        "三、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
        "四、年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。",
        "五、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
        "六、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "七、“三公”经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
        "八、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
    ]:
        d.para(t)
    d.para("第四部分 2024年度部门决算表")

    # 表1 收入支出决算总表
    inc_left = [
        ("一、一般公共预算财政拨款收入", F_in), ("二、政府性基金预算财政拨款收入", 0),
        ("三、国有资本经营预算财政拨款收入", 0), ("四、上级补助收入", 0), ("五、事业收入", 0), ("六、经营收入", 0),
        ("七、附属单位上缴收入", 0), ("八、其他收入", other_income),
    ]
    rows = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"]]
    for i, (code, nm) in enumerate(CLASSES_2024):
        left = inc_left[i] if i < len(inc_left) else ("", 0)
        rows.append([left[0], table_amt(left[1]), f"{cn(i + 1)}、{nm}", table_amt(cls_all.get(code, 0))])
    rows += [
        ["本年收入合计", table_amt(income), "本年支出合计", table_amt(spend)],
        ["使用非财政拨款结余", "", "结余分配", ""],
        ["年初结转和结余", table_amt(B0), "年末结转和结余", table_amt(B1)],
        ["收入总计", table_amt(total), "支出总计", table_amt(total)],
    ]
    d.table(f"{short}收入支出决算总表", "万元", rows)

    # 表2 收入决算表
    cols = ["in", "fin", "_", "_", "_", "_", "oin"]
    rows = [["项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
            ["科目编码", "科目名称", "", "", "", "", "", "", ""]]
    rows.append(["合计", ""] + [table_amt(col_total(items, k)) if k != "_" else "" for k in cols])
    for code, nm, v in tree_rows(items, names, ["in", "fin", "oin"]):
        rows.append([code, nm] + [table_amt(v[k]) if k != "_" else "" for k in cols])
    d.table(f"{short}收入决算表", "万元", rows)

    # 表3 支出决算表
    rows = [["项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
            ["科目编码", "科目名称", "", "", "", "", "", ""]]
    rows.append(["合计", "", table_amt(spend), table_amt(basic_all), table_amt(proj_all), "", "", ""])
    for code, nm, v in tree_rows(items, names, ["t", "b", "p"]):
        rows.append([code, nm, table_amt(v["t"]), table_amt(v["b"]), table_amt(v["p"]), "", "", ""])
    d.table(f"{short}支出决算表", "万元", rows)

    # 表4 财政拨款收入支出决算总表
    left = [("一、一般公共预算财政拨款", F_in), ("二、政府性基金预算财政拨款", 0), ("三、国有资本经营预算财政拨款", 0)]
    rows = [["收入", "", "支出", "", "", "", ""],
            ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]]
    for i, (code, nm) in enumerate(CLASSES_2024):
        l = left[i] if i < len(left) else ("", 0)
        v = cls_f.get(code, 0)
        rows.append([l[0], table_amt(l[1]), f"{cn(i + 1)}、{nm}", table_amt(v), table_amt(v), "", ""])
    rows += [
        ["本年收入合计", table_amt(F_in), "本年支出合计", table_amt(F_out), table_amt(F_out), "", ""],
        ["年初财政拨款结转和结余", table_amt(B0), "年末财政拨款结转和结余", table_amt(B1), table_amt(B1), "", ""],
        ["一、一般公共预算财政拨款", table_amt(B0), "", "", "", "", ""],
        ["二、政府性基金预算财政拨款", "", "", "", "", "", ""],
        ["三、国有资本经营预算财政拨款", "", "", "", "", "", ""],
        ["收入总计", table_amt(fiscal_total), "支出总计", table_amt(fiscal_total), table_amt(fiscal_total), "", ""],
    ]
    d.table(f"{short}财政拨款收入支出决算总表", "万元", rows)

    # 表5 一般公共预算财政拨款支出决算表
    rows = [["项目", "", "本年支出", "", ""], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["合计", "", table_amt(F_out), table_amt(basic_f), table_amt(col_total(items, "fp"))]]
    for code, nm, v in tree_rows(items, names, ["f", "fb", "fp"]):
        rows.append([code, nm, table_amt(v["f"]), table_amt(v["fb"]), table_amt(v["fp"])])
    d.table(f"{short}一般公共预算财政拨款支出决算表", "万元", rows)

    # 表6 一般公共预算财政拨款基本支出决算表
    rows = [["经济分类科目", "", "决算数", "", ""], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
            ["合计", "", table_amt(basic_f), table_amt(person), table_amt(public)]]
    rows += econ_block(econ, {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"})
    d.table(f"{short}一般公共预算财政拨款基本支出决算表", "万元", rows)

    # 表7 财政拨款“三公”经费支出决算表
    def sg_cells(i):
        car = sg["buy"][i] + sg["run"][i]
        tot = sg["abroad"][i] + car + sg["recv"][i]
        return [table_amt(x, "0.00") for x in (tot, sg["abroad"][i], car, sg["buy"][i], sg["run"][i], sg["recv"][i])]

    rows = [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
            ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2,
            ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
            sg_cells(0) + sg_cells(1)]
    d.table(f"{short}财政拨款“三公”经费支出决算表", "万元", rows)

    # 表8 政府性基金预算财政拨款收入支出决算表
    rows = [["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
            ["科目编码", "科目名称", "", "", "合计", "基本支出", "项目支出", ""],
            ["合计", "", "", "", "", "", "", ""]]
    d.table(f"{short}政府性基金预算财政拨款收入支出决算表", "万元", rows,
            ["（注：本单位无政府性基金收支，故此表无数据。）"])

    d.facts = dict(total=total, income=income, spend=spend, F_in=F_in, F_out=F_out, basic_all=basic_all,
                   proj_all=proj_all, basic_f=basic_f, person=person, public=public, B0=B0, B1=B1,
                   fiscal_total=fiscal_total, sg_b=sg_b, sg_a=sg_a, A0=A0, A1=A1, cls_f=cls_f)
    return d


def econ_block(econ, class_names, cols=("t", "p", "g")):
    """Rows for an economic-classification table: 类 row then its 款 rows; cols from t(otal)/p(erson)/g(public)."""
    rows = []
    groups = econ_rows(econ)
    for k in sorted(groups):
        g = groups[k]
        vals = {"t": sum(a for *_, a in g), "p": sum(a for _, _, kd, a in g if kd == "p"),
                "g": sum(a for _, _, kd, a in g if kd == "g")}
        rows.append([k, class_names[k]] + [table_amt(vals[x]) for x in cols])
        for code, name, kd, a in g:
            v = {"t": a, "p": a if kd == "p" else 0, "g": a if kd == "g" else 0}
            rows.append([code, name] + [table_amt(v[x]) for x in cols])
    return rows


# =========================================================================== 2. 预算 2025, 元 tables


def hexi_budget_2025() -> Doc:
    u = Unit(10000)
    N = Narr(u, style="2dp", space=True)
    org, short = "某市河西区人民政府办公室", "河西区人民政府办公室"
    names = {
        "201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务", "2010301": "行政运行",
        "2010302": "一般行政管理事务", "2010306": "政务公开审批", "2010308": "信访事务",
        "20199": "其他一般公共服务支出", "2019999": "其他一般公共服务支出",
        "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
        "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
        "2080599": "其他行政事业单位养老支出", "20899": "其他社会保障和就业支出",
        "2089999": "其他社会保障和就业支出",
        "210": "卫生健康支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗", "2101103": "公务员医疗补助",
        "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金", "2210203": "购房补贴",
    }
    econ = sorted([
        ("30101", "基本工资", "p", c("1,386,240.00")), ("30102", "津贴补贴", "p", c("1,742,508.00")),
        ("30103", "奖金", "p", c("215,460.00")), ("30107", "绩效工资", "p", c("826,300.00")),
        ("30108", "机关事业单位基本养老保险缴费", "p", c("612,873.28")),
        ("30109", "职业年金缴费", "p", c("306,436.64")), ("30110", "职工基本医疗保险缴费", "p", c("298,512.36")),
        ("30111", "公务员医疗补助缴费", "p", c("52,800.00")), ("30112", "其他社会保障缴费", "p", c("23,916.72")),
        ("30113", "住房公积金", "p", c("459,654.96")), ("30199", "其他工资福利支出", "p", c("680,500.00")),
        ("30201", "办公费", "g", c("186,420.50")), ("30202", "印刷费", "g", c("42,000.00")),
        ("30205", "水费", "g", c("28,000.00")), ("30206", "电费", "g", c("96,000.00")),
        ("30207", "邮电费", "g", c("64,800.00")), ("30209", "物业管理费", "g", c("325,600.00")),
        ("30211", "差旅费", "g", c("88,000.00")), ("30213", "维修（护）费", "g", c("45,000.00")),
        ("30215", "会议费", "g", c("30,000.00")), ("30216", "培训费", "g", c("36,000.00")),
        ("30217", "公务接待费", "g", c("25,000.00")), ("30226", "劳务费", "g", c("120,000.00")),
        ("30228", "工会经费", "g", c("68,941.80")), ("30229", "福利费", "g", c("44,640.00")),
        ("30231", "公务用车运行维护费", "g", c("55,000.00")), ("30239", "其他交通费用", "g", c("284,160.00")),
        ("30299", "其他商品和服务支出", "g", c("61,327.46")),
        ("30305", "生活补助", "p", c("212,000.00")), ("30399", "其他对个人和家庭的补助", "p", c("96,000.00")),
    ])
    E = {code: a for code, _, _, a in econ}
    basic = sum(E.values())
    person = sum(a for _, _, k, a in econ if k == "p")
    public = sum(a for _, _, k, a in econ if k == "g")
    fb = {"2080505": E["30108"], "2080506": E["30109"], "2080599": E["30305"], "2101101": E["30110"],
          "2101103": E["30111"], "2210201": E["30113"], "2210203": E["30399"]}
    fb["2010301"] = basic - sum(fb.values())
    fp = {"2010302": c("1,280,000.00"), "2010306": c("356,800.00"), "2010308": c("420,000.00"),
          "2019999": c("185,000.00"), "2089999": c("36,000.00")}
    # 2024 预算数 (basic, project) by item
    prev = {
        "2010301": (c("5,684,210.35"), 0), "2010302": (0, c("1,150,000.00")), "2010306": (0, c("300,000.00")),
        "2010308": (0, c("450,000.00")), "2019999": (0, c("200,000.00")), "2080505": (c("580,126.40"), 0),
        "2080506": (c("290,063.20"), 0), "2080599": (c("198,000.00"), 0), "2089999": (0, c("50,000.00")),
        "2101101": (c("281,640.12"), 0), "2101103": (c("52,800.00"), 0), "2210201": (c("435,189.60"), 0),
        "2210203": (c("96,000.00"), 0),
    }
    order = ["2010301", "2010302", "2010306", "2010308", "2019999", "2080505", "2080506", "2080599", "2089999",
             "2101101", "2101103", "2210201", "2210203"]
    items = []
    for code in order:
        b, p = fb.get(code, 0), fp.get(code, 0)
        pb, pp = prev[code]
        items.append((code, {"t": b + p, "b": b, "p": p, "pt": pb + pp, "pb": pb, "pp": pp}))
    total, proj = col_total(items, "t"), col_total(items, "p")
    assert col_total(items, "b") == basic
    t24, b24, p24 = col_total(items, "pt"), col_total(items, "pb"), col_total(items, "pp")
    cls = class_totals(items, "t")
    sg25 = {"abroad": 0, "buy": 0, "run": E["30231"], "recv": E["30217"]}
    sg24 = {"abroad": 0, "buy": c("180,000.00"), "run": c("60,000.00"), "recv": c("30,000.00")}
    sgt = lambda s: s["abroad"] + s["buy"] + s["run"] + s["recv"]  # noqa: E731
    public24 = c("1,498,500.00")
    goods, works, services = c("236,000.00"), 0, c("612,400.00")
    procurement = goods + works + services

    d = Doc()
    d.para(f"{org} 2025 年部门预算情况说明")
    d.para("一、单位基本情况")
    d.para("（一）职能职责。")
    d.para(f"{short}是区人民政府的综合办事机构，负责区政府日常运转的服务保障，组织起草区政府文件和重要文稿，"
           "督促检查区政府各部门和各街道对区政府决策部署的贯彻落实情况，统筹推进全区政务公开、政务服务和信访工作，"
           "承担区政府总值班和突发事件信息报送工作。")
    d.para("（二）机构设置。")
    d.para(f"{short}内设秘书科、综合科、督查科、政务公开科、信访科、机关党委（人事科）6个内设机构。"
           f"纳入2025年部门预算编制范围的预算单位1个，即{short}（行政）。")
    d.para("二、部门收支总体情况")
    d.para(f"（一）收入预算：2025 年年初预算数{N.m(total)}，其中：一般公共预算拨款{N.m(total)}，政府性基金预算拨款{N.m(0)}，"
           f"国有资本经营预算收入{N.m(0)}，事业收入{N.m(0)}，事业单位经营收入{N.m(0)}，其他收入{N.m(0)}。"
           f"收入较去年{N.change(total, t24)}，主要是人员经费标准调整和政务公开审批、信访等业务经费增加。")
    cls_codes = list(cls)
    N.parts(total, [cls[k] for k in cls_codes], "类")
    N.parts(total - t24, [basic - b24, proj - p24], "支出增加")
    d.para(f"（二）支出预算：2025 年年初预算数{N.m(total)}，其中："
           + "，".join(f"{names[k]}{N.m(cls[k])}" for k in cls_codes)
           + f"。支出较去年{N.change(total, t24, with_pct=False)}，主要是基本支出{N.change(basic, b24, with_pct=False)}，"
             f"项目支出{N.change(proj, p24, with_pct=False)}。")
    d.para("三、部门预算情况说明")
    N.parts(total, [basic, proj], "基本+项目")
    d.para(f"2025 年一般公共预算财政拨款收入{N.m(total)}，一般公共预算财政拨款支出{N.m(total)}，"
           f"比 2024 年{N.change(total, t24)}。其中：基本支出{N.m(basic)}，占{N.share(basic, total)}，"
           f"比 2024 年{N.change(basic, b24)}，主要原因是人员经费标准调整，主要用于保障在职人员工资福利及社会保险缴费，"
           f"保障部门正常运转的各项商品和服务支出；项目支出{N.m(proj)}，占{N.share(proj, total)}，"
           f"比 2024 年{N.change(proj, p24)}，主要原因是政务公开标准化建设和机关综合业务经费增加，"
           "主要用于区政府重要会议和公务活动保障、政务公开审批、信访接待处置等重点工作。")
    d.para(f"2025 年政府性基金预算收入{N.m(0)}，政府性基金预算支出{N.m(0)}，{short} 2025 年无使用政府性基金预算拨款安排的支出。")
    d.para("四、“三公”经费情况说明")
    N.parts(sgt(sg25), [sg25["abroad"], sg25["recv"], sg25["run"], sg25["buy"]], "三公2025")
    d.para(f"2025 年“三公”经费预算{N.m(sgt(sg25))}，较 2024 年{N.change(sgt(sg25), sgt(sg24))}。"
           f"其中：因公出国（境）费用{N.m(sg25['abroad'])}，与 2024 年{N.change(sg25['abroad'], sg24['abroad'])}；"
           f"公务接待费{N.m(sg25['recv'])}，较 2024 年{N.change(sg25['recv'], sg24['recv'])}；"
           f"公务用车运行维护费{N.m(sg25['run'])}，较 2024 年{N.change(sg25['run'], sg24['run'])}；"
           f"公务用车购置费{N.m(sg25['buy'])}，较 2024 年{N.change(sg25['buy'], sg24['buy'])}，"
           "主要原因是 2024 年已完成 1 辆超期服役公务用车的更新，2025 年无车辆购置计划。")
    d.para("五、其他重要事项的情况说明")
    d.para(f"1.机关运行经费。2025 年一般公共预算财政拨款运行经费{N.m(public)}，比上年{N.change(public, public24)}，"
           "主要原因是办公用房物业管理费按新合同标准调整。主要用于办公费、印刷费、水电费、邮电费、物业管理费、"
           "差旅费、维修（护）费、会议费、培训费、公务接待费及其他商品和服务支出等。")
    N.parts(procurement, [goods, works, services], "政府采购")
    d.para(f"2.政府采购情况。所属各预算单位政府采购预算总额{N.m(procurement)}：政府采购货物预算{N.m(goods)}、"
           f"政府采购工程预算{N.m(works)}、政府采购服务预算{N.m(services)}；其中一般公共预算拨款政府采购{N.m(procurement)}："
           f"政府采购货物预算{N.m(goods)}、政府采购工程预算{N.m(works)}、政府采购服务预算{N.m(services)}。")
    d.para(f"3.绩效目标设置情况。2025 年项目支出均实行了绩效管理，涉及一般公共预算当年财政拨款{N.m(proj)}。")
    d.para("4.国有资产占有使用情况。截止 2024 年 12 月，所属各预算单位共有车辆 2 辆，其中一般公务用车 2 辆、执勤执法用车 0 辆。"
           "2025 年一般公共预算安排购置车辆 0 辆，其中一般公务用车 0 辆、执勤执法用车 0 辆。")
    d.para("六、专业性名词解释")
    for t in [
        "（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。",
        "（二）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
        "（三）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "（四）“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。"
        "其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；"
        "公务用车购置费反映单位公务用车购置支出（含车辆购置税）；公务用车运行维护费反映单位按规定保留的公务用车燃料费、"
        "维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
    ]:
        d.para(t)
    d.para("部门预算公开联系人：张某某 联系方式：000-00000000")

    T = lambda n: table_amt(n)  # noqa: E731
    # 表1 财政拨款收支总表
    rows = [["收入", "", "支出", "", "", "", ""],
            ["项目", "预算数", "项目", "合计", "一般公共预算 财政拨款", "政府性基金预 算财政拨款", "国有资本经营 预算财政拨款"]]
    left = [("一、本年收入", total), ("一般公共预算拨款", total), ("政府性基金预算拨款", 0), ("国有资本经营预算拨款", 0),
            ("", 0), ("二、上年结转", 0), ("一般公共预算拨款", 0), ("政府性基金预算拨款", 0), ("国有资本经营预算拨款", 0)]
    right = [("一、本年支出", total)] + [(nm, cls.get(code, 0)) for code, nm in CLASSES_2025] + [("二、结转下年", 0)]
    for i, (rn, rv) in enumerate(right):
        ln, lv = left[i] if i < len(left) else ("", 0)
        rows.append([ln, T(lv), rn, T(rv), T(rv), "", ""])
    rows.append(["收入总数", T(total), "支出总数", T(total), T(total), "", ""])
    d.table(f"{short}财政拨款收支总表", "元", rows)

    # 表2 一般公共预算财政拨款支出预算表
    rows = [["功能分类科目", "", "2024 年预算数", "", "", "2025 年预算数", "", ""],
            ["科目编码", "科目名称", "小计", "基本支出", "项目支出", "小计", "基本支出", "项目支出"],
            ["合计", "", T(t24), T(b24), T(p24), T(total), T(basic), T(proj)]]
    for code, nm, v in tree_rows(items, names, ["pt", "pb", "pp", "t", "b", "p"]):
        rows.append([code, nm] + [T(v[k]) for k in ("pt", "pb", "pp", "t", "b", "p")])
    d.table(f"{short}一般公共预算财政拨款支出预算表", "元", rows)

    # 表3 一般公共预算财政拨款基本支出预算表
    rows = [["经济分类科目", "", "2025 年基本支出", "", ""], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
            ["合计", "", T(basic), T(person), T(public)]]
    rows += econ_block(econ, {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"})
    d.table(f"{short}一般公共预算财政拨款基本支出预算表", "元", rows)

    # 表4 “三公”经费支出表
    def sg_cells(s):
        car = s["buy"] + s["run"]
        return [T(sgt(s)), T(s["abroad"]), T(car), T(s["buy"]), T(s["run"]), T(s["recv"])]

    rows = [["2024 年预算数", "", "", "", "", "", "2025 年预算数", "", "", "", "", ""],
            ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2,
            ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
            sg_cells(sg24) + sg_cells(sg25)]
    d.table(f"{short}一般公共预算“三公”经费支出表", "元", rows)

    # 表5 政府性基金预算支出表
    rows = [["科目编码", "科目名称", "本年政府性基金预算财政拨款支出", "", ""], ["", "", "合计", "基本支出", "项目支出"],
            ["合计", "", "", "", ""]]
    d.table(f"{short}政府性基金预算支出表", "元", rows, ["（备注：本单位无政府性基金收支，故此表无数据。）"])

    # 表6 部门收支总表
    rows = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    left = [("一般公共预算拨款收入", total), ("政府性基金预算拨款收入", 0), ("国有资本经营预算拨款收入", 0),
            ("事业收入预算", 0), ("事业单位经营收入预算", 0), ("其他收入预算", 0)]
    for i, (code, nm) in enumerate(CLASSES_2025):
        ln, lv = left[i] if i < len(left) else ("", 0)
        rows.append([ln, T(lv), nm, T(cls.get(code, 0))])
    rows += [["本年收入合计", T(total), "本年支出合计", T(total)], ["用事业基金弥补收支差额", "", "结转下年", ""],
             ["上年结转", "", "", ""], ["收入总计", T(total), "支出总计", T(total)]]
    d.table(f"{short}部门收支总表", "元", rows)

    # 表7 部门收入总表
    head = ["科目", "", "合计", "上年结转", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
            "事业收入", "", "事业单位经营收入", "其他收入", "用事业基金弥补收支差额"]
    rows = [head, ["科目编码", "科目名称", "", "", "", "", "", "非教育收费收入", "教育收费收入", "", "", ""],
            ["合计", "", T(total), "", T(total)] + [""] * 7]
    for code, nm, v in tree_rows(items, names, ["t"]):
        rows.append([code, nm, T(v["t"]), "", T(v["t"])] + [""] * 7)
    d.table(f"{short}部门收入总表", "元", rows)

    # 表8 部门支出总表
    rows = [["科目编码", "科目名称", "合计", "基本支出", "项目支出", "上缴上级支出", "事业单位经营支出", "对下级单位补助支出"],
            ["合计", "", T(total), T(basic), T(proj), "", "", ""]]
    for code, nm, v in tree_rows(items, names, ["t", "b", "p"]):
        rows.append([code, nm, T(v["t"]), T(v["b"]), T(v["p"]), "", "", ""])
    d.table(f"{short}部门支出总表", "元", rows)

    # 表9 政府采购预算明细表
    head = ["项目", "合计", "上年结转", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
            "事业收入预算", "", "事业单位经营收入预算", "其他收入预算", "用事业基金弥补收支差额"]
    rows = [head, ["", "", "", "", "", "", "非教育收费收入预算", "教育收费收入预算", "", "", ""]]
    for nm, v in [("合计", procurement), ("货物类", goods), ("工程类", works), ("服务类", services)]:
        rows.append([nm, T(v), "", T(v)] + [""] * 7)
    d.table(f"{short}政府采购预算明细表", "元", rows)

    d.facts = dict(total=total, basic=basic, proj=proj, person=person, public=public, t24=t24, b24=b24, p24=p24,
                   sg25=sgt(sg25), sg24=sgt(sg24), procurement=procurement, cls=cls)
    return d


# =========================================================================== 3. 2018 Jiangsu-style pair, 万元


def pair_2018() -> tuple[Doc, Doc]:
    u = Unit(1)
    N = Narr(u, style="trim")
    org = "某省档案馆"
    names = {
        "201": "一般公共服务支出", "20126": "档案事务", "2012601": "行政运行", "2012602": "一般行政管理事务",
        "2012604": "档案馆",
        "208": "社会保障和就业支出", "20805": "行政事业单位离退休", "2080501": "归口管理的行政单位离退休",
        "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
        "210": "医疗卫生与计划生育支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗",
        "2101103": "公务员医疗补助",
        "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金", "2210202": "提租补贴",
    }
    econ = sorted([
        ("30101", "基本工资", "p", c("356.22")), ("30102", "津贴补贴", "p", c("612.95")),
        ("30103", "奖金", "p", c("42.50")), ("30107", "绩效工资", "p", c("168.00")),
        ("30108", "机关事业单位基本养老保险缴费", "p", c("268.54")), ("30109", "职业年金缴费", "p", c("107.42")),
        ("30110", "职工基本医疗保险缴费", "p", c("96.18")), ("30111", "公务员医疗补助缴费", "p", c("18.60")),
        ("30112", "其他社会保障缴费", "p", c("6.37")), ("30113", "住房公积金", "p", c("201.40")),
        ("30114", "医疗费", "p", c("12.00")), ("30199", "其他工资福利支出", "p", c("24.80")),
        ("30201", "办公费", "g", c("58.60")), ("30205", "水费", "g", c("12.00")), ("30206", "电费", "g", c("46.50")),
        ("30207", "邮电费", "g", c("18.40")), ("30209", "物业管理费", "g", c("96.00")),
        ("30211", "差旅费", "g", c("22.00")), ("30212", "因公出国（境）费用", "g", c("12.00")),
        ("30213", "维修（护）费", "g", c("35.00")), ("30215", "会议费", "g", c("6.00")),
        ("30216", "培训费", "g", c("9.80")), ("30217", "公务接待费", "g", c("4.00")),
        ("30218", "专用材料费", "g", c("28.60")), ("30228", "工会经费", "g", c("17.85")),
        ("30229", "福利费", "g", c("11.90")), ("30231", "公务用车运行维护费", "g", c("8.60")),
        ("30239", "其他交通费用", "g", c("43.20")), ("30299", "其他商品和服务支出", "g", c("9.55")),
        ("30302", "退休费", "p", c("412.36")), ("30309", "奖励金", "p", c("1.20")),
    ])
    E = {code: a for code, _, _, a in econ}
    basic_f = sum(E.values())
    person = sum(a for _, _, k, a in econ if k == "p")
    public = sum(a for _, _, k, a in econ if k == "g")
    fb = {"2080501": E["30302"], "2080505": E["30108"], "2080506": E["30109"], "2101101": E["30110"],
          "2101103": E["30111"], "2210201": E["30113"], "2210202": c("142.80")}  # 提租补贴 is paid within 30102
    fb["2012601"] = basic_f - sum(fb.values())
    fp = {"2012602": c("286.40"), "2012604": c("1,135.80")}
    other = c("36.00")  # 其他资金·其他收入, spent on the 档案馆 project
    op = {"2012604": other}
    prev = {  # 2017 预算数 by item (财政拨款)
        "2012601": c("1,480.15"), "2012602": c("301.20"), "2012604": c("986.50"), "2080501": c("398.60"),
        "2080505": c("252.36"), "2080506": c("100.94"), "2101101": c("90.72"), "2101103": c("17.40"),
        "2210201": c("189.65"), "2210202": c("142.80"),
    }
    other17 = c("30.00")
    order = ["2012601", "2012602", "2012604", "2080501", "2080505", "2080506", "2101101", "2101103", "2210201",
             "2210202"]
    items = []
    for code in order:
        b, p, o = fb.get(code, 0), fp.get(code, 0), op.get(code, 0)
        items.append((code, {"f": b + p, "fb": b, "fp": p, "t": b + p + o, "b": b, "p": p + o, "prev": prev[code]}))
    F = col_total(items, "f")
    F17 = col_total(items, "prev")
    total, total17 = F + other, F17 + other17
    basic, proj = col_total(items, "b"), col_total(items, "p")
    fproj = col_total(items, "fp")
    assert basic == basic_f
    cls_t, cls_f, cls17 = class_totals(items, "t"), class_totals(items, "f"), class_totals(items, "prev")
    proj17 = sum(prev[k] for k in fp) + other17
    basic17 = total17 - proj17
    sg = {"abroad": E["30212"], "buy": 0, "run": E["30231"], "recv": E["30217"], "meet": E["30215"],
          "train": E["30216"]}
    sg17 = {"abroad": c("15.00"), "buy": 0, "run": c("9.20"), "recv": c("4.50"), "meet": c("6.00"), "train": c("8.50")}
    car = sg["buy"] + sg["run"]
    sg3 = sg["abroad"] + car + sg["recv"]
    public17 = c("418.65")

    # ---------------------------------------------------------------- narrative
    n = Doc()
    n.para(f"{org}2018年度部门预算公开")
    n.para("第一部分 部门概况")
    n.para("一、主要职能")
    for t in [
        "1．贯彻执行国家档案工作法律法规和方针政策，研究拟订全省档案事业发展规划并组织实施。",
        "2．负责接收、征集、整理、保管省级机关、团体和其他组织形成的具有永久和长期保存价值的档案资料。",
        "3．负责馆藏档案的安全保护、数字化加工和抢救修复工作，承担全省重要档案的异地备份工作。",
        "4．负责馆藏档案的开放鉴定和利用服务，组织开展档案编研、陈列展览和爱国主义教育工作。",
        "5．完成省委、省政府交办的其他任务。",
    ]:
        n.para(t)
    n.para("二、部门机构设置及预算单位构成情况")
    n.para("1．根据部门职责分工，本部门内设机构包括：办公室、接收征集处、保管保护处、利用服务处、编研展览处、"
           "信息技术处、人事处（机关党委）等7个处室。")
    n.para(f"2．从预算单位构成看，纳入本部门2018年部门汇总预算编制范围的预算单位共计1家，仅包括{org}本级。")
    n.para("三、2018年度部门主要工作任务及目标")
    n.para("1．推进馆藏档案数字化。全年完成馆藏档案数字化加工300万画幅，馆藏重点档案数字化率达到85%以上。")
    n.para("2．加强档案安全保护。完成库房恒温恒湿系统改造，开展濒危档案抢救修复，确保馆藏档案绝对安全。")
    n.para("3．提升档案利用服务水平。完善档案查阅利用服务平台，推进跨馆出具档案证明工作。")
    n.para("第二部分 2018年度部门预算表")
    n.para("具体公开表样附后")
    n.para("第三部分 2018年度部门预算情况说明")
    n.para("一、收支预算总体情况说明")
    n.para(f"{org}2018年度收入、支出预算总计{N.m(total)}，与上年相比收、支预算总计各{N.change(total, total17)}。"
           "主要原因是人员经费政策性调增、馆藏档案数字化加工项目经费增加。其中：")
    n.para(f"（一）收入预算总计{N.m(total)}。包括：")
    n.para(f"1．财政拨款收入预算总计{N.m(F)}。")
    n.para(f"（1）一般公共预算收入预算{N.m(F)}，与上年相比{N.change(F, F17)}。主要原因是人员经费政策性调增、"
           "馆藏档案数字化加工项目经费增加。")
    n.para("（2）政府性基金预算收入预算0万元，与上年预算数一致。")
    n.para("2．财政专户管理资金收入预算总计0万元，与上年预算数一致。")
    n.para(f"3．其他资金收入预算总计{N.m(other)}，与上年相比{N.change(other, other17)}。主要原因是档案复制服务收入增加。")
    n.para(f"（二）支出预算总计{N.m(total)}。包括：")
    uses = {"201": "主要用于保障机构正常运转、完成日常和特定的工作任务而发生的基本支出和项目支出",
            "208": "主要用于离退休人员支出、缴纳在职人员基本养老保险和职业年金的支出",
            "210": "主要用于在职人员基本医疗保险缴费和公务员医疗补助缴费支出",
            "221": "主要用于按照国家政策规定，为职工缴纳的住房公积金和发放的提租补贴"}
    whys = {"201": "人员经费政策性调增、馆藏档案数字化加工项目经费增加",
            "208": "在职人员基本养老保险和职业年金缴费基数调整、退休人员增加",
            "210": "医疗保险缴费基数调整",
            "221": "住房公积金缴存基数调整"}
    for i, k in enumerate(cls_t, 1):
        nm = names[k][:-2] if names[k].endswith("支出") else names[k]
        n.para(f"{i}．{nm}（类）支出{N.m(cls_t[k])}，{uses[k]}。与上年相比{N.change(cls_t[k], cls17[k] + (other17 if k == '201' else 0))}。"
               f"主要原因是{whys[k]}。")
    n.para(f"此外，基本支出预算数为{N.m(basic)}。与上年相比{N.change(basic, basic17)}。主要原因是人员经费政策性调增。")
    n.para(f"项目支出预算数为{N.m(proj)}。与上年相比{N.change(proj, proj17)}。主要原因是馆藏档案数字化加工项目经费增加。")
    n.para("单位预留机动经费预算数为0万元，与上年预算数一致。")
    n.para("二、收入预算情况说明")
    N.parts(total, [F, other], "收入")
    n.para(f"{org}本年收入预算合计{N.m(total)}，其中：")
    n.para(f"一般公共预算收入{N.m(F)}，占{N.share(F, total)}；")
    n.para(f"其他资金{N.m(other)}，占{N.share(other, total)}。")
    n.para("三、支出预算情况说明")
    N.parts(total, [basic, proj], "支出")
    n.para(f"{org}本年支出预算合计{N.m(total)}，其中：")
    n.para(f"基本支出{N.m(basic)}，占{N.share(basic, total)}；")
    n.para(f"项目支出{N.m(proj)}，占{N.share(proj, total)}。")
    n.para("四、财政拨款收支预算总体情况说明")
    n.para(f"{org}2018年度财政拨款收、支总预算{N.m(F)}。与上年相比，财政拨款收、支总计各{N.change(F, F17)}。"
           "主要原因是人员经费政策性调增、馆藏档案数字化加工项目经费增加。")
    n.para("五、财政拨款支出预算情况说明")
    n.para(f"{org}2018年财政拨款预算支出{N.m(F)}，占本年支出合计的{N.share(F, total)}。与上年相比，财政拨款支出"
           f"{N.change(F, F17)}。主要原因是人员经费政策性调增、馆藏档案数字化加工项目经费增加。其中：")
    item_why = {
        "2012601": "人员经费政策性调整", "2012602": "压减一般性支出", "2012604": "馆藏档案数字化加工工作量增加",
        "2080501": "退休人员增加", "2080505": "缴费基数调整", "2080506": "缴费基数调整", "2101101": "缴费基数调整",
        "2101103": "缴费基数调整", "2210201": "缴存基数调整",
    }
    idd = items_dict(items)
    for ci, k in enumerate(cls_f, 1):
        n.para(f"（{cn(ci)}）{names[k]}（类）")
        j = 0
        for code in order:
            if not code.startswith(k):
                continue
            j += 1
            cur, pv = idd[code]["f"], idd[code]["prev"]
            s = (f"{j}．{names[code[:5]]}（款）{names[code]}（项）支出{N.m(cur)}，与上年相比"
                 f"{N.change(cur, pv, flat='持平')}。")
            s += f"主要原因是{item_why[code]}。" if cur != pv else "主要原因是提租补贴标准未作调整。"
            n.para(s)
    n.para("六、财政拨款基本支出预算情况说明")
    N.parts(basic_f, [person, public], "基本支出")
    person_items = "、".join(nm for _, nm, k, _ in econ if k == "p")
    public_items = "、".join(nm for _, nm, k, _ in econ if k == "g")
    n.para(f"{org}2018年度财政拨款基本支出预算{N.m(basic_f)}，其中：")
    n.para(f"（一）人员经费{N.m(person)}。主要包括：{person_items}。")
    n.para(f"（二）公用经费{N.m(public)}。主要包括：{public_items}。")
    n.para("七、一般公共预算支出预算情况说明")
    n.para(f"{org}2018年一般公共预算财政拨款支出预算{N.m(F)}，与上年相比{N.change(F, F17)}。"
           "主要原因是人员经费政策性调增、馆藏档案数字化加工项目经费增加。")
    n.para("八、一般公共预算基本支出预算情况说明")
    n.para(f"{org}2018年度一般公共预算财政拨款基本支出预算{N.m(basic_f)}，其中：")
    n.para(f"（一）人员经费{N.m(person)}。主要包括：{person_items}。")
    n.para(f"（二）公用经费{N.m(public)}。主要包括：{public_items}。")
    n.para("九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明")
    N.parts(sg3, [sg["abroad"], car, sg["recv"]], "三公")
    n.para(f"{org}2018年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出{N.m(sg['abroad'])}，"
           f"占“三公”经费的{N.share(sg['abroad'], sg3)}；公务用车购置及运行费支出{N.m(car)}，占“三公”经费的"
           f"{N.share(car, sg3)}；公务接待费支出{N.m(sg['recv'])}，占“三公”经费的{N.share(sg['recv'], sg3)}。具体情况如下：")

    def vs17(cur, pv, why):
        if cur == pv:
            return "与上年预算数一致。"
        word = "增加" if cur > pv else "减少"
        return f"比上年预算{word}{N.m(abs(cur - pv))}，主要原因是{why}。"

    n.para(f"1．因公出国（境）费预算支出{N.m(sg['abroad'])}，{vs17(sg['abroad'], sg17['abroad'], '压减出访团组')}")
    n.para(f"2．公务用车购置及运行费预算支出{N.m(car)}。其中：")
    n.para(f"（1）公务用车购置预算支出{N.m(sg['buy'])}，{vs17(sg['buy'], sg17['buy'], '')}")
    n.para(f"（2）公务用车运行维护费预算支出{N.m(sg['run'])}，{vs17(sg['run'], sg17['run'], '严控公务用车使用')}")
    n.para(f"3．公务接待费预算支出{N.m(sg['recv'])}，{vs17(sg['recv'], sg17['recv'], '加强公务接待管理，对公务接待费进行了压减')}")
    n.para(f"{org}2018年度一般公共预算拨款安排的会议费预算支出{N.m(sg['meet'])}，{vs17(sg['meet'], sg17['meet'], '')}")
    n.para(f"{org}2018年度一般公共预算拨款安排的培训费预算支出{N.m(sg['train'])}，"
           f"{vs17(sg['train'], sg17['train'], '新增档案数字化业务培训')}")
    n.para("十、政府性基金预算支出预算情况说明")
    n.para(f"{org}2018年政府性基金支出预算支出0万元，与上年预算数一致。")
    n.para("十一、一般公共预算机关运行经费支出预算情况说明")
    n.para(f"2018年本部门一般公共预算机关运行经费预算支出{N.m(public)}，与上年相比"
           f"{N.change(public, public17, fall='降低')}。主要原因是库房电费和专用材料费增加。")
    n.para("十二、政府采购支出预算情况说明")
    proc = [
        ("一、货物A", [("档案保护专项", "专用设备购置", [("恒温恒湿设备", "政府集中采购", c("38.00")),
                                                 ("档案密集架", "部门集中采购", c("26.50"))]),
                     ("办公设备购置费", "办公设备购置", [("台式计算机（20万以下）", "分散自行组织", c("9.60")),
                                                  ("打印设备（20万以下）", "分散自行组织", c("2.40")),
                                                  ("复印纸", "分散自行组织", c("3.00"))])]),
        ("二、工程B", []),
        ("三、服务C", [("馆藏档案数字化加工", "委托业务费", [("档案数字化加工服务", "政府集中采购", c("186.00"))]),
                     ("物业管理费", "物业管理费", [("物业管理服务", "政府集中采购", c("96.00"))])]),
    ]
    cat_tot = [sum(a for _, _, its in specs for *_, a in its) for _, specs in proc]
    ptot = sum(cat_tot)
    N.parts(ptot, cat_tot, "政府采购")
    n.para(f"2018年度政府采购支出预算总额{N.m(ptot)}，其中：拟采购货物支出{N.m(cat_tot[0])}、拟采购工程支出"
           f"{N.m(cat_tot[1])}、拟购买服务支出{N.m(cat_tot[2])}。")
    n.para("十三、其他重要事项说明")
    n.para("（一）预算绩效目标设置情况说明")
    n.para(f"2018年本部门共{len(fp)}个项目实行绩效目标管理，涉及财政性资金合计{N.m(fproj)}。")
    n.para("（二）国有资本经营预算收支情况")
    n.para("2018年本部门国有资本经营预算收入为0万元，与上年数一致。")
    n.para("（三）国有资产占有使用情况")
    n.para("截至2017年12月31日，本部门共有车辆3辆，其中：一般公务用车2辆、特种专业技术用车1辆。"
           "2018年部门预算安排购置车辆0辆。")
    n.para("第四部分 名词解释")
    for t in [
        "一、财政拨款：指一般公共预算财政拨款和政府性基金预算财政拨款。",
        "二、一般公共预算：包括公共财政拨款（补助）资金、专项收入。",
        "三、财政专户管理资金：包括专户管理行政事业性收费（主要是教育收费）、其他非税收入。",
        "四、其他资金：包括事业收入、经营收入、其他收入等。",
        "五、基本支出：指为保障机构正常运转、完成工作任务而发生的人员支出和公用支出。",
        "六、项目支出：指在基本支出之外为完成特定工作任务和事业发展目标所发生的支出。",
        "七、单位预留机动经费：指预算单位年初预留用于年度执行中增人、增资等不可预见支出的经费。",
        "八、“三公”经费：指部门用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
        "九、机关运行经费：指行政单位（含参照公务员法管理的事业单位）使用一般公共预算安排的基本支出中的日常公用经费支出。",
    ]:
        n.para(t)

    # ---------------------------------------------------------------- tables
    T = lambda v: table_amt(v)  # noqa: E731
    t = Doc()
    t.para(f"{org}2018年度部门预算公开（第二部分 部门预算表）")
    # 表1 收支预算总表: 收入 | 支出·功能分类 | 支出·支出用途
    left = [("一、财政拨款", F), ("1.一般公共预算", F), ("2.政府性基金预算", 0), ("二、财政专户管理资金", 0),
            ("三、其他资金", other)]
    use = [("一、基本支出", basic), ("二、项目支出", proj), ("三、单位预留机动经费", 0)]
    rows = [["收入", "", "支出", "", "", ""], ["项目名称", "金额", "功能分类", "", "支出用途", ""],
            ["", "", "功能科目名称", "金额", "项目名称", "金额"]]
    for i, (code, nm) in enumerate(CLASSES_2018):
        ln, lv = left[i] if i < len(left) else ("", 0)
        un, uv = use[i] if i < len(use) else ("", 0)
        rows.append([ln, T(lv), f"{cn(i + 1)}、{nm}", T(cls_t.get(code, 0)), un, T(uv)])
    rows += [["当年收入小计", T(total), "当年支出小计", T(total), "", ""],
             ["上年结转资金", "", "结转下年资金", "", "", ""],
             ["收入合计", T(total), "支出合计", T(total), "", ""]]
    t.table("收支预算总表", "万元", rows)
    # 表2 收入预算总表
    rows = [["项目名称", "", "金额"], ["收入总计", "", T(total)],
            ["一般公共预算资金", "小计", T(F)], ["", "公共财政拨款(补助)资金", T(F)], ["", "专项收入", ""],
            ["政府性基金", "小计", ""],
            ["财政专户管理资金", "小计", ""], ["", "专户管理教育收费", ""], ["", "其他非税收入", ""],
            ["其他资金", "小计", T(other)], ["", "事业收入", ""], ["", "经营收入", ""], ["", "其他收入", T(other)],
            ["债务资金(银行贷款)", "", ""],
            ["上年结转和结余资金", "小计", ""], ["", "其中：动用上年结转和结余资金", ""]]
    t.table("收入预算总表", "万元", rows)
    # 表3 支出预算总表
    rows = [["功能科目代码", "功能科目名称", "合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"],
            ["合计", "", T(total), T(basic), T(proj), "", ""]]
    for code, nm, v in tree_rows(items, names, ["t", "b", "p"]):
        rows.append([code, nm, T(v["t"]), T(v["b"]), T(v["p"]), "", ""])
    t.table("支出预算总表", "万元", rows)
    # 表4 财政拨款收支预算总表
    rows = [["收入", "", "支出", ""], ["项目名称", "金额", "项目名称", "金额"],
            ["一、一般公共预算", T(F), "一、基本支出", T(basic_f)],
            ["二、政府性基金预算", "", "二、项目支出", T(fproj)],
            ["", "", "三、单位预留机动经费", ""],
            ["收入合计", T(F), "支出合计", T(F)]]
    t.table("财政拨款收支预算总表", "万元", rows)
    # 表5 财政拨款支出预算表, 表8 一般公共预算支出预算表 (identical: all 财政拨款 is 一般公共预算)
    fiscal_rows = [["功能科目代码", "功能科目名称", "金额"], ["合计", "", T(F)]]
    for code, nm, v in tree_rows(items, names, ["f"]):
        fiscal_rows.append([code, nm, T(v["f"])])
    t.table("财政拨款支出预算表", "万元", fiscal_rows)
    # 表6 财政拨款基本支出预算表, 表9 一般公共预算基本支出预算表
    basic_rows = [["科目编码", "科目名称", "金额"], ["合计", "", T(basic_f)]]
    basic_rows += econ_block(econ, {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"},
                             cols=("t",))
    t.table("财政拨款基本支出预算表", "万元", basic_rows)
    # 表7 政府性基金支出预算表
    t.table("财政拨款政府性基金支出预算表", "万元", [["功能科目代码", "功能科目名称", "金额"], ["合计", "", ""]],
            ["注：本部门无相关收支项目"])
    t.table("一般公共预算支出预算表", "万元", fiscal_rows)
    t.table("一般公共预算基本支出预算表", "万元", basic_rows)
    # 表10 机关运行经费
    rows = [["科目编码", "科目名称", "机关运行经费支出"], ["合计", "", T(public)]]
    rows += econ_block([e for e in econ if e[0].startswith("302")], {"302": "商品和服务支出"}, cols=("t",))
    t.table("一般公共预算机关运行经费支出预算表", "万元", rows)
    # 表11 “三公”经费、会议费、培训费
    rows = [["合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"],
            ["", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "", ""],
            ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""],
            [T(sg3 + sg["meet"] + sg["train"]), T(sg3), T(sg["abroad"]), T(car), T(sg["buy"]), T(sg["run"]),
             T(sg["recv"]), T(sg["meet"]), T(sg["train"])]]
    t.table("一般公共预算“三公”经费、会议费、培训费支出预算表", "万元", rows)
    # 表12 政府采购支出预算表
    rows = [["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"],
            ["合计", "", "", "", "", T(ptot)]]
    for (cat, specs), ct in zip(proc, cat_tot):
        rows.append([cat, "", "", "", "", T(ct)])
        for spec, eco, its in specs:
            rows.append(["", spec, eco, "", "", T(sum(a for *_, a in its))])
            for item, how, a in its:
                rows.append(["", "", "", item, how, T(a)])
    t.table("2018年政府采购预算表", "万元", rows,
            ["注：1.采购组织形式为：政府集中采购、部门集中采购和分散自行组织。"])

    n.facts = t.facts = dict(total=total, F=F, other=other, basic=basic, proj=proj, basic_f=basic_f, person=person,
                             public=public, fproj=fproj, sg3=sg3, ptot=ptot, total17=total17, F17=F17, cls_t=cls_t)
    return n, t


def main() -> None:
    docs = {"jiangnan_final_2024.txt": jiangnan_final_2024(), "hexi_budget_2025.txt": hexi_budget_2025()}
    narr, tabs = pair_2018()
    docs["pair_2018_narrative.txt"] = narr
    docs["pair_2018_tables.txt"] = tabs
    if PROBLEMS:
        raise SystemExit("not written, the figures are ambiguous:\n  " + "\n  ".join(PROBLEMS))
    for name, d in docs.items():
        d.write(name)
        facts = ", ".join(f"{k}={v if isinstance(v, dict) else table_amt(v, '0')}" for k, v in d.facts.items())
        print(f"{name}: {facts}")


if __name__ == "__main__":
    main()
