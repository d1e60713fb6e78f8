"""A batch over folders: narrative-only and tables-only files of one disclosure paired from a cheap
first read, last year's disclosure found for the 上年 checks, a lone narrative given one D101 note;
--previous refused when it is not this body's disclosure of the year before."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest


from auditor.engine import audit_document
from auditor.batch import expand
from auditor.cli import main
from auditor.errors import EXIT_USAGE
from auditor.ingest import load
from auditor.pairing import org_fit, plan, same_org, sketch

from .conftest import ROOT, SAMPLES, SEED

NARRATIVE, TABLES = SAMPLES / "pair_2018_narrative.txt", SAMPLES / "pair_2018_tables.txt"


def test_the_sample_pair_is_found_and_nothing_else_is_paired():
    files = expand([str(SAMPLES)])
    made = plan(files)
    paired = [g for g in made.groups if len(g) > 1]
    assert paired == [[str(NARRATIVE), str(TABLES)]]
    assert sum(len(g) for g in made.groups) == len(files)


def test_sketch_tells_who_and_what():
    n, t = sketch(str(NARRATIVE)), sketch(str(TABLES))
    assert (n.role, t.role) == ("narrative", "tables")
    assert n.year == t.year == 2018 and n.stage == t.stage == "预算"
    assert same_org(n.orgs, t.orgs)
    assert sketch(str(SEED)).role == "full"


def test_organisations_match_only_by_name():
    assert same_org(("江苏省人大常委会办公厅",), ("省人大办公厅",))  # a shortened form
    assert same_org(("北京市司法局",), ("北京市国资委",)) is False
    assert same_org(("西安市财政局",), ("西安市行政审批服务局",)) is False
    assert same_org((), ("北京市司法局",)) is None


def test_jiangsu_pairs_and_previous_years_are_found(corpus_dir):
    """bench/claims.py lists the known pairs; the plan must find exactly those on its own."""
    spec = importlib.util.spec_from_file_location("bench_claims", ROOT / "bench" / "claims.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    made = plan(expand([str(corpus_dir / "jiangsu")]))
    found = {Path(g[0]).name: Path(g[1]).name for g in made.groups if len(g) > 1}
    assert found == bench.PAIRS
    prev = {Path(g[0]).name: Path(p[0]).name for g, p in zip(made.groups, made.previous) if p}
    assert prev["省人大办公厅2018预算公开.pdf"] == "江苏省人大办公厅2017年度预算公开.pdf"
    assert prev["江苏省政协办公厅2018年度部门预算.pdf"] == "江苏省政协办公厅2017年度部门预算.pdf"
    assert prev["省法院2018年度部门预算公开.pdf"] == "省法院2017年度部门预算公开.pdf"
    assert not any(Path(g[0]).name.startswith(("2017", "江苏省人大办公厅2017")) for g, p in zip(made.groups, made.previous) if p)


def test_a_folder_audits_the_pair_as_one_and_says_so(tmp_path, capsys):
    for f in (NARRATIVE, TABLES, SEED):
        shutil.copy(f, tmp_path / f.name)
    main([str(tmp_path), "--format", "json", "-j", "1"])
    rep = json.loads(capsys.readouterr().out)
    paths = [d["path"] for d in rep["documents"]]
    assert paths == [f"{tmp_path / NARRATIVE.name} + {tmp_path / TABLES.name}", str(tmp_path / SEED.name)]
    assert rep["documents"][0]["meta"]["sources"] == [str(tmp_path / NARRATIVE.name), str(tmp_path / TABLES.name)]
    main([str(tmp_path), "-j", "1"])
    assert f"合并审核：{tmp_path / NARRATIVE.name}；{tmp_path / TABLES.name}" in capsys.readouterr().out


def test_a_lone_narrative_gets_one_note_not_dozens_of_unverified():
    results = audit_document(load(str(NARRATIVE)))
    notes = [r for r in results if r.rule == "D101"]
    assert len(notes) == 1 and notes[0].verdict == "warn" and "只有情况说明" in notes[0].message
    assert not [r for r in results if r.rule.startswith("N") and r.verdict == "unverified"]


def test_previous_of_the_wrong_year_is_a_usage_error(capsys):
    assert main([str(SEED), "--previous", str(SEED)]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "应为2020年" in err[0] and "--force" in err[0]


def test_previous_with_force_warns_and_goes_on(capsys):
    code = main([str(SEED), "--previous", str(SEED), "--force", "--format", "json"])
    out, err = capsys.readouterr()
    assert code != EXIT_USAGE and "警告" in err
    assert json.loads(out)["documents"][0]["previous"] == [str(SEED)]


def test_a_lone_tables_file_gets_one_note_not_a_fail_per_missing_explanation():
    """Tables with form text beside them (a 绩效目标 form's 年度目标) but no 情况说明 heading: the
    narrative checks do not apply; one D104 note says so (issue 11 §4)."""
    from auditor.ingest import load_string

    form = "年度总体目标：做好档案保管利用工作，保障档案安全，提升服务水平，完成年度各项工作任务，确保档案馆正常运转。"
    text = TABLES.read_text(encoding="utf-8") + "\n" + form + "\n" + form.replace("年度总体目标", "年度绩效目标") + "\n"
    results = audit_document(load_string(text))
    d104 = [r for r in results if r.rule == "D104"]
    assert len(d104) == 1 and d104[0].verdict == "warn" and "只有报表" in d104[0].message
    paired = audit_document(load(str(NARRATIVE), str(TABLES)))
    assert not [r for r in paired if r.rule == "D104" and "只有报表" in r.message]


def test_a_tables_file_with_long_performance_prose_is_still_a_tables_file(tmp_path):
    """Beijing's 附件2 prints thousands of characters of prose in its 绩效目标 tables; what makes a file a
    narrative is the narrative's own headings (情况说明, 机构设置, 名词解释…), not prose alone."""
    rows = "\n".join(f"项目{i}\t{i}01.00\t{i}02.00\t{i}03.00\t{i}04.00" for i in range(40))
    prose = "本项目主要用于保障日常运转，确保各项工作顺利开展，提升服务质量，按期完成年度目标任务。" * 30
    tables = tmp_path / "北京_某某局_2026年部门预算.txt"
    tables.write_text(f"预算01表 收支总表\n金额单位：万元\n{rows}\n预算12表 项目支出绩效目标表\n{prose}\n",
                      encoding="utf-8")
    assert sketch(str(tables)).role == "tables"


def test_the_bureau_gets_its_own_tables_file_not_its_sub_bureau(tmp_path):
    """Two narratives, 北京市公安局 and 北京市公安局交通管理局, both fit the tables file 北京市公安局 (one as
    a shortened form): the one whose name equals the tables file's wins; the other stays alone."""
    assert org_fit(("北京市公安局",), ("北京市公安局",)) == 2
    assert org_fit(("北京市公安局交通管理局",), ("北京市公安局",)) == 1
    assert org_fit(("北京市司法局",), ("北京市国资委",)) == 0
    assert org_fit(("北京商务局",), ("北京市商务局",)) == 2


def test_beijing_narratives_pair_with_their_tables_files():
    """In wide/beijing each bureau's 情况说明 and its 报表 are separate files, the 报表 often named only
    after the bureau; audited apart, the narrative got a D102 per table listed in its 目录 and the tables
    file a D104 per section."""
    folder = ROOT.parent / "shared" / "wide" / "beijing"
    if not folder.is_dir():
        pytest.skip("../shared/wide is absent")
    made = plan(expand([str(folder)]))
    found = {Path(g[0]).name: Path(g[1]).name for g in made.groups if len(g) > 1}
    assert found["2026年北京市商务局部门预算.pdf"] == "北京_商务局_2026年部门预算.pdf"
    assert found["2026年北京市人力资源和社会保障局部门预算.pdf"] == "北京_人力资源和社会保障局_2026年部门预算.pdf"
    assert found["2026年北京市公安局部门预算.pdf"] == "北京_公安局_附件2：北京市公安局2026年度部门预算报表.pdf"
    assert "2026年北京市公安局交通管理局部门预算.pdf" not in found


def test_names_that_fit_are_not_enough_when_the_figures_disagree(tmp_path):
    """A tables file whose name fits but whose figures are another body's (every amount shifted) is
    not this narrative's: audited together, each stated amount would be a false 不通过."""
    shutil.copy(NARRATIVE, tmp_path / NARRATIVE.name)
    other = re.sub(r"\d,?\d*\.\d\d", lambda m: f"{Decimal(m.group(0).replace(',', '')) + 7:.2f}",
                   TABLES.read_text(encoding="utf-8"))
    (tmp_path / TABLES.name).write_text(other, encoding="utf-8")
    assert plan(expand([str(tmp_path)])).groups == [[str(tmp_path / NARRATIVE.name)], [str(tmp_path / TABLES.name)]]
    shutil.copy(TABLES, tmp_path / TABLES.name)
    assert len(plan(expand([str(tmp_path)])).groups) == 1


def test_a_lone_narrative_is_not_failed_for_each_table_its_contents_lists():
    """北京市交通委员会's 情况说明 is published without its 报表 (none in the folder): its 目录 lists 12
    tables the other file holds. That is one D101 note, not 12 D102 不通过."""
    path = ROOT.parent / "shared" / "wide" / "beijing" / "2026年北京市交通委员会部门预算.pdf"
    if not path.exists():
        pytest.skip("../shared/wide is absent")
    results = audit_document(load(str(path)))
    assert not [r for r in results if r.rule == "D102" and r.verdict == "fail"]
    assert [r for r in results if r.rule == "D101" and r.verdict == "warn"]


def test_an_empty_table_in_a_tables_file_asks_for_the_narrative_instead_of_failing():
    """北京 工信局's 报表 (long 绩效 prose, no 情况说明 headings) prints empty 政府性基金/国有资本 tables;
    why they are empty is said, if anywhere, in the narrative published apart: 存疑, not 不通过."""
    path = ROOT.parent / "shared" / "wide" / "beijing" / "北京_工业和信息化局_2026年部门预算.pdf"
    if not path.exists():
        pytest.skip("../shared/wide is absent")
    d103 = [r for r in audit_document(load(str(path)), select=["D103"]) if r.rule == "D103"]
    assert d103 and all(r.verdict == "warn" and "说明文件" in r.message for r in d103)
