"""--baseline: only findings absent from an earlier report (by stable key), the reviewer's
dismissals too; a confirmed 不通过 still counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.cli import main
from auditor.review import ReviewState, review_keys

from .conftest import SEED

NEW_PARAGRAPH = "本部门始终坚持依法行政，认真落实各项工作部署，持续提升公共法律服务水平。\n\n"


def _json(args: list[str], capsys) -> tuple[int, dict]:
    code = main(args + ["--json", "--isolated"])
    return code, json.loads(capsys.readouterr().out)


def _findings(report: dict) -> list[dict]:
    return [r for r in report["documents"][0]["results"] if r["verdict"] != "pass"]


@pytest.fixture()
def old_report(tmp_path, capsys) -> tuple[Path, Path, dict]:
    doc = tmp_path / "seed.txt"
    doc.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, report = _json([str(doc)], capsys)
    assert code == 1 and _findings(report)  # the seed has real findings: the baseline has something to hide
    out = tmp_path / "old.json"
    out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return doc, out, report


def test_same_document_nothing_new(old_report, capsys):
    doc, old, before = old_report
    code, report = _json([str(doc), "--baseline", str(old)], capsys)
    assert code == 0 and _findings(report) == []
    entry = report["documents"][0]
    assert entry["baseline"]["known"] == len(_findings(before))
    assert entry["summary"]["pass"] == before["documents"][0]["summary"]["pass"]  # passes are not findings


def test_edit_elsewhere_keeps_old_findings_old(old_report, capsys, tmp_path):
    """A paragraph inserted near the top shifts every offset after it, and one figure is retyped:
    only the retyped figure is reported."""
    doc, old, before = old_report
    text = doc.read_text(encoding="utf-8")
    marker = "二、部门收支总体情况\n"
    assert text.count(marker) == 1 and text.count("556.56") == 1
    edited = tmp_path / "resubmitted" / "seed.txt"
    edited.parent.mkdir()
    edited.write_text(text.replace(marker, NEW_PARAGRAPH + marker).replace("556.56", "556.57"), encoding="utf-8")
    code, plain = _json([str(edited)], capsys)
    assert len(_findings(plain)) > 1
    code, report = _json([str(edited), "--baseline", str(old)], capsys)
    new = _findings(report)
    assert [(r["rule"], r["claimed"]["value"]) for r in new] == [("N101", "556.57")]
    assert code == 1


def test_changed_verdict_is_new(old_report, capsys):
    doc, old, before = old_report
    data = json.loads(old.read_text(encoding="utf-8"))
    victim = _findings(data)[0]
    victim["verdict"] = "warn" if victim["verdict"] == "fail" else "fail"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _, report = _json([str(doc), "--baseline", str(old)], capsys)
    assert [r["key"] for r in _findings(report)] == [victim["key"]]


def test_jsonl_baseline(old_report, capsys, tmp_path):
    doc, _, before = old_report
    jsonl = tmp_path / "old.jsonl"
    jsonl.write_text(json.dumps(before["documents"][0], ensure_ascii=False) + "\n", encoding="utf-8")
    code, report = _json([str(doc), "--baseline", str(jsonl)], capsys)
    assert code == 0 and _findings(report) == []


def test_reviewer_decisions_are_a_baseline(old_report, capsys):
    """The sidecar alone as the baseline: a dismissed finding (overridden to 通过) and an accepted
    存疑 are hidden; a confirmed 不通过 stays, and keeps the exit code at 1."""
    from auditor.engine import audit_document
    from auditor.ingest import load

    doc, _, before = old_report
    results = audit_document(load(str(doc)))
    keys = review_keys(results)
    fails = [(k, r) for k, r in zip(keys, results) if r.verdict == "fail"]
    warns = [(k, r) for k, r in zip(keys, results) if r.verdict == "warn"]
    assert len(fails) >= 2 and warns
    state = ReviewState.open(doc)
    state.override(fails[0][0], fails[0][1], "pass")  # dismissed
    state.accept(fails[1][0], fails[1][1])  # confirmed 不通过
    state.accept(warns[0][0], warns[0][1])  # known 存疑
    code, report = _json([str(doc), "--baseline", str(state.path)], capsys)
    kept = {r["key"] for r in _findings(report)}
    assert fails[0][1].key not in kept or sum(r.key == fails[0][1].key for r in results) > 1
    assert fails[1][1].key in kept
    assert warns[0][1].key not in kept or sum(r.key == warns[0][1].key for r in results) > 1
    entry = report["documents"][0]
    assert entry["baseline"]["dismissed"] == 1 and entry["baseline"]["confirmed"] == 1
    assert len(_findings(report)) == len(_findings(before)) - 2
    assert code == 1


def test_confirmed_fail_counts_even_when_old(old_report, capsys):
    from auditor.engine import audit_document
    from auditor.ingest import load

    doc, old, _ = old_report
    results = audit_document(load(str(doc)))
    key, r = next((k, r) for k, r in zip(review_keys(results), results) if r.verdict == "fail")
    ReviewState.open(doc).accept(key, r)
    code, report = _json([str(doc), "--baseline", str(old)], capsys)
    assert [x["key"] for x in _findings(report)] == [r.key] and code == 1
    assert report["documents"][0]["results"][[x["key"] for x in report["documents"][0]["results"]].index(r.key)][
        "review"]["status"] == "accepted"


def test_api_baseline(old_report):
    doc, old, _ = old_report
    report = audit(doc, baseline=old, config=False)
    assert report.documents[0].findings == [] and report.exit_code() == 0


@pytest.mark.parametrize("content", ["not json at all {", '{"documents": 3}', '[1, 2]'])
def test_broken_baseline_is_one_line(old_report, capsys, content, tmp_path):
    doc, _, _ = old_report
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert main([str(doc), "--baseline", str(bad), "--isolated"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "bad.json" in err
