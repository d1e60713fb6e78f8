"""A wheel installed into a fresh environment works from any folder, without the checkout.

The wheel is built from a copy of the project (the checkout gets no build/ folder), installed
into a new venv with pip's --python and --no-index (offline), and run from an unrelated folder.
The venv borrows the running interpreter's installed dependencies through a path entry, so nothing
is downloaded; that entry is a plain folder on sys.path, so the checkout's editable install (a .pth
hook in that folder) is not picked up: the auditor that runs is the wheel's.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

PROJECT_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
PROJECT_DIRS = ("auditor", "patterns", "samples")


def _run(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("AUDITOR_PATTERNS", "PYTHONPATH")}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("install")
    src = base / "src"
    src.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.review.json", "*.egg-info")
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    dist = base / "dist"
    build = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-w", str(dist), "-q"]
    if importlib.util.find_spec("wheel") and importlib.util.find_spec("setuptools"):
        build.append("--no-build-isolation")  # offline: the build backend is already here
    done = _run(build, cwd=base)
    assert done.returncode == 0, done.stderr
    wheel = next(dist.glob("auditor-*.whl"))

    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base)
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib.stdout.strip()) / "_auditor_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    done = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q",
                 str(wheel)], cwd=base)
    assert done.returncode == 0, done.stderr
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return {"python": python, "audit": python.parent / "audit", "cwd": elsewhere, "wheel": wheel}


def test_wheel_carries_patterns_and_samples(installed):
    import zipfile

    names = zipfile.ZipFile(installed["wheel"]).namelist()
    shipped_rules = {p.name for p in (ROOT / "patterns" / "rules").glob("*.yaml")}
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith("auditor/data/patterns/rules/")} == shipped_rules
    assert "auditor/data/samples/seed.txt" in names
    assert "auditor/report/schema.json" in names


def test_installed_package_is_the_wheel(installed):
    done = _run([str(installed["python"]), "-c",
                 "import auditor, auditor.patterns as p; print(auditor.__file__); print(p.patterns_dir())"],
                cwd=installed["cwd"])
    assert done.returncode == 0, done.stderr
    module, patterns = done.stdout.splitlines()
    venv_dir = str(installed["python"].parent.parent)
    assert module.startswith(venv_dir) and patterns.startswith(venv_dir)
    assert not module.startswith(str(ROOT))


def test_version_and_module_entry(installed):
    for cmd in ([str(installed["audit"]), "--version"], [str(installed["python"]), "-m", "auditor", "--version"]):
        done = _run(cmd, cwd=installed["cwd"])
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("auditor ")


def test_audit_a_shipped_sample(installed):
    sample = installed["cwd"] / "seed.txt"
    shutil.copy(ROOT / "samples" / "seed.txt", sample)
    done = _run([str(installed["audit"]), "seed.txt", "--json"], cwd=installed["cwd"])
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    doc = report["documents"][0]
    assert doc["status"] == "ok" and doc["tables"] and doc["results"]


def test_demo_runs_the_sample_inside_the_package(installed):
    """The README's way to a shipped sample from an install, with no checkout at hand."""
    done = _run([str(installed["audit"]), "demo", "--json"], cwd=installed["cwd"])
    assert done.returncode == 1, done.stderr  # the seed's known error
    doc = json.loads(done.stdout)["documents"][0]
    assert doc["status"] == "ok" and doc["path"].startswith(str(installed["python"].parent.parent))


def test_rules_and_explain(installed):
    done = _run([str(installed["audit"]), "rules", "--json"], cwd=installed["cwd"])
    assert done.returncode == 0, done.stderr
    ids = {r["id"] for r in json.loads(done.stdout)["rules"]}
    assert {"T101", "X101", "N101", "D101"} <= ids
    done = _run([str(installed["audit"]), "explain", "N101"], cwd=installed["cwd"])
    assert done.returncode == 0, done.stderr
    assert "N101" in done.stdout


def test_train_export(installed):
    out = installed["cwd"] / "set.json"
    done = _run([str(installed["audit"]), "train", "--export", str(out), "--count", "2"], cwd=installed["cwd"])
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["exercises"]) == 2


def test_missing_catalogue_is_an_error(installed, tmp_path):
    """An install that lost its rules must not print an empty catalogue and exit 0."""
    empty = tmp_path / "patterns"
    (empty / "rules").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["AUDITOR_PATTERNS"] = str(empty)
    done = subprocess.run([str(installed["audit"]), "rules"], cwd=installed["cwd"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "规则" in done.stderr and done.stdout == ""


@pytest.mark.parametrize("command", [["tui", "SEED"], ["train", "--export", "OUT"]])
def test_full_screen_commands_stop_on_missing_patterns(tmp_path, monkeypatch, capsys, command):
    """Inside a Textual app a PatternError was a traceback and exit 0: it is checked before."""
    from auditor import patterns
    from auditor.cli import main

    args = [str(ROOT / "samples" / "seed.txt") if a == "SEED" else str(tmp_path / "set.json") if a == "OUT" else a
            for a in command]
    monkeypatch.setenv("AUDITOR_PATTERNS", str(tmp_path))
    patterns.clear_caches()
    try:
        assert main(args) == 2
    finally:
        monkeypatch.delenv("AUDITOR_PATTERNS")
        patterns.clear_caches()
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(tmp_path) in err
    assert not (tmp_path / "set.json").exists()
