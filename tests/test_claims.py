"""Narrative claims against the tables: the seed's known error, rounding, and a real corpus error."""

from __future__ import annotations

from auditor.claims.align import check_claims
from auditor.claims.extract import extract

from .conftest import SAMPLES, corpus_file, load_cached


def test_seed_688_fails_and_names_the_row(seed_doc):
    results, _ = check_claims(seed_doc)
    bad = [r for r in results if r.verdict == "fail"]
    assert len(bad) == 1
    r = bad[0]
    assert r.claimed.value == "688.27" and r.claimed.unit == "万元"
    assert "公共安全支出" in r.message
    assert seed_doc.text[r.span[0] : r.span[1]].replace(" ", "") == "688.27万元"
    assert any(e.row.endswith("公共安全支出") for e in r.evidence)


def test_seed_true_claims_pass(seed_doc):
    results, _ = check_claims(seed_doc)
    passed = [r for r in results if r.verdict == "pass"]
    unverified = [r for r in results if r.verdict == "unverified"]
    assert len(passed) >= 40
    # only changes with no prior-year figure in any table stay unverified
    assert all(r.rule == "N102" for r in unverified)
    # a rounded narrative figure passes: 246万元 against 2,460,148.80元
    assert any(r.claimed.value == "246" and r.verdict == "pass" for r in results)


def test_change_with_typo_is_read_as_decrease(seed_doc):
    results, _ = check_claims(seed_doc)
    typos = [r for r in results if "较少" in r.message]
    assert len(typos) == 2  # "三公"经费 and 公务接待费: the figures agree, the word is wrong
    for r in typos:
        assert r.verdict == "warn" and r.expected.value == "-1.00"
        assert r.message.startswith("用词有误：原文“较少”应为“减少”。") and "与表格相符" in r.message


def test_every_claim_span_points_into_the_text(seed_doc):
    for c in extract(seed_doc):
        assert seed_doc.text[c.start : c.end].strip()
        assert c.sentence.start <= c.start < c.end <= c.sentence.end


def test_samples_have_no_false_fails():
    for name in ("hexi_budget_2025.txt", "jiangnan_final_2024.txt"):
        doc = load_cached(str(SAMPLES / name))
        results, _ = check_claims(doc)
        assert [r.message for r in results if r.verdict == "fail"] == [], name


def test_known_corpus_error_is_flagged():
    doc = load_cached(str(corpus_file("shanghai/上海市普陀区财政局2024年度部门决算.pdf")))
    results, _ = check_claims(doc)
    hit = [r for r in results if r.verdict == "fail" and r.claimed.value == "0.3"]
    assert hit and "2,961.68" in hit[0].message and hit[0].page == 21
