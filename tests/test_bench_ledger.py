"""bench/snapshot.py and bench/ledger.py on a tiny JSONL written here: no ../shared needed.

The fixture is the shape `audit DIR --format jsonl` writes (the seed's own report, re-filed under
`../shared/corpus/` and `/abs/regions/`), so the tools are tested against the real report schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import audit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed.txt"
BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def seed_entry() -> dict:
    report = json.loads(audit(str(SEED), config=False).to_json())
    return report["documents"][0]


@pytest.fixture()
def jsonl(tmp_path: Path, seed_entry: dict) -> Path:
    a = dict(seed_entry, path="../shared/corpus/seed.txt")
    b = dict(seed_entry, path="/abs/where/regions/sub/seed.txt + /abs/where/regions/sub/tables.txt")
    broken = {"path": "../shared/corpus/broken.pdf", "status": "error", "error": {"code": "x", "message": "m"},
              "meta": None, "tables": [], "results": [], "summary": {}}
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in (a, b, broken)), encoding="utf-8")
    return f


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH / script), *args], cwd=ROOT, capture_output=True, text=True)


def test_snapshot_is_small_stable_and_relative(jsonl: Path, tmp_path: Path, seed_entry: dict) -> None:
    out = tmp_path / "snap"
    first = run("snapshot.py", "--jsonl", str(jsonl), "--out", str(out))
    assert first.returncode == 0, first.stderr
    snap_file = out / "corpus" / "seed.txt.json"
    text = snap_file.read_text(encoding="utf-8")
    snap = json.loads(text)
    assert snap["document"] == "corpus/seed.txt"
    assert len(snap["tables"]) == len(seed_entry["tables"]) > 0
    t = snap["tables"][0]
    assert set(t) >= {"title", "kind", "unit", "pages", "rows", "columns", "reading"}
    ns = [r for r in seed_entry["results"] if r["rule"].startswith("N")]
    assert snap["figures"] == {"placed": sum(r["verdict"] != "unverified" for r in ns), "total": len(ns)}
    assert 0 < snap["relations"]["held"] <= snap["relations"]["total"]
    assert len(text.splitlines()) == len(snap) + len(snap["tables"]) + 3  # a line per key and per table
    pair = json.loads((out / "regions" / "sub" / "seed.txt.json").read_text(encoding="utf-8"))
    assert pair["sources"] == ["regions/sub/seed.txt", "regions/sub/tables.txt"]
    assert "/abs" not in (out / "regions" / "sub" / "seed.txt.json").read_text(encoding="utf-8")
    assert json.loads((out / "corpus" / "broken.pdf.json").read_text(encoding="utf-8"))["status"] == "error"
    again = run("snapshot.py", "--jsonl", str(jsonl), "--out", str(out))
    assert "(0 changed)" in again.stdout and snap_file.read_text(encoding="utf-8") == text
    stale = out / "corpus" / "gone.pdf.json"
    stale.write_text("{}", encoding="utf-8")
    run("snapshot.py", "--jsonl", str(jsonl), "--out", str(out))
    assert not stale.exists()  # a document no longer in its folder loses its snapshot


def test_ledger_merges_the_hand_classification(jsonl: Path, tmp_path: Path, seed_entry: dict) -> None:
    fails = [r for r in seed_entry["results"] if r["verdict"] == "fail"]
    assert fails, "the seed has a known real error (一般公共服务支出 688.27)"
    out = tmp_path / "ledger"
    out.mkdir()
    key = fails[0]["key"]
    (out / "classified.tsv").write_text(
        "document\tkey\tclass\tnote\n"
        f"corpus/seed.txt\t{key}\treal\t688.27 is 公共安全支出\n"
        f"corpus/old.pdf\tN101:gone\tfalse\tfixed\n", encoding="utf-8")
    check = run("ledger.py", "--jsonl", str(jsonl), "--out", str(out), "--check")
    assert check.returncode == 1  # the regions copy of the same fail is not classified
    assert not (out / "corpus.tsv").exists()
    done = run("ledger.py", "--jsonl", str(jsonl), "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = (out / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["document", "page", "rule", "key", "message", "class", "note"]
    assert len(rows) == 1 + len(fails)
    first = next(r.split("\t") for r in rows[1:] if r.split("\t")[3] == key)
    assert first[0] == "corpus/seed.txt" and first[5] == "real" and first[6] == "688.27 is 公共安全支出"
    regions = (out / "regions.tsv").read_text(encoding="utf-8").splitlines()
    assert all(r.split("\t")[5] == "unclassified" for r in regions[1:])
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    n = len(fails)
    assert f"corpus: fails {n}, real 1, false 0, unclassified {n - 1}" in summary
    assert f"all: fails {2 * n}, real 1, false 0, unclassified {2 * n - 1}, real 100.0% of classified" in summary
    assert "gone: corpus/old.pdf N101:gone" in summary


def test_ledger_rejects_an_unknown_class(jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger"
    out.mkdir()
    (out / "classified.tsv").write_text("corpus/seed.txt\tN101:x\tmaybe\t\n", encoding="utf-8")
    res = run("ledger.py", "--jsonl", str(jsonl), "--out", str(out))
    assert res.returncode != 0 and "real or false" in res.stderr


def test_ledger_imports_a_markdown_review(jsonl: Path, tmp_path: Path, seed_entry: dict) -> None:
    key = next(r["key"] for r in seed_entry["results"] if r["verdict"] == "fail")
    review = tmp_path / "fails_review.md"
    review.write_text(
        "# review\n\n| document | page | rule | key | verdict | class | why |\n|---|---|---|---|---|---|---|\n"
        f"| seed.txt | – | N101 | `{key}` | fail | real | 688.27 is 公共安全支出 |\n"  # the key's | unescaped
        f"| regions/sub/seed.txt | – | N101 | {key.replace('|', chr(92) + '|')} | fail | real | escaped |\n"
        "| other.pdf | 3 | N101 | N101:x | fail | false | not here |\n", encoding="utf-8")
    out = tmp_path / "ledger"
    out.mkdir()
    res = run("ledger.py", "--jsonl", str(jsonl), "--out", str(out), "--import-review", str(review))
    assert res.returncode == 0, res.stderr
    assert "2 classifications added, 1 rows naming no current fail" in res.stdout  # both copies of the seed
    classified = (out / "classified.tsv").read_text(encoding="utf-8")
    assert f"corpus/seed.txt\t{key}\treal\t688.27 is 公共安全支出 (fails_review.md)" in classified
    again = run("ledger.py", "--jsonl", str(jsonl), "--out", str(out), "--import-review", str(review))
    assert "0 classifications added" in again.stdout  # what the file already says is kept
