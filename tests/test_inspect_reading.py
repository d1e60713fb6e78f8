"""`audit inspect` shows what was read as a reviewer would name it (issue 23 item 11): a list's items
are never half headings, a table page's running label is no section, a note's 注 is printed once."""

from __future__ import annotations

from auditor.ingest import load_string
from auditor.report.inspect import render_text, section_tree

DUTIES = """某局2026年部门预算
一、部门主要职能
（一）负责贯彻执行国家和本市关于市场监督管理的方针政策和法律法规，起草有关规范性文件草案并组织实施。
（二）负责市场主体统一登记注册工作，建立市场主体信息公示和共享机制并依法公示信息。
（三）负责组织和指导市场监管综合执法工作，规范市场监管行政执法行为。
（七）完成区委、区政府交办的其他任务。
（十）承担区政府交办的其他事项。
二、部门收支总体情况
（一）收入预算：2026年收入预算100万元。
（二）支出预算。
第四部分公开报表表12
三、其他重要事项的情况说明
"""


def test_duty_items_are_list_items_and_real_headings_stay():
    tree = section_tree(load_string(DUTIES).sections)
    assert tree == ["一、部门主要职能", "二、部门收支总体情况", "  （一）收入预算", "  （二）支出预算",
                    "三、其他重要事项的情况说明"]


def test_a_short_heading_ending_in_a_full_stop_is_still_a_heading():
    text = "某局2026年部门预算\n一、单位基本情况\n（一）职能职责。\n本单位负责预算、决算和档案工作。\n（二）机构设置。\n本单位设三个科室，预算单位一个。\n"
    assert section_tree(load_string(text).sections) == ["一、单位基本情况", "  （一）职能职责", "  （二）机构设置"]


def test_a_note_with_its_own_label_is_shown_once():
    from .conftest import SEED

    from auditor.ingest import load

    text = render_text(load(str(SEED)))
    assert "注：注：" not in text and "注：（" not in text
    assert "（备注：本单位无政府性基金收支，故此表无数据。）" in text
