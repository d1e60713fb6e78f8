"""A bureau's settings (audit.toml / [tool.auditor] / --config): discovery, precedence, overrides,
pattern layers, and one-line errors naming file, line and key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor import config, patterns
from auditor.cli import main

from .conftest import SEED


@pytest.fixture(autouse=True)
def _no_settings_left_behind():
    yield
    assert patterns.scope() == patterns.Scope()  # no call leaves its settings behind for the next


def _audit_json(args: list[str], capsys) -> tuple[int, dict]:
    code = main(args + ["--json"])
    return code, json.loads(capsys.readouterr().out)


def _results(report: dict, rule: str) -> list[dict]:
    return [r for r in report["documents"][0]["results"] if r["rule"] == rule]


# ---- discovery and precedence ------------------------------------------------------------------------
def test_discovered_in_a_parent_folder(tmp_path, monkeypatch):
    (tmp_path / "audit.toml").write_text('fail-on = "warn"\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert config.discover() == tmp_path / "audit.toml"
    assert config.resolve().fail_on == "warn"


def test_pyproject_tool_table_and_order(tmp_path, monkeypatch):
    (tmp_path / "audit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    sub = tmp_path / "proj"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(sub)
    assert config.discover() == tmp_path / "audit.toml"  # a pyproject without [tool.auditor] is skipped
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.auditor]\nfail-on = "warn"\n', encoding="utf-8")
    assert config.resolve().fail_on == "warn"
    (sub / "audit.toml").write_text('fail-on = "fail"\n', encoding="utf-8")
    assert config.discover() == sub / "audit.toml"  # audit.toml first, as ruff.toml before pyproject.toml


def test_fail_on_from_config_and_flag_wins(tmp_path, monkeypatch, capsys):
    seed = tmp_path / "seed.txt"
    shutil.copy(SEED, seed)
    (tmp_path / "audit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["seed.txt"]) == 0  # the seed has real 不通过; the bureau chose never
    assert main(["seed.txt", "--fail-on", "fail"]) == 1
    assert main(["seed.txt", "--isolated"]) == 1
    capsys.readouterr()


def test_select_ignore_from_config_and_flag_wins(tmp_path, monkeypatch, capsys):
    seed = tmp_path / "seed.txt"
    shutil.copy(SEED, seed)
    (tmp_path / "audit.toml").write_text('select = ["T"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, report = _audit_json(["seed.txt"], capsys)
    assert {r["rule"][0] for r in report["documents"][0]["results"]} == {"T"}
    _, report = _audit_json(["seed.txt", "--rules", "X"], capsys)
    assert {r["rule"][0] for r in report["documents"][0]["results"]} == {"X"}


def test_explicit_config_file(tmp_path, capsys):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('ignore = ["N", "D"]\n', encoding="utf-8")
    _, report = _audit_json([str(SEED), "--config", str(cfg)], capsys)
    families = {r["rule"][0] for r in report["documents"][0]["results"]}
    assert families and not families & {"N", "D"}


# ---- per-rule overrides --------------------------------------------------------------------------------
def _retyped_seed(tmp_path: Path) -> Path:
    """The seed with one narrative figure off by 0.01万元: an N101 不通过 beyond the printed ±0.005."""
    text = SEED.read_text(encoding="utf-8")
    assert text.count("556.56") == 1
    out = tmp_path / "seed.txt"
    out.write_text(text.replace("556.56", "556.57"), encoding="utf-8")
    return out


def _retyped_result(report: dict) -> dict:
    return next(r for r in _results(report, "N101") if r["claimed"] and r["claimed"]["value"] == "556.57")


def test_tolerance_override_widens_to_a_hint(tmp_path, capsys):
    doc = _retyped_seed(tmp_path)
    cfg = tmp_path / "audit.toml"
    _, plain = _audit_json([str(doc), "--isolated"], capsys)
    assert _retyped_result(plain)["verdict"] == "fail"
    cfg.write_text('[rules.N101]\ntolerance = "0.02"\n', encoding="utf-8")
    _, wide = _audit_json([str(doc), "--config", str(cfg)], capsys)
    r = _retyped_result(wide)
    assert (r["verdict"], r["severity"]) == ("warn", "info")
    assert "0.02万元" in r["message"] and "audit.toml" in r["message"]
    cfg.write_text('[rules.N101]\ntolerance = "50元"\n', encoding="utf-8")  # 0.005万元: too narrow
    _, narrow = _audit_json([str(doc), "--config", str(cfg)], capsys)
    assert _retyped_result(narrow)["verdict"] == "fail"


def test_severity_override_changes_how_shown_and_counted(tmp_path, capsys):
    doc = _retyped_seed(tmp_path)
    cfg = tmp_path / "audit.toml"
    cfg.write_text('select = ["N101"]\n[rules.N101]\nseverity = "info"\n', encoding="utf-8")
    code, report = _audit_json([str(doc), "--config", str(cfg)], capsys)
    r = _retyped_result(report)
    assert (r["verdict"], r["severity"]) == ("fail", "info")  # still 不通过: severity is not truth
    assert code == 0  # a 不通过 shown as 提示 does not gate with --fail-on fail ...
    assert main([str(doc), "--config", str(cfg), "--fail-on", "warn", "--json"]) == 1  # ... but does with warn
    capsys.readouterr()
    cfg.write_text('select = ["N101"]\n[rules.N101]\nseverity = "warning"\n', encoding="utf-8")
    code, report = _audit_json([str(doc), "--config", str(cfg)], capsys)
    assert _retyped_result(report)["severity"] == "warning" and code == 1


def test_region_profile_is_used(tmp_path, capsys):
    """The seed is a 重庆 budget; the config names the 江苏 template instead of guessing."""
    from auditor.checks.disclosure import profile

    cfg = tmp_path / "audit.toml"
    cfg.write_text('region = "jiangsu"\n', encoding="utf-8")
    from dataclasses import replace

    from auditor.settings import Settings

    from .conftest import load_cached

    seed = load_cached(str(SEED))
    assert profile(replace(seed, settings=Settings(config=config.resolve(cfg))))["id"] == "jiangsu"
    assert profile(replace(seed, settings=Settings()))["id"].startswith("chongqing")  # guessed from the text


# ---- pattern layers ----------------------------------------------------------------------------------
def test_merge_semantics():
    base = {"kinds": [{"id": "a", "match": ["x"]}, {"id": "b", "match": ["y"]}], "unit": "u", "words": ["p"]}
    extra = {"kinds": [{"id": "b", "match": ["z"]}, {"id": "c", "match": ["w"]}], "unit": "v", "words": ["p", "q"]}
    assert patterns.merge(base, extra) == {
        "kinds": [{"id": "c", "match": ["w"]}, {"id": "a", "match": ["x"]}, {"id": "b", "match": ["y", "z"]}],
        "unit": "v",
        "words": ["p", "q"],
    }


def test_bureau_folder_adds_a_table_wording_and_overrides_a_rule_text(tmp_path, capsys):
    layer = tmp_path / "我局规则"
    (layer / "rules").mkdir(parents=True)
    (layer / "tables.yaml").write_text("kinds:\n  - id: three_public\n    match: ['公务三项']\n", encoding="utf-8")
    builtin = patterns.load("tables")
    (layer / "rules" / "ours.yaml").write_text(
        (patterns.patterns_dir() / "rules" / "D_disclosure.yaml").read_text(encoding="utf-8")
        .replace("title: 残留模板占位文字", "title: 我局：残留模板占位文字"), encoding="utf-8")
    cfg = tmp_path / "audit.toml"
    cfg.write_text('patterns = ["./我局规则"]\n', encoding="utf-8")
    assert main(["rules", "--json", "--config", str(cfg)]) == 0
    listing = json.loads(capsys.readouterr().out)
    d105 = next(r for r in listing["rules"] if r["id"] == "D105")
    assert d105["title"] == "我局：残留模板占位文字" and "我局规则" in d105["origin"]
    t101 = next(r for r in listing["rules"] if r["id"] == "T101")
    assert t101["origin"] == "T_table_arithmetic.yaml"
    assert any(s["setting"] == "patterns" and s["value"].endswith("我局规则") and "audit.toml:1" in s["origin"]
               for s in listing["settings"])
    from auditor.tables.kinds import classify

    with config.resolve(cfg).scope_applied():  # what one call with this config reads
        three = next(k for k in patterns.load("tables")["kinds"] if k["id"] == "three_public")
        assert "公务三项" in three["match"] and set(builtin["kinds"][0]["match"]) <= set(three["match"])
        assert classify("2021年公务三项支出预算表")[0] == "three_public"
    assert classify("2021年公务三项支出预算表")[0] != "three_public"  # the layer is gone with its call


def test_rules_text_names_setting_origins(tmp_path, capsys):
    cfg = tmp_path / "audit.toml"
    cfg.write_text('fail-on = "warn"\n\n[rules.T101]\nseverity = "warning"\n', encoding="utf-8")
    assert main(["rules", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "fail-on" in out and f"{cfg}:1" in out
    line = next(ln for ln in out.splitlines() if "T101" in ln)
    assert "警告" in line and f"severity：{cfg}:4" in line


def test_workers_get_the_settings(tmp_path, capsys):
    """Batch workers are spawned processes: the command's settings must reach them."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(_retyped_seed(tmp_path), a)
    shutil.copy(a, b)
    cfg = tmp_path / "audit.toml"
    cfg.write_text('select = ["N101"]\n[rules.N101]\ntolerance = "0.02"\n', encoding="utf-8")
    main([str(a), str(b), "-j", "2", "--config", str(cfg), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    for doc in report["documents"]:
        r = next(r for r in doc["results"] if r["claimed"] and r["claimed"]["value"] == "556.57")
        assert r["verdict"] == "warn"


# ---- errors: one line, file, line and key, exit 2 ----------------------------------------------------
@pytest.mark.parametrize("text, where, words", [
    ('fail-on = "sometimes"\n', ":1:", "fail-on"),
    ('\n\ncolour = "red"\n', ":3:", "colour"),
    ('[rules.N101]\nseverity = "warning"\ntolerance = "a lot"\n', ":3:", "rules.N101.tolerance"),
    ('[rules.N101]\nseverty = "warning"\n', ":2:", "rules.N101.severty"),
    ('[rules.N999]\nseverity = "info"\n', ":2:", "rules.N999"),
    ('select = ["T", "Q7"]\n', ":1:", "select"),
    ('\nignore = ["T9"]\n', ":2:", "ignore: T9"),
    ('region = "nowhere"\n', ":1:", "region"),
    ('patterns = ["./missing"]\n', ":1:", "patterns"),
    ('fail-on = "warn"\nregion = [1,\n', ":", "TOML"),
    ('rules = { N101 = { severity = "loud" } }\n', ":1:", "rules.N101.severity"),
])
def test_broken_config_is_one_line(tmp_path, capsys, text, where, words):
    cfg = tmp_path / "audit.toml"
    cfg.write_text(text, encoding="utf-8")
    assert main([str(SEED), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"audit: {cfg}{where}") and words in err


def test_broken_pyproject_names_its_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.auditor]\nfail-on = 3\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 2
    assert capsys.readouterr().err.startswith(f"audit: {tmp_path / 'pyproject.toml'}:5: fail-on")


def test_missing_config_file(tmp_path, capsys):
    assert main(["rules", "--config", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml" in capsys.readouterr().err
