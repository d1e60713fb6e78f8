"""Word annotations: the findings about the whole document get a summary comment, and evidence
without a value reads as the table it names (not "= 元")."""

from __future__ import annotations

import pytest

from auditor.annotate import Finding, evidence_line, findings
from auditor.cli import main
from auditor.rules.catalogue import get_rule
from auditor.rules.examples import run_example

from .conftest import SAMPLES

docx = pytest.importorskip("docx")

DOCX = SAMPLES / "putuo_draft_2026.docx"


def test_a_document_level_finding_is_in_a_summary_comment(tmp_path, capsys):
    """The Word narrative alone has no tables: D101 says so for the whole document. It has no
    sentence to sit on, and used to be left out of the copy; now the first paragraph carries it."""
    out = tmp_path / "说明.审校.docx"
    main([str(DOCX), "--annotate", str(out), "--fail-on", "never"])
    copy = docx.Document(out)
    comments = list(copy.comments)
    summaries = [c for c in comments if c.text.startswith("审校结果（全文）")]
    assert len(summaries) == 1
    text = summaries[0].text
    assert "D101" in text and "未读到任何表格" in text
    sentence_comments = [c for c in comments if c not in summaries]
    assert all("D101" not in c.text for c in sentence_comments)  # the sample may have none of its own
    # the counts cover every 不通过/存疑 of the document, sentence comments included
    marked = sum(1 for c in sentence_comments) + 1
    assert f"存疑 {marked} 条" in text
    # anchored on the first paragraph with text: where a reader starts
    first = next(p for p in copy.paragraphs if p.text.strip())
    assert f'w:commentRangeStart w:id="{summaries[0].comment_id}"' in first._p.xml
    assert f"{len(comments)} 条批注" in capsys.readouterr().err


def test_no_summary_comment_when_every_finding_has_its_sentence(tmp_path):
    from auditor.annotate.word import annotate_docx

    entry = {"status": "ok", "results": [
        {"rule": "R104", "verdict": "warn", "message": "未说明原因", "text": "",
         "location": {"paragraph": 1, "label": "第1段"}, "evidence": []},
    ]}
    out = tmp_path / "x.docx"
    assert annotate_docx(str(DOCX), out, entry, [str(DOCX)]) == 1
    assert not any(c.text.startswith("审校结果") for c in docx.Document(out).comments)


def test_r101_evidence_without_a_value_reads_as_its_table():
    """R101 names the table that stops short of 项 level: its evidence has no value, and the
    comment used to read "依据：表名 = 元"."""
    rule = get_rule("R101")
    results = [r for r in run_example(rule, rule.failing[0]) if r.verdict in ("fail", "warn")]
    assert results
    entry = {"results": [r.as_dict() for r in results]}
    note = findings(entry)[0].note()
    assert "= 元" not in note and "= None" not in note and "= " not in note.split("\n", 1)[1]
    assert "依据：" in note and results[0].evidence[0].table in note


def test_evidence_line_shows_a_value_with_its_unit_and_place():
    e = {"table": "部门收支总表", "row": "合计", "column": "本年预算", "value": "688.27", "unit": "万元",
         "location": {"label": "第3页"}}
    assert evidence_line(e) == "依据：部门收支总表·合计·本年预算 = 688.27万元（第3页）"
    assert evidence_line({"table": "部门收支总表", "value": "", "unit": "元"}) == "依据：部门收支总表"
    assert evidence_line({"table": "", "value": None, "unit": "元"}) == ""
    f = Finding(rule="D104", verdict="fail", message="缺少章节", text="", where={}, evidence=[])
    assert not f.placed and f.note() == "[不通过] D104 缺少章节"
