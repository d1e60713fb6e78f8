"""Every output format against a golden file, the JSON Schema on json and jsonl, and the batch
runner: folders, workers, time limits, deterministic bytes.

Regenerate the golden files after an intended change with UPDATE_GOLDEN=1 python -m pytest tests/test_formats.py
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from auditor import __version__
from auditor.batch import audit_group, expand, run
from auditor.cli import main
from auditor.errors import EXIT_FINDINGS, EXIT_UNREADABLE

from .conftest import ROOT, SEED

GOLDEN = Path(__file__).parent / "golden"
INPUT = "tests/data/golden_input.txt"  # relative, so the paths inside the outputs are too
TEXT_FORMATS = ("json", "jsonl", "sarif", "junit", "csv", "text")


def _schema():
    return json.loads((ROOT / "auditor" / "report" / "schema.json").read_text(encoding="utf-8"))


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_golden(fmt, capsys, in_root):
    code, out, err = _run(capsys, INPUT, "--format", fmt, "-j", "1")
    assert code == EXIT_FINDINGS and not err
    out = out.replace(__version__, "VERSION")
    golden = GOLDEN / f"golden_input.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(out.encode("utf-8"))
    assert out == golden.read_bytes().decode("utf-8")


def test_xlsx_matches_csv(tmp_path, capsys, in_root):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    code, _, _ = _run(capsys, INPUT, "--format", "xlsx", "-o", str(out))
    assert code == EXIT_FINDINGS
    ws = load_workbook(out).active
    got = [["" if c.value is None else str(c.value) for c in row] for row in ws.iter_rows()]
    want = list(csv.reader(io.StringIO((GOLDEN / "golden_input.csv").read_bytes().decode("utf-8"), newline="")))
    assert got == want


def test_xlsx_needs_an_output(capsys, in_root):
    code, _, err = _run(capsys, INPUT, "--format", "xlsx")
    assert code == 2 and "-o" in err


def test_json_and_jsonl_validate(capsys, in_root):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema()
    _, out, _ = _run(capsys, INPUT, str(SEED), "--format", "json")
    jsonschema.validate(json.loads(out), schema)
    _, out, _ = _run(capsys, INPUT, str(SEED), "/nonexistent.pdf", "--format", "jsonl")
    lines = out.splitlines()
    assert len(lines) == 3
    doc_schema = {**schema["$defs"]["document"], "$defs": schema["$defs"]}
    for line in lines:
        jsonschema.validate(json.loads(line), doc_schema)
    assert json.loads(lines[2])["error"]["code"] == "not_found"


def test_sarif_structure(capsys, in_root):
    _, out, _ = _run(capsys, INPUT, "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "T101" in ids and "D107" in ids and all(r["help"]["text"] for r in rules)
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["kind"] in ("fail", "review", "open")
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == INPUT
        assert res["partialFingerprints"]["auditorKey/v1"]


def test_junit_lists_passes_too(capsys, in_root):
    _, out, _ = _run(capsys, INPUT, "--format", "junit")
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert int(suite.get("tests")) == len(cases) > len(failures) + len(skipped)
    assert int(suite.get("failures")) == len(failures) > 0


def test_directories_are_expanded_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.pdf", "a.txt", "b/1.TXT", "notes.md", ".hidden.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert got == ["a.txt", "b/1.TXT", "b/2.pdf"]


def test_parallel_output_is_the_same_bytes(capsys, in_root):
    files = ["samples/seed.txt", INPUT, "samples/jiangnan_final_2024.txt", "/nonexistent.txt"]
    _, one, _ = _run(capsys, *files, "--format", "jsonl", "-j", "1")
    _, two, _ = _run(capsys, *files, "--format", "jsonl", "-j", "2")
    assert one == two
    assert [json.loads(x)["path"] for x in one.splitlines()] == files


def test_a_document_over_its_time_limit_is_reported_and_the_batch_goes_on(tmp_path, capsys):
    entry = audit_group([str(SEED)], None, None, 0.001)
    assert entry["status"] == "error" and entry["error"]["code"] == "timeout"
    entries = list(run([[str(SEED)], [INPUT]], timeout=0.001, jobs=1))
    assert [e["status"] for e in entries] == ["error", "error"]
    code, out, err = _run(capsys, str(ROOT / INPUT), str(tmp_path / "missing.pdf"), "--json")
    assert code == EXIT_UNREADABLE
    assert [d["status"] for d in json.loads(out)["documents"]] == ["ok", "error"]
    assert err.count("audit: ") == 1


def test_output_file(tmp_path, capsys, in_root):
    out = tmp_path / "r.sarif"
    code, stdout, _ = _run(capsys, INPUT, "--format", "sarif", "-o", str(out))
    assert code == EXIT_FINDINGS and stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_one_documents_internal_error_does_not_end_the_batch(monkeypatch, capsys, in_root):
    import auditor.engine

    real = auditor.engine.audit_document

    def flaky(doc, **kw):
        if doc.path.endswith("golden_input.txt"):
            raise ZeroDivisionError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(auditor.engine, "audit_document", flaky)
    code, out, err = _run(capsys, INPUT, "samples/seed.txt", "--json", "-j", "1")
    docs = json.loads(out)["documents"]
    assert code == EXIT_UNREADABLE and "Traceback" not in err
    assert [d["status"] for d in docs] == ["error", "ok"] and docs[0]["error"]["code"] == "internal"


def test_a_pdf_over_its_time_limit_is_a_timeout_not_corrupt():
    from .conftest import corpus_file

    path = str(corpus_file("jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf"))
    entry = audit_group([path], None, None, 0.2)
    assert entry["error"]["code"] == "timeout"


def test_untrusted_text_is_safe_in_spreadsheets_and_xml(tmp_path, capsys):
    from openpyxl import load_workbook

    text = (ROOT / INPUT).read_text(encoding="utf-8").replace(
        "二、“三公”经费情况说明", '=HYPERLINK("http://x","y")\x01 二、“三公”经费情况说明')
    doc = tmp_path / "evil.txt"
    doc.write_text(text, encoding="utf-8")
    out = tmp_path / "r.xlsx"
    _run(capsys, str(doc), "--format", "xlsx", "-o", str(out))
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert not any(isinstance(c.value, str) and "\x01" in c.value for c in cells)
    _, junit, _ = _run(capsys, str(doc), "--format", "junit")
    ET.fromstring(junit)  # well-formed


def test_rule_patterns_must_name_rules(capsys, in_root):
    code, out, _ = _run(capsys, INPUT, "--rules", "Xxx", "--json")
    assert {r["rule"][0] for r in json.loads(out)["documents"][0]["results"]} == {"X"}
    code, _, err = _run(capsys, INPUT, "--rules", "ZZZ")
    assert code == 2 and "ZZZ" in err
    code, _, err = _run(capsys, INPUT, "--ignore", "T9")
    assert code == 2


def test_output_path_mistakes_are_usage_errors(tmp_path, capsys, in_root):
    code, _, err = _run(capsys, INPUT, "--json", "-o", str(tmp_path / "missing" / "r.json"))
    assert code == 2 and "输出目录不存在" in err
    copy = tmp_path / "draft.txt"
    copy.write_text((ROOT / INPUT).read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = _run(capsys, str(copy), "--json", "-o", str(copy))
    assert code == 2 and copy.stat().st_size > 0
    code, _, _ = _run(capsys, INPUT, "--timeout", "-1")
    assert code == 2
