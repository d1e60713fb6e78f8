"""Bad input: a one-line error naming the file and the cause, a distinct exit code, no traceback."""

from __future__ import annotations

import json

import pytest

from auditor.cli import main
from auditor.errors import EXIT_UNREADABLE, ReadError
from auditor.ingest import load

from .conftest import ROOT, SEED
from .pdfmaker import make_long_pdf, make_pdf

DISCLOSURE = ["某某局2021年部门预算", "一、部门收支总体情况", "收入预算802.57万元，支出预算802.57万元。", "决算 预算"]


def expect_error(path, code):
    with pytest.raises(ReadError) as info:
        load(str(path))
    assert info.value.code == code
    assert str(path) in info.value.message
    return info.value


def test_not_a_pdf(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    expect_error(p, "not_pdf")


def test_empty(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    expect_error(p, "empty")


def test_truncated(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", DISCLOSURE)
    p = tmp_path / "truncated.pdf"
    p.write_bytes(good.read_bytes()[:300])
    err = expect_error(p, "corrupt")
    assert "\n" not in err.message


def test_encrypted_with_user_password(tmp_path):
    p = make_pdf(tmp_path / "locked.pdf", DISCLOSURE, encrypt="secret")
    expect_error(p, "encrypted")


def test_encrypted_owner_password_only_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption(userPassword="", ownerPassword="owner", canPrint=1)
    p = make_pdf(tmp_path / "owner.pdf", ["Budget 802.57"], encrypt=enc, font="Helvetica")
    # it opens without a password: the reading goes as far as finding it is not a disclosure
    expect_error(p, "not_a_disclosure")


def test_no_text_layer(tmp_path):
    p = make_pdf(tmp_path / "scan.pdf", [], text=False)
    expect_error(p, "no_text_layer")


def test_not_a_disclosure(tmp_path):
    p = make_pdf(tmp_path / "memo.pdf", ["Meeting notes", "Nothing about budgets here."])
    expect_error(p, "not_a_disclosure")


def test_missing_file(tmp_path):
    expect_error(tmp_path / "nope.pdf", "not_found")


def test_gbk_text_is_read(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    doc = load(str(p))
    assert doc.meta.organization == "重庆市大渡口区司法局"
    assert len(doc.tables) == len(load(str(SEED)).tables)


def test_batch_goes_on_and_exit_code(tmp_path, capsys):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    locked = make_pdf(tmp_path / "locked.pdf", DISCLOSURE, encrypt="secret")
    code = main([str(bad), str(locked), str(SEED), "--json"])
    out, err = capsys.readouterr()
    assert code == EXIT_UNREADABLE
    report = json.loads(out)
    statuses = [d["status"] for d in report["documents"]]
    assert statuses == ["error", "error", "ok"]
    assert [d["error"]["code"] for d in report["documents"][:2]] == ["empty", "encrypted"]
    lines = [ln for ln in err.splitlines() if ln]
    assert len(lines) == 2 and all(ln.startswith("audit: ") for ln in lines)
    assert "Traceback" not in err


def test_a_300_page_pdf_is_read_page_by_page(tmp_path):
    lines = ["某某局2021年部门预算（第{page}页）", "一、部门收支总体情况", "收入预算802.57万元，支出预算802.57万元，均较上年增加。"]
    path = make_long_pdf(tmp_path / "long.pdf", 300, lines)
    doc = load(str(path))
    assert doc.meta.pages == 300
    assert doc.paragraphs[-1].page == 300


def _clear_pattern_caches() -> None:
    """Every module keeps what it compiled from patterns/ in an lru_cache; an earlier test may have
    filled them, and then the broken file would never be read. Clear them all, not a hand-kept list."""
    import sys

    for name, module in list(sys.modules.items()):
        if name == "auditor" or name.startswith("auditor."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def test_a_broken_patterns_file_names_the_file_and_line(tmp_path, monkeypatch, capsys):
    import shutil

    broken = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", broken)
    claims = broken / "claims.yaml"
    lines = claims.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "  - id: [unclosed")
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("AUDITOR_PATTERNS", str(broken))
    _clear_pattern_caches()
    try:
        code = main([str(SEED)])
        err = capsys.readouterr().err
        assert code == 2
        assert len(err.strip().splitlines()) == 1
        assert "claims.yaml:" in err and "Traceback" not in err
    finally:
        monkeypatch.delenv("AUDITOR_PATTERNS")
        _clear_pattern_caches()


def test_a_rule_without_examples_is_a_catalogue_error(tmp_path, monkeypatch):
    import shutil

    from auditor import patterns
    from auditor.errors import PatternError
    from auditor.rules import catalogue

    broken = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", broken)
    (broken / "rules" / "Z_extra.yaml").write_text(
        "- id: T999\n  title: 测试\n  checks: 测试\n  why: 测试\n  severity: error\n", encoding="utf-8")
    monkeypatch.setenv("AUDITOR_PATTERNS", str(broken))
    catalogue.catalogue.cache_clear()
    try:
        with pytest.raises(PatternError, match="T999"):
            catalogue.catalogue()
    finally:
        monkeypatch.delenv("AUDITOR_PATTERNS")
        catalogue.catalogue.cache_clear()
        patterns.load.cache_clear()
