"""What a new reviewer meets first (issue 23): every message Chinese and said once, severities shown,
a wrong baseline or previous-year file explained in full."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.errors import EXIT_UNREADABLE, EXIT_USAGE

from .conftest import SAMPLES, SEED

ENGLISH = re.compile(r"[A-Za-z]{4,}")  # a word of English; file names are stripped before the test


def _prose(text: str, *paths: Path | str) -> str:
    """The message without the file paths it names (those may be Latin)."""
    for p in paths:
        text = text.replace(str(p), "").replace(Path(p).name, "")
    text = re.sub(r'"[^"]*"', "", text)  # a quoted example of what to write
    return re.sub(r"--?[a-z-]+|\baudit\b|TOML|YAML|JSON|UTF-8|PDF", "", text)


def test_a_severity_set_to_info_shows_in_the_text_report(tmp_path, capsys):
    cfg = tmp_path / "audit.toml"
    cfg.write_text('[rules.N101]\nseverity = "info"\n', encoding="utf-8")
    code = main([str(SEED), "--config", str(cfg), "--rules", "N101"])
    out = capsys.readouterr().out
    assert code == 0  # 提示 counts only with --fail-on warn ...
    assert "[不通过·提示] N101" in out  # ... and the report says why
    assert "[不通过·错误] N101" not in out
    assert main([str(SEED), "--isolated", "--rules", "N101"]) == 1
    assert "[不通过·错误] N101" in capsys.readouterr().out


def test_an_unreadable_file_is_reported_once(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa\x00\x81 broken")
    assert main([str(bad), "--isolated"]) == EXIT_UNREADABLE
    out, err = capsys.readouterr()
    assert out.count("无法读取：") == 1 and str(bad) not in err  # on screen: the report block only
    main([str(bad), "--isolated", "--json"])
    assert str(bad) in capsys.readouterr().err  # a machine format on stdout: stderr still says it


@pytest.mark.parametrize("setup", ["missing", "utf16", "directory"])
def test_a_baseline_that_cannot_be_read_is_chinese(tmp_path, capsys, setup):
    path = tmp_path / "old.json"
    if setup == "utf16":
        path.write_bytes('{"documents": []}'.encode("utf-16"))
    elif setup == "directory":
        path.mkdir()
    assert main([str(SEED), "--baseline", str(path), "--isolated"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "无法读取基线文件" in err
    assert not ENGLISH.search(_prose(err, path)), err


@pytest.mark.parametrize("content", ['fail-on = warn\n', 'fail-on = "warn"\nfail-on = "fail"\n', 'a b = 1\n',
                                     'select = ["T"\n', 'region = "x\n', 'fail-on = “warn”\n'])
def test_a_broken_config_is_chinese(tmp_path, capsys, content):
    cfg = tmp_path / "audit.toml"
    cfg.write_text(content, encoding="utf-8")
    assert main([str(SEED), "--config", str(cfg)]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "TOML 格式有误" in err
    assert not ENGLISH.search(_prose(err, cfg)), err


def test_a_pattern_file_that_is_not_yaml_is_chinese(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "claims.yaml").write_text("concepts: [a, b\n  - : :\n", encoding="utf-8")
    cfg = tmp_path / "audit.toml"
    cfg.write_text('patterns = ["mine"]\n', encoding="utf-8")
    assert main([str(SEED), "--config", str(cfg)]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert "YAML 格式有误" in err and not ENGLISH.search(_prose(err, folder / "claims.yaml")), err


def test_a_baseline_of_another_document_is_a_warning(tmp_path, capsys):
    main([str(SEED), "--json", "-o", str(tmp_path / "seed.json"), "--isolated"])
    capsys.readouterr()
    other = SAMPLES / "hexi_budget_2025.txt"
    main([str(other), "--baseline", str(tmp_path / "seed.json"), "--isolated", "--json"])
    out, err = capsys.readouterr()
    assert "警告：基线" in err and "seed.txt 的报告" in err and "hexi_budget_2025.txt" in err
    assert json.loads(out)["documents"][0]["baseline"]["other"] == ["seed.txt"]
    main([str(SEED), "--baseline", str(tmp_path / "seed.json"), "--isolated", "--json"])
    out, err = capsys.readouterr()
    assert "警告" not in err and "other" not in json.loads(out)["documents"][0]["baseline"]


def test_previous_refused_names_every_reason(capsys):
    other = SAMPLES / "hexi_budget_2025.txt"  # another body, and a later year
    assert main([str(SEED), "--previous", str(other), "--isolated"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "应为2020年" in err and "应为同一单位" in err


def test_demo_audits_the_shipped_seed(capsys):
    assert main(["demo", "--json", "--isolated"]) == 1  # the seed's known error
    out, err = capsys.readouterr()
    doc = json.loads(out)["documents"][0]
    assert Path(doc["path"]).name == "seed.txt" and doc["status"] == "ok"
    assert any(r["rule"] == "N101" and r["verdict"] == "fail" for r in doc["results"])
    assert "示例文件" in err


def test_demo_lists_and_names_samples(capsys):
    assert main(["demo", "--list"]) == 0
    listed = [Path(line).name for line in capsys.readouterr().out.splitlines()]
    assert "seed.txt" in listed and "putuo_draft_2026.xlsx" in listed
    assert main(["demo", "nope.txt"]) == EXIT_USAGE
    assert "没有示例文件 nope.txt" in capsys.readouterr().err


def test_help_and_an_empty_folder_speak_of_drafts_too(tmp_path, capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert ".xlsx" in out and ".docx" in out and "audit demo" in out
    assert main([str(tmp_path), "--isolated"]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "Word" in err and "Excel" in err


@pytest.mark.parametrize("name,content", [("broken.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
                                          ("broken.xlsx", b"PK\x03\x04" + bytes(60)),
                                          ("broken.docx", b"PK\x03\x04" + bytes(60))])
def test_a_broken_file_is_explained_in_chinese(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert main([str(path), "--isolated"]) == EXIT_UNREADABLE
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "无法读取" in line)
    assert not ENGLISH.search(_prose(line, path)), line
