"""Reading a long PDF's pages in worker processes.

pdfminer's parse is almost all of the reading time and it runs page by page, so contiguous page
ranges go to workers and the items come back in page order. The calling process reads the first
range itself. Workers are started once per process (spawned, so a threaded caller such as the TUI
is safe) and reused for every later document. Inside a batch worker, pages are read in order:
the batch already keeps every core busy.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable

MIN_PAGES_PER_WORKER = 6  # below this, starting workers costs more than it saves
MAX_WORKERS = 4
_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_pool_pid = 0  # a forked child must not use its parent's pool
_enabled = True


def disable() -> None:
    """Read pages in order in this process (batch workers call this)."""
    global _enabled
    _enabled = False


def page_ranges(npages: int, workers: int | None) -> list[tuple[int, int]]:
    if workers is None:
        env = os.environ.get("AUDITOR_PAGE_WORKERS")
        workers = int(env) if env and env.isdigit() else min(os.cpu_count() or 1, MAX_WORKERS)
        if not _enabled or multiprocessing.current_process().daemon:
            workers = 1
    n = max(1, min(workers, npages // MIN_PAGES_PER_WORKER))
    if n == 1:
        return [(0, npages)]
    step, extra = divmod(npages, n)
    out, start = [], 0
    for k in range(n):
        end = start + step + (1 if k < extra else 0)
        out.append((start, end))
        start = end
    return out


def _executor(size: int) -> ProcessPoolExecutor:
    global _pool, _pool_size, _pool_pid
    if _pool is not None and _pool_pid != os.getpid():
        _pool = None  # inherited through fork: it belongs to the parent
    if _pool is None or _pool_size < size:
        if _pool is not None:
            _pool.shutdown(wait=False)
        _pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"))
        _pool_size = size
        _pool_pid = os.getpid()
    return _pool


def read_ranges(path: str, ranges: list[tuple[int, int]], first: Callable[[], tuple]) -> list[tuple]:
    """Each range's (items, chars, cid chars), in order; the first range is read here by `first`."""
    from .pdf import read_range

    pool = _executor(len(ranges) - 1)
    futures: list[Future] = [pool.submit(read_range, path, start, end) for start, end in ranges[1:]]
    try:
        head = first()
    except BaseException:
        for f in futures:
            f.cancel()
        raise
    return [head] + [f.result() for f in futures]  # a worker's ReadError is raised here, as read
