from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "seed.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_file(rel: str) -> Path:
    path = CORPUS / rel
    if not path.exists():
        pytest.skip(f"corpus not available: {rel}")
    return path


@lru_cache(maxsize=None)
def load_cached(*paths: str):
    from auditor.ingest import load

    return load(*paths)


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed in tmp: review sidecars written next to it never touch samples/."""
    dst = tmp_path / "seed.txt"
    shutil.copy(SEED, dst)
    return dst


@pytest.fixture(scope="session")
def seed_doc():
    return load_cached(str(SEED))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not available")
    return CORPUS


SMALL_SUMMARY = """
表1
测试局部门收支总表
单位：万元
收入 | 预算数 | 支出 | 预算数
一般公共预算拨款收入 | 100.00 | 一般公共服务支出 | 100.00
本年收入合计 | 100.00 | 本年支出合计 | 100.00
"""


def small_disclosure(narrative: str, tables: str = SMALL_SUMMARY, title: str = "测试局2026年部门预算"):
    """A small disclosure written as the rule examples are (" | " between cells): a title, the narrative
    under test and a few tables, read by the same reader as every document."""
    from auditor.ingest import load_string
    from auditor.rules.catalogue import Example
    from auditor.rules.examples import example_text

    return load_string(example_text(Example(document=title + "\n" + narrative.strip() + "\n" + tables)))

