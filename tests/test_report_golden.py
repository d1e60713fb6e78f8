"""The text report a reviewer reads, byte for byte, on one real PDF and on the sample pair.

Regenerate after an intended change with UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py
(and read the diff: it is what reviewers will see).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.engine import audit_document
from auditor.report.json_report import document_entry, report
from auditor.report.terminal import render

from .conftest import CORPUS, ROOT, load_cached

GOLDEN = Path(__file__).parent / "golden"
REAL = "jiangsu/江苏省高级人民法院/省法院2018年度部门预算公开.pdf"
PAIR = ("samples/pair_2018_narrative.txt", "samples/pair_2018_tables.txt")


def _check(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text == golden.read_bytes().decode("utf-8")


def _text(shown_path: str, doc, verbose: bool = False) -> str:
    entry = document_entry(shown_path, doc, audit_document(doc), None)
    return render(report([entry]), verbose=verbose) + "\n"


def test_golden_text_report_of_a_real_pdf():
    path = CORPUS / REAL
    if not path.exists():
        pytest.skip("../shared/corpus is not available")
    doc = load_cached(str(path))
    _check("report_real.text", _text(f"../shared/corpus/{REAL}", doc))


def test_golden_text_report_of_the_sample_pair(monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths, so the report names the files the same on every machine
    doc = load_cached(*PAIR)
    _check("report_pair.text", _text(" + ".join(PAIR), doc))
