"""The catalogue as a whole, and the issue's acceptance on the seed: consistent tables give no T or X
fail, the outdated 215 name is reported, and one changed 表2 cell is caught by exactly the rules that
should catch it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.engine import audit_document
from auditor.cli import main
from auditor.ingest import load
from auditor.rules.catalogue import FAMILIES, catalogue, get_rule, selected

from .conftest import SAMPLES, SEED, load_cached


def _fails(results, families=("T", "X", "N", "D")):
    return {r.key for r in results if r.verdict == "fail" and r.rule[0] in families}


def test_every_rule_has_texts_and_examples():
    rules = catalogue()
    assert {r.family for r in rules.values()} == set(FAMILIES)
    for r in rules.values():
        assert r.title and r.why and r.checks and r.passing and r.failing, r.id


@pytest.mark.parametrize("sample", ["seed.txt", "hexi_budget_2025.txt", "jiangnan_final_2024.txt"])
def test_every_reported_rule_is_in_the_catalogue(sample):
    results = audit_document(load_cached(str(SAMPLES / sample)))
    unknown = {r.rule for r in results} - set(catalogue())
    assert not unknown


def test_seed_tables_are_consistent_and_the_outdated_name_is_reported(seed_doc):
    results = audit_document(seed_doc)
    assert not _fails(results, ("T", "X"))
    d107 = [r for r in results if r.rule == "D107" and r.verdict == "fail"]
    assert len(d107) == 1 and "资源勘探工业信息等支出" in d107[0].message
    assert len(d107[0].evidence) == 2  # 表1 and 表6 print the old name
    # the tables were checked, not skipped
    assert sum(r.rule == "X101" and r.verdict == "pass" for r in results) >= 20
    assert any(r.rule == "X103" and r.verdict == "pass" for r in results)


def test_one_changed_cell_in_table_2(tmp_path: Path, seed_doc):
    text = SEED.read_text(encoding="utf-8")
    old = "2040602\t一般行政管理事务\t100,000.00\t900,000.00"
    assert text.count(old) == 1
    changed = tmp_path / "seed_changed.txt"
    changed.write_text(text.replace(old, "2040602\t一般行政管理事务\t100,000.00\t960,000.00"), encoding="utf-8")
    before = _fails(audit_document(seed_doc))
    after = audit_document(load(str(changed)))
    new = [r for r in after if r.verdict == "fail" and r.key not in before]
    rules = {r.rule for r in new}
    # the parent 款 row no longer adds up; the row's own 小计 no longer equals 基本 + 项目
    assert "T101" in rules and "T103" in rules
    # 表7 prints the same 一般公共预算 figure, 表8 the all-funds figure that 表2 may not exceed
    x = [r for r in new if r.rule.startswith("X")]
    assert {e.table_id for r in x for e in r.evidence} >= {"t2", "t7", "t8"}
    assert all(any(e.row.startswith("2040602") for e in r.evidence) for r in x)
    # and nothing else
    assert rules <= {"T101", "T103", "X101", "X102"}
    t101 = [r for r in new if r.rule == "T101"]
    assert t101 and all(r.text.endswith("20406 司法") for r in t101)


def test_selection_by_family_and_prefix(seed_doc):
    only_x = audit_document(seed_doc, select=["X"])
    assert only_x and {r.rule[0] for r in only_x} == {"X"}
    no_d = audit_document(seed_doc, ignore=["D1xx"])
    assert not any(r.rule.startswith("D1") for r in no_d)
    assert selected("D104", None, ["D1xx"]) is False and selected("T101", ["T", "X101"], None)


def test_severity_comes_from_the_catalogue(seed_doc):
    results = audit_document(seed_doc)
    for r in results:
        if r.verdict == "fail":
            assert r.severity == get_rule(r.rule).severity


def test_audit_rules_and_explain(capsys):
    assert main(["rules", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in listed["rules"]] == list(catalogue())
    assert main(["explain", "x101"]) == 0
    out = capsys.readouterr().out
    assert "同一数据在各表中不一致" in out and "为什么" in out and "不通过示例" in out
    assert main(["explain", "Z999"]) == 2
    assert "Z999" in capsys.readouterr().err
