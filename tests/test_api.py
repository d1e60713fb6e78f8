"""`from auditor import audit`: typed results whose to_json() is the CLI's JSON byte for byte."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import auditor
from auditor import audit
from auditor.cli import main
from auditor.results import Evidence, Result

from .conftest import SAMPLES, SEED

SINGLE = sorted(str(p) for p in SAMPLES.glob("*") if p.suffix in (".txt", ".pdf") and "pair_2018" not in p.name)
PAIR = [str(SAMPLES / "pair_2018_narrative.txt"), str(SAMPLES / "pair_2018_tables.txt")]


def _cli(args: list[str], capsys) -> tuple[int, str]:
    code = main(args + ["--json", "--isolated", "-j", "1"])
    return code, capsys.readouterr().out


@pytest.fixture(scope="module")
def samples_report():
    return audit(SINGLE, config=False)


def test_json_equals_cli_on_the_samples(samples_report, capsys):
    code, out = _cli(SINGLE, capsys)
    assert samples_report.to_json() == out
    assert samples_report.exit_code() == code


def test_together_equals_cli(capsys):
    code, out = _cli(PAIR + ["--together"], capsys)
    report = audit(PAIR, together=True, config=False)
    assert report.to_json() == out and len(report.documents) == 1
    assert report.documents[0].path == " + ".join(PAIR)


def test_typed_objects(samples_report):
    assert [d.path for d in samples_report.documents] == SINGLE
    seed = next(d for d in samples_report.documents if d.path.endswith("seed.txt"))
    assert seed.status == "ok" and seed.meta.organization == "重庆市大渡口区司法局" and seed.meta.year == 2021
    assert all(isinstance(r, Result) for r in seed.results)
    assert seed.findings and all(r.verdict != "pass" for r in seed.findings)
    with_evidence = [r for r in seed.results if r.evidence]
    assert with_evidence and all(isinstance(e, Evidence) for r in with_evidence for e in r.evidence)
    for r, raw in zip(seed.results, seed.raw["results"]):
        assert r.as_dict() == {k: v for k, v in raw.items() if k != "review"}  # nothing lost on the way
    assert seed.to_json() == json.dumps(seed.raw, ensure_ascii=False, indent=1) + "\n"
    assert samples_report.summary["documents"] == len(SINGLE)


def test_select_and_config_path(tmp_path):
    cfg = tmp_path / "audit.toml"
    cfg.write_text('select = ["T"]\nfail-on = "never"\n', encoding="utf-8")
    report = audit(SEED, config=cfg)
    assert {r.rule[0] for r in report.documents[0].results} == {"T"}
    assert report.exit_code() == 0 and report.exit_code("fail") in (0, 1)
    assert {r.rule[0] for r in audit(SEED, config=cfg, select=["X"]).documents[0].results} == {"X"}
    from auditor import patterns

    assert patterns.scope() == patterns.Scope()  # settings do not leak out of the call


def test_unknown_rule_pattern_raises():
    with pytest.raises(ValueError, match="T9"):
        audit(SEED, config=False, select=["T9"])


def test_unreadable_file_is_in_the_report(tmp_path):
    report = audit(tmp_path / "missing.pdf", config=False)
    assert report.documents[0].status == "error" and report.exit_code() == 3


def test_import_is_light_and_never_textual():
    code = (
        "import sys\n"
        "import auditor\n"
        "assert 'auditor.api' not in sys.modules and 'yaml' not in sys.modules, sorted(sys.modules)\n"
        "from auditor import audit\n"
        f"report = audit({str(SEED)!r}, config=False)\n"
        "assert report.documents[0].results\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_version():
    assert auditor.__version__ and "audit" in auditor.__all__
