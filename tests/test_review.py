"""The review sidecar: atomic writes, keys that survive re-runs, decisions in --json, CSV/XLSX export."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import jsonschema
import pytest

from auditor.engine import audit_document
from auditor.cli import main
from auditor.ingest import load
from auditor.review import ReviewState, SidecarError, annotate, review_keys, sidecar_path

from .conftest import SEED
from .test_cli import SCHEMA


@pytest.fixture(scope="module")
def seed_results():
    return audit_document(load(str(SEED)))


def _fail(results):
    return next(i for i, r in enumerate(results) if r.verdict == "fail")


def test_sidecar_sits_next_to_the_document(tmp_path):
    assert sidecar_path(tmp_path / "a" / "x.pdf") == tmp_path / "a" / "x.pdf.review.json"


def test_nothing_written_until_a_decision(seed_copy):
    state = ReviewState.open(seed_copy)
    assert state.decisions == {}
    assert not sidecar_path(seed_copy).exists()


def test_decisions_round_trip_and_leave_no_temp_files(seed_copy, seed_results):
    keys = review_keys(seed_results)
    i = _fail(seed_results)
    state = ReviewState.open(seed_copy)
    state.override(keys[i], seed_results[i], "pass")
    state.comment(keys[i], seed_results[i], "  原表此格确为空白，叙述有误  ")
    state.accept(keys[0], seed_results[0])
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["seed.txt", "seed.txt.review.json"]

    again = ReviewState.open(seed_copy)
    d = again.get(keys[i])
    assert (d.status, d.verdict, d.comment, d.original, d.rule) == ("overridden", "pass", "原表此格确为空白，叙述有误", "fail", "N101")
    assert again.status(keys[0]) == "accepted"
    assert again.effective(keys[i], "fail") == "pass"
    assert again.status(keys[1]) == "pending"


def test_withdrawing_everything_removes_the_decision(seed_copy, seed_results):
    r = seed_results[0]
    k = review_keys(seed_results)[0]
    state = ReviewState.open(seed_copy)
    state.accept(k, r)
    state.accept(k, r)  # a second accept takes it back
    state.override(k, r, "warn")
    state.override(k, r, r.verdict)  # overriding to the audit's own verdict withdraws
    assert k not in ReviewState.open(seed_copy).decisions


def test_a_failed_write_keeps_the_old_file(seed_copy, seed_results, monkeypatch):
    keys = review_keys(seed_results)
    state = ReviewState.open(seed_copy)
    state.comment(keys[0], seed_results[0], "第一条")
    before = sidecar_path(seed_copy).read_bytes()

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        state.comment(keys[1], seed_results[1], "第二条")
    assert sidecar_path(seed_copy).read_bytes() == before
    assert list(state.decisions) == [review_keys(seed_results)[0]]  # memory agrees with the file
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["seed.txt", "seed.txt.review.json"]


def test_corrupt_sidecar_is_an_error_not_a_silent_reset(seed_copy):
    sidecar_path(seed_copy).write_text("{not json", encoding="utf-8")
    with pytest.raises(SidecarError):
        ReviewState.open(seed_copy)


def test_keys_survive_rerunning_the_audit(seed_copy, seed_results):
    """A decision taken on one run applies to the same result on a fresh read and audit."""
    keys = review_keys(seed_results)
    i = _fail(seed_results)
    ReviewState.open(seed_copy).override(keys[i], seed_results[i], "warn")
    rerun = audit_document(load(str(seed_copy)))
    assert review_keys(rerun) == keys
    notes = annotate(rerun, ReviewState.open(seed_copy))
    hit = [(r, n) for r, n in zip(rerun, notes) if n is not None]
    assert len(hit) == 1
    r, n = hit[0]
    assert r.verdict == "fail" and n["effective"] == "warn" and n["stale"] is False


def test_repeated_keys_get_their_own_decisions(seed_results):
    twice = [seed_results[0], seed_results[0], seed_results[1]]
    k0 = seed_results[0].key
    assert review_keys(twice) == [k0, f"{k0}#2", seed_results[1].key]


def test_orphaned_decisions_are_kept_and_reported(seed_copy, seed_results, capsys):
    state = ReviewState.open(seed_copy)
    state.comment("N999:gone", seed_results[0], "旧版本的批注")
    assert main([str(seed_copy), "--json"]) in (0, 1)
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert doc["review"]["orphans"] == ["N999:gone"]
    assert "N999:gone" in ReviewState.open(seed_copy).decisions


def test_json_includes_decisions_only_when_a_sidecar_exists(seed_copy, seed_results, capsys):
    assert main([str(seed_copy), "--json"]) in (0, 1)
    plain = json.loads(capsys.readouterr().out)
    assert "review" not in plain["documents"][0]
    assert all("review" not in r for r in plain["documents"][0]["results"])

    keys = review_keys(seed_results)
    i = _fail(seed_results)
    state = ReviewState.open(seed_copy)
    state.override(keys[i], seed_results[i], "pass")
    state.comment(keys[i], seed_results[i], "已与财务科确认")
    state.accept(keys[0], seed_results[0])
    assert main([str(seed_copy), "--json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    doc = report["documents"][0]
    by_key = {r["key"]: r for r in doc["results"]}
    assert by_key[keys[i]]["verdict"] == "fail"  # the audit's verdict is never rewritten
    assert by_key[keys[i]]["review"]["effective"] == "pass"
    assert by_key[keys[i]]["review"]["comment"] == "已与财务科确认"
    assert by_key[keys[0]]["review"]["status"] == "accepted"
    assert sum(1 for r in doc["results"] if r["review"] is not None) == 2
    assert (doc["review"]["overridden"], doc["review"]["accepted"], doc["review"]["comments"]) == (1, 1, 1)
    assert doc["review"]["pending"] == len(doc["results"]) - 2


def test_json_with_a_sidecar_still_never_imports_textual(seed_copy, seed_results):
    ReviewState.open(seed_copy).accept(review_keys(seed_results)[0], seed_results[0])
    code = (
        "import sys, io, contextlib, json\n"
        "from auditor.cli import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        f"    main([{str(seed_copy)!r}, '--json'])\n"
        "assert json.loads(buf.getvalue())['documents'][0]['review']['accepted'] == 1\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_corrupt_sidecar_does_not_break_json(seed_copy, capsys):
    sidecar_path(seed_copy).write_text("[]", encoding="utf-8")
    assert main([str(seed_copy), "--json"]) in (0, 1)
    captured = capsys.readouterr()
    assert "不是审核文件" in captured.err
    assert json.loads(captured.out)["documents"][0]["status"] == "ok"


def _decide(seed_copy, seed_results):
    keys = review_keys(seed_results)
    i = _fail(seed_results)
    state = ReviewState.open(seed_copy)
    state.override(keys[i], seed_results[i], "warn")
    state.comment(keys[i], seed_results[i], "科目可能写错，待单位说明")
    return keys[i]


def test_export_csv(seed_copy, seed_results, tmp_path, capsys):
    key = _decide(seed_copy, seed_results)
    out = tmp_path / "out.csv"
    assert main(["export", str(seed_copy), "--csv", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Chinese correctly
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(seed_results)
    row = next(r for r in rows if r["键"] == key)
    assert (row["结论"], row["审核状态"], row["审核结论"], row["最终结论"]) == ("不通过", "已改判", "存疑", "存疑")
    assert row["批注"] == "科目可能写错，待单位说明"
    assert row["文件"] == str(seed_copy)
    assert "公共安全支出" in row["证据"]
    assert sum(1 for r in rows if r["审核状态"] == "未审") == len(rows) - 1


def test_export_xlsx(seed_copy, seed_results, tmp_path, capsys):
    from openpyxl import load_workbook

    key = _decide(seed_copy, seed_results)
    out = tmp_path / "out.xlsx"
    assert main(["export", str(seed_copy), "--xlsx", str(out)]) == 0
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["文件", "编号", "规则", "结论"]
    assert ws.max_row == len(seed_results) + 1
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    row = next(r for r in rows if r["键"] == key)
    assert (row["审核结论"], row["批注"]) == ("存疑", "科目可能写错，待单位说明")
    assert ws.freeze_panes == "A2"


def test_export_needs_a_format(seed_copy, capsys):
    assert main(["export", str(seed_copy)]) == 2
    assert main(["export", str(seed_copy.parent / "missing.pdf"), "--csv", "x.csv"]) == 3
