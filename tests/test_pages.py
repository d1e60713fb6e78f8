"""Long PDFs are read in page ranges by worker processes: the same items as reading in order, and
when workers cannot start or die, the ranges are read in this process instead."""

from __future__ import annotations

from auditor.ingest import pages
from auditor.ingest.pdf import read_pdf

from .conftest import corpus_file

DOC = "shanghai/上海市普陀区财政局2024年度部门决算.pdf"


def test_ranges_cover_every_page_once():
    for n in (1, 5, 11, 12, 13, 35, 300):
        for workers in (1, 2, 3, 4):
            r = pages.page_ranges(n, workers)
            assert r[0][0] == 0 and r[-1][1] == n
            assert all(a[1] == b[0] for a, b in zip(r, r[1:]))
            assert all(e - s >= pages.MIN_PAGES_PER_WORKER for s, e in r) or len(r) == 1


def test_workers_give_the_same_items():
    path = str(corpus_file(DOC))
    assert read_pdf(path, workers=2) == read_pdf(path, workers=1)


def test_without_workers_pages_are_read_here(monkeypatch):
    path = str(corpus_file(DOC))
    want = read_pdf(path, workers=1)

    def no_pool(size):
        raise ValueError("bad value(s) in fds_to_keep")  # what a full-screen app's stdio gives

    monkeypatch.setattr(pages, "_executor", no_pool)
    assert read_pdf(path, workers=2) == want
