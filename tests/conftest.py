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
