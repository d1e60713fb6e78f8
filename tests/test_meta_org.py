"""The organisation a disclosure names: from its title, else from a caption anywhere, else its file name."""

from __future__ import annotations

from auditor.ingest.meta import caption_org, detect_meta


def test_caption_without_colon_in_a_table_header_names_the_body():
    # 北京's 报表 print no title with the body; the 绩效目标表 header says "部门名称 北京市统计局"
    meta = detect_meta(["预算01表 收支总表", "金额单位：万元"], ["预算01表收支总表"], "", 20,
                       ["../shared/wide/beijing/北京_统计局_2026年部门预算.pdf"],
                       table_texts=["部门名称 北京市统计局", "单位名称 使用需"])
    assert meta.organization == "北京市统计局"


def test_caption_words_that_are_no_body_are_not_taken():
    assert caption_org(["单位名称 备注", "部门名称 满意度", "单位名称 使用需求"]) is None


def test_file_name_is_the_last_resort():
    meta = detect_meta(["预算01表 收支总表"], [], "", 20, ["北京_统计局_2026年部门预算.pdf"], table_texts=[])
    assert meta.organization == "北京统计局"


def test_title_wins_over_a_subordinate_units_caption():
    meta = detect_meta(["西安市民政局2021年部门综合预算"], [], "单位名称 西安市社会福利院", 30, [],
                       table_texts=["单位名称 西安市社会福利院"])
    assert meta.organization == "西安市民政局"
