"""The reviewer's decisions in every report format: text labels and comments, SARIF suppressions
for dismissed findings only (validated against the SARIF 2.1.0 schema), JUnit properties."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from auditor.engine import audit_document
from auditor.cli import main
from auditor.ingest import load
from auditor.review import ReviewState, review_keys

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"  # OASIS 2.1.0 errata01


@pytest.fixture()
def reviewed(seed_copy):
    """The seed with two fails: one confirmed with a comment, one dismissed (overridden to 通过)."""
    results = audit_document(load(str(seed_copy)))
    keys = review_keys(results)
    fails = [i for i, r in enumerate(results) if r.verdict == "fail"]
    assert len(fails) >= 2
    confirmed, dismissed = fails[0], fails[1]
    state = ReviewState.open(seed_copy)
    state.accept(keys[confirmed], results[confirmed])
    state.comment(keys[confirmed], results[confirmed], "确属错误，已退回")
    state.override(keys[dismissed], results[dismissed], "pass")
    state.comment(keys[dismissed], results[dismissed], "表格另有说明，不算错误")
    return seed_copy, results[confirmed], results[dismissed]


def _out(capsys, *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


def test_text_shows_the_decision_and_the_comment(reviewed, capsys):
    path, confirmed, dismissed = reviewed
    out = _out(capsys, str(path))
    shown = {"error": "错误", "warning": "警告", "info": "提示"}
    assert f"[不通过·{shown[confirmed.severity]}·已确认] {confirmed.rule}" in out
    assert f"[不通过·{shown[dismissed.severity]}→通过（改判）] {dismissed.rule}" in out
    assert "批注：确属错误，已退回" in out and "批注：表格另有说明，不算错误" in out
    assert "已确认 1　已改判 1" in out


def test_sarif_suppresses_only_the_dismissed_finding(reviewed, capsys):
    path, confirmed, dismissed = reviewed
    sarif = json.loads(_out(capsys, str(path), "--format", "sarif"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    results = sarif["runs"][0]["results"]
    by_key = {r["partialFingerprints"]["auditorKey/v1"]: r for r in results}
    gone = by_key[dismissed.key]
    assert gone["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "表格另有说明，不算错误"}]
    kept = by_key[confirmed.key]
    assert "suppressions" not in kept  # a confirmed error must still gate publication
    assert kept["properties"]["review"]["status"] == "accepted"
    assert sum("suppressions" in r for r in results) == 1


def test_junit_carries_the_decision_as_properties(reviewed, capsys):
    path, confirmed, dismissed = reviewed
    root = ET.fromstring(_out(capsys, str(path), "--format", "junit"))
    cases = {c.get("name").split(" ")[0]: c for c in root.iter("testcase")}
    kept = cases[confirmed.id]
    props = {p.get("name"): p.get("value") for p in kept.iter("property")}
    assert props["review.status"] == "accepted" and props["review.comment"] == "确属错误，已退回"
    assert kept.find("failure") is not None and "确属错误，已退回" in kept.find("failure").text
    gone = cases[dismissed.id]
    assert gone.find("failure") is None  # dismissed: the case passes, the decision says why
    assert {p.get("name"): p.get("value") for p in gone.iter("property")}["review.verdict"] == "pass"
    assert "表格另有说明" in gone.find("system-out").text
