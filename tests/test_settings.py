"""Settings are one object passed down through each call: two audits with different settings in one
process at once (threads: a service, a notebook) each get what their own settings give alone."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest

from auditor import audit, patterns
from auditor.config import Config, RuleSetting, Tolerance
from auditor.settings import Settings

from .conftest import SEED

_WIDE = RuleSetting(severity="warning", tolerance=Tolerance(amount=Decimal("0.02"), unit=None, text="0.02"))


def _retyped_seed(tmp_path: Path) -> Path:
    """The seed with one narrative figure off by 0.01万元: an N101 不通过 beyond the printed ±0.005,
    within a configured tolerance of 0.02."""
    text = SEED.read_text(encoding="utf-8")
    assert text.count("556.56") == 1
    out = tmp_path / "seed.txt"
    out.write_text(text.replace("556.56", "556.57"), encoding="utf-8")
    return out


SETTINGS = {
    "defaults": Config(),
    "ignore N101": Config(ignore=("N101",)),
    "N101 tolerance and severity": Config(rules={"N101": _WIDE, "T101": RuleSetting(severity="info")}),
    "another region": Config(region="jiangsu"),
}


def _results(path: Path, cfg: Config) -> str:
    return audit(path, config=cfg).to_json()


@pytest.fixture(scope="module")
def retyped(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The document and each setting's report when run alone."""
    doc = _retyped_seed(tmp_path_factory.mktemp("settings"))
    return doc, {name: _results(doc, cfg) for name, cfg in SETTINGS.items()}


def test_each_setting_changes_the_result_alone(retyped):
    """The variants differ from the defaults, so the concurrency test below can see a mix-up."""
    _, alone = retyped
    assert len(set(alone.values())) == len(alone)
    assert '"N101"' not in alone["ignore N101"]
    assert "配置的容差" in alone["N101 tolerance and severity"] and "配置的容差" not in alone["defaults"]


def test_two_threads_with_different_settings_do_not_mix(retyped):
    doc, alone = retyped
    names = list(SETTINGS)
    pairs = [(names[0], names[2]), (names[1], names[3]), (names[2], names[3])]
    got: dict[tuple[int, str], list[str]] = {}
    errors: list[BaseException] = []

    def run(i: int, name: str) -> None:
        try:
            for _ in range(2):  # repeatedly: the caches are warm for one setting when the other starts
                got.setdefault((i, name), []).append(_results(doc, SETTINGS[name]))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    for i, (a, b) in enumerate(pairs):
        threads = [threading.Thread(target=run, args=(i, a)), threading.Thread(target=run, args=(i, b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors, errors
    for (_, name), outputs in got.items():
        for out in outputs:
            assert out == alone[name], f"{name}: a concurrent call's settings leaked into this one"
    assert patterns.scope() == patterns.Scope()  # and nothing is left behind in the caller


def test_pattern_layers_are_per_call(tmp_path):
    """A bureau's table wording is seen by the call that layers it, never by another running at once."""
    from auditor.tables.kinds import classify

    layer = tmp_path / "我局规则"
    layer.mkdir()
    (layer / "tables.yaml").write_text("kinds:\n  - id: three_public\n    match: ['公务三项']\n", encoding="utf-8")
    title = "2021年公务三项支出预算表"
    with_layer = Settings(config=Config(patterns=(layer,)))
    seen: dict[str, set[str]] = {"layer": set(), "plain": set()}
    start = threading.Barrier(2)

    def run(key: str, settings: Settings) -> None:
        start.wait()
        for _ in range(200):
            with settings.applied():
                seen[key].add(classify(title)[0])

    threads = [threading.Thread(target=run, args=("layer", with_layer)),
               threading.Thread(target=run, args=("plain", Settings()))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen["layer"] == {"three_public"}
    assert "three_public" not in seen["plain"] and len(seen["plain"]) == 1


def test_settings_ride_on_the_document():
    from auditor.engine import audit_document

    from .conftest import load_cached
    from dataclasses import replace

    doc = replace(load_cached(str(SEED)))
    settings = Settings.resolve(Config(region="jiangsu", ignore=("D105",)), select=["D"])
    results = audit_document(doc, settings=settings)
    assert doc.settings is settings
    assert results and all(r.rule.startswith("D") and r.rule != "D105" for r in results)


@pytest.mark.parametrize("cfg", list(SETTINGS.values()), ids=list(SETTINGS))
def test_settings_pickle_whole_for_batch_workers(cfg):
    import pickle

    settings = Settings.resolve(cfg, select=["N"])
    assert pickle.loads(pickle.dumps(settings)) == settings
