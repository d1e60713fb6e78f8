"""The command line: JSON contract, exit codes, inspect, and no Textual on headless paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from auditor.cli import main

from .conftest import SAMPLES, SEED

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "auditor" / "report" / "schema.json").read_text())


def run_json(args, capsys):
    code = main(args + ["--json"])
    out = capsys.readouterr().out
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    return code, report


def test_seed_json_contract(capsys):
    code, report = run_json([str(SEED)], capsys)
    assert code in (0, 1)
    doc = report["documents"][0]
    assert doc["status"] == "ok"
    assert doc["meta"] == {
        "organization": "重庆市大渡口区司法局",
        "year": 2021,
        "kind": "部门预算",
        "pages": None,
        "sources": [str(SEED)],
    }
    assert report["summary"]["documents"] == 1
    for r in doc["results"]:
        assert r["message"]
        for ev in r["evidence"]:
            assert isinstance(ev["value"], str)


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".pdf")))
def test_every_sample_validates(sample, capsys):
    code, report = run_json([str(SAMPLES / sample)], capsys)
    assert code in (0, 1)


def test_rule_selection(capsys):
    _, report = run_json([str(SEED), "--rules", "T101"], capsys)
    assert {r["rule"] for r in report["documents"][0]["results"]} == {"T101"}
    _, report = run_json([str(SEED), "--ignore", "T1"], capsys)
    assert not [r for r in report["documents"][0]["results"] if r["rule"].startswith("T1")]


def test_fail_on_never(capsys):
    assert main([str(SEED), "--fail-on", "never"]) == 0
    assert "通过" in capsys.readouterr().out


def test_usage_error(capsys):
    assert main(["--no-such-flag"]) == 2


def test_inspect_text_and_json(capsys):
    assert main(["inspect", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "一般公共预算财政拨款支出预算表" in out and "2021年预算数·小计" in out
    assert main(["inspect", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    t2 = next(t for t in data["documents"][0]["tables"] if t["number"] == "表2")
    assert t2["rows"][1]["cells"]["2021年预算数·小计"] == {"text": "6,882,717.96", "value": "6882717.96"}


def test_headless_never_imports_textual():
    code = (
        "import sys, io, contextlib\n"
        "from auditor.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main([{str(SEED)!r}, '--json'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
